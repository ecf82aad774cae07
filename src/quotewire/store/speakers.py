"""One person, one speaker, across the archive: resolving an article's speakers to archive rows.

Within an article the attribution stage gives one name per person (``Speaker.name``, the fullest
the article gives, with the article's other forms in ``Speaker.aliases``). Across articles a name
is resolved by its key (``names.name_key``: titles, honorifics and middle initials off):

* the same key is the same speaker ("Donald J. Trump", "President Trump" -> "Donald Trump");
* a full name whose first and last words match exactly one speaker's full name joins it
  ("Donald John Trump" -> "Donald Trump");
* a surname alone ("Trump") joins the one full name in the archive it can be; while two full
  names share it ("Bill Clinton", "Hillary Clinton") it stays a speaker of its own, and when a
  second full name arrives, the articles that gave the surname alone move back to it;
* an organisation's short form ("ESA") joins it only where an article says so (its aliases);
* an unnamed source ("analysts", "a company spokesperson") never gets a speaker row;
* a person and an organisation never merge. Where their words are one key ("Jordan" the person,
  "Jordan" the country), the person (or a speaker of unknown kind) holds the bare key and the
  organisation takes ``key (organization)``, whichever arrived first (``Resolver._claim``).

The display name is the most used full form (titles off), then the longest, then the first
alphabetically: it depends on what the archive holds, never on the order it arrived in.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from quotewire.records import Article, Speaker
from quotewire.store import names
from quotewire.store.models import ArticleSpeaker, QuoteRow, SpeakerAlias, SpeakerRole, SpeakerRow

PERSONLIKE = ("person", "unknown")
ORG_SUFFIX = " (organization)"


def org_key(key: str) -> str:
    """The key of an organisation whose words a person's key already has."""
    return key[:300 - len(ORG_SUFFIX)] + ORG_SUFFIX


def _clean(s: str | None, limit: int = 300) -> str | None:
    if s is None:
        return None
    s = " ".join(s.replace("\x00", " ").split())
    return s[:limit] or None


def _compatible(a: str, b: str) -> bool:
    return a == "unknown" or b == "unknown" or a == b


