"""Every program in snippets/: runs standalone, prints what its page shows, and is reachable from the CLI.
Every other code block of the book too: copied alone into an empty folder (or after the program its title
says it continues), it prints what its page shows.

A program's test is `pytest tests/test_snippets.py -k NAME`; its page is the doc that includes it.
A block's is `pytest tests/test_snippets.py -k "block and PAGE.md:LINE"`.
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
BLOCKS = list(DocsHarness(ROOT).blocks())  # every code block of the book, in page order, includes expanded
# snippet name -> (page location, output the page shows under the block that shows the whole file)
WHOLE = [block for block in BLOCKS if block.whole_file]
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


# -- every other block, as a reader copies it ---------------------------------------------------------------
# A session (a pycon fence) runs as the reader's Python would: each >>> line's output is compared by doctest,
# which prints only what failed. The program of its page, if its title names one, runs first, in the same names.
SESSION = """
import doctest

doctest.DocTestRunner(optionflags=doctest.ELLIPSIS).run(
    doctest.DocTestParser().get_doctest({source!r}, globals(), {where!r}, None, 0)
)
"""


def shows(block, program: str) -> bool:
    """Does the block show code of the program (snippets/NAME.py): the whole file or a part of it?"""
    return any(Path(path).resolve() == ROOT / program for path, _ in block.origin)


def copy_of(block, above: list) -> tuple[str, str, bool]:
    """(code, output, shows warnings) of a block as a reader copies it: the block alone, or, if its title says
    `continues snippets/NAME.py`, after that program as the page showed it above (the last whole copy, or else
    every part of it so far, in order), printing what those blocks' output fences show, then its own."""
    before = []
    if block.continues:
        showing = [b for b in above if shows(b, block.continues)]
        before = [b for b in showing if b.whole_file][-1:] or showing
    code = "\n".join(block.lines) + "\n"
    if block.doctest:
        code = SESSION.format(source=code, where=f"{block.doc.name}:{block.line}")
    outputs = [normalized(b.output or "") for b in [*before, block]]
    return (
        "".join("\n".join(b.lines) + "\n" for b in before) + code,
        "\n".join(filter(None, outputs)),
        any(b.shows_warnings for b in [*before, block]),
    )


# "PAGE.md:LINE" -> (code, output, shows warnings) of every block that is not one whole program (those are
# tested above) and is run (not titled "Not run: ...")
COPIES = {
    f"{block.doc.name}:{block.line}": copy_of(block, [b for b in BLOCKS[:n] if b.doc == block.doc])
    for n, block in enumerate(BLOCKS)
    if not block.whole_file and not block.not_run
}


def file_name(where: str) -> str:
    return re.sub(r"\W", "_", where)  # engine.md:52 -> engine_md_52


@background("copied_blocks")
def run_every_block_alone(folder):
    """Each block of COPIES written to a file of its own and run alone, on a reader's machine."""
    (folder / "blocks").mkdir()
    for where, (code, _, _) in COPIES.items():
        (folder / "blocks" / f"{file_name(where)}.py").write_text(code)
    paths = [str(folder / "blocks" / f"{file_name(where)}.py") for where in COPIES]
    showing = [file_name(where) for where, (_, _, warns) in COPIES.items() if warns]
    return run_alone.start(paths, folder / "machine", MACHINES["a reader's machine"], showing)


@pytest.fixture(scope="session")
def copied_blocks():
    return run_every_block_alone()


@pytest.mark.parametrize("where", COPIES)
def test_copied_block_prints_what_its_page_shows(where, copied_blocks):
    """A reader copies the block into a file of an empty folder and runs it: alone, or after the program its
    title says it continues (`continues snippets/NAME.py`). It prints what the page shows under it."""
    _, shown, _ = COPIES[where]
    printed, error = copied_blocks()[file_name(where)]
    assert not error, (
        f"docs/{where}, copied into an empty folder and run, failed (a block that runs only after a program "
        f"says so in its title: continues snippets/NAME.py):\n{error}"
    )
    diff = difflib.unified_diff(shown.splitlines(), normalized(printed).splitlines(), "page", "copy", lineterm="")
    assert normalized(printed) == shown, f"docs/{where}, copied, prints other output than its page shows:\n" + (
        "\n".join(diff)
    )


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
        for block in BLOCKS
        for line, (path, n) in zip(block.lines, block.origin)
        if len(line) > 80
    ]
    assert not long, "lines over 80 characters:\n" + "\n".join(long)
