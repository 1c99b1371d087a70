"""Build hook: what search indexes, and in which order it shows pages (material's search plugin reads
each page's content; docs/assets/book.css and book.js keep its previews short).

- The text a reader reads: an inline formula is indexed as the text of its MathML (`z depends on y`),
  not also as its TeX source (`\\frac{dz}{dx}`, MathML's annotation); display math, whose MathML text
  is a jumble (`dzdx=dzdy⋅dydx`), is left out of the index.
- An exercise's solution, collapsed under "Solution" on its page, is not shown in search: left out.
- Chapters first: the appendix ranks below them, and a notebook (the chapter's code again) below that
  (lunr's boost multiplies a page's score; its title field weighs 1000 times its text, so an appendix
  section named after `nn.MSELoss` would otherwise outrank the chapter that teaches it).
- A notebook page is titled after its chapter ("4. Losses and optimizers: the notebook"), not
  "Chapter 4" as in the nav, in the results and the browser's tab; its text is indexed, not its code and
  outputs, which are its chapter's again: a search for `zero_grad` lists the chapters that use it once
  each, and the index every page downloads is a third smaller.
Elements are left out with material's `data-search-exclude` attribute, which changes nothing on the page.
"""

import re

from mkdocs.plugins import event_priority
from notebooks import nav_pages, notebook_uri  # hooks/ is on sys.path while mkdocs loads a hook

APPENDIX_BOOST, NOTEBOOK_BOOST = 1e-4, 1e-6  # material's default is 1
ANNOTATION = "<annotation "
DISPLAY_MATH = '<div class="arithmatex">'
CODE = re.compile(r'(<div class="language-[\w-]+ highlight[^"]*")>')  # a code block or an output
SOLUTION = re.compile(r'<details class="([^"]*)">(\s*<summary>Solution</summary>)')
notebook_titles: dict[str, str] = {}  # notebook src_uri -> its chapter's nav title
boosts: dict[str, float] = {}  # src_uri -> its boost: the pages the nav calls "Appendix...", the notebooks


def on_config(config):
    notebook_titles.clear()
    boosts.clear()
    pages = list(nav_pages(config.nav))
    notebooks = {uri for _, uri in pages if uri.endswith(".ipynb")}
    for title, uri in pages:
        if uri.endswith(".md") and notebook_uri(uri) in notebooks:
            notebook_titles[notebook_uri(uri)] = title or uri
            boosts[notebook_uri(uri)] = NOTEBOOK_BOOST
        if (title or "").startswith("Appendix") and uri not in notebooks:  # its notebook ranks as a notebook
            boosts[uri] = APPENDIX_BOOST
    return config


def on_page_markdown(markdown, page, config, files):
    if (boost := boosts.get(page.file.src_uri)) is not None:
        page.meta["search"] = {"boost": boost, **(page.meta.get("search") or {})}
    if page.file.src_uri in notebook_titles:
        page.meta.setdefault("title", f"{notebook_titles[page.file.src_uri]}: the notebook")
    return markdown


@event_priority(-60)  # after the other hooks made the content (math included), before search reads it
def on_page_content(content, page, config, files):
    content = content.replace(ANNOTATION, f"{ANNOTATION}data-search-exclude ")
    content = content.replace(DISPLAY_MATH, '<div class="arithmatex" data-search-exclude>')
    if page.file.src_uri in notebook_titles:
        content = CODE.sub(r"\1 data-search-exclude>", content)
    return SOLUTION.sub(r'<details class="\1" data-search-exclude>\2', content)
