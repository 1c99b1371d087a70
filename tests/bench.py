"""`make bench`, first part: each speed budget of the book next to what this machine measures now.

Measured and printed, not asserted: timings are flaky on shared machines. The load average is printed
with them, and the CPU seconds (the process and its children), which a busy machine changes less;
`import torch` is measured in the same run, as the yardstick for the doc-tests.
Builds run in a copy of the book, so that "cold" means an empty .cache/ and no edit touches the sources.
"""

import os
import queue
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
DOC_TEST_IMPORTS = ("pytest", "sybil", "tests.docs_harness", "torch", "torch._dynamo", "matplotlib.pyplot")


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(*command: str, cwd: Path = ROOT, repeat: int = 1) -> tuple[float, float]:
    """(median wall time, median CPU time of it and its children) of `command`. A failure is timed too,
    and said: a red test still costs its time."""
    walls, cpus = [], []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), cpu_of_children()
        run = subprocess.run(command, cwd=cwd, capture_output=True, env=ENV, check=False)
        walls.append(time.perf_counter() - start)
        cpus.append(cpu_of_children() - cpu)
        if run.returncode:
            print(f"(failed: {' '.join(command[1:])}: {run.stdout.strip().splitlines()[-1:]})")
    return statistics.median(walls), statistics.median(cpus)


def copy_of_the_book(folder: Path) -> Path:
    for name in ("docs", "snippets", "hooks"):
        shutil.copytree(ROOT / name, folder / name)
    shutil.copy(ROOT / "mkdocs.yml", folder)
    (folder / "node_modules").symlink_to(ROOT / "node_modules")
    return folder


