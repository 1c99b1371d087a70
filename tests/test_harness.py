"""The doc-test harness, tested: it must fail on every fault a page can have, and say where."""

import re
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
import torch  # noqa: F401  pytester's in-process runs unload modules first imported in them; torch can't reload

from tests.conftest import background
from tests.docs_harness import DocsHarness

ROOT = Path(__file__).resolve().parent.parent
MKDOCS_YML = """\
docs_dir: docs
markdown_extensions:
  - pymdownx.superfences:
      disable_indented_code_blocks: true
  - pymdownx.snippets:
      base_path: ["."]
      check_paths: true
"""
CONFTEST = (ROOT / "conftest.py").read_text()  # the real one: its hooks are under test too
BOOM = 'print("before")\nx = 1\nraise ValueError("boom")\n'
STEP = '"""One step of gradient descent (chapter 2)."""\nw = 0\nprint(-30)  # the gradient at w = 0: -30\n'
WARNS = "```python\nimport warnings\nfor step in (1, 2):\n    warnings.warn('careful')\n    print(step)\n```\n\n"
SHOWS_THE_WARNING = WARNS + '```text title="Output and warning"\nUserWarning: careful\n1\n2\n```\n'
GOOD = '```python\nprint(1.25)\n```\n\n```text title="Output"\n1.25\n```\n'
# Every way a number in the text is accounted for (tests/text_numbers.py): printed, claimed, arithmetic, structural, literal.
NUMBERS = """\
## 2. The step

### Way 4: by hand

```python title="snippets/step.py"
--8<-- "snippets/step.py"
```

```text title="Output"
-30
```

```python
x = 7
lr = 0.5
steps, rate, L = 12, 0.01, 15
cube = x**3
print(1.25)
```

```text title="Output"
1.25
```

The gradient is −30, and $1 - \\eta L$ shrinks the error when $0 < \\eta$; $x^3$ from `x**3`.

It printed $1.25$, about 1.3, from `x = 7`; $1 - 0.01 \\cdot 15 = 0.85$, and
$\\frac{2}{15} \\approx 0.133$, as chapter 3 of notebook 001 in Python 3.11 says[^1].
<!-- claim: rate; L; 1 - rate * L; L; 2 / L -->

Set $\\eta = 0.5$ and $x^2 = 49$, so `lr = 0.5`, with 12 steps, twelve:
<!-- claim: lr; x**2; steps -->

1. predict;
2. update.

| 1.25 | ![a plot of 1.25](a.svg){ width="300" } |
| --- | --- |

[^1]: A footnote.
"""

