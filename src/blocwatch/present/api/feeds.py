"""A watchlist as an Atom feed (RFC 4287): one entry per item it matches, linking to the fact page."""
from __future__ import annotations

from datetime import datetime, timezone
from xml.etree import ElementTree as ET

from ...analyze.watch import Alert, Watchlist

ATOM = "http://www.w3.org/2005/Atom"


def atom_feed(watch: Watchlist, items: list[Alert], base_url: str) -> bytes:
    """Return the Atom XML of ``watch`` with ``items`` (text escaped by the XML writer)."""
    ET.register_namespace("", ATOM)
    base = base_url.rstrip("/")
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "id", f"tag:blocwatch,2025:watchlist/{watch.name}")
    _text(feed, "title", f"blocwatch: {watch.name} ({watch.describe()})")
    _text(feed, "updated", _stamp(max((a.fact.last_reported or "" for a in items), default="")))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=f"{base}/api/watchlists/{watch.name}/atom")
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", "blocwatch")
    for alert in items:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "id", f"tag:blocwatch,2025:watchlist/{watch.name}/{alert.key}")
        _text(entry, "title", alert.title)
        _text(entry, "updated", _stamp(alert.fact.last_reported or ""))
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=f"{base}/facts/{alert.fact.id}")
        evidence = alert.fact.evidence[0].evidence.sentence if alert.fact.evidence else ""
        _text(entry, "summary", evidence or alert.title)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}").text = text


def _stamp(day: str) -> str:
    """Return an RFC 3339 time for a YYYY[-MM[-DD]] date (start of the day, UTC); now when there is none."""
    parts = (day.split("-") + ["01", "01"])[:3] if day else []
    try:
        return datetime(*map(int, parts), tzinfo=timezone.utc).isoformat() if parts else _now()
    except ValueError:
        return _now()


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()
