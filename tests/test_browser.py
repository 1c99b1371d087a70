"""The site as a reader sees it: every page, light and dark, in headless Chromium from a local server.

Pages are found in the built site (every `*.html`), so a new chapter or notebook is checked the day
it is added. Each check is a function `check(visit) -> [problem, ...]`; `test_every_page` runs it over
every page, and `test_each_check_catches_its_fault` proves on every run that it fails on a page
broken on purpose. Pictures of every page, to look at, are `make screenshots` (tests/screenshots.py).

The site must be served (README: "Reading the built site"); the server here is 127.0.0.1 only, and
Chromium resolves no other host, so a request elsewhere fails loudly and is recorded.
"""

import bisect
import io
import itertools
import json
import os
import re
import threading
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlparse

import pytest

from tests.chromium import CHROMIUM, FLAGS, QuietHandler, base_url, pages_of, serve, url_of
from tests.conftest import BACKGROUND, ROOT, background
from tests.test_glossary import appendices

if not CHROMIUM and os.environ.get("CI") != "true":
    pytest.skip(
        "browser tests need Debian's Chromium (`apt-get install chromium`); CI installs it and requires them",
        allow_module_level=True,
    )

from PIL import Image  # noqa: E402  (pillow comes with matplotlib, a docs dependency)
from playwright.sync_api import sync_playwright  # noqa: E402

pytestmark = pytest.mark.browser

SCHEMES = ("light", "dark")  # as prefers-color-scheme, which picks material's palette (mkdocs.yml)
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
READING_MINUTES = 10  # a reader stuck on a page fails the tests that wait for it, instead of hanging CI


# --- serving the built site, one browser ------------------------------------------------------------


@pytest.fixture(scope="session")
def server(site):
    """The session's built site on 127.0.0.1, a free port; yields its base URL."""
    with serve(site) as httpd:
        yield base_url(httpd)
        httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM:
        pytest.fail("CI=true but Chromium is missing: .ci/run installs it with apt-get (package chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


def new_context(browser, scheme: str):
    """A tab group in one colour scheme at 1280 x 800; the copy buttons may use the clipboard."""
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 800})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    return context


@pytest.fixture(scope="session")
def contexts(browser):
    """One browser context per colour scheme."""
    made = {scheme: new_context(browser, scheme) for scheme in SCHEMES}
    yield made
    for context in made.values():
        context.close()


@pytest.fixture(scope="session")
def pages(site) -> list[str]:
    return pages_of(site)


# --- loading a page ---------------------------------------------------------------------------------


@dataclass
class Visit:
    page: object  # playwright Page
    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def opening(context, url: str) -> Visit:
    """Open `url` in a new tab, recording every request and every error; return before it has loaded
    (quiet(visit) waits), so that the browser loads many pages at once."""
    page = context.new_page()
    visit = Visit(page, url)
    page.on("request", lambda request: visit.requests.append(request.url))
    page.on("requestfailed", lambda request: visit.errors.append(f"{request.url}: {request.failure}"))
    page.on("console", lambda message: message.type == "error" and visit.errors.append(message.text))
    page.on("pageerror", lambda error: visit.errors.append(f"uncaught: {error}"))
    response = page.goto(url, wait_until="commit")
    if not response.ok:
        visit.errors.append(f"HTTP {response.status} for {url}")
    return visit


def quiet(visit: Visit) -> Visit:
    """Wait until the page has loaded, made no request for 500 ms, and has its fonts."""
    visit.page.wait_for_load_state("networkidle")
    # Polled, and with playwright's time limit: a promise evaluated in a tab that gets no frames can
    # wait forever (a clean-clone run once hung here, or in a check, for minutes).
    visit.page.wait_for_function("document.fonts.status === 'loaded'", polling=100)
    return visit


def load(context, url: str) -> Visit:
    return quiet(opening(context, url))


# --- the checks: each returns a list of problems, empty when the page is right -----------------------

CHECKS = {}


def check(function):
    CHECKS[function.__name__] = function
    return function


@check
def console_errors(visit):
    return visit.errors


@check
def requests_to_other_hosts(visit):
    origin = "{0.scheme}://{0.netloc}/".format(urlparse(visit.url))
    return [url for url in visit.requests if not url.startswith((origin, "data:", "blob:"))]


@check
def unrendered_math(visit):
    """TeX left as text outside code, table of contents included: \\( \\[ $$, or $...$ holding TeX;
    an arithmatex span Temml skipped."""
    return visit.page.evaluate(r"""() => {
        const prose = document.body.cloneNode(true);
        prose.querySelectorAll("pre, code, script, style, textarea, math").forEach(e => e.remove());
        const tex = /\\\(|\\\[|\$\$|\$(?=\S)[^$\n]*?[\\^_{][^$\n]*?\$/g;
        const raw = [...prose.textContent.matchAll(tex)]
            .map(m => "raw TeX: …" + prose.textContent.slice(Math.max(0, m.index - 30), m.index + 40) + "…");
        const skipped = [...document.querySelectorAll(".arithmatex:not(:has(math))")]
            .map(e => "unrendered: " + e.textContent.slice(0, 60));
        return [...raw, ...skipped];
    }""")


CODE_BLOCKS = ".md-content .highlight:not(.book-output) pre:has(> code)"
OUTPUT_FENCES = ".md-content .highlight:has(> .filename)"
COPY_BUTTON = "button[data-md-type=copy]"
SHOWN_CODE = """block => {  // what the copy button must copy: the code, without a console's prompts and output
    const code = block.querySelector("code").cloneNode(true);
    code.querySelectorAll(".md-annotation, .md-code__nav").forEach(e => e.remove());
    if (block.closest(".language-pycon")) code.querySelectorAll(".gp, .go").forEach(e => e.remove());
    return code.textContent;
}"""


REVEAL = """block => {  // as a reader would: open the collapsed admonition, pick the tab that holds it
    for (let e = block; e; e = e.parentElement) {
        if (e.tagName === "DETAILS") e.open = true;
        if (e.matches(".tabbed-content > .tabbed-block")) {
            const set = e.closest(".tabbed-set"), index = [...e.parentElement.children].indexOf(e);
            set.querySelectorAll(":scope > input")[index].click();
        }
    }
}"""


