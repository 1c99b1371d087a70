"""The static site: it builds with zero warnings, requests nothing from other hosts, fails on a broken page.

Each build step (hooks/NAME.py) has its own tests in tests/test_NAME.py.
"""

import gzip
import re

import pytest

from tests.conftest import mkdocs_build

EXTERNAL = re.compile(
    r"""<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc=["'](?:https?:)?//|"""
    r"""<link\b(?![^>]*\brel=["']?canonical)[^>]*\bhref=["'](?:https?:)?//|url\(["']?(?:https?:)?//|"""
    r"""\bimport\(\s*["'](?:https?:)?//""",
    re.I,
)  # a module script's import("https://…"); a canonical link names the page's address, loads nothing


def pages(site):
    return sorted(site.rglob("*.html"))


def test_no_page_or_stylesheet_loads_anything_from_another_host(site):
    files = [*pages(site), *site.rglob("*.css")]
    offenders = {str(f.relative_to(site)): EXTERNAL.findall(f.read_text()) for f in files}
    assert not {f: found for f, found in offenders.items() if found}


BREAKAGES = {
    "broken link": ("chain-rule.md", "# 1.", "[gone](nowhere.md)\n\n# 1.", "nowhere.md"),
    "broken anchor": ("chain-rule.md", "# 1.", "[gone](#no-such-heading)\n\n# 1.", "no-such-heading"),
    "missing include": (
        "chain-rule.md",
        '--8<-- "snippets/chain_rule_by_hand.py',
        '--8<-- "snippets/gone.py',
        "snippets/gone.py",
    ),
}


@pytest.mark.parametrize("breakage", BREAKAGES)
def test_a_broken_page_fails_the_build_and_names_the_cause(book_copy, tmp_path, breakage):
    page, old, new, named = BREAKAGES[breakage]
    path = book_copy / "docs" / page
    path.write_text(path.read_text().replace(old, new, 1))
    build = mkdocs_build(book_copy, tmp_path / "site")
    assert build.returncode != 0, f"the build passed with a {breakage}"
    assert named in build.stderr


def test_pages_have_absolute_canonical_links_and_edit_links_that_call_no_api(site):
    """site_url gives canonical links and an absolute sitemap; without repo_url, material's header does not
    ask api.github.com for the repository's stars on every page load (data-md-component="source")."""
    sitemap = gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode()
    assert re.findall(r"<loc>([^<]*)</loc>", sitemap) and all(
        url.startswith("https://") for url in re.findall(r"<loc>([^<]*)</loc>", sitemap)
    )
    for page in pages(site):
        text = page.read_text()
        assert 'data-md-component="source"' not in text, f"{page}: a repository widget that calls api.github.com"
        if page.name == "index.html":
            assert re.search(r'<link rel="canonical" href="https://', text), page
        edits = re.findall(r'<a href="([^"]*)" title="Edit this page"', text)
        if page.parent.parent.name == "notebooks" or page.parent.name == "print":
            assert not edits, f"{page}: a generated page (notebook, print edition) has no Markdown to edit"
        elif page.name == "index.html":
            source = page.parent.relative_to(site).as_posix()
            assert edits and edits[0].endswith(f"/docs/{source + '.md' if source != '.' else 'index.md'}"), page
