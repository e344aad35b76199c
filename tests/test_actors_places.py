"""Places stand for their state: GeoNames cities and ISO 3166-2 subdivisions, read through actors.places."""
from __future__ import annotations

import pytest

from blocwatch.actors.places import load_place_rules, load_places
from blocwatch.errors import DataFileError


@pytest.mark.parametrize("mention, country, sector", [
    ("Nagoya police", "JPN", "COP"),
    ("Porto Alegre police", "BRA", "COP"),
    ("Kaduna State government", "NGA", "GOV"),
    ("the Gujarat government", "IND", "GOV"),
    ("Yekaterinburg city officials", "RUS", "GOV"),
    ("the governor of Okinawa", "JPN", "GOV"),
])
def test_place_modifying_a_sector_noun_is_its_state_with_that_sector(resolver, mention, country, sector):
    actor = resolver.resolve(mention)
    assert (actor.country, actor.sector[:1]) == (country, (sector,))


def test_large_city_named_bare_stands_for_its_state(resolver):
    actor = resolver.resolve("Nagoya")
    assert (actor.country, actor.sector) == ("JPN", ("GOV",))


def test_place_name_never_overrides_a_country_alias(resolver):
    assert resolver.resolve("Georgia").country == "GEO"


@pytest.mark.parametrize("mention, context", [
    ("the Georgia governor", None),
    ("Georgia", "Storms closed roads around Savannah on Monday, and the governor said Georgia would ask for aid."),
])
def test_georgia_is_the_us_state_when_the_document_points_to_it(resolver, mention, context):
    assert resolver.resolve(mention, context).country == "USA"


@pytest.mark.parametrize("mention", ["the Gulf", "North", "Reading"])
def test_place_name_that_is_a_common_word_needs_context(resolver, mention):
    assert resolver.resolve(mention).country is None


def test_first_name_that_is_a_city_is_a_person_not_the_city(resolver):
    context = "Aurora, a student at the school, said the fees had doubled."
    assert resolver.resolve("Aurora", context).country is None


def test_name_shared_by_subdivisions_of_two_states_needs_the_state_named(resolver):
    assert resolver.resolve("the Punjab government").country is None
    context = "Pakistan's election commission set a date for the vote."
    assert resolver.resolve("the Punjab government", context).country == "PAK"


def test_places_are_read_once_through_the_knowledge_object():
    from blocwatch.knowledge import load_knowledge

    assert load_knowledge().gazetteer.places is load_knowledge().gazetteer.places
    assert load_places().by_name["Nagoya"][0].country == "JPN"


def test_bad_place_setting_is_named(tmp_path):
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "places.yaml").write_text("min_population: many\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="places.yaml"):
        load_place_rules(str(tmp_path))


@pytest.mark.parametrize("mention", ["Orlando Bloom", "Houston Rockets"])
def test_place_inside_a_longer_proper_name_is_not_the_state(resolver, mention):
    assert resolver.resolve(mention).country is None


def test_a_state_in_free_association_is_a_party_of_its_own(resolver):
    """The Cook Islands and Niue conduct their own foreign relations: not folded into New Zealand as a
    dependency would be."""
    assert resolver.resolve("the Cook Islands", "Wellington paused aid to the Cook Islands.").country == "COK"
    assert resolver.resolve("Niue", "Niue signed a fisheries accord with Japan.").country == "NIU"


def test_managers_and_owners_in_a_place_are_firms_of_that_state(code):
    events = code("The Treasury designated 12 tankers and their managers in Hong Kong and India.")
    assert any({a.country for a in e.recipient} == {"HKG", "IND"} for e in events), \
        [(e.type, [a.country for a in e.recipient]) for e in events]
