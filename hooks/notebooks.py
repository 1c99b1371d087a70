"""Build hook: one notebook per chapter page that shows whole programs, assembled from snippets/ and
executed here, so that the download is the notebook with its outputs.

A chapter's fences that hold one `--8<-- "snippets/NAME.py"` each become, in page order, one notebook
`.cache/notebooks/PAGE.ipynb` (git-ignored), listed under "Notebooks" in the nav and rendered by
mkdocs-jupyter, which offers the `.ipynb` for download. Each program becomes a markdown cell (its
docstring) and one code cell per `# %%` cell of the file. (Not jupytext's percent format: it reads
`key=value` in a `# %%` line as cell metadata, and the book's cell titles are prose, `w = 0` and all.)

hooks/execute_notebooks.py runs the notebooks in fresh kernels, all at once and while the figures are
made; a cell that raises fails the build, naming its program. An executed notebook is kept in
`.cache/executed/KEY.ipynb`, KEY a hash of the notebook's cells and of the Python and package versions,
so a build reruns only the notebooks whose programs or environment changed.
`BOOK_EXECUTE_NOTEBOOKS=false` renders them without running them, for builds that test something else.
The chapter and its notebook link to each other, to the download, and to the notebook in Colab.
"""

import ast
import atexit
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from content_key import content_key, forget_unused  # hooks/content_key.py: mkdocs puts hooks/ on sys.path
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url
from source_links import repository  # hooks/source_links.py

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / ".cache" / "notebooks"
EXECUTED = ROOT / ".cache" / "executed"
RENDERED = ROOT / ".cache" / "rendered"
RUNNER = Path(__file__).with_name("execute_notebooks.py")
# A fence whose only line includes one whole file; tests/test_notebooks.py checks that this finds
# exactly the blocks the doc-test harness runs as whole programs, in the same order.
WHOLE_PROGRAM = re.compile(r"""^[ \t]*-+8<-+[ \t]+(["'])(?P<path>snippets/[\w-]+\.py)\1[ \t]*$""", re.M)
# A line that marks a part of a program for a page to include (`# --8<-- [start:NAME]`): pymdownx.snippets
# leaves it out of the pages, and the notebooks leave it out too.
SECTION_MARKER = re.compile(r"^\s*#\s*-+8<-+\s*\[(?:start|end):[\w-]+\]\s*$")
chapters: dict[str, tuple[str, list[str]]] = {}  # page src_uri -> (nav title, programs it shows whole)
run: dict[str, object] = {}  # the execution started in on_files, awaited by each notebook page


def nav_pages(nav):
    """(title, src_uri) of every page in a mkdocs nav, in order (hooks/search.py reads the nav with it too)."""
    for entry in nav or []:
        for title, target in entry.items() if isinstance(entry, dict) else [(None, entry)]:
            if isinstance(target, list):
                yield from nav_pages(target)
            elif isinstance(target, str):
                yield title, target


def on_config(config):
    chapters.clear()
    for title, uri in nav_pages(config.nav):
        if not uri.endswith(".md"):
            continue
        found = WHOLE_PROGRAM.findall((Path(config.docs_dir) / uri).read_text())
        if found:
            chapters[uri] = (title or uri, list(dict.fromkeys(path for _, path in found)))
    if config.nav is not None and chapters:
        config.nav.append({"Notebooks": [{title: notebook_uri(uri)} for uri, (title, _) in chapters.items()]})
    # mkdocs-jupyter keys its cache of rendered pages on the notebook's bytes and its own options, read
    # before the executed notebook is in place: a folder per environment and runner adds the versions of
    # nbconvert, pygments and the rest to that key, and how the kernels ran (their outputs).
    rendered = RENDERED / content_key(RUNNER.read_bytes())
    rendered.mkdir(parents=True, exist_ok=True)
    os.utime(rendered)  # used by this build
    forget_unused(list(RENDERED.iterdir()))
    config.plugins["mkdocs-jupyter"].config["cache_dir"] = str(rendered)
    return config


