"""Numbers in the text: every number a page shows outside its code is tied to the code that gives it.

README "How the book is tested" says it for authors. A number in prose, math, tables, captions, alt
text, admonitions, tabs or inline code must be one of:

  printed     a number in the output of a block in the same section (between two headings), or, if
              the section's blocks print nothing, of the last block above it that prints;
  claimed     a value of a ``<!-- claim: EXPR; EXPR -->`` comment in the same paragraph (lines between
              blank lines), evaluated in the page's namespace where the comment stands. The paragraph's
              numbers take the claims' values in order: the first number a claim gives goes to the
              first number of the paragraph that shows it, and a number that shows a claimed value out
              of that order fails. In a paragraph with claims, whole numbers come from the claims (only
              decimals may be printed), and a claim that ties no number fails. A claim is pure
              (claim_values): it reads the code's names and changes nothing; it cannot give its own literals;
  arithmetic  in a math chain whose numeric sides agree: ``$1 - 0.01 \\cdot 15 = 0.85$``; the chain's
              inputs (the numbers of its first computing side but 0, 1 and 2) are tied like any number;
  structural  one of STRUCTURAL below (section numbers, list markers that count 1, 2, 3, chapter
              numbers, notebook ids, ...), or in math a power, an index, a whole-number coefficient of a
              symbol, or a 0 or 1 next to a symbol (MATH_STRUCTURAL);
  quoted      inline code whose text is a verbatim part of a block's code or output on the page; other
              inline code is claimed like prose.

A number written without a decimal point must match exactly (2 matches 2.000, not 1.999); one
with a decimal point matches at the precision shown (0.133 matches 0.13333). Signs count.
Comments and docstrings of code blocks are held to the same rule against their own block: its
output fence and its literals.

``python -m tests.mutate`` measures how many one-digit changes of the text these rules catch.
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

TITLE = re.compile(r"""(?<![\w-])title=(["'])(?P<title>.*?)\1""")  # a fence's title; not data-title=, which shows none
NUMBER = re.compile(
    r"(?:(?<![\w)\]}.])(?P<sign>[-−]))?(?<![\w.])(?P<digits>\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)(?![\d_]|\.\d)"
)
HTML = (
    "a",
    "img",
    "figure",
    "figcaption",
    "span",
    "div",
    "code",
    "pre",
    "br",
    "p",
    "sup",
    "sub",
    "em",
    "strong",
    "abbr",
)
# Masked before numbers are read, each with the reason it is not a computed result.
STRUCTURAL = [
    (r"(?m)^[ \t]*#{1,6}[ \t]+[1-9]\d*(\.[1-9]\d*)*\.(?=[ \t]+[A-Z`$])", "a chapter or section number: # 2. Title"),
    (
        r"(?m)^[ \t]*#{1,6}[ \t]+(Way|Step|Part|Exercise|Solution|Example)[ \t]+\d+(?=:)",
        "a section's own number: ## Way 3: ...",
    ),
    (r"(?m)^[ \t]*#[ \t]*\d+[.)](?=[ \t])", "a numbered step in a comment: # 1. predict"),
    (r"\[\d+\.(?=\s)", "a chapter number leading a link's text: [2. Gradients by hand](...)"),
    (r"(?m)(?<=^\|)[ \t]*\d+\.(?=[ \t])", "a numbered step in a table's first column: | 1. predict |"),
    (
        r"(?i)\bchapters\s+\d+(\s*,\s*\d+)*\s+(and|or|to)\s+\d+|\bchapters\s+\d+\s*[-–]\s*\d+|\bchapters?\s+\d+",
        "a chapter number: chapter 3, chapters 2, 3 and 4, chapters 2-4",
    ),
    (r"(?<![\w.])0\d\d(?![\w.])", "a notebook id (000 to 004): nothing computed is written with a leading zero"),
    (
        r"\b(Python|PyTorch|NumPy|Matplotlib|MkDocs|Jupyter|KaTeX|Node\.js|CUDA)\s+v?\d+(\.\d+)*\+?",
        "a version after a product name",
    ),
    (r"\[\^[^\]]*\]", "a footnote marker"),
    (r"-+8<-+", "a snippet include's marker: --8<--"),
    (r"#\s*\(\d+\)!?", "a code annotation marker: # (1)!"),
    (r"\]\([^)\s]*|https?://\S+", "a link target (not its title), an address"),
    (
        rf"</?({'|'.join(HTML)})\b([^>\n\"']|\"[^\"]*\"|'[^']*')*>",
        "an HTML tag, but for the words of its alt, title and aria-label (TAG_WORDS)",
    ),
    (r"[\w./-]+\.(py|md|svg|ipynb|png|txt|yml|json|css|js)\b", "a file name"),
    (r"\{\s*(?:[.#][\w-]+|[\w-]+=[\"'])[^{}\n]*\}", 'attributes of an element (attr_list): { width="300" }'),
]
MATH_STRUCTURAL = [  # in math, outside arithmetic chains
    (r"_\{[^{}]*\}|_\d+", "an index: x_1, W_{2} (a power is POWER's)"),
    (
        r"(?<![\d.])\d+(?=\s*(\\[,;]\s*)?(\\cdot\s*)?([A-Za-z]|\\(?!cdot|times|quad|qquad|approx|le|ge|lt|gt|neq|right|big|text)[A-Za-z]|\([^()0-9]*[A-Za-z]))"
        r"|\\frac\{\s*\d+\s*\}(?=\{[^{}]*[A-Za-z])",
        "a whole-number coefficient of a symbol: 2 x_i, 2(w x_i - y_i), \\frac{1}{N}",
    ),
    (
        r"(?<![\d.])[01](?![\d.])(?=\s*([-+<>]|\\[lg]e\b)\s*([A-Za-z(|]|\\[A-Za-z]))"
        r"|([A-Za-z)|}]|\\[A-Za-z]+)\s*([-+<>]|\\[lg]e\b)\s*[01](?![\d.])",
        "a 0 or 1 of a formula, next to a symbol: 1 - \\eta L, b + 1, 0 < \\eta, |...| < 1",
    ),
]
TAG_WORDS = re.compile(r"""\b(alt|title|aria-label)=(?:"([^"]*)"|'([^']*)')""")  # a reader sees (or hears) these
CODE_STRUCTURAL = [(r"\*\*\s*\d+", "a power in inline code: (y_pred - y)**2")]
FENCE = re.compile(r"^([ \t>]*)(`{3,}|~{3,})[^\n]*\n.*?^\1\2[ \t]*$", re.MULTILINE | re.DOTALL)
CLAIM = re.compile(r"<!--\s*claim(?P<after>\s+after)?:(?P<exprs>.*?)-->", re.DOTALL)  # claim after: see below
INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
COMMENT_OR_CODE = re.compile(r"(?s:<!--.*?-->)|" + INLINE_CODE.pattern)  # whichever opens first
MATH = re.compile(r"\$\$(.+?)\$\$|\\\[(.+?)\\\]|\$(?!\s)([^$\n]+?)(?<!\s)\$|\\\((.+?)\\\)", re.DOTALL)
STATEMENT_BREAK = re.compile(
    r"\\q?quad|\\\\|\\iff|\\implies|\\Rightarrow|\\text\{[^}]*\}|,(?=\s)|;|<|>|\\le|\\ge|\\lt|\\gt|\\neq|\\in\b"
)
RELATION = re.compile(r"=|\\approx|\\simeq")
KINDS = ("printed", "claimed", "arithmetic", "quoted", "structural")


@dataclass
class Shown:
    """A number as a page shows it."""

    text: str
    value: float
    exact: bool  # no decimal point: it must match exactly
    line: int
    kind: str = "prose"  # prose, math or code (inline code, a comment, a docstring)
    where: str = ""
    pos: int = -1  # where its digits start in the page's text (-1: not in the page's text)

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


BARE = re.compile(r"[\s\[\](),\d.eE+\-−]*\d[\s\[\](),\d.eE+\-−]*")  # inline code of numbers alone
POWER = re.compile(r"\^\{[^{}]*\}|\^\d")  # a square is structural; another power is tied, or quotes ** N
# Counts written as words are numbers too ("three ways"); "one" is too common a word to read as 1.
WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
WORD = re.compile(r"(?i)\b(" + "|".join(WORDS) + r")\b")


def read_word(m, line: int, where: str) -> "Shown":
    return Shown(m[0], float(WORDS.index(m[0].lower()) + 2), True, line, "prose, in words", where, m.start())


def read_number(m, line: int = 0, kind: str = "prose", where: str = "", offset: int | None = None) -> Shown:
    """offset: where the text m searched starts in the page (None: not the page's text)."""
    digits = m["digits"]
    value = float(digits) * (-1 if m["sign"] else 1)
    exact = "." not in digits and "e" not in digits.lower()  # 9e-13 is shown to one digit, not exactly
    pos = -1 if offset is None else offset + m.start("digits")
    return Shown(("-" if m["sign"] else "") + digits, value, exact, line, kind, where, pos)


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


# -- claims: pure expressions of the code's names ------------------------------------------------
SAFE_BUILTINS = {
    f.__name__: f for f in (abs, round, min, max, len, sum, int, float, list, tuple, sorted, zip, any, all)
}
# Calls that change what they are called on (torch's in-place `add_` ends in _ too), or state outside it.
MUTATORS = re.compile(
    r"_$|^(append|extend|insert|pop|remove|clear|update|setdefault|add|discard|sort|reverse|fill|put|resize|"
    r"write|backward|step|zero_grad|train|eval|apply|seed|manual_seed|set_.*|register_.*|load.*|save.*|"
    r"random|rand.*|normal|bernoulli|multinomial|shuffle|permutation|choice|fill_diagonal|copyto|place|putmask)$"
)
PURE_MODULES = {"math", "numpy", "torch"}  # a claim may call functions of these (but not MUTATORS)
MAX_CLAIMED = 256  # numbers one expression may give: more would vouch for anything


def state(namespace: dict) -> list:
    """What a claim must leave as it found it: the random generators (NumPy's global one: its key and its
    position in it), and the page's tensors, models and arrays, named or held in a dict, list or tuple
    (a tensor's version counts its in-place changes)."""
    torch, np = sys.modules.get("torch"), sys.modules.get("numpy")
    found = [bytes(torch.get_rng_state().numpy())] if torch else []
    if np:
        _, key, position, *gauss = np.random.get_state()
        found += [key.tobytes(), position, *gauss]
    containers = [c for c in namespace.values() if isinstance(c, (dict, list, tuple))]
    held = [v for c in containers for v in (c.values() if isinstance(c, dict) else c)]
    for value in [*namespace.values(), *held]:
        if torch and isinstance(value, torch.nn.Module):
            found += [p._version for p in value.parameters()]
        elif torch and isinstance(value, torch.Tensor):
            found.append(value._version)
        elif np and isinstance(value, np.ndarray):
            found.append(value.tobytes())
        elif np and isinstance(value, np.random.Generator):
            found.append(str(value.bit_generator.state))
    return found


def claim_values(expression: str, namespace: dict) -> list[float]:
    """The numbers a claim's expression gives, evaluated so that it cannot change anything: no walrus,
    lambda, private or dunder name, no builtin but SAFE_BUILTINS, no call that mutates (MUTATORS), in a
    copy of the namespace, leaving the page's state as it found it (state). It must name what the code defined, and give no value that is its own literal.
    Raises ValueError saying why not."""
    tree = ast.parse(expression, mode="eval")
    targets = [n for c in ast.walk(tree) if isinstance(c, ast.comprehension) for n in ast.walk(c.target)]
    bound = {n.id for n in targets if isinstance(n, ast.Name)}  # a comprehension's own names
    indices = {id(i) for n in ast.walk(tree) if isinstance(n, ast.Subscript) for i in ast.walk(n.slice)}  # X[-1]
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", None) in namespace]
    arguments = {id(a) for n in calls for a in n.args}  # the page's train(lr, 0) may give 0
    defined = [n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id in namespace]
    for node in ast.walk(tree):
        name = getattr(node, "id", None) or getattr(node, "attr", None) or ""
        if isinstance(node, (ast.NamedExpr, ast.Lambda)):
            raise ValueError("it assigns or defines: a claim only reads the code's names")
        if isinstance(node, ast.JoinedStr) or isinstance(node, ast.Constant) and type(node.value) is str:
            if id(node) not in indices | arguments:  # a key, as in losses["training"], is fine
                raise ValueError("it writes a string: a claim computes from the code's values, not from text")
        if isinstance(node, ast.keyword) and node.arg in ("out", "key"):
            raise ValueError(f"it passes `{node.arg}=`, which writes into an argument or calls a function on each item")
        if name.startswith("_"):
            raise ValueError(f"it reaches `{name}`: a claim reads the code's public names only")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and MUTATORS.search(node.func.attr):
            raise ValueError(f"it calls `.{node.func.attr}()`, which changes what it is called on")
        base = node
        while isinstance(base, (ast.Attribute, ast.Call, ast.Subscript)):
            base = base.func if isinstance(base, ast.Call) else base.value
        module = getattr(namespace.get(getattr(base, "id", "")), "__spec__", None)
        if isinstance(node, ast.Call) and module and module.name.split(".")[0] not in PURE_MODULES:
            raise ValueError(f"it calls into `{module.name}`: a claim may call only {sorted(PURE_MODULES)}")
        if isinstance(node, ast.Name) and node.id not in {*namespace, *SAFE_BUILTINS, *bound}:
            raise ValueError(f"`{node.id}` is neither the code's name nor one of {sorted(SAFE_BUILTINS)}")
    if not defined:
        raise ValueError("it names nothing the code computed: it would vouch for itself")
    before = state(namespace)
    builtins = {**SAFE_BUILTINS, "__import__": __import__}  # numpy imports lazily; a claim cannot name it
    values = flatten(eval(compile(tree, "<claim>", "eval"), {**namespace, "__builtins__": builtins}))
    if state(namespace) != before:
        raise ValueError("it changed the code's state (a tensor, an array, a random generator): a claim only reads")
    own = {
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant)
        and type(n.value) in (int, float)
        and id(n) not in indices
        and not (id(n) in arguments and n.value in (0, 1))
    }
    if len(values) > MAX_CLAIMED:
        raise ValueError(f"it gives {len(values)} numbers (at most {MAX_CLAIMED}): it would vouch for anything")
    if own & set(values):
        raise ValueError(f"it gives its own literal {min(own & set(values))}: it would vouch for itself")
    return values