# page text -> what the failure report must contain
FAULTS = {
    "wrong digit": (
        '```python\nprint(1.25)\n```\n\n```text title="Output"\n1.26\n```\n',
        ["page.md:1", "-1.26", "+1.25"],
    ),
    "raising include": (
        '```python title="snippets/boom.py"\n--8<-- "snippets/boom.py"\n```\n',
        ["page.md:1", "snippets/boom.py:3", "ValueError: boom"],
    ),
    "raising inline block": ("text\n\n```python\nx = 1\n1 / 0\n```\n", ["page.md:3", "page.md:5", "ZeroDivisionError"]),
    "titled block": ('```python title="a title"\nraise ValueError("titled")\n```\n', ["page.md:1", "titled"]),
    "py fence": ('```py\nraise ValueError("py fence")\n```\n', ["py fence"]),
    "hl_lines and annotations": ('``` python hl_lines="1"\nraise ValueError("attrs") # (1)!\n```\n', ["attrs"]),
    "block in an admonition": (
        '!!! note\n    ```python\n    raise ValueError("indented")\n    ```\n',
        ["page.md:2", "indented"],
    ),
    "missing include": (
        '```python\n--8<-- "snippets/nope.py"\n```\n',
        ["page.md:1", "snippets/nope.py", "could not be found"],
    ),
    "missing section": ('```python\n--8<-- "snippets/boom.py:nosuch"\n```\n', ["nosuch", "could not be located"]),
    "doctest": ("```pycon\n>>> 1 + 1\n3\n```\n", ["page.md:1", "Expected", "3", "Got", "2"]),
    "doctest in a python fence": ("```python\n>>> 2 * 2\n5\n```\n", ["Expected", "5", "4"]),
    "output after no code": ('Text.\n\n```text title="Output"\n42\n```\n', ["page.md:3", "follows no code block"]),
    "printed but shows no output": ('```python\nprint("hidden")\n```\n', ["no output fence", "hidden"]),
    "warning": ('```python\nimport warnings\nwarnings.warn("careful")\n```\n', ["UserWarning: careful"]),
    "a warning PyTorch gives once per process": (
        "```python\nimport torch, warnings\nw = torch.ones(1, requires_grad=True)\n"
        "with warnings.catch_warnings(record=True):\n    warnings.simplefilter('always')\n    '%f' % w\n```\n\n```python\n'%f' % w\n```\n",
        ["page.md:9", "UserWarning: Converting a tensor with requires_grad=True to a scalar"],
    ),
    "skip without reason": ('```python title="Not run:"\nprint(1)\n```\n', ["must say why"]),
    # numbers in the text: each changed number is named with page:line and the nearest number the code gives
    "a changed number in prose": (
        GOOD + "\nIt printed 1.26.\n",
        ["page.md:9: 1.26 (prose)", "nearest number its section's code or its paragraph's claims give is 1.25"],
    ),
    "a changed number in math": (GOOD + "\nText.\n\n$$\nw = 1.35\n$$\n", ["page.md:12: 1.35 (math)", "1.25"]),
    "a changed decimal shown with more digits": (GOOD + "\nIt printed $1.250001$.\n", ["page.md:9: 1.250001"]),
    "a whole number the code gives only approximately": (
        '```python\nprint(1.999)\n```\n\n```text title="Output"\n1.999\n```\n\nIt is 2.\n',
        ["page.md:9: 2 (prose)", "nearest number its section's code or its paragraph's claims give is 1.999"],
    ),
    "a changed sign": (GOOD + "\nIt printed −1.25.\n", ["page.md:9: -1.25 (prose)"]),
    "a changed number in a caption": (
        GOOD
        + '\n<figure markdown="span">\n  ![A plot.](a.svg)\n  <figcaption>It ends at 1.4.</figcaption>\n</figure>\n',
        ["page.md:11: 1.4 (prose)"],
    ),
    "a changed number in alt text": (GOOD + "\n![A plot that ends at 1.4](a.svg)\n", ["page.md:9: 1.4 (prose)"]),
    "a changed number in an admonition": (GOOD + '\n!!! note "Note"\n    It printed 2.25.\n', ["page.md:10: 2.25"]),
    "a changed number in a table": (GOOD + "\n| a | b |\n| --- | --- |\n| 1.25 | 3 |\n", ["page.md:11: 3 (prose)"]),
    "a number in inline code that is no literal": (GOOD + "\nSee `print(8)`.\n", ["page.md:9: 8 (code)"]),
    "wrong arithmetic in math": (
        GOOD + "\nHere $1 - 0.01 \\cdot 15 = 0.86$.\n",
        ["page.md:9: `1 - 0.01 \\cdot 15 = 0.86` is wrong: the left side is 0.85"],
    ),
    "wrong arithmetic in a fraction": (
        GOOD + "\nHere $\\frac{2}{15} \\approx 0.143$.\n",
        ["page.md:9: `\\frac{2}{15} \\approx 0.143` is wrong: the left side is 0.133333"],
    ),
    "a claim that changed": (
        "```python\nrate = 0.1 * 3\n```\n\nA rate of 0.2.\n<!-- claim: rate -->\n",
        ["page.md:5: 0.2", "nearest number its section's code or its paragraph's claims give is 0.3 (line 6)"],
    ),
    "a claim of literals only": (
        GOOD + "\nA rate.\n<!-- claim: 0.1 * 3 -->\n",
        ["page.md:10", "the claim `0.1 * 3` failed", "names nothing the code computed"],
    ),
    "a claim that assigns": (GOOD + "\n<!-- claim: (x := 3) -->\n", ["the claim `(x := 3)` failed", "assigns"]),
    "a claim that mutates": (
        '```python\nX = [1, 2]\nprint(len(X))\n```\n\n```text title="Output"\n2\n```\n\n<!-- claim: X.append(7) or len(X) -->\n',
        ["`.append()`, which changes"],
    ),
    "a claim that sets an attribute": (
        GOOD + "\n<!-- claim: setattr(np, 'pi', 3) or 1 -->\n",
        ["`setattr` is neither"],
    ),
    "a claim that reaches the environment": (
        "```python\nimport os\n```\n\n<!-- claim: os.putenv('BOOK_UPDATE_OUTPUTS', '1') or len(os.sep) -->\n",
        ["it calls into `os`"],
    ),
    "a claim that reaches a dunder": (GOOD + "\n<!-- claim: len.__self__ -->\n", ["`__self__`"]),
    "a claim that gives its own literal": (
        "```python\ny = 1.0\n```\n\n<!-- claim: y * 0 + 0.7 -->\n",
        ["its own literal 0.7"],
    ),
    "a claim that wraps a literal": ("Text.\n<!-- claim: float(0.7) -->\n", ["names nothing the code computed"]),
    "a claim of many numbers": (
        "```python\nn = 100000\n```\n\n<!-- claim: list(range(n)) -->\n",
        ["`range` is neither"],
    ),
    "a claim that fails": (
        GOOD + "\n<!-- claim: nothing -->\n",
        ["page.md:9", "the claim `nothing` failed", "`nothing` is neither the code's name"],
    ),
    # numbers are held to their own section's outputs and their own paragraph's claims, in order
    "a number printed only in another section": (
        GOOD + '\n## Later\n\n```python\nprint(3)\n```\n\n```text title="Output"\n3\n```\n\nIt printed 1.25.\n',
        ["page.md:19: 1.25 (prose)", "line 1 gives it, in another section or paragraph"],
    ),
    "a claim of another paragraph": (
        "```python\nrate = 2.3\n```\n\nA rate.\n<!-- claim: rate -->\n\nIt is 2.3.\n",
        ["page.md:8: 2.3 (prose)", "line 6 gives it, in another section or paragraph"],
    ),
    "numbers out of their claims' order": (
        GOOD + "\n```python\na, b = 2, 3\n```\n\nFirst 3, then 2.\n<!-- claim: a; b -->\n",
        ["page.md:13: 2 (prose)", "out of the order of its paragraph's claims"],
    ),
    "an input of a chain that no code gives": (
        GOOD + "\n```python\nlr = 0.01\n```\n\nSo $1 - 0.02 \\cdot 15 = 0.70$.\n<!-- claim: lr -->\n",
        ["page.md:13: 0.02 (math, an input or the result of a chain)"],
    ),
    "a whole number of a claimed paragraph that only an output gives": (
        GOOD.replace("1.25", "3")
        + "\n```python\nrate = 0.5\n```\n\nIt printed 3 at a rate of 0.5.\n<!-- claim: rate -->\n",
        ["page.md:13: 3 (prose)", "a paragraph with claims takes its whole numbers from them"],
    ),
    "a claim after no block": ("Points.\n<!-- claim after: X -->\n", ["page.md:2", "none follows"]),
    "a claim that ties no number": (
        "```python\nrate = 0.5\n```\n\nA rate.\n<!-- claim: rate -->\n",
        ["page.md:6: the claim `rate` ties no number of its paragraph"],
    ),
    "a claim said twice that ties one number": (
        "```python\nrate = 0.5\n```\n\nA rate of 0.5.\n<!-- claim: rate; rate -->\n",
        ["page.md:6: the claim `rate` ties no number of its paragraph"],
    ),
    "inline code that quotes no code": (
        GOOD + "\n```python\nX = [1, 2, 3, 4]\n```\n\nThe data are `X = [1, 2, 3, 5]`.\n",
        ["page.md:13: 5 (code)", "inline code quotes a block's code or output verbatim, or is claimed"],
    ),
    "a count in words that no code gives": (
        "```python\nways = ['by hand', 'autograd', 'finite difference']\nprint(len(ways))\n```\n\n```text title=\"Output\"\n3\n```\n\nFour ways agree.\n",
        ["page.md:10: Four (prose, in words)", "nearest number its section's code or its paragraph's claims give is 3"],
    ),
    "a power that no code gives": (GOOD + "\nIts error shrinks like $h^3$.\n", ["page.md:9: 3 (math)"]),
    # found by a mutation hunt: each went green before
    "a consistent chain whose result no code gives": (
        GOOD + "\nSo $2 \\cdot (-2) \\cdot 1 = -4$.\n",
        ["page.md:9: -4 (math, an input or the result of a chain)"],
    ),
    "a bare number in inline code that only other code has": (
        GOOD + "\n```python\nx = 2.0\n```\n\n## Later\n\nThe weight is `2.0`.\n",
        ["page.md:15: 2.0 (prose, in inline code)"],
    ),
    "a claim that computes from text": (
        "```python\nrate = 0.5\n```\n\n<!-- claim: len(f'{rate}') -->\n",
        ["it writes a string"],
    ),
    "a claim that calls a function on each item": (
        "```python\nX = [1, 2]\n```\n\n<!-- claim: max([len(X)], key=X.append) -->\n",
        ["it passes `key=`"],
    ),
    "a claim that draws random numbers": (
        "```python\nimport numpy as np\nX = np.ones(2)\n```\n\n<!-- claim: np.random.poisson(X).sum() * 0 + len(X) -->\n",
        ["it changed the code's state"],
    ),
    "a collapsed output that differs": (
        '```python\nprint(6 * 7)\n```\n\n??? example "Output"\n    ```text title="Output"\n    41\n    ```\n',
        ["page.md:1"],
    ),
    "a collapsed box under a block whose title does not say output": (
        '```python\nx = 6 * 7\n```\n\n??? example "The log"\n    ```text title="Output"\n    42\n    ```\n',
        ["follows no code block"],
    ),
    "a claim that draws random numbers, after the code drew some": (
        "```python\nimport numpy as np\nnp.random.seed(0)\nX = np.random.rand(2)\n```\n\n"
        "<!-- claim: np.random.poisson(X).sum() * 0 + len(X) -->\n",
        ["it changed the code's state"],
    ),
    "a claim that changes an array held in a dict": (
        "```python\nimport numpy as np\nparams = {'W': np.zeros(2)}\n```\n\n"
        "<!-- claim: np.negative.at(params['W'], 0) or len(params) -->\n",
        ["it changed the code's state"],
    ),
    "a doctest that ignores an error's message": (
        "```pycon\n>>> int('x')  # doctest: +IGNORE_EXCEPTION_DETAIL\nTraceback (most recent call last):\nValueError: another\n```\n",
        ["page.md:2", "IGNORE_EXCEPTION_DETAIL"],
    ),
    "a number of a traceback's stack, which doctest does not compare": (
        '```pycon\n>>> 1 / 0\nTraceback (most recent call last):\n  File "<stdin>", line 17, in <module>\n'
        "ZeroDivisionError: division by zero\n```\n\nThe stack points at line 17.\n",
        ["page.md:8: 17 (prose)"],
    ),
    "math that looks like an HTML tag": (GOOD + "\nIt holds $s<w$ after 30 steps, $w>s$.\n", ["page.md:9: 30 (prose)"]),
    "a number after chapter numbers and a comma": (
        GOOD + "\nIt matches chapters 2 and 4, 13 lines in all.\n",
        ["page.md:9: 13 (prose)"],
    ),
    "a heading's number after a word": (GOOD + "\n### Epoch 7: forgetting\n", ["page.md:9: 7 (prose)"]),
    "a heading's count without a dot": (GOOD + "\n## 3 Checks with a finite difference\n", ["page.md:9: 3 (prose)"]),
    "math braces that look like attributes": (GOOD + "\nThe set $\\{w=3\\}$.\n", ["page.md:9: 3 (math)"]),
    "a figure whose program is not under it": (
        GOOD + '\n<figure markdown="span">\n  ![A plot](assets/figures/loss.svg)\n</figure>\n\n```python\nx = 1\n```\n',
        ["page.md:9", "must be its program, snippets/figure_loss.py"],
    ),
    "a block that sets a timer": (
        "```python\nimport signal\nsignal.signal(signal.SIGALRM, lambda *a: print('late'))\n"
        "signal.setitimer(signal.ITIMER_REAL, 60)\n```\n",
        ["page.md:1", "sets a timer or a signal handler"],
    ),
    "a number in a fence's title": (
        '```python title="A loop of 500 epochs"\nprint(1.25)\n```\n\n```text title="Output"\n1.25\n```\n',
        ["page.md:1: 500 (a fence's title)"],
    ),
    "a shown-only fence with numbers": (
        GOOD + "\nThe log:\n\n```text\nepoch 1: w = 2.1\n```\n",
        ["page.md:11", "shows numbers that nothing checks"],
    ),
    "a list that does not count": (GOOD + "\nSteps:\n\n1. predict\n3. loss\n", ["page.md:12", "says 3, not 2"]),
    "a number that starts a line of a paragraph": (
        GOOD + "\nThe log shows it.\n3. Far from it.\n",
        ["page.md:10: 3 (prose)"],
    ),
    "a number in a heading that is no section number": (GOOD + "\n## 0.5 is the best rate\n", ["page.md:9: 0.5"]),
    "a heading's count": (GOOD + "\n## Used 3 times\n", ["page.md:9: 3 (prose)"]),
    "a number after a chapter number": (GOOD + "\nChapter 2, 7 samples.\n", ["page.md:9: 7 (prose)"]),
    "a number in an image's HTML alt text": (GOOD + '\n<img alt="It ends at 1.4" src="a.svg">\n', ["page.md:9: 1.4"]),
    "a number in a link's title": (GOOD + '\n[a plot](a.svg "It ends at 1.4")\n', ["page.md:9: 1.4"]),
    "a changed number in a snippet's comment": (
        '```python title="snippets/step.py"\n--8<-- "snippets/step.py"\n```\n\n```text title="Output"\n-30\n```\n',
        ["snippets/step.py:3: -31 (a comment)", "nearest number its block prints is -30"],
    ),
}
FAULTS |= {
    "a warning the output fence does not show": (
        WARNS + '```text title="Output and warning"\n1\n2\n```\n',
        ["page.md:1", "+UserWarning: careful"],
    ),
    "a warning under a plain output fence": (
        WARNS + '```text title="Output"\nUserWarning: careful\n1\n2\n```\n',
        ["page.md:1", "UserWarning: careful"],
    ),
}
FAULTS |= {  # ways a page could show code that never ran
    "a Python fence": ('```Python\nraise ValueError("capital")\n```\n', ["page.md:1", "ValueError: capital"]),
    "a py3 fence": ('```py3\nraise ValueError("py3")\n```\n', ["page.md:1", "ValueError: py3"]),
    "a python3 fence": ('```python3 title="x"\nraise ValueError("python3")\n```\n', ["ValueError: python3"]),
    "an ipython fence": ('```ipython\nraise ValueError("ipython")\n```\n', ["ValueError: ipython"]),
    "a python-console fence": ("```python-console\n>>> 1 + 1\n3\n```\n", ["page.md:1", "Expected", "3", "Got", "2"]),
    "a fence in an unknown language": (
        "```rust\nfn main() {}\n```\n",
        ["page.md:1", "'rust' is not run", "python or pycon"],
    ),
    "a fence with no language": ("```\nprint(2)\n```\n", ["page.md:1", "no language"]),
    "prompts in a text fence": ("Text.\n\n```text\n>>> 1 + 1\n3\n```\n", ["page.md:3", ">>> prompts", "pycon"]),
    "a pycon fence without a prompt": ("```pycon\n1 + 1\n```\n", ["page.md:1", "must start with a >>> prompt"]),
    "an output fence after a doctest": (
        '```pycon\n>>> 1 + 1\n2\n```\n\n```text title="Output"\n3\n```\n',
        ["page.md:1", "not compared"],
    ),
    "an output fence after a block not run": (
        '```python title="Not run: slow"\nprint(1)\n```\n\n```text title="Output"\n1\n```\n',
        ["page.md:1", "no output"],
    ),
    "an output title in lower case": (
        '```python\nprint(1.25)\n```\n\n```text title="output"\n1.26\n```\n',
        ["-1.26", "+1.25"],
    ),
    "an output title in single quotes": (
        "```python\nprint(1.25)\n```\n\n```text title='Output'\n1.26\n```\n",
        ["-1.26", "+1.25"],
    ),
    "a title naming another file": (
        '```python title="snippets/step.py"\n--8<-- "snippets/boom.py"\n```\n',
        ["page.md:1", "the title names snippets/step.py but the block shows snippets/boom.py"],
    ),
    "a title naming a file over typed code": (
        '```python title="snippets/step.py"\nprint(-30)\n```\n\n```text title="Output"\n-30\n```\n',
        ["page.md:1", "code typed into the page"],
    ),
    # a block that runs after a program says which (README, "continues snippets/NAME.py"): one shown above it
    "a continuation of a program no block above shows": (
        '```python title="continues snippets/step.py"\nprint(w)\n```\n\n```text title="Output"\n0\n```\n',
        ["page.md:1", "continues snippets/step.py, but no block above it on this page shows that program"],
    ),
    "a continuation of a program shown only below it": (
        '```python title="continues snippets/step.py"\nprint(1)\n```\n\n```text title="Output"\n1\n```\n\n'
        '```python title="snippets/step.py"\n--8<-- "snippets/step.py"\n```\n\n```text title="Output"\n-30\n```\n',
        ["page.md:1", "no block above it on this page shows that program"],
    ),
    "a continuation that shows another file": (
        '```python title="snippets/step.py"\n--8<-- "snippets/step.py"\n```\n\n```text title="Output"\n-30\n```\n\n'
        '```python title="continues snippets/step.py"\n--8<-- "snippets/boom.py"\n```\n',
        ["page.md:9", "the title names snippets/step.py but the block shows snippets/boom.py"],
    ),
    "a .markdown page": ('```python\nraise ValueError("markdown")\n```\n', ["page.markdown:1", "ValueError: markdown"]),
    "an indented code block (prose on the site)": ("Text.\n\n    print(1.5)\n", ["page.md:3: 1.5 (prose)"]),
    "a fence in a blockquote": ("> Quote.\n>\n> ```python\n> print(1)\n> ```\n", ["page.md:3", "inside a blockquote"]),
    "stderr": ('```python\nimport sys\nprint("oops", file=sys.stderr)\n```\n', ["page.md:1", "sys.stderr", "oops"]),
    "os.write": ('```python\nimport os\nos.write(1, b"hidden\\n")\n```\n', ["page.md:1", "around print", "hidden"]),
    "sys.__stdout__": (
        '```python\nimport sys\nprint("hidden", file=sys.__stdout__)\n```\n',
        ["around print", "hidden"],
    ),
    "a subprocess": (
        '```python\nimport subprocess\nsubprocess.run(["echo", "hidden"])\n```\n',
        ["around print", "hidden"],
    ),
    "atexit": (
        '```python\nimport atexit\natexit.register(print, "late")\n```\n',
        ["page.md:1", "exit functions", "atexit"],
    ),
    "a file left open": ('```python\nf = open("x.txt", "w")\n```\n\n' + GOOD, ["page.md:1", "leaves", "x.txt", "open"]),
    "a block that exits": (
        '```python\nraise SystemExit("bye")\n```\n\n' + GOOD,
        ["page.md:1", "the block raised SystemExit: bye"],
    ),
    "a file never closed": (
        '```python\nopen("y.txt", "w").write("a")\n```\n\n' + GOOD,
        ["page.md:1", "ResourceWarning", "y.txt"],
    ),
    "os._exit": ("```python\nimport os\nos._exit(0)\n```\n\n" + GOOD, ["page.md:1", "SystemExit: os._exit(0)"]),
}
FAULTS |= {  # output that comes after the block ended: blamed on it, not on a later block (GOOD, which passes)
    "logging": (
        '```python\nimport logging\nlogging.warning("careful")\n```\n\n' + GOOD,
        ["page.md:1", "sys.stderr", "WARNING:root:careful"],
    ),
    "a __del__ that prints when freed": (
        '```python\nclass Node:\n    def __del__(self):\n        print("freed")\n\n'
        "node = Node()\nnode.self = node\ndel node\n```\n\n" + GOOD,
        ["page.md:1", "garbage collector", "freed"],
    ),
    "a weakref.finalize that prints": (
        "```python\nimport weakref\nclass Node:\n    pass\n\nnode = Node()\nnode.self = node\n"
        'weakref.finalize(node, print, "finalized")\ndel node\n```\n\n' + GOOD,
        ["page.md:1", "garbage collector", "finalized"],
    ),
    "a thread left running": (
        "```python\nimport threading, time\n"
        'threading.Thread(target=lambda: (time.sleep(0.3), print("late"))).start()\n```\n\n'
        + GOOD.replace("print(1.25)", "import time\ntime.sleep(0.5)\nprint(1.25)"),
        ["page.md:1", "leaves threads", "running"],
    ),
}
FAULTS |= {  # ways a page could show code or output that nothing runs or compares
    "a fence inside an HTML comment": (
        "<!--\n```python\nw = 3\n```\n-->\n\n" + GOOD,
        ["page.md:2", "inside an HTML comment", "would run"],
    ),
    "a comment opener in inline code (no comment)": (
        "Write `<!--` to start a comment.\n\n" + GOOD + "\nIt printed 1.26; `-->` ends a comment.\n",
        ["page.md:11: 1.26 (prose)"],
    ),
    "an include outside a fence": (
        GOOD + '\n--8<-- "snippets/step.py"\n',
        ["page.md:9", "--8<--", "python or pycon fence"],
    ),
    "an include in a text fence": ('Text.\n\n```text\n--8<-- "snippets/step.py"\n```\n', ["page.md:4", "--8<--"]),
    "doctest text after a blank line": (
        "```pycon\n>>> print(1)\n1\n\n2\n```\n",
        ["page.md:5", "not compared"],
    ),
    "a skipped doctest example": ("```pycon\n>>> 1 + 1  # doctest: +SKIP\n3\n```\n", ["page.md:2", "+SKIP"]),
    "an untitled fence after a code block": (
        "```python\nx = 1.25\n```\n\n```text\n1.26\n```\n",
        ["page.md:5", "title it Output"],
    ),
    "a fence titled Result after a code block": (
        '```python\nx = 1.25\n```\n\n```text title="Result"\n1.26\n```\n',
        ["page.md:5", "title it Output"],
    ),
    "an output title with spaces around it": (
        '```python\nprint(1.25)\n```\n\n```text title=" Output "\n1.26\n```\n',
        ["page.md:1", "-1.26", "+1.25"],
    ),
    "Not run in a data-title": (
        '```{.python data-title="Not run: hidden"}\nraise ValueError("run anyway")\n```\n',
        ["page.md:1", "ValueError: run anyway"],
    ),
    "raw HTML pre": (
        GOOD + '\n<pre><code class="language-python">raise ValueError\n</code></pre>\n',
        ["page.md:9", "write code as a fence"],
    ),
    "raw HTML code with a language": (
        GOOD + '\nText <code class="language-py">raise ValueError</code>.\n',
        ["page.md:9", "write code as a fence"],
    ),
}
PAGE_NAMES = {"a .markdown page": "page.markdown"}
EDITS = {"a changed number in a snippet's comment": ("snippets/step.py", "w = 0: -30", "w = 0: -31")}


