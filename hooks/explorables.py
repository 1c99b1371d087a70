"""Build hook: the explorable figures, which the reader moves and the page computes (docs/assets/explorables/).

A chapter shows one next to its static figure with a placeholder, hidden until its module fills it:

    <figure class="book-explorable" data-explorable="NAME" hidden markdown>
      <figcaption markdown="span">What to try.</figcaption>
    </figure>

`docs/assets/explorables/NAME.js`, a plain JavaScript module, draws the figure and its controls above the
caption and unhides it. Without JavaScript, and in the print edition (which has the placeholders but loads
no script), the reader sees the static figure only. This hook, on the pages with a placeholder and on no
other: inlines the explorables' stylesheet (material's figure style would show a hidden placeholder), and
loads each NAME.js as a module, preloading what it imports (not in the print edition). A NAME without its
module fails the build. tests/test_explorables.py holds what each figure shows against the programs of
its page.
"""

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

FOLDER = "assets/explorables"
STYLESHEET = f"{FOLDER}/explorables.css"
PLACEHOLDER = re.compile(r'<figure\b[^>]*\bdata-explorable="([\w-]+)"')
IMPORT = re.compile(r'^import\b[^;]*?\bfrom\s+"\./([\w-]+\.js)";', re.MULTILINE)
shown: dict[str, list[str]] = {}  # src_uri of a page -> the explorables it shows, in page order


def on_files(files, config):
    """The stylesheet goes into the pages, not into the site."""
    stylesheet = files.get_file_from_path(STYLESHEET)
    if stylesheet:
        files.remove(stylesheet)
    return files


def on_page_content(content, page, config, files):
    names = list(dict.fromkeys(PLACEHOLDER.findall(content)))
    missing = [name for name in names if not files.get_file_from_path(f"{FOLDER}/{name}.js")]
    if missing:
        raise PluginError(f"{page.file.src_uri}: no module {FOLDER}/{missing[0]}.js for its explorable figure")
    shown[page.file.src_uri] = names
    return content


def modules(name: str, docs: Path) -> list[str]:
    """NAME.js and the modules it imports (./other.js), each once, imported ones first."""
    found = []

    def visit(module):
        if module not in found:
            for imported in IMPORT.findall((docs / FOLDER / module).read_text()):
                visit(imported)
            found.append(module)

    visit(f"{name}.js")
    return found


def on_post_page(output, page, config):
    names = shown.get(page.file.src_uri)
    if not names and not PLACEHOLDER.search(output):
        return output
    docs = Path(config.docs_dir)
    style = f"<style>{(docs / STYLESHEET).read_text()}</style>"
    if not names:  # the print edition has the placeholders (from the other pages) but no module: hidden
        return output.replace("</head>", f"{style}</head>", 1)
    here = page.url
    needed = list(dict.fromkeys(m for name in names for m in modules(name, docs)))
    preload = "".join(
        f'<link rel="modulepreload" href="{get_relative_url(f"{FOLDER}/{m}", here)}">'
        for m in needed
        if m.removesuffix(".js") not in names
    )
    scripts = "".join(
        f'<script type="module" src="{get_relative_url(f"{FOLDER}/{name}.js", here)}"></script>' for name in names
    )
    output = output.replace("</head>", f"{style}{preload}</head>", 1)
    return output.replace("</body>", f"{scripts}</body>", 1)