@check
def copy_buttons(visit):
    """Each code block has a copy button; clicking it puts the block's code on the clipboard, and a
    console block's code without prompts and output: Python that compiles, as pasted."""
    # A click as a user gesture (Chrome DevTools Protocol): the copy needs one, and it lasts 5 s only.
    # One call per block, in the page: playwright's own click would cost seven round trips.
    cdp = visit.page.context.new_cdp_session(visit.page)
    blocks = []
    for number in range(visit.page.evaluate(f"document.querySelectorAll('{CODE_BLOCKS}').length")):
        clicked = f"""(async () => {{
            const block = document.querySelectorAll("{CODE_BLOCKS}")[{number}];
            ({REVEAL})(block);
            const buttons = block.querySelectorAll("{COPY_BUTTON}");
            await navigator.clipboard.writeText("");
            if (buttons.length === 1) buttons[0].click();
            return {{buttons: buttons.length, copied: await navigator.clipboard.readText(),
                     shown: ({SHOWN_CODE})(block), console: !!block.closest(".language-pycon")}};
        }})()"""
        options = {"expression": clicked, "awaitPromise": True, "returnByValue": True, "userGesture": True}
        blocks.append(cdp.send("Runtime.evaluate", options)["result"]["value"])
    cdp.detach()
    problems = []
    for number, block in enumerate(blocks, start=1):
        if block["buttons"] != 1:
            problems.append(f"code block {number}: {block['buttons']} copy buttons")
        elif block["copied"].rstrip() != block["shown"].rstrip():
            problems.append(f"code block {number}: copied {block['copied'][:60]!r}, shown {block['shown'][:60]!r}")
        elif block["console"]:
            try:
                compile(block["copied"], f"code block {number}", "exec")
            except SyntaxError as error:
                problems.append(f"code block {number}: the copied console code does not run: {error}")
    return problems


@check
def outputs_look_like_outputs(visit):
    """A fence titled Output (or "Output and warning") has its own look (a rule on the left, a tint) and no
    copy button, and at 1280 px no line of it runs off the block (a warning wraps); no code shows a `# %%`
    cell marker."""
    problems = visit.page.evaluate(r"""() => {
        const problems = [];
        const code = document.querySelector(".md-content .highlight:not(.book-output) pre > code");
        for (const fence of document.querySelectorAll(".md-content .highlight:has(> .filename)")) {
            if (!/^Output( and warning)?$/.test(fence.querySelector(".filename").textContent.trim())) continue;
            const printed = fence.querySelector("pre > code");
            if (printed.scrollWidth > printed.clientWidth + 1)
                problems.push("an output runs off its block: " + printed.textContent.slice(0, 60));
            const rule = parseFloat(getComputedStyle(fence).borderLeftWidth);
            const tint = getComputedStyle(fence.querySelector("pre > code")).backgroundColor;
            if (!fence.classList.contains("book-output") || rule < 2) problems.push("an output fence without its rule");
            else if (code && tint === getComputedStyle(code).backgroundColor) problems.push("an output fence as code");
        }
        for (const block of document.querySelectorAll(".md-content pre > code"))
            if (/^# %%/m.test(block.textContent)) problems.push("a cell marker: " + block.textContent.slice(0, 40));
        return problems;
    }""")
    outputs = visit.page.locator(".md-content .book-output")
    problems += [
        f"output fence {n}: a copy button"
        for n in range(outputs.count())
        if outputs.nth(n).locator(COPY_BUTTON).count()
    ]
    return problems


BUILD_PATH = r"/tmp/|/home/|/work/|/Users/|/__w/|site-packages|ipykernel_\d|[A-Z]:\\\\"


@check
def no_build_paths(visit):
    """No path of the machine that built the book (a warning's file and line, a temporary cell file,
    PyTorch's build folder) in the page's text, nor in a notebook it offers for download."""
    return visit.page.evaluate(
        r"""async (pattern) => {
        const path = new RegExp(pattern), problems = [];
        const text = document.querySelector(".md-content").textContent;
        if (path.test(text)) problems.push("a build path on the page: …" + text.match(new RegExp(".{0,40}(" + pattern + ").{0,40}"))[0]);
        for (const link of document.querySelectorAll(".md-content a[download]")) {
            const file = await (await fetch(link.href)).text();
            if (path.test(file)) problems.push(`a build path in ${link.getAttribute("href")}: …` + file.match(new RegExp(".{0,40}(" + pattern + ").{0,40}"))[0]);
        }
        return problems;
    }""",
        BUILD_PATH,
    )


WIDE = r"""() => [...document.querySelectorAll(".md-typeset div.arithmatex")].map(e => ({
    tex: (e.querySelector("annotation") || e).textContent.slice(0, 60).replace(/\s+/g, " "),
    over: e.scrollWidth - e.clientWidth, focusable: e.tabIndex === 0,
    cue: getComputedStyle(e).backgroundImage.includes("gradient"),
}))"""


def math_problems(visit, width: int) -> list[str]:
    problems = []
    for math in visit.page.evaluate(WIDE):
        if width > 1000 and math["over"] > 1:
            problems.append(f"at {width} px, {math['over']} px too wide: {math['tex']}")
        if math["focusable"] != (math["over"] > 1):
            problems.append(
                f"at {width} px, focusable={math['focusable']} but overflow {math['over']} px: {math['tex']}"
            )
        if math["over"] > 1 and not math["cue"]:
            problems.append(f"no scroll cue: {math['tex']}")
        if math["over"] <= 1 and math["cue"]:
            problems.append(f"a scroll cue on math that fits (a faint edge): {math['tex']}")
    return problems


# A <picture> picks its phone layout when the width changes: wait (3 s at most) until each shows the
# source its media query chooses, loaded (a check must not read the other, nor abort its request).
PICTURES_SETTLED = r"""async () => {
    const chosen = img => {
        const source = [...img.parentElement.querySelectorAll("source")].find(s => matchMedia(s.media).matches);
        return source ? new URL(source.getAttribute("srcset"), location.href).href : img.src;
    };
    for (let wait = 0; wait < 30; wait++) {
        const pictures = [...document.querySelectorAll("picture > img")];
        if (pictures.every(img => img.complete && img.currentSrc === chosen(img))) return;
        await new Promise(done => setTimeout(done, 100));
    }
}"""


@contextmanager
def narrow(visit):
    """The page at a phone's width (390 x 844), then back to 1280 x 800."""
    visit.page.set_viewport_size({"width": 390, "height": 844})
    visit.page.wait_for_timeout(100)  # the ResizeObserver of book.js
    visit.page.evaluate(PICTURES_SETTLED)
    try:
        yield
    finally:
        visit.page.set_viewport_size({"width": 1280, "height": 800})
        visit.page.wait_for_timeout(100)
        visit.page.evaluate(PICTURES_SETTLED)