def make_book(pytester, page: str, name: str = "page.md", mkdocs_yml: str = MKDOCS_YML, in_process=True):
    pytester.makefile(".yml", mkdocs=mkdocs_yml)
    pytester.makeconftest(CONFTEST)
    (pytester.path / "snippets").mkdir(exist_ok=True)
    (pytester.path / "snippets" / "boom.py").write_text(BOOM)
    (pytester.path / "snippets" / "step.py").write_text(STEP)
    (pytester.path / "docs").mkdir()
    (pytester.path / "docs" / name).write_text(page)
    run = pytester.runpytest if in_process else pytester.runpytest_subprocess
    return run("-p", "no:cacheprovider", "-rs")


def messages(report: str) -> str:
    """Only what the harness said: not pytest's headers, locations or summary, which name page and line too."""
    return "\n".join(re.findall(r"did not evaluate as expected:\n(.*?)\n\S+:\d+: SybilFailure", report, re.DOTALL))


def test_passes_a_correct_page(pytester):
    make_book(pytester, GOOD).assert_outcomes(passed=2)  # the block, and the numbers in the text


def test_passes_a_warning_shown_as_the_lesson(pytester):
    """Titled "Output and warning", a fence shows each warning once, where it fires, as a reader sees it."""
    make_book(pytester, SHOWS_THE_WARNING).assert_outcomes(passed=2)


