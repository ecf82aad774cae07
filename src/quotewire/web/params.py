"""Query parameters shared by a page and its JSON twin, checked once with clear messages.

HTML forms send empty strings for "any"; those mean "no filter". A bad value is a 400 that
names the parameter (as HTML on pages, JSON under /api).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Query

KINDS = ("direct", "mixed", "indirect")
MAX_PER_PAGE = 100


class BadParam(ValueError):
    """A query parameter the archive cannot use: ``param`` names it."""

    def __init__(self, param: str, message: str) -> None:
        self.param = param
        self.message = message
        super().__init__(f"{param}: {message}")


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def _date(param: str, value: str | None) -> str | None:
    """YYYY-MM-DD, or a whole month (YYYY-MM) or year (YYYY) as the archive reads them."""
    value = _clean(value)
    if value is None:
        return None
    try:
        if len(value) == 4 and value.isdigit():
            return value
        if len(value) == 7 and value[4] == "-":
            return date.fromisoformat(value + "-01").isoformat()[:7]
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise BadParam(param, f"{value!r} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)") from None


def _int_or_name(value: str | None) -> int | str | None:
    """Speakers and outlets can be named or given by archive id (what the pages link with)."""
    value = _clean(value)
    if value is None:
        return None
    return int(value) if value.isdigit() else value


@dataclass
class Paging:
    page: int = 1
    per_page: int = 20


@dataclass
class SearchParams:
    q: str | None = None
    speaker: str | None = None
    outlet: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    kind: str | None = None
    language: str | None = None
    page: int = 1
    per_page: int = 20

    def filters(self) -> dict[str, Any]:
        """Keyword arguments for Archive.search / iter_search (without paging)."""
        return {"speaker": _int_or_name(self.speaker), "outlet": _int_or_name(self.outlet),
                "date_from": self.date_from, "date_to": self.date_to, "kind": self.kind,
                "language": self.language}

    @property
    def active(self) -> bool:
        return any(v for k, v in asdict(self).items() if k not in ("page", "per_page"))

    def query(self, **changes: Any) -> str:
        """This search as a query string (for pager and download links), with ``changes`` applied."""
        values = {**asdict(self), **changes}
        if values.get("page") == 1:
            values.pop("page")
        if values.get("per_page") == 20:
            values.pop("per_page")
        return urlencode({k: v for k, v in values.items() if v not in (None, "")})


PageQ = Annotated[int, Query(ge=1, le=100000, description="Page number, from 1.")]
PerPageQ = Annotated[int, Query(ge=1, le=MAX_PER_PAGE, description=f"Results per page (at most {MAX_PER_PAGE}).")]


def search_params(
    q: Annotated[str | None, Query(max_length=500, description="Full-text query over quote content.")] = None,
    speaker: Annotated[str | None, Query(max_length=200, description="Speaker id or name.")] = None,
    outlet: Annotated[str | None, Query(max_length=200, description="Outlet id or name.")] = None,
    date_from: Annotated[str | None, Query(description="Earliest publication date, YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, Query(description="Latest publication date, YYYY-MM-DD.")] = None,
    kind: Annotated[str | None, Query(description="direct, mixed or indirect.")] = None,
    language: Annotated[str | None, Query(max_length=8, description="Language code, e.g. en.")] = None,
    page: PageQ = 1,
    per_page: PerPageQ = 20,
) -> SearchParams:
    kind = _clean(kind)
    if kind is not None and kind not in KINDS:
        raise BadParam("kind", f"{kind!r} is not one of {', '.join(KINDS)}")
    language = _clean(language)
    if language is not None and not (language.replace("-", "").isalpha() and len(language) <= 8):
        raise BadParam("language", f"{language!r} is not a language code")
    d_from, d_to = _date("date_from", date_from), _date("date_to", date_to)
    if d_from and d_to and len(d_from) == len(d_to) and d_from > d_to:
        raise BadParam("date_to", f"{d_to} is before date_from {d_from}")
    return SearchParams(q=_clean(q), speaker=_clean(speaker), outlet=_clean(outlet), date_from=d_from,
                        date_to=d_to, kind=kind, language=language.lower() if language else None,
                        page=page, per_page=per_page)


def paging(page: PageQ = 1, per_page: PerPageQ = 20) -> Paging:
    return Paging(page=page, per_page=per_page)


def pages(total: int, page: int, per_page: int) -> int:
    return max(1, -(-total // per_page))


def qs(base: dict[str, Any] | SearchParams | None = None, **changes: Any) -> str:
    """A query string from ``base`` with ``changes``; empty values and default paging dropped."""
    values = dict(asdict(base) if isinstance(base, SearchParams) else (base or {}))
    values.update(changes)
    if values.get("page") == 1:
        values.pop("page")
    return urlencode({k: v for k, v in values.items() if v not in (None, "")})