def _within(a: list[str], b: list[str]) -> bool:
    """One name's words are the other's with words left out ("donald trump" in "donald john trump")."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    it = iter(long)
    return all(w in it for w in short)


def _acronym(written: str) -> bool:
    letters = [c for c in written if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in written.strip()


class Resolver:
    """Speaker rows for names, within one transaction (``Session``)."""

    def __init__(self, s: Session) -> None:
        self.s = s
        self.touched: set[int] = set()
        self._known: dict[int, set[str]] = {}  # speaker id -> folded aliases already stored

    # --- lookups -------------------------------------------------------------------------------

    def _by_surname(self, surname: str) -> tuple[dict[int, tuple[str, set[str]]], dict[int, str]]:
        """speaker id -> (kind, name keys) of every speaker with a name ending in ``surname``, and
        speaker id -> its key (``norm_name``), in one query."""
        found: dict[int, tuple[str, set[str]]] = {}
        keys: dict[int, str] = {}
        for sid, key, kind, norm in self.s.execute(
                select(SpeakerAlias.speaker_id, SpeakerAlias.name_key, SpeakerRow.kind, SpeakerRow.norm_name)
                .join(SpeakerRow, SpeakerRow.id == SpeakerAlias.speaker_id)
                .where(SpeakerAlias.surname == surname[:100])):
            found.setdefault(sid, (kind, set()))[1].add(key)
            keys[sid] = norm
        return found, keys

    def _bare_row(self, key: str) -> SpeakerRow | None:
        return self.s.scalars(select(SpeakerRow).where(SpeakerRow.norm_name == key)).one_or_none()

    def _org_row(self, key: str) -> SpeakerRow | None:
        """The organisation (or unknown) row of ``key``: the bare key's, else the suffixed one's."""
        row = self._bare_row(key)
        if row is not None and row.kind != "person":
            return row
        return self._bare_row(org_key(key))

    def _claim(self, row: SpeakerRow, key: str) -> None:
        """Give ``row`` the key ``key`` where the rule allows, the same whatever the ingest order: a
        person or unknown speaker holds the bare key, an organisation with a person's words takes
        ``org_key(key)`` (and gives the bare key up to a person who arrives later). Two speakers of
        one kind never share a key (they would be one speaker), so a clash between them leaves
        ``row`` as it is."""
        holder = self._bare_row(key)
        if holder is None or holder is row:
            row.norm_name = key
            return
        if row.kind == "organization" and holder.kind != "organization":
            if self._bare_row(org_key(key)) in (None, row):
                row.norm_name = org_key(key)
        elif holder.kind == "organization" and row.kind != "organization":
            if self._bare_row(org_key(key)) is None:
                holder.norm_name = org_key(key)
                self.s.flush()
                row.norm_name = key

    @staticmethod
    def _full_with(keys: set[str], surname: str) -> bool:
        return any(len(k.split()) > 1 and k.split()[-1] == surname for k in keys)

    def find(self, name: str, kind: str, aliases: list[str] = ()) -> int | None:
        """The speaker this name is in the archive, or None when it is new (see the module docstring)."""
        key = names.name_key(name)[:300]
        words = key.split()
        surname = words[-1]
        cands, norms = self._by_surname(surname)
        exact = sorted(sid for sid, (k, keys) in cands.items() if key in keys and _compatible(k, kind))
        fulls = sorted(sid for sid, (k, keys) in cands.items()
                       if k in PERSONLIKE and kind in PERSONLIKE and self._full_with(keys, surname))
        bare_id = next((sid for sid, norm in sorted(norms.items()) if norm == surname), None)
        bare = self.s.get(SpeakerRow, bare_id) if bare_id is not None else None
        if len(words) == 1:
            if kind == "organization":
                return exact[0] if exact else None
            options = sorted(set(exact) | set(fulls) - {bare_id})
            if len(options) == 1:
                return options[0]
            return bare_id if bare_id is not None and _compatible(bare.kind, kind) else None
        if exact:
            return exact[0]
        if kind in PERSONLIKE:
            first_last = [sid for sid in fulls if any(  # "Donald John Trump" ~ "Donald Trump", not "Jr." ~ "Jr."
                len(k.split()) > 1 and k.split()[0] == words[0] and _within(k.split(), words) for k in cands[sid][1])]
            if len(first_last) == 1:
                return first_last[0]
            if bare_id is not None and not fulls and bare.kind in PERSONLIKE:
                return bare_id  # the surname alone, now with the one full name it can be
        near = self._near_duplicate(key, kind)
        if near is not None:
            return near
        if kind != "person":  # an organisation named by a short form an article gives for it
            for alias in aliases:
                if kind == "organization" or _acronym(alias):
                    alias_key = names.name_key(alias)[:300]
                    row = self._org_row(alias_key)
                    if row is not None and _compatible(row.kind, kind) and len(alias_key.split()) == 1:
                        return row.id
        return None

    def _near_duplicate(self, key: str, kind: str) -> int | None:
        first = names.like_prefix(key)
        for cand in self.s.scalars(select(SpeakerRow).where(SpeakerRow.norm_name.like(first, escape="\\"))
                                   .order_by(SpeakerRow.id)):
            if names.near_duplicate(key, cand.norm_name) and _compatible(cand.kind, kind):
                return cand.id
        return None

    # --- writing -------------------------------------------------------------------------------

    def resolve(self, name: str, kind: str, aliases: list[str] = ()) -> int | None:
        """The speaker id for ``name`` (created when new); None for an unnamed source or no name."""
        name = _clean(name) or ""
        if kind == "unnamed" or not names.name_key(name):
            return None
        key = names.name_key(name)[:300]
        sid = self.find(name, kind, list(aliases))
        if sid is None:
            row = SpeakerRow(name=names.display_form(name)[:300], norm_name=None, kind=kind)
            self._claim(row, key)  # not in the session yet: its queries cannot flush it half-made
            if row.norm_name is None:
                row.norm_name = f"{key} ({kind})"[:300]
            row = self._bare_row(row.norm_name) or row
            if row.id is None:
                self.s.add(row)
                self.s.flush()
            sid = row.id
            if len(key.split()) > 1 and kind in PERSONLIKE:
                self._split_surname(key.split()[-1], keep=sid)
        if kind not in ("unknown", "unnamed"):
            row = self.s.get(SpeakerRow, sid)
            if row is not None and row.kind == "unknown":
                row.kind = kind
        self.alias(sid, name)
        self.touched.add(sid)
        return sid

    def alias(self, sid: int, written: str | None) -> None:
        written = _clean(written)
        if not written:
            return
        folded = names.fold(written)[:300]
        key = names.name_key(written)[:300]
        if not folded or not key:
            return
        known = self._known.get(sid)
        if known is None:
            known = self._known[sid] = set(self.s.scalars(select(SpeakerAlias.norm_alias)
                                                          .where(SpeakerAlias.speaker_id == sid)))
        if folded not in known:  # written at the next query (autoflush) or at the end
            known.add(folded)
            self.s.add(SpeakerAlias(speaker_id=sid, alias=written, norm_alias=folded, name_key=key,
                                    surname=key.split()[-1][:100]))

    def role(self, sid: int, role: str | None, day: str | None) -> None:
        role = _clean(role)
        if not role:
            return
        row = self.s.scalars(select(SpeakerRole).where(SpeakerRole.speaker_id == sid,
                                                       SpeakerRole.role == role)).one_or_none()
        if row is None:
            self.s.add(SpeakerRole(speaker_id=sid, role=role, first_seen=day, last_seen=day))
            self.s.flush()
        elif day:
            row.first_seen = min(row.first_seen or day, day)
            row.last_seen = max(row.last_seen or day, day)

    def _split_surname(self, surname: str, keep: int) -> None:
        """A second full name with this surname: articles that gave the surname alone to another
        full-named speaker go back to the surname's own speaker (it is ambiguous now)."""
        cands, _ = self._by_surname(surname)
        others = [sid for sid, (k, keys) in cands.items()
                  if sid != keep and k in PERSONLIKE and self._full_with(keys, surname)]
        if not others:
            return
        moves: list[tuple[int, int, str]] = []  # (article, from speaker, name as the article gave it)
        for sid in others:
            for aid, written in self.s.execute(select(ArticleSpeaker.article_id, ArticleSpeaker.name)
                                               .where(ArticleSpeaker.speaker_id == sid)):
                if names.name_key(written) == surname:
                    moves.append((aid, sid, written))
        if not moves:
            return
        bare = self._bare_row(surname)
        if bare is None:
            bare = SpeakerRow(name=names.display_form(moves[0][2])[:300], norm_name=surname, kind="unknown")
            self.s.add(bare)
            self.s.flush()
        for aid, sid, written in moves:
            self.s.execute(update(QuoteRow).where(QuoteRow.article_id == aid, QuoteRow.speaker_id == sid)
                           .values(speaker_id=bare.id))
            self.s.execute(delete(ArticleSpeaker).where(ArticleSpeaker.article_id == aid,
                                                        ArticleSpeaker.speaker_id == sid))
            if self.s.get(ArticleSpeaker, (aid, bare.id)) is None:
                self.s.add(ArticleSpeaker(article_id=aid, speaker_id=bare.id, name=written))
            self.s.flush()
            still = self.s.scalar(select(func.count()).select_from(ArticleSpeaker).where(
                ArticleSpeaker.speaker_id == sid, func.lower(ArticleSpeaker.name) == written.lower()))
            if not still:  # the surname came only from the moved articles
                self.s.execute(delete(SpeakerAlias).where(SpeakerAlias.speaker_id == sid,
                                                          SpeakerAlias.name_key == surname))
                self._known.pop(sid, None)
            self.touched.add(sid)
        self.alias(bare.id, moves[0][2])
        self.touched.add(bare.id)

    def refresh_names(self) -> None:
        """Each touched speaker's display name: its most used full form (see the module docstring)."""
        ids = sorted(self.touched)
        self.touched.clear()
        if not ids:
            return
        uses: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for sid, written, n in self.s.execute(select(ArticleSpeaker.speaker_id, ArticleSpeaker.name, func.count())
                                              .where(ArticleSpeaker.speaker_id.in_(ids))
                                              .group_by(ArticleSpeaker.speaker_id, ArticleSpeaker.name)):
            uses[sid][names.display_form(written)] += int(n)
        forms: dict[int, set[str]] = defaultdict(set)
        for sid, alias in self.s.execute(select(SpeakerAlias.speaker_id, SpeakerAlias.alias)
                                         .where(SpeakerAlias.speaker_id.in_(ids))):
            forms[sid].add(names.display_form(alias))
        for row in self.s.scalars(select(SpeakerRow).where(SpeakerRow.id.in_(ids))):
            best = best_name(forms[row.id] | set(uses[row.id]), uses[row.id], row.kind)
            if best is None:
                continue
            key = names.name_key(best)[:300]
            if row.name != best[:300]:
                row.name = best[:300]
            if row.norm_name not in (key, org_key(key)) or (row.norm_name == org_key(key)
                                                             and row.kind != "organization"):
                self._claim(row, key)
        self.s.flush()


