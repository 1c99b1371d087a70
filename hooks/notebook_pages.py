"""Build hook: mkdocs-jupyter's pages made to fit the book.

- The scripts its template adds (MathJax and mermaid, both from cdnjs) are removed: the site requests
  nothing from other hosts.
- nbconvert leaves a markdown cell's `$…$`/`$$…$$` as written; it gets arithmatex's markup, so that
  hooks/render_math.py (listed after this hook) renders it like the chapters' math.
"""

import re

# nbconvert leaves a markdown cell's math as written, HTML-escaped, inside the cell's rendered div.
MARKDOWN_CELL = re.compile(r'(<div class="[^"]*\bjp-RenderedMarkdown\b[^"]*"[^>]*>)(.*?)(</div>)', re.S)
NOTEBOOK_MATH = re.compile(
    r"(?P<code><(code|pre)\b.*?</\2>)"  # a $ in code is not math: matched first, left alone
    r"|<p>\$\$(?P<display>.+?)\$\$</p>|\$\$(?P<display_inline>.+?)\$\$"
    r"|\$(?P<inline>[^\s$](?:[^$]*?[^\s$])?)\$",  # no space inside the dollars: "5$ or 6$" is not math
    re.S,
)
SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.S | re.I)


def arithmatex_span(m):
    """One $…$ / $$…$$ -> the span or div that arithmatex makes."""
    if m["code"]:
        return m["code"]
    display = m["display"] or m["display_inline"]
    if display is not None:
        return f'<div class="arithmatex">\\[{display}\\]</div>'
    return f'<span class="arithmatex">\\({m["inline"]}\\)</span>'


def on_page_content(content, page, config, files):
    if page.file.src_uri.endswith(".ipynb"):
        content = SCRIPT.sub(lambda m: "" if re.search(r"mathjax|mermaid|https?:", m[0], re.I) else m[0], content)
        content = MARKDOWN_CELL.sub(lambda m: m[1] + NOTEBOOK_MATH.sub(arithmatex_span, m[2]) + m[3], content)
    return content
