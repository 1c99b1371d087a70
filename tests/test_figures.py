"""The figures: each is made at build time by snippets/figure_NAME.py, and shown with alt text, caption and code."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import mkdocs_build
from tests.test_browser import contrast_ratio, rgb_of

ROOT = Path(__file__).resolve().parent.parent
FIGURES = sorted(p.stem.removeprefix("figure_") for p in (ROOT / "snippets").glob("figure_*.py"))
SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize("name", FIGURES)
def test_figure_is_an_svg_with_a_title_on_a_transparent_background(site, name):
    svg = (site / "assets" / "figures" / f"{name}.svg").read_text()
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.findtext(f"{SVG}title", "").strip(), "the SVG needs a <title> (savefig metadata Title)"
    # A white box would glare on the dark theme: the figures draw on the page's own background.
    # (hooks/figures.py names each colour drawn: #ffffff is served as var(--cffffff))
    assert not re.search(r"fill:\s*(#ffffff|var\(--cffffff\))", svg, re.I), (
        "an opaque white area: save with transparent=True"
    )


@pytest.mark.parametrize("name", FIGURES)
def test_figure_is_on_a_page_with_alt_text_a_caption_and_its_program(site, name):
    shown = []
    for page in site.rglob("*.html"):  # a chapter's, and the print edition's (a notebook shows it bare)
        if page.parent.parent.name == "notebooks":
            continue
        text = page.read_text()
        for figure in re.findall(r"<figure\b.*?</figure>", text, re.S):
            if re.search(rf'<img\b[^>]*src="[^"]*assets/figures/{name}\.svg"', figure):
                shown.append(page)
                assert re.search(r'<img\b[^>]*\balt="[^"]{20,}"', figure), f"{page}: {name}.svg needs alt text"
                caption = re.search(r"<figcaption>(.*?)</figcaption>", figure, re.S)
                assert caption and caption[1].strip(), f"{page}: {name}.svg needs a caption"
                assert f"snippets/figure_{name}.py" in text, f"{page}: show the program that draws {name}.svg"
    assert shown, f"assets/figures/{name}.svg is on no page"


def test_a_failing_figure_program_fails_the_build_and_names_it(book_copy, tmp_path):
    program = book_copy / "snippets" / f"figure_{FIGURES[0]}.py"
    program.write_text(program.read_text() + '\nraise RuntimeError("a figure that fails, on purpose")\n')
    # Without executing the notebooks: the chapter's notebook runs the program too, and would fail first.
    build = mkdocs_build(book_copy, tmp_path / "site", execute_notebooks=False)
    assert build.returncode != 0, "the build passed with a failing figure program"
    assert f"snippets/figure_{FIGURES[0]}.py" in build.stderr and "a figure that fails, on purpose" in build.stderr


@pytest.mark.parametrize("name", FIGURES)
def test_figure_colours_read_on_both_schemes_pages(site, name):
    """hooks/figures.py: each opaque colour a figure draws is a variable, 4.5:1 on material's white page and
    on its slate one (#1e2129); the phone layout too. Every colour of a style is a variable or a tint."""
    for svg in (site / "assets" / "figures").glob(f"{name}*.svg"):
        text = svg.read_text()
        light, dark = re.search(
            r"<style>:root\{([^}]*)\}@media \(prefers-color-scheme: dark\)\{:root\{([^}]*)\}", text
        ).groups()
        for values, page in ((light, "#ffffff"), (dark, "#1e2129")):
            for variable, colour in re.findall(r"(--c\w+):(#[0-9a-f]{6})", values):
                assert contrast_ratio(rgb_of(colour), rgb_of(page)) >= 4.5, (svg.name, variable, colour, page)
        for style in re.findall(r'style="([^"]*)"', text):
            assert "opacity" in style or not re.search(r"#[0-9a-fA-F]{6}", style), (svg.name, style)


def test_a_figure_without_text_gets_no_phone_layout_and_no_error(tmp_path):
    """hooks/draw_figures.py sizes a phone layout by the figure's smallest text: a picture with none (an
    image, axes off) keeps its one layout, and the harness does not fail the program for it."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from hooks.draw_figures import phone_layout

    fig, ax = plt.subplots()
    ax.imshow([[0, 1], [1, 0]])
    ax.axis("off")
    name = str(tmp_path / "picture.svg")
    fig.savefig(name)
    phone_layout(fig, name, (), {})
    plt.close(fig)
    assert not (tmp_path / "picture.narrow.svg").exists()


# The figure rule (README, "Figures"): at most 6.4 in wide (matplotlib's default, the column's width), text
# of 12 pt or more, no title over the figure (the caption says it). The exceptions, each with its reason:
WIDER = {"lr_parabola": 10.0}  # six learning rates side by side; on a phone its panels go one under another
SMALLER_TEXT = {"computational_graph": 10, "fork_graph": 10}  # boxes placed by hand; a phone layout of their own
PANELS_NAMED = {"lr_parabola", "valley"}  # a title over each panel names it, as the caption does


@pytest.mark.parametrize("name", FIGURES)
def test_figure_program_keeps_the_figure_rule(name, program):
    import matplotlib
    import matplotlib.pyplot as plt

    matplotlib.rcdefaults()
    fig = program(f"figure_{name}")["fig"]
    texts = [t for t in fig.findobj(matplotlib.text.Text) if t.get_text().strip() and t.get_visible()]
    try:
        assert fig.get_size_inches()[0] <= WIDER.get(name, 6.4)
        small = {t.get_text() for t in texts if t.get_fontsize() < SMALLER_TEXT.get(name, 12)}
        assert not small, f"text under {SMALLER_TEXT.get(name, 12)} pt: {small}"
        assert not fig._suptitle, "the caption is the title"
        titled = [ax.get_title() for ax in fig.axes if ax.get_title()]
        assert not titled or name in PANELS_NAMED and len(fig.axes) > 1, f"titles {titled}: the caption is the title"
    finally:
        plt.close("all")
