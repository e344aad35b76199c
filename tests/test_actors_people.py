"""Office holders with term dates: the people file, the date that picks a role, and user imports."""
from __future__ import annotations

import pytest

from blocwatch.actors.gazetteer import Gazetteer, people_rows, term_range
from blocwatch.errors import DataFileError, InputError

HEADER = "name\tcountry\tsector\trole\tstart\tend\tvariants\tsource\n"


def _gazetteer(tmp_path, rows: str) -> Gazetteer:
    path = tmp_path / "office_holders.tsv"
    path.write_text(HEADER + rows, encoding="utf-8")
    gaz = Gazetteer()
    for entry in people_rows(path):
        gaz.add(entry)
    return gaz


@pytest.mark.parametrize("start, end, expected", [
    ("2019", "2021", "2019-01-01/2021-12-31"),
    ("2019-05", "", "2019-05-01/9999-12-31"),
    ("2019-05-03", "2020-02-29", "2019-05-03/2020-02-29"),
])
def test_term_dates_widen_years_and_months_and_an_empty_end_is_open(start, end, expected):
    assert term_range(start, end, "here") == expected


@pytest.mark.parametrize("start, end", [("May 2019", ""), ("2021", "2019")])
def test_bad_term_dates_are_named(start, end):
    with pytest.raises(DataFileError, match="here"):
        term_range(start, end, "here")


def test_the_document_date_picks_the_role_held_that_day(tmp_path):
    gaz = _gazetteer(tmp_path, "Ana Ortiz\tESP\tGOV\tForeign Minister\t2010\t2014-06-30\tOrtiz\tinvented\n"
                               "Ana Ortiz\tESP\tGOV\tPrime Minister\t2014-07-01\t2018\t\tinvented\n")
    assert gaz.lookup("Ana Ortiz", "2012-03-01")[0].role == "Foreign Minister"
    assert gaz.lookup("Ortiz", "2016-03-01")[0].role == "Prime Minister"


def test_a_former_office_holder_keeps_the_country_as_an_elite(tmp_path):
    gaz = _gazetteer(tmp_path, "Ana Ortiz\tESP\tGOV\tPrime Minister\t2014\t2018\t\tinvented\n")
    former = gaz.lookup("Ana Ortiz", "2022-01-01")[0]
    assert (former.country, former.sector, former.role) == ("ESP", ("ELI",), "former Prime Minister")
    before = gaz.lookup("Ana Ortiz", "2001-01-01")[0]
    assert (before.country, before.sector, before.role) == ("ESP", (), None)


def test_import_reads_the_office_holder_columns_and_keeps_the_latest_term(tmp_path):
    from blocwatch.actors.people_file import read_known_actors

    path = tmp_path / "mine.tsv"
    path.write_text(HEADER + "Ana Ortiz\tESP\tGOV\tForeign Minister\t2010\t2014\tOrtiz|A. Ortiz\tnotes\n"
                             "Ana Ortiz\tESP\tGOV\tPrime Minister\t2014-07\t\t\tnotes\n", encoding="utf-8")
    (actor,) = read_known_actors(path)
    assert (actor.role, actor.start, actor.end) == ("Prime Minister", "2014-07", None)


def test_import_names_the_line_of_a_bad_date(tmp_path):
    from blocwatch.actors.people_file import read_known_actors

    path = tmp_path / "mine.tsv"
    path.write_text(HEADER + "Ana Ortiz\tESP\tGOV\tPrime Minister\tlast year\t\t\t\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"mine.tsv:2.*start"):
        read_known_actors(path)


def test_imported_terms_and_variants_are_kept_by_the_store(tmp_path):
    from blocwatch.actors import memory_from
    from blocwatch.actors.people_file import read_known_actors
    from blocwatch.store import DuckDBStore

    path = tmp_path / "mine.tsv"
    path.write_text(HEADER + "Ana Ortiz\tESP\tGOV\tPrime Minister\t2014\t2018\tA. Ortiz\tnotes\n", encoding="utf-8")
    store = DuckDBStore(tmp_path / "k.duckdb")
    for known in read_known_actors(path):
        store.put_known_actor(known)
    (kept,) = store.known_actors()
    store.close()
    assert (kept.start, kept.end, kept.variants, kept.source) == ("2014", "2018", ("A. Ortiz",), "notes")
    assert memory_from([kept])["A. Ortiz"].country == "ESP"


def test_organisations_file_with_one_row_per_body_gives_an_entry_per_variant(tmp_path):
    from blocwatch.actors.gazetteer import org_rows

    path = tmp_path / "organisations_world.tsv"
    path.write_text("name\tcountry\tsector\tkind\tvariants\tsource\n"
                    "Northern Rail Authority\tNOR\tGOV\tagency\tNRA|N.R.A.\tinvented\n", encoding="utf-8")
    entries = list(org_rows(path))
    assert [e.alias for e in entries] == ["Northern Rail Authority", "NRA", "N.R.A."]
    assert {(e.country, e.sector, e.kind, e.org) for e in entries} == {("NOR", ("GOV",), "agency",
                                                                        "Northern Rail Authority")}
