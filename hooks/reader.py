"""What a reader meets on every page, fixed at build time (docs/assets/book.css and book.js do the rest).

- Output fences (a fence titled "Output" or "Output and warning") get the class `book-output` (their own
  look in book.css) and `no-copy`: material puts no copy button on them, since what a program printed is
  not code to run. In them, a line that is a warning or an error message (`UserWarning: ...`,
  `RuntimeError: ...`) is prose: it gets the class `book-message`, and wraps instead of running off the
  block.
- `# %%` cell markers stay in the programs but not on the page: `# %% Title` shows as `# Title` (as in
  the notebooks), a bare `# %%` line is dropped.
- Figures (`assets/figures/*.svg`): on a phone (up to 600 px wide) the page shows `NAME.narrow.svg`, the
  figure laid out for a phone's column (hooks/draw_figures.py), when there is one (a <picture>). Each
  picture keeps its text >= 9 CSS px: a min-width from its smallest text (`--book-min-width`, and
  `--book-narrow-min-width` for the phone's picture, book.css); below it, the figure scrolls sideways.
- Tables: each cell gets its column's header as `data-label`; on a phone a table shows each row as a
  block of "header: cell" lines instead (book.css).
- The 404 page offers a way home (material's says only "404 - Not found").
- The "Notebooks" nav section names each notebook by its chapter's number instead of repeating its title.
- Inline code without a space (`1e-13`, `f"{Loss:.6f}"`) is one token: the class `book-token` keeps a
  browser from breaking it at a hyphen or a quote (book.css).
- Highlighted code has fewer elements (a chapter's DOM is mostly code tokens and math): names,
  whitespace, punctuation and operators, all drawn in the code's own colour (book.css), lose their
  <span>; neighbouring tokens of one colour (the parts of a string) share one. The text is unchanged.
"""

import math
import re
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

OUTPUT_FENCE = re.compile(
    r'<div class="language-(\w+) highlight"><span class="filename">(Output(?: and warning)?)</span>'
)
OUTPUT = re.compile(r'<div class="language-\w+ highlight book-output no-copy">.*?</pre></div>', re.DOTALL)
MESSAGE = re.compile(r"(^|<code>)([A-Z]\w*(?:Warning|Error|Exception): [^\n]*)", re.MULTILINE)
BARE_MARKER = re.compile(r'^<span class="c1"># %%</span>\n', re.MULTILINE)
TITLED_MARKER = '<span class="c1"># %% '
FIGURE = re.compile(
    r'<img (?P<attrs>[^>]*?)src="(?P<src>(?P<folder>(?:\.\./)*assets/figures/)(?P<name>[\w-]+)\.svg)"(?P<rest>[^>]*)>'
)
PHONE = "(max-width: 600px)"  # book.css: the same width
CODE = re.compile(r"<pre\b.*?</pre>", re.DOTALL)
# Names, whitespace, punctuation, operators: the code's colour (book.css). Not "ow" (`in`, `not`: keywords).
PLAIN_TOKEN = re.compile(r'<span class="(?:n|w|p|o)">([^<]*)</span>')
SAME_COLOUR = {"s": "s2", "s1": "s2", "si": "s2"}  # one colour (material, book.css)
COLOUR_CLASS = re.compile(r'<span class="(s|s1|si)">')
SAME_NEIGHBOURS = re.compile(r'<span class="(\w+)">([^<]*)</span><span class="\1">')
TOKEN = re.compile(r"<code>([^<\s]+)</code>")  # inline code without a space: not one inside <pre>
TABLE = re.compile(r"<table>.*?</table>", re.DOTALL)
HEADER = re.compile(r"<th\b[^>]*>(.*?)</th>", re.DOTALL)
ROW = re.compile(r"<tr>.*?</tr>", re.DOTALL)
CELL = re.compile(r"<td\b")
SMALLEST_TEXT_PX = 9  # README, "Figures"
figures: dict[str, str] = {}  # "NAME.svg" (or "NAME.narrow.svg") -> the SVG the site serves


def on_config(config):
    for entry in config.nav or []:
        if isinstance(entry, dict) and isinstance(entry.get("Notebooks"), list):
            entry["Notebooks"] = [
                {notebook_title(title): uri} for item in entry["Notebooks"] for title, uri in item.items()
            ]
    return config


