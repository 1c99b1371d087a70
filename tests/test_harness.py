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
GOOD = '```python\nprint(1.25)\n```\n\n```text title="Output"\n1.25\n```\n'

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
}


def make_book(pytester, page: str):
    pytester.makefile(".yml", mkdocs=MKDOCS_YML)
    pytester.makeconftest(CONFTEST)
    (pytester.path / "snippets").mkdir()
    (pytester.path / "snippets" / "boom.py").write_text(BOOM)
    (pytester.path / "docs").mkdir()
    (pytester.path / "docs" / "page.md").write_text(page)
    return pytester.runpytest("-p", "no:cacheprovider", "-rs")


def test_passes_a_correct_page(pytester):
    make_book(pytester, GOOD).assert_outcomes(passed=1)


@pytest.mark.parametrize("fault", FAULTS)
def test_fails_on(pytester, fault):
    page, fragments = FAULTS[fault]
    result = make_book(pytester, page)
    assert result.parseoutcomes().get("failed") == 1, result.stdout.str()
    report = result.stdout.str()
    for fragment in fragments:
        assert fragment in report, f"{fragment!r} missing from the failure report:\n{report}"


def test_skips_only_with_a_visible_reason(pytester):
    result = make_book(pytester, '```python title="Not run: needs a GPU"\nprint(1)\n```\n')
    result.assert_outcomes(skipped=1)
    result.stdout.fnmatch_lines(["*needs a GPU*"])


def test_update_mode_rewrites_outputs_from_the_code(pytester, monkeypatch):
    monkeypatch.setenv("BOOK_UPDATE_OUTPUTS", "1")
    page = FAULTS["wrong digit"][0] + '\n```python\nprint("new")\n```\n'
    make_book(pytester, page).assert_outcomes(passed=2)
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