def test_passes_a_figure_whose_claim_reads_the_program_under_it(pytester):
    """Figure first, its program under it: a claim inside the figure is evaluated after that program."""
    page = (
        '<figure markdown="span">\n  ![A curve that ends at 1.4](a.svg)\n'
        "  <figcaption>It ends at 1.4.<!-- claim: end; end --></figcaption>\n</figure>\n\n"
        '??? example "The code behind this figure"\n    ```python\n    end = 1.4\n    ```\n'
    )
    make_book(pytester, page).assert_outcomes(passed=3)


def test_each_program_starts_with_no_figure_open(pytester):
    """As in a reader's fresh Python: a book of many figure programs does not add up to pyplot's warning."""
    figure = 'import matplotlib\nmatplotlib.use("Agg")\nimport matplotlib.pyplot as plt\n\nfig = plt.figure()\n'
    page = "".join(f'```python title="snippets/fig{k}.py"\n--8<-- "snippets/fig{k}.py"\n```\n\n' for k in range(21))
    pytester.path.joinpath("snippets").mkdir()
    for k in range(21):
        pytester.path.joinpath("snippets", f"fig{k}.py").write_text(figure)
    make_book(pytester, page).assert_outcomes(passed=22)


def test_passes_a_paragraph_whose_claim_reads_the_program_after_it(pytester):
    page = "We fit four points.\n<!-- claim after: len(X) -->\n\n```python\nX = [1, 2, 3, 4]\n```\n"
    make_book(pytester, page).assert_outcomes(passed=3)


