"""hooks/reading_time.py: each chapter shows its reading time under its title, counted at build time."""

import json
import re

from mkdocs.utils.yaml import yaml_load

from hooks.reading_time import CODE_LINES_PER_MINUTE, WORDS_PER_MINUTE, counts, minutes
from tests.test_glossary import ROOT, nav_pages

PAGE = """<h1 id="t">A title</h1>
<p class="book-notebook-links"><a class="md-button" href="x">Read as a notebook</a></p>
<p>Four words of prose, <code>w</code> and <span class="arithmatex">\\(w = 2\\)</span>.</p>
<div class="language-python highlight"><span class="filename">snippets/a.py</span><pre><span></span><code>x = 1

print(x)
</code></pre></div>
<div class="language-text highlight"><span class="filename">Output</span><pre><span></span><code>1 two
</code></pre></div>
<details class="example"><summary>The code behind this figure</summary>
<div class="language-python highlight"><pre><span></span><code>not = counted
</code></pre></div>
<details class="success"><summary>nested</summary><p>not counted either</p></details>
</details>
<details class="note" open="open"><summary>Open</summary><p>counted</p></details>
<div class="language-pycon highlight"><pre><span></span><code><span class="gp">&gt;&gt;&gt; </span>1 + 1
<span class="go">2</span>
</code></pre></div>
"""


def test_counts_prose_math_and_output_as_words_and_code_as_lines():
    """Collapsed blocks closed, the notebook buttons and blank code lines left out."""
    # "A title"; "Four words of prose, w and"; "\(w = 2\)" (its TeX: "=" is no word); "Output 1 two"; "Open counted"
    title, prose, math, output, opened = 2, 6, 2, 3, 2
    assert counts(PAGE) == (title + prose + math + output + opened, 2 + 2)  # x = 1, print(x); >>> 1 + 1, 2


def test_minutes_add_both_rates_and_are_at_least_one():
    assert minutes(WORDS_PER_MINUTE * 3, CODE_LINES_PER_MINUTE * 2) == 5
    assert minutes(WORDS_PER_MINUTE // 2 + 1, 0) == 1 and minutes(0, 0) == 1


READING_TIME = re.compile(
    rf'</h1>\n<p class="book-reading-time" data-search-exclude>Reading time: about (\d+) min '
    rf"\({WORDS_PER_MINUTE} words or {CODE_LINES_PER_MINUTE} lines of code a minute\)</p>"
)


def test_every_chapter_shows_its_reading_time_under_its_title_and_nothing_else_does(site):
    chapters = [page.removesuffix(".md") for page in nav_pages() if page != "index.md"]
    for page in site.rglob("*.html"):
        found = READING_TIME.findall(page.read_text())
        where = page.parent.relative_to(site).as_posix()
        if where in chapters:
            assert len(found) == 1 and int(found[0]) >= 1, f"{where}: no reading time under the title"
        elif where != "print":  # the print edition shows each chapter's
            assert not found and "book-reading-time" not in page.read_text(), f"{where} shows a reading time"
    print_edition = (site / "print" / "index.html").read_text()
    assert print_edition.count('class="book-reading-time"') == len(chapters)


def test_the_reading_time_is_not_in_the_markdown_nor_in_search(site):
    """Computed at build time: no page writes it (so the numbers check, which reads the Markdown, never sees
    it), and search does not index it."""
    docs_dir = ROOT / yaml_load((ROOT / "mkdocs.yml").read_text()).get("docs_dir", "docs")
    assert not [page for page in docs_dir.rglob("*.md") if "Reading time" in page.read_text()]
    assert "Reading time" not in json.dumps(json.loads((site / "search" / "search_index.json").read_text()))


def test_the_readme_states_the_rates():
    readme = (ROOT / "README.md").read_text()
    assert (
        f"{WORDS_PER_MINUTE} words of prose" in readme and f"{CODE_LINES_PER_MINUTE} lines of code a minute" in readme
    )
