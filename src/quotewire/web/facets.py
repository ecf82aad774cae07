"""Facet counts of a search as the search page shows them: each value a link that adds (or,
when chosen, removes) its filter, datasette-style. The counts come from ``Archive.search_facets``."""
from __future__ import annotations

import calendar
from dataclasses import dataclass

from quotewire.records import Facets
from quotewire.web.params import SearchParams

TITLES = {"speaker": "Speaker", "outlet": "Outlet", "kind": "Kind", "month": "Month"}


@dataclass
class FacetLink:
    label: str
    count: int
    href: str | None  # None: a value no filter can take (unknown speaker, undated)
    chosen: bool


def _month_bounds(month: str) -> tuple[str, str]:
    y, m = int(month[:4]), int(month[5:7])
    return f"{month}-01", f"{month}-{calendar.monthrange(y, m)[1]:02d}"


def facet_links(facets: Facets, params: SearchParams) -> list[tuple[str, str, list[FacetLink]]]:
    """(facet, heading, links) for each facet with values, in the order speaker, outlet, kind, month."""
    out: list[tuple[str, str, list[FacetLink]]] = []
    for name in ("speaker", "outlet", "kind", "month"):
        links = []
        for fc in getattr(facets, name):
            if fc.value is None:
                links.append(FacetLink(fc.label, fc.count, None, False))
                continue
            if name == "month":
                lo, hi = _month_bounds(fc.value)
                chosen = params.date_from == lo and params.date_to == hi
                change = {"date_from": None, "date_to": None} if chosen else {"date_from": lo, "date_to": hi}
            else:
                chosen = getattr(params, name) == fc.value
                change = {name: None if chosen else fc.value}
            links.append(FacetLink(fc.label, fc.count, "/search?" + params.query(page=1, **change), chosen))
        if links:
            out.append((name, TITLES[name], links))
    return out