@check
def equations_fit(visit):
    """Every display equation fits the column at 1280 px; at 390 px one that does not scrolls, with a
    visible cue (shadows at its edges), and only such ones are Tab stops and show the cue; the page itself
    does not scroll."""
    problems = math_problems(visit, 1280)
    with narrow(visit):
        problems += math_problems(visit, 390)
        if visit.page.evaluate("document.documentElement.scrollWidth") > 390:
            problems.append("at 390 px the page scrolls sideways")
    return problems


UNBROKEN = r"""() => [...document.querySelectorAll(
    ".md-typeset span.arithmatex, .md-typeset :not(pre) > code:not(:has(*))")]
    .filter(e => e.matches("span.arithmatex") || !/\s/.test(e.textContent))
    .filter(e => e.getClientRects().length > 1)
    .map(e => `${e.localName}: ${(e.querySelector("annotation") || e).textContent.slice(0, 40)}`)"""


@check
def tokens_unbroken(visit):
    """An inline formula (with the punctuation after it) and inline code without a space stay on one
    line, at 1280 px and at 390 px: no `1e-` / `13`, no line starting with the comma after a formula."""
    problems = [f"at 1280 px, split over lines: {what}" for what in visit.page.evaluate(UNBROKEN)]
    with narrow(visit):
        problems += [f"at 390 px, split over lines: {what}" for what in visit.page.evaluate(UNBROKEN)]
    return problems


PHONE_TEXT_PX = 11  # hooks/draw_figures.py


@check
def figure_text_legible(visit):
    """At 390 px a figure's smallest text is >= 11 CSS px, in the picture shown (its phone layout, if it has
    one; matplotlib SVG text: glyphs scaled by size/100), and no figure is wider than its column without a
    visible cue (the shadows of a figure that scrolls)."""
    with narrow(visit):
        return visit.page.evaluate(
            r"""async (smallest) => {
            const problems = [];
            for (const img of document.querySelectorAll(".md-content :is(img[src$='.svg'], img[src^='data:image/svg'])")) {
                const shown = img.currentSrc || img.src;
                const svg = await (await fetch(shown)).text();
                const sizes = [...svg.matchAll(/scale\(([\d.]+) -\1\)/g)].map(m => 100 * m[1]);
                const box = svg.match(/viewBox="[\d.]+ [\d.]+ ([\d.]+) /);
                const name = shown.startsWith("data:") ? shown.slice(0, 60) : shown.split("/").pop();
                const figure = img.closest("figure");
                if (figure && figure.scrollWidth > figure.clientWidth + 1 &&
                    !getComputedStyle(figure).backgroundImage.includes("gradient"))
                    problems.push(`${name}: wider than the column at 390 px, with no cue`);
                if (!sizes.length && !/<text\b/.test(svg)) continue;  // no text
                if (!sizes.length || !box) {  // text this check cannot size (not matplotlib's glyphs): say so
                    problems.push(`${name}: its text is not measured`);
                    continue;
                }
                const px = Math.min(...sizes) * img.getBoundingClientRect().width / box[1];
                if (px < smallest) problems.push(`${name}: text ${px.toFixed(1)} px at 390 px`);
            }
            return problems;
        }""",
            PHONE_TEXT_PX,
        )


@check
def tables_fit(visit):
    """At 390 px a table fits its column (a phone shows each row as a block of labelled lines), or it
    scrolls with a visible cue; printed (an A4 sheet's width, 794 px), every table fits and no copy button
    shows."""
    fits = r"""(where) => [...document.querySelectorAll(".md-content table")].map(table => {
        const wrap = table.closest(".md-typeset__scrollwrap") || table.parentElement;
        const over = Math.max(table.getBoundingClientRect().width, table.scrollWidth) - wrap.clientWidth;
        const cue = getComputedStyle(wrap).backgroundImage.includes("gradient");
        return over > 1 && (where === "print" || !cue) ? `${where}: a table ${Math.round(over)} px wider than its column: ` +
            table.textContent.trim().slice(0, 40) : "";
    }).filter(Boolean)"""
    with narrow(visit):
        problems = visit.page.evaluate(fits, "at 390 px")
    visit.page.emulate_media(media="print")
    visit.page.set_viewport_size({"width": 794, "height": 1123})
    try:
        problems += visit.page.evaluate(fits, "print")
        copy = visit.page.evaluate(
            "[...document.querySelectorAll('.md-content button[data-md-type=copy]')].filter(b => b.getClientRects().length).length"
        )
        problems += [f"print: {copy} copy buttons on paper"] if copy else []
    finally:
        visit.page.emulate_media(media="screen")
        visit.page.set_viewport_size({"width": 1280, "height": 800})
    return problems


@check
def copy_button_clear_of_code(visit):
    """At 390 px no copy button covers the first line of its code block."""
    with narrow(visit):
        return visit.page.evaluate(r"""() => [...document.querySelectorAll(".md-content pre:has(> code)")].map(pre => {
            const button = pre.closest(".highlight").querySelector("button[data-md-type=copy]");
            const code = pre.querySelector("code");
            const first = [...code.childNodes].find(n => n.textContent.trim());
            if (!button || !first) return "";
            const range = document.createRange();
            range.selectNodeContents(code);
            const rects = [...range.getClientRects()].filter(r => r.width > 0);
            if (!rects.length) return "";
            const line = rects.filter(r => Math.abs(r.top - rects[0].top) < 2);  // the first line's pieces
            const [left, right] = [Math.min(...line.map(r => r.left)), Math.max(...line.map(r => r.right))];
            const b = button.getBoundingClientRect();
            const covered = b.left < right && b.right > left && b.top < rects[0].bottom && b.bottom > rects[0].top;
            return covered ? "a copy button covers the first line: " + code.textContent.trim().slice(0, 40) : "";
        }).filter(Boolean)""")


