"""Build ``src/blocwatch/data/exchange/cameo2plover.tsv`` from the CAMEO -> PLOVER conversion table.

Run once when the table changes: ``python tools/build_cameo_map.py ../shared/reference/CAMEO2PLOVER-2021.txt``.
Only the codes are kept (CAMEO code, PLOVER type, mode, contexts), not the table's descriptions. A mode
or context the project's ontology (``data/ontology/plover.yaml``) does not know is dropped, because the
2021 table predates some renamings; the type must be one of the 16 PLOVER types.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from blocwatch.ontology import load_ontology  # noqa: E402

OUT = ROOT / "src" / "blocwatch" / "data" / "exchange" / "cameo2plover.tsv"


def parse(path: Path) -> list[tuple[str, str, str, str]]:
    """Return (cameo, type, mode, contexts) rows, first mapping of a code kept, in file order."""
    ontology = load_ontology()
    rows: dict[str, tuple[str, str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        body = line.split("#", 1)[0].strip()
        if not body or ":" not in body or not body.split(":", 1)[0].strip().isdigit():
            continue
        code, rest = (part.strip() for part in body.split(":", 1))
        cells = [c.strip() for c in rest.split(",")] + ["", ""]
        kind = cells[0].upper()
        if kind not in ontology.types:
            raise SystemExit(f"{path}: {code}: unknown PLOVER type {kind!r}")
        mode = cells[1] if cells[1] in ontology.types[kind].modes else ""
        contexts = ";".join(c.strip() for c in cells[2].split(";") if c.strip() in ontology.contexts)
        rows.setdefault(code, (code, kind, mode, contexts))
    return list(rows.values())


def main(source: str) -> None:
    rows = parse(Path(source))
    header = ("# CAMEO event code -> PLOVER type, mode, contexts. Built by tools/build_cameo_map.py from\n"
              "# CAMEO2PLOVER-2021.txt (see README.md in this folder); do not edit by hand.\n")
    lines = ["cameo\ttype\tmode\tcontexts"] + ["\t".join(r) for r in rows]
    OUT.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} codes to {OUT}")


if __name__ == "__main__":
    default = ROOT.parent.parent / "shared" / "reference" / "CAMEO2PLOVER-2021.txt"
    main(sys.argv[1] if len(sys.argv) > 1 else str(default))