# -- math: arithmetic chains ------------------------------------------------------------------
def to_python(tex: str) -> str | None:
    """A side of a math statement as a Python expression, if it is pure arithmetic."""
    s = tex.replace("−", "-").strip().rstrip(",.;")
    s = re.sub(r"\\(left|right|big|Big)\b|\\[,;:! ]|\\(begin|end)\{\w+\}|&", " ", s)
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
    """(spans of checked sides, spans of their inputs and results, failures) for the math chains in one math
    span. A chain's inputs are the numbers of its first side that computes (1 - 0.01 * 15 in
    1 - 0.01 * 15 = 0.85), its result its last side that is one number (0.85): both must be tied to the code
    themselves, or a chain would vouch for its own inputs, and a consistent wrong chain would pass."""
    checked, inputs, results, wrong = [], [], [], []
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
                if not inputs or inputs[-1][1] <= base + offset:  # the statement's first side that agrees
                    inputs.append(next((s, e) for _, p, _, s, e, _ in sides if p and not NUMBER.fullmatch(p.strip())))
            else:
                wrong.append((sa, f"`{ta} {relation} {tb}` is wrong: the left side is {va:.6g}, the right {vb:.6g}"))
        ends = [
            (s, e) for t, p, _, s, e, _ in sides if p and NUMBER.fullmatch(t.replace(" ", "")) and (s, e) in checked
        ]
        results += ends[-1:]
    return checked, inputs, results, wrong