def notebook_uri(page_uri: str) -> str:
    return "notebooks/" + posixpath.basename(page_uri).removesuffix(".md") + ".ipynb"


def program_cells(path: Path) -> tuple[str, list[str], set[str]]:
    """A program's docstring; its code split at `# %%` lines (a cell's title stays, as a comment);
    the top-level packages it imports."""
    source = path.read_text()
    tree = ast.parse(source)
    docstring = ast.get_docstring(tree) or ""
    lines = source.splitlines()[tree.body[0].end_lineno if docstring else 0 :]
    lines = [line for line in lines if not SECTION_MARKER.match(line)]
    cells = [[]]
    for line in lines:
        if line.startswith("# %%"):
            cells.append([f"# {line[4:].strip()}"] if line[4:].strip() else [])
        else:
            cells[-1].append(line)
    imported = {a.name for node in ast.walk(tree) if isinstance(node, ast.Import) for a in node.names}
    imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    code = ["\n".join(cell).strip("\n") for cell in cells if "\n".join(cell).strip()]
    return docstring, code, {name.split(".")[0] for name in imported} - set(sys.stdlib_module_names)


def notebook(title: str, programs: list[str]) -> nbformat.NotebookNode:
    v4 = nbformat.v4
    cells, needs = [], set()
    for program in programs:
        docstring, code, imported = program_cells(ROOT / program)
        needs |= imported
        name = Path(program).stem
        cells.append(v4.new_markdown_cell(f"## {Path(program).name}\n\n{docstring}", id=name))
        cells += [v4.new_code_cell(c, metadata={"snippet": program}, id=f"{name}-{i}") for i, c in enumerate(code)]
    order = ["numpy", "torch", "matplotlib"]  # the only packages tests/test_notebooks.py allows
    packages = sorted(needs, key=lambda p: (order + [p]).index(p))
    listed = [f"`{p}`" for p in packages]
    listed = ", ".join(listed[:-1]) + " and " + listed[-1] if len(listed) > 1 else "".join(listed)
    intro = (
        f"# {title}: the notebook\n\n"
        f"The programs of the chapter “{title}” of *Backprop, Verified*, one after another, each as the "
        "chapter shows it, its docstring as the text above its code. Each program sets up its own "
        "variables: run the cells top to bottom, or start at the first cell of any program.\n\n"
        f"Needs Python 3 with {listed} ([Colab](https://colab.research.google.com/) has them): "
        f"`pip install {' '.join(packages)}`."
    )
    cells.insert(0, v4.new_markdown_cell(intro, id="title"))
    kernel = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    return v4.new_notebook(cells=cells, metadata={"kernelspec": kernel, "language_info": {"name": "python"}})


@event_priority(50)  # before mkdocs-jupyter's on_files, which only turns Files it already sees into pages
def on_files(files, config):
    if "process" in run:  # `mkdocs serve`: a rebuild after a build that failed before a notebook page
        run.pop("process").kill()
    shutil.rmtree(NOTEBOOKS, ignore_errors=True)
    NOTEBOOKS.mkdir(parents=True)
    EXECUTED.mkdir(parents=True, exist_ok=True)
    execute = os.environ.get("BOOK_EXECUTE_NOTEBOOKS", "true").lower() != "false"
    run["copies"], missing = {}, []
    for page_uri, (title, programs) in chapters.items():
        uri = notebook_uri(page_uri)
        path = NOTEBOOKS / posixpath.basename(uri)
        source = notebook(title, programs)
        nbformat.write(source, path)
        executed = EXECUTED / f"{content_key(nbformat.writes(source), RUNNER.read_bytes())}.ipynb"
        if execute:
            run["copies"][path] = executed
            if executed.is_file():
                executed.touch()  # recently used: kept
            else:
                missing += [str(path), str(executed)]
        # A plain File rooted in .cache/, not File.generated: mkdocs-jupyter's page wrapper derives the
        # notebook's path from src_dir, which a generated File does not have.
        files.append(File(uri, str(NOTEBOOKS.parent), config.site_dir, config.use_directory_urls))
    if missing:
        run["stderr"] = tempfile.TemporaryFile("w+")  # a file: a full pipe would stall the kernels
        run["process"] = subprocess.Popen(
            [sys.executable, str(RUNNER), *missing],
            stdout=subprocess.DEVNULL,
            stderr=run["stderr"],
        )
        atexit.register(run["process"].kill)  # if the build fails first, do not leave the kernels behind
    return files


