"""Every program in snippets/: runs standalone, prints what its page shows, and is reachable from the CLI.

A program's test is `pytest tests/test_snippets.py -k NAME`; its page is the doc that includes it.
"""

import multiprocessing
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from tests.docs_harness import DocsHarness, normalized, relative
from tests.run_alone import run_alone

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
PROGRAMS = sorted(p.stem for p in SNIPPETS.glob("*.py") if not p.name.startswith("_"))
# snippet name -> (page location, output the page shows under the block that shows the whole file)
SHOWN = {
    Path(block.origin[0][0]).stem: (f"{block.doc.name}:{block.line}", block.output or "")
    for block in DocsHarness(ROOT).blocks()
    if block.whole_file
}


@pytest.mark.parametrize("name", PROGRAMS)
def test_program_is_shown_whole_on_a_page(name):
    assert name in SHOWN, f"snippets/{name}.py is on no page as a whole file: readers cannot see or copy it"


@pytest.fixture(scope="session")
def runs():
    """Every shown program, started at once on both cores: name -> future (printed, traceback)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["numpy", "torch", "tests.run_alone"])
    with ProcessPoolExecutor(2, mp_context=context, max_tasks_per_child=1) as pool:
        yield {name: pool.submit(run_alone, str(SNIPPETS / f"{name}.py")) for name in sorted(SHOWN)}


@pytest.mark.parametrize("name", sorted(SHOWN))
def test_copied_program_prints_what_its_page_shows(name, runs):
    """What a reader does: copy the file into an empty folder and run it in a fresh process."""
    where, shown = SHOWN[name]
    printed, error = runs[name].result(timeout=300)
    assert not error, f"snippets/{name}.py failed when run alone:\n{error}"
    assert normalized(printed) == normalized(shown), f"{where} shows other output than snippets/{name}.py prints"


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
