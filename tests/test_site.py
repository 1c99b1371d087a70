"""The static site: it builds with zero warnings, requests nothing from other hosts, renders its math."""

import re
from importlib.metadata import version

import pytest

from tests.conftest import mkdocs_build

EXTERNAL = re.compile(r"""<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc=["'](?:https?:)?//|"""
                      r"""<link\b[^>]*\bhref=["'](?:https?:)?//|url\(["']?(?:https?:)?//|"""
                      r"""\bimport\(\s*["'](?:https?:)?//""", re.I)  # a module script's import("https://…")


def pages(site):
    return sorted(site.rglob("*.html"))


def test_no_page_or_stylesheet_loads_anything_from_another_host(site):
    files = [*pages(site), *site.rglob("*.css")]
    offenders = {str(f.relative_to(site)): EXTERNAL.findall(f.read_text()) for f in files}
    assert not {f: found for f, found in offenders.items() if found}


def test_all_math_is_rendered_at_build_time(site):
    for page in pages(site):
        text = page.read_text()
        assert not re.search(r'class="arithmatex">\\[(\[]', text), f"{page.name}: TeX left unrendered"
    assert 'class="katex' in (site / "chain-rule" / "index.html").read_text()
    assert (site / "assets" / "katex" / "katex.min.css").is_file()
    assert list((site / "assets" / "katex" / "fonts").glob("*.woff2"))


def test_every_page_says_what_it_was_verified_with(site):
    stamp = f"numpy {version('numpy')}, torch {version('torch').split('+')[0]}"
    for page in pages(site):
        assert stamp in page.read_text(), page


BREAKAGES = {
    "broken link": ("chain-rule.md", "# 1.", "[gone](nowhere.md)\n\n# 1.", "nowhere.md"),
    "broken anchor": ("chain-rule.md", "# 1.", "[gone](#no-such-heading)\n\n# 1.", "no-such-heading"),
    "missing include": ("chain-rule.md", "--8<-- \"snippets/chain_rule_by_hand.py", "--8<-- \"snippets/gone.py", "snippets/gone.py"),
    "bad TeX": ("chain-rule.md", "# 1.", "$\\frac{1}{$\n\n# 1.", "chain-rule.md"),
}


@pytest.mark.parametrize("breakage", BREAKAGES)
def test_a_broken_page_fails_the_build_and_names_the_cause(book_copy, tmp_path, breakage):
    page, old, new, named = BREAKAGES[breakage]
    path = book_copy / "docs" / page
    path.write_text(path.read_text().replace(old, new, 1))
    build = mkdocs_build(book_copy, tmp_path / "site", execute_notebooks=False)
    assert build.returncode != 0, f"the build passed with a {breakage}"
    assert named in build.stderr
