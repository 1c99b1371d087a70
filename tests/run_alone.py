"""Run one program as a reader would: a fresh process, an empty folder, warnings as errors.

tests/test_snippets.py runs this in processes forked from a forkserver that imported numpy and
torch once (and nothing of this book), so each program starts in milliseconds, not seconds, in a
process no other program ran in.
"""

import contextlib
import io
import os
import runpy
import shutil
import sys
import tempfile
import traceback
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_alone(path: str) -> tuple[str, str]:
    """(what the program printed, its traceback or "")."""
    printed = io.StringIO()
    with tempfile.TemporaryDirectory() as folder:
        copy = shutil.copy(path, folder)
        os.chdir(folder)
        # As for `python copy.py`: the program's folder first, and nothing of this repository.
        sys.path[:] = [folder, *(p for p in sys.path if p and Path(p).resolve() != ROOT)]
        sys.argv = [copy]
        warnings.simplefilter("error")
        before = set(sys.modules)
        try:
            with contextlib.redirect_stdout(printed):
                runpy.run_path(copy, run_name="__main__")
        except BaseException:
            return printed.getvalue(), traceback.format_exc()
    ours = sorted(name for name in set(sys.modules) - before if is_ours(name))
    return printed.getvalue(), f"it imports {ours} from this repository, which a reader's copy lacks" if ours else ""


def is_ours(module: str) -> bool:
    """Is the module this repository's code (not a package installed in its .venv)?"""
    path = Path(getattr(sys.modules[module], "__file__", None) or "/").resolve()
    return path.is_relative_to(ROOT) and not path.is_relative_to(Path(sys.prefix).resolve())
