"""No broken link on the built site, as an external checker sees it: linkchecker (PyPI) crawls the served
site, every page, stylesheet and font it names (Temml's stylesheet and the book's name their fonts:
hooks/math_style.py ships them). Links to other hosts are not followed (the checker's default): the site must work offline.

linkchecker is in the test extras (`make install` puts it in .venv); LINKCHECKER may name another one.
Without it the test is skipped, except in CI (CI=true), where it fails and says so.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.chromium import QuietHandler, base_url, serve

LINKCHECKER = os.environ.get("LINKCHECKER") or shutil.which(
    "linkchecker", path=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
)
if not LINKCHECKER:
    why = "needs linkchecker (in the test extras: make install), or LINKCHECKER=path"
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI: {why}", pytrace=False)
    pytest.skip(why, allow_module_level=True)


class LinkCheckerWelcome(QuietHandler):
    """linkchecker asks a host at most 10 times a second (3 on average: 36 s for this site) unless the
    host's answers carry a `LinkChecker` header; this server's do, and the checker may ask 1,000 times."""

    def end_headers(self):
        self.send_header("LinkChecker", "welcome")
        super().end_headers()


def broken_links(url: str, folder: Path) -> tuple[int, str]:
    (folder / "linkcheckerrc").write_text("[checking]\nmaxrequestspersecond=1000\n")
    command = [LINKCHECKER, "--config", str(folder / "linkcheckerrc"), "--no-status", "--no-warnings", url]
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    return run.returncode, run.stdout


def test_no_broken_link_on_the_site(site, tmp_path):
    with serve(site, LinkCheckerWelcome) as httpd:
        status, report = broken_links(base_url(httpd), tmp_path)
        httpd.shutdown()
    assert status == 0 and "0 errors found" in report, report[-3000:]


def test_a_missing_font_is_a_broken_link(site, tmp_path):
    """The guard fails: without the font Temml's stylesheet names, the checker reports an error."""
    copy = tmp_path / "site" / "assets" / "temml"
    copy.mkdir(parents=True)
    shutil.copy(site / "assets" / "temml" / "Temml-Local.css", copy)
    with serve(copy.parent.parent, LinkCheckerWelcome) as httpd:
        status, report = broken_links(base_url(httpd) + "assets/temml/Temml-Local.css", tmp_path)
        httpd.shutdown()
    assert status == 1 and "Temml.woff2" in report, report[-3000:]
