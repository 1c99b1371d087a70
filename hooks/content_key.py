"""Not a hook: what hooks/notebooks.py and hooks/figures.py key their cached results on.

A result (an executed notebook, a figure) depends on its program's bytes and on the environment
that ran it: Python, every installed package, and the variables that choose a numeric library's code
path (MKL_CBWR, set by the tests). All go into the key, so a changed program, an upgraded package or
another code path is a new key, and an old result is never reused.
"""

import functools
import hashlib
import os
import shutil
import sys
import time
from importlib.metadata import distributions
from pathlib import Path

NUMERIC_PATHS = ("MKL_CBWR", "ATEN_CPU_CAPABILITY", "OPENBLAS_CORETYPE")  # change the last digits printed


@functools.cache  # once per build: mkdocs loads the hooks anew for each build
def environment() -> str:
    # A set: run from the book's folder, `python -m` also finds the book's own egg-info there (a second time).
    packages = sorted({f"{d.metadata['Name']}=={d.version}" for d in distributions()})
    paths = [f"{name}={os.environ.get(name, '')}" for name in NUMERIC_PATHS]
    return "\n".join([sys.version, *packages, *paths])


def content_key(*parts: str | bytes) -> str:
    digest = hashlib.sha256(environment().encode())
    for part in parts:
        digest.update(part.encode() if isinstance(part, str) else part)
    return digest.hexdigest()[:20]


def forget_unused(paths: list[Path], days: int = 7) -> None:
    """Remove cached results no build used for `days` (a build touches each result it uses)."""
    for stale in [p for p in paths if time.time() - p.stat().st_mtime > days * 86400]:
        shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
