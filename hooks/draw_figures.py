"""Run by hooks/figures.py in a fresh Python of its own: every figure program, each in its own folder.

argv: PROGRAM FOLDER pairs. Each program runs as `python figure_NAME.py` would, in a new __main__, in the
empty folder FOLDER.partial, with warnings as errors and matplotlib's defaults restored, and the folder
gets its final name only when the program succeeded (a failed run leaves no figure). One Python for
all: importing torch and matplotlib once instead of once per program halves the build's figure time.
The name of each program goes to stderr before it runs, so that a traceback follows it.

**The phone layout.** A program writes `NAME.svg`; on a phone (a 358 px column) that picture shrinks,
and its text with it. So each figure is also saved as `NAME.narrow.svg`, laid out for that column with
its smallest text >= 11 CSS px: panels side by side that would be narrower than 2.5 in go one under
another (a caption names them by their titles, not "left" and "right"), and the figure is made as
narrow as its smallest font needs (matplotlib lays it out again; fonts keep their size). A drawing
placed by hand (text in an axes with no axis: a graph of boxes and arrows) cannot be laid out again
from outside, but by a little (its text would overlap its boxes): if it must narrow by more than 20 %,
its program saves its own `NAME.narrow.svg` (after `NAME.svg`, as figure_fork_graph.py does); without
one, the page shows `NAME.svg` on a phone too, and the browser tests fail on its small text.
"""

import os
import runpy
import sys
import warnings

import matplotlib
import matplotlib.pyplot
from matplotlib.figure import Figure
from matplotlib.text import Text

PHONE_COLUMN_PX = 358  # the text column of a 390 px phone
PHONE_TEXT_PX = 11.2  # the smallest figure text on a phone, 11 px (README, "Figures"), and a little more
PX_PER_PT = 96 / 72
NARROWEST_PANEL_IN = 2.5  # panels side by side that would be narrower go one under another
HAND_PLACED_SHRINKS = 0.8  # a drawing placed by hand is laid out again only if it narrows by 20 % at most
saved = []  # (figure, file name, savefig's arguments) of the program that runs
savefig, tight_layout = Figure.savefig, Figure.tight_layout


def recording_savefig(figure, name, *args, **kwargs):
    savefig(figure, name, *args, **kwargs)
    if isinstance(name, str) and name.endswith(".svg") and not name.endswith(".narrow.svg"):
        saved.append((figure, name, args, kwargs))


def recording_tight_layout(figure, *args, **kwargs):
    figure.book_tight_layout = (args, kwargs)  # to lay the figure out again, as its program did
    return tight_layout(figure, *args, **kwargs)


def placed_by_hand(figure) -> bool:
    return any(not ax.axison and ax.texts for ax in figure.axes)


def smallest_text_pt(figure) -> float | None:
    texts = [t for t in figure.findobj(Text) if t.get_visible() and t.get_text().strip()]
    return min((t.get_fontsize() for t in texts), default=None)


def saved_width_in(figure, kwargs) -> float:
    """The width of the picture savefig writes: the figure's, or its tight box's (bbox_inches="tight")."""
    if kwargs.get("bbox_inches") != "tight":
        return figure.get_figwidth()
    box = figure.get_tightbbox(figure.canvas.get_renderer())
    return box.width + 2 * kwargs.get("pad_inches", matplotlib.rcParams["savefig.pad_inches"])


def phone_layout(figure, name, args, kwargs) -> None:
    """Save `figure` again as NAME.narrow.svg, laid out for a phone's column (see the docstring)."""
    narrow = name.removesuffix(".svg") + ".narrow.svg"
    if smallest_text_pt(figure) is None:
        return  # no text to keep legible: the figure scales down as it is
    width, height = figure.get_size_inches()
    needed = PHONE_COLUMN_PX * smallest_text_pt(figure) * PX_PER_PT / PHONE_TEXT_PX / 96  # inches
    if os.path.exists(narrow) or placed_by_hand(figure) and needed < HAND_PLACED_SHRINKS * width:
        return
    panels = [ax for ax in figure.axes if ax.get_subplotspec() is not None]
    grid = panels[0].get_subplotspec().get_gridspec() if panels else None
    rows, columns = grid.get_geometry() if grid else (1, 1)
    side_by_side = rows == 1 and columns > 1 and all(ax.get_subplotspec().get_gridspec() is grid for ax in panels)
    if side_by_side and needed / columns < NARROWEST_PANEL_IN:
        stacked = figure.add_gridspec(columns, 1)
        for ax in panels:
            ax.set_subplotspec(stacked[ax.get_subplotspec().colspan.start, 0])
            ax.tick_params(labelleft=True)  # a shared y axis showed its labels on the first panel only
        height *= columns * 0.85
    elif saved_width_in(figure, kwargs) <= needed:
        return  # its text is large enough on a phone as it is
    figure.set_size_inches(min(width, needed), height)
    for _ in range(3):  # the saved width follows the layout: narrow it until the text is large enough
        if hasattr(figure, "book_tight_layout"):
            args_, kwargs_ = figure.book_tight_layout
            tight_layout(figure, *args_, **kwargs_)
        figure.canvas.draw()
        over = saved_width_in(figure, kwargs) / needed
        if over <= 1:
            break
        figure.set_size_inches(figure.get_figwidth() / over, height)
    savefig(figure, narrow, *args, **kwargs)


def main(pairs):
    warnings.simplefilter("error")
    Figure.savefig, Figure.tight_layout = recording_savefig, recording_tight_layout
    for program, folder in pairs:
        print(program, file=sys.stderr, flush=True)  # so that a traceback follows the name of its program
        os.makedirs(folder + ".partial")
        os.chdir(folder + ".partial")
        matplotlib.rcdefaults()
        matplotlib.rcParams["svg.hashsalt"] = "backprop-verified"  # the same bytes at every run
        saved.clear()
        runpy.run_path(program, run_name="__main__")
        for figure, name, args, kwargs in saved:
            phone_layout(figure, name, args, kwargs)
        matplotlib.pyplot.close("all")
        os.chdir(os.path.dirname(folder))
        os.replace(folder + ".partial", folder)


if __name__ == "__main__":  # run with -I: hooks/ is not on sys.path, a program sees nothing of this book
    main(list(zip(sys.argv[1::2], sys.argv[2::2])))
