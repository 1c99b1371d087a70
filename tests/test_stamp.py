"""hooks/stamp.py: every page's footer names the numpy and torch the book was verified with."""

from importlib.metadata import version


def test_every_page_says_what_it_was_verified_with(site):
    stamp = f"numpy {version('numpy')}, torch {version('torch').split('+')[0]}"
    for page in site.rglob("*.html"):
        assert stamp in page.read_text(), page
