"""Build hook: what a browser needs to draw the book's MathML (hooks/render_math.py), from the npm registry.

- Temml's stylesheet (`assets/temml/Temml-Local.css`, its rules for Temml's classes: overlines, primes,
  small accents) and the small font it names for primes and script letters, `Temml.woff2`.
- The math font. MathML is laid out by the browser (MathML Core), which needs a font with an OpenType
  MATH table for fraction bars, roots, stretchy brackets and accents. Noto Sans Math is one, but 270 KB
  whole: the build keeps only the glyphs of the characters inside the site's <math> elements (and the
  italic letters a browser draws for a one-letter <mi>), with their MATH variants, as
  `assets/fonts/math.woff2` (about 16 KB; docs/assets/book.css names it). Its names are kept, with the
  font's licence (SIL OFL 1.1). Scripts are drawn at TeX's 70% and 50% of the text (the font says 60%
  and 50%: an inline fraction's digits were 10.6 px). It is cut after the pages are built, from what
  they show, and kept in `.cache/math-font/`, keyed on the font, this hook, fontTools and the
  characters: a rebuild that shows no new character reuses it. A page with math preloads it.
"""

import hashlib
import html
import re
import shutil
from pathlib import Path

import fontTools
from fontTools import subset
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parent.parent
TEMML = [ROOT / "node_modules" / "temml" / "dist" / name for name in ("Temml-Local.css", "Temml.woff2")]
FONT = ROOT / "node_modules" / "@fontsource" / "noto-sans-math" / "files" / "noto-sans-math-latin-400-normal.woff"
CACHE = ROOT / ".cache" / "math-font"
URI = "assets/fonts/math.woff2"
MATH = re.compile(r"<math\b.*?</math>", re.S)
ANNOTATION = re.compile(r"<annotation\b.*?</annotation>", re.S)  # the TeX source: never drawn
TAG = re.compile(r"<[^>]+>")
# Drawn though not written: a one-letter <mi> in italic, which the browser maps to Mathematical Italic
# (U+1D434 on, with italic h at U+210E and the dotless i and j at U+1D6A4) and its Greek (U+1D6E2 on);
# the radical sign of <msqrt>.
UNWRITTEN = {*range(0x1D434, 0x1D49C), 0x210E, 0x1D6A4, 0x1D6A5, *range(0x1D6E2, 0x1D71C), ord("√")}
characters: set[str] = set()  # what this build's <math> elements show


def on_config(config):
    missing = [str(path) for path in [*TEMML, FONT] if not path.is_file()]
    if missing:
        raise PluginError(f"missing {', '.join(missing)}: run `make install` (npm ci) first")
    characters.clear()
    return config


def on_files(files, config):
    for path in TEMML:
        files.append(File.generated(config, f"assets/temml/{path.name}", abs_src_path=str(path)))
    return files


def on_post_page(output, page, config):
    maths = MATH.findall(output)
    for math in maths:
        characters.update(html.unescape(TAG.sub("", ANNOTATION.sub("", math))))
    if not maths:
        return output
    # Asked for with the stylesheets, not once they are read: else the first paint draws the math in
    # another font, and the page moves when this one arrives (Lighthouse: layout shift, a late LCP).
    preload = f'<link rel="preload" href="{get_relative_url(URI, page.url)}" as="font" type="font/woff2" crossorigin>'
    return output.replace("</head>", preload + "\n</head>", 1)


def on_post_build(config):
    codepoints = sorted({ord(c) for c in characters if not c.isspace()} | UNWRITTEN)
    key = hashlib.sha256(b"".join([FONT.read_bytes(), Path(__file__).read_bytes(), fontTools.version.encode()]))
    key.update(repr(codepoints).encode())
    cut = CACHE / f"{key.hexdigest()[:20]}.woff2"
    if not cut.is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        for old in CACHE.glob("*.woff2"):
            old.unlink()
        options = subset.Options(flavor="woff2", layout_features=["*"], name_IDs=["*"], notdef_outline=True)
        font = subset.load_font(str(FONT), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=codepoints)
        subsetter.subset(font)
        constants = font["MATH"].table.MathConstants
        constants.ensureDecompiled()  # else the font's own values are read over these when it is saved
        constants.ScriptPercentScaleDown, constants.ScriptScriptPercentScaleDown = 70, 50
        partial = cut.with_suffix(".partial")  # replaced at once: a parallel build reads it whole
        subset.save_font(font, str(partial), options)
        partial.replace(cut)
    target = Path(config.site_dir) / URI
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cut, target)
