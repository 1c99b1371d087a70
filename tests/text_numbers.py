"""Numbers in the text: every number a page shows outside its code is tied to code.

SPEC.md "Numbers in the text"; README "How the book is tested" says it for authors. A number in
prose, math, tables, captions, alt text, admonitions, tabs or inline code must be one of:

  printed     a number in an output fence or a doctest's expected output on the same page;
  claimed     a value of a ``<!-- claim: EXPR; EXPR -->`` comment on the page, evaluated as
              Python in the page's namespace where the comment stands (numbers, arrays, tensors);
              an EXPR must name something the code computed (``2 / L2``, not ``2 / 15``);
  arithmetic  in a math chain whose numeric sides agree: ``$1 - 0.01 \\cdot 15 = 0.85$``;
  structural  one of STRUCTURAL below (chapter numbers, list markers, notebook ids, ...);
  literal     inline code only (it quotes code): a number literal of the page's code.

A number written without a decimal point must match exactly (2 matches 2.000, not 1.999); one
with a decimal point matches at the precision shown (0.133 matches 0.13333). Signs count.
Comments and docstrings of code blocks are held to the same rule against their own block: its
output fence and its literals.

``python -m tests.text_numbers [PAGE ...]`` runs the pages and prints how each accounts for its numbers.
"""

import ast
import bisect
import functools
import io
import itertools
import math
import os
import re
import sys
import tokenize
from dataclasses import dataclass, field
from decimal import Decimal

NUMBER = re.compile(
    r"(?:(?<![\w)\]}.])(?P<sign>[-−]))?(?<![\w.])(?P<digits>\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)(?![\d_]|\.\d)"
)
# Masked before numbers are read, each with the reason it is not a computed result.
STRUCTURAL = [
    (r"(?m)^[ \t]*#{1,6}[ \t]+\d+(\.\d+)*\.?(?=\s)", "a chapter or section number starts a heading"),
    (r"(?m)^[ \t]*#{1,6}[ \t]+[A-Z][a-z]+[ \t]+\d+(?=[:.\s])", "a section's own number: ## Way 3: ..."),
    (r"(?m)^[ \t>]*(#[ \t]*)?\d+[.)](?=[ \t])", "an ordered-list marker (also `# 1. predict` in code)"),
    (r"\[\d+\.(?=\s)", "a chapter number leading a link's text: [2. Gradients by hand](...)"),
    (r"(?i)\bchapters?\s+\d+(\s*(,|and|or|to|-|–)\s*\d+)*", "a chapter number"),
    (r"(?<![\w.])0\d\d(?![\w.])", "a notebook id (000 to 004): nothing computed is written with a leading zero"),
    (
        r"\b(Python|PyTorch|NumPy|Matplotlib|MkDocs|Jupyter|KaTeX|Node\.js|CUDA)\s+v?\d+(\.\d+)*\+?",
        "a version after a product name",
    ),
    (r"\[\^[^\]]*\]", "a footnote marker"),
    (r"#\s*\(\d+\)!?", "a code annotation marker: # (1)!"),
    (r"\]\([^)]*\)|</?[A-Za-z][^>\n]*>|https?://\S+", "a link target, an HTML tag's attributes, an address"),
    (r"[\w./-]+\.(py|md|svg|ipynb|png|txt|yml|json|css|js)\b", "a file name"),
    (r"\{\s*(?:[.#][\w-]+|[\w-]+=)[^{}\n]*\}", 'attributes of an element (attr_list): { width="300" }'),
]
MATH_STRUCTURAL = [  # in math, outside arithmetic chains
    (r"_\{[^{}]*\}|_\d+|\^\{[^{}]*\}|\^\d", "an index or a power: x_1, W_{2}, x^2, \\frac{d^2 J}{dw^2}"),
]
CODE_STRUCTURAL = [(r"\*\*\s*\d+", "a power in inline code: (y_pred - y)**2")]
FENCE = re.compile(r"^([ \t>]*)(`{3,}|~{3,})[^\n]*\n.*?^\1\2[ \t]*$", re.MULTILINE | re.DOTALL)
COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
CLAIM = re.compile(r"<!--\s*claim:(?P<exprs>.*?)-->", re.DOTALL)
INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
MATH = re.compile(r"\$\$(.+?)\$\$|\\\[(.+?)\\\]|\$(?!\s)([^$\n]+?)(?<!\s)\$|\\\((.+?)\\\)", re.DOTALL)
STATEMENT_BREAK = re.compile(
    r"\\q?quad|\\\\|\\iff|\\implies|\\Rightarrow|\\text\{[^}]*\}|,(?=\s)|;|<|>|\\le|\\ge|\\lt|\\gt|\\neq|\\in\b"
)
RELATION = re.compile(r"=|\\approx|\\simeq")
KINDS = ("printed", "claimed", "arithmetic", "literal", "structural")


