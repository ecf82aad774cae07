"""Query parameters shared by a page and its JSON twin, checked once with clear messages.

HTML forms send empty strings for "any"; those mean "no filter". A bad value is a 400 that
names the parameter (as HTML on pages, JSON under /api).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import HTTPException, Query, Request

from quotewire.store.ids import MAX_ID, fits as fits_id, is_digits

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


def _int_or_name(value: str | None, param: str = "id") -> int | str | None:
    """Speakers and outlets can be named or given by archive id (what the pages link with);
    a number no archive id can be is a 400 naming ``param``, not a driver's OverflowError."""
    value = _clean(value)
    if value is None:
        return None
    if not is_digits(value):
        return value
    if not fits_id(int(value)):
        raise BadParam(param, f"{value} is not an archive id (ids are 1 to {MAX_ID})")
    return int(value)


async def ids_in_range(request: Request) -> None:
    """App-wide dependency: a path id (``/articles/{article_id}``, ``/quotes/{quote_id}`` ...) that no
    archive id can be is a 404 before any route runs, so no route, one added later included, hands
    it to the database driver (an OverflowError, a 500). Async, as every dependency here: pure
    checks with no I/O, so none costs a hand-off to the thread pool."""
    for name, value in request.path_params.items():
        if name.endswith("_id") and isinstance(value, str) and is_digits(value) and not fits_id(int(value)):
            raise HTTPException(404, f"no {name.removesuffix('_id').replace('_', ' ')} with id {value}")


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
    act: str | None = None  # None: statements only (the default); "all", or acts joined by commas

    def filters(self) -> dict[str, Any]:
        """Keyword arguments for Archive.search / iter_search (without paging)."""
        return {"speaker": _int_or_name(self.speaker, "speaker"), "outlet": _int_or_name(self.outlet, "outlet"),
                "date_from": self.date_from, "date_to": self.date_to, "kind": self.kind,
                "language": self.language, "act": self.act or "statement"}

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
ActQ = Annotated[str | None, Query(max_length=40, description="What the cue reports: statement (said, told, wrote, "
                                   "according to; the default), belief (thinks, expects, wants, plans), other, "
                                   "several joined by commas, or all.")]
ACT_CHOICES = ("statement", "belief", "other", "all")


def act_param(act: str | None) -> str | None:
    """The act filter as the pages keep it: None for the default (statements), else "all" or a comma list."""
    from quotewire.records import parse_acts

    act = _clean(act)
    if act is None:
        return None
    try:
        acts = parse_acts(act)
    except ValueError as exc:
        raise BadParam("act", str(exc)) from None
    if acts is None:
        return "all"
    return None if acts == {"statement"} else ",".join(sorted(acts))
PerPageQ = Annotated[int, Query(ge=1, le=MAX_PER_PAGE, description=f"Results per page (at most {MAX_PER_PAGE}).")]

# the search filters, declared once for the search and the export
TextQ = Annotated[str | None, Query(max_length=500, description="Full-text query over quote content.")]
SpeakerQ = Annotated[str | None, Query(max_length=200, description="Speaker id or name.")]
OutletQ = Annotated[str | None, Query(max_length=200, description="Outlet id or name.")]
DateFromQ = Annotated[str | None, Query(description="Earliest publication date, YYYY-MM-DD.")]
DateToQ = Annotated[str | None, Query(description="Latest publication date, YYYY-MM-DD.")]
KindQ = Annotated[str | None, Query(description="direct, mixed or indirect.")]
LanguageQ = Annotated[str | None, Query(max_length=8, description="Language code, e.g. en.")]


async def search_params(
    q: TextQ = None,
    speaker: SpeakerQ = None,
    outlet: OutletQ = None,
    date_from: DateFromQ = None,
    date_to: DateToQ = None,
    kind: KindQ = None,
    language: LanguageQ = None,
    page: PageQ = 1,
    per_page: PerPageQ = 20,
    act: ActQ = None,
) -> SearchParams:
    return checked_search(q, speaker, outlet, date_from, date_to, kind, language, page, per_page, act)


def checked_search(q: str | None, speaker: str | None, outlet: str | None, date_from: str | None,
                   date_to: str | None, kind: str | None, language: str | None, page: int, per_page: int,
                   act: str | None) -> SearchParams:
    """The search parameters checked and cleaned (a BadParam naming the first bad one)."""
    kind = _clean(kind)
    if kind is not None and kind not in KINDS:
        raise BadParam("kind", f"{kind!r} is not one of {', '.join(KINDS)}")
    language = _clean(language)
    if language is not None and not (language.replace("-", "").isalpha() and len(language) <= 8):
        raise BadParam("language", f"{language!r} is not a language code")
    d_from, d_to = _date("date_from", date_from), _date("date_to", date_to)
    if d_from and d_to and len(d_from) == len(d_to) and d_from > d_to:
        raise BadParam("date_to", f"{d_to} is before date_from {d_from}")
    for name, value in (("speaker", speaker), ("outlet", outlet)):
        _int_or_name(value, name)  # a number no id can be: a 400 before any query
    return SearchParams(q=_clean(q), speaker=_clean(speaker), outlet=_clean(outlet), date_from=d_from,
                        date_to=d_to, kind=kind, language=language.lower() if language else None,
                        page=page, per_page=per_page, act=act_param(act))


async def paging(page: PageQ = 1, per_page: PerPageQ = 20) -> Paging:
    return Paging(page=page, per_page=per_page)


async def list_paging(page: PageQ = 1,
                      per_page: Annotated[int, Query(ge=1, le=MAX_PER_PAGE, description=f"Entries per page (at "
                                                                                         f"most {MAX_PER_PAGE}).")
                                          ] = 50) -> Paging:
    """Paging of the speaker and outlet lists (50 a page)."""
    return Paging(page=page, per_page=per_page)


async def export_params(
    q: TextQ = None,
    speaker: SpeakerQ = None,
    outlet: OutletQ = None,
    date_from: DateFromQ = None,
    date_to: DateToQ = None,
    kind: KindQ = None,
    language: LanguageQ = None,
    act: ActQ = None,
) -> SearchParams:
    """The search filters without paging: an export holds every hit."""
    return checked_search(q, speaker, outlet, date_from, date_to, kind, language, 1, 20, act)


def pages(total: int, page: int, per_page: int) -> int:
    return max(1, -(-total // per_page))


def qs(base: dict[str, Any] | SearchParams | None = None, **changes: Any) -> str:
    """A query string from ``base`` with ``changes``; empty values and default paging dropped."""
    values = dict(asdict(base) if isinstance(base, SearchParams) else (base or {}))
    values.update(changes)
    if values.get("page") == 1:
        values.pop("page")
    return urlencode({k: v for k, v in values.items() if v not in (None, "")})