def executed_notebook(path: Path) -> None:
    """Wait until the notebook at `path` has run (the others may still be running), fail the build if
    a cell raised, put the executed notebook in place."""
    executed, process = run["copies"].pop(path, None), run.get("process")
    while executed and process and not executed.is_file() and process.poll() is None:
        time.sleep(0.05)  # the runner writes each notebook at once, when all its cells ran
    if process and process.poll():
        stderr = run.pop("stderr")
        stderr.seek(0)
        raise PluginError(f"a notebook failed:\n{stderr.read()}")
    if executed:
        shutil.copy(executed, path)


def on_pre_page(page, config, files):
    """A notebook page waits for its notebook only: the chapters, and the notebooks that ran first,
    render while the others run."""
    if page.file.src_uri in {notebook_uri(uri) for uri in chapters}:
        executed_notebook(Path(page.file.abs_src_path))
        page.edit_url = None  # generated from snippets/: no file of docs/ to edit
    return page


def on_post_build(config):
    if "process" in run:
        run.pop("process").wait(timeout=1800)  # ended already: every notebook had its page
        run.pop("stderr").close()
    forget_unused(list(EXECUTED.glob("*.ipynb")))


# "Open in Colab": Colab opens a notebook from GitHub. The executed notebooks are not committed; the
# deploy (.github/workflows/docs.yml) pushes them to this branch of the book's repository.
COLAB = "https://colab.research.google.com/github/{name}/blob/notebooks/{notebook}"


def on_page_content(content, page, config, files):
    """Link a chapter and its notebook both ways, with the download (mkdocs-jupyter's include_source copy)
    and a link that opens the notebook in Colab."""
    links = None

    def colab(notebook: str) -> str:
        return COLAB.format(name=repository(config)["name"], notebook=posixpath.basename(notebook))

    if page.file.src_uri in chapters:
        notebook_file = files.get_file_from_path(notebook_uri(page.file.src_uri))
        download = posixpath.join(posixpath.dirname(notebook_file.dest_uri), posixpath.basename(notebook_file.src_uri))
        links = [
            ("Read as a notebook", notebook_file.url),
            ("Download .ipynb", download),
            ("Open in Colab", colab(notebook_file.src_uri)),
        ]
    elif chapter := next((uri for uri in chapters if notebook_uri(uri) == page.file.src_uri), None):
        download = posixpath.join(posixpath.dirname(page.file.dest_uri), posixpath.basename(page.file.src_uri))
        links = [
            ("Download .ipynb", download),
            ("Open in Colab", colab(page.file.src_uri)),
            ("Read the chapter", files.get_file_from_path(chapter).url),
        ]
    if not links:
        return content

    def button(text: str, url: str) -> str:
        if url.startswith("https:"):  # Colab: a plain link to another site
            return f'<a class="md-button" href="{url}">{text}</a>'
        download = " download" if url.endswith(".ipynb") else ""
        return f'<a class="md-button" href="{get_relative_url(url, page.file.url)}"{download}>{text}</a>'

    buttons = " ".join(button(text, url) for text, url in links)
    heading_end = content.find("</h1>")
    at = heading_end + len("</h1>") if heading_end >= 0 else 0
    return f'{content[:at]}\n<p class="book-notebook-links">{buttons}</p>\n{content[at:]}'
