"""Retention: prune raw documents fetched before a cut-off, and reconcile what their evidence supported.

Each raw document goes in its own transaction with its document, its mentions and its cache entry, and every
issuer/target family it touched is recomputed from the mentions that remain: an event left without evidence is
retracted (with a change saying so), one still supported elsewhere keeps its other sources.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.engine import Engine

from db import repo
from db.engine import session_scope
from tracker.reconcile import reconcile_family


@dataclass
class PruneReport:
    raw_documents: int = 0
    changes: int = 0

    @property
    def failed(self) -> bool:
        return False

    def summary(self) -> str:
        return f"{self.raw_documents} raw documents pruned, {self.changes} changes"


def prune(engine: Engine, *, before: datetime) -> PruneReport:
    report = PruneReport()
    with session_scope(engine) as session:
        raw_ids = repo.raw_ids_before(session, before=before)
    for raw_id in raw_ids:
        with session_scope(engine) as session:
            repo.serialize_writers(session)
            families = repo.delete_raw(session, raw_id=raw_id)
            for issuer, target, family in sorted(families):
                events = repo.family_events(session, issuer=issuer, target=target, family=family)
                facts = repo.family_facts(session, issuer=issuer, target=target, family=family)
                result = reconcile_family([repo.to_state(e) for e in events], facts)
                report.changes += len(repo.apply_reconciled(session, events=events, result=result))
            report.raw_documents += 1
    return report
