"""Build hook: the figures, made at build time from snippets/, never committed.

Every `snippets/figure_NAME.py` runs in an empty folder and must write `NAME.svg` there; it is served as
`assets/figures/NAME.svg`. A program may also write `NAME.json`, data that Python computes at build time
for an explorable figure (hooks/explorables.py), served beside it as `assets/figures/NAME.json`. A failing
figure program fails the build, and is named. The programs run while the notebooks execute; on_env waits
for them. A figure is kept in `.cache/figures/KEY/`, KEY a hash of its program and of the Python and
package versions (hooks/content_key.py): a build runs only the programs that changed.
"""

import atexit
import os
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
# One fresh Python for all figure programs: importing torch and matplotlib once instead of once per
# program halves the build's figure time. Each program still runs as `python figure_NAME.py` would, in a
# new __main__, in its own empty folder, with warnings as errors and matplotlib's defaults restored.
# (That each program also runs alone in a process of its own is checked by tests/test_snippets.py.)
# A folder gets its final name only when its program succeeded: a failed run leaves no cached figure.
FIGURE_RUNNER = """
import os, runpy, sys, warnings
import matplotlib, matplotlib.pyplot
warnings.simplefilter("error")
for program, folder in zip(sys.argv[1::2], sys.argv[2::2]):
    print(program, file=sys.stderr, flush=True)  # so that a traceback follows the name of its program
    os.makedirs(folder + ".partial")
    os.chdir(folder + ".partial")
    matplotlib.rcdefaults()
    matplotlib.rcParams["svg.hashsalt"] = "backprop-verified"  # the same bytes at every run
    runpy.run_path(program, run_name="__main__")
    matplotlib.pyplot.close("all")
    os.chdir(os.path.dirname(folder))
    os.replace(folder + ".partial", folder)
"""
figures: dict[str, object] = {}  # the figure run, started in on_files, awaited in on_env


def figure_svg(program: Path) -> Path:
    key = content_key(program.read_bytes(), FIGURE_RUNNER)
    return FIGURES / f"{program.stem}-{key}" / f"{program.stem.removeprefix('figure_')}.svg"


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
            [sys.executable, "-I", "-c", FIGURE_RUNNER, *missing],
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
        if not figure_svg(program).is_file():
            raise PluginError(f"figure program snippets/{program.name} did not write {figure_svg(program).name}")
        data = figure_svg(program).with_suffix(".json")
        if data.is_file():  # known once the program has run: served from here
            files.append(File.generated(config, f"assets/figures/{data.name}", abs_src_path=str(data)))
    forget_unused([p for p in FIGURES.iterdir() if p.is_dir()])
    return env
