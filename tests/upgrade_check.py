"""`make upgrade-check`: what moving the pins of numpy, torch and mkdocs-material would change in the book.

In a throw-away venv and a copy of the book (its files tracked by git): the versions of constraints.txt,
except the newest numpy, torch and mkdocs-material within pyproject.toml's ranges. Torch comes from
PyTorch's CPU index, $BOOK_TORCH_INDEX (the default Linux wheel pulls GBs of CUDA); if that index cannot
be reached, torch stays at its pin and the report says so. Then the doc-tests run with
BOOK_UPDATE_OUTPUTS=1, which rewrites every output fence with what the code printed, and each page whose
outputs changed is printed as a diff. Exit status 1 if an output changed or a doc-test failed: what a
maintainer reads before moving the pins. CI runs it weekly (.github/workflows/upgrade-check.yml).
"""

import difflib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TORCH_INDEX = os.environ.get("BOOK_TORCH_INDEX", "https://download.pytorch.org/whl/cpu")


def run(*command, **kwargs) -> subprocess.CompletedProcess:
    print("$", " ".join(map(str, command)), flush=True)
    return subprocess.run(command, text=True, **kwargs)


def name(requirement: str) -> str:
    return requirement.split("==")[0].lower()


def main() -> int:
    newest, index = ["numpy", "mkdocs-material"], []
    # --isolated: this index alone, not the ones pip's configuration adds
    probe = [sys.executable, "-m", "pip", "--isolated", "index", "versions", "torch", "--index-url", TORCH_INDEX]
    probe += ["--retries", "0", "--timeout", "20"]
    if subprocess.run(probe, capture_output=True, check=False).returncode == 0:
        newest, index = [*newest, "torch"], ["--extra-index-url", TORCH_INDEX]
    else:
        print(f"{TORCH_INDEX} cannot be reached: torch stays at its pin (BOOK_TORCH_INDEX names another index)")
    pins = (ROOT / "constraints.txt").read_text().splitlines()
    with tempfile.TemporaryDirectory() as folder:
        book, venv, constraints = Path(folder) / "book", Path(folder) / "venv", Path(folder) / "constraints.txt"
        for tracked in run("git", "ls-files", cwd=ROOT, capture_output=True, check=True).stdout.split():
            (book / tracked).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / tracked, book / tracked)
        constraints.write_text("\n".join(pin for pin in pins if name(pin) not in newest) + "\n")
        python = venv / "bin" / "python"
        run(sys.executable, "-m", "venv", venv, check=True)
        install = ["install", "--quiet", *index, "--constraint", constraints, "--upgrade", f"{book}[docs,test]"]
        run(python, "-m", "pip", *install, *newest, check=True)
        freeze = run(python, "-m", "pip", "freeze", capture_output=True, check=True).stdout.splitlines()
        print("pinned:", ", ".join(pin for pin in pins if name(pin) in newest))
        print("newest:", ", ".join(line for line in freeze if name(line) in newest))
        update = {**os.environ, "BOOK_UPDATE_OUTPUTS": "1"}
        tests = run(python, "-m", "pytest", "-q", "docs", cwd=book, env=update)
        changed = 0
        for page in sorted((ROOT / "docs").rglob("*.md")):
            page_name = page.relative_to(ROOT).as_posix()
            before, after = page.read_text().splitlines(True), (book / page_name).read_text().splitlines(True)
            diff = list(difflib.unified_diff(before, after, page_name, f"{page_name} (newest)"))
            changed += bool(diff)
            sys.stdout.writelines(diff)
    print(f"{changed} page(s) whose outputs change; the doc-tests {'failed' if tests.returncode else 'passed'}")
    return 1 if changed or tests.returncode else 0


if __name__ == "__main__":
    sys.exit(main())