# -- the page ----------------------------------------------------------------------------------
@dataclass
class Report:
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys((*KINDS, "unaccounted"), 0))
    failures: list[str] = field(default_factory=list)
    numbers: list[tuple[Shown, str | None]] = field(default_factory=list)  # each number read, and its kind


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


def printed_or_literal(number: Shown, printed: list[float], lits: list[float] = ()) -> str | None:
    """How a number is tied without a claim: "printed" (a value of printed, sorted), "literal" (a comment
    quoting one of lits), or None."""
    if number.matches_any(printed):
        return "printed"
    if number.kind == "a comment" and number.matches_any(lits):
        return "literal"
    return None


def unaccounted(number: Shown, near, elsewhere=(), gives="its section's code or its paragraph's claims give") -> str:
    """The failure for a number nothing accounts for. near: the (value, line)s it was held to; elsewhere:
    those of the whole page, named when one of them would match (claim it where it stands)."""
    message = (
        f"{number.where}:{number.line}: {number.text} ({number.kind}) is not printed, claimed, arithmetic or structural"
    )
    if near:
        value, line = min(near, key=lambda vl: abs(vl[0] - number.value))
        message += f"; the nearest number {gives} is {value:.6g}" + (f" (line {line})" if line else "")
    lines = [line for value, line in elsewhere if number.matches(value)]
    if lines:
        message += f"; line {lines[0]} gives it, in another section or paragraph: claim it where it stands"
    return message