def test_passes_a_block_that_continues_a_program_above(pytester):
    """Typed code, or the program's next part, titled with the program it runs after (shown above it)."""
    page = (
        '```python title="snippets/step.py"\n--8<-- "snippets/step.py"\n```\n\n```text title="Output"\n-30\n```\n\n'
        '```python title="continues snippets/step.py"\nprint(w + 1)\n```\n\n```text title="Output"\n1\n```\n'
    )
    make_book(pytester, page).assert_outcomes(passed=3)


def test_an_output_fence_may_sit_collapsed_right_under_its_block(pytester):
    page = (
        '```python\nprint(6 * 7)\n```\n\n??? example "Output: the same as before"\n    ```text title="Output"\n'
        "    42\n    ```\n"
    )
    make_book(pytester, page).assert_outcomes(passed=2)  # the block, and the page's numbers


def test_passes_every_way_to_account_for_a_number(pytester):
    result = make_book(pytester, NUMBERS)
    result.assert_outcomes(passed=5)


@pytest.mark.parametrize("fault", FAULTS)
def test_fails_on(pytester, fault):
    page, fragments = FAULTS[fault]
    if fault in EDITS:  # a snippet changed in the book: the page is correct without it
        make_book(pytester, page).assert_outcomes(passed=2)
        path, old, new = EDITS[fault]
        (pytester.path / path).write_text((pytester.path / path).read_text().replace(old, new))
        result = pytester.runpytest("-p", "no:cacheprovider", "-rs")
    else:
        result = make_book(pytester, page, PAGE_NAMES.get(fault, "page.md"))
    assert result.parseoutcomes().get("failed") == 1, result.stdout.str()
    report = messages(result.stdout.str())
    for fragment in fragments:
        assert fragment in report, f"{fragment!r} missing from the failure report:\n{report}"


