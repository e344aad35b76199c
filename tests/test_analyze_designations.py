"""Designations: an FtM list of designated entities, and the named parties of facts that bear their names.

Every list here is written by the test (OpenSanctions' data is not shipped); the entities are real,
well-known designations (Korea Ryonbong General Corporation, Rosneft, Kim Jong Un) with the properties
trimmed to what the rules read, or invented ones. Expected flags are worked out by hand in the comments.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from blocwatch.analyze.designations import (OTHER, PERSON, DesignationList, load_designation_rules, name_key,
                                            read_designations)
from blocwatch.analyze.screening import NamedParty, country_rule, designation_flags
from blocwatch.errors import BlocwatchError, InputError
from blocwatch.fuse import Fact, Mention
from blocwatch.model import Evidence
from blocwatch.present.cli import app

RULES = load_designation_rules()
runner = CliRunner()

RYONBONG = {"id": "NK-ryonbong", "schema": "Company", "caption": "Korea Ryonbong General Corporation",
            "properties": {"name": ["Korea Ryonbong General Corporation"], "alias": ["Ryonbong"],
                           "weakAlias": ["KRGC"], "country": ["kp"], "topics": ["sanction"],
                           "programId": ["NPWMD"]},
            "datasets": ["us_ofac_sdn", "un_sc_sanctions"], "first_seen": "2018-01-01T00:00:00"}
ROSNEFT = {"id": "RU-rosneft", "schema": "Company", "caption": "Rosneft",
           "properties": {"name": ["Open Joint-Stock Company Rosneft Oil Company"], "alias": ["Rosneft"],
                          "country": ["ru"], "topics": ["sanction"]},
           "datasets": ["us_ofac_sdn", "eu_fsf"]}
KIM = {"id": "NK-kim", "schema": "Person", "caption": "Kim Jong Un",
       "properties": {"name": ["Kim Jong Un"], "nationality": ["kp"], "topics": ["sanction"]},
       "datasets": ["us_ofac_sdn"]}
VESSEL = {"id": "x-vessel", "schema": "Vessel", "caption": "Morning Heron",
          "properties": {"name": ["Morning Heron"], "flag": ["xk"]}, "datasets": ["fictional"]}
SANCTION = {"id": "x-sanction", "schema": "Sanction", "properties": {"entity": ["NK-ryonbong"], "program": ["NPWMD"]}}
ADDRESS = {"id": "x-address", "schema": "Address", "properties": {"full": ["Pyongyang"]}}


def write_list(folder, entities, name="designations.jsonl") -> str:
    """Return the path of an FtM JSON Lines file holding ``entities``."""
    path = folder / name
    path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entities), encoding="utf-8")
    return str(path)


def listing(tmp_path, *entities) -> DesignationList:
    return read_designations(write_list(tmp_path, entities or (RYONBONG, ROSNEFT, KIM)), RULES)


# -- reading the list -------------------------------------------------------------------------------
def test_reader_keeps_people_bodies_and_vessels_and_counts_the_other_schemas(tmp_path):
    found = listing(tmp_path, RYONBONG, SANCTION, KIM, ADDRESS, VESSEL, SANCTION)
    assert [e.id for e in found.entities] == ["NK-ryonbong", "NK-kim", "x-vessel"]
    assert found.skipped == (("Sanction", 2), ("Address", 1))


def test_reader_keeps_id_schema_names_countries_topics_datasets_and_programmes(tmp_path):
    (entity,) = listing(tmp_path, RYONBONG).entities
    assert (entity.id, entity.schema, entity.caption) == ("NK-ryonbong", "Company", "Korea Ryonbong General Corporation")
    assert [(n.property, n.text) for n in entity.names] == [("name", "Korea Ryonbong General Corporation"),
                                                            ("alias", "Ryonbong")]
    assert entity.weak_names == ("KRGC",)
    assert entity.countries == ("PRK",)  # FtM's 'kp', ISO alpha-2, read as alpha-3
    assert (entity.topics, entity.datasets, entity.programs) == (("sanction",), ("us_ofac_sdn", "un_sc_sanctions"),
                                                                 ("NPWMD",))
    assert entity.where.endswith("designations.jsonl:1")


def test_reader_keeps_ftm_country_codes_without_an_iso_country_apart(tmp_path):
    (vessel,) = listing(tmp_path, VESSEL).entities
    assert (vessel.countries, vessel.other_countries) == ((), ("xk",))  # Kosovo: FtM's code, no ISO 3166-1 entry


def test_reader_reads_a_json_array_of_entities_as_json_lines(tmp_path):
    path = tmp_path / "list.json"
    path.write_text(json.dumps([RYONBONG, SANCTION, KIM], indent=2), encoding="utf-8")
    found = read_designations(path, RULES)
    assert [e.id for e in found.entities] == ["NK-ryonbong", "NK-kim"] and found.skipped == (("Sanction", 1),)
    assert found.entities[1].where == f"{path}: item 3"


# -- names --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("written, listed", [
    ("Korea Ryonbong General Corp.", "Korea Ryonbong General Corporation"),
    ("KOREA RYONBONG GENERAL CORPORATION", "Korea Ryonbong General Corporation"),
    ("Acme Trading Co., Ltd.", "ACME TRADING"),
    ("PJSC Rosneft", "Rosneft"),
    ("Rosneft Oil Company", "Open Joint-Stock Company Rosneft Oil Company"),
    ("Société Générale S.A.", "Societe Generale"),
    ("Acme & Sons LLC", "ACME AND SONS"),
    ("the Acme Company", "Acme"),
])
def test_names_differing_in_case_punctuation_diacritics_and_legal_form_have_one_key(written, listed):
    assert name_key(written, OTHER, RULES) == name_key(listed, OTHER, RULES)


def test_a_persons_name_keeps_words_that_read_like_legal_forms():
    assert name_key("Júlio Sá", PERSON, RULES) == "julio sa"
    assert name_key("Júlio Sá", OTHER, RULES) == "julio"  # 'SA', a société anonyme, ends a body's name


def test_a_name_is_never_reduced_to_nothing():
    assert name_key("The Company", OTHER, RULES) == "company"


# -- matching the named parties of facts ---------------------------------------------------------------
def fact(fid, actors, recipients, sentence, type="AID", status="asserted") -> Fact:
    ev = Evidence(doc_id=f"d{fid}", start=0, end=len(sentence), text=sentence, sentence=sentence, sentence_start=0)
    mention = Mention(event_id=fid * 10, doc_id=f"d{fid}", type=type, mode=None, status=status, actors=tuple(actors),
                      recipients=tuple(recipients), when="2024-05", published="2024-05-02", outlet="wire", evidence=ev)
    return Fact(id=fid, type=type, mode=None, actors=tuple(actors), recipients=tuple(recipients), status=status,
                contested=False, event_when="2024-05", first_reported="2024-05-02", last_reported="2024-05-02",
                mentions=1, sources=1, contradicting=0, evidence=(mention,))


def party(fid, text, country, side="actor", org=None, person=None) -> NamedParty:
    return NamedParty(fact_id=fid, event_id=fid * 10, side=side, country=country, text=text, org=org, person=person)


SHIPMENT = fact(1, ["PRK"], ["RUS"], "Korea Ryonbong General Corp. shipped machine tools to Russia.")


def test_a_party_bearing_a_designated_name_is_flagged_with_party_entity_name_and_evidence(tmp_path):
    (flag,) = designation_flags([SHIPMENT], [party(1, "Korea Ryonbong General Corp.", "PRK")], listing(tmp_path), RULES)
    assert (flag.fact.id, flag.party.side, flag.party.text) == (1, "actor", "Korea Ryonbong General Corp.")
    assert (flag.entity.id, flag.entity.caption, flag.entity.schema) == (
        "NK-ryonbong", "Korea Ryonbong General Corporation", "Company")
    assert (flag.name.property, flag.name.text, flag.field) == ("name", "Korea Ryonbong General Corporation", "text")
    assert flag.country == "PRK on both sides"
    out = flag.to_json()
    assert out["entity"]["datasets"] == ["us_ofac_sdn", "un_sc_sanctions"] and out["entity"]["programs"] == ["NPWMD"]
    assert out["entity"]["topics"] == ["sanction"]
    assert out["sentence"] == "Korea Ryonbong General Corp. shipped machine tools to Russia."
    assert out["evidence"][0]["doc_id"] == "d1"


def test_an_alias_matches_and_the_flag_says_it_was_the_alias(tmp_path):
    deal = fact(2, ["RUS"], ["LAO"], "Rosneft agreed to supply diesel to Laos.", type="AGREE")
    (flag,) = designation_flags([deal], [party(2, "Rosneft", "RUS", org="Rosneft")], listing(tmp_path), RULES)
    assert (flag.entity.id, flag.name.property, flag.name.text, flag.field) == ("RU-rosneft", "alias", "Rosneft", "org")


def test_the_resolved_person_matches_when_the_words_are_only_a_surname(tmp_path):
    talks = fact(3, ["PRK", "RUS"], [], "Kim met Putin in Vladivostok.", type="CONSULT")
    (flag,) = designation_flags([talks], [party(3, "Kim", "PRK", person="Kim Jong Un")], listing(tmp_path), RULES)
    assert (flag.entity.id, flag.party_name, flag.field) == ("NK-kim", "Kim Jong Un", "person")


@pytest.mark.parametrize("text", [
    "Korea Ryongbong General Corporation",  # one letter more: no fuzzy matching
    "Ryonbong Trading",  # the alias and more
    "Korea Ryonbong",  # part of the name
    "KRGC",  # a weak alias: read, never matched
])
def test_a_similar_name_is_not_flagged(tmp_path, text):
    assert designation_flags([SHIPMENT], [party(1, text, "PRK")], listing(tmp_path), RULES) == []


def test_a_persons_name_does_not_match_a_company_nor_an_organisations_a_person(tmp_path):
    parties = [party(1, None, "PRK", person="Ryonbong"), party(1, None, "PRK", side="recipient", org="Kim Jong Un")]
    assert designation_flags([SHIPMENT], parties, listing(tmp_path), RULES) == []


def test_both_sides_stating_different_countries_is_a_namesake_not_a_flag(tmp_path):
    # A Chinese firm also called Ryonbong: CHN against the entity's PRK.
    assert designation_flags([SHIPMENT], [party(1, "Ryonbong", "CHN")], listing(tmp_path), RULES) == []


@pytest.mark.parametrize("country, expected", [
    ("PRK", "PRK on both sides"),
    ("CHN", None),
    (None, "the party states no country"),
    ("MNC", "the party states no country (MNC is no state)"),  # a PLOVER non-state code
])
def test_country_rule_asks_for_a_shared_country_only_when_both_sides_state_one(tmp_path, country, expected):
    (ryonbong,) = listing(tmp_path, RYONBONG).entities
    assert country_rule(country, ryonbong) == expected


def test_an_entity_stating_no_comparable_country_matches_on_the_name_alone(tmp_path):
    stateless = dict(RYONBONG, properties={"name": ["Korea Ryonbong General Corporation"]})
    (entity,) = listing(tmp_path, stateless).entities
    (vessel,) = read_designations(write_list(tmp_path, [VESSEL], "vessel.jsonl"), RULES).entities
    assert country_rule("CHN", entity) == "the entity states no country"
    assert country_rule("SRB", vessel) == "the entity's countries (xk) have no ISO 3166-1 code to compare"


def test_a_party_named_twice_in_a_fact_is_flagged_once(tmp_path):
    parties = [party(1, "Korea Ryonbong General Corporation", "PRK", org="Korea Ryonbong General Corporation"),
               party(1, "Ryonbong", "PRK")]
    flags = designation_flags([SHIPMENT], parties, listing(tmp_path), RULES)
    assert [(f.fact.id, f.party.side, f.entity.id, f.field) for f in flags] == [(1, "actor", "NK-ryonbong", "org")]


# -- the commands -------------------------------------------------------------------------------------
def _event(actor, recipient, type, evidence, status="asserted"):
    return {"actor": [actor], "recipient": [recipient], "type": type, "mode": None, "contexts": ["economic"],
            "status": status, "source": None, "when": "2024-05", "evidence": evidence}


RECORDS = [
    {"id": "r1", "published": "2024-05-02", "outlet": "Wire A",
     "text": "Korea Ryonbong General Corporation shipped machine tools to Russia.",
     "events": [_event({"country": "PRK", "org": "Korea Ryonbong General Corporation",
                        "text": "Korea Ryonbong General Corporation"}, {"country": "RUS", "text": "Russia"}, "AID",
                       "Korea Ryonbong General Corporation shipped machine tools to Russia")]},
    {"id": "r2", "published": "2024-06-10", "outlet": "Wire B",
     "text": "PJSC Rosneft agreed to supply diesel to a Laotian importer.",
     "events": [_event({"country": "RUS", "text": "PJSC Rosneft"}, {"country": "LAO", "text": "a Laotian importer"},
                       "AGREE", "PJSC Rosneft agreed to supply diesel to a Laotian importer")]},
    {"id": "r3", "published": "2024-07-01", "outlet": "Wire C",
     "text": "Ryonbong, a Chinese machine-tool maker, opened a plant in Vietnam.",
     "events": [_event({"country": "CHN", "text": "Ryonbong"}, {"country": "VNM", "text": "Vietnam"}, "COOPERATE",
                       "Ryonbong, a Chinese machine-tool maker, opened a plant in Vietnam")]},
]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("designations")
    src = folder / "coded.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    path = str(folder / "d.duckdb")
    result = runner.invoke(app, ["import", str(src), "--db", path, "--json"])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def designations(tmp_path_factory) -> str:
    return write_list(tmp_path_factory.mktemp("list"), [RYONBONG, SANCTION, ROSNEFT, KIM])


def _json(*args):
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _flags(out: dict) -> list[tuple]:
    return [(f["party"]["text"], f["entity"]["id"], f["matched"]["entity_name"], f["country_rule"])
            for f in out["designated_parties"]]


def test_exposure_with_designations_flags_the_named_parties(db, designations):
    out = _json("exposure", "--db", db, "--designations", designations)
    # r1: the company's own name; r2: 'PJSC Rosneft' is the alias 'Rosneft' once the legal form goes;
    # r3: a Chinese 'Ryonbong' is a namesake of the North Korean one (countries differ): no flag.
    assert _flags(out) == [
        ("Korea Ryonbong General Corporation", "NK-ryonbong", "Korea Ryonbong General Corporation", "PRK on both sides"),
        ("PJSC Rosneft", "RU-rosneft", "Rosneft", "RUS on both sides")]
    assert out["designations"]["entities"] == 3 and out["designations"]["skipped"] == {"Sanction": 1}
    assert "not proof of identity" in out["designations"]["disclaimer"]
    assert "not a legal opinion" in out["disclaimer"]


def test_exposure_of_a_country_flags_the_parties_of_the_facts_it_takes_part_in(db, designations):
    out = _json("exposure", "--db", db, "--designations", designations, "--country", "LAO")
    assert _flags(out) == [("PJSC Rosneft", "RU-rosneft", "Rosneft", "RUS on both sides")]


def test_exposure_table_has_the_designations_section_and_both_disclaimers(db, designations):
    result = runner.invoke(app, ["exposure", "--db", db, "--designations", designations])
    assert result.exit_code == 0, result.output
    section = result.output[result.output.index("named parties on the designations list"):]
    assert "Korea Ryonbong General Corporation [Company, NK-ryonbong]" in section
    assert "alias 'Rosneft'" in section and "3 designated entities read from" in section
    assert "not proof of identity" in section and "not a legal opinion" in section


def test_exposure_without_a_list_says_nothing_of_designations(db):
    assert set(_json("exposure", "--db", db)) == {"exposures", "disclaimer"}


def test_brief_takes_the_list_from_the_settings_file(db, designations, tmp_path):
    config = tmp_path / "blocwatch.toml"
    config.write_text(f'[blocwatch]\ndesignations = "{designations}"\n', encoding="utf-8")
    out = _json("brief", "--db", db, "--config", str(config))
    assert [f["entity"]["id"] for f in out["designated_parties"]] == ["NK-ryonbong", "RU-rosneft"]


def test_the_services_exposure_flags_named_parties_from_its_settings_list(db, designations):
    from fastapi.testclient import TestClient

    from blocwatch.config import Settings
    from blocwatch.present.api import create_app

    with TestClient(create_app(Settings(db=db, designations=designations))) as client:
        out = client.get("/api/exposure").json()
        assert _flags(out) == _flags(_json("exposure", "--db", db, "--designations", designations))
        assert "not proof of identity" in out["designations"]["disclaimer"]
        only_lao = client.get("/api/exposure", params={"country": "LAO"}).json()
        assert [f["entity"]["id"] for f in only_lao["designated_parties"]] == ["RU-rosneft"]
    with TestClient(create_app(Settings(db=db))) as client:
        assert set(client.get("/api/exposure").json()) == {"exposures", "disclaimer"}


def test_the_report_lists_the_named_parties_with_links_to_their_evidence(db, designations, tmp_path):
    page = tmp_path / "r.html"
    result = runner.invoke(app, ["report", "-o", str(page), "--db", db, "--designations", designations])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    section = html[html.index("Named parties on the designations list"):html.index('<section id="claims">')]
    assert "Korea Ryonbong General Corporation [Company, NK-ryonbong]" in section and "alias 'Rosneft'" in section
    assert "not proof of identity" in section and "3 designated entities read from" in section
    for fact in re.findall(r'href="#fact-(\d+)"', section):
        assert f'id="fact-{fact}"' in html
    without = tmp_path / "plain.html"
    assert runner.invoke(app, ["report", "-o", str(without), "--db", db]).exit_code == 0
    assert "Named parties on the designations list" not in without.read_text(encoding="utf-8")


def test_a_service_with_a_bad_list_does_not_start(db, tmp_path):
    from blocwatch.config import Settings
    from blocwatch.present.api import create_app

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "schema": \n', encoding="utf-8")
    with pytest.raises(InputError, match="bad.jsonl:1"):
        create_app(Settings(db=db, designations=str(bad)))


# -- bad lists: a clear error, nothing lost -----------------------------------------------------------
def _error(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert isinstance(result.exception, BlocwatchError), result.output
    return str(result.exception)


@pytest.mark.parametrize("content, message", [
    ('{"id": "a", "schema": "Company", "properties": {"name": ["Acme"]}}\n{"id": "b", "schema": \n',
     "bad.jsonl:2: not JSON"),
    ('{"id": "a", "schema": "Company", "properties": {"name": ["Acme"]}}\n\n'
     '{"id": "b", "schema": "Company", "properties": {"alias": []}}\n', "bad.jsonl:3: Company b has no name"),
    ('{"id": "a", "properties": {"name": ["Acme"]}}\n', "bad.jsonl:1: the entity has no 'schema'"),
    ('["Acme"]\n', "bad.jsonl: item 1: an entity must be a JSON object"),
    ('{"id": "a", "schema": "Company", "properties": {"name": "Acme", "country": [7]}}\n',
     "bad.jsonl:1: 'country' must be a list of strings"),
    (json.dumps(SANCTION) + "\n", "no Company/LegalEntity/Organization/Person/Vessel entity in the designations "
                                  "list (it holds 1 Sanction)"),
    ("", "(it holds nothing)"),
])
def test_a_bad_list_is_an_error_naming_file_and_line(db, tmp_path, content, message):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(content, encoding="utf-8")
    text = _error("exposure", "--db", db, "--designations", str(bad))
    assert text.startswith("[E001]") and message in text


def test_a_list_that_is_not_utf8_is_an_error_naming_the_line(db, tmp_path):
    bad = tmp_path / "latin1.jsonl"
    bad.write_bytes(json.dumps(KIM).encode() + b"\n" + '{"id": "b", "schema": "Person", "caption": "Andr\xe9"}'
                    .encode("latin-1") + b"\n")
    assert "latin1.jsonl:2: not UTF-8 text" in _error("brief", "--db", db, "--designations", str(bad))


def test_a_missing_list_is_an_error_and_no_store_is_created(db, tmp_path, designations):
    missing = str(tmp_path / "missing.jsonl")
    assert f"{missing}: no such file" in _error("exposure", "--db", db, "--designations", missing)
    for listed in (designations, missing):
        assert "there is no database here" in _error("exposure", "--db", str(tmp_path / "x.duckdb"),
                                                     "--designations", listed)
    assert not (tmp_path / "x.duckdb").exists()


def test_a_bad_list_stops_the_command_with_one_line_and_no_traceback(db, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(RYONBONG) + "\nnot json\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "blocwatch", "exposure", "--db", db, "--designations", str(bad)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and proc.stdout == "" and "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines()[0].startswith(f"error: [E001] {bad}:2: not JSON")


def test_reading_a_missing_list_through_the_api_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_designations(tmp_path / "nothing.jsonl", RULES)
