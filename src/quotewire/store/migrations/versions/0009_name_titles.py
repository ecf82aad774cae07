"""A name title before a single given name is part of the name: "Prince Andrew", "Pope Francis",
"Queen Maria" are keyed and shown so, not as "Andrew" (``store.names._strip_front``). Before this
revision the title was stripped like "President", so the speaker was keyed and displayed by the
given name alone. Here every alias of that form gets its two-word key, and a person (or unknown)
speaker keyed by the given name alone that has such an alias takes that key and that name, unless
another speaker already holds it. The older code reads the result as it is (it only ever looks
keys up), so downgrade leaves it alone.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""
from __future__ import annotations

import re
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# frozen here: data/attribution/name_titles.txt (one-word titles) at this revision
NAME_TITLES = {"king", "queen", "prince", "princess", "pope", "sheikh", "sheikha", "emperor", "empress", "duke",
               "duchess", "sultan", "emir"}

speakers = sa.table("speakers", sa.column("id", sa.Integer), sa.column("name", sa.String),
                    sa.column("norm_name", sa.String), sa.column("kind", sa.String))
aliases = sa.table("speaker_aliases", sa.column("id", sa.Integer), sa.column("speaker_id", sa.Integer),
                   sa.column("alias", sa.String), sa.column("name_key", sa.String))


def _fold(text: str) -> str:  # frozen: store.names.fold at this revision
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"['’`]s\b", "", text)
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


def upgrade() -> None:
    bind = op.get_bind()
    rows = {sid: (key, kind) for sid, key, kind in bind.execute(
        sa.select(speakers.c.id, speakers.c.norm_name, speakers.c.kind))}
    held = {key for key, _ in rows.values()}
    for aid, sid, written, key in bind.execute(
            sa.select(aliases.c.id, aliases.c.speaker_id, aliases.c.alias, aliases.c.name_key)).all():
        words = _fold(written).split()
        if len(words) != 2 or words[0] not in NAME_TITLES or key != words[1]:
            continue
        new = " ".join(words)
        bind.execute(aliases.update().where(aliases.c.id == aid).values(name_key=new))
        own_key, kind = rows.get(sid, ("", ""))
        if own_key == words[1] and kind in ("person", "unknown") and new not in held:
            display = " ".join(written.split())
            bind.execute(speakers.update().where(speakers.c.id == sid).values(norm_name=new, name=display[:300]))
            held.discard(own_key)
            held.add(new)
            rows[sid] = (new, kind)


def downgrade() -> None:
    pass
