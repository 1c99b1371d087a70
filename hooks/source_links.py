"""Build hook: links to the sources behind a page, on GitHub. Plain links: a reader's browser requests
nothing from GitHub until the reader follows one.

- A code block titled `snippets/NAME.py` links its title to that file in the repository; so does one
  titled `continues snippets/NAME.py` (it runs after that program: tests/docs_harness.py).
- The repository itself is in every page's footer (material's `extra.social`: an icon drawn inline), and
  each notebook opens in Colab from it (hooks/notebooks.py).
The repository and its branch are read from `edit_uri` (mkdocs.yml), the one place that names them.
"""

import re

from mkdocs.exceptions import PluginError

# "snippets/NAME.py (part)" and "continues snippets/NAME.py: what it adds" too
PROGRAM_TITLE = re.compile(r'<span class="filename">(continues )?(snippets/[\w-]+\.py)(?=[ <:])')
REPOSITORY = re.compile(r"(?P<url>https://github\.com/(?P<name>[^/]+/[^/]+))/edit/(?P<branch>[^/]+)/")


def repository(config) -> re.Match:
    """url (https://github.com/OWNER/REPO), name (OWNER/REPO) and branch of the book's repository."""
    found = REPOSITORY.match(config.edit_uri or "")
    if not found:
        raise PluginError(f"edit_uri must be https://github.com/OWNER/REPO/edit/BRANCH/docs/, not {config.edit_uri}")
    return found


def on_config(config):
    config.extra["social"] = [
        {"icon": "fontawesome/brands/github", "link": repository(config)["url"], "name": "The book's source on GitHub"}
    ]
    return config


def on_page_content(content, page, config, files):
    source = repository(config)
    return PROGRAM_TITLE.sub(
        rf'<span class="filename">\1<a href="{source["url"]}/blob/{source["branch"]}/\2">\2</a>', content
    )
