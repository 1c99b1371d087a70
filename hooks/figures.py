"""Build hook: the figures, made at build time from snippets/, never committed.

Every `snippets/figure_NAME.py` runs in an empty folder and must write `NAME.svg` there; it is served as
`assets/figures/NAME.svg`. A failing figure program fails the build, and is named. The programs run
while mkdocs-jupyter executes the notebooks; on_env waits for them.
"""

import atexit
import os
import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent
FIGURES = ROOT / ".cache" / "figures"
# One fresh Python for all figure programs: importing torch and matplotlib once instead of once per
# program halves the build's figure time. Each program still runs as `python figure_NAME.py` would, in a
# new __main__, in its own empty folder, with warnings as errors and matplotlib's defaults restored.
# (That each program also runs alone in a process of its own is checked by tests/test_snippets.py.)
FIGURE_RUNNER = """
import os, runpy, sys, warnings
import matplotlib, matplotlib.pyplot
warnings.simplefilter("error")
for program in sys.argv[1:]:
    print(program, file=sys.stderr, flush=True)  # so that a traceback follows the name of its program
    os.chdir(os.path.join(os.environ["BOOK_FIGURES"], os.path.basename(program)[:-3]))
    matplotlib.rcdefaults()
    runpy.run_path(program, run_name="__main__")
    matplotlib.pyplot.close("all")
"""
figures: dict[str, subprocess.Popen] = {}  # the figure run, started in on_files, awaited in on_env


def figure_programs() -> list[Path]:
    return sorted((ROOT / "snippets").glob("figure_*.py"))


def figure_svg(program: Path) -> Path:
    return FIGURES / program.stem / f"{program.stem.removeprefix('figure_')}.svg"


def on_files(files, config):
    if "run" in figures:  # `mkdocs serve`: a rebuild after a build that failed before on_env
        figures.pop("run").kill()
    shutil.rmtree(FIGURES, ignore_errors=True)  # start from nothing
    FIGURES.mkdir(parents=True)
    programs = figure_programs()
    for program in programs:
        figure_svg(program).parent.mkdir()
        files.append(File.generated(config, f"assets/figures/{figure_svg(program).name}",
                                    abs_src_path=str(figure_svg(program))))
    with open(FIGURES / "stderr.txt", "w") as stderr:  # a file: a full pipe would stall the run
        figures["run"] = subprocess.Popen(
            [sys.executable, "-I", "-c", FIGURE_RUNNER, *map(str, programs)], stdout=subprocess.DEVNULL,
            stderr=stderr, env={**os.environ, "MPLBACKEND": "Agg", "BOOK_FIGURES": str(FIGURES)},
        )
    atexit.register(figures["run"].kill)  # if the build fails first, do not leave the run behind
    return files


def on_env(env, config, files):
    """The figures must be made before mkdocs copies the site's files, right after this event."""
    programs = figure_programs()
    figures["run"].wait(timeout=600)
    stderr = (FIGURES / "stderr.txt").read_text()
    if figures.pop("run").returncode:
        failed = next(Path(line).name for line in reversed(stderr.splitlines()) if line in map(str, programs))
        raise PluginError(f"figure program snippets/{failed} failed:\n{stderr}")
    for program in programs:
        if not figure_svg(program).is_file():
            raise PluginError(f"figure program snippets/{program.name} did not write {figure_svg(program).name}")
    return env
