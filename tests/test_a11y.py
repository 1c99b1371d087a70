"""hooks/a11y.py: the fixes axe asks for are in every page (tests/test_browser.py runs axe itself)."""

import re


def test_search_dialog_is_named_and_notebook_code_takes_focus(site):
    for page in site.rglob("*.html"):
        text = page.read_text()
        if 'data-md-component="search"' in text:
            assert 'role="dialog" aria-label="Search"' in text, page
        assert not re.search(r'<div class="highlight-ipynb', text), f"{page}: a notebook cell without tabindex"
    assert '<div tabindex="0" class="highlight-ipynb' in next(site.glob("notebooks/*/index.html")).read_text()
