"""The read-only web UI and JSON API over the archive (``quotewire serve``).

``create_app(archive_url)`` builds the FastAPI app; pages are server-rendered Jinja2
templates that read without JavaScript, and every page has a JSON twin under /api.
"""
from quotewire.web.app import create_app

__all__ = ["create_app"]
