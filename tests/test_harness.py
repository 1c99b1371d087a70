"""The doc-test harness, tested: it must fail on every fault a page can have, and say where."""

import re
from pathlib import Path

import pytest
import torch  # noqa: F401  pytester's in-process runs unload modules first imported in them; torch can't reload

from tests.docs_harness import DocsHarness

ROOT = Path(__file__).resolve().parent.parent
MKDOCS_YML = """\
docs_dir: docs
markdown_extensions:
  - pymdownx.snippets:
      base_path: ["."]
      check_paths: true
"""
CONFTEST = (ROOT / "conftest.py").read_text()  # the real one: its hooks are under test too
BOOM = 'print("before")\nx = 1\nraise ValueError("boom")\n'
STEP = '"""One step from w = 0 (chapter 2)."""\nprint(-30)  # the gradient at w = 0: -30\n'
GOOD = '```python\nprint(1.25)\n```\n\n```text title="Output"\n1.25\n```\n'
# Every way a number in the text is accounted for (tests/numbers.py): printed, claimed, arithmetic, structural, literal.
NUMBERS = GOOD + """
## 2. The step

```python title="snippets/step.py"
--8<-- "snippets/step.py"
```

```text title="Output"
-30
```

It printed $1.25$, about 1.3 (−30 is the gradient), from `x = 7`; $1 - 0.01 \\cdot 15 = 0.85$, and
$\\frac{2}{15} \\approx 0.133$, as chapter 3 of notebook 001 in Python 3.11 says[^1].
```python
x, steps = 7, 12
```

Set $\\eta = 0.5$ and $x^2 = 49$, so `lr = 0.5`, with 12 steps.
<!-- claim: 0.5; x**2; steps -->

| 1.25 | ![a plot of 1.25](a.svg) |
| --- | --- |

[^1]: A footnote.
"""

# page text -> what the failure report must contain
FAULTS = {
    "wrong digit": ('```python\nprint(1.25)\n```\n\n```text title="Output"\n1.26\n```\n', ["page.md:1", "-1.26", "+1.25"]),
    "raising include": ('```python title="snippets/boom.py"\n--8<-- "snippets/boom.py"\n```\n', ["page.md:1", "snippets/boom.py:3", "ValueError: boom"]),
    "raising inline block": ("text\n\n```python\nx = 1\n1 / 0\n```\n", ["page.md:3", "page.md:5", "ZeroDivisionError"]),
    "titled block": ('```python title="a title"\nraise ValueError("titled")\n```\n', ["page.md:1", "titled"]),
    "py fence": ('```py\nraise ValueError("py fence")\n```\n', ["py fence"]),
    "hl_lines and annotations": ('``` python hl_lines="1"\nraise ValueError("attrs") # (1)!\n```\n', ["attrs"]),
    "block in an admonition": ('!!! note\n    ```python\n    raise ValueError("indented")\n    ```\n', ["page.md:2", "indented"]),
    "missing include": ('```python\n--8<-- "snippets/nope.py"\n```\n', ["page.md:1", "snippets/nope.py", "could not be found"]),
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
    "a changed number in prose": (GOOD + "\nIt printed 1.26.\n", ["page.md:9: 1.26 (prose)", "nearest number the code gives is 1.25"]),
    "a changed number in math": (GOOD + "\nText.\n\n$$\nw = 1.35\n$$\n", ["page.md:12: 1.35 (math)", "1.25"]),
    "a changed decimal shown with more digits": (GOOD + "\nIt printed $1.250001$.\n", ["page.md:9: 1.250001"]),
    "a changed sign": (GOOD + "\nIt printed −1.25.\n", ["page.md:9: -1.25 (prose)"]),
    "a changed number in a caption": (
        GOOD + '\n<figure markdown="span">\n  ![A plot.](a.svg)\n  <figcaption>It ends at 1.4.</figcaption>\n</figure>\n',
        ["page.md:11: 1.4 (prose)"],
    ),
    "a changed number in alt text": (GOOD + "\n![A plot that ends at 1.4](a.svg)\n", ["page.md:9: 1.4 (prose)"]),
    "a changed number in an admonition": (GOOD + '\n!!! note "Note"\n    It printed 2.25.\n', ["page.md:10: 2.25"]),
    "a changed number in a table": (GOOD + "\n| a | b |\n| --- | --- |\n| 1.25 | 3 |\n", ["page.md:11: 3 (prose)"]),
    "a number in inline code that is no literal": (GOOD + "\nSee `print(8)`.\n", ["page.md:9: 8 (code)"]),
    "wrong arithmetic in math": (GOOD + "\nHere $1 - 0.01 \\cdot 15 = 0.86$.\n", ["page.md:9", "arithmetic", "0.85"]),
    "wrong arithmetic in a fraction": (GOOD + "\nHere $\\frac{2}{15} \\approx 0.143$.\n", ["page.md:9", "0.133333"]),
    "a claim that changed": (GOOD + "\nA rate of 0.2.\n<!-- claim: 0.1 * 3 -->\n", ["page.md:9: 0.2", "nearest number the code gives is 0.3 (line 10)"]),
    "a claim that fails": (GOOD + "\n<!-- claim: nothing -->\n", ["page.md:9", "the claim `nothing` failed: NameError"]),
    "a changed number in a snippet's comment": (
        '```python title="snippets/step.py"\n--8<-- "snippets/step.py"\n```\n\n```text title="Output"\n-30\n```\n',
        ["snippets/step.py:2: -31 (a comment)", "nearest number its block prints is -30"],
    ),
}
EDITS = {"a changed number in a snippet's comment": ("snippets/step.py", "w = 0: -30", "w = 0: -31")}


def make_book(pytester, page: str):
    pytester.makefile(".yml", mkdocs=MKDOCS_YML)
    pytester.makeconftest(CONFTEST)
    (pytester.path / "snippets").mkdir()
    (pytester.path / "snippets" / "boom.py").write_text(BOOM)
    (pytester.path / "snippets" / "step.py").write_text(STEP)
    (pytester.path / "docs").mkdir()
    (pytester.path / "docs" / "page.md").write_text(page)
    return pytester.runpytest("-p", "no:cacheprovider", "-rs")


def test_passes_a_correct_page(pytester):
    make_book(pytester, GOOD).assert_outcomes(passed=2)  # the block, and the numbers in the text


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
        result = make_book(pytester, page)
    assert result.parseoutcomes().get("failed") == 1, result.stdout.str()
    report = result.stdout.str()
    for fragment in fragments:
        assert fragment in report, f"{fragment!r} missing from the failure report:\n{report}"


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


FENCE_OPENING = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*\{?[ \t]*\.?(python|py|pycon|python3)\b", re.M)


@pytest.mark.parametrize("page", sorted((ROOT / "docs").rglob("*.md")), ids=lambda p: p.name)
def test_every_python_fence_of_the_book_is_collected(page):
    """An independent scan of the raw Markdown: a fence sybil did not collect is a fence nobody tests."""
    text = page.read_text()
    fences = {text.count("\n", 0, m.start()) + 1 for m in FENCE_OPENING.finditer(text)}
    collected = {text.count("\n", 0, start) + 1 for start, _ in DocsHarness(ROOT).sybil.parse(page).regions}
    assert fences <= collected, f"{page.name}: fences at lines {sorted(fences - collected)} are not collected"
