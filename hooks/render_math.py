"""Build hook: the math of every page rendered with KaTeX at build time (not `math.py`: this folder is
first on sys.path while mkdocs loads a hook, and would shadow the standard library's `math`).

pymdownx.arithmatex (generic mode) leaves TeX in <span|div class="arithmatex">; KaTeX (node, from the npm
registry, hooks/katex_render.js) turns it into HTML. Pages load KaTeX's CSS and fonts (hooks/assets.py)
and run no math script. A TeX error fails the build, naming the page and the expression.
"""

import html
import json
import re
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
ARITHMATEX = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<display>.*?)\\\])</(?P=tag)>', re.S
)
TEX_IN_TITLE = re.compile(r"\\\((?P<inline>.*?)\\\)")


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
    # Display math that is wider than the column scrolls sideways; docs/assets/book.js makes only such
    # an equation a Tab stop (axe: scrollable-region-focusable), at load and when the width changes.
    def element(m):
        return f'<{m["tag"]} class="arithmatex">{next(rendered)}</{m["tag"]}>'

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
