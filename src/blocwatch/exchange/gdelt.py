"""GDELT 2.0 event rows -> reported facts: CAMEO codes mapped to PLOVER, the source URL kept.

A GDELT row is a machine coding of one article, not a statement by a party, so every row is stored as
a *reported* mention whose claimant is the article's outlet (the URL's host): several rows about one
happening from different outlets fuse into one fact with that many independent sources. The stored
text of each row is a generated line naming the row, its parties and its URL, so the evidence span
points at something real; the article itself is never fetched.
"""
from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..config import Settings
from ..errors import InputError
from ..ingest import Problem
from ..model import Actor, CodedDocument, Document, Event, Evidence
from ..knowledge import load_knowledge
from ..pipeline import IngestReport
from ..store import Store
from .cameo import PloverCode, plover_code

# The 61 columns of a GDELT 2.0 event export (GDELT 2.0 Event Database codebook), in file order.
COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
MAX_FIELD = 10_000  # a GDELT field is short; anything longer is not a GDELT row


@dataclass(frozen=True)
class GdeltRow:
    """The fields of one GDELT event row that blocwatch keeps."""

    event_id: str
    day: str  # YYYY-MM-DD
    actor1: Actor
    actor2: Actor | None
    cameo: str
    url: str | None


def import_gdelt(paths: Iterable[str | Path], store: Store, settings: Settings | None = None,
                 progress: Callable[[int], None] | None = None) -> IngestReport:
    """Store GDELT 2.0 event rows (tab-separated, no header) as reported mentions; bad rows are problems."""
    settings = settings or Settings()
    knowledge = load_knowledge(settings.data_dir)
    mapping, sectors = knowledge.cameo, set(knowledge.ontology.sectors)
    report = IngestReport()
    for path in paths:
        for where, item in _rows(Path(path)):
            try:
                row = gdelt_row(item, where, sectors) if not isinstance(item, Problem) else item
            except InputError as exc:
                row = Problem(where=where, message=str(exc))
            if isinstance(row, Problem):
                report.problems.append(row)
                continue
            code = plover_code(row.cameo, mapping)
            if code is None:
                report.problems.append(Problem(where, f"[E001] {where}: CAMEO code {row.cameo!r} has no PLOVER type"))
                continue
            document, coded = gdelt_document(row, code, where)
            if store.has_document(document) or not store.add(document, coded):
                report.duplicates.append(document.id)
            else:
                report.added.append(document.id)
                report.events += 1
            if progress:
                progress(1)
    return report


def count_rows(paths: Iterable[str | Path]) -> int:
    """Return the number of non-blank lines in the files (the total a progress bar shows)."""
    total = 0
    for path in paths:
        try:
            with open(path, "rb") as fh:
                total += sum(1 for line in fh if line.strip())
        except OSError:
            continue
    return total


def _rows(path: Path) -> Iterator[tuple[str, list[str] | Problem]]:
    """Yield (where, cells) per non-blank line of a GDELT file or of each file in a GDELT .zip.

    GDELT files are tab-separated with no quoting, so a line is split on tabs (no CSV parser: a stray
    quote or a huge field must not end the file)."""
    try:
        if path.suffix.lower() == ".zip":
            with zipfile.ZipFile(path) as archive:
                for member in archive.namelist():
                    with archive.open(member) as raw:
                        yield from _lines(io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline=""),
                                          f"{path}!{member}")
            return
        with open(path, encoding="utf-8", errors="replace", newline="") as fh:
            yield from _lines(fh, str(path))
    except (OSError, zipfile.BadZipFile) as exc:
        yield str(path), Problem(str(path), f"[E001] {path}: cannot read ({getattr(exc, 'strerror', None) or exc})")


def _lines(fh, where: str) -> Iterator[tuple[str, list[str]]]:
    for n, line in enumerate(fh, 1):
        if line.strip():
            yield f"{where}:{n}", line.rstrip("\r\n").split("\t")


def gdelt_row(cells: list[str], where: str, sectors: set[str]) -> GdeltRow:
    """Return the fields of one GDELT 2.0 row; ``InputError`` says what is wrong with it."""
    if len(cells) != len(COLUMNS):
        raise InputError(f"a GDELT 2.0 event row has {len(COLUMNS)} tab-separated columns, this one {len(cells)}",
                         where=where, hint="export events (not mentions or GKG) from GDELT 2.0")
    if any(len(c) > MAX_FIELD for c in cells):
        raise InputError("a field is implausibly long for GDELT", where=where)
    row = dict(zip(COLUMNS, (c.strip() for c in cells)))
    day = row["SQLDATE"]
    if not (len(day) == 8 and day.isdigit()):
        raise InputError(f"SQLDATE must be YYYYMMDD, got {day!r}", where=where)
    actor1 = _actor(row, "Actor1", sectors)
    if actor1 is None:
        raise InputError("the row has no Actor1 country", where=where, hint="only state actors are imported")
    if not row["EventCode"].isdigit():
        raise InputError(f"EventCode must be a CAMEO code (digits), got {row['EventCode']!r}", where=where)
    if not row["GLOBALEVENTID"].isdigit():
        raise InputError(f"GLOBALEVENTID must be a number, got {row['GLOBALEVENTID']!r}", where=where)
    url = row["SOURCEURL"] if row["SOURCEURL"].lower().startswith(("http://", "https://")) else None
    return GdeltRow(row["GLOBALEVENTID"], f"{day[:4]}-{day[4:6]}-{day[6:]}", actor1, _actor(row, "Actor2", sectors),
                    row["EventCode"], url)


def _actor(row: dict[str, str], prefix: str, sectors: set[str]) -> Actor | None:
    country = row[f"{prefix}CountryCode"].upper()
    if not (len(country) == 3 and country.isalpha()):
        return None
    types = [row[f"{prefix}Type{n}Code"].upper() for n in (1, 2, 3)]
    return Actor(country=country, sector=tuple(t for t in types if t in sectors), name=row[f"{prefix}Name"] or None,
                 text=row[f"{prefix}Name"] or None, why="GDELT")


def gdelt_document(row: GdeltRow, code: PloverCode, where: str) -> tuple[Document, CodedDocument]:
    """Return the document (a generated line with the URL) and the reported mention a GDELT row makes."""
    doc_id = f"gdelt-{row.event_id}"
    outlet = urlsplit(row.url).hostname if row.url else None
    parties = row.actor1.country + (f" -> {row.actor2.country}" if row.actor2 else "")
    text = (f"GDELT event {row.event_id} (CAMEO {row.cameo}, PLOVER {code.type}) on {row.day}: {parties}; "
            f"source: {row.url or 'no URL given'}")
    evidence = Evidence(doc_id=doc_id, start=0, end=len(text), text=text, sentence=text, sentence_start=0)
    event = Event(actor=[row.actor1], recipient=[row.actor2] if row.actor2 else [], type=code.type, mode=code.mode,
                  contexts=list(code.contexts), status="reported",
                  source=Actor(country=None, org=outlet or "GDELT", why="GDELT source"), when=row.day,
                  evidence=evidence, trigger=f"CAMEO {row.cameo}")
    document = Document(id=doc_id, text=text, published=row.day, title=f"GDELT event {row.event_id}", url=row.url,
                        outlet=outlet or "GDELT", origin=where)
    return document, CodedDocument(doc_id=doc_id, events=[event])