@dataclass
class Shown:
    """A number as a page shows it."""

    text: str
    value: float
    exact: bool  # no decimal point: it must match exactly
    line: int
    kind: str = "prose"  # prose, math or code (inline code, a comment, a docstring)
    where: str = ""

    @property
    def tolerance(self) -> float:
        if self.exact:
            return max(1e-6 * abs(self.value), 1e-12)
        mantissa, _, exponent = self.text.lower().partition("e")
        return 0.5 * 10.0 ** (Decimal(mantissa.lstrip("-")).as_tuple().exponent + int(exponent or 0)) * (1 + 1e-9)

    def matches(self, value: float) -> bool:
        return abs(value - self.value) <= self.tolerance

    def matches_any(self, values: list[float]) -> bool:
        """values sorted"""
        i = bisect.bisect_left(values, self.value - self.tolerance)
        return i < len(values) and values[i] <= self.value + self.tolerance


def read_number(m, line: int = 0, kind: str = "prose", where: str = "") -> Shown:
    digits = m["digits"]
    value = float(digits) * (-1 if m["sign"] else 1)
    exact = "." not in digits.lower().split("e")[0]
    return Shown(("-" if m["sign"] else "") + digits, value, exact, line, kind, where)


def numbers_in(text: str) -> list[float]:
    return [read_number(m).value for m in NUMBER.finditer(text)]


def mask(text: str, start: int, end: int) -> str:
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def flatten(value):
    """The numbers in a claim's value: a number, or every element of an array, tensor or list."""
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return [x for v in value for x in flatten(v)]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return [float(value)]
    raise TypeError(f"a claim must give numbers, not {type(value).__name__}")


# -- math: arithmetic chains ------------------------------------------------------------------
def to_python(tex: str) -> str | None:
    """A side of a math statement as a Python expression, if it is pure arithmetic."""
    s = tex.replace("−", "-").strip().rstrip(",.;")
    s = re.sub(r"\\(left|right|big|Big)\b|\\[,;:! ]", " ", s)
    while True:
        new = re.sub(r"\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}", r"((\1)/(\2))", s)
        if new == s:
            break
        s = new
    s = s.replace(r"\cdot", "*").replace(r"\times", "*").replace("^", "**").replace("{", "(").replace("}", ")")
    s = re.sub(r"\)\s*(?=[\d(])", ")*", s)
    s = re.sub(r"(\d)\s*\(", r"\1*(", s)
    if not re.fullmatch(r"[\d\s.+\-*/()]+", s) or not re.search(r"\d", s):
        return None
    return s


def evaluate(expression: str) -> float | None:
    try:
        return float(eval(expression, {"__builtins__": {}}))  # only digits and operators get here
    except (SyntaxError, ArithmeticError, TypeError, ValueError):
        return None


def sides_agree(a: tuple[str, float], b: tuple[str, float]) -> bool:
    """a and b are (Python expression, value); a side that is one number is compared at its precision."""
    for (text, _), (_, value) in ((a, b), (b, a)):
        m = NUMBER.fullmatch(text.replace(" ", ""))
        if m:
            return read_number(m).matches(value)
    return math.isclose(a[1], b[1], rel_tol=1e-9)


