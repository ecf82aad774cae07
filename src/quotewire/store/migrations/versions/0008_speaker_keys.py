"""One key per speaker whatever the ingest order: where a person and an organisation have the
same words ("Jordan"), the person holds the bare key and the organisation ``key (organization)``
(``quotewire.store.speakers.Resolver._claim``). Before this revision the later arrival took the
suffix, so an archive could hold ``jordan`` (organisation) beside ``jordan (person)``; those
pairs are swapped here. Nothing else changes, and the older code reads the result as it is, so
downgrade leaves the keys alone.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

ORG_SUFFIX = " (organization)"  # frozen here: store.speakers.ORG_SUFFIX at this revision

speakers = sa.table("speakers", sa.column("id", sa.Integer), sa.column("norm_name", sa.String),
                    sa.column("kind", sa.String))


def upgrade() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.select(speakers.c.id, speakers.c.norm_name, speakers.c.kind)).all()
    by_key = {key: (sid, kind) for sid, key, kind in rows}
    for sid, key, kind in rows:
        for suffix in (" (person)", " (unknown)"):
            if kind == "organization" or not key.endswith(suffix):
                continue
            bare = key[:-len(suffix)]
            org = by_key.get(bare)
            moved = bare[:300 - len(ORG_SUFFIX)] + ORG_SUFFIX
            if org is None or org[1] != "organization" or moved in by_key:
                continue
            bind.execute(speakers.update().where(speakers.c.id == org[0]).values(norm_name=moved))
            bind.execute(speakers.update().where(speakers.c.id == sid).values(norm_name=bare))
            by_key[moved], by_key[bare] = org, (sid, kind)
            del by_key[key]


def downgrade() -> None:
    pass
