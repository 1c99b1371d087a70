"""The chapter notebooks (hooks/notebooks.py): a reader's download runs alone and prints what the chapter shows.

The build executed each notebook once, in a fresh kernel in an empty folder, and the download is that
executed notebook: these tests read its outputs instead of running it a second time."""

import ast
import contextlib
import html
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from mkdocs.utils.yaml import yaml_load

from tests.conftest import mkdocs_build
from tests.docs_harness import DocsHarness, normalized
from tests.run_alone import WARNING_LINE

ROOT = Path(__file__).resolve().parent.parent
# The repository whose branch `notebooks` "Open in Colab" opens (.github/workflows/docs.yml pushes it)
REPOSITORY = re.search(r"github\.com/([^/]+/[^/]+)/edit/", yaml_load((ROOT / "mkdocs.yml").read_text())["edit_uri"])[1]
# chapter (page stem) -> [(program, output the page shows under it)]: the whole-file blocks, in page order
CHAPTERS: dict[str, list[tuple[str, str]]] = {}
# A program whose page shows its warning ("Output and warning") shows it in a notebook's stderr, as the
# page shows it and where the page shows it (hooks/execute_notebooks.py), and only in the first cell that
# warns: a kernel, like any process, shows most warnings once. program -> output with its warnings.
SHOWING_WARNINGS: dict[str, str] = {}
for block in DocsHarness(ROOT).blocks():
    if block.whole_file:
        program = Path(block.origin[0][0]).relative_to(ROOT).as_posix()
        printed = WARNING_LINE.sub("", block.output or "") if block.shows_warnings else block.output or ""
        CHAPTERS.setdefault(block.doc.stem, []).append((program, printed))
        if block.shows_warnings:
            SHOWING_WARNINGS[program] = block.output
# What would tie a notebook to this repository or to a folder: it must run anywhere on its own.
PACKAGES = {"numpy", "torch", "matplotlib", "sklearn"}  # all a reader needs besides Python (and Jupyter)
NOT_STANDALONE = re.compile(r"^\s*(from|import)\s+(snippets|tests|hooks)\b|__file__|\.\./|['\"]snippets/", re.M)


def download(site: Path, chapter: str) -> Path:
    return site / "notebooks" / chapter / f"{chapter}.ipynb"


def test_every_chapter_with_programs_has_a_notebook_and_nothing_else_does(site):
    assert sorted(p.parent.name for p in site.glob("notebooks/*/*.ipynb")) == sorted(CHAPTERS)


def test_mkdocs_jupyter_renders_and_does_not_execute_again():
    config = yaml_load((ROOT / "mkdocs.yml").read_text())
    options = next(p["mkdocs-jupyter"] for p in config["plugins"] if isinstance(p, dict) and "mkdocs-jupyter" in p)
    assert options["execute"] is False, "hooks/notebooks.py executes the notebooks, once"


