import os
import runpy
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTES: list[str] = []  # lines for the end of the test summary, e.g. where the screenshots are


def pytest_terminal_summary(terminalreporter):
    for note in NOTES:
        terminalreporter.write_line(note)


def mkdocs_build(project: Path, site: Path, execute_notebooks: bool = True) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project folder into `site`, as `make build` runs it.

    execute_notebooks=False renders the chapter notebooks without running them."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BOOK_EXECUTE_NOTEBOOKS": str(execute_notebooks).lower()}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The whole book, built once per test run and shared by every test file."""
    site = tmp_path_factory.mktemp("site")
    build = mkdocs_build(ROOT, site)
    assert build.returncode == 0, f"mkdocs build --strict failed:\n{build.stderr}"
    return site


@pytest.fixture
def book_copy(tmp_path, site) -> Path:
    """A copy of the book's sources to break on purpose (node_modules is linked, not copied).

    It starts with the book's cache (.cache/, keyed on content: a program changed in the copy runs
    again), so that its build runs only what the copy changed."""
    for name in ("docs", "snippets", "hooks"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path)
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    (tmp_path / ".cache").mkdir()
    for cache in ("executed", "figures"):  # content-addressed, written at once: safe to share
        (tmp_path / ".cache" / cache).symlink_to(ROOT / ".cache" / cache)
    for cache in ("rendered", "katex"):  # pruned by each build: copied
        shutil.copytree(ROOT / ".cache" / cache, tmp_path / ".cache" / cache)
    return tmp_path


@pytest.fixture
def program(tmp_path, monkeypatch):
    """program("NAME") runs snippets/NAME.py in an empty folder and returns its final variables."""
    monkeypatch.chdir(tmp_path)
    return lambda name: runpy.run_path(str(ROOT / "snippets" / f"{name}.py"), run_name="__main__")
