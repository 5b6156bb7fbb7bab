"""The web page (server-rendered with Jinja2) and the Atom feed: what a person or a feed reader opens."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request, Response
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from db import repo
from db.models import Event
from jobs.fetch import sources_of
from tracker.chart import Point, timeline_svg
from tracker.countries import gazetteer
from tracker.deps import SessionDep
from tracker.feed import atom_feed
from tracker.records import EMBASSY_TYPES, LEAVE_TYPES, EventType
from tracker.views import rows_of, source_health

TYPE_LABELS = {
    EventType.LEAVE_ADVISORY.value: "Told citizens to leave",
    EventType.EMBASSY_DRAWDOWN.value: "Embassy drawdown",
    EventType.EMBASSY_RELOCATION.value: "Embassy moved",
    EventType.EMBASSY_CLOSURE.value: "Embassy closed",
    EventType.EMBASSY_RETURN.value: "Embassy back",
    EventType.ADVISORY_LIFTED.value: "Advice lifted",
}

_templates = Environment(loader=PackageLoader("tracker", "templates"), autoescape=select_autoescape(["html"]))


def timeline_points(events: list[Event]) -> list[Point]:
    """Per day with an event, how many governments had advised leaving / acted on their embassy by then."""
    first_leave: dict[str, Any] = {}
    first_embassy: dict[str, Any] = {}
    for event in events:
        if event.event_type in LEAVE_TYPES:
            bucket = first_leave
        elif event.event_type in EMBASSY_TYPES:
            bucket = first_embassy
        else:
            continue
        if event.issuer not in bucket or event.date < bucket[event.issuer]:
            bucket[event.issuer] = event.date
    days = sorted(set(first_leave.values()) | set(first_embassy.values()))
    return [
        Point(day, sum(d <= day for d in first_leave.values()), sum(d <= day for d in first_embassy.values()))
        for day in days
    ]


router = APIRouter(include_in_schema=False)


def _known_target(code: str) -> str:
    upper = code.strip().upper()
    if not gazetteer().is_known(upper):
        raise HTTPException(status_code=422, detail=f"unknown country code {code!r}: use ISO 3166-1 alpha-2")
    return upper


@router.get("/", response_class=HTMLResponse)
def index(request: Request, s: SessionDep, target: str | None = None) -> HTMLResponse:
    settings = request.app.state.settings
    code = _known_target(target or settings.default_target)
    names = gazetteer()
    events = repo.list_events(s, target=code)
    by_issuer: dict[str, dict[str, list[Event]]] = defaultdict(lambda: defaultdict(list))
    for event in events:
        by_issuer[event.issuer][event.event_type].append(event)
    rows = [
        {"code": issuer, "name": names.name(issuer), "cells": [by_issuer[issuer].get(kind, []) for kind in TYPE_LABELS]}
        for issuer in sorted(by_issuer, key=names.name)
    ]
    targets = {w.target for w in settings.watches} | set(repo.event_targets(s)) | {code}
    levels = [
        {
            "issuer_name": names.name(lv.issuer),
            "level": lv.level,
            "native_label": lv.native_label,
            "scope": lv.scope,
            "leave": lv.leave,
            "url": lv.url,
            "updated": lv.source_updated_at.date().isoformat() if lv.source_updated_at else "",
        }
        for lv in repo.list_levels(s, target=code)
    ]
    points = timeline_points(events)
    html = _templates.get_template("index.html").render(
        target=code,
        target_name=names.name(code),
        targets=sorted((c, names.name(c)) for c in targets),
        chart=timeline_svg(points, f"Governments acting on {names.name(code)}, cumulative by day"),
        rows=rows,
        type_labels=list(TYPE_LABELS.values()),
        levels=levels,
        leave_count=points[-1].leave if points else 0,
        embassy_count=points[-1].embassy if points else 0,
        sources=source_health(s, sources_of(request.app.state.engine, settings), datetime.now(UTC)),
        last_change_id=repo.last_change_id(s),
    )
    return HTMLResponse(html)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(event_id: int, s: SessionDep) -> HTMLResponse:
    event = s.get(Event, event_id)
    if event is None:
        raise HTTPException(status_code=404, detail=f"no event {event_id}")
    names = gazetteer()
    (row,) = rows_of(s, [event])
    evidence = [
        {
            "document_title": d.title,
            "document_url": d.url,
            "published": d.published,
            "evidence": m.evidence,
            "date": m.date,
            "date_precision": m.date_precision,
            "status": m.status,
            "confidence": m.confidence,
        }
        for m, d in repo.event_mentions(s, event_id=event_id)
    ]
    html = _templates.get_template("event.html").render(
        target=event.target,
        event={**row.as_dict(), "issuer_name": names.name(event.issuer), "target_name": names.name(event.target)},
        type_label=TYPE_LABELS[event.event_type],
        evidence=evidence,
    )
    return HTMLResponse(html)


@router.get("/feed.atom")
def feed(
    request: Request,
    s: SessionDep,
    target: str | None = None,
    issuer: str | None = None,
    event_type: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> Response:
    flt_target = _known_target(target) if target else None
    flt_issuer = _known_target(issuer) if issuer else None
    if event_type and event_type not in TYPE_LABELS and event_type != "advisory_level":
        raise HTTPException(status_code=422, detail=f"unknown event_type {event_type!r}")
    changes = repo.latest_changes(s, limit=limit, target=flt_target, issuer=flt_issuer, event_type=event_type)
    base = str(request.base_url).rstrip("/")
    names = gazetteer()
    scope = names.name(flt_target) if flt_target else "all countries"
    body = atom_feed(changes, base_url=base, self_url=str(request.url), title=f"tracker: changes for {scope}")
    return Response(body, media_type="application/atom+xml; charset=utf-8")
