"""Notebook pages look like the chapters: the same code blocks, output fences and stylesheet.

mkdocs-jupyter renders a notebook with nbconvert's JupyterLab markup and ~580 KiB of inline CSS per
page (its template is fixed: no option drops it). This hook keeps only what the notebook says and
rewrites it as the chapters' markup, so docs/assets/book.css styles both:

- a markdown cell -> its rendered HTML (headings get material's permalink);
- a code cell -> a `language-python highlight` block (material's copy button, the chapters' colours);
- a cell's text outputs -> one fence titled "Output", as under a chapter's code;
- an image output -> a figure whose alt text is the chapter's for the same figure program.

Figures drawn in the notebook are transparent SVGs (nbconvert shows them as images): the kernel that executes the notebooks reads an
IPython profile written here (IPYTHONDIR), not the teaching code, so the downloads stay as written.

Parsing a notebook page is most of a rebuild's time, so each result is kept in
`.cache/notebook-markup/KEY.html`, KEY a hash of the page mkdocs-jupyter rendered, of the chapter (its
alt texts), of this hook and hooks/reader.py, and of the package versions: `make serve` redoes only a
notebook page whose input changed.
"""

import base64
import html
import os
import re
from pathlib import Path
from urllib.parse import quote

import reader  # hooks/ is on sys.path while mkdocs loads a hook
from bs4 import BeautifulSoup
from bs4.formatter import HTMLFormatter
from content_key import content_key, forget_unused

ROOT = Path(__file__).resolve().parent.parent
IPYTHON = ROOT / ".cache" / "ipython"
CACHE = ROOT / ".cache" / "notebook-markup"
# Figures drawn in a notebook: SVG (crisp at any width), with no white figure or axes background, so
# they read on the dark scheme too.
KERNEL_CONFIG = """\
c.InlineBackend.figure_formats = {"svg"}
c.InlineBackend.rc = {"figure.facecolor": "none", "axes.facecolor": "none", "savefig.facecolor": "none"}
c.InlineBackend.print_figure_kwargs = {"bbox_inches": "tight", "facecolor": "none"}
"""


class AsWritten(HTMLFormatter):
    """Attributes in their order, `download` not `download=""`, only &, < and > escaped (as nbconvert)."""

    def __init__(self):
        super().__init__(
            entity_substitution=HTMLFormatter.REGISTRY["minimal"].entity_substitution,
            void_element_close_prefix=None,
            empty_attributes_are_booleans=True,
        )

    def attributes(self, tag):
        return tag.attrs.items()


FORMATTER = AsWritten()
SVG_BASE64 = "data:image/svg+xml;base64,"
SAFE = "=:/.,;-_'()"  # left as they are in the data: URL (not "#", which would end it)
FIGURE_IN_CHAPTER = r"!\[(?P<alt>[^\]]+)\]\((?:\.\./)*assets/figures/{name}\.svg\)"


def on_config(config):
    profile = IPYTHON / "profile_default"
    profile.mkdir(parents=True, exist_ok=True)
    (profile / "ipython_kernel_config.py").write_text(KERNEL_CONFIG)
    os.environ["IPYTHONDIR"] = str(IPYTHON)  # the kernels the build starts inherit it
    CACHE.mkdir(parents=True, exist_ok=True)
    forget_unused(list(CACHE.iterdir()))
    return config


def alt_text(program: str, chapter: Path) -> str:
    """The chapter's alt text for the figure that `snippets/figure_NAME.py` draws."""
    name = program.removeprefix("figure_").removesuffix(".py")
    found = (
        re.search(FIGURE_IN_CHAPTER.format(name=re.escape(name)), chapter.read_text()) if chapter.is_file() else None
    )
    return found["alt"] if found else f"The figure that {program} draws"


def code_block(pre_html: str, language: str, title: str = "") -> str:
    heading = f'<span class="filename">{title}</span>' if title else ""
    extra = " book-output no-copy" if title == "Output" else ""
    return (
        f'<div class="language-{language} highlight{extra}">{heading}'
        f"<pre><span></span><code>{pre_html}</code></pre></div>"
    )


def cell_html(cell, program: str, chapter: Path) -> str:
    markdown = cell.select_one(".jp-RenderedMarkdown")
    if markdown is not None:
        for anchor in markdown.select("a.anchor-link"):
            anchor["class"] = "headerlink"
            anchor["title"] = "Permanent link"
        return f'<div class="jp-RenderedMarkdown">{markdown.decode_contents(formatter=FORMATTER)}</div>'
    parts = []
    source = cell.select_one(".jp-InputArea pre")
    if source is not None:
        parts.append(code_block(source.decode_contents(formatter=FORMATTER).removeprefix("<span></span>"), "python"))
    texts = [pre.decode_contents(formatter=FORMATTER) for pre in cell.select(".jp-RenderedText pre")]
    if texts:
        parts.append(code_block("".join(texts), "text", "Output"))
    alt = html.escape(alt_text(program, chapter), quote=True)
    for image in cell.select(".jp-RenderedImage img, .jp-RenderedSVG img"):
        parts.append(figure(image["src"], alt))

    return "\n".join(parts)


def figure(src: str, alt: str) -> str:
    """nbconvert's base64 SVG as a percent-encoded data: URL (gzip packs it to two thirds), with the
    chapters' minimum width for legible text on a phone (hooks/reader.py)."""
    style = ""
    if src.startswith(SVG_BASE64):
        svg = base64.b64decode(src.removeprefix(SVG_BASE64)).decode()
        src, style = "data:image/svg+xml," + quote(svg, safe=SAFE), reader.min_width(svg)
    styled = f' style="{style}"' if style else ""
    return f'<figure class="book-notebook-figure"><img{styled} alt="{alt}" src="{src}"></figure>'


def on_page_content(content, page, config, files):
    if not page.file.src_uri.endswith(".ipynb"):
        return content
    chapter = Path(config.docs_dir) / (Path(page.file.src_uri).stem + ".md")
    hooks = [Path(__file__).read_bytes(), Path(reader.__file__).read_bytes()]
    kept = CACHE / f"{content_key(content, chapter.read_bytes() if chapter.is_file() else b'', *hooks)}.html"
    if kept.is_file():
        kept.touch()  # recently used: kept
        return kept.read_text()
    markup = chapter_markup(content, chapter)
    Path(f"{kept}.{os.getpid()}").write_text(markup)
    os.replace(f"{kept}.{os.getpid()}", kept)  # at once: another build reading the cache never sees half of it
    return markup


def chapter_markup(content: str, chapter: Path) -> str:
    soup = BeautifulSoup(content, "html.parser")
    if soup.select_one(".jp-Notebook") is None:
        return content
    cells, program = [], ""
    for cell in soup.select(".jp-Cell"):
        if cell.select_one(".jp-Cell"):  # mkdocs-jupyter wraps each code cell in a second one
            continue
        heading = cell.select_one(".jp-RenderedMarkdown h2")
        if heading is not None:
            program = heading.get_text().removesuffix("¶").strip()
        cells.append(cell_html(cell, program, chapter))
    return '<div class="book-notebook">\n' + "\n".join(cells) + "\n</div>"
