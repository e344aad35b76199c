"""Event time: date expressions near the trigger, resolved against the publication date.

Returns the guideline's ``when``: YYYY, YYYY-MM, YYYY-MM-DD or a range "A/B", as precise as the
text is. Fixed phrases are matched with regular expressions; which expression belongs to which
event is decided on the parse (the trigger's own clause).
"""
from __future__ import annotations

import datetime as dt
import re

from ..dates import PartialDate

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
RANGE_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\s*(?:-|–|—|to|and|until|till|through)\s*(1[89]\d\d|20\d\d)\b")
DECADE_RE = re.compile(r"\b(1[89]\d|20\d)0s\b")
ISO_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
DAY_MONTH_YEAR_RE = re.compile(rf"\b(\d{{1,2}})\s+{_MONTH}\s*,?\s*(\d{{4}})?\b")
MONTH_DAY_RE = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s*,?\s*(\d{{4}}))?")
MONTH_YEAR_RE = re.compile(rf"\b{_MONTH}\s*(?:of\s+)?(\d{{4}})\b")
MONTH_RE = re.compile(rf"\b(last|this|next|early|late|mid)?[- ]?{_MONTH}\b")
YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
PAST_YEARS_RE = re.compile(r"\b(?:past|last)\s+(\d+|two|three|four|five|ten|twenty)\s+years\b")
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "ten": 10, "twenty": 20}


def parse_published(published: str | None) -> dt.date | None:
    """Return the publication date as a date (a partial date counts from its first day)."""
    parsed = PartialDate.parse(published)
    return parsed.first if parsed else None


def resolve_when(expression: str, published: str | None, future: bool = False) -> str | None:
    """Return the guideline ``when`` for a date expression, or None if it cannot be placed in time."""
    text = expression.lower().strip()
    pub = parse_published(published)
    for resolver in (_range, _decade, _iso, _day_month, _month_year, _relative_years, _weekday, _relative_day,
                     _month, _year):
        value = resolver(text, pub, future)
        if value:
            return value
    return None


def _range(text, pub, future):
    m = RANGE_RE.search(text)
    return f"{m.group(1)}/{m.group(2)}" if m else None


def _decade(text, pub, future):
    m = DECADE_RE.search(text)
    return f"{m.group(1)}0/{m.group(1)}9" if m else None


def _iso(text, pub, future):
    m = ISO_RE.search(text)
    return m.group(0) if m else None


def _day_month(text, pub, future):
    m = MONTH_DAY_RE.search(text)
    if m:
        month, day, year = MONTHS[m.group(1)[:4].rstrip(".") if m.group(1)[:4] == "sept" else m.group(1)[:3]], int(m.group(2)), m.group(3)
    else:
        m = DAY_MONTH_YEAR_RE.search(text)
        if not m:
            return None
        day, month, year = int(m.group(1)), MONTHS[m.group(2)[:3]], m.group(3)
    if year is None:
        if pub is None:
            return None
        year = pub.year if (month, day) <= (pub.month, pub.day) or future else pub.year - 1
    try:
        return dt.date(int(year), month, day).isoformat()
    except ValueError:
        return None


def _month_year(text, pub, future):
    m = MONTH_YEAR_RE.search(text)
    return f"{int(m.group(2)):04d}-{MONTHS[m.group(1)[:3]]:02d}" if m else None


def _relative_years(text, pub, future):
    if pub is None:
        return None
    m = PAST_YEARS_RE.search(text)
    if m:
        n = NUMBER_WORDS.get(m.group(1)) or int(m.group(1))
        return f"{pub.year - n}/{pub.year}"
    for phrase, delta in (("last year", -1), ("this year", 0), ("next year", 1), ("earlier this year", 0),
                          ("later this year", 0), ("the previous year", -1), ("a year ago", -1)):
        if phrase in text:
            return str(pub.year + delta)
    for phrase, delta in (("last month", -1), ("this month", 0), ("next month", 1), ("earlier this month", 0)):
        if phrase in text:
            month = pub.month + delta
            year = pub.year + (month - 1) // 12
            return f"{year:04d}-{(month - 1) % 12 + 1:02d}"
    return None


def _weekday(text, pub, future):
    if pub is None:
        return None
    for name, wd in WEEKDAYS.items():
        if name in text:
            forward = future or "this" in text or "next" in text
            delta = (wd - pub.weekday()) % 7 if forward else -((pub.weekday() - wd) % 7)
            if "last" in text and delta == 0:
                delta = -7
            return (pub + dt.timedelta(days=delta)).isoformat()
    return None


def _relative_day(text, pub, future):
    if pub is None:
        return None
    for phrase, delta in (("yesterday", -1), ("today", 0), ("tomorrow", 1)):
        if phrase in text:
            return (pub + dt.timedelta(days=delta)).isoformat()
    return None


def _month(text, pub, future):
    m = MONTH_RE.search(text)
    if not m or pub is None:
        return None
    if m.group(2) == "may" and not m.group(1):
        return None  # "may" alone is far more often the modal than the month
    month = MONTHS[m.group(2)[:3]]
    year = pub.year
    if m.group(1) == "next" or (future and month < pub.month):
        year += month <= pub.month
    elif m.group(1) == "last":
        year -= month >= pub.month
    elif month > pub.month and not future:
        year -= 1
    return f"{year:04d}-{month:02d}"


def _year(text, pub, future):
    m = YEAR_RE.search(text)
    return m.group(1) if m else None
