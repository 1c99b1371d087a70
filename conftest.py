"""pytest collects every Markdown page under docs/ through the doc-test harness (tests/docs_harness.py)."""

from pathlib import Path

from tests.docs_harness import DocsHarness, apply_updates
from tests.run_alone import on_this_machine

on_this_machine()  # tests/test_snippets.py runs the pages again as if on other machines

pytest_collect_file = DocsHarness(Path(__file__).parent).sybil.pytest()


def pytest_sessionfinish():
    apply_updates()  # only does something with BOOK_UPDATE_OUTPUTS=1