def arithmetic(math_text: str, offset: int):
    """(spans of checked sides, failures) for the math chains in one math span."""
    checked, wrong = [], []
    start = 0
    breaks = [(m.start(), m.end()) for m in STATEMENT_BREAK.finditer(math_text)] + [(len(math_text), len(math_text))]
    for b_start, b_end in breaks:
        statement, base = math_text[start:b_start], start
        start = b_end
        sides, pos = [], 0
        for m in [*RELATION.finditer(statement), None]:
            end = m.start() if m else len(statement)
            tex = statement[pos:end]
            python = to_python(tex)
            value = evaluate(python) if python else None
            relation = m.group() if m else ""  # the relation to the next side
            sides.append((tex.strip(" ,.;"), python, value, base + pos + offset, base + end + offset, relation))
            pos = m.end() if m else pos
        for (ta, pa, va, sa, ea, relation), (tb, pb, vb, sb, eb, _) in itertools.pairwise(sides):
            if va is None or vb is None:
                continue
            if sides_agree((pa, va), (pb, vb)):
                checked += [(sa, ea), (sb, eb)]
            else:
                wrong.append((sa, f"`{ta} {relation} {tb}` is wrong: the left side is {va:.6g}, the right {vb:.6g}"))
    return checked, wrong


# -- the page ----------------------------------------------------------------------------------
@dataclass
class Report:
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys((*KINDS, "unaccounted"), 0))
    failures: list[str] = field(default_factory=list)


def code_text(block):
    """(source, line map) of a block, doctest prompts removed."""
    if not block.doctest:
        return "\n".join(block.lines) + "\n", list(range(len(block.lines)))
    keep = [(ln.lstrip()[4:], i) for i, ln in enumerate(block.lines) if ln.lstrip()[:4] in (">>> ", "... ")]
    return "\n".join(s for s, _ in keep) + "\n", [i for _, i in keep]


@functools.cache
def tokens(source: str) -> tuple:
    try:
        return tuple(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return ()


@functools.cache
def source_literals(source: str) -> tuple[float, ...]:
    """Number literals of the code (a minus sign in front counts). Not numbers inside strings: a
    docstring would vouch for itself."""
    found = []
    toks = tokens(source)
    for previous, tok in zip((None, *toks), toks):
        if tok.type == tokenize.NUMBER and not tok.string.lower().endswith("j"):
            text = tok.string.replace("_", "")
            value = float(int(text, 0)) if text[:2].lower() in ("0x", "0o", "0b") else float(text)
            found += [value, -value] if previous and previous.string == "-" else [value]
    return tuple(found)


def literals(blocks) -> list[float]:
    return [value for block in blocks for value in source_literals(code_text(block)[0])]


@functools.cache
def docstring_lines(source: str) -> tuple[int, ...]:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return ()
    lines, scopes = [], [tree]  # the module, and the functions and classes defined at the top of a scope
    while scopes:
        scope = scopes.pop()
        if ast.get_docstring(scope):
            lines += range(scope.body[0].lineno, scope.body[0].end_lineno + 1)
        scopes += [n for n in scope.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))]
    return tuple(lines)


def words_in_code(block):
    """(text, file, line) of each comment and docstring line of a block."""
    source, line_of = code_text(block)
    for tok in tokens(source):
        if tok.type == tokenize.COMMENT:
            yield tok.string, *block.origin[line_of[tok.start[0] - 1]]
    for n in docstring_lines(source):
        yield block.lines[line_of[n - 1]], *block.origin[line_of[n - 1]]


def classify(number: Shown, printed: list[float], claimed: list[float], lits: list[float]) -> str | None:
    """The first way the number is accounted for (the lists sorted), or None."""
    if number.matches_any(printed):
        return "printed"
    if number.matches_any(claimed):
        return "claimed"
    if number.kind == "code" and number.matches_any(lits):
        return "literal"
    return None


def unaccounted(number: Shown, code_numbers, kind=None, gives="the code gives") -> str:
    message = f"{number.where}:{number.line}: {number.text} ({kind or number.kind}) is not printed, claimed, arithmetic or structural"
    if code_numbers:
        value, line = min(code_numbers, key=lambda vl: abs(vl[0] - number.value))
        message += f"; the nearest number {gives} is {value:.6g}" + (f" (line {line})" if line else "")
    return message


def masked_text(text: str, fence_spans, rules=STRUCTURAL) -> tuple[str, int]:
    """The page with code fences, HTML comments and structural numbers blanked; how many were structural."""
    for start, end in fence_spans:
        text = mask(text, start, end)
    for m in COMMENT.finditer(text):
        text = mask(text, m.start(), m.end())
    structural = 0
    for pattern, _reason in rules:
        for m in re.finditer(pattern, text):
            structural += len(NUMBER.findall(m.group()))
            text = mask(text, m.start(), m.end())
    return text, structural


