"""Test helpers: WARC/ARC files written by hand, and a local HTTP server with misbehaving pages.

All content is invented for these tests (fictional towns and people).
"""
from __future__ import annotations

import gzip
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = ("<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        "<p>The harbour council of Wrenmouth met on Tuesday. \"We will rebuild the pier,\" said Ada Quill, "
        "the council chair.</p></article></body></html>")


def page(title: str) -> bytes:
    return PAGE.format(title=title).encode("utf-8")


# --- WARC / ARC ------------------------------------------------------------------------------------

def http_block(status: int, ctype: str, body: bytes, extra: dict[str, str] | None = None,
               reason: str = "OK") -> bytes:
    head = f"HTTP/1.1 {status} {reason}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n"
    for k, v in (extra or {}).items():
        head += f"{k}: {v}\r\n"
    return head.encode() + b"\r\n" + body


def warc_record(wtype: str, uri: str | None, block: bytes, *, date: str = "2024-03-05T10:00:00Z",
                content_type: str = "application/http; msgtype=response", n: int = 0) -> bytes:
    head = f"WARC/1.1\r\nWARC-Type: {wtype}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012d}>\r\n"
    head += f"WARC-Date: {date}\r\n"
    if uri:
        head += f"WARC-Target-URI: {uri}\r\n"
    head += f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n"
    return head.encode() + block + b"\r\n\r\n"


def write_warc(path, records: list[bytes], *, gz: bool) -> list[int]:
    """Write records (one gzip member each when gz); returns each record's offset."""
    offsets: list[int] = []
    with open(path, "wb") as fh:
        for rec in records:
            offsets.append(fh.tell())
            fh.write(gzip.compress(rec) if gz else rec)
    return offsets


def arc_record(url: str, block: bytes, date: str = "20240305100000", ctype: str = "text/html") -> bytes:
    return f"{url} 192.0.2.1 {date} {ctype} {len(block)}\n".encode() + block + b"\n"


def arc_filedesc(name: str) -> bytes:
    body = b"1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n\n"
    return f"filedesc://{name} 0.0.0.0 20240305100000 text/plain {len(body)}\n".encode() + body + b"\n"


# --- HTTP server -----------------------------------------------------------------------------------

@dataclass
class Hit:
    path: str
    at: float
    user_agent: str | None


@dataclass
class Server:
    base: str
    hits: list[Hit] = field(default_factory=list)
    routes: dict[str, Callable[[BaseHTTPRequestHandler], None]] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return self.base + path

    def times(self, path: str) -> list[float]:
        return [h.at for h in self.hits if h.path == path]


def send(handler: BaseHTTPRequestHandler, status: int, body: bytes, ctype: str = "text/html; charset=utf-8",
         headers: dict[str, str] | None = None) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", ctype)
    handler.send_header("Content-Length", str(len(body)))
    for k, v in (headers or {}).items():
        handler.send_header(k, v)
    handler.end_headers()
    handler.wfile.write(body)


def static(body: bytes, ctype: str = "text/html; charset=utf-8", status: int = 200,
           headers: dict[str, str] | None = None) -> Callable[[BaseHTTPRequestHandler], None]:
    return lambda h: send(h, status, body, ctype, headers)


def endless(h: BaseHTTPRequestHandler) -> None:
    """A page that never ends: HTML as fast as the client reads it."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()
    chunk = b"<p>" + b"more words " * 900 + b"</p>\n"
    h.wfile.write(b"<html><body>")
    while True:
        h.wfile.write(chunk)


def trickle(h: BaseHTTPRequestHandler) -> None:
    """A page that sends one byte every 0.2 s, forever (never a read timeout, never an end)."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()
    while True:
        h.wfile.write(b"x")
        h.wfile.flush()
        time.sleep(0.2)


def gzip_bomb(h: BaseHTTPRequestHandler) -> None:
    """Content-Encoding gzip of zeros, compressed on the fly: KBs on the wire, GBs once inflated."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Encoding", "gzip")
    h.end_headers()
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = b"\0" * (1 << 20)
    for _ in range(4096):  # 4 GiB of zeros if anyone read it all
        out = comp.compress(zeros)
        if out:
            h.wfile.write(out)
    h.wfile.write(comp.flush())


def slow(seconds: float, body: bytes, ctype: str = "application/rss+xml") -> Callable[[BaseHTTPRequestHandler], None]:
    def handler(h: BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)
        send(h, 200, body, ctype)
    return handler


def redirect(to: str, status: int = 301) -> Callable[[BaseHTTPRequestHandler], None]:
    return lambda h: send(h, status, b"", headers={"Location": to})


def start_server(routes: dict[str, Callable[[BaseHTTPRequestHandler], None]]) -> tuple[Server, Callable[[], None]]:
    server_box: list[Server] = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802
            srv = server_box[0]
            srv.hits.append(Hit(self.path, time.monotonic(), self.headers.get("User-Agent")))
            route = srv.routes.get(self.path)
            try:
                if route is None:
                    send(self, 404, b"<html><body>not here</body></html>")
                else:
                    route(self)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    srv = Server(base=f"http://127.0.0.1:{httpd.server_address[1]}", routes=dict(routes))
    server_box.append(srv)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()

    def stop() -> None:
        httpd.shutdown()
        httpd.server_close()

    return srv, stop
