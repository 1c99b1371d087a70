"""The book's programs: one standalone, runnable program per module.

List them with ``python -m snippets``; run one with ``python -m snippets NAME``
or ``python snippets/NAME.py``.
"""