# Blocks that end the pytest process, out of the harness's reach (it turns os._exit into SystemExit)
ENDS_THE_PROCESS = {
    "posix._exit(0)": "import posix\nposix._exit(0)",
    "SIGKILL": "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)",
    "a segfault": "import ctypes\nctypes.string_at(0)",
}


@pytest.mark.parametrize("end", ENDS_THE_PROCESS)
def test_a_run_that_ends_early_fails(pytester, monkeypatch, end):
    """The run fails, naming the block that ended it, even though the process exits 0 and its later
    blocks go unchecked (one with a wrong output here): a run is checked by a process of its own (conftest.py)."""
    monkeypatch.setenv("PYTHONPATH", str(ROOT))  # in a process of its own, the harness is imported from here
    page = f"```python\n{ENDS_THE_PROCESS[end]}\n```\n\n" + FAULTS["wrong digit"][0]
    result = make_book(pytester, page, in_process=False)
    assert result.ret != 0, result.stdout.str()
    assert "pytest ended before the run finished, while running docs/page.md::line:1,column:1" in result.stdout.str()


def test_indented_code_blocks_are_not_code_on_the_site(pytester):
    """Without the option, an indented block would render as code that no test runs: the harness refuses."""
    result = make_book(pytester, GOOD, mkdocs_yml=MKDOCS_YML.replace("true", "false"))
    assert result.ret != 0
    assert "disable_indented_code_blocks: true" in result.stdout.str() + result.stderr.str()
    options = {"pymdownx.superfences": {"disable_indented_code_blocks": True}}
    html = markdown.markdown("Text.\n\n    print(1)\n", extensions=["pymdownx.superfences"], extension_configs=options)
    assert "<pre" not in html and "<code" not in html


def test_skips_only_with_a_visible_reason(pytester):
    result = make_book(pytester, '```python title="Not run: needs a GPU"\nprint(1)\n```\n')
    result.assert_outcomes(skipped=1, passed=1)
    result.stdout.fnmatch_lines(["*needs a GPU*"])


def test_update_mode_rewrites_outputs_from_the_code(pytester, monkeypatch):
    monkeypatch.setenv("BOOK_UPDATE_OUTPUTS", "1")
    page = FAULTS["wrong digit"][0] + '\n```python\nprint("new")\n```\n'
    make_book(pytester, page).assert_outcomes(passed=3)
    assert (pytester.path / "docs" / "page.md").read_text() == (
        GOOD + '\n```python\nprint("new")\n```\n\n```text title="Output"\nnew\n```\n'
    )


