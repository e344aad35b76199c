"""Locate and read the data files under ``data/`` (or a user's override folder), with clear errors."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import yaml

from .errors import DataFileError

# libyaml's loader reads the data files about five times faster than the pure-Python one (same result).
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SHIPPED = Path(__file__).parent / "data"


def data_path(name: str, data_dir: str | None = None) -> Path:
    """Return the path of data file ``name``: the user's copy in ``data_dir`` if present, else the shipped one."""
    if data_dir:
        candidate = Path(data_dir) / name
        if candidate.is_file():
            return candidate
    return SHIPPED / name


def read_tsv(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for each data line of a TSV whose header starts with ``columns``."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"cannot read: {exc}", where=str(path)) from exc
    header: list[str] | None = None
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            if tuple(header[: len(columns)]) != columns:
                raise DataFileError(f"header must start with {'/'.join(columns)}, found {'/'.join(header)}",
                                    where=f"{path}:{n}")
            continue
        cells += [""] * (len(header) - len(cells))
        yield n, {name: cell.strip() for name, cell in zip(header, cells)}


def read_yaml(path: Path):
    """Return the parsed YAML document at ``path``."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)  # noqa: S506 - a safe loader
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DataFileError(f"cannot read: {exc}", where=str(path)) from exc


def fields_of(cls) -> tuple[str, ...]:
    """Return the field names of a dataclass: the keys its data file may use."""
    return tuple(cls.__dataclass_fields__)


def check_keys(raw, allowed, where: str) -> None:
    """Raise a ``DataFileError`` naming the file and key when ``raw`` is no mapping or has an unknown key."""
    if not isinstance(raw, dict):
        raise DataFileError(f"expected a mapping of {', '.join(allowed)}", where=where)
    unknown = [str(k) for k in raw if k not in allowed]
    if unknown:
        raise DataFileError(f"unknown key(s) {', '.join(unknown)}", where=where,
                            hint=f"known: {', '.join(allowed)}")


def word_list(values, where: str) -> frozenset[str]:
    """Return a YAML list of words as lower-case strings; YAML reads a bare on/off/yes/no as a boolean."""
    out = set()
    for value in values or ():
        if isinstance(value, bool):
            raise DataFileError("a word was read as true/false: quote on, off, yes and no", where=where)
        out.add(str(value).lower())
    return frozenset(out)