def serve_rebuild(book: Path) -> tuple[float, float]:
    """Seconds from saving a prose-only edit to `mkdocs serve` having rebuilt the site; CPU seconds.
    An edit saved before the watcher started goes unseen: after 15 s without a rebuild, it is saved again."""
    serve = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", "127.0.0.1:0"],
        cwd=book,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines = queue.SimpleQueue()
    threading.Thread(target=lambda: [*map(lines.put, serve.stderr), lines.put(None)], daemon=True).start()

    def wait_for(text: str, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = lines.get(timeout=left)
            except queue.Empty:
                break
            assert line is not None and "ERROR" not in line, f"mkdocs serve stopped: {line}"
            if text in line:
                return True
        return False

    try:
        assert wait_for("Serving on", 300), "mkdocs serve did not start in 5 minutes"
        time.sleep(1)  # the watcher starts after the first build
        page = book / "docs" / "index.md"
        server = psutil.Process(serve.pid)
        for _ in range(4):
            start, cpu = time.perf_counter(), sum(server.cpu_times()[:4])
            page.write_text(page.read_text() + "\nOne more sentence of prose.\n")
            if wait_for("Documentation built in", 15):
                return time.perf_counter() - start, sum(server.cpu_times()[:4]) - cpu
        raise AssertionError("mkdocs serve did not rebuild after 4 edits")
    finally:
        serve.kill()


def programs_cpu() -> None:
    """Print `NAME CPU-seconds` for every program, each run once in this warmed Python (torch imported,
    the optimizers' torch._dynamo too, and scikit-learn's data sets): what a program itself costs, the
    issue's "under 1 s of CPU"."""
    import contextlib
    import io
    import runpy

    import matplotlib

    matplotlib.use("Agg")
    import sklearn.datasets  # noqa: F401  (chapters 10 and 11: its import is not the first such program's cost)
    import torch

    torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
    for path in sorted((ROOT / "snippets").glob("[!_]*.py")):
        with (
            tempfile.TemporaryDirectory() as folder,
            contextlib.chdir(folder),
            contextlib.redirect_stdout(io.StringIO()),
        ):
            start = time.process_time()
            runpy.run_path(str(path), run_name="__main__")
            print(f"{path.stem} {time.process_time() - start:.3f}", file=sys.stderr)


def slowest_program() -> tuple[str, float]:
    run = subprocess.run([sys.executable, "-m", "tests.bench", "--programs"], capture_output=True, text=True, env=ENV)
    costs = [line.split() for line in run.stderr.splitlines() if len(line.split()) == 2]
    name, cpu = max(costs, key=lambda nc: float(nc[1]), default=("(none ran)", "0"))
    return name, float(cpu)


def doc_tests_after_imports() -> tuple[float, float]:
    """`pytest docs` in a Python that has done DOC_TEST_IMPORTS first, timed from then on: the cost of the
    pages' own code and of the harness, which no sharing of imports can take away."""
    code = (
        f"import {', '.join(DOC_TEST_IMPORTS)}, os, time\n"
        "os.environ['BOOK_PYTEST_PID'] = str(os.getpid())  # runs the tests itself, unsupervised (conftest.py)\n"
        "wall, cpu = time.perf_counter(), time.process_time()\n"
        "assert pytest.main(['-q', 'docs']) == 0, 'pytest docs failed'\n"
        "print(time.perf_counter() - wall, time.process_time() - cpu)"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=ENV)
    if run.returncode:
        print(f"(failed: pytest docs after its imports: {run.stderr.strip().splitlines()[-1:]})")
        return float("nan"), float("nan")
    wall, cpu = run.stdout.split()[-2:]
    return float(wall), float(cpu)


def main():
    if "--programs" in sys.argv:
        return programs_cpu()
    print(f"load average before: {os.getloadavg()[0]:.1f} (1 min) on {os.cpu_count()} cores")
    rows = []
    torch = timed(sys.executable, "-c", "import torch", repeat=3)
    rows.append(("import torch (median of 3)", torch, None))
    # The doc-tests' floor: what they import before any page's code runs (an optimizer's first use
    # imports torch._dynamo; the figure programs, pyplot). Already over 2x `import torch` here.
    imports = timed(sys.executable, "-c", f"import {', '.join(DOC_TEST_IMPORTS)}", repeat=3)
    rows.append(("doc-tests' imports alone (median)", imports, None))
    doctests = timed(sys.executable, "-m", "pytest", "-q", "docs")
    rows.append(("doc-tests: pytest docs", doctests, (3 * torch[0], "3x import torch")))
    rows.append(("doc-tests, once imports are done", doc_tests_after_imports(), None))
    with tempfile.TemporaryDirectory() as folder:
        book = copy_of_the_book(Path(folder))
        site = ["--site-dir", str(Path(folder) / "site")]
        cold = timed(sys.executable, "-m", "mkdocs", "build", "--strict", *site, cwd=book)
        rows.append(("make build, cold (empty .cache/)", cold, (15, "15 s")))
        warm = timed(sys.executable, "-m", "mkdocs", "build", "--strict", *site, cwd=book)
        rows.append(("make build, programs unchanged", warm, None))
        rows.append(("make serve, prose-only rebuild", serve_rebuild(book), (3, "3 s")))
    name, cpu = slowest_program()
    rows.append((f"slowest program: {name}", (cpu, cpu), (1, "1 s CPU")))
    if "--no-suite" not in sys.argv:
        # What `make test` runs once installed: lint, then the suite.
        lint = timed(sys.executable, "-m", "ruff", "check", ".")
        suite = timed(sys.executable, "-m", "pytest", "-q")
        rows.append(("make test, after install", tuple(map(sum, zip(lint, suite))), (150, "150 s")))
    print(f"{'figure':36} {'wall s':>8} {'CPU s':>8}  budget (wall)")
    for name, (seconds, cpu), budget in rows:
        verdict = "" if budget is None else f"<= {budget[1]}: {'ok' if seconds <= budget[0] else 'OVER'}"
        if name.startswith("doc-tests"):
            verdict = f"{seconds / torch[0]:4.1f}x import torch  {verdict}"
        print(f"{name:36} {seconds:8.2f} {cpu:8.2f}  {verdict}")
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
