"""Every program in snippets/: runs standalone, prints what its page shows, and is reachable from the CLI.

A program's test is `pytest tests/test_snippets.py -k NAME`; its page is the doc that includes it.
"""

import atexit
import difflib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests import run_alone
from tests.conftest import background
from tests.docs_harness import DocsHarness, normalized, relative

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
PROGRAMS = sorted(p.stem for p in SNIPPETS.glob("*.py") if not p.name.startswith("_"))
# snippet name -> (page location, output the page shows under the block that shows the whole file)
WHOLE = [block for block in DocsHarness(ROOT).blocks() if block.whole_file]
SHOWN = {Path(block.origin[0][0]).stem: (f"{block.doc.name}:{block.line}", block.output or "") for block in WHOLE}
SHOWING_WARNINGS = [Path(block.origin[0][0]).stem for block in WHOLE if block.shows_warnings]  # "Output and warning"


@pytest.mark.parametrize("name", PROGRAMS)
def test_program_is_shown_whole_on_a_page(name):
    assert name in SHOWN, f"snippets/{name}.py is on no page as a whole file: readers cannot see or copy it"


# Two readers' machines: every program must print the same on both (set and dict order of strings
# follows the hash seed; the folder, HOME, user, the number of cores, the machine's name and architecture,
# and torch's thread counts and CPU capability differ too: tests/run_alone.py's on_this_machine).
MACHINES = {
    "a reader's machine": {"PYTHONHASHSEED": "1"},
    "another machine": {
        "PYTHONHASHSEED": "2",
        "BOOK_CPU_COUNT": "3",
        "OMP_NUM_THREADS": "1",
        "USER": "another-reader",  # getpass.getuser()
        "LOGNAME": "another-reader",
    },
}


@background("runs")
def run_every_program(folder):
    paths = [str(SNIPPETS / f"{name}.py") for name in sorted(SHOWN)]
    return {
        machine: run_alone.start(paths, folder / str(n), env, SHOWING_WARNINGS)
        for n, (machine, env) in enumerate(MACHINES.items())
    }


@pytest.fixture(scope="session")
def runs():
    """Every shown program, started at once on each machine: machine -> () -> {name: (printed, error)}."""
    return run_every_program()


@pytest.mark.parametrize("name", sorted(SHOWN))
def test_copied_program_prints_what_its_page_shows(name, runs):
    """What a reader does: copy the file into an empty folder and run it in a fresh process."""
    where, shown = SHOWN[name]
    (printed, error), (elsewhere, error_elsewhere) = (runs[machine]()[name] for machine in MACHINES)
    assert not error, f"snippets/{name}.py failed when run alone:\n{error}"
    assert not error_elsewhere, f"snippets/{name}.py failed on another machine:\n{error_elsewhere}"
    assert printed == elsewhere, (
        f"snippets/{name}.py prints differently on another machine ({MACHINES}):\n"
        + "\n".join(difflib.unified_diff(printed.splitlines(), elsewhere.splitlines(), *MACHINES, lineterm=""))
    )
    assert normalized(printed) == normalized(shown), f"{where} shows other output than snippets/{name}.py prints"


@background("pages_elsewhere")
def run_the_pages_on_each_machine(folder):
    """machine -> (the pytest process, the file its report goes to)."""
    runs = {}
    for n, (machine, env) in enumerate(MACHINES.items()):
        home = folder / str(n)
        home.mkdir()
        env = {**os.environ, **env, "HOME": str(home), "TMPDIR": str(home), "BOOK_UPDATE_OUTPUTS": "0"}
        pages = [str(page.relative_to(ROOT)) for page in DocsHarness(ROOT).pages()]
        # the second machine reads the pages backwards: a page that leans on another's state (print options,
        # a seed) fails on one of the two
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *(pages[::-1] if n else pages)]
        report = (folder / f"{n}.log").open("w+")
        runs[machine] = subprocess.Popen(command, cwd=ROOT, env=env, stdout=report), report
        atexit.register(runs[machine][0].kill)
    return runs


@pytest.fixture(scope="session")
def pages_elsewhere():
    return run_the_pages_on_each_machine()


def test_pages_print_the_same_on_other_machines(pages_elsewhere):
    """The doc-tests again, on each machine (on_this_machine in tests/run_alone.py): a block of a page
    that prints a set of strings or the number of cores fails on one of them, naming its page and line."""
    failures = []
    for machine, (run, report) in pages_elsewhere.items():
        run.wait()
        report.seek(0)
        printed = report.read()
        # each failing block's report: page:line, and the diff of what the page shows and what it printed there
        failed = re.findall(r"did not evaluate as expected:\n(.*?)\n\S+:\d+: SybilFailure", printed, re.DOTALL)
        if run.returncode:
            failures.append(f"on {machine} ({MACHINES[machine]}):\n" + "\n".join(failed or printed.splitlines()[-20:]))
    assert not failures, "the pages print otherwise on another machine:\n" + "\n\n".join(failures)


def test_cli_lists_every_program():
    run = subprocess.run([sys.executable, "-m", "snippets"], cwd=ROOT, capture_output=True, text=True, check=True)
    listed = [line.split()[0] for line in run.stdout.splitlines()[1:]]
    assert listed == PROGRAMS
    assert all(len(line.split()) > 1 for line in run.stdout.splitlines()[1:]), "every program needs a description"


def test_cli_runs_one_program():
    run = subprocess.run(
        [sys.executable, "-m", "snippets", "chain_rule_by_hand"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert normalized(run.stdout) == normalized(SHOWN["chain_rule_by_hand"][1])


def test_cli_rejects_an_unknown_name():
    run = subprocess.run([sys.executable, "-m", "snippets", "nope"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 2
    assert "unknown snippet 'nope'" in run.stderr and "chain_rule_by_hand" in run.stderr


def test_every_code_line_of_the_book_fits_the_page_without_scrolling():
    """The book's code column shows 80 characters; a longer line hides behind a scroll bar."""
    long = [
        f"{relative(path, ROOT)}:{n}: {line}"
        for block in DocsHarness(ROOT).blocks()
        for line, (path, n) in zip(block.lines, block.origin)
        if len(line) > 80
    ]
    assert not long, "lines over 80 characters:\n" + "\n".join(long)
