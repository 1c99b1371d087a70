"""The doc-test harness: every code fence in docs/ runs under pytest, through sybil.

Rules (README.md, "How the book is tested", says the same for authors):

- A ``python`` or ``py`` fence runs, whatever its attributes (title, hl_lines, annotations).
  One whose code starts with ``>>>``, or a ``pycon`` fence, is a doctest.
- ``--8<--`` includes are expanded by pymdownx.snippets itself, configured from the
  ``pymdownx.snippets`` entry of mkdocs.yml: the test runs exactly what the page shows.
- A block that includes one whole file runs in a fresh ``__main__`` namespace, as it would
  when copied; its names are then shared with the page's later blocks, like notebook cells.
- An output fence (a fence titled ``Output``) right after a code block must equal what the
  block printed. A block that prints needs one; an output fence after no code block is an error.
- A block titled ``Not run: <reason>`` is skipped, and pytest reports the reason.
- Each block runs in an empty temporary working folder; warnings are errors, unless the block
  catches them itself to show them (PyTorch's warn-once warnings are raised every time).
- ``BOOK_UPDATE_OUTPUTS=1`` rewrites output fences from what the code printed, instead of failing.
"""

import contextlib
import difflib
import doctest
import io
import linecache
import os
import re
import sys
import tempfile
import traceback
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import markdown
import pytest
from mkdocs.utils.yaml import yaml_load
from sybil import Region, Sybil
from sybil.evaluators.doctest import DocTestRunner

from tests import numbers

FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*\{?[ \t]*\.?(?P<lang>[\w+-]*)(?P<attrs>[^\n]*)\n"
    r"(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
    re.M | re.S,
)
TITLE = re.compile(r'title="([^"]*)"')
INCLUDE = re.compile(r"""^[ \t]*-+8<-+[ \t]+(["'])(?P<target>.+?)\1[ \t]*$""")
CODE_LANGS = {"python", "py", "python3", "pycon"}
pending_updates: dict[Path, list[tuple[int, int, str]]] = {}


@dataclass
class Block:
    """One code fence, its expected output (if any), and where each of its lines came from."""

    doc: Path
    line: int  # line of the opening fence in the doc
    lang: str
    title: str
    body: list[str]
    indent: str
    output: str | None = None
    output_span: tuple[int, int] | None = None  # where to write an updated output
    lines: list[str] = field(default_factory=list)
    origin: list[tuple[str, int]] = field(default_factory=list)
    whole_file: bool = False  # the block is one include of one whole file: a standalone program

    @property
    def doctest(self) -> bool:
        return self.lang == "pycon" or "\n".join(self.lines or self.body).lstrip().startswith(">>>")


def snippet_preprocessor(root: Path):
    """pymdownx.snippets' own preprocessor, configured from mkdocs.yml as the build configures it."""
    config = yaml_load((root / "mkdocs.yml").read_text())
    options = next(
        (entry["pymdownx.snippets"] or {})
        for entry in config.get("markdown_extensions", [])
        if isinstance(entry, dict) and "pymdownx.snippets" in entry
    )
    options = dict(options, base_path=[str(root / b) for b in options.get("base_path", ["."])])
    md = markdown.Markdown(extensions=["pymdownx.snippets"], extension_configs={"pymdownx.snippets": options})
    return md.preprocessors["snippet"]


def relative(path, root: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(root))
    except ValueError:
        return str(path)


