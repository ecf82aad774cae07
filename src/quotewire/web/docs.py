"""The interactive API docs (/docs, Swagger UI) served entirely from this server.

FastAPI's own /docs page loads Swagger UI's script and style from a CDN and its favicon from
a third-party site, so a newsroom's server would make every reader's browser call strangers
(and the page is blank offline). The assets come instead from the pinned ``fastapi-offline``
package (MIT; it ships Swagger UI 5's ``swagger-ui-bundle.js``, ``swagger-ui.css`` and a
favicon) and are served under ``/static/docs``. The page's one inline script is allowed by its
SHA-256 hash, not by ``'unsafe-inline'``.
"""
from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse

DOCS_URL = "/docs"
ASSETS_URL = "/static/docs"
OPENAPI_URL = "/openapi.json"
ASSETS = Path(str(files("fastapi_offline") / "static"))
SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


@lru_cache(maxsize=1)
def docs_page(title: str = "quotewire") -> str:
    html = get_swagger_ui_html(
        openapi_url=OPENAPI_URL, title=f"{title} API",
        swagger_js_url=f"{ASSETS_URL}/swagger-ui-bundle.js", swagger_css_url=f"{ASSETS_URL}/swagger-ui.css",
        swagger_favicon_url=f"{ASSETS_URL}/favicon.png",
        # no "validator" badge: Swagger UI would send the document to an outside validator
        swagger_ui_parameters={"validatorUrl": None},
    ).body.decode()
    return html


def docs_csp(title: str = "quotewire") -> str:
    """The policy for /docs: everything from this server; the one inline script by its hash."""
    hashes = " ".join("'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
                      for s in SCRIPT.findall(docs_page(title)))
    return (f"default-src 'none'; script-src 'self' {hashes}; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self'; base-uri 'none'; frame-ancestors 'none'")


def docs_response(title: str = "quotewire") -> HTMLResponse:
    return HTMLResponse(docs_page(title), headers={"content-security-policy": docs_csp(title)})