def comments(text: str) -> list[re.Match]:
    """The HTML comments of a page whose fences are blanked: `<!--` in inline code opens none."""
    return [m for m in COMMENT_OR_CODE.finditer(text) if m.group().startswith("<!--")]


def masked_text(text: str, fence_spans, rules=STRUCTURAL) -> tuple[str, int]:
    """The page with code fences, HTML comments and structural numbers blanked; how many were structural."""
    for start, end in fence_spans:
        text = mask(text, start, end)
    for m in comments(text):
        text = mask(text, m.start(), m.end())
    structural = 0
    for pattern, _reason in rules:
        for m in re.finditer(pattern, text):
            kept = [w.span(w.lastindex) for w in TAG_WORDS.finditer(m.group())] if m.group().startswith("<") else []
            for start, end in zip([0] + [b for _, b in kept], [a for a, _ in kept] + [len(m.group())]):
                structural += len(NUMBER.findall(m.group()[start:end]))
                text = mask(text, m.start() + start, m.start() + end)
    return text, structural


LIST_ITEM = re.compile(r"([ \t>]*)(\d+)[.)](?=[ \t])")


def list_markers(text: str, line_of) -> tuple[list[tuple[int, int]], list[str]]:
    """(spans, failures) of a page's ordered-list markers, its fences blanked. A marker is structure only
    where Markdown makes it one (after a blank line, under its container, or in an open list); there it
    must count 1, 2, 3. Elsewhere ("... as the log shows.\n3. Far from it.") it is a number of the text."""
    spans, failures, lists, previous, pos = [], [], {}, "", 0  # lists: indent -> the last item's number
    for line in text.split("\n"):
        m = LIST_ITEM.match(line)
        indent = len(m[1]) if m else len(line) - len(line.lstrip())
        if line.strip() and (not m or indent not in lists):  # text, or a new list, ends the lists as deep
            if not previous.strip() or line.lstrip().startswith("#") or m:
                lists = {i: n for i, n in lists.items() if i < indent}
        if m and (not previous.strip() or indent in lists or len(previous) - len(previous.lstrip()) < indent):
            number, expected = int(m[2]), lists.get(indent, 0) + 1
            if number != expected:
                failures.append(
                    f"{line_of(pos)}: an ordered list counts 1, 2, 3: this item says {number}, not {expected}"
                )
            lists[indent] = number
            spans.append((pos + m.start(2), pos + m.end(2)))
        previous, pos = line, pos + len(line) + 1
    return spans, failures


