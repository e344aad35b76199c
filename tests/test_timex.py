"""Event time: phrases resolved against the publication date (GUIDELINE: `when`)."""
from __future__ import annotations

import pytest

from blocwatch.extract.timex import resolve_when


@pytest.mark.parametrize("phrase, published, future, expected", [
    ("from 1964-1973", None, False, "1964/1973"),
    ("between 1964 to 1973", "2016-09-06", False, "1964/1973"),
    ("in February 2022", "2023-08-04", False, "2022-02"),
    ("on Tuesday", "2016-09-06", False, "2016-09-06"),
    ("this Thursday", "2018-11-27", True, "2018-11-29"),
    ("last November", "2023-08-04", False, "2022-11"),
    ("in early July", "2025-08-20", False, "2025-07"),
    ("in July", "2025-03-01", False, "2024-07"),
    ("on November 14", "2022-11-20", False, "2022-11-14"),
    ("last year", "2019-05-19", False, "2018"),
    ("the past 20 years", "2016-09-06", False, "1996/2016"),
    ("the 1970s", None, False, "1970/1979"),
    ("March 2018", None, False, "2018-03"),
    ("in 2018", None, False, "2018"),
    ("2024-06-19", None, False, "2024-06-19"),
    ("yesterday", "2024-06-20", False, "2024-06-19"),
])
def test_when_resolves_against_publication_date(phrase, published, future, expected):
    assert resolve_when(phrase, published, future) == expected


def test_when_unplaceable_without_publication_date():
    assert resolve_when("on Tuesday", None) is None
    assert resolve_when("recently", "2024-01-01") is None
