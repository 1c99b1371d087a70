"""What the browser tests and the page-weight benchmark share: Debian's Chromium, its flags, a local server."""

import functools
import gzip
import http.server
import io
import os
import shutil
import threading
from pathlib import Path

# $CHROMIUM names another Chromium-based browser (GitHub's runners have /usr/bin/google-chrome).
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium")
if CHROMIUM and not os.access(CHROMIUM, os.X_OK):
    CHROMIUM = None
# No background traffic, and no host but 127.0.0.1 resolves: a request elsewhere fails and is recorded.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as any host has

    def log_message(self, *args):
        pass


class GzipHandler(QuietHandler):
    """Text compressed with gzip when the browser asks, as GitHub Pages and most hosts do (bench only)."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        text = path.suffix in {".html", ".css", ".js", ".json", ".svg", ".xml"}
        if not (text and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(folder: Path, handler=QuietHandler) -> http.server.ThreadingHTTPServer:
    """Serve `folder` on 127.0.0.1 at a free port, in a thread; use it as a context manager."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def base_url(server) -> str:
    return f"http://127.0.0.1:{server.server_port}/"


def pages_of(site: Path) -> list[str]:
    """Every page of a built site, as a path under its root: 'index.html', 'chain-rule/index.html'."""
    return sorted(page.relative_to(site).as_posix() for page in site.rglob("*.html"))


def url_of(base: str, page: str) -> str:
    return base + page.removesuffix("index.html")  # the address a reader follows
