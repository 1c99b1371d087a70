"""hooks/defer_scripts.py: no page's first paint waits for a script."""

import re

SCRIPT_WITH_SRC = re.compile(r"<script\b[^>]*\bsrc=[^>]*>")


def test_every_script_of_every_page_runs_after_the_page_is_parsed(site):
    scripts = {page: SCRIPT_WITH_SRC.findall(page.read_text()) for page in site.rglob("*.html")}
    assert any(scripts.values())
    blocking = {
        str(page.relative_to(site)): [s for s in found if not re.search(r'\bdefer\b|type="module"', s)]
        for page, found in scripts.items()
    }
    assert not {page: found for page, found in blocking.items() if found}