@check
def tabs_keep_their_place(visit):
    """At 390 px every tab's label shows whole, and choosing a tab moves nothing: its labels stay where
    they were on the screen, below the header; a label whose tab has the keyboard's focus shows a ring."""
    problems = []
    with narrow(visit):
        for number in range(visit.page.locator(".md-content .tabbed-set").count()):
            labels = visit.page.locator(".md-content .tabbed-set").nth(number).locator(".tabbed-labels > label")
            clipped = labels.evaluate_all(
                "ls => ls.filter(l => l.getBoundingClientRect().right > l.parentElement.getBoundingClientRect().right + 1)"
                ".map(l => l.textContent.trim())"
            )
            problems += [f"a tab label cut off at 390 px: {label}" for label in clipped]
            if labels.count() < 2:
                continue
            labels.nth(0).evaluate("l => l.scrollIntoView({block: 'center'})")
            before = labels.nth(1).evaluate("l => l.getBoundingClientRect().top")
            labels.nth(1).click()  # as a reader's click does, and playwright's: scrolled into view if it must be
            visit.page.wait_for_timeout(300)
            after, header = labels.nth(1).evaluate(
                "l => [l.getBoundingClientRect().top, document.querySelector('.md-header').getBoundingClientRect().bottom]"
            )
            if abs(after - before) > 2 or after < header:
                problems.append(
                    f"choosing a tab moved its labels from {before:.0f} to {after:.0f} px (header: {header:.0f})"
                )
            visit.page.keyboard.press("ArrowLeft")  # the keyboard: the first tab, focused
            ring = labels.nth(0).evaluate(
                "l => getComputedStyle(l).outlineStyle !== 'none' && parseFloat(getComputedStyle(l).outlineWidth) > 0"
            )
            if not ring:
                problems.append(f"a focused tab's label shows no focus ring: {labels.nth(0).inner_text()}")
            visit.page.mouse.move(640, 20)  # off the sidebars: no link left hovered for the checks that follow
    return problems


FIGURES = ".md-content img"


@check
def figures_loaded(visit):
    problems = []
    for figure in visit.page.locator(FIGURES).all():
        figure.scroll_into_view_if_needed()
        loaded = figure.evaluate("img => img.decode().then(() => img.naturalWidth > 0, () => false)")
        if not loaded:
            problems.append(f"not loaded: {figure.get_attribute('src')[:80]}")
    return problems


def contrast(png: bytes) -> float:
    """WCAG contrast between a picture's darkest and lightest ink (0.5th and 99.5th percentile)."""
    with Image.open(io.BytesIO(png)) as picture:
        counts = picture.convert("L").histogram()
    cumulative = list(itertools.accumulate(counts))
    darkest, lightest = ((bisect.bisect(cumulative, q * cumulative[-1]) / 255) ** 2.2 for q in (0.005, 0.995))
    return (lightest + 0.05) / (darkest + 0.05)


TEXT_COLOURS = r"""async img => {  // the colours of a matplotlib SVG's text (glyph groups), as this img shows it
    // An SVG in an <img> answers prefers-color-scheme with the img's color-scheme (material's scheme);
    // inline it would answer with the browser's: its scheme queries are answered as the img answers them.
    const dark = getComputedStyle(img).colorScheme.includes("dark");
    const source = (await (await fetch(img.currentSrc || img.src)).text()).replace(
        /\(prefers-color-scheme:\s*(dark|light)\)/g, (_, s) => (s === "dark") === dark ? "(min-width: 0px)" : "(max-width: 0px)");
    const svg = new DOMParser().parseFromString(source, "image/svg+xml");
    const holder = document.createElement("div");  // inline, so that its styles resolve: the page's scheme
    holder.style.cssText = "position: absolute; left: -10000px; width: 100px";
    holder.append(document.importNode(svg.documentElement, true));
    document.body.append(holder);
    const glyphs = [...holder.querySelectorAll("g[transform*='scale(']")].filter(g => /scale\(([\d.]+) -\1\)/.test(g.getAttribute("transform")));
    const colours = [...new Set(glyphs.map(g => getComputedStyle(g).fill))];
    holder.remove();
    return {colours, page: getComputedStyle(document.body).backgroundColor};
}"""


def luminance(rgb) -> float:
    linear = [(c / 255 / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4) for c in rgb]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def rgb_of(css: str) -> tuple[int, ...]:
    """(r, g, b) of a CSS colour: rgb(...) as a browser gives it, or #rrggbb."""
    if css.startswith("#"):
        return tuple(int(css[i : i + 2], 16) for i in (1, 3, 5))
    return tuple(int(float(v)) for v in re.findall(r"[\d.]+", css)[:3])


def contrast_ratio(a, b) -> float:
    """WCAG's contrast of two (r, g, b) colours: 4.5 for text, 3 for graphics."""
    x, y = luminance(a), luminance(b)
    return (max(x, y) + 0.05) / (min(x, y) + 0.05)


@check
def figures_readable(visit):
    """A figure as drawn on the page (over its background) keeps WCAG's 3:1 for graphics, and its text
    4.5:1 for text, in the scheme the page is in: each colour its text is drawn in (as that scheme resolves
    the SVG's styles) has 4.5:1 on the page, and is the colour the picture shows (its pixels hold it)."""
    problems = []
    for figure in visit.page.locator(FIGURES).all():
        if figure.evaluate("img => img.naturalWidth > 0"):
            name = (figure.evaluate("img => img.currentSrc || img.src")).split("/")[-1][:80]
            png = figure.screenshot()
            ratio = contrast(png)
            if ratio < 3:
                problems.append(f"contrast {ratio:.1f}:1 in {name}")
            text = figure.evaluate(TEXT_COLOURS)
            page = rgb_of(text["page"])
            with Image.open(io.BytesIO(png)) as picture:
                pixels = {colour for _, colour in picture.convert("RGB").getcolors(maxcolors=1 << 24)}
            for colour in map(rgb_of, text["colours"]):
                ratio = contrast_ratio(colour, page)
                if ratio < 4.5:
                    problems.append(f"text contrast {ratio:.2f}:1 in {name}: rgb{colour} on {text['page']}")
                elif not any(all(abs(a - b) <= 4 for a, b in zip(colour, p)) for p in pixels):
                    problems.append(f"{name} does not show its text in rgb{colour}, its colour in this scheme")
    return problems


@check
def notebook_outputs(visit):
    """A notebook page (hooks/notebook_markup.py) shows what its cells printed, as output fences, and
    its figures have alt text of their own."""
    return visit.page.evaluate(r"""() => {
        const notebook = document.querySelector(".book-notebook");
        if (!notebook) return [];
        const shown = [...notebook.querySelectorAll(".book-output")].filter(o => o.getBoundingClientRect().height > 0);
        const mute = [...notebook.querySelectorAll("img")].filter(i => !i.alt || /no description/i.test(i.alt));
        return [...(shown.length ? [] : ["no output shown"]), ...mute.map(i => "a figure without alt text")];
    }""")


COLOUR_RULES = ", runOnly: ['color-contrast', 'link-in-text-block']"


