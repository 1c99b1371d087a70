"""The book's text catches wrong digits: `make mutate` (tests/mutate.py), run in the background while
the other tests run, must find every page at 95 % or more."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, background


@background("mutation_score")
def score_the_pages(folder: Path):
    log = (folder / "mutate.log").open("w+")  # a file: a full pipe would stall it
    return subprocess.Popen([sys.executable, "-m", "tests.mutate", "--quiet"], cwd=ROOT, stdout=log, stderr=log), log


@pytest.fixture(scope="module")
def mutation_score() -> tuple[int, str]:
    run, log = score_the_pages()
    status = run.wait(timeout=900)
    log.seek(0)
    return status, log.read()


def test_every_page_catches_95_percent_of_wrong_digits(mutation_score):
    status, report = mutation_score
    assert status == 0, f"a page's text lets wrong digits through (`make mutate` lists them):\n{report}"
