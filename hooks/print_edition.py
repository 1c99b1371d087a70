"""The print edition: every page of the nav (chapters and appendix, not the notebooks) on one page,
`print/`, to read offline or print (material's print styles drop the header and sidebars).

The page is generated (`print.md`, listed last in the nav, left out of search) and filled just before
it is rendered, from the other pages' finished content (math rendered, figures in place), so a new
chapter is in it the day it enters the nav. Each page becomes a <section> that starts with the anchor
#SLUG; its ids get the prefix "SLUG-", and links between pages of the book become links inside this
one. The chapters' notebook buttons are left out, and collapsed blocks are open.
"""

import posixpath
import re

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

URI = "print.md"
TITLE = "Print edition"
SOURCE = """---
search:
  exclude: true
---
# Backprop, Verified: the whole book

Every chapter on one page, to read offline or to print (your browser's Print, or Save as PDF).
"""
contents: dict[str, str] = {}  # src_uri -> the page's content as built


def on_config(config):
    if config.nav is not None:
        config.nav.append({TITLE: URI})
    return config


def on_files(files, config):
    files.append(File.generated(config, URI, content=SOURCE))
    return files


@event_priority(-100)  # last: every other hook has finished the content
def on_page_content(content, page, config, files):
    contents[page.file.src_uri] = content
    return content


def slug_of(page) -> str:
    return page.file.src_uri.removesuffix(".md").replace("/", "-") if page.url else "home"


ATTRIBUTE = re.compile(r'\b(?P<name>id|href|src|for|name)="(?P<value>[^"]*)"')
NOTEBOOK_LINKS = re.compile(r'<p class="book-notebook-links">.*?</p>\s*', re.DOTALL)


def relocated(content: str, page, slugs: dict[str, str], here: str) -> str:
    """`content` of `page` moved into the section `slugs[page.url]` of the page at `here`."""
    slug = slugs[page.url]
    base = "/" + page.url

    def attribute(match):
        name, value = match["name"], match["value"]
        if name in ("id", "for", "name"):
            return f'{name}="{slug}-{value}"'
        if re.match(r"[a-z][\w+.-]*:|//", value):  # another host, data:, mailto:
            return match[0]
        path, _, fragment = value.partition("#")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(base), path)) if path else base.rstrip("/")
        target = target.lstrip("/") + ("/" if path.endswith("/") or not path else "")
        target = "" if target == "/" else target
        if target in slugs:  # a page of the book: its section here
            anchor = f"{slugs[target]}-{fragment}" if fragment else slugs[target]
            return f'{name}="#{anchor}"'
        return f'{name}="{get_relative_url(target, here)}{"#" + fragment if fragment else ""}"'

    content = NOTEBOOK_LINKS.sub("", content)
    return ATTRIBUTE.sub(attribute, content).replace("<details", "<details open")


def on_page_context(context, page, config, nav):
    if page.file.src_uri != URI:
        return context
    page.edit_url = None  # generated from the other pages: no file of docs/ to edit
    pages = [p for p in nav.pages if p.file.src_uri.endswith(".md") and p.file.src_uri != URI]
    slugs = {p.url: slug_of(p) for p in pages}
    # The id is on an empty span, not the section: material names a code block after its nearest ancestor
    # with an id, and the copy buttons of one section would all copy its first block.
    sections = [
        f'<section><span id="{slugs[p.url]}"></span>\n{relocated(contents[p.file.src_uri], p, slugs, page.url)}'
        "\n</section>"
        for p in pages
    ]
    listed = "".join(f'<li><a href="#{slugs[p.url]}">{p.title}</a></li>' for p in pages)
    page.content = (
        contents[URI] + f'<nav aria-label="Contents"><ol class="book-print-contents">{listed}</ol></nav>\n'
        '<div class="book-print">\n' + "\n".join(sections) + "\n</div>"
    )
    return context
