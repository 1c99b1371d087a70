"""pytest collects every Markdown page under docs/ through the doc-test harness (tests/docs_harness.py).

Every run is supervised: the tests run in a forked child process, and a run that ends before it finished (a block
called os._exit, a crash, a signal) fails and names the test that was running, instead of passing silently."""

import gc
import os
import signal
import tempfile
from pathlib import Path

import pytest

from tests.docs_harness import DocsHarness, apply_updates
from tests.run_alone import on_this_machine

# MKL (torch's matrix products) takes one code path on every x86 CPU, not the fastest it finds: with its
# AVX-512 path one float32 the appendix prints ends in 4 instead of 5. Every process the tests start
# inherits it: the programs, the doc-tests on other machines, the build's notebooks and figures.
os.environ.setdefault("MKL_CBWR", "COMPATIBLE")
RUNNING = "BOOK_PYTEST_PID"  # the process that runs pytest's tests: pytester's in-process runs there are not supervised
status_fd = pytest.StashKey[int]()

pytest_collect_file = DocsHarness(Path(__file__).parent).sybil.pytest()


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config):
    if os.environ.get(RUNNING) != str(os.getpid()):
        return supervise(config)


def supervise(config) -> int | None:
    """Fork: the child runs the tests (None: pytest goes on there) and writes what it is doing to a file the
    parent reads when it ends; the parent returns its exit status, or a failure if it ended before it
    finished. A fork, not a new interpreter: pytest and the harness are imported once."""
    status = tempfile.TemporaryFile("w+")
    child = os.fork()
    if child == 0:
        os.environ[RUNNING] = str(os.getpid())
        config.stash[status_fd] = os.dup(status.fileno())  # the file object goes with this frame; the fd stays
        report(config, "running pytest's start-up or collection")
        return None
    # Ctrl-C and SIGTERM stop the child, which reports as usual (a terminal's Ctrl-C reaches it anyway)
    kept = {s: signal.signal(s, lambda signum, _: os.kill(child, signum)) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        code = os.waitstatus_to_exitcode(os.waitpid(child, 0)[1])
    finally:
        for s, handler in kept.items():
            signal.signal(s, handler)
    status.seek(0)
    last = (status.read().splitlines() or ["running pytest's start-up"])[-1]
    if last == "finished":
        return code
    how = f"was killed by signal {-code} ({signal.Signals(-code).name})" if code < 0 else f"exited with status {code}"
    print(
        f"pytest ended before the run finished, while {last}: the process {how} (a block called os._exit, "
        "crashed, or was killed); nothing after it was checked",
        flush=True,
    )
    return code if code > 0 else 128 - code if code < 0 else 1


def report(config, what: str):
    if status_fd in config.stash:
        os.write(config.stash[status_fd], f"{what}\n".encode())  # unbuffered: it survives os._exit and crashes


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item):
    report(item.config, f"running {item.nodeid}")


def pytest_configure():
    on_this_machine()  # tests/test_snippets.py runs the pages again as if on other machines


def pytest_sessionfinish():
    apply_updates()  # only does something with BOOK_UPDATE_OUTPUTS=1
    # pytest collects garbage several times as it ends, to report what fails as it is freed: one collection
    # here reports the same, and freezing what survives makes pytest's cheap (over a second of `pytest docs`, with torch)
    gc.collect()
    gc.freeze()


def pytest_unconfigure(config):
    report(config, "finished")
