"""hooks/render_math.py: all math, in pages and in the table of contents, is MathML at build time."""

import re

from tests.conftest import mkdocs_build


def test_all_math_is_rendered_at_build_time(site):
    for page in site.rglob("*.html"):
        text = page.read_text()
        assert not re.search(r'class="arithmatex">\\[(\[]', text), f"{page}: TeX left unrendered"
        links = re.findall(r'<a\b[^>]*class="md-nav__link"[^>]*>(.*?)</a>', text, re.S)
        assert not [link for link in links if "\\(" in link], f"{page}: TeX left in the table of contents"
    assert "<math" in (site / "chain-rule" / "index.html").read_text()


def test_bad_tex_fails_the_build_and_names_the_page(book_copy, tmp_path):
    page = book_copy / "docs" / "chain-rule.md"
    page.write_text(page.read_text().replace("# 1.", "$\\frac{1}{$\n\n# 1.", 1))
    build = mkdocs_build(book_copy, tmp_path / "site")
    assert build.returncode != 0, "the build passed with bad TeX"
    assert "chain-rule.md" in build.stderr and "Temml cannot render" in build.stderr


def test_an_inline_formula_keeps_its_punctuation_on_its_line(site):
    """A browser may break between an inline <math> and the comma after it: the hook puts the comma inside
    the formula's span, which does not wrap."""
    text = (site / "nn-module" / "index.html").read_text()
    assert not re.findall(r"</math></span>[,.;:!?)]", text), "punctuation after a formula, outside its span"
    assert re.search(r"</math>[,.;:!?)]+</span>", text), "no formula on the page is kept with its punctuation"
    css = (site / "assets" / "book.css").read_text()
    assert re.search(r"span\.arithmatex\s*{\s*white-space:\s*nowrap", css), "book.css lets an inline formula wrap"
