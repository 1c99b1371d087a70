"""Build hook: accessibility fixes that axe-core asks for (tests/test_browser.py) in markup we do not write.

- material's search dialog gets a name (axe: aria-dialog-name);
- notebook code cells scroll sideways, so they take keyboard focus (axe: scrollable-region-focusable).
"""

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NOTEBOOK_CODE = '<div class="highlight-ipynb'


def accessible(output, *args, **kwargs):
    output = output.replace(SEARCH_DIALOG, SEARCH_DIALOG.replace('role="dialog"', 'role="dialog" aria-label="Search"'), 1)
    return output.replace(NOTEBOOK_CODE, '<div tabindex="0" class="highlight-ipynb')


on_post_page = on_post_template = accessible  # chapters and notebooks, and 404.html