def output_of(block) -> str:
    """What a block printed (its output fence, if it did not run), or a doctest's expected output."""
    if block.doctest:
        return "\n".join(ln for ln in block.lines if ln.strip() and not ln.lstrip().startswith((">>>", "...")))
    return block.output or "" if getattr(block, "printed", None) is None else block.printed


def check_page(text: str, where: str, blocks, claimed: list[tuple[float, int]], root=None) -> Report:
    """Account for every number in a page's text.

    blocks are the page's code blocks (line, lines, origin, output, printed, doctest), claimed its claims'
    (value, line); root, if given, shortens the paths of snippet files in messages."""
    report = Report()
    newlines = [i for i, c in enumerate(text) if c == "\n"]

    def line_at(pos):
        return bisect.bisect_left(newlines, pos) + 1

    fences = [(m.start(), m.end()) for m in FENCE.finditer(text)]
    printed = [(v, block.line) for block in blocks for v in numbers_in(output_of(block))]  # (value, line)
    lits = literals(blocks)
    code_numbers = printed + claimed
    body, report.counts["structural"] = masked_text(text, fences)

    shown: list[Shown] = []
    for m in INLINE_CODE.finditer(body):
        code, _ = masked_text(m[2], [], CODE_STRUCTURAL)
        shown += [read_number(n, line_at(m.start(2) + n.start()), "code", where) for n in NUMBER.finditer(code)]
        body = mask(body, m.start(), m.end())
    for m in MATH.finditer(body):
        start = next(m.start(g) for g in range(1, 5) if m.group(g) is not None)
        span = next(g for g in m.groups() if g is not None)
        checked, wrong = arithmetic(span, start)
        report.failures += [f"{where}:{line_at(pos)}: {message}" for pos, message in wrong]
        for n in NUMBER.finditer(span):
            if any(a <= start + n.start() < b for a, b in checked):
                report.counts["arithmetic"] += 1
                continue
            for pattern, _reason in MATH_STRUCTURAL:
                if any(s.start() <= n.start() < s.end() for s in re.finditer(pattern, span)):
                    report.counts["structural"] += 1
                    break
            else:
                shown.append(read_number(n, line_at(start + n.start()), "math", where))
        body = mask(body, m.start(), m.end())
    shown += [read_number(n, line_at(n.start()), "prose", where) for n in NUMBER.finditer(body)]

    values = [sorted(v for v, _ in printed), sorted(v for v, _ in claimed), sorted(lits)]
    for number in sorted(shown, key=lambda n: n.line):
        kind = classify(number, *values)
        report.counts[kind or "unaccounted"] += 1
        if not kind:
            report.failures.append(unaccounted(number, code_numbers))

    for block in blocks:  # comments and docstrings quote their own block's output and literals
        own_output = [(v, 0) for v in numbers_in(output_of(block))]
        own_values = [sorted(v for v, _ in own_output), [], sorted(literals([block]))]
        for words, path, line in words_in_code(block):
            if not any(c.isdigit() for c in words):
                continue
            path = os.path.relpath(path, root) if root else path
            words, _ = masked_text(words, [])
            for n in NUMBER.finditer(words):
                number = read_number(n, line, "code", path)
                if not classify(number, *own_values):
                    report.failures.append(unaccounted(number, own_output, "a comment", "its block prints"))
    return report


def main(pages: list[str]) -> int:
    """Run the pages through the doc-test harness and print how each accounts for its numbers."""
    from pathlib import Path

    import pytest

    from tests.docs_harness import DocsHarness

    root = Path(__file__).resolve().parent.parent
    harness = DocsHarness(root)
    print(f"{'page':<28}{'numbers':>8}" + "".join(f"{k:>12}" for k in (*KINDS, "unaccounted")))
    for path in pages or harness.pages():
        document = harness.sybil.parse(Path(path))
        for example in document:
            try:
                example.evaluate()
            except (Exception, pytest.skip.Exception):  # a failing block is pytest's to report; count the rest
                pass
        counts = document.numbers.counts
        name = Path(path).name
        print(f"{name:<28}{sum(counts.values()):>8}" + "".join(f"{counts[k]:>12}" for k in (*KINDS, "unaccounted")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
