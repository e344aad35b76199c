"""Settings in one place: defaults, overridden by ``blocwatch.toml`` and ``BLOCWATCH_*`` variables.

Stages receive the ``Settings`` object they need; none reads the environment itself.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

from .errors import ConfigError


@dataclass(frozen=True)
class Settings:
    """Run-time settings; every field can be set in ``blocwatch.toml`` or as ``BLOCWATCH_<FIELD>``."""

    db: str = "blocwatch.duckdb"
    spacy_model: str = "en_core_web_sm"
    batch_size: int = 32  # texts spaCy parses at a time
    store_batch: int = 256  # documents stored per transaction (DuckDB's cost is per statement, not per row)
    max_chars: int = 200_000  # longer documents are refused with a clear error, not silently cut
    data_dir: str | None = None  # a folder whose files override the shipped data files
    api_token: str | None = None  # `blocwatch serve`: writes need it; BLOCWATCH_API_TOKEN
    api_reads: str = "open"  # `blocwatch serve`: "open", or "token" to protect reads too
    api_max_body: int = 5_000_000  # `blocwatch serve`: largest request body, bytes
    # rules | model | combined: the rules alone, the learned event model alone, or both. "combined" is the
    # default: on every set no rule or choice was tuned on (our test split, the held-out and the fresh news sets,
    # the fresh wire sentences) it scores above the rules, and it keeps every dev set above its floor, though it
    # loses an event or two on some dev sets the rules were written on (README, Quality).
    coder: str = "combined"
    model_dir: str | None = None  # a folder with a learned event model (default: the shipped one)
    # `exposure`, `brief`: a FollowTheMoney entity file (OpenSanctions JSON Lines) whose designated entities
    # flag the named parties of facts; BLOCWATCH_DESIGNATIONS, or --designations
    designations: str | None = None


def load_settings(path: str | Path | None = None, **overrides) -> Settings:
    """Return settings from defaults, then the TOML file (if any), then the environment, then ``overrides``."""
    values: dict = {}
    toml_path = Path(path) if path else Path("blocwatch.toml")
    if toml_path.is_file():
        try:
            values.update(tomllib.loads(toml_path.read_text(encoding="utf-8")).get("blocwatch", {}))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read settings: {exc}", where=str(toml_path)) from exc
    for f in fields(Settings):
        env = os.environ.get(f"BLOCWATCH_{f.name.upper()}")
        if env is not None:
            values[f.name] = env
    values.update({k: v for k, v in overrides.items() if v is not None})
    return _typed(replace(Settings(), **_known(values)))


def _known(values: dict) -> dict:
    names = {f.name for f in fields(Settings)}
    unknown = sorted(set(values) - names)
    if unknown:
        raise ConfigError(f"unknown setting(s): {', '.join(unknown)}", hint=f"known: {', '.join(sorted(names))}")
    return values


def _typed(settings: Settings) -> Settings:
    """Return ``settings`` with numeric fields converted from strings (environment values)."""
    out = {}
    for f in fields(Settings):
        value = getattr(settings, f.name)
        if f.type == "int" and isinstance(value, str):
            try:
                value = int(value)
            except ValueError as exc:
                raise ConfigError(f"setting {f.name} must be a whole number, got {value!r}") from exc
        out[f.name] = value
    return Settings(**out)
