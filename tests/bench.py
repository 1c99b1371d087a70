"""`make bench`, first part: each speed budget of the book next to what this machine measures now.

Measured and printed, not asserted: timings are flaky on shared machines. The load average is printed
with them, and the CPU seconds (the process and its children), which a busy machine changes less;
`import torch` is measured in the same run, as the yardstick for the doc-tests.
Builds run in a copy of the book, so that "cold" means an empty .cache/ and no edit touches the sources.
"""

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


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
    """Seconds from saving a prose-only edit to `mkdocs serve` having rebuilt the site; CPU seconds."""
    serve = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", "127.0.0.1:0"],
        cwd=book,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        while "Serving on" not in (line := serve.stderr.readline()):
            assert line, "mkdocs serve stopped"
        time.sleep(1)  # the watcher starts after the first build
        page = book / "docs" / "index.md"
        server = psutil.Process(serve.pid)
        start, cpu = time.perf_counter(), sum(server.cpu_times()[:4])
        page.write_text(page.read_text() + "\nOne more sentence of prose.\n")
        while "Documentation built in" not in (line := serve.stderr.readline()):
            assert line and "ERROR" not in line, f"mkdocs serve: {line}"
        return time.perf_counter() - start, sum(server.cpu_times()[:4]) - cpu
    finally:
        serve.kill()


def programs_cpu() -> None:
    """Print `NAME CPU-seconds` for every program, each run once in this warmed Python (torch imported,
    the optimizers' torch._dynamo too): what a program itself costs, the issue's "under 1 s of CPU"."""
    import contextlib
    import io
    import runpy

    import matplotlib

    matplotlib.use("Agg")
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


def main():
    if "--programs" in sys.argv:
        return programs_cpu()
    print(f"load average before: {os.getloadavg()[0]:.1f} (1 min) on {os.cpu_count()} cores")
    rows = []
    torch = timed(sys.executable, "-c", "import torch", repeat=3)
    rows.append(("import torch (median of 3)", torch, None))
    doctests = timed(sys.executable, "-m", "pytest", "-q", "docs")
    rows.append(("doc-tests: pytest docs", doctests, (3 * torch[0], "3x import torch")))
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
        print(f"{name:36} {seconds:8.2f} {cpu:8.2f}  {verdict}")
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
