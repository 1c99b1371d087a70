"""The doc-test harness: every code fence in docs/ runs under pytest, through sybil.

Rules (README.md, "How the book is tested", says the same for authors):

- Every page mkdocs renders (``*.md``, ``*.markdown``, ...) is collected.
- A fence in any language Pygments highlights as Python (``python``, ``py3``, ``Python``,
  ``ipython``, ...) runs, whatever its attributes (title, hl_lines, annotations). One whose code
  starts with ``>>>``, or a Python-console fence (``pycon``), is a doctest and must start with ``>>>``.
  A doctest line that doctest does not compare (text after a blank line) or skips (``+SKIP``) is an error.
  A fence in DISPLAY (output, shell commands, configuration) is shown only, and must hold no ``>>>``
  prompt and no number (nothing would check it); a fence in any other language, or in none, is an error. So is a fence inside a
  blockquote or an HTML comment, and code in HTML (``<pre>``, ``<code class=...>``); indented code
  blocks are turned off in mkdocs.yml (they render as text).
- ``--8<--`` includes are expanded by pymdownx.snippets itself, configured from the
  ``pymdownx.snippets`` entry of mkdocs.yml: the test runs exactly what the page shows. An include
  outside a Python fence (in prose, in a DISPLAY fence) is an error: it shows a file that nothing runs.
- A block that includes one whole file runs in a fresh ``__main__`` namespace, as it would
  when copied; its names are then shared with the page's later blocks, like notebook cells.
- A block titled with a file name (``snippets/NAME.py``) must include that file and no other.
- A block titled ``continues snippets/NAME.py`` runs after that program, as a reader's copy would: typed
  code, or the file's next part. A block above it on the page must show that program (whole or a part).
  Every other block runs alone (tests/test_snippets.py copies each into an empty folder and runs it).
- An output fence (a fence titled ``Output``, in any case) right after a code block must equal
  what the block printed; it may sit collapsed right under the block, in a ``??? example "Output..."``
  box. A block that prints needs one; an output fence after no code block, after a doctest or after a
  block not run is an error; so is a DISPLAY fence right after a code block that is not titled
  ``Output`` (spaces around a title are ignored, as the site ignores them).
- A block titled ``Not run: <reason>`` is skipped (``title=``, not ``data-title=``), and pytest reports the reason.
- Each block runs in an empty temporary working folder; warnings are errors (PyTorch's warn-once
  warnings are raised every time), unless its output fence is titled ``Output and warning``: then
  each warning is shown once in the output, as a reader sees it in a fresh process. Output
  around print (stderr, logging, ``os.write``, exit functions), output after the block ended (threads
  left running, finalizers run by the garbage collector) and files left open are errors
  (tests/run_alone.py's print_only); ``os._exit`` raises SystemExit.
- A claim (``<!-- claim: ... -->``) runs where it stands; ``<!-- claim after: ... -->``, and a claim inside a
  ``<figure>``, run after the next code block (the program a paragraph introduces, the figure's program).
- After the page's blocks and claims ran, every number in its text must come from code
  (tests/text_numbers.py).
- ``BOOK_UPDATE_OUTPUTS=1`` rewrites output fences from what the code printed, instead of failing.
"""

import contextlib
import difflib
import doctest
import functools
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
import matplotlib.font_manager  # noqa: F401  (in a fresh HOME it builds its font cache now, not inside a block,
import pytest  # where, after 5 s, its "Matplotlib is building the font cache" on stderr would fail the block)
from mkdocs.utils import markdown_extensions
from mkdocs.utils.yaml import yaml_load
from pygments.lexers import Python2Lexer, PythonLexer, get_lexer_by_name
from pygments.util import ClassNotFound
from sybil import Region, Sybil
from sybil.evaluators.doctest import DocTestRunner

from tests import text_numbers
from tests.run_alone import print_only, warnings_shown

FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*\{?[ \t]*\.?(?P<lang>[\w+-]*)(?P<attrs>[^\n]*)\n"
    r"(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
TITLE = text_numbers.TITLE
# An output fence may sit collapsed right under its block, in a box whose title says so (a log the page
# showed before): ??? example "Output: chapter 2's log, line for line", the fence indented under it.
COLLAPSED_OUTPUT = re.compile(r'\s*\n[ \t]*\?\?\?\+? [\w-]+ "Output\b[^"\n]*"[ \t]*\n\s*')
INCLUDE = re.compile(r"""^[ \t]*-+8<-+[ \t]+(["'])(?P<target>.+?)\1[ \t]*$""")
# A title that says which program the block runs after ("continues snippets/NAME.py"): the block does not run alone
CONTINUES = re.compile(r"(?<![\w-])continues\s+(?P<program>[\w./-]+\.py)\b", re.IGNORECASE)
SNIPPET_MARKER = re.compile(r"^[ \t]*-+8<-+(?:[ \t]|$)", re.MULTILINE)  # an include, or a block of them
# Code written in HTML, which nothing would run: <pre>, <pre><code ...>, <code class="language-py">
FIGURE = re.compile(r"<figure\b.*?</figure>", re.DOTALL)  # a claim in one reads the program shown after it
RAW_CODE = re.compile(r"<pre\b[^>]*>(?:\s*<code\b)?|<code\b[^>]*\bclass=", re.IGNORECASE)
# Fences shown, never run: program output, shell commands, configuration. Any other language fails.
DISPLAY = {"text", "bash", "yaml", "toml", "markdown"}
INCLUDE_SHOWN = "a --8<-- include outside a python or pycon fence puts a file on the site that nothing runs or checks"
PAGES = [f"*{extension}" for extension in markdown_extensions]  # every file mkdocs renders as a page
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
    kind: str = "python"  # or "console" (a Python session: a doctest)
    printed: str | None = None  # what it printed, once it ran
    shows_warnings: bool = False  # its output fence is titled "Output and warning": the warning is the lesson

    @property
    def doctest(self) -> bool:
        return self.kind == "console" or "\n".join(self.lines or self.body).lstrip().startswith(">>>")

    @property
    def not_run(self) -> bool:
        return self.title.lower().startswith("not run:")

    @property
    def continues(self) -> str | None:
        """The program the title says this block runs after (`continues snippets/NAME.py`), if any."""
        found = CONTINUES.search(self.title)
        return found["program"] if found else None


def extension_options(config: dict, name: str) -> dict:
    """The options mkdocs.yml gives a Markdown extension ({} if it gives none)."""
    for entry in config.get("markdown_extensions", []):
        if isinstance(entry, dict) and name in entry:
            return entry[name] or {}
    return {}


def snippet_preprocessor(root: Path, config: dict):
    """pymdownx.snippets' own preprocessor, configured from mkdocs.yml as the build configures it."""
    options = extension_options(config, "pymdownx.snippets")
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
        config = yaml_load((self.root / "mkdocs.yml").read_text())
        if not extension_options(config, "pymdownx.superfences").get("disable_indented_code_blocks"):
            raise ValueError(
                "mkdocs.yml: pymdownx.superfences needs `disable_indented_code_blocks: true`, or an indented "
                "(4-space) block would show code that no test runs; use a fenced block"
            )
        self.snippets = snippet_preprocessor(self.root, config)
        docs_dir = config.get("docs_dir", "docs")
        self.sybil = Sybil(parsers=[self.parse], path=str(self.root / docs_dir), patterns=PAGES)

    # -- parsing: raw Markdown -> regions --------------------------------------------------
    def parse(self, document):
        text, doc = document.text, Path(document.path)
        page = relative(doc, self.root)

        def fail(start: int, end: int, message: str, at: int | None = None) -> Region:
            """A region that fails with the message, naming its page and the line of `at` (or of start)."""
            line = text.count("\n", 0, start if at is None else at) + 1
            return Region(start, end, f"{page}:{line}: {message}", lambda example: example.parsed)

        markup, comments = text, []  # the page's Markdown and HTML: its fences, comments and inline code blanked
        for m in text_numbers.FENCE.finditer(text):
            markup = text_numbers.mask(markup, m.start(), m.end())
        for m in text_numbers.COMMENT_OR_CODE.finditer(markup):
            if m.group().startswith("<!--"):
                comments.append(m)
            markup = text_numbers.mask(markup, m.start(), m.end())
        fences, hidden = [], []  # hidden: in an HTML comment
        for m in FENCE.finditer(text):
            (hidden if any(c.start() <= m.start() < c.end() for c in comments) else fences).append(m)
        paired, blocks = set(), []  # blocks: (start, end, title) of each code block with its output fence
        shown_above = set()  # the programs (snippets/NAME.py) that the blocks read so far include, whole or a part
        for i, m in enumerate(fences):
            if i in paired or is_output(m):
                continue
            kind, indent = language(m["lang"]), m["indent"]
            body = [ln[len(indent) :] if ln.startswith(indent) else ln.lstrip() for ln in m["body"].splitlines()]
            if kind == "display":
                if any(ln.lstrip().startswith(">>>") for ln in body):
                    yield fail(
                        m.start(),
                        m.end(),
                        f"a ```{m['lang']} fence with >>> prompts shows a Python "
                        "session that nothing runs: make it a pycon fence",
                    )
                elif include := SNIPPET_MARKER.search(m["body"]):
                    yield fail(m.start(), m.end(), INCLUDE_SHOWN, m.start("body") + include.start())
                elif text_numbers.NUMBER.search(m["body"]):  # an output fence is paired (below) or fails
                    message = (
                        f"a ```{m['lang']} fence shows numbers that nothing checks: make it the Output of the "
                        "block that prints them, or write them in prose, where they are checked"
                    )
                    yield fail(m.start(), m.end(), message)
                continue
            if kind is None:
                named = f"in language {m['lang']!r}" if m["lang"] else "with no language"
                yield fail(
                    m.start(),
                    m.end(),
                    f"a fence {named} is not run: use python or pycon (run and "
                    f"checked), or one of {sorted(DISPLAY)} (shown only)",
                )
                continue
            block = Block(doc, text.count("\n", 0, m.start()) + 1, m["lang"], title_of(m), body, indent, kind=kind)
            end, problem, at = m.end(), None, m
            nxt = fences[i + 1] if i + 1 < len(fences) else None
            shows_output = nxt and (is_output(nxt) or language(nxt["lang"]) == "display")
            between = text[m.end() : nxt.start()] if nxt else ""
            right_after = shows_output and not between.strip() and nxt["indent"] == indent  # or collapsed under it:
            collapsed = shows_output and COLLAPSED_OUTPUT.fullmatch(between) and nxt["indent"] == indent + "    "
            if right_after or collapsed:
                paired.add(i + 1)
                block.output = "\n".join(ln[len(nxt["indent"]) :] for ln in nxt["body"].splitlines())
                block.output_span = (nxt.start("body"), nxt.end("body"))
                block.shows_warnings = title_of(nxt).lower().startswith("output and warning")
                end = nxt.end()
                if not is_output(nxt):
                    at, problem = nxt, "a fence right after a code block shows output: title it Output to compare it"
                elif block.doctest:
                    problem = (
                        "a doctest shows its output after each >>> line; the output fence after it is not compared"
                    )
                elif block.not_run:
                    problem = "a block that is not run has no output: the output fence after it comes from nowhere"
            elif updating():
                block.output_span = (m.end(), m.end())
            if kind == "console" and not "\n".join(body).lstrip().startswith(">>>"):
                problem = "a pycon fence must start with a >>> prompt: without one nothing of it runs"
            if block.continues and block.continues not in shown_above and not problem:
                problem = (
                    f"the title says the block continues {block.continues}, but no block above it on this page "
                    "shows that program: a reader would not know what to run first"
                )
            shown_above |= {self.included(ln) for ln in body if INCLUDE.match(ln)}  # for the blocks below
            blocks.append((m.start(), end, block.title))
            yield fail(m.start(), end, problem, at.start()) if problem else Region(m.start(), end, block, self.evaluate)
        for i, m in enumerate(fences):
            if is_output(m) and i not in paired:
                yield fail(
                    m.start(), m.end(), "an output fence that follows no code block (output must come from code)"
                )
        spans = [(m.start(), m.end()) for m in fences + comments]
        for m in text_numbers.FENCE.finditer(text):
            if ">" in m[1] and not any(a <= m.start() < b for a, b in spans):
                yield fail(
                    m.start(), m.end(), "a fence inside a blockquote is not run: put the fence outside the quote"
                )
        for c in comments:
            inside = [m for m in hidden if c.start() <= m.start() < c.end()]
            claim = text_numbers.CLAIM.fullmatch(c.group())
            if inside:
                message = "a fence inside an HTML comment is not shown on the site but would run: take it out"
                yield fail(c.start(), c.end(), message, inside[0].start())
            elif claim:
                # `claim after:`, or one in a figure: after the next block (the figure's program), whose names it reads
                figure = next((f for f in FIGURE.finditer(markup) if f.start() < c.start() < f.end()), None)
                later = figure.end() if figure else c.end() if claim["after"] else None
                after = next((end for start, end, _ in blocks if later and start >= later), None)
                if claim["after"] and not after:
                    yield fail(c.start(), c.end(), "`claim after:` runs after the next code block, and none follows")
                    continue
                line = text.count("\n", 0, c.start()) + 1
                at = (after, after) if after else c.span()
                yield Region(*at, (claim["exprs"], line), self.claim)
        for figure in FIGURE.finditer(markup):  # its program right under it: its claims read that program
            name = re.search(r"assets/figures/(\w+)\.svg", figure.group())
            under = next((title for start, _, title in blocks if start >= figure.end()), "")
            if name and f"snippets/figure_{name[1]}.py" not in under:
                message = f"the first code block after this figure must be its program, snippets/figure_{name[1]}.py"
                yield fail(figure.start(), figure.start(), message)
        for m in SNIPPET_MARKER.finditer(markup):
            yield fail(m.start(), m.end(), INCLUDE_SHOWN)
        for m in RAW_CODE.finditer(markup):
            yield fail(m.start(), m.end(), "code in HTML (<pre>, <code class=...>) never runs: write code as a fence")
        yield Region(len(text), len(text), None, self.check_numbers)  # last: after every block and claim ran

    def included(self, line: str) -> str:
        """The file an include line shows (snippets/NAME.py), without the part it names."""
        return self.snippets.parse_snippet_target(INCLUDE.match(line)["target"])["path"]

    def pages(self) -> list[Path]:
        return sorted(p for pattern in PAGES for p in Path(self.sybil.path).rglob(pattern))

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
        named = re.search(r"[\w./-]+\.py\b", block.title)
        shown = [self.included(line) for line in block.body if INCLUDE.match(line)]
        # a block that continues a program may be typed code; one that includes, includes that program only
        if named and (set(shown) - {named.group()} or not (shown or block.continues)):
            return (
                f"{where}: the title names {named.group()} but the block shows "
                f"{', '.join(shown) if shown else 'code typed into the page'}: include the file the title names"
            )
        if block.not_run:
            reason = block.title.split(":", 1)[1].strip()
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
            if block.whole_file and "matplotlib.pyplot" in sys.modules:  # a copied program starts with no
                sys.modules["matplotlib.pyplot"].close("all")  # figure open: pyplot warns at 21 in one Python
            name = f"<{where}>"
            before = {key: id(value) for key, value in namespace.items()}
            try:
                shown = warnings_shown(stdout) if block.shows_warnings else contextlib.nullcontext()
                with print_only(stdout, name) as around, shown:
                    if is_doctest:
                        failure = self.run_doctest(source, block, namespace, where)
                        if failure:
                            return failure
                    else:
                        linecache.cache[name] = (len(source), None, source.splitlines(True), name)
                        exec(compile(source, name, "exec"), namespace)
            except (Exception, SystemExit) as error:
                printed = f"\nIt printed before that:\n{stdout.getvalue()}" if stdout.getvalue() else ""
                return f"{where}: the block raised {type(error).__name__}: {error}\n{self.trace(error, name, block)}{printed}"
        left_open = [
            v for k, v in namespace.items() if isinstance(v, io.IOBase) and not v.closed and before.get(k) != id(v)
        ]
        around += [f"it leaves {f!r} open: close files (with open(...) as f)" for f in left_open]
        for f in left_open:
            f.close()  # reported: closed now, its warning cannot surface in a later test
        if around:
            return f"{where}: " + "\n".join(around)
        block.printed = stdout.getvalue()
        if block.whole_file:
            example.namespace.update(namespace)
        return None if is_doctest else self.check_output(block, stdout.getvalue(), where)

    def claim(self, example):
        """A claim's values, for the numbers check at the end of the page."""
        claims = example.document.__dict__.setdefault("claims", [])
        expressions, line = example.parsed
        where = f"{relative(example.path, self.root)}:{line}"
        for k, expression in enumerate(map(str.strip, filter(str.strip, expressions.split(";")))):
            try:
                values = text_numbers.claim_values(expression, example.namespace)
                claims += [(value, line, expression, k) for value in values]
            except Exception as error:
                return f"{where}: the claim `{expression}` failed: {type(error).__name__}: {error}"

    def check_numbers(self, example):
        """Every number in the page's text is printed, claimed, arithmetic or structural (tests/text_numbers.py)."""
        try:
            return self.numbers_failures(example)
        except Exception:  # an error escaping an evaluator would stop pytest with INTERNALERROR, naming nothing
            return f"{relative(example.path, self.root)}: the numbers check failed:\n{traceback.format_exc()}"

    def numbers_failures(self, example):
        document = example.document
        blocks = [region.parsed for _, region in document.regions if isinstance(region.parsed, Block)]
        for block in blocks:
            if not block.lines:
                try:
                    self.expand(block)
                except Exception:  # the block's own test names the missing include
                    pass
        page = relative(example.path, self.root)
        document.numbers = text_numbers.check_page(
            document.text, page, blocks, document.__dict__.get("claims", []), self.root
        )
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
        if unchecked := self.unchecked(block, examples):
            return unchecked
        test = doctest.DocTest(examples, namespace, where, str(block.doc), block.line, None)
        test.globs = namespace  # doctest copies globs; the page's blocks share one namespace
        report = []
        result = DocTestRunner(doctest.ELLIPSIS).run(test, clear_globs=False, out=report.append)
        return f"{where}: doctest failed\n" + "".join(report) if result.failed else None

    def unchecked(self, block: Block, examples) -> str | None:
        """What a doctest shows but never compares: text after a blank line, an example it skips, an error's
        message it ignores."""
        compared = {n for ex in examples for n in range(ex.lineno, ex.lineno + (ex.source + ex.want).count("\n"))}
        hides = {
            doctest.SKIP: "doctest: +SKIP shows an example that never runs",
            doctest.IGNORE_EXCEPTION_DETAIL: "doctest: +IGNORE_EXCEPTION_DETAIL shows an error message that is not compared",
        }
        found = {ex.lineno: why for ex in examples for option, why in hides.items() if ex.options.get(option)}
        for n, line in enumerate(block.lines):
            if line.strip() and n not in compared:
                found[n] = f"{line.strip()!r} is not compared: a blank line ends a doctest's output (write <BLANKLINE>)"
        where = [f"{relative(path, self.root)}:{line}" for path, line in block.origin]
        return "\n".join(f"{where[n]}: {found[n]}" for n in sorted(found)) or None

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


def title_of(m) -> str:
    found = TITLE.search(m["attrs"])
    return found["title"].strip() if found else ""  # the site shows " Output " as "Output"


def is_output(m) -> bool:
    return title_of(m).lower().startswith("output")


@functools.cache
def language(lang: str) -> str | None:
    """'python' (runs), 'console' (a doctest), 'display' (shown only) or None (unknown: an error).

    Whatever Pygments highlights as Python is run: py3, Python, ipython, numpy, ..."""
    if lang.lower() in DISPLAY:
        return "display"
    try:
        lexer = type(get_lexer_by_name(lang))
    except ClassNotFound:
        return None
    if "PythonConsole" in lexer.__name__:
        return "console"
    return "python" if issubclass(lexer, (PythonLexer, Python2Lexer)) else None


def apply_updates():
    """Write the outputs collected in BOOK_UPDATE_OUTPUTS=1 mode, last edit first so offsets stay valid."""
    for doc, edits in pending_updates.items():
        text = doc.read_text()
        for start, end, new in sorted(edits, reverse=True):
            text = text[:start] + new + text[end:]
        doc.write_text(text)
    pending_updates.clear()
