"""Build hook: accessibility fixes that axe-core asks for (tests/test_browser.py) in markup we do not write.

- material's search dialog gets a name (axe: aria-dialog-name).
(Notebook code cells are material code blocks since hooks/notebook_markup.py: material makes a block
that scrolls a Tab stop itself.)
"""

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def accessible(output, *args, **kwargs):
    return output.replace(SEARCH_DIALOG, SEARCH_DIALOG.replace('role="dialog"', 'role="dialog" aria-label="Search"'), 1)


on_post_page = on_post_template = accessible  # chapters and notebooks, and 404.html
