"""Build hook: the figures, made at build time from snippets/, never committed.

Every `snippets/figure_NAME.py` runs in an empty folder and must write `NAME.svg` there; it is served as
`assets/figures/NAME.svg`, and its layout for a phone as `NAME.narrow.svg` (hooks/draw_figures.py makes
it). A program may also write `NAME.json`, data that Python computes at build time for an
explorable figure (hooks/explorables.py), served beside it as `assets/figures/NAME.json`. A failing
figure program fails the build, and is named. The programs run while the notebooks execute; on_env waits for them. A figure is kept in `.cache/figures/KEY/`, KEY a hash of its program,
of hooks/draw_figures.py and of the Python and package versions (hooks/content_key.py): a build runs
only the programs that changed.

**Colours for both schemes.** A program draws in one set of colours (mid-grey text, a blue, an orange:
what reads on a white and on a dark page alike, at about 3:1). The page needs 4.5:1 for text, on each.
So every opaque colour of the SVG becomes a CSS variable whose value is that colour made just dark
enough for material's white page (its linear RGB scaled: the same hue) and just light enough for its
dark page (mixed with white), under `@media (prefers-color-scheme: dark)`. In a picture an <img>
shows, that query follows the page's `color-scheme` (material sets it with the scheme, the toggle
included; print is light, book.css). A translucent colour (a tint behind the text) is left as drawn.
The same for the figures a notebook draws (hooks/notebook_markup.py).
"""

import atexit
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from content_key import content_key, forget_unused  # hooks/content_key.py: mkdocs puts hooks/ on sys.path
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent
FIGURES = ROOT / ".cache" / "figures"
RUNNER = Path(__file__).with_name("draw_figures.py")  # runs them all, in one fresh Python
# material's page backgrounds: default (white) and slate, hsl(225, 15%, 14%) (mkdocs.yml: palette)
PAGES = {"light": (255, 255, 255), "dark": (30, 33, 41)}
TEXT_CONTRAST = 4.8  # WCAG's 4.5:1 for text, and a little more: a glyph's edges are anti-aliased
STYLE = re.compile(r'style="([^"]*)"')
COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b")
figures: dict[str, object] = {}  # the figure run, started in on_files, awaited in on_env


def figure_svg(program: Path) -> Path:
    key = content_key(program.read_bytes(), RUNNER.read_bytes())
    return FIGURES / f"{program.stem}-{key}" / f"{program.stem.removeprefix('figure_')}.svg"


def linear(channel: int) -> float:
    value = channel / 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def encoded(value: float) -> int:
    value = min(max(value, 0.0), 1.0)
    return round(255 * (12.92 * value if value <= 0.0031308 else 1.055 * value ** (1 / 2.4) - 0.055))


def luminance(rgb) -> float:
    red, green, blue = map(linear, rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(a, b) -> float:
    darker, lighter = sorted((luminance(a), luminance(b)))
    return (lighter + 0.05) / (darker + 0.05)


def readable_on(page, rgb) -> tuple[int, int, int]:
    """rgb, darkened (on a light page) or lightened (on a dark one) until it has TEXT_CONTRAST on page."""
    while contrast(rgb, page) < TEXT_CONTRAST:
        values, light, page_light = [linear(c) for c in rgb], luminance(rgb), luminance(page)
        if page_light > 0.5:  # scale the light down: the same hue, darker
            scale = min(((page_light + 0.05) / TEXT_CONTRAST - 0.05) / max(light, 1e-6), 0.99)
            values = [v * scale for v in values]
        else:  # mix with white
            share = max((TEXT_CONTRAST * (page_light + 0.05) - 0.05 - light) / (1 - light), 0.01)
            values = [v + share * (1 - v) for v in values]
        rgb = tuple(encoded(v) for v in values)
    return rgb


def for_both_schemes(svg: str) -> str:
    """The SVG with each opaque colour a variable, readable on the light and on the dark page."""
    names: dict[str, str] = {}  # "#8a8a8a" -> "--c8a8a8a": the colour drawn, named

    def variable(colour):
        return f"var({names.setdefault(colour[0].lower(), f'--c{colour[0][1:].lower()}')})"

    def variables(style):
        return style[0] if "opacity" in style[1] else f'style="{COLOUR.sub(variable, style[1])}"'  # a tint: as drawn

    svg = STYLE.sub(variables, svg)
    if not names:
        return svg

    def values(scheme):
        rgb = {colour: tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5)) for colour in names}
        return ";".join(f"{name}:#{bytes(readable_on(PAGES[scheme], rgb[c])).hex()}" for c, name in names.items())

    style = f"<style>:root{{{values('light')}}}@media (prefers-color-scheme: dark){{:root{{{values('dark')}}}}}</style>"
    return re.sub(r"(<svg\b[^>]*>)", lambda m: m[1] + style, svg, count=1)


def on_files(files, config):
    if "run" in figures:  # `mkdocs serve`: a rebuild after a build that failed before on_env
        figures.pop("run").kill()
    FIGURES.mkdir(parents=True, exist_ok=True)
    figures["programs"] = sorted((ROOT / "snippets").glob("figure_*.py"))
    missing = []
    for program in figures["programs"]:
        svg = figure_svg(program)
        files.append(File.generated(config, f"assets/figures/{svg.name}", abs_src_path=str(svg)))
        if svg.is_file():
            svg.parent.touch()  # recently used: kept
        else:
            for left in svg.parent, Path(f"{svg.parent}.partial"):  # what a failed run left
                shutil.rmtree(left, ignore_errors=True)
            missing += [str(program), str(svg.parent)]
    if missing:
        figures["stderr"] = tempfile.TemporaryFile("w+")  # a file: a full pipe would stall the run
        figures["run"] = subprocess.Popen(
            [sys.executable, "-I", str(RUNNER), *missing],
            stdout=subprocess.DEVNULL,
            stderr=figures["stderr"],
            env={**os.environ, "MPLBACKEND": "Agg"},
        )
        atexit.register(figures["run"].kill)  # if the build fails first, do not leave the run behind
    return files


def on_env(env, config, files):
    """The figures must be made before mkdocs copies the site's files, right after this event."""
    programs = figures.pop("programs")
    if "run" in figures:
        run, stderr = figures.pop("run"), figures.pop("stderr")
        run.wait(timeout=600)
        stderr.seek(0)
        log = stderr.read()
        if run.returncode:
            failed = next(Path(line).name for line in reversed(log.splitlines()) if line in map(str, programs))
            raise PluginError(f"figure program snippets/{failed} failed:\n{log}")
    for program in programs:
        svg = figure_svg(program)
        if not svg.is_file():
            raise PluginError(f"figure program snippets/{program.name} did not write {svg.name}")
        narrow = svg.with_suffix(".narrow.svg")
        if narrow.is_file():
            files.append(File.generated(config, f"assets/figures/{narrow.name}", abs_src_path=str(narrow)))
        for picture in svg, narrow:
            if picture.is_file():
                file = files.get_file_from_path(f"assets/figures/{picture.name}")
                file.content_string = for_both_schemes(picture.read_text())
        data = svg.with_suffix(".json")
        if data.is_file():  # known once the program has run: served from here
            files.append(File.generated(config, f"assets/figures/{data.name}", abs_src_path=str(data)))
    forget_unused([p for p in FIGURES.iterdir() if p.is_dir()])
    return env
