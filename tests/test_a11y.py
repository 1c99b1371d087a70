"""hooks/a11y.py: the fixes axe asks for are in every page (tests/test_browser.py runs axe itself)."""


def test_search_dialog_is_named(site):
    for page in site.rglob("*.html"):
        text = page.read_text()
        if 'data-md-component="search"' in text:
            assert 'role="dialog" aria-label="Search"' in text, page
