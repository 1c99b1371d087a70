"""`make screenshots`: every page of the built site as a reader sees it, to look at after changing pages.

    python -m tests.screenshots [SITE]    # a built site; without SITE, builds the book into site/

Full pages, in headless Chromium from a local server, at 1280 px in the light and the dark scheme and
at 390 px (a phone) in the light one: `.screenshots/NAME.light.png`, `NAME.dark.png`, `NAME.390.png`
(git-ignored). The print edition, the whole book on one page, is shot at its first screen only. The
browser tests check the pages; these pictures are for the eyes (README, "Look at what you build").
"""

import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.chromium import CHROMIUM, FLAGS, base_url, pages_of, serve, url_of

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / ".screenshots"
VIEWS = {"light": (1280, 800, "light"), "dark": (1280, 800, "dark"), "390": (390, 844, "light")}


def shoot(site: Path) -> None:
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir()
    with serve(site) as httpd, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for view, (width, height, scheme) in VIEWS.items():
            context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
            for page in pages_of(site):
                tab = context.new_page()
                tab.goto(url_of(base_url(httpd), page), wait_until="networkidle")
                tab.evaluate("document.fonts.ready.then(() => true)")
                name = page.removesuffix(".html").removesuffix("/index").replace("/", "-") or "index"
                tab.screenshot(path=SCREENSHOTS / f"{name}.{view}.png", full_page=not page.startswith("print/"))
                tab.close()
            context.close()
        browser.close()
    print(f"{len(list(SCREENSHOTS.glob('*.png')))} screenshots in {SCREENSHOTS}/")


def main():
    if not CHROMIUM:
        sys.exit("screenshots need Chromium: apt-get install chromium")
    if len(sys.argv) > 1:
        return shoot(Path(sys.argv[1]))
    from tests.conftest import mkdocs_build

    build = mkdocs_build(ROOT, ROOT / "site")
    if build.returncode:
        sys.exit(build.stderr)
    shoot(ROOT / "site")


if __name__ == "__main__":
    main()
