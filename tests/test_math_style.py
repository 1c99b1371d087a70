"""hooks/math_style.py: Temml's stylesheet and font, and the math font cut to what the book's math shows."""

import re
import unicodedata

from bs4 import BeautifulSoup
from fontTools.ttLib import TTFont

MATH_FONT_KB = 40  # Noto Sans Math whole is 270 KB; the book's characters, about 16


def test_temml_stylesheet_and_the_fonts_it_names_are_in_the_site(site):
    temml = site / "assets" / "temml"
    fonts = set(re.findall(r"""url\(['"]?([\w.-]+\.woff2)""", (temml / "Temml-Local.css").read_text()))
    assert fonts, "Temml-Local.css names no font"
    assert not [font for font in fonts if not (temml / font).is_file()]


def italic(letter: str) -> str:
    """The Mathematical Italic character a browser draws for a one-letter <mi> (MathML Core, math-auto)."""
    if letter == "h":
        return "\u210e"
    for (first, last), first_italic in ("az", 0x1D44E), ("AZ", 0x1D434), ("αω", 0x1D6FC), ("ΑΩ", 0x1D6E2):
        if first <= letter <= last:
            return chr(first_italic + ord(letter) - ord(first))
    return letter


def test_the_math_font_draws_every_character_of_the_books_math(site):
    font_file = site / "assets" / "fonts" / "math.woff2"
    assert font_file.stat().st_size < MATH_FONT_KB * 1024
    font = TTFont(font_file)
    assert "MATH" in font, "no OpenType MATH table: the browser cannot stretch brackets or place limits"
    drawn = set(map(chr, font.getBestCmap()))
    shown: dict[str, str] = {}  # character -> a page that shows it
    for page in sorted(site.rglob("*.html")):
        for math in BeautifulSoup(page.read_text(), "html.parser").find_all("math"):
            for annotation in math.find_all("annotation"):
                annotation.decompose()
            letters = [mi.text for mi in math.find_all("mi") if len(mi.text) == 1 and not mi.get("mathvariant")]
            radical = ["√"] if math.find(["msqrt", "mroot"]) else []
            for character in {*math.get_text(), *map(italic, letters), *radical}:
                if not (character.isspace() or unicodedata.category(character) == "Cf"):  # nothing to draw
                    shown.setdefault(character, page.relative_to(site).as_posix())
    assert len(shown) > 50
    missing = {f"U+{ord(c):04X} {c}": page for c, page in shown.items() if c not in drawn}
    assert not missing, missing


def test_a_page_with_math_preloads_the_math_font(site):
    """Fetched with the stylesheets: else the math is first drawn in another font and the page moves."""
    for page in sorted(site.rglob("*.html")):
        text = page.read_text()
        preload = re.search(r'<link rel="preload" href="([^"]+)" as="font" type="font/woff2" crossorigin>', text)
        assert bool(preload) == ("<math" in text), page
        if preload:
            assert (page.parent / preload[1]).resolve() == (site / "assets" / "fonts" / "math.woff2").resolve(), page
