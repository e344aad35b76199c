"""The partial date value type shared by ingest, extract, fusion and the command line."""
from __future__ import annotations

from datetime import date

import pytest

from blocwatch.dates import PartialDate


@pytest.mark.parametrize("value, clean", [("2025", "2025"), ("2025-07", "2025-07"), ("2025-07-03", "2025-07-03"),
                                          (" 2025-07-03 ", "2025-07-03"), ("2023-08-04T10:00:00Z", "2023-08-04"),
                                          ("2025-13", None), ("2025-02-30", None), ("2025-7-3", None),
                                          ("July 2025", None), ("", None), (None, None), (2025, None)])
def test_partial_date_clean_accepts_only_real_dates(value, clean):
    assert PartialDate.clean(value) == clean


@pytest.mark.parametrize("value, first, last", [("2024", date(2024, 1, 1), date(2024, 12, 31)),
                                                ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
                                                ("2025-07-03", date(2025, 7, 3), date(2025, 7, 3))])
def test_partial_date_covers_the_days_it_names(value, first, last):
    parsed = PartialDate.parse(value)
    assert (parsed.first, parsed.last) == (first, last)


def test_partial_date_compare_counts_days_between_spans():
    march, mid_march, april_10 = (PartialDate.parse(v) for v in ("2025-03", "2025-03-14", "2025-04-10"))
    assert march.compare(mid_march) == 0 and march.compare(april_10) == 10 == april_10.compare(march)