@check
def accessibility(visit):
    """axe-core (from node_modules, injected inline): no serious or critical violation."""
    if not visit.page.evaluate("'axe' in window"):
        visit.page.add_script_tag(content=AXE.read_text())
    # The dark scheme changes colours only (material's palette): there, the rules about colour.
    rules = "" if visit.page.evaluate("matchMedia('(prefers-color-scheme: light)').matches") else COLOUR_RULES
    violations = visit.page.evaluate(
        f"axe.run(document, {{resultTypes: ['violations']{rules}}}).then(r => r.violations)"
    )
    return [
        f"{v['impact']} {v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']}: "
        f"{v['nodes'][0]['failureSummary'][:200]})"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]


# --- every page, every check ------------------------------------------------------------------------


# Checks of layout and behaviour, which the colour scheme does not change: once, in one scheme (chosen
# so that the two readers below take about as long).
SCHEME_FREE = {
    "copy_buttons": "light",
    "equations_fit": "dark",
    "figure_text_legible": "dark",
    "tokens_unbroken": "light",
    "no_build_paths": "light",
    "tables_fit": "dark",
    "copy_button_clear_of_code": "light",
    "tabs_keep_their_place": "dark",
}
RUNS = [(name, scheme) for name in CHECKS for scheme in SCHEMES if SCHEME_FREE.get(name, scheme) == scheme]
# The print edition is the chapters again, each of which is read: there, what assembling them can break
# (errors, requests, math, layout, axe's rules in the light scheme), not the same copy buttons, the same
# figures' ink or the same colours a second time.
NOT_IN_PRINT = {
    ("copy_buttons", "light"),
    ("figures_readable", "light"),
    ("figures_readable", "dark"),
    ("accessibility", "dark"),
}


def run_check(name: str, visit: Visit) -> list[str]:
    try:
        return CHECKS[name](visit)
    except Exception as error:  # a check that breaks is a problem of its page, not of the others
        return [f"the check raised {type(error).__name__}: {error}"]