def output_of(block) -> str:
    """What a block printed (its output fence, if it did not run), or a doctest's expected output."""
    if block.doctest:  # its expected output, but not a traceback's stack, which doctest does not compare
        lines = [ln for ln in block.lines if ln.strip() and not ln.lstrip().startswith((">>>", "..."))]
        stack = any(ln.lstrip().startswith("Traceback (most recent call last)") for ln in lines)
        return "\n".join(ln for ln in lines if not (stack and ln[:1].isspace()))
    return block.output or "" if getattr(block, "printed", None) is None else block.printed


class Layout:
    """Where a line of a page stands: its section (between headings) and its paragraph (between blank
    lines). A number in the text is held to the code of its own section and the claims of its own paragraph."""

    def __init__(self, text: str, fence_spans):
        self.newlines = [i for i, c in enumerate(text) if c == "\n"]
        for start, end in fence_spans:
            text = mask(text, start, end)
        lines = text.split("\n")
        self.headings = [n for n, ln in enumerate(lines, 1) if re.match(r"[ \t]*#{1,6}[ \t]", ln)]
        self.blanks = [n for n, ln in enumerate(lines, 1) if not ln.strip()]

    def line_at(self, pos: int) -> int:
        return bisect.bisect_left(self.newlines, pos) + 1

    def section(self, line: int) -> int:
        return bisect.bisect_right(self.headings, line)

    def paragraph(self, line: int) -> int:
        return bisect.bisect_left(self.blanks, line)