def best_name(forms: set[str], uses: dict[str, int], kind: str) -> str | None:
    """The most used full form, then the one with most words, then the longest, then alphabetical."""
    forms = {f for f in forms if names.name_key(f)}
    if not forms:
        return None
    full = {f for f in forms if len(names.name_key(f).split()) > 1} or forms
    if kind == "organization" or any(_acronym(f) for f in full):
        full = {f for f in full if not _acronym(f)} or full
    return sorted(full, key=lambda f: (-uses.get(f, 0), -len(names.name_key(f).split()), -len(f), f))[0]


def link_article(s: Session, article_id: int, article: Article, day: str | None) -> list[tuple[int | None, str]]:
    """Resolves an article's speakers and writes its links, aliases and roles.

    Returns, for each of ``article.quotes`` in order, (speaker id or None, speaker kind).
    """
    res = Resolver(s)
    by_name: dict[str, Speaker] = {}
    for sp in article.speakers:
        by_name.setdefault(sp.name, sp)
        for alias in sp.aliases:
            by_name.setdefault(alias, sp)
    ids: dict[str, int | None] = {}
    links: dict[int, str] = {}

    def resolve(name: str | None, kind: str) -> int | None:
        name = _clean(name)
        if not name:
            return None
        sp = by_name.get(name)
        if kind == "unnamed" or (sp is not None and sp.kind == "unnamed"):
            return None
        if name not in ids:
            canonical = (_clean(sp.name) if sp is not None else None) or name
            if kind == "unknown" and sp is not None:
                kind = sp.kind
            sid = ids.get(canonical) if canonical in ids else res.resolve(
                canonical, kind, list(sp.aliases) if sp is not None else [])
            ids[name] = sid
            if sid is not None:
                links.setdefault(sid, canonical)
                ids.setdefault(canonical, sid)
                if sp is not None:
                    for alias in sp.aliases:
                        res.alias(sid, alias)
                    for role in sp.roles:
                        res.role(sid, role, day)
                res.alias(sid, name)
        return ids[name]

    for sp in article.speakers:
        resolve(sp.name, sp.kind)
    out: list[tuple[int | None, str]] = []
    for quote in article.quotes:
        sp = by_name.get(_clean(quote.speaker.name) or "") if quote.speaker.name else None
        kind = quote.speaker.kind
        if kind == "unknown" and sp is not None:
            kind = sp.kind
        sid = resolve(quote.speaker.name, kind)
        if sid is not None and _clean(quote.speaker.role):
            res.role(sid, quote.speaker.role, day)
        out.append((sid, kind))
    # the article's links were removed before (an update) or never existed: one per speaker
    s.add_all([ArticleSpeaker(article_id=article_id, speaker_id=sid, name=written) for sid, written in links.items()])
    s.flush()
    res.touched.update(links)
    res.refresh_names()
    return out


def relink_all(s: Session, records: Any) -> None:
    """Rebuilds every speaker from the stored records (``(article_id, record_json, day)`` in order):
    how a migration brings an older archive's speakers under these rules."""
    s.execute(update(QuoteRow).values(speaker_id=None))
    for table in (ArticleSpeaker, SpeakerRole, SpeakerAlias, SpeakerRow):
        s.execute(delete(table))
    s.flush()
    for article_id, record, day in records:
        try:
            article = Article.model_validate_json(record)
        except ValueError:
            continue
        for pos, (sid, kind) in enumerate(link_article(s, article_id, article, day)):
            s.execute(update(QuoteRow).where(QuoteRow.article_id == article_id, QuoteRow.position == pos)
                      .values(speaker_id=sid, speaker_kind=kind))