def read_every_page(scheme: str, pages: list[str], server: str, site, breakages) -> dict[tuple[str, str], list[str]]:
    """A reader in one colour scheme, with a browser of its own: every page opened at once, then each
    checked; then each of `breakages` (half of BREAKAGES: the readers take as long),
    in the scheme it asks for, by the check it must fail. (check, page) -> problems, and
    ("broken", breakage) -> what its check found."""
    found = {}
    # Every page's search worker indexes the whole book (~0.3 CPU-s a page); these checks search
    # nothing, so it gets the index with no page in it. The search tests below use the real one.
    index = {**json.loads((site / "search" / "search_index.json").read_text()), "docs": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        contexts = {}
        for where in SCHEMES:
            contexts[where] = new_context(browser, where)
            contexts[where].route("**/search/search_index.json", lambda route: route.fulfill(json=index))
        context = contexts[scheme]
        visits = {page: opening(context, url_of(server, page)) for page in pages}
        for page, visit in visits.items():
            quiet(visit).page.bring_to_front()  # a tab in the background gets no animation frames
            # Last, the check that changes the page (opens what is collapsed, shows a "Copied" dialog).
            runs = [name for name, where in RUNS if where == scheme]
            if page.startswith("print/"):
                runs = [name for name in runs if (name, scheme) not in NOT_IN_PRINT]
            for name in sorted(runs, key="copy_buttons".__eq__):
                found[name, page] = run_check(name, visit)
            visit.page.close()
        for breakage in breakages:
            name, where, *_ = BREAKAGES[breakage]
            visit = load(contexts[where], f"{server}{slug(breakage)}/")
            visit.page.bring_to_front()
            found["broken", breakage] = run_check(name, visit)
            visit.page.close()
        browser.close()
    return found


def in_a_thread(function, *args) -> Future:
    """function(*args) in a daemon thread: tests that stop early (-x, Ctrl-C) do not wait for it."""
    future = Future()

    def run():
        try:
            future.set_result(function(*args))
        except BaseException as error:
            future.set_exception(error)

    threading.Thread(target=run, daemon=True).start()
    return future


@background("readings")
def read_the_site(folder):
    """Every page read in each colour scheme, the schemes at the same time (a browser and a thread each:
    one browser's work leaves a core idle), as soon as the site is built, while the other tests run.
    Returns a future: scheme -> (check, page) -> problems."""

    def read():
        build, _, site = BACKGROUND["site"]()
        if build.wait() or not CHROMIUM:
            return None  # the fixtures say why
        with serve(site, with_broken_pages(site)) as httpd:
            readers = {
                scheme: in_a_thread(
                    read_every_page, scheme, pages_of(site), base_url(httpd), site, list(BREAKAGES)[n::2]
                )
                for n, scheme in enumerate(SCHEMES)
            }
            readings = {scheme: reader.result() for scheme, reader in readers.items()}
            httpd.shutdown()
        return readings

    return in_a_thread(read)


@pytest.fixture(scope="session")
def readings(site, browser) -> dict[str, dict[tuple[str, str], list[str]]]:
    try:
        return read_the_site().result(timeout=READING_MINUTES * 60)
    except TimeoutError:
        pytest.fail(f"the browsers did not read the site in {READING_MINUTES} minutes (2 normally)", pytrace=False)


@pytest.mark.parametrize(("name", "scheme"), RUNS)
def test_every_page(name, scheme, pages, readings):
    problems = {page: found for page in pages if (found := readings[scheme].get((name, page)))}
    assert not problems, f"{name} ({scheme}):\n" + "\n".join(
        f"  {page}: {problem}" for page, found in problems.items() for problem in found
    )


# --- reader journeys: search, the colour toggle ------------------------------------------------------


def text_of(html: str, markup: bool = False) -> str:
    """The text of a page's article (its HTML with markup=True): no nav, no table of contents."""
    article = re.search(r'<article class="md-content__inner.*?</article>', html, re.DOTALL)
    return "" if not article else article[0] if markup else re.sub(r"<[^>]+>", "", article[0])


def test_search_finds_zero_grad_and_lands_on_its_chapter(site, pages, server, contexts):
    """Type `zero_grad` into search, click the first result: it is the chapter that says it most.

    A chapter, not its notebook, which repeats the chapter's code (hooks/build.py ranks notebooks lower)."""
    html = {page: (site / page).read_text() for page in pages}
    mentions = {
        page: len(re.findall(r"\bzero_grad\b", text_of(html[page])))
        for page in pages
        if 'class="book-notebook"' not in html[page] and not page.startswith("print/")
    }
    chapter = max(mentions, key=mentions.get)
    if not mentions[chapter]:
        pytest.skip("no page mentions zero_grad yet (as a word, not in a file name)")
    page = load(contexts["light"], server).page
    page.keyboard.press("/")  # the reader's shortcut to the search box
    page.keyboard.type("zero_grad")
    page.locator('.md-search-result__item a[href*="h=zero_grad"]').first.wait_for()  # not a half-typed query's
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state("networkidle")
    assert urlparse(page.url).path == urlparse(url_of(server, chapter)).path
    assert "zero_grad" in page.locator("article").inner_text()


SEARCHED = ("zero_grad", "no_grad", "MSELoss", "requires_grad")


@pytest.mark.parametrize("term", SEARCHED)
def test_search_finds_every_page_that_uses_an_identifier(term, site, pages, server, contexts):
    """The index splits code on dots and brackets (mkdocs.yml, search `separator`), so an identifier is
    a word: every chapter whose text uses it is among the results, and no result links to an empty `?h=`."""
    using = {
        page
        for page in pages
        if not page.startswith(("print/", "404", "notebooks/"))  # a notebook's code is not indexed (hooks/search.py)
        and re.search(rf"(?<![\w]){term}(?![\w])", text_of((site / page).read_text()))
    }
    if not using:
        pytest.skip(f"no page uses {term} yet")
    page = load(contexts["light"], server).page
    page.keyboard.press("/")
    page.keyboard.type(term)
    page.locator(f'.md-search-result__item a[href*="h={term}" i]').first.wait_for()
    # material renders ten results, then four more each time its scroll area *reaches* the end: it
    # watches "at the end" for a change, as a reader's scrolling makes one, so scroll up, then down
    matching = int(re.search(r"(\d+) matching", page.locator(".md-search-result__meta").inner_text())[1])
    scroll = "(w, top) => { w.scrollTop = top ? 0 : w.scrollHeight; w.dispatchEvent(new Event('scroll')); }"
    while (rendered := page.locator(".md-search-result__item").count()) < matching:
        for top in (True, False):
            page.locator(".md-search__scrollwrap").evaluate(scroll, top)
            page.wait_for_timeout(150)
        if page.locator(".md-search-result__item").count() == rendered:
            break
    hrefs = page.evaluate("[...document.querySelectorAll('.md-search-result__item a')].map(a => a.href)")
    found = {urlparse(href).path for href in hrefs}
    missed = sorted(p for p in using if urlparse(url_of(server, p)).path not in found)
    assert not missed, f"searching {term} misses {missed}"
    assert not [href for href in hrefs if re.search(r"[?&]h=(&|#|$)", href)], "a result links to an empty ?h="


def solutions_of(site, pages) -> set[str]:
    """The paragraphs of every exercise's solution (collapsed under "Solution"), as text."""
    found = set()
    for page in pages:
        for solution in re.findall(r"<summary>Solution</summary>(.*?)</details>", (site / page).read_text(), re.S):
            texts = (" ".join(re.sub(r"<[^>]+>", "", p).split()) for p in re.findall(r"<p>(.*?)</p>", solution, re.S))
            found |= {text for text in texts if len(text) > 40}
    return found


SEARCH_READ = r"""(appendices) => {
    const kind = href => /\/notebooks\//.test(href) ? 2 : appendices.some(a => href.includes("/" + a)) ? 1 : 0;
    return {
        order: [...document.querySelectorAll(".md-search-result__list > .md-search-result__item > a")]
            .map(a => [kind(a.href), a.href]),
        previews: [...document.querySelectorAll(".md-search-result__article")].map(article => ({
            height: article.getBoundingClientRect().height,
            prose: [...article.querySelectorAll(":scope > :is(p, ul, ol)")].map(e => e.textContent).join(" "),
            title: (article.querySelector("h1, h2") || article).textContent.trim().slice(0, 50),
        })),
    };
}"""
PREVIEW_PX = 320  # a result's preview at 1280 px: a few lines, not a section


def search_problems(page, term: str, solutions: set[str]) -> list[str]:
    """Search `term` as a reader does; what is wrong with what the results show: chapters come first, then
    the appendix, then notebooks; each preview is short, shows no TeX and no exercise's solution."""
    page.keyboard.press("/")
    page.keyboard.type(term)
    page.locator(f'.md-search-result__item a[href*="h={term}" i]').first.wait_for()
    page.wait_for_timeout(300)  # book.js shortens each preview as it is rendered
    seen = page.evaluate(SEARCH_READ, appendices())
    problems = []
    kinds = [kind for kind, _ in seen["order"]]
    if kinds != sorted(kinds):
        problems.append(f"searching {term}: not chapters, then the appendix, then notebooks: {seen['order']}")
    for preview in seen["previews"]:
        if preview["height"] > PREVIEW_PX:
            problems.append(f"searching {term}: a preview {preview['height']:.0f} px tall: {preview['title']}")
        if tex := re.search(r"\\[a-zA-Z]{2,}", preview["prose"]):
            problems.append(f"searching {term}: TeX in a preview: {tex[0]} ({preview['title']})")
        prose = " ".join(preview["prose"].split())
        if shown := [solution for solution in solutions if solution in prose]:
            problems.append(f"searching {term}: a solution in a preview: {shown[0][:60]} ({preview['title']})")
    return problems


@pytest.mark.parametrize("term", SEARCHED)
def test_search_shows_chapters_first_and_short_previews_of_what_a_reader_reads(term, site, pages, server, contexts):
    page = load(contexts["light"], server).page
    assert not search_problems(page, term, solutions_of(site, pages))
    page.close()


def test_the_search_check_fails_on_a_broken_search(site, pages, server, browser):
    """The same check, on an index that ranks notebooks first and holds TeX and a solution in a section that
    matches, with book.js and book.css (which shorten previews) gone: it must find each of the four faults."""
    solutions = solutions_of(site, pages)
    index = json.loads((site / "search" / "search_index.json").read_text())
    for doc in index["docs"]:
        if doc["location"].startswith("notebooks/"):
            doc["boost"] = 1000
    section = next(doc for doc in index["docs"] if "zero_grad" in doc["text"] and "#" in doc["location"])
    section["text"] += f"<p>zero_grad and \\frac{{dz}}{{dx}}</p><p>zero_grad: {sorted(solutions)[0]}</p>"
    section["text"] += "<pre><code>" + "optimizer.zero_grad()\n" * 40 + "</code></pre>"
    context = new_context(browser, "light")
    context.route("**/search/search_index.json", lambda route: route.fulfill(json=index))
    context.route("**/assets/book.js", lambda route: route.fulfill(body="", content_type="text/javascript"))
    context.route("**/assets/book.css", lambda route: route.fulfill(body="", content_type="text/css"))
    problems = search_problems(load(context, server).page, "zero_grad", solutions)
    context.close()
    for fault in ("not chapters, then the appendix", "px tall", "TeX in a preview", "a solution in a preview"):
        assert any(fault in problem for problem in problems), f"the search check missed {fault!r}: {problems}"


def test_print_edition_holds_every_page_of_the_nav_and_no_notebook(site, pages):
    """print/: each page of the book (not the notebooks) as a section, with its math and figures; ids
    stay unique; links between pages become links inside it; nothing comes from another host."""
    edition = (site / "print" / "index.html").read_text()
    book = [page for page in pages if not page.startswith(("print/", "notebooks/", "404"))]
    for page in book:
        html = (site / page).read_text()
        title = re.search(r"<article.*?<h1[^>]*>(.*?)<", html, re.DOTALL)[1].strip()
        assert re.search(rf"<h1[^>]*>{re.escape(title)}<", edition), f"{page} ({title}) is not in the print edition"
        for figure in re.findall(r'src="(?:\.\./)*(assets/figures/[^"]+)"', html):
            assert f'src="../{figure}"' in edition, f"{figure} of {page} is not in the print edition"
    chapters_math = sum(text_of((site / page).read_text(), markup=True).count("<math") for page in book)
    assert edition.count("<math") >= chapters_math
    book_part = text_of(edition, markup=True).split('<div class="book-print">')[1]
    assert "book-notebook" not in book_part and "notebooks/" not in book_part
    ids = re.findall(r'\bid="([^"]+)"', edition)
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert not re.search(r'src="(?:https?:)?//', book_part), "a picture or script from another host"


EVERYTHING = ("<pre", "book-output", '<math display="block"', "<img")  # code, its output, display math, a figure


def smallest_complete(site, pages) -> str:
    """The chapter page to break or to toggle: the one with the fewest elements among those that have
    two code blocks or more, an output fence, display math and a figure (every check then has work, and
    each of the many loads of it is as cheap as it can be)."""
    chapters = [page for page in pages if page.count("/") == 1 and not page.startswith("print/")]
    html = {page: (site / page).read_text() for page in chapters}
    complete = [page for page in chapters if html[page].count("<pre") >= 2 and all(e in html[page] for e in EVERYTHING)]
    return min(complete, key=lambda page: html[page].count("<"))


def scheme_of(page) -> str:
    return page.evaluate("document.body.dataset.mdColorScheme")


def test_colour_toggle_switches_and_code_math_figures_stay_readable(site, pages, server, contexts):
    visit = load(contexts["light"], url_of(server, smallest_complete(site, pages)))
    page, toggle = visit.page, visit.page.locator("form[data-md-component=palette] label:visible")
    assert scheme_of(page) == "default"
    toggle.click()
    assert scheme_of(page) == "slate"
    assert not accessibility(visit) + figures_readable(visit)  # code, math, text contrast; figures' ink
    page.reload(wait_until="networkidle")
    assert scheme_of(page) == "slate", "the choice is not remembered across pages"
    toggle.click()
    assert scheme_of(page) == "default"


# --- the guards fail: each check, on a copy of a page broken on purpose ------------------------------

DARK_ON_DARK = (
    "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' width='300' height='150'>"
    "<path d='M10 140 L290 10' stroke='%23222' stroke-width='3'/></svg>"
)
GREY_TEXT = (  # a figure whose text (a glyph group, as matplotlib draws it) is the mid-grey of one SVG for both schemes
    "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' width='300' height='150'>"
    "<path d='M10 140 L290 10' stroke='%23222' stroke-width='3'/>"
    "<g style='fill: %238a8a8a' transform='translate(20 100) scale(0.5 -0.5)'><path d='M0 0H200V120H0Z'/></g></svg>"
)
TABS = (  # pymdownx.tabbed's markup (alternate style), labels as long as chapter 8's
    '<div class="tabbed-set tabbed-alternate" data-tabs="9:2"><input checked="checked" id="__tabbed_9_1" '
    'name="__tabbed_9" type="radio" /><input id="__tabbed_9_2" name="__tabbed_9" type="radio" />'
    '<div class="tabbed-labels"><label for="__tabbed_9_1">NumPy: the gradient by hand</label>'
    '<label for="__tabbed_9_2">PyTorch: the gradient by autograd</label></div><div class="tabbed-content">'
    '<div class="tabbed-block"><p>By hand.</p></div><div class="tabbed-block"><p>By autograd.</p></div></div></div>'
)
LONG_WARNING = "UserWarning: " + "a warning that is one long line, " * 12
ARTICLE = '<article class="md-content__inner md-typeset">'
TOC = 'aria-label="Table of contents">'
BREAKAGES = {  # name: (check, scheme, text to replace, replacement, what the problem must mention)
    "CDN script": (
        "requests_to_other_hosts",
        "light",
        ARTICLE,
        ARTICLE + '<script src="https://cdn.example/x.js"></script>',
        "cdn.example",
    ),
    "console error": (
        "console_errors",
        "light",
        ARTICLE,
        ARTICLE + "<script>console.error('broken on purpose')</script>",
        "broken on purpose",
    ),
    "uncaught exception": ("console_errors", "light", ARTICLE, ARTICLE + "<script>null.f()</script>", "uncaught"),
    "raw inline math": ("unrendered_math", "light", ARTICLE, ARTICLE + r"<p>Here \(x^2\) is raw.</p>", r"\(x^2"),
    "raw display math": ("unrendered_math", "light", ARTICLE, ARTICLE + "<p>$$y = w x$$</p>", "$$y = w x"),
    "dollar math": ("unrendered_math", "light", ARTICLE, ARTICLE + r"<p>So $\hat y$ it is.</p>", r"$\hat y$"),
    "raw math in the contents": ("unrendered_math", "light", TOC, TOC + r"<span>Which \(w\)</span>", r"\(w\)"),
    "no copy button": ("copy_buttons", "light", '"content.code.copy", ', "", "0 copy buttons"),
    "copy button copies other code": (
        "copy_buttons",
        "light",
        "</body>",
        "<script>addEventListener('load', () => "
        "document.querySelectorAll('[data-md-type=copy]')[1].dataset.clipboardTarget"
        " = '#__code_0 > code')</script></body>",
        "copied",
    ),
    "missing figure": ("figures_loaded", "light", ARTICLE, ARTICLE + '<img src="gone.svg" alt="a plot">', "gone.svg"),
    "figure dark on dark": (
        "figures_readable",
        "dark",
        ARTICLE,
        ARTICLE + f'<img src="{DARK_ON_DARK}" alt="a line">',
        "contrast",
    ),
    "notebook not run": (
        "notebook_outputs",
        "light",
        ARTICLE,
        ARTICLE
        + (
            '<div class="book-notebook"><div class="language-python highlight"><pre><code>print(1)'
            "</code></pre></div></div>"
        ),
        "no output shown",
    ),
    "output fence as code": (
        "outputs_look_like_outputs",
        "light",
        "highlight book-output no-copy",
        "highlight",
        "output fence",
    ),
    "cell marker shown": (
        "outputs_look_like_outputs",
        "light",
        '<span class="c1"># ',
        '<span class="c1"># %% ',
        "cell marker",
    ),
    "equation too wide": (
        "equations_fit",
        "light",
        ARTICLE,
        ARTICLE + '<div class="arithmatex"><div style="width: 1500px">wide</div></div>',
        "too wide",
    ),
    "every equation focusable": (
        "equations_fit",
        "light",
        '<script defer src="../assets/book.js"></script>',
        ("<script>document.querySelectorAll('div.arithmatex').forEach(e => e.tabIndex = 0)</script>"),
        "focusable",
    ),
    "inline code broken over lines": (
        "tokens_unbroken",
        "light",
        ARTICLE,
        ARTICLE + '<p style="width: 4em">see <code>1e-13-1e-13</code></p>',
        "split over lines",
    ),
    "figure text too small": (
        "figure_text_legible",
        "light",
        ARTICLE,
        ARTICLE + "<style>.md-typeset figure img { min-width: 0 !important; width: 200px; }</style>",
        "text",
    ),
    "warning output as code": (
        "outputs_look_like_outputs",
        "light",
        'highlight book-output no-copy"><span class="filename">Output</span>',
        'highlight"><span class="filename">Output and warning</span>',
        "output fence",
    ),
    "output line runs off": (
        "outputs_look_like_outputs",
        "light",
        ARTICLE,
        ARTICLE + '<div class="language-text highlight book-output no-copy"><span class="filename">Output</span>'
        f"<pre><code>{LONG_WARNING}\n</code></pre></div>",
        "runs off its block",
    ),
    "build path in a warning": (
        "no_build_paths",
        "light",
        ARTICLE,
        ARTICLE + "<p>/tmp/ipykernel_4242/843676069.py:15: UserWarning: broken on purpose</p>",
        "build path",
    ),
    "scroll cue on math that fits": (
        "equations_fit",
        "dark",
        ARTICLE,
        ARTICLE + "<style>.md-typeset div.arithmatex { background: radial-gradient(#000, transparent) }</style>",
        "faint edge",
    ),
    "figure text the check cannot size": (
        "figure_text_legible",
        "light",
        ARTICLE,
        ARTICLE + "<figure><img alt='text as text' src=\"data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' "
        "viewBox='0 0 90 20'><text x='0' y='15'>small</text></svg>\"></figure>",
        "not measured",
    ),
    "figure wider than the column": (
        "figure_text_legible",
        "dark",
        ARTICLE,
        ARTICLE + "<style>.md-typeset figure img { min-width: 900px !important; }"
        " .md-typeset figure.book-overflows { background: none !important; }</style>",
        "wider than the column",
    ),
    "figure text grey on white": (
        "figures_readable",
        "light",
        ARTICLE,
        ARTICLE + f'<img src="{GREY_TEXT}" alt="grey text">',
        "text contrast",
    ),
    "table wider than a phone": (
        "tables_fit",
        "dark",
        ARTICLE,
        ARTICLE + "<style>.md-typeset .book-overflows { background: none !important; }</style><table><thead><tr>"
        '<th>Code</th></tr></thead><tbody><tr><td><div style="width: 900px">wide</div></td></tr></tbody></table>',
        "wider than its column",
    ),
    "copy buttons printed": (
        "tables_fit",
        "dark",
        ARTICLE,
        ARTICLE + "<style>@media print { .md-typeset .md-code__nav { display: block !important; } }</style>",
        "copy buttons on paper",
    ),
    "copy button over the code": (
        "copy_button_clear_of_code",
        "light",
        ARTICLE,
        ARTICLE + "<style>.md-typeset .highlight > .filename + pre { position: relative !important; }</style>",
        "covers the first line",
    ),
    "tab labels cut off": (
        "tabs_keep_their_place",
        "dark",
        ARTICLE,
        ARTICLE + TABS + "<style>.md-typeset .tabbed-labels { flex-wrap: nowrap !important; }</style>",
        "cut off",
    ),
    "tab label without a focus ring": (
        "tabs_keep_their_place",
        "dark",
        ARTICLE,
        ARTICLE + TABS + "<style>.md-typeset .tabbed-labels > label { outline: none !important; }</style>",
        "focus ring",
    ),
    "image without alt": (
        "accessibility",
        "light",
        ARTICLE,
        ARTICLE + '<img src="../assets/images/favicon.png">',
        "image-alt",
    ),
    "dim text in the dark": (
        "accessibility",
        "dark",
        ARTICLE,
        ARTICLE + '<p style="color: #333">dim</p>',
        "color-contrast",
    ),
}


def with_broken_pages(site):
    """A server's handler for the site, and beside its pages /broken-NAME/: the smallest complete chapter
    with the fault of BREAKAGES[NAME] (in memory: the built site stays as built)."""
    html = (site / smallest_complete(site, pages_of(site))).read_text()
    broken = {}
    for name, (_, _, old, new, _) in BREAKAGES.items():
        assert old in html, f"{name}: {old!r} not on the page to break"
        broken[f"/{slug(name)}/"] = html.replace(old, new, 1).encode()

    class WithBrokenPages(QuietHandler):
        def send_head(self):
            if self.path not in broken:
                return super().send_head()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(broken[self.path])))
            self.end_headers()
            return io.BytesIO(broken[self.path])

    return WithBrokenPages


def slug(name: str) -> str:
    return "broken-" + name.replace(" ", "-")


@pytest.mark.parametrize("breakage", BREAKAGES)
def test_each_check_catches_its_fault(breakage, readings):
    """Read by the readers with the site (read_every_page), on a copy of a chapter broken on purpose."""
    name, scheme, _, _, mention = BREAKAGES[breakage]
    read = {key: found for reading in readings.values() for key, found in reading.items()}
    assert ("broken", breakage) in read, f"no reader loaded the page with a {breakage}"
    problems = read["broken", breakage]
    assert any(mention in problem for problem in problems), f"{name} missed a {breakage}: {problems}"


def test_every_check_is_proven_to_fail():
    assert {check for check, *_ in BREAKAGES.values()} == set(CHECKS)
