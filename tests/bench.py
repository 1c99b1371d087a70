"""`make bench`: how long the suite and its doc-test stage take, next to `python -c "import torch"`.

Targets (issue 2): the whole `make test` under 60 s after install; the doc-test stage under 3x the
wall time of importing torch. Measured, not asserted: timing tests are flaky on shared machines.
"""

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def wall(*command: str, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


torch = wall(sys.executable, "-c", "import torch")
doctests = wall(sys.executable, "-m", "pytest", "-q", "docs")
suite = wall(sys.executable, "-m", "pytest", "-q", repeat=1)
with tempfile.TemporaryDirectory() as site:  # nothing is cached: every build runs notebooks and figures
    build = wall(sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site, repeat=1)
print(f"import torch           {torch:6.2f} s  (median of 3)")
print(f"doc-tests (docs/)      {doctests:6.2f} s  = {doctests / torch:.1f}x import torch (target < 3x)")
print(f"whole suite (pytest)   {suite:6.2f} s  (target < 60 s)")
print(f"site build (mkdocs)    {build:6.2f} s  (executes every chapter's notebook and figure program)")