@pytest.mark.parametrize("chapter", sorted(CHAPTERS))
def test_downloaded_notebook_ran_alone_and_prints_what_the_chapter_shows(site, chapter):
    """What a reader does: open the download in a fresh Jupyter, in an empty folder, and run all.

    The build did exactly that; its execution counts 1, 2, 3, ... show one fresh kernel ran every cell,
    top to bottom. What the build cannot show, that the cells need nothing of this repository, is read
    from the code."""
    notebook = nbformat.read(download(site, chapter), as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert list(dict.fromkeys(cell.metadata["snippet"] for cell in code)) == [p for p, _ in CHAPTERS[chapter]]
    for cell in code:
        assert not NOT_STANDALONE.search(cell.source), f"{cell.metadata['snippet']}: not standalone:\n{cell.source}"
        assert "--8<--" not in cell.source, f"{cell.metadata['snippet']}: a page's include marker in the notebook"
        imported = [a.name for n in ast.walk(ast.parse(cell.source)) if isinstance(n, ast.Import) for a in n.names]
        imported += [n.module or "." for n in ast.walk(ast.parse(cell.source)) if isinstance(n, ast.ImportFrom)]
        needs = {name.split(".")[0] for name in imported} - set(sys.stdlib_module_names)
        assert needs <= PACKAGES, f"{cell.metadata['snippet']} needs {needs - PACKAGES}: a reader has only {PACKAGES}"
    counts = [cell.execution_count for cell in code]
    assert counts == list(range(1, len(code) + 1)), (
        f"the download was not run top to bottom in one fresh kernel: {counts}"
    )

    warned = set()  # the warnings this kernel has shown: a warning shown once per process is not shown again
    for program, shown in CHAPTERS[chapter]:
        outputs = [out for cell in code if cell.metadata["snippet"] == program for out in cell.outputs]
        stderr = [out.text for out in outputs if out.output_type == "stream" and out.name == "stderr"]
        assert not stderr or program in SHOWING_WARNINGS, (
            f"{program} wrote to stderr in the notebook:\n{''.join(stderr)}"
        )
        printed = "".join(out.text for out in outputs if out.output_type == "stream" and out.name == "stdout")
        assert normalized(printed) == normalized(shown), f"{program} prints other output in {chapter}.ipynb"
        warnings = set(WARNING_LINE.findall(SHOWING_WARNINGS.get(program, "")))
        assert stderr or warnings <= warned, f"{program} shows no warning in {chapter}.ipynb, as its page does"
        warned |= warnings
        if stderr:  # the warning as the page shows it, in its place (or not again: the kernel showed it)
            both = "".join(out.text for out in outputs if out.output_type == "stream")
            assert normalized(both) == normalized(SHOWING_WARNINGS[program]), (
                f"{program} shows its warning otherwise than its page in {chapter}.ipynb:\n{both}"
            )


@pytest.mark.parametrize("chapter", sorted(CHAPTERS))
def test_notebook_page_shows_outputs_and_offers_the_download(site, chapter):
    page = (site / "notebooks" / chapter / "index.html").read_text()
    for _, shown in CHAPTERS[chapter]:
        for line in filter(str.strip, shown.splitlines()):
            assert html.escape(line.strip(), quote=False) in page, f"output line missing from the page: {line}"
    colab = (
        f'href="https://colab.research.google.com/github/{REPOSITORY}/blob/notebooks/{chapter}.ipynb">Open in Colab<'
    )
    assert re.search(rf'href="{chapter}\.ipynb" download(="")?>Download \.ipynb<', page) and colab in page
    chapter_page = (site / chapter / "index.html").read_text()
    assert f'href="../notebooks/{chapter}/">Read as a notebook<' in chapter_page
    assert re.search(
        rf'href="\.\./notebooks/{chapter}/{chapter}\.ipynb" download(="")?>Download \.ipynb<', chapter_page
    )
    assert colab in chapter_page


def test_a_program_that_raises_fails_the_build(book_copy, tmp_path):
    """A cell that raises fails the build (a rendered traceback would not) and the message names its program."""
    program = book_copy / "snippets" / "chain_rule_graph.py"
    program.write_text(program.read_text() + '\nraise RuntimeError("a cell that raises, on purpose")\n')
    build = mkdocs_build(book_copy, tmp_path / "site")
    assert build.returncode != 0, "the build passed with a notebook cell that raises"
    assert "snippets/chain_rule_graph.py raised" in build.stderr and "a cell that raises, on purpose" in build.stderr


def notebook_processes(mark: str) -> dict[int, str]:
    """pid -> command line of each live process of hooks/execute_notebooks.py (the runner, the kernel server,
    the kernels forked from it, their shims) whose environment holds mark, as all a build starts does."""
    found = {}
    for environ in Path("/proc").glob("[0-9]*/environ"):
        with contextlib.suppress(OSError):  # gone meanwhile
            command = (environ.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            if ("execute_notebooks.py" in command or "send_fds" in command) and mark.encode() in environ.read_bytes():
                found[int(environ.parent.name)] = command
    return found


def test_a_killed_build_leaves_no_kernel_behind(book_copy, tmp_path, monkeypatch):
    """hooks/execute_notebooks.py forks the kernels from a kernel server. A build killed with SIGKILL runs
    no exit function, yet its notebook runner, the server, the kernels and their shims must all end."""
    program = book_copy / "snippets" / "chain_rule_graph.py"
    program.write_text(
        program.read_text() + "\nimport time\ntime.sleep(300)  # still running when the build is killed\n"
    )
    mark = f"BOOK_KILLED_BUILD={os.getpid()}-{time.time()}"
    monkeypatch.setenv(*mark.split("="))
    build = mkdocs_build(
        book_copy, tmp_path / "site", run=subprocess.Popen, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 120
        while sum("--serve" in command for command in notebook_processes(mark).values()) < 2:  # the server and a kernel
            assert build.poll() is None and time.monotonic() < deadline, "no kernel started"
            time.sleep(0.2)
        build.kill()
        build.wait()
        deadline = time.monotonic() + 10
        while (left := notebook_processes(mark)) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not left, f"left running after the build was killed: {left}"
    finally:
        build.kill()
        for pid in notebook_processes(mark):
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)


def test_a_changed_program_runs_again_instead_of_coming_from_the_cache(book_copy, tmp_path):
    """The copy shares the book's cache of executed notebooks, notebook pages and figures, all made by the
    session's build: a program changed by one byte must be run again, for its notebook, its notebook's
    page and its figure."""
    program = book_copy / "snippets" / "figure_computational_graph.py"
    source = program.read_text()
    assert 'title = "Computational graph' in source
    program.write_text(
        source.replace('title = "Computational graph', 'title = "Changed graph', 1) + '\nprint("changed on purpose")\n'
    )
    build = mkdocs_build(book_copy, tmp_path / "site")
    assert build.returncode == 0, build.stderr
    svg = (tmp_path / "site" / "assets" / "figures" / "computational_graph.svg").read_text()
    assert "<title>Changed graph" in svg, "the figure came from the cache"
    cells = nbformat.read(download(tmp_path / "site", "chain-rule"), as_version=4).cells
    printed = [out.get("text", "") for cell in cells if cell.cell_type == "code" for out in cell.outputs]
    assert "changed on purpose\n" in printed, "the notebook came from the cache"
    page = (tmp_path / "site" / "notebooks" / "chain-rule" / "index.html").read_text()
    output_fences = re.findall(r'<span class="filename">Output</span><pre><span></span><code>([^<]*)', page)
    assert any("changed on purpose" in fence for fence in output_fences), "the notebook's page came from the cache"


def test_off_linux_each_kernel_starts_cold_and_the_notebook_is_the_same(tmp_path):
    """hooks/execute_notebooks.py forks kernels on Linux only; elsewhere (an author's Mac) jupyter_client
    starts each cold. Both ways give the same executed notebook, byte for byte."""
    kernel = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    cell = nbformat.v4.new_code_cell("import sys\nprint(sum(range(4)), file=sys.stdout)", id="c")
    source = tmp_path / "source.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[cell], metadata={"kernelspec": kernel}), source)
    runner = ROOT / "hooks" / "execute_notebooks.py"
    cold = tmp_path / "cold_runner.py"
    assert "\nFORKING = " in runner.read_text()
    cold.write_text(runner.read_text().replace("\nFORKING = ", "\nFORKING = False and ", 1))
    for script in (runner, cold):
        subprocess.run([sys.executable, script, source, tmp_path / f"{script.stem}.ipynb"], check=True)
    forked, started_cold = (nbformat.read(tmp_path / f"{s.stem}.ipynb", as_version=4) for s in (runner, cold))
    assert forked.cells[0].outputs[0].text == "6\n"
    assert forked == started_cold
