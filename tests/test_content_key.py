"""hooks/content_key.py: what the cached notebooks and figures are keyed on, and how old ones go.

That a changed program is run again in a real build: tests/test_notebooks.py."""

import os
import time

from hooks.content_key import content_key, environment, forget_unused


def test_the_key_changes_with_the_program_and_names_every_installed_package():
    assert content_key(b"print(1)") != content_key(b"print(2)")
    assert content_key(b"print(1)") == content_key(b"print(1)")
    assert {"numpy==", "torch==", "nbclient==", "matplotlib=="} <= {
        line.split("==")[0] + "==" for line in environment().splitlines()[1:]
    }


def test_the_key_changes_with_the_code_path_of_the_numeric_libraries(monkeypatch):
    environment.cache_clear()
    monkeypatch.setenv("MKL_CBWR", "COMPATIBLE")
    compatible = content_key(b"print(1)")
    environment.cache_clear()
    monkeypatch.setenv("MKL_CBWR", "AUTO")
    assert content_key(b"print(1)") != compatible
    environment.cache_clear()


def test_results_unused_for_a_week_are_forgotten_and_the_others_kept(tmp_path):
    old, recent = tmp_path / "old.ipynb", tmp_path / "recent"
    old.write_text("{}")
    recent.mkdir()
    eight_days_ago = time.time() - 8 * 86400
    os.utime(old, (eight_days_ago, eight_days_ago))
    forget_unused([old, recent])
    assert not old.exists() and recent.is_dir()
