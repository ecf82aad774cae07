"""Headers every response carries, and the read-only rule: the web side never writes.

Pure ASGI (no BaseHTTPMiddleware) so streamed downloads pass through untouched.
"""
from __future__ import annotations

import json
from typing import Any, Awaitable, Callable

from quotewire.web.docs import docs_csp

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# No inline script or style anywhere in our pages: article content that slips through as
# markup still cannot run. Images only from ourselves (we never hotlink article images).
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
# /docs (Swagger UI, served from this server: quotewire.web.docs) runs one inline script,
# allowed by its hash; that page shows no archive content.
DOCS_PATHS = ("/docs",)
READ_METHODS = {"GET", "HEAD", "OPTIONS"}

SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]


class SecurityMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        csp = docs_csp() if path in DOCS_PATHS else CSP
        extra = [*SECURITY_HEADERS, (b"content-security-policy", csp.encode())]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in {h for h, _ in extra}]
                message = {**message, "headers": headers + extra}
            await send(message)

        method = scope["method"]
        if method == "OPTIONS":
            await send_with_headers({"type": "http.response.start", "status": 204, "headers": [
                (b"allow", b"GET, HEAD, OPTIONS"), (b"content-length", b"0")]})
            await send({"type": "http.response.body", "body": b""})
            return
        if method == "HEAD":  # answered as GET with the body dropped (monitors and link checkers use it)
            async def send_head(message: Message) -> None:
                if message["type"] == "http.response.body":
                    if message.get("more_body", False):
                        return
                    message = {"type": "http.response.body", "body": b""}
                await send_with_headers(message)

            await self.app({**scope, "method": "GET"}, receive, send_head)
            return
        if method not in READ_METHODS:
            body = json.dumps({"detail": f"{scope['method']} is not allowed: the web archive is read-only "
                                         "(ingest with `quotewire ingest`)", "param": None}).encode()
            await send_with_headers({"type": "http.response.start", "status": 405, "headers": [
                (b"content-type", b"application/json"), (b"allow", b"GET, HEAD, OPTIONS"),
                (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, send_with_headers)
