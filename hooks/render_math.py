"""Build hook: the math of every page turned into MathML with Temml at build time (not `math.py`: this
folder is first on sys.path while mkdocs loads a hook, and would shadow the standard library's `math`).

pymdownx.arithmatex (generic mode) leaves TeX in <span|div class="arithmatex">; Temml (node, from the npm
registry, hooks/render_math.js) turns it into MathML, which the browser lays out in the book's math font
(hooks/math_style.py). MathML, not HTML drawn to look like math: a display equation is a dozen elements
instead of forty, and the page runs no math script. A TeX error fails the build, naming the page and
the expression. What Temml made is kept in `.cache/mathml/KEY.json`, KEY a hash of Temml's version and
of hooks/render_math.js: a rebuild runs node only for TeX it has not seen.
"""

import hashlib
import html
import json
import os
import re
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
RENDERER = Path(__file__).with_name("render_math.js")
TEMML = ROOT / "node_modules" / "temml" / "package.json"
CACHE = ROOT / ".cache" / "mathml"
rendered: dict[str, str] = {}  # json.dumps([tex, display]) -> HTML, from the cache and this build
used: set[str] = set()  # what this build's pages show
ARITHMATEX = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<display>.*?)\\\])</(?P=tag)>'
    r"(?P<after>[,.;:!?)]*)",  # the punctuation right after it
    re.S,
)
TEX_IN_TITLE = re.compile(r"\\\((?P<inline>.*?)\\\)")


def cache_file() -> Path:
    key = hashlib.sha256(TEMML.read_bytes() + RENDERER.read_bytes()).hexdigest()[:20]
    return CACHE / f"{key}.json"


def on_config(config):
    rendered.clear()
    used.clear()
    if cache_file().is_file():
        rendered.update(json.loads(cache_file().read_text()))
    return config


def render_tex(items, where):
    """[(tex, display)] -> [html]; one node process per page, for what the cache does not hold."""
    used.update(json.dumps(item) for item in items)
    new = list(dict.fromkeys(json.dumps(item) for item in items if json.dumps(item) not in rendered))
    if new:
        run = subprocess.run(
            ["node", str(RENDERER)],
            input=f"[{','.join(new)}]",
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        if run.returncode:
            raise PluginError(f"Temml failed on {where}: {run.stderr.strip()}")
        for item, result in zip(new, json.loads(run.stdout)):
            if "error" in result:
                raise PluginError(f"{where}: Temml cannot render {json.loads(item)[0]!r}: {result['error'].strip()}")
            rendered[item] = result["html"]
    return [rendered[json.dumps(item)] for item in items]


def render_math(content, where):
    matches = list(ARITHMATEX.finditer(content))
    items = [(html.unescape(m["inline"] or m["display"]).strip(), m["display"] is not None) for m in matches]
    rendered = iter(render_tex(items, where))

    # Display math that is wider than the column scrolls sideways; docs/assets/book.js makes only such
    # an equation a Tab stop (axe: scrollable-region-focusable), at load and when the width changes.
    # A browser may break a line between an inline formula and the comma after it: the comma goes inside
    # the formula's span, which book.css does not let wrap.
    def element(m):
        inside, after = (m["after"], "") if m["tag"] == "span" else ("", m["after"])
        return f'<{m["tag"]} class="arithmatex">{next(rendered)}{inside}</{m["tag"]}>{after}'

    return ARITHMATEX.sub(element, content)


def render_toc_math(items, where):
    """A heading's math reaches the table of contents as TeX text, \\(w\\): render it there too."""

    def walk(items):
        for item in items:
            yield item
            yield from walk(item.children)

    titled = [item for item in walk(items) if TEX_IN_TITLE.search(item.title)]
    tex = [(html.unescape(m["inline"]).strip(), False) for item in titled for m in TEX_IN_TITLE.finditer(item.title)]
    rendered = iter(render_tex(tex, where))
    for item in titled:
        item.title = TEX_IN_TITLE.sub(lambda m: next(rendered), item.title)


def on_page_content(content, page, config, files):
    render_toc_math(page.toc, page.file.src_uri)
    return render_math(content, page.file.src_uri)


def on_post_build(config):
    """Only what this build rendered: TeX no page shows any more is not kept."""
    CACHE.mkdir(parents=True, exist_ok=True)
    for old in set(CACHE.glob("*.json")) - {cache_file()}:  # another Temml's
        old.unlink()
    partial = cache_file().with_suffix(f".{os.getpid()}")  # replaced at once: a parallel build reads it whole
    partial.write_text(json.dumps({item: rendered[item] for item in sorted(used)}))
    os.replace(partial, cache_file())
