"""Every term is defined before it is used: on the same page above, or on an earlier page.

The terms and their defining pages are in tests/glossary.py. What counts as a use is the page's
prose: not code (fences, inline code), math, HTML comments, headings, the text of links (a link
points to where a term is explained) or italic text (a title, or a word mentioned as a word).
A term's definition is its first appearance in bold or italics on its defining page.
"""

import re
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load

from tests.docs_harness import FENCE
from tests.glossary import TERMS

ROOT = Path(__file__).resolve().parent.parent
EMPHASIS = re.compile(r"\*\*(.+?)\*\*|(?<![*\w])\*(?!\*)([^*\n]+?)\*(?![*\w])|(?<!\w)_([^_\n]+)_(?!\w)", re.S)
NOT_PROSE = [
    FENCE,
    re.compile(r"<!--.*?-->", re.S),
    re.compile(r"\$\$.*?\$\$", re.S),
    re.compile(r"(?<![\\$])\$[^$\n]+\$"),
    re.compile(r"`[^`\n]+`"),
    re.compile(r"!?\[[^\]]*\]\([^)]*\)"),  # links and images
    re.compile(r"^#.*$", re.M),  # headings
    re.compile(r"<[^>\n]+>"),  # HTML tags (their text stays)
]
ITALICS = [
    re.compile(r"(?<![*\w])\*(?!\*)[^*\n]+?\*(?![*\w])"),  # *italic*
    re.compile(r"(?<!\w)_[^_\n]+_(?!\w)"),  # _italic_
]


def nav_entries(nav=None) -> list[tuple[str | None, str]]:
    """(title, page) of each entry of mkdocs.yml's nav, in reading order, sections walked into."""
    if nav is None:
        nav = yaml_load((ROOT / "mkdocs.yml").read_text())["nav"]
    entries = []
    for entry in nav:
        for title, target in entry.items() if isinstance(entry, dict) else [(None, entry)]:
            entries += nav_entries(target) if isinstance(target, list) else [(title, target)]
    return entries


def appendices() -> list[str]:
    """The site folders of the pages the nav titles "Appendix..." (hooks/search.py ranks them below chapters)."""
    return [page.removesuffix(".md") + "/" for title, page in nav_entries() if (title or "").startswith("Appendix")]


def nav_pages() -> list[str]:
    """The pages of mkdocs.yml's nav, in reading order."""
    return [page for _, page in nav_entries() if page.endswith(".md")]


def prose(text: str, keep_italics: bool = False) -> str:
    """The page with everything that is not prose blanked out (offsets, so line numbers, kept)."""
    for pattern in NOT_PROSE if keep_italics else NOT_PROSE + ITALICS:
        text = pattern.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), text)
    return text


def line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def misuses(pages: dict[str, str], terms=TERMS) -> list[str]:
    """Every use of a term before its definition, as `page:line: ...` (pages in reading order)."""
    order = list(pages)
    found = []
    for term, (home, pattern) in terms.items():
        if home not in pages:
            found.append(f"{term}: defined on {home}, which is not in the nav")
            continue
        use = re.compile(pattern, re.I)
        text = prose(pages[home])
        emphasis = EMPHASIS.finditer(prose(pages[home], keep_italics=True))
        definition = next((m.start() for m in emphasis if use.search(m[1] or m[2] or m[3])), None)
        if definition is None:
            found.append(f"{home}: never defines {term!r} (in bold or italics)")
            continue
        first = use.search(text)
        if first.start() < definition:
            found.append(
                f"{home}:{line(text, first.start())}: uses {term!r} before it defines it "
                f"at line {line(text, definition)}"
            )
        for page in order[: order.index(home)]:
            m = use.search(prose(pages[page]))
            if m:
                found.append(
                    f"{page}:{line(pages[page], m.start())}: uses {term!r} ({m[0]!r}), defined later, on {home}"
                )
    return found


def book() -> dict[str, str]:
    return {page: (ROOT / "docs" / page).read_text() for page in nav_pages()}


@pytest.mark.parametrize("term", TERMS)
def test_term_is_defined_before_it_is_used(term):
    found = misuses(book(), {term: TERMS[term]})
    assert not found, f"{term!r} is used before it is defined:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "pages, expected",
    [
        ({"a.md": "x", "b.md": "A **tensor** holds numbers.", "c.md": "A tensor again."}, []),
        (
            {"a.md": "A tensor, undefined.", "b.md": "A **tensor** holds numbers."},
            ["a.md:1: uses 'tensor' ('tensor'), defined later, on b.md"],
        ),
        (
            {"a.md": "x", "b.md": "Tensors first.\n\nA **tensor** holds numbers."},
            ["b.md:1: uses 'tensor' before it defines it at line 3"],
        ),
        (
            {"a.md": "x", "b.md": "No definition of tensors here."},
            ["b.md: never defines 'tensor' (in bold or italics)"],
        ),
        ({"a.md": "x", "b.md": "A *tensor* holds numbers; tensors are arrays."}, []),
        ({"a.md": "x"}, ["tensor: defined on b.md, which is not in the nav"]),
        # not uses: code, math, links, headings, italic titles, comments
        (
            {
                "a.md": "`tensor` $tensor$ [tensors](b.md) *Tensors*\n# Tensors\n<!-- tensor -->\n"
                "```python\ntensor = 1\n```\n",
                "b.md": "A **tensor** holds numbers.",
            },
            [],
        ),
    ],
)
def test_the_check_fails_on_a_term_used_too_early(pages, expected):
    assert misuses(pages, {"tensor": ("b.md", r"\btensors?\b")}) == expected
