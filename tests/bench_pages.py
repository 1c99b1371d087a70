"""`make bench`, second part: what a reader downloads, per page, and what Lighthouse says of each page.

The site is served as a static host serves it (HTTP/1.1, gzip for text; GitHub Pages does the same).
Per page, on a cold load (a fresh browser context, empty cache): bytes transferred, the number of
requests and the largest asset (as transferred). Then Lighthouse (mobile, simulated throttling: its defaults) on every
page but 404.html. Targets (issue 5): a chapter page under 800 KB; Lighthouse performance >= 95,
accessibility 100, best practices 100, SEO >= 95. Measured and printed, not asserted.

Lighthouse comes through npx: 12.8.2 is the newest that runs on Node 20 (13.x wants Node >= 22).
npx fetches it from the npm registry on first use; `make install` does not install it (it is heavy).
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.chromium import CHROMIUM, FLAGS, GzipHandler, base_url, pages_of, serve, url_of
from tests.conftest import mkdocs_build

ROOT = Path(__file__).resolve().parent.parent

LIGHTHOUSE = "lighthouse@12.8.2"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGET_KB = 800


def cold_load(browser, url: str) -> list[tuple[str, int, int]]:
    """[(url, bytes transferred: headers + body as sent, body bytes unpacked)] for every request of one
    cold page load."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    finished = []
    page = context.new_page()
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url, wait_until="networkidle")
    loads = []
    for request in finished:
        sizes = request.sizes()
        sent = sizes["responseHeadersSize"] + sizes["responseBodySize"]
        loads.append((request.url, sent, len(request.response().body())))
    context.close()
    return loads


def lighthouse(url: str) -> dict[str, int] | None:
    if not shutil.which("npx"):
        return None
    chrome_flags = " ".join(["--headless=new", *(f'"{f}"' if " " in f else f for f in FLAGS)])
    with tempfile.TemporaryDirectory() as out:
        report = Path(out) / "report.json"
        run = subprocess.run(
            [
                "npx",
                "--yes",
                LIGHTHOUSE,
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                f"--only-categories={','.join(CATEGORIES)}",
                f"--chrome-flags={chrome_flags}",
            ],
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            capture_output=True,
            text=True,
            check=False,
        )
        if run.returncode or not report.is_file():
            print(f"lighthouse failed on {url}: {run.stderr.strip()[-500:]}")
            return None
        categories = json.loads(report.read_text())["categories"]
    return {name: round(100 * categories[name]["score"]) for name in CATEGORIES}


def main():
    if not CHROMIUM:
        sys.exit("page weight needs Chromium: apt-get install chromium")
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        build = mkdocs_build(ROOT, site)
        if build.returncode:
            sys.exit(build.stderr)
        with serve(site, GzipHandler) as httpd, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            base = base_url(httpd)
            print(f"{'page':40} {'requests':>8} {'KB sent':>8} {'KB unpacked':>11}  largest asset (sent)")
            for page in pages_of(site):
                loads = cold_load(browser, url_of(base, page))
                sent, unpacked = (sum(load[i] for load in loads) for i in (1, 2))
                largest, largest_size, _ = max(loads, key=lambda load: load[1])
                flag = "  OVER TARGET" if sent > TARGET_KB * 1024 else ""
                print(
                    f"{page:40} {len(loads):8} {sent / 1024:8.0f} {unpacked / 1024:11.0f}  "
                    f"{largest.removeprefix(base)} ({largest_size / 1024:.0f} KB){flag}"
                )
            browser.close()
            print(f"\nLighthouse {LIGHTHOUSE.split('@')[1]} (mobile defaults); target >= 95 / 100 / 100 / >= 95")
            print(f"{'page':40} " + " ".join(f"{name:>14}" for name in CATEGORIES))
            for page in pages_of(site):
                if page != "404.html":
                    scores = lighthouse(url_of(base, page))
                    if scores is None:
                        print(f"{page:40} (no lighthouse: needs npx and the npm registry)")
                        continue
                    print(f"{page:40} " + " ".join(f"{scores[name]:14}" for name in CATEGORIES))


if __name__ == "__main__":
    main()
