"""hooks/notebook_pages.py: notebook pages load no script from elsewhere, and render their markdown cells'
math. (Their rank in search: tests/test_search.py.)"""

import re

import nbformat


def test_notebook_pages_have_no_cdn_script_and_their_math_is_rendered(site):
    notebooks = sorted(site.glob("notebooks/*/index.html"))
    assert notebooks
    for page in notebooks:
        text = page.read_text()
        assert not re.search(r"<script\b[^>]*>(?:(?!</script>).)*(mathjax|mermaid|https?:)", text, re.S | re.I), page
        cells = nbformat.read(next(page.parent.glob("*.ipynb")), as_version=4).cells
        if any("$" in cell.source for cell in cells if cell.cell_type == "markdown"):
            rendered = "".join(re.findall(r'class="[^"]*jp-RenderedMarkdown[^>]*>(.*?)</div>', text, re.S))
            assert "<math" in rendered and not re.search(r"\$[^\s$<][^$<]*\$", rendered), f"{page}: TeX"
