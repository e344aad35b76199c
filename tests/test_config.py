"""Settings: defaults, file, environment, with errors that say what is wrong."""
from __future__ import annotations

import pytest

from blocwatch.config import load_settings
from blocwatch.errors import ConfigError


def test_settings_file_then_environment_then_overrides(tmp_path, monkeypatch):
    path = tmp_path / "blocwatch.toml"
    path.write_text('[blocwatch]\ndb = "from-file.duckdb"\nbatch_size = 8\n', encoding="utf-8")
    assert load_settings(path).db == "from-file.duckdb"
    monkeypatch.setenv("BLOCWATCH_BATCH_SIZE", "4")
    assert load_settings(path).batch_size == 4
    assert load_settings(path, db="cli.duckdb").db == "cli.duckdb"


def test_settings_unknown_key_is_named(tmp_path):
    path = tmp_path / "blocwatch.toml"
    path.write_text('[blocwatch]\ndatabase = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown setting.*database"):
        load_settings(path)


def test_settings_bad_number_is_explained(monkeypatch, tmp_path):
    monkeypatch.setenv("BLOCWATCH_BATCH_SIZE", "many")
    with pytest.raises(ConfigError, match="whole number"):
        load_settings(tmp_path / "absent.toml")
