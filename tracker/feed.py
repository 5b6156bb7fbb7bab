"""The change log as an Atom feed (RFC 4287), so a feed reader can follow what changed (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from db.models import Change
from tracker.countries import gazetteer

ATOM = "http://www.w3.org/2005/Atom"
FEED_ID = "tag:tracker.invalid,2026:changes"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def _stamp(when: datetime) -> str:
    return when.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def atom_feed(changes: Sequence[Change], *, base_url: str, self_url: str, title: str) -> bytes:
    """Newest change first; each entry links to the event's evidence page."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _sub(feed, "id", f"{FEED_ID}:{self_url.split('?', 1)[-1] if '?' in self_url else 'all'}")
    _sub(feed, "title", title)
    updated = max((c.created_at for c in changes), default=datetime(2026, 1, 1, tzinfo=UTC))
    _sub(feed, "updated", _stamp(updated))
    _sub(feed, "link", rel="self", href=self_url, type="application/atom+xml")
    _sub(feed, "link", rel="alternate", href=base_url + "/", type="text/html")
    author = _sub(feed, "author")
    _sub(author, "name", "tracker")
    _sub(feed, "generator", "tracker")
    names = gazetteer()
    for change in changes:
        entry = _sub(feed, "entry")
        _sub(entry, "id", f"{FEED_ID}:{change.id}")
        what = change.event_type.replace("_", " ")
        _sub(entry, "title", f"{names.name(change.issuer)} — {what} — {names.name(change.target)} ({change.kind})")
        _sub(entry, "updated", _stamp(change.created_at))
        _sub(entry, "published", _stamp(change.created_at))
        if change.event_id is not None and change.kind not in ("retracted", "level"):
            _sub(entry, "link", rel="alternate", href=f"{base_url}/events/{change.event_id}", type="text/html")
        else:
            _sub(entry, "link", rel="alternate", href=f"{base_url}/?target={change.target}", type="text/html")
        _sub(entry, "category", term=change.kind)
        _sub(entry, "category", term=change.event_type)
        _sub(entry, "summary", change.summary)
    document: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return document
