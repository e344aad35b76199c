"""Knowledge: every data file loaded once into one typed object, a mistake named by file and key."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from blocwatch.errors import DataFileError
from blocwatch.knowledge import load_knowledge
from blocwatch.resources import SHIPPED


def _override(tmp_path, name: str, text: str) -> str:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(tmp_path)


def test_knowledge_is_loaded_once_per_data_folder():
    assert load_knowledge() is load_knowledge()
    k = load_knowledge()
    assert "CONSULT" in k.ontology.types and k.fusion.window("CONSULT") > 0 and k.gazetteer.by_lower
    assert "say" in k.lexicon.cues.reporting_verbs and "help" in k.lexicon.words.purpose_verbs


@pytest.mark.parametrize("name, text, message", [
    ("lexicon/composition.yaml", "mutual_typos: [AGREE]\n", "composition.yaml.*mutual_typos"),
    ("lexicon/composition.yaml", "mutual_types: [AGREEMENT]\n", "composition.yaml: mutual_types.*AGREEMENT"),
    ("lexicon/status.yaml", "reporting_verb: [say]\n", "status.yaml.*reporting_verb"),
    ("lexicon/relations.yaml", "partnership: {nouns: [ally], bare: [ally]}\n", "relations.yaml: partnership.*bare"),
    ("lexicon/arguments.yaml", "currencies: {yuan: yuan}\n", "arguments.yaml: currencies.yuan"),
    ("lexicon/arguments.yaml", "condemning_valence: very\n", "arguments.yaml: condemning_valence"),
    ("lexicon/arguments.yaml", "praising_valence: 9\n", "arguments.yaml: praising_valence"),
    ("actors/rules.yaml", "origin_modifier: [made]\n", "rules.yaml.*origin_modifier"),
    ("actors/references.yaml", "speach_verbs: [say]\n", "references.yaml.*speach_verbs"),
    ("fusion.yaml", "window: {default: 3}\n", "fusion.yaml.*window"),
])
def test_a_misspelt_or_invalid_key_is_an_error_naming_file_and_key(tmp_path, name, text, message):
    with pytest.raises(DataFileError, match=message):
        load_knowledge(_override(tmp_path, name, text)).gazetteer  # the gazetteer's files on first use


def test_a_preposition_yaml_reads_as_true_is_an_error_not_a_silent_role(tmp_path):
    """YAML reads a bare on as true: an entry with ``recipient: [on]`` would never find its recipient."""
    text = "- lemma: cap\n  pos: NOUN\n  type: SANCTION\n  recipient: [on]\n"
    with pytest.raises(DataFileError, match=r"triggers.yaml.*roles and particles must be words"):
        load_knowledge(_override(tmp_path, "lexicon/triggers.yaml", text))


def test_an_unknown_field_of_a_plover_type_is_an_error(tmp_path):
    text = (SHIPPED / "ontology" / "plover.yaml").read_text(encoding="utf-8")
    data_dir = _override(tmp_path, "ontology/plover.yaml", text.replace("    quad: verbal_coop\n", "    quad: verbal_coop\n    wieght: 1\n", 1))
    with pytest.raises(DataFileError, match="plover.yaml: types.*wieght"):
        load_knowledge(data_dir)


def test_a_users_copy_of_a_word_list_replaces_the_shipped_one(tmp_path):
    shutil.copytree(SHIPPED / "lexicon", tmp_path / "lexicon")
    _override(tmp_path, "lexicon/arguments.yaml", "purpose_verbs: [empower]\n")
    words = load_knowledge(str(tmp_path)).lexicon.words
    assert words.purpose_verbs == {"empower"} and words.scales == {}


def test_reading_facts_does_not_import_spacy(tmp_path):
    db = tmp_path / "r.duckdb"
    from blocwatch.store import DuckDBStore

    DuckDBStore(db).close()
    script = ("import sys\nfrom typer.testing import CliRunner\nfrom blocwatch.present.cli import app\n"
              f"r = CliRunner().invoke(app, ['facts', '--db', {str(db)!r}, '--json'])\n"
              "assert r.exit_code == 0, r.output\nprint('spacy' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_a_mistake_in_a_data_file_stops_a_command_at_start_with_file_and_key(tmp_path):
    data_dir = _override(tmp_path / "data", "fusion.yaml", "near_duplicates: 0.6\n")
    env = {**os.environ, "BLOCWATCH_DATA_DIR": data_dir}
    result = subprocess.run([sys.executable, "-m", "blocwatch", "facts", "--db", str(tmp_path / "none.duckdb")],
                            capture_output=True, text=True, env=env, cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "fusion.yaml" in result.stderr and "near_duplicates" in result.stderr
