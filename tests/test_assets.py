"""hooks/assets.py: KaTeX's stylesheet and every woff2 font it names are served from the site itself."""

import re


def test_katex_stylesheet_and_its_woff2_fonts_are_in_the_site(site):
    katex = site / "assets" / "katex"
    woff2 = set(re.findall(r"url\((fonts/[\w-]+\.woff2)\)", (katex / "katex.min.css").read_text()))
    assert woff2, "katex.min.css names no woff2 font"
    assert not [font for font in woff2 if not (katex / font).is_file()]
