"""Build hooks (mkdocs.yml `hooks:`): offline math, the verification stamp, assets from node_modules.

- Math: pymdownx.arithmatex (generic mode) leaves TeX in <span|div class="arithmatex">; we render it
  with KaTeX (node, from the npm registry) at build time. Pages load KaTeX's CSS and fonts from this
  site and run no math script. A TeX error fails the build, naming the page and the expression.
- The footer says which Python, numpy and torch the build ran with.
- KaTeX's CSS and fonts are copied from node_modules into the site at build time, not committed.
- Accessibility (axe-core, tests/test_browser.py): material's search dialog gets a name, notebook code
  cells take keyboard focus; notebook pages rank below their chapters in search.
- Notebook pages (mkdocs-jupyter): the `$…$`/`$$…$$` of markdown cells goes through the same KaTeX
  path, and the scripts its template adds (MathJax and mermaid, both from cdnjs) are removed: the
  site requests nothing from other hosts.
"""

import html
import json
import platform
import re
import subprocess
from importlib.metadata import version
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent
KATEX_DIST = ROOT / "node_modules" / "katex" / "dist"
ARITHMATEX = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<display>.*?)\\\])</(?P=tag)>', re.S
)


def on_config(config):
    if not KATEX_DIST.is_dir():
        raise PluginError(f"KaTeX is missing at {KATEX_DIST}: run `make install` (npm ci) first")
    stamp = (
        f"Verified with Python {platform.python_version()}, "
        f"numpy {version('numpy')}, torch {version('torch').split('+')[0]}"
    )
    config.copyright = f"{stamp} · Code MIT, text CC BY 4.0"
    return config


def on_files(files, config):
    """KaTeX's stylesheet and woff2 fonts, served from this site (every modern browser takes woff2)."""
    assets = [KATEX_DIST / "katex.min.css", *sorted((KATEX_DIST / "fonts").glob("*.woff2"))]
    for path in assets:
        uri = "assets/katex/" + path.relative_to(KATEX_DIST).as_posix()
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def render_tex(items, where):
    """[(tex, display)] -> [html], one node process per page."""
    if not items:
        return []
    run = subprocess.run(
        ["node", str(Path(__file__).with_name("katex_render.js"))],
        input=json.dumps(items), capture_output=True, text=True, cwd=ROOT, check=False,
    )
    if run.returncode:
        raise PluginError(f"KaTeX failed on {where}: {run.stderr.strip()}")
    results = json.loads(run.stdout)
    for (tex, _), result in zip(items, results):
        if "error" in result:
            raise PluginError(f"{where}: KaTeX cannot render {tex!r}: {result['error']}")
    return [r["html"] for r in results]


def render_math(content, where):
    matches = list(ARITHMATEX.finditer(content))
    items = [(html.unescape(m["inline"] or m["display"]).strip(), m["display"] is not None) for m in matches]
    rendered = iter(render_tex(items, where))
    # Display math may scroll sideways on a narrow screen: it takes keyboard focus, so it can be scrolled
    # without a mouse (axe: scrollable-region-focusable). docs/assets/book.css makes it the scroller.
    def element(m):
        focusable = ' tabindex="0"' if m["display"] is not None else ""
        return f'<{m["tag"]} class="arithmatex"{focusable}>{next(rendered)}</{m["tag"]}>'

    return ARITHMATEX.sub(element, content)


TEX_IN_TITLE = re.compile(r"\\\((?P<inline>.*?)\\\)")


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


# nbconvert leaves a markdown cell's math as written, HTML-escaped, inside the cell's rendered div.
MARKDOWN_CELL = re.compile(r'(<div class="[^"]*\bjp-RenderedMarkdown\b[^"]*"[^>]*>)(.*?)(</div>)', re.S)
NOTEBOOK_MATH = re.compile(
    r"(?P<code><(code|pre)\b.*?</\2>)"  # a $ in code is not math: matched first, left alone
    r"|<p>\$\$(?P<display>.+?)\$\$</p>|\$\$(?P<display_inline>.+?)\$\$"
    r"|\$(?P<inline>[^\s$](?:[^$]*?[^\s$])?)\$",  # no space inside the dollars: "5$ or 6$" is not math
    re.S,
)
SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.S | re.I)


def arithmatex_span(m):
    """One $…$ / $$…$$ -> the span or div that arithmatex makes, which render_math then renders."""
    if m["code"]:
        return m["code"]
    display = m["display"] or m["display_inline"]
    if display is not None:
        return f'<div class="arithmatex">\\[{display}\\]</div>'
    return f'<span class="arithmatex">\\({m["inline"]}\\)</span>'


def on_page_content(content, page, config, files):
    render_toc_math(page.toc, page.file.src_uri)
    if page.file.src_uri.endswith(".ipynb"):
        content = SCRIPT.sub(lambda m: "" if re.search(r"mathjax|mermaid|https?:", m[0], re.I) else m[0], content)
        content = MARKDOWN_CELL.sub(lambda m: m[1] + NOTEBOOK_MATH.sub(arithmatex_span, m[2]) + m[3], content)
    return render_math(content, page.file.src_uri)


def on_page_markdown(markdown, page, config, files):
    """A notebook page repeats its chapter's code: search ranks it below the chapter that explains it."""
    if page.file.src_uri.endswith(".ipynb"):
        page.meta["search"] = {"boost": 0.5, **(page.meta.get("search") or {})}
    return markdown


SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NOTEBOOK_CODE = '<div class="highlight-ipynb'  # scrolls sideways, so it must take keyboard focus (axe)


def accessible(output, *args, **kwargs):
    """Names material's search dialog (axe: aria-dialog-name); notebook code cells take focus."""
    output = output.replace(SEARCH_DIALOG, SEARCH_DIALOG.replace('role="dialog"', 'role="dialog" aria-label="Search"'), 1)
    return output.replace(NOTEBOOK_CODE, '<div tabindex="0" class="highlight-ipynb')


on_post_page = on_post_template = accessible  # chapters and notebooks, and 404.html