def notebook_title(chapter_title: str) -> str:
    number = re.match(r"(\d+)\.\s", chapter_title)
    return f"Chapter {number[1]}" if number else chapter_title


@event_priority(-50)  # after the other hooks have made their code blocks; before print_edition.py collects
def on_page_content(content, page, config, files):
    """Code with fewer tokens here, not in the finished page: search parses every element of the content."""
    content = CODE.sub(lambda m: fewer_tokens(m[0]), content)
    content = OUTPUT_FENCE.sub(
        r'<div class="language-\1 highlight book-output no-copy"><span class="filename">\2</span>', content
    )
    content = OUTPUT.sub(lambda m: MESSAGE.sub(r'\1<span class="book-message">\2</span>', m[0]), content)
    content = TOKEN.sub(r'<code class="book-token">\1</code>', content)
    content = TABLE.sub(lambda m: labelled(m[0]), content)
    return BARE_MARKER.sub("", content).replace(TITLED_MARKER, '<span class="c1"># ')


def labelled(table: str) -> str:
    """A table whose cells carry their column's header as plain text (no tags, no TeX), data-label."""
    headers = [
        re.sub(r"<[^>]+>", "", re.sub(r"<annotation\b.*?</annotation>", "", h, flags=re.DOTALL))
        .strip()
        .replace('"', "&quot;")
        for h in HEADER.findall(table)
    ]

    def row(match):
        cells = iter(headers)
        return CELL.sub(lambda m: f'<td data-label="{next(cells, "")}"', match[0])

    return ROW.sub(row, table)


def on_env(env, config, files):
    figures.clear()
    for file in files:
        if file.src_uri.startswith("assets/figures/") and file.src_uri.endswith(".svg"):
            figures[Path(file.src_uri).name] = file.content_string
    return env


def smallest_text(svg: str) -> tuple[float, float] | None:
    """(smallest font size, viewBox width), both in the SVG's units, of a matplotlib SVG whose text is
    drawn as glyph paths (each text group is scaled by font size / 100)."""
    sizes = [100 * float(s) for s in re.findall(r"scale\(([\d.]+) -\1\)", svg)]
    width = re.search(r'viewBox="[\d.]+ [\d.]+ ([\d.]+) [\d.]+"', svg)
    return (min(sizes), float(width[1])) if sizes and width else None


def min_width(svg: str) -> int:
    """The width in CSS px that keeps a figure's smallest text >= 9 CSS px (0 if its text is not found)."""
    found = smallest_text(svg)
    return math.ceil(SMALLEST_TEXT_PX * found[1] / found[0]) if found else 0


def picture(match) -> str:
    """A figure's <img>, with its min-width, in a <picture> that offers its phone layout if it has one."""
    wide, narrow = figures.get(f"{match['name']}.svg"), figures.get(f"{match['name']}.narrow.svg")
    styles = [f"--book-min-width: {min_width(wide)}px"] if wide and min_width(wide) else []
    styles += [f"--book-narrow-min-width: {min_width(narrow)}px"] if narrow and min_width(narrow) else []
    style = f'style="{"; ".join(styles)}" ' if styles else ""
    img = f'<img {style}{match["attrs"]}src="{match["src"]}"{match["rest"]}>'
    if not narrow:
        return img
    source = f"{match['folder']}{match['name']}.narrow.svg"
    return f'<picture><source media="{PHONE}" srcset="{source}">{img}</picture>'


def fewer_tokens(pre: str) -> str:
    pre = PLAIN_TOKEN.sub(r"\1", pre)
    pre = COLOUR_CLASS.sub(lambda m: f'<span class="{SAME_COLOUR[m[1]]}">', pre)
    while (merged := SAME_NEIGHBOURS.sub(r'<span class="\1">\2', pre)) != pre:
        pre = merged
    return pre


def on_post_page(output, page, config):
    return FIGURE.sub(picture, output)


NOT_FOUND = "<h1>404 - Not found</h1>"


def on_post_template(output, template_name, config):
    """404.html is served at any address: its link home is absolute, from site_url (or the root)."""
    if template_name != "404.html":
        return output
    home = urlsplit(config.site_url or "/").path
    return output.replace(
        NOT_FOUND,
        f"<h1>Page not found</h1>\n<p>There is no page at this address. Start again from "
        f'<a href="{home}">the home page</a>, or search the book.</p>',
    )