def quotes(code: str, quotable: str) -> bool:
    """Inline code quotes the page's code or output verbatim, and whole: `0.0` is not the start of 0.000."""
    start = r"(?<![\w.])" if code[0].isdigit() else r"(?<!\w)" if code[0].isalnum() else ""
    edges = start, r"(?![\w]|\.\d)" if code[-1].isalnum() else ""
    return re.search(edges[0] + re.escape(code) + edges[1], quotable) is not None


def check_page(text: str, where: str, blocks, claimed: list[tuple[float, int, str, int]], root=None) -> Report:
    """Account for every number in a page's text.

    blocks are the page's code blocks (line, lines, origin, output, printed, doctest), claimed its claims'
    (value, line, expression, its place in the claim); root, if given, shortens the paths of snippet files
    in messages. The module's docstring says what ties a number."""
    report = Report()
    fences = [(m.start(), m.end()) for m in FENCE.finditer(text)]
    layout = Layout(text, fences)
    line_at = layout.line_at
    body, report.counts["structural"] = masked_text(text, fences)
    markers, wrong = list_markers(body, line_at)
    report.failures += [f"{where}:{message}" for message in wrong]
    report.counts["structural"] += len(markers)
    for start, end in markers:
        body = mask(body, start, end)

    quotable = " ".join(" ".join(block.lines or block.body) + " " + output_of(block) for block in blocks)
    quotable = re.sub(r"\s+", " ", quotable)
    shown: list[Shown] = []
    for m in INLINE_CODE.finditer(body):
        code, _ = masked_text(m[2], [], CODE_STRUCTURAL)
        numbers = [
            read_number(n, line_at(m.start(2) + n.start()), "code", where, m.start(2)) for n in NUMBER.finditer(code)
        ]
        if BARE.fullmatch(m[2]):  # `0.005`, `[4, 1]`: numbers alone quote nothing in particular
            for number in numbers:
                number.kind = "prose, in inline code"
            shown += numbers
        elif numbers and quotes(re.sub(r"\s+", " ", text[m.start(2) : m.end(2)].strip()), quotable):
            report.numbers += [(number, "quoted") for number in numbers]
        else:
            shown += numbers
        body = mask(body, m.start(), m.end())
    for m in MATH.finditer(body):
        start = next(m.start(g) for g in range(1, 5) if m.group(g) is not None)
        span = next(g for g in m.groups() if g is not None)
        checked, inputs, results, wrong = arithmetic(span, start)
        report.failures += [f"{where}:{line_at(pos)}: {message}" for pos, message in wrong]
        for n in NUMBER.finditer(span):
            number = read_number(n, line_at(start + n.start()), "math", where, start)
            if any(a <= number.pos < b for a, b in results) or (
                any(a <= number.pos < b for a, b in inputs) and abs(number.value) not in (0, 1, 2)
            ):
                shown.append(number)  # an input or the result of its chain: tied like any other number
                number.kind = "math, an input or the result of a chain"
            elif any(a <= number.pos < b for a, b in checked):
                report.numbers.append((number, "arithmetic"))
            elif any(p.start() <= n.start() < p.end() for p in POWER.finditer(span)):
                if n[0] == "2":  # a square: x^2, \frac{d^2 L}{dw^2}
                    report.counts["structural"] += 1
                elif re.search(rf"\*\*\s*\(?{re.escape(n[0])}(?![\d.])", quotable):
                    report.numbers.append((number, "quoted"))  # b^3 where the code has b**3
                else:
                    shown.append(number)
            elif any(
                s.start() <= n.start("digits") < s.end() for p, _ in MATH_STRUCTURAL for s in re.finditer(p, span)
            ):
                report.counts["structural"] += 1
            else:
                shown.append(number)
        body = mask(body, m.start(), m.end())
    shown += [read_number(n, line_at(n.start()), "prose", where, 0) for n in NUMBER.finditer(body)]
    for fence in FENCE.finditer(text):  # a fence's title is text too: `title="... 500 epochs"`
        title = TITLE.search(text[fence.start() : text.index("\n", fence.start())])
        if title:
            words, _ = masked_text(title["title"], [])
            start = fence.start() + title.start("title")
            shown += [read_number(n, line_at(start), "a fence's title", where, start) for n in NUMBER.finditer(words)]
    shown += [read_word(w, line_at(w.start()), where) for w in WORD.finditer(body)]

    outputs = {block.line: [(v, block.line) for v in numbers_in(output_of(block))] for block in blocks}
    printing = sorted(line for line, values in outputs.items() if values)
    paragraphs: dict[int, list] = {}  # paragraph -> its claims' (value, line, expression, place), in order
    for claim in sorted(claimed, key=lambda c: (c[1], c[3])):  # where they stand, not when they ran (claim after:)
        paragraphs.setdefault(layout.paragraph(claim[1]), []).append(claim)
    everywhere = [vl for values in outputs.values() for vl in values] + [(v, line) for v, line, *_ in claimed]
    cursors, used = dict.fromkeys(paragraphs, 0), set()  # a paragraph's numbers take its claims' values in order

    @functools.cache
    def printed_for(section: int, above: int) -> tuple[list, list]:
        """The (value, line)s a number may quote, and their values sorted: its section's outputs, or else
        the last output above it (above: how many printing blocks stand above it)."""
        own = [line for line in printing if layout.section(line) == section] or printing[:above][-1:]
        printed = [vl for line in own for vl in outputs[line]]
        return printed, sorted(v for v, _ in printed)

    for number in sorted(shown, key=lambda n: n.pos):
        section, paragraph = layout.section(number.line), layout.paragraph(number.line)
        printed, values = printed_for(section, bisect.bisect_left(printing, number.line))
        claims = paragraphs.get(paragraph, [])
        taken = next((i for i in range(cursors.get(paragraph, 0), len(claims)) if number.matches(claims[i][0])), None)
        if number.kind == "prose, in words":  # a count in words: its paragraph's claims, in any order, or printed
            matching = {c[1:] for c in claims if number.matches(c[0])}
            used |= matching
            kind = "claimed" if matching else printed_or_literal(number, values)
            if not kind:
                report.failures.append(unaccounted(number, printed + [(c[0], c[1]) for c in claims], everywhere))
        elif taken is not None:
            cursors[paragraph], kind = taken + 1, "claimed"
            used.add(claims[taken][1:])
        elif claims and number.exact or number.kind == "code":
            kind = None
            if any(number.matches(claim[0]) for claim in claims):
                why = ", out of the order of its paragraph's claims"
            elif number.kind == "code":
                why = "; inline code quotes a block's code or output verbatim, or is claimed"
            else:
                why = "; a paragraph with claims takes its whole numbers from them"
            report.failures.append(unaccounted(number, [(v, line) for v, line, *_ in claims] or printed) + why)
        else:  # a decimal, in a paragraph with claims or not, or a whole number in one without
            kind = printed_or_literal(number, values)
            if not kind:
                near = printed + [(v, line) for v, line, *_ in claims]
                report.failures.append(unaccounted(number, near, everywhere))
        report.numbers.append((number, kind))
    for _, line, expression, place in claimed:
        if (line, expression, place) not in used:
            report.failures.append(f"{where}:{line}: the claim `{expression}` ties no number of its paragraph")
            used.add((line, expression, place))
    for _, kind in report.numbers:
        report.counts[kind or "unaccounted"] += 1

    for block in blocks:  # comments and docstrings quote their own block's output and literals
        own_output = [(v, 0) for v in numbers_in(output_of(block))]
        own_values = sorted(v for v, _ in own_output), sorted(literals([block]))
        for words, path, line in words_in_code(block):
            if not any(c.isdigit() for c in words):
                continue
            path = os.path.relpath(path, root) if root else path
            words, _ = masked_text(words, [])
            for n in NUMBER.finditer(words):
                number = read_number(n, line, "a comment", path)
                if not printed_or_literal(number, *own_values):
                    report.failures.append(unaccounted(number, own_output, gives="its block prints"))
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
