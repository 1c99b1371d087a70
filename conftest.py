"""pytest collects every Markdown page under docs/ through the doc-test harness (tests/docs_harness.py)."""

import os
from pathlib import Path

from tests.docs_harness import DocsHarness, apply_updates
from tests.run_alone import on_this_machine

on_this_machine()  # tests/test_snippets.py runs the pages again as if on other machines
# MKL (torch's matrix products) takes one code path on every x86 CPU, not the fastest it finds: with its
# AVX-512 path one float32 the appendix prints ends in 4 instead of 5. Every process the tests start
# inherits it: the programs, the doc-tests on other machines, the build's notebooks and figures.
os.environ.setdefault("MKL_CBWR", "COMPATIBLE")

pytest_collect_file = DocsHarness(Path(__file__).parent).sybil.pytest()


def pytest_sessionfinish():
    apply_updates()  # only does something with BOOK_UPDATE_OUTPUTS=1
