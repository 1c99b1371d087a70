"""Notebook pages look like the chapters: the same code blocks, output fences and stylesheet.

mkdocs-jupyter renders a notebook with nbconvert's JupyterLab markup and ~580 KiB of inline CSS per
page (its template is fixed: no option drops it). This hook keeps only what the notebook says and
rewrites it as the chapters' markup, so docs/assets/book.css styles both:

- a markdown cell -> its rendered HTML (headings get material's permalink);
- a code cell -> a `language-python highlight` block (material's copy button, the chapters' colours);
- a cell's text outputs -> one fence titled "Output", as under a chapter's code ("Output and warning"
  when it shows a warning: the kernel writes those to stderr as the chapters show them, in their place,
  hooks/execute_notebooks.py);
- an image output -> a figure whose alt text is the chapter's for the same figure program (transparent
  SVGs, hooks/execute_notebooks.py), in the chapters' colours for each scheme (hooks/figures.py).

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

import figures  # hooks/ is on sys.path while mkdocs loads a hook
import reader
from bs4 import BeautifulSoup
from bs4.formatter import HTMLFormatter
from content_key import content_key, forget_unused
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "notebook-markup"


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
    extra = " book-output no-copy" if title.startswith("Output") else ""
    return (
        f'<div class="language-{language} highlight{extra}">{heading}'
        f"<pre><span></span><code>{pre_html}</code></pre></div>"
    )


def cell_html(cell, program: str, chapter: Path, site_figures: tuple[str, set[str], set[str]]) -> str:
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
    outputs = cell.select(".jp-RenderedText")
    if outputs:
        warns = any(o.get("data-mime-type") == "application/vnd.jupyter.stderr" for o in outputs)
        texts = "".join(pre.decode_contents(formatter=FORMATTER) for o in outputs for pre in o.select("pre"))
        parts.append(code_block(texts, "text", "Output and warning" if warns else "Output"))
    alt = html.escape(alt_text(program, chapter), quote=True)
    for image in cell.select(".jp-RenderedImage img, .jp-RenderedSVG img"):
        shown = figure(image["src"], alt, program, *site_figures[:2])
        if shown not in site_figures[2]:  # a program that draws its phone layout too: its figure once
            site_figures[2].add(shown)
            parts.append(shown)

    return "\n".join(parts)


def figure(src: str, alt: str, program: str, assets: str, shown: set[str]) -> str:
    """A figure the notebook drew. One that a figure program draws is the chapter's own picture of it (the
    same program's SVG, with its phone layout: hooks/reader.py); another, nbconvert's base64 SVG as a
    percent-encoded data: URL (gzip packs it to two thirds), in the chapters' colours for each scheme
    (hooks/figures.py) and with their minimum width for legible text (hooks/reader.py)."""
    name = program.removeprefix("figure_").removesuffix(".py")
    style = ""
    if program.startswith("figure_") and f"{name}.svg" in shown:
        src = f"{assets}{name}.svg"
    elif src.startswith(SVG_BASE64):
        svg = figures.for_both_schemes(base64.b64decode(src.removeprefix(SVG_BASE64)).decode())
        src, width = "data:image/svg+xml," + quote(svg, safe=SAFE), reader.min_width(svg)
        style = f' style="--book-min-width: {width}px"' if width else ""
    return f'<figure class="book-notebook-figure"><img{style} alt="{alt}" src="{src}"></figure>'


def on_page_content(content, page, config, files):
    if not page.file.src_uri.endswith(".ipynb"):
        return content
    chapter = Path(config.docs_dir) / (Path(page.file.src_uri).stem + ".md")
    hooks = [Path(module).read_bytes() for module in (__file__, reader.__file__, figures.__file__)]
    # The figures the site has (a cell's figure may be one of them), and the way to them from this page.
    shown = {Path(f.src_uri).name for f in files if f.src_uri.startswith("assets/figures/")}
    site_figures = (get_relative_url("assets/figures/", page.url), shown, set())  # and the figures shown
    key = content_key(
        content, chapter.read_bytes() if chapter.is_file() else b"", *hooks, site_figures[0], *sorted(shown)
    )
    kept = CACHE / f"{key}.html"
    if kept.is_file():
        kept.touch()  # recently used: kept
        return kept.read_text()
    markup = chapter_markup(content, chapter, site_figures)
    Path(f"{kept}.{os.getpid()}").write_text(markup)
    os.replace(f"{kept}.{os.getpid()}", kept)  # at once: another build reading the cache never sees half of it
    return markup


def chapter_markup(content: str, chapter: Path, site_figures: tuple[str, set[str], set[str]]) -> str:
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
        cells.append(cell_html(cell, program, chapter, site_figures))
    return '<div class="book-notebook">\n' + "\n".join(cells) + "\n</div>"
