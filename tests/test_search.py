"""hooks/search.py: the search index holds the text a reader reads, and ranks chapters first.

(What a reader sees when searching, previews and order, is checked in the browser: tests/test_browser.py.)"""

import json
import re

from tests.test_browser import solutions_of
from tests.test_glossary import appendices

TEX = re.compile(r"\\[a-zA-Z]{2,}")  # \frac, \partial, \hat: TeX source, which no page's prose shows


def index(site) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text())["docs"]


def test_the_index_holds_no_tex_no_display_math_and_no_solution(site):
    solutions = solutions_of(site, [page.relative_to(site) for page in site.rglob("*.html")])
    assert solutions, "no exercise solution found to look for"
    for doc in index(site):
        prose = re.sub(r"<(pre|code)>.*?</\1>", "", doc["title"] + doc["text"], flags=re.S)  # code may hold TeX
        assert not TEX.search(prose), f"{doc['location']}: TeX: {TEX.search(prose)[0]}"
        text = " ".join(re.sub(r"<[^>]+>", "", doc["text"]).split())
        shown = [s for s in solutions if s in text]
        assert not shown, f"{doc['location']} shows a solution: {shown[0][:80]}"


def test_chapters_rank_above_the_appendix_and_notebooks_below_both(site):
    boosts = {doc["location"]: doc.get("boost", 1) for doc in index(site)}
    notebooks = {loc: b for loc, b in boosts.items() if loc.startswith("notebooks/")}
    appendix = {loc: b for loc, b in boosts.items() if loc.startswith(tuple(appendices()))}
    chapters = {loc: b for loc, b in boosts.items() if loc not in notebooks and loc not in appendix}
    assert notebooks and appendix and chapters
    assert max(notebooks.values()) < min(appendix.values()) < min(chapters.values()) == 1


def test_a_notebook_page_is_titled_after_its_chapter(site):
    for doc in index(site):
        if re.fullmatch(r"notebooks/[\w-]+/", doc["location"]):
            assert doc["title"].endswith(": the notebook") and not doc["title"].startswith("Chapter"), doc["title"]


def test_a_notebook_page_is_indexed_without_its_code_and_outputs(site):
    """Its programs are its chapter's again: the chapter is the result, and the index stays small."""
    notebooks = [doc for doc in index(site) if doc["location"].startswith("notebooks/")]
    assert notebooks and any(doc["text"] for doc in notebooks), "no notebook text indexed"
    assert not [doc["location"] for doc in notebooks if "<pre>" in doc["text"]]