class DocsHarness:
    def __init__(self, root: Path):
        self.root = root.resolve()
        self.snippets = snippet_preprocessor(self.root)
        docs_dir = yaml_load((self.root / "mkdocs.yml").read_text()).get("docs_dir", "docs")
        self.sybil = Sybil(parsers=[self.parse], path=str(self.root / docs_dir), patterns=["*.md"])

    # -- parsing: raw Markdown -> regions --------------------------------------------------
    def parse(self, document):
        text, doc = document.text, Path(document.path)
        fences = list(FENCE.finditer(text))
        claimed = set()
        for i, m in enumerate(fences):
            if i in claimed or m["lang"] not in CODE_LANGS:
                continue
            indent = m["indent"]
            body = [ln[len(indent):] if ln.startswith(indent) else ln.lstrip() for ln in m["body"].splitlines()]
            title = (TITLE.search(m["attrs"]) or [None, ""])[1]
            block = Block(doc, text.count("\n", 0, m.start()) + 1, m["lang"], title, body, indent)
            end = m.end()
            nxt = fences[i + 1] if i + 1 < len(fences) else None
            if nxt and is_output(nxt) and not text[m.end():nxt.start()].strip() and nxt["indent"] == indent:
                claimed.add(i + 1)
                block.output = "\n".join(ln[len(indent):] for ln in nxt["body"].splitlines())
                block.output_span = (nxt.start("body"), nxt.end("body"))
                end = nxt.end()
            elif updating():
                block.output_span = (m.end(), m.end())
            yield Region(m.start(), end, block, self.evaluate)
        for i, m in enumerate(fences):
            if is_output(m) and i not in claimed:
                yield Region(m.start(), m.end(), text.count("\n", 0, m.start()) + 1, orphan_output)
        in_fence = [(m.start(), m.end()) for m in numbers.FENCE.finditer(text)]
        for m in numbers.CLAIM.finditer(text):
            if not any(a <= m.start() < b for a, b in in_fence):
                yield Region(m.start(), m.end(), m["exprs"], self.claim)
        yield Region(len(text), len(text), None, self.check_numbers)  # last: after every block and claim ran

    def pages(self) -> list[Path]:
        return sorted(Path(self.sybil.path).rglob("*.md"))

    def blocks(self):
        """Every code block of the book, includes expanded: for tests that look at programs, not pages."""
        for doc in self.pages():
            for _, region in self.sybil.parse(doc).regions:
                if isinstance(region.parsed, Block):
                    self.expand(region.parsed)
                    yield region.parsed

    # -- evaluation ----------------------------------------------------------------------
    def evaluate(self, example):
        block: Block = example.parsed
        where = f"{relative(block.doc, self.root)}:{block.line}"
        if block.title.startswith("Not run:"):
            reason = block.title[len("Not run:"):].strip()
            if not reason:
                return f"{where}: a block titled 'Not run:' must say why"
            pytest.skip(f"{where}: {reason}")
        try:
            self.expand(block)
        except Exception as error:  # pymdownx's SnippetMissingError names the path
            return f"{where}: --8<-- include failed: {error}"
        source = "\n".join(block.lines) + "\n"
        is_doctest = block.doctest
        namespace = {"__name__": "__main__"} if block.whole_file else example.namespace
        namespace.setdefault("__name__", "__main__")
        stdout = io.StringIO()
        # Like a reader's copy: an empty working folder (files a block writes land there), warnings are errors.
        with tempfile.TemporaryDirectory() as folder, contextlib.chdir(folder), warnings.catch_warnings():
            warnings.simplefilter("error")
            if "torch" in sys.modules:  # PyTorch warns some things once per process: here, every time,
                sys.modules["torch"].set_warn_always(True)  # so no block passes on an earlier block's warning
            if is_doctest:
                failure = self.run_doctest(source, block, namespace, where)
                if failure:
                    return failure
            else:
                name = f"<{where}>"
                linecache.cache[name] = (len(source), None, source.splitlines(True), name)
                try:
                    with contextlib.redirect_stdout(stdout):
                        exec(compile(source, name, "exec"), namespace)
                except Exception as error:
                    printed = f"\nIt printed before that:\n{stdout.getvalue()}" if stdout.getvalue() else ""
                    return f"{where}: the block raised {type(error).__name__}: {error}\n{self.trace(error, name, block)}{printed}"
        if block.whole_file:
            example.namespace.update(namespace)
        return None if is_doctest else self.check_output(block, stdout.getvalue(), where)

    def claim(self, example):
        """A claim's values, for the numbers check at the end of the page."""
        claims = example.document.__dict__.setdefault("claims", [])
        for expression in filter(str.strip, example.parsed.split(";")):
            try:
                claims += [(value, example.line) for value in numbers.flatten(eval(expression, example.namespace))]
            except Exception as error:
                where = f"{relative(example.path, self.root)}:{example.line}"
                return f"{where}: the claim `{expression.strip()}` failed: {type(error).__name__}: {error}"

    def check_numbers(self, example):
        """Every number in the page's text is printed, claimed, arithmetic or structural (tests/numbers.py)."""
        document = example.document
        blocks = [region.parsed for _, region in document.regions if isinstance(region.parsed, Block)]
        for block in blocks:
            if not block.lines:
                try:
                    self.expand(block)
                except Exception:  # the block's own test names the missing include
                    pass
        page = relative(example.path, self.root)
        document.numbers = numbers.check_page(document.text, page, blocks, document.__dict__.get("claims", []), self.root)
        if document.numbers.failures:
            return f"{page}: numbers in the text that no code gives:\n" + "\n".join(document.numbers.failures)

    def expand(self, block: Block):
        """Expand includes line by line, remembering the file and line each code line comes from."""
        block.lines, block.origin = [], []
        for n, line in enumerate(block.body, start=block.line + 1):
            m = INCLUDE.match(line)
            if not m:
                block.lines.append(line)
                block.origin.append((str(block.doc), n))
                continue
            lines = self.snippets.run([line])
            target = self.snippets.parse_snippet_target(m["target"])
            block.whole_file = len(block.body) == 1 and not (target["section"] or target["start"])
            path = self.snippets.get_snippet_path(target["path"])
            source = Path(path).read_text().split("\n")
            j = 0
            for expanded in lines:
                while j < len(source) and source[j] != expanded:
                    j += 1  # section markers are dropped by pymdownx: skip them
                block.lines.append(expanded)
                block.origin.append((path, j + 1))
                j += 1

    def trace(self, error, name, block: Block) -> str:
        """The traceback, with the block's frames pointing at the doc or snippet line they came from."""
        out = []
        for frame in traceback.extract_tb(error.__traceback__)[1:]:
            if frame.filename == name:
                path, lineno = block.origin[frame.lineno - 1]
                out.append(f"  {relative(path, self.root)}:{lineno}: {frame.line}")
            else:
                out.append(f"  {frame.filename}:{frame.lineno}: {frame.line}")
        return "Traceback (most recent call last):\n" + "\n".join(out)

    def run_doctest(self, source, block, namespace, where):
        examples = doctest.DocTestParser().get_examples(source)
        test = doctest.DocTest(examples, namespace, where, str(block.doc), block.line, None)
        test.globs = namespace  # doctest copies globs; the page's blocks share one namespace
        report = []
        result = DocTestRunner(doctest.ELLIPSIS).run(test, clear_globs=False, out=report.append)
        return f"{where}: doctest failed\n" + "".join(report) if result.failed else None

    def check_output(self, block: Block, printed: str, where: str):
        got = normalized(printed)
        if block.output is None and not got:
            return None
        want = normalized(block.output or "")
        if got == want:
            return None
        if updating() and block.output_span:
            start, end = block.output_span
            new = "".join(f"{block.indent}{ln}\n" if ln else "\n" for ln in got.splitlines())
            if block.output is None:
                new = f'\n\n{block.indent}```text title="Output"\n{new}{block.indent}```'
            pending_updates.setdefault(block.doc, []).append((start, end, new))
            return None
        if block.output is None:
            return f"{where}: the block printed output but the page shows no output fence after it:\n{got}"
        diff = difflib.unified_diff(want.splitlines(), got.splitlines(), "page shows", "code printed", lineterm="")
        return (
            f"{where}: the output fence does not match what the code printed "
            "(BOOK_UPDATE_OUTPUTS=1 rewrites it from the code):\n" + "\n".join(diff)
        )


def normalized(text: str) -> str:
    """Printed text as compared with an output fence: no trailing spaces, no trailing blank lines."""
    return "\n".join(line.rstrip() for line in text.rstrip("\n").splitlines())


def updating() -> bool:
    return os.environ.get("BOOK_UPDATE_OUTPUTS") == "1"


def is_output(m) -> bool:
    return (TITLE.search(m["attrs"]) or [None, ""])[1].startswith("Output")


def orphan_output(example):
    return f"{example.path}:{example.parsed}: an output fence that follows no code block (output must come from code)"


def apply_updates():
    """Write the outputs collected in BOOK_UPDATE_OUTPUTS=1 mode, last edit first so offsets stay valid."""
    for doc, edits in pending_updates.items():
        text = doc.read_text()
        for start, end, new in sorted(edits, reverse=True):
            text = text[:start] + new + text[end:]
        doc.write_text(text)
    pending_updates.clear()
