"""hooks/source_links.py: each program's title links to its file in the repository; every page's footer
links to the repository; links only (no page requests anything from GitHub: tests/test_site.py)."""

import re

from mkdocs.utils.yaml import yaml_load

from tests.conftest import ROOT

REPOSITORY = re.match(r"https://github\.com/[^/]+/[^/]+", yaml_load((ROOT / "mkdocs.yml").read_text())["edit_uri"])[0]


def test_every_program_title_links_to_its_file_in_the_repository(site):
    titles = 0
    for page in site.rglob("*.html"):
        text = page.read_text()
        assert not re.search(r'<span class="filename">(continues )?snippets/', text), f"{page}: a title, no link"
        # (a title may go on, "snippets/NAME.py (part)", or name the program a block continues)
        program = r'<span class="filename">(?:continues )?<a href="([^"]+)">(snippets/[\w-]+\.py)</a>'
        for link, name in re.findall(program, text):
            assert link == f"{REPOSITORY}/blob/main/{name}" and (ROOT / name).is_file(), (page, link)
            titles += 1
    assert titles


def test_every_page_links_to_the_repository_in_its_footer(site):
    for page in site.rglob("*.html"):
        assert re.search(rf'<a href="{re.escape(REPOSITORY)}"[^>]*class="md-social__link"', page.read_text()), page
