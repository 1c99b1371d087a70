"""`make upgrade-check`: what moving the pins of numpy, torch and mkdocs-material would change in the book.

In a throw-away venv and a copy of the book: the exact versions of constraints.txt, except the newest
numpy, torch (the CPU build) and mkdocs-material within pyproject.toml's ranges; then the doc-tests
with BOOK_UPDATE_OUTPUTS=1, which rewrite every output fence with what the code printed there. What
changed is printed as a diff per page. Exit status 1 if an output changed or a doc-test failed: a
maintainer reads the diff before moving the pins. CI runs this on a schedule (.github/workflows).
"""

import difflib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWEST = ["numpy", "torch", "mkdocs-material"]
CPU_TORCH = "https://download.pytorch.org/whl/cpu"  # the default Linux wheel pulls GBs of CUDA


def run(*command, **kwargs) -> subprocess.CompletedProcess:
    print("$", " ".join(map(str, command)), flush=True)
    return subprocess.run(command, text=True, **kwargs)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        book, venv = Path(folder) / "book", Path(folder) / "venv"
        tracked = run("git", "ls-files", cwd=ROOT, capture_output=True, check=True).stdout.split()
        for name in tracked:
            (book / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, book / name)
        pinned = [
            line
            for line in (ROOT / "constraints.txt").read_text().splitlines()
            if line.split("==")[0].lower() not in NEWEST
        ]
        (Path(folder) / "constraints.txt").write_text("\n".join(pinned) + "\n")
        run(sys.executable, "-m", "venv", venv, check=True)
        run(
            venv / "bin" / "python",
            "-m",
            "pip",
            "install",
            "--quiet",
            "--extra-index-url",
            CPU_TORCH,
            "--constraint",
            Path(folder) / "constraints.txt",
            "--upgrade",
            f"{book}[docs,test]",
            *NEWEST,
            check=True,
        )
        versions = run(venv / "bin" / "python", "-m", "pip", "freeze", capture_output=True, check=True).stdout
        newest = [line for line in versions.splitlines() if line.split("==")[0].lower() in NEWEST]
        pinned_now = [
            line
            for line in (ROOT / "constraints.txt").read_text().splitlines()
            if line.split("==")[0].lower() in NEWEST
        ]
        print(f"pinned: {', '.join(pinned_now)}\nnewest: {', '.join(newest)}")
        tests = run(
            venv / "bin" / "python",
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:xdist",
            "docs",
            cwd=book,
            env={**os.environ, "BOOK_UPDATE_OUTPUTS": "1"},
        )
        changed = 0
        for page in sorted((ROOT / "docs").glob("**/*.md")):
            before, after = page.read_text(), (book / page.relative_to(ROOT)).read_text()
            if before != after:
                changed += 1
                name = page.relative_to(ROOT).as_posix()
                sys.stdout.writelines(
                    difflib.unified_diff(
                        before.splitlines(keepends=True), after.splitlines(keepends=True), name, f"{name} (newest)"
                    )
                )
        print(f"{changed} page(s) whose outputs change; doc-tests {'failed' if tests.returncode else 'passed'}")
        return 1 if changed or tests.returncode else 0


if __name__ == "__main__":
    sys.exit(main())