FENCE_OPENING = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*\{?[ \t]*\.?(?!text|bash|yaml|toml|markdown)\w", re.MULTILINE)


@pytest.mark.parametrize("page", DocsHarness(ROOT).pages(), ids=lambda p: p.name)
def test_every_fence_of_the_book_is_collected(page):
    """An independent scan of the raw Markdown: every fence not in a display language is run or rejected."""
    text = page.read_text()
    fences = {text.count("\n", 0, m.start()) + 1 for m in FENCE_OPENING.finditer(text)}
    collected = {text.count("\n", 0, start) + 1 for start, _ in DocsHarness(ROOT).sybil.parse(page).regions}
    assert fences <= collected, f"{page.name}: fences at lines {sorted(fences - collected)} are not collected"


def test_no_page_escapes_the_harness():
    """mkdocs also renders what mkdocs-jupyter includes (*.ipynb): one in docs/ would show its stored outputs."""
    harness = DocsHarness(ROOT)
    notebooks = sorted(Path(harness.sybil.path).rglob("*.ipynb"))
    assert not notebooks, (
        f"notebooks in docs/ are rendered unchecked (chapter notebooks come from snippets/): {notebooks}"
    )


# -- the per-program test (tests/test_snippets.py), run on a throwaway book of programs ---------------
ELSEWHERE = "prints differently on another machine"
PROGRAMS = {  # program -> what the per-program test must say about it
    "prints_a_set_of_strings": (
        'print({"alpha", "beta", "gamma", "delta"})\n',
        ELSEWHERE,
    ),
    "prints_the_cpu_count": ("import os\nprint(os.cpu_count())\n", ELSEWHERE),
    "prints_the_user": ("import getpass\nprint(getpass.getuser())\n", ELSEWHERE),
    "prints_the_host": ("import socket\nprint(socket.gethostname())\n", ELSEWHERE),
    "prints_the_node": ("import platform\nprint(platform.node())\n", ELSEWHERE),
    "prints_the_architecture": (
        "import platform\nprint(platform.machine())\n",
        ELSEWHERE,
    ),
    "prints_torch_threads": ("import torch\nprint(torch.get_num_threads())\n", ELSEWHERE),
    "prints_torch_interop_threads": (
        "import torch\nprint(torch.get_num_interop_threads())\n",
        ELSEWHERE,
    ),
    "prints_the_cpu_capability": (
        "import torch\nprint(torch.backends.cpu.get_cpu_capability())\n",
        ELSEWHERE,
    ),
    "logs": ('import logging\nlogging.warning("careful")\n', "WARNING:root:careful"),
    "leaves_a_thread_running": (
        'import threading, time\nthreading.Thread(target=lambda: (time.sleep(0.3), print("late"))).start()\n',
        "leaves threads",
    ),
    "writes_to_stderr": ('import sys\nprint("oops", file=sys.stderr)\n', "sys.stderr"),
    "writes_to_fd_1": ('import os\nos.write(1, b"hidden\\n")\n', "around print"),
    "registers_an_exit_function": ('import atexit\natexit.register(print, "late")\n', "exit functions"),
    "imports_from_tests": ("from tests import run_alone\n", "No module named 'tests'"),
    "leaves_a_file_open": ('open("f.txt", "w").write("x")\n', "ResourceWarning"),
    "raises": (BOOM, "ValueError: boom"),
    "prints_what_the_page_shows": ('print("same")\n', None),
    "warns_as_the_lesson": ('import warnings\nfor _ in "ab":\n    warnings.warn("careful")\nprint("same")\n', None),
    "warns_unshown": ('import warnings\nwarnings.warn("careful")\nprint("same")\n', "UserWarning: careful"),
}
OUTPUT_TITLES = {"warns_as_the_lesson": ("Output and warning", "UserWarning: careful\nsame")}


def start_the_program_test(book: Path, page: str | dict[str, str], programs: dict[str, str], tests: str):
    """tests/test_snippets.py (-k tests) started on a throwaway book of one page (or of pages by name) and
    some programs; the tests' slow work (background in tests/conftest.py). finished() waits for it."""
    (book / "tests").mkdir()
    for name in ("__init__", "conftest", "docs_harness", "text_numbers", "run_alone", "test_snippets"):
        (book / "tests" / f"{name}.py").write_text((ROOT / "tests" / f"{name}.py").read_text())
    (book / "conftest.py").write_text(CONFTEST)
    (book / "mkdocs.yml").write_text(MKDOCS_YML)
    (book / "snippets").mkdir()
    for name, program in programs.items():
        (book / "snippets" / f"{name}.py").write_text(program)
    (book / "docs").mkdir()
    for name, text in (page if isinstance(page, dict) else {"page.md": page}).items():
        (book / "docs" / name).write_text(text)
    command = [sys.executable, "-m", "pytest", "tests/test_snippets.py", "-k", tests, "-p", "no:cacheprovider"]
    log = (book / "pytest.log").open("w+")  # a file: a full pipe would stall the run
    return subprocess.Popen(command, cwd=book, stdout=log, stderr=subprocess.STDOUT, text=True), log


def finished(started) -> tuple[int, str]:
    """(exit status, what it printed) of a run start_the_program_test started."""
    run, log = started
    status = run.wait(timeout=600)
    log.seek(0)
    return status, log.read()


@background("program_tests")
def programs_tested(folder: Path):
    page = ""
    for name in PROGRAMS:
        title, output = OUTPUT_TITLES.get(name, ("Output", "same"))
        page += f'```python title="snippets/{name}.py"\n--8<-- "snippets/{name}.py"\n```\n\n```text title="{title}"\n{output}\n```\n\n'
    programs = {name: program for name, (program, _) in PROGRAMS.items()}
    return start_the_program_test(folder, page, programs, "copied")


@pytest.fixture(scope="module")
def program_tests() -> dict[str, str]:
    """tests/test_snippets.py run on a book of PROGRAMS: program -> its test's report ("" if it passed)."""
    _, printed = finished(programs_tested())
    sections = re.split(
        r"^_+ test_copied_program\w*\[(\w+)\] _+$", printed.split("short test summary")[0], flags=re.MULTILINE
    )
    errors = [
        "\n".join(re.findall(r"^E +(.*)$", section, re.MULTILINE)) for section in sections[2::2]
    ]  # not the test's source
    reports = dict.fromkeys(PROGRAMS, "") | dict(zip(sections[1::2], errors))
    failing = [name for name, (_, fragment) in PROGRAMS.items() if fragment]
    assert [name for name in PROGRAMS if reports[name]] == failing, printed
    return reports


# A page's own blocks (not whole programs) that print what differs between machines.
MACHINE_DEPENDENT = {
    "a set of strings": 'print(sorted({"alpha", "beta"}), {"alpha", "beta", "gamma", "delta"})',
    "the number of cores": "import os\nprint(os.cpu_count())",
    "the machine": (
        "import getpass, os, platform, socket, torch\nprint('user', getpass.getuser())\n"
        "print('name', platform.node(), socket.gethostname(), os.uname().nodename)\n"
        "print('architecture', platform.machine())\nprint('threads', torch.get_num_threads())\n"
        "print('interop threads', torch.get_num_interop_threads())\n"
        "print('capability', torch.backends.cpu.get_cpu_capability())"
    ),
}


@background("machine_dependent_pages")
def machine_dependent_pages_tested(folder: Path):
    """One throwaway book per MACHINE_DEPENDENT block, each tested on the other machines."""
    started = {}
    for n, (what, code) in enumerate(MACHINE_DEPENDENT.items()):
        printed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        page = f'Text.\n\n```python\n{code}\n```\n\n```text title="Output"\n{printed}```\n'
        (folder / str(n)).mkdir()
        started[what] = printed, start_the_program_test(folder / str(n), page, {}, "other_machines")
    return started


@pytest.fixture(scope="module")
def machine_dependent_pages() -> dict[str, tuple[str, int, str]]:
    """what -> (what the block prints here, the test's exit status, its report)."""
    return {what: (shown, *finished(run)) for what, (shown, run) in machine_dependent_pages_tested().items()}


@pytest.mark.parametrize("what", MACHINE_DEPENDENT)
def test_the_pages_are_run_on_other_machines_too(what, machine_dependent_pages):
    """tests/test_snippets.py runs the doc-tests again on each of its machines: the block fails on one, and
    the failure shows the diff, where each line the block prints here is changed."""
    shown, status, printed = machine_dependent_pages[what]
    assert status == 1, printed
    assert "docs/page.md:3: the output fence does not match" in printed, printed
    for line in shown.splitlines():
        assert f"-{line}\n" in printed, f"{line!r} is the same on both machines:\n{printed}"


# a.md sets numpy's print options; b.md prints as they say, which it shows only after a.md ran
LEANING = {
    "a.md": "```python\nimport numpy as np\nnp.set_printoptions(precision=2)\n```\n",
    "b.md": '```python\nimport numpy as np\nprint(np.array([1 / 3]))\n```\n\n```text title="Output"\n[0.33]\n```\n',
}


@background("leaning_pages")
def leaning_pages_tested(folder: Path):
    return start_the_program_test(folder, LEANING, {}, "other_machines")


@pytest.fixture(scope="module")
def leaning_pages() -> tuple[int, str]:
    return finished(leaning_pages_tested())


def test_a_page_that_leans_on_another_fails_on_one_machine(leaning_pages):
    """The second machine reads the pages backwards: b.md, right only after a.md, fails there."""
    status, printed = leaning_pages
    assert status == 1 and "docs/b.md:1: the output fence does not match" in printed, printed


# -- the per-block test (tests/test_snippets.py): each block that is not a whole program, copied alone ---------
PARTS = (
    "# --8<-- [start:first]\ny = 3\n# --8<-- [end:first]\n# --8<-- [start:second]\nprint(y)\n# --8<-- [end:second]\n"
)
# (what the page shows, what the block's test must say: None if it passes), in page order
COPIED_BLOCKS = {
    "a program": (
        '```python title="snippets/step.py"\n--8<-- "snippets/step.py"\n```\n\n```text title="Output"\n-30\n```\n',
        None,
    ),
    "a block that runs alone": ('```python\nx = 1.25\nprint(x)\n```\n\n```text title="Output"\n1.25\n```\n', None),
    "a block that leans on the block above": (
        '```python\nprint(x + 1)\n```\n\n```text title="Output"\n2.25\n```\n',
        "NameError: name 'x' is not defined",
    ),
    "a block that prints otherwise alone": (
        "```python\nimport numpy as np\nnp.set_printoptions(precision=2)\n```\n\n"
        '```python\nimport numpy as np\nprint(np.array([1 / 3]))\n```\n\n```text title="Output"\n[0.33]\n```\n',
        "+[0.33333333]",
    ),
    "a block that continues the program": (
        '```python title="continues snippets/step.py"\nprint(w + 1)\n```\n\n```text title="Output"\n1\n```\n',
        None,
    ),
    "a continuation that leans on another block": (
        '```python title="continues snippets/step.py"\nprint(w + x)\n```\n\n```text title="Output"\n1.25\n```\n',
        "NameError: name 'x' is not defined",
    ),
    "a session that runs alone": ("```pycon\n>>> 2 * 3\n6\n```\n", None),
    "a session that leans on a block": ("```pycon\n>>> x * 2\n2.5\n```\n", "NameError: name 'x' is not defined"),
    "a session that continues the program": ('```pycon title="continues snippets/step.py"\n>>> w - 1\n-1\n```\n', None),
    "a first part": ('```python title="snippets/parts.py (part)"\n--8<-- "snippets/parts.py:first"\n```\n', None),
    "a later part that does not say what it continues": (
        '```python title="snippets/parts.py (part)"\n--8<-- "snippets/parts.py:second"\n```\n\n```text title="Output"\n3\n```\n',
        "NameError: name 'y' is not defined",
    ),
    "a later part that says it": (  # after every part above: the first, then the second (which prints 3)
        '```python title="continues snippets/parts.py"\n--8<-- "snippets/parts.py:second"\n```\n\n'
        '```text title="Output"\n3\n```\n',
        None,
    ),
}


def copied_blocks_page() -> tuple[str, dict[str, str], int]:
    """The page of COPIED_BLOCKS, "page.md:LINE" of the last code block of each, and how many blocks it has
    that are not a whole program."""
    page, where, blocks = "", {}, -1  # -1: the program is tested as a program
    for name, (text, _) in COPIED_BLOCKS.items():
        fences = [i for i, line in enumerate(text.splitlines()) if re.match(r"```(python|pycon)", line)]
        where[name], blocks = f"page.md:{page.count(chr(10)) + fences[-1] + 1}", blocks + len(fences)
        page += text + "\n"
    return page, where, blocks


@background("block_tests")
def blocks_tested(folder: Path):
    return start_the_program_test(folder, copied_blocks_page()[0], {"step": STEP, "parts": PARTS}, "copied_block")


@pytest.fixture(scope="module")
def block_tests() -> tuple[dict[str, str], str]:
    """tests/test_snippets.py's block test, run on the page of COPIED_BLOCKS: ("page.md:LINE" -> the report of
    each block that failed, what pytest printed)."""
    _, printed = finished(blocks_tested())
    sections = re.split(r"^_+ test_copied_block\w*\[(\S+)\] _+$", printed.split("short test summary")[0], flags=re.M)
    errors = ["\n".join(re.findall(r"^E +(.*)$", report, re.M)) for report in sections[2::2]]  # not the source
    return dict(zip(sections[1::2], errors)), printed


def test_the_block_test_runs_every_block_but_the_programs(block_tests):
    reports, printed = block_tests
    assert f"{len(reports)} failed, {copied_blocks_page()[2] - len(reports)} passed" in printed, printed


@pytest.mark.parametrize("name", [name for name in COPIED_BLOCKS if name != "a program"])
def test_the_block_test_catches(name, block_tests):
    """Every block that is not a whole program is run as a reader copies it: alone, or after the program its
    title says it continues; it must print what the page shows under it."""
    (reports, printed), where, fragment = block_tests, copied_blocks_page()[1][name], COPIED_BLOCKS[name][1]
    if fragment is None:
        assert where not in reports, reports[where]
    else:
        assert where in reports and f"docs/{where}" in reports[where] and fragment in reports[where], printed


@pytest.mark.parametrize("name", PROGRAMS)
def test_the_program_test_catches(name, program_tests):
    fragment = PROGRAMS[name][1]
    if fragment is None:
        assert not program_tests[name], program_tests[name]
    else:
        assert f"snippets/{name}.py" in program_tests[name] and fragment in program_tests[name], program_tests[name]


# -- the mutation score (tests/mutate.py) ------------------------------------------------------------------
def test_mutants_change_the_last_digit():
    from tests.mutate import mutants

    assert mutants("0.01") == ["0.02", "0.00"]
    assert mutants("10") == ["11", "9"]
    assert mutants("1.19e-07") == ["1.20e-07", "1.18e-07"]
    assert mutants("Three") == ["Four", "Two"] and mutants("two") == ["three"]  # "one" is not read as a number


def test_mutation_score_counts_what_the_checks_miss(pytester):
    """1.25 is bound to its block's output; 2 is any of the numbers a log prints, so 2 -> 3 survives."""
    from tests.mutate import score

    log = '```python\nprint(1.25)\nfor epoch in (1, 2, 3):\n    print(epoch)\n```\n\n```text title="Output"\n1.25\n1\n2\n3\n```\n'
    make_book(pytester, log + "\nIt printed 1.25, then epoch 2.\n")
    total, survivors, failures = score(DocsHarness(pytester.path), pytester.path / "docs" / "page.md")
    assert (total, failures) == (4, [])
    assert survivors == ["docs/page.md:14: 2 -> 3 (prose)", "docs/page.md:14: 2 -> 1 (prose)"]


def test_a_timer_armed_around_the_harness_is_not_a_blocks_timer():
    """A timer set before a block runs (pytest-timeout's, a profiler's) has less time left after it: only
    a timer the block arms, stops or re-aims, or a handler it sets, is the block's."""
    import io
    import signal
    import time

    from tests.run_alone import print_only

    signal.setitimer(signal.ITIMER_REAL, 100)
    try:
        with print_only(io.StringIO(), "<block>") as around:
            time.sleep(0.01)
        assert around == []
        with print_only(io.StringIO(), "<block>") as around:
            signal.setitimer(signal.ITIMER_REAL, 0)  # the block stops it
        assert any("sets a timer" in problem for problem in around)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
