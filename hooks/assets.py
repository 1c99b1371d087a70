"""Build hook: KaTeX's stylesheet and woff2 fonts, copied from node_modules into the site, never committed.

Pages load them from this site; every modern browser takes woff2.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

KATEX_DIST = Path(__file__).resolve().parent.parent / "node_modules" / "katex" / "dist"


def on_config(config):
    if not KATEX_DIST.is_dir():
        raise PluginError(f"KaTeX is missing at {KATEX_DIST}: run `make install` (npm ci) first")
    return config


def on_files(files, config):
    assets = [KATEX_DIST / "katex.min.css", *sorted((KATEX_DIST / "fonts").glob("*.woff2"))]
    for path in assets:
        uri = "assets/katex/" + path.relative_to(KATEX_DIST).as_posix()
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files
