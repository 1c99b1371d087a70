import ast
import atexit
import functools
import os
import runpy
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BACKGROUND = {}  # fixture name -> its slow work, started at most once (see background)
TEMP = tempfile.TemporaryDirectory(prefix="book-tests-")  # their folders; removed when the tests end


def background(fixture: str):
    """Decorator: start(folder) is a session fixture's slow work, run by other processes (the site's
    build, the programs on two machines). It starts as soon as the tests are collected if a selected
    test uses `fixture`, which then waits for it: pytest runs one test at a time, and meanwhile the
    other core builds and runs. start gets a fresh folder and returns what the fixture needs to wait."""

    def register(start):
        lock = threading.Lock()  # one start even when two threads ask at once

        @functools.cache
        def once():
            return start(Path(tempfile.mkdtemp(prefix=f"book-{fixture}-", dir=TEMP.name)))

        def started():
            with lock:
                return once()

        BACKGROUND[fixture] = started
        return started

    return register


def pytest_collection_modifyitems(items):
    """Tests that wait for the browsers' readings last: until then the main process runs the others
    beside them, instead of waiting for them with a core to spare and running the rest alone after."""
    items.sort(key=lambda item: "readings" in getattr(item, "fixturenames", ()))


def pytest_collection_finish(session):
    used = {name for item in session.items for name in getattr(item, "fixturenames", ())}
    for name in BACKGROUND.keys() & used:
        BACKGROUND[name]()


def mkdocs_build(project: Path, site: Path, execute_notebooks: bool = True, run=subprocess.run, **kwargs):
    """`mkdocs build --strict` of a project folder into `site`, as `make build` runs it.

    execute_notebooks=False renders the chapter notebooks without running them; run=subprocess.Popen
    starts the build and returns at once."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BOOK_EXECUTE_NOTEBOOKS": str(execute_notebooks).lower()}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    return run(command, cwd=project, text=True, env=env, **(kwargs or {"capture_output": True}))


@background("site")
def build_the_site(folder: Path):
    log = (folder / "build.log").open("w+")  # a file: a full pipe would stall the build
    build = mkdocs_build(ROOT, folder / "site", run=subprocess.Popen, stdout=log, stderr=log)
    atexit.register(build.kill)  # the tests stopped early (-x, Ctrl-C): no build left running
    return build, log, folder / "site"


@pytest.fixture(scope="session")
def site() -> Path:
    """The whole book, built once per test run (in the background) and shared by every test file."""
    build, log, site = build_the_site()
    if build.wait():
        log.seek(0)
        pytest.fail(f"mkdocs build --strict failed:\n{log.read()}", pytrace=False)
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
    for cache in ("executed", "figures", "notebook-markup"):  # content-addressed, written at once: safe to share
        (tmp_path / ".cache" / cache).symlink_to(ROOT / ".cache" / cache)
    for cache in ("rendered", "mathml", "math-font"):  # pruned by each build: copied
        shutil.copytree(ROOT / ".cache" / cache, tmp_path / ".cache" / cache)
    return tmp_path


def definitions(name: str, inside: str | None = None) -> dict[str, str]:
    """The functions snippets/NAME.py defines at its top level (or in its class `inside`), each as its
    source: to check that a program which stands alone carries another's code unchanged."""
    body = ast.parse((ROOT / "snippets" / f"{name}.py").read_text()).body
    if inside:
        body = next(node for node in body if isinstance(node, ast.ClassDef) and node.name == inside).body
    return {node.name: ast.unparse(node) for node in body if isinstance(node, ast.FunctionDef)}


@pytest.fixture
def program(tmp_path, monkeypatch):
    """program("NAME") runs snippets/NAME.py in an empty folder and returns its final variables."""
    monkeypatch.chdir(tmp_path)
    return lambda name: runpy.run_path(str(ROOT / "snippets" / f"{name}.py"), run_name="__main__")
