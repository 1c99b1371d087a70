"""The reader's budgets, per page, measured as a static host serves the site (gzip, HTTP/1.1).

    python -m tests.budgets [SITE]    # a built site; without SITE, builds the book into a temp folder

Per page, on a cold load (fresh context, empty cache, 1280x800): KB transferred (headers + bodies as
sent), DOM nodes once the page is quiet; then Lighthouse (mobile, its default simulated throttling), run
RUNS times (BOOK_LIGHTHOUSE_RUNS, 3 by default): each score is the median of the runs, and the table shows
the lowest and highest performance score beside it (a single run moves by 10 points or more).
Budgets (README, "Budgets"): a chapter <= 300 KB, a notebook page <= 350 KB, every page <= 3,000 DOM
nodes; Lighthouse performance >= 95, accessibility, best practices and SEO 100. A page over budget is
marked; the exit status is 1 if any is (Lighthouse varies with the machine's load: say it with the table).
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.chromium import (
    CHROMIUM,
    FLAGS,
    GzipHandler,
    base_url,
    pages_of,
    serve,
    url_of,
)

ROOT = Path(__file__).resolve().parent.parent
# Lighthouse through npx: 12.8.2 is the newest that runs on Node 20 (13.x wants Node >= 22); npx fetches
# it from the npm registry on first use (`make install` does not: it is heavy).
LIGHTHOUSE = "lighthouse@12.8.2"
CATEGORIES = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
KB = {"chapter": 300, "notebook": 350}
DOM_NODES = 3000
RUNS = int(os.environ.get("BOOK_LIGHTHOUSE_RUNS", "3"))


def lighthouse(url: str) -> dict[str, int] | None:
    """Each category's median score over RUNS runs, and "range": performance's lowest and highest."""
    runs = [scores for _ in range(RUNS) if (scores := lighthouse_once(url))]
    if not runs:
        return None
    medians = {name: round(statistics.median(run[name] for run in runs)) for name in CATEGORIES}
    return {**medians, "range": (min(run["performance"] for run in runs), max(run["performance"] for run in runs))}


def lighthouse_once(url: str) -> dict[str, int] | None:
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


def kind(page: str) -> str:
    return "notebook" if page.startswith("notebooks/") else "chapter"


def cold_load(browser, url: str) -> tuple[int, int]:
    """(bytes transferred, DOM nodes) of one cold load of `url`."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url, wait_until="networkidle")
    nodes = page.evaluate("document.getElementsByTagName('*').length")
    sent = sum(r.sizes()["responseHeadersSize"] + r.sizes()["responseBodySize"] for r in finished)
    context.close()
    return sent, nodes


def measure(site: Path) -> bool:
    """Print the table; True when every page is within its budgets."""
    within = True
    with serve(site, GzipHandler) as httpd, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        base = base_url(httpd)
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"Lighthouse: median of {RUNS} runs, performance's range beside it")
        print(f"{'page':40} {'KB':>5} {'nodes':>6} {'perf':>5} {'range':>7} {'a11y':>5} {'BP':>5} {'SEO':>5}")
        for page in pages_of(site):
            if page == "404.html" or page.startswith("print/"):
                continue
            sent, nodes = cold_load(browser, url_of(base, page))
            scores = lighthouse(url_of(base, page)) if shutil.which("npx") else None
            over = [f"> {KB[kind(page)]} KB"] if sent > KB[kind(page)] * 1024 else []
            over += [f"> {DOM_NODES} nodes"] if nodes > DOM_NODES else []
            over += [f"{n} < {least}" for n, least in CATEGORIES.items() if scores and scores[n] < least]
            within &= not over
            shown = [f"{scores[n]:5}" if scores else "    -" for n in CATEGORIES]
            shown.insert(1, "{:>7}".format("{}-{}".format(*scores["range"]) if scores else "-"))
            print(
                f"{page:40} {sent / 1024:5.0f} {nodes:6} {' '.join(shown)}  {'OVER: ' + ', '.join(over) if over else ''}",
                flush=True,
            )
        browser.close()
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    return within


def main():
    if not CHROMIUM:
        sys.exit("the budgets need Chromium: apt-get install chromium")
    if len(sys.argv) > 1:
        sys.exit(0 if measure(Path(sys.argv[1])) else 1)
    from tests.conftest import mkdocs_build

    with tempfile.TemporaryDirectory() as folder:
        build = mkdocs_build(ROOT, Path(folder) / "site")
        if build.returncode:
            sys.exit(build.stderr)
        sys.exit(0 if measure(Path(folder) / "site") else 1)


if __name__ == "__main__":
    main()
