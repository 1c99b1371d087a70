"""pytest collects every Markdown page under docs/ through the doc-test harness (tests/docs_harness.py)."""

from pathlib import Path

from tests.docs_harness import DocsHarness, apply_updates

pytest_collect_file = DocsHarness(Path(__file__).parent).sybil.pytest()


def pytest_sessionfinish():
    apply_updates()  # only does something with BOOK_UPDATE_OUTPUTS=1
