"""Build hook: each chapter shows, under its title, how long it takes to read.

Counted at build time from the page as a reader meets it, collapsed blocks closed (a figure's program, a
whole program shown again, an exercise's solution): its words of prose, math and output at WORDS_PER_MINUTE,
and its lines of code at CODE_LINES_PER_MINUTE. The line under the title states both rates. The home page
and generated pages (the print edition's own) get none; the chapters keep theirs in the print edition.

The number is in the built page only, never in the Markdown: the numbers check (tests/text_numbers.py),
which reads the Markdown, does not see it, and nothing has to tie it to code. Search leaves it out.
"""

import html
import re

WORDS_PER_MINUTE = 200  # prose and the maths in it, read with care: slower than a novel's 250
CODE_LINES_PER_MINUTE = 10  # a line of code is read, not skimmed: 6 seconds a line
# A block a reader opens only if they choose to (pymdownx.details `???`, not `???+`), innermost first
COLLAPSED = re.compile(r"<details\b(?![^>]*\bopen\b)[^>]*>(?:(?!<details\b).)*?</details>", re.DOTALL)
CODE = re.compile(
    r'<div class="language-[\w-]+ highlight">(?:<span class="filename">(?P<title>[^<]*)</span>)?\s*<pre\b.*?</pre>',
    re.DOTALL,
)
NOTEBOOK_LINKS = re.compile(r'<p class="book-notebook-links">.*?</p>', re.DOTALL)  # hooks/notebooks.py: buttons
TAG = re.compile(r"<[^>]+>")
WORD = re.compile(r"\S*\w\S*")  # a run of characters with a letter or digit in it: not a lone dash or symbol


def text(fragment: str) -> str:
    return html.unescape(TAG.sub(" ", fragment))


def counts(content: str) -> tuple[int, int]:
    """(words, lines of code) of a page's content, as a reader meets it: collapsed blocks closed, output
    fences read as words, blank lines of code not counted."""
    while (closed := COLLAPSED.sub("", content)) != content:
        content = closed
    content, lines = NOTEBOOK_LINKS.sub("", content), 0

    def code(block) -> str:
        nonlocal lines
        if (block["title"] or "").strip().lower().startswith("output"):
            return block[0]  # what a program printed: read like the prose around it
        lines += sum(1 for line in text(block[0]).splitlines() if line.strip())
        return ""

    content = CODE.sub(code, content)
    return len(WORD.findall(text(content))), lines


def minutes(words: int, lines: int) -> int:
    return max(1, round(words / WORDS_PER_MINUTE + lines / CODE_LINES_PER_MINUTE))


def line(content: str) -> str:
    return (
        f'<p class="book-reading-time" data-search-exclude>Reading time: about {minutes(*counts(content))} min '
        f"({WORDS_PER_MINUTE} words or {CODE_LINES_PER_MINUTE} lines of code a minute)</p>"
    )


def on_page_content(content, page, config, files):
    """After hooks/notebooks.py has put its buttons under the title (not counted), before hooks/render_math.py
    turns each formula's TeX into many MathML elements: a formula counts as the words of its TeX."""
    if page.is_homepage or page.file.generated_by or not page.file.src_uri.endswith(".md"):
        return content
    heading_end = content.find("</h1>")
    if heading_end < 0:
        return content
    at = heading_end + len("</h1>")
    return f"{content[:at]}\n{line(content)}\n{content[at:]}"
