"""Not a hook: what hooks/notebooks.py and hooks/figures.py key their cached results on.

A result (an executed notebook, a figure) depends on its program's bytes and on the environment
that ran it: Python and every installed package. Both go into the key, so a changed program or an
upgraded package is a new key, and an old result is never reused.
"""

import functools
import hashlib
import shutil
import sys
import time
from importlib.metadata import distributions
from pathlib import Path


@functools.cache  # once per build: mkdocs loads the hooks anew for each build
def environment() -> str:
    # A set: run from the book's folder, `python -m` also finds the book's own egg-info there (a second time).
    packages = sorted({f"{d.metadata['Name']}=={d.version}" for d in distributions()})
    return "\n".join([sys.version, *packages])


def content_key(*parts: str | bytes) -> str:
    digest = hashlib.sha256(environment().encode())
    for part in parts:
        digest.update(part.encode() if isinstance(part, str) else part)
    return digest.hexdigest()[:20]


def forget_unused(paths: list[Path], days: int = 7) -> None:
    """Remove cached results no build used for `days` (a build touches each result it uses)."""
    for stale in [p for p in paths if time.time() - p.stat().st_mtime > days * 86400]:
        shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
