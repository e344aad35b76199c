"""``blocwatch train``: rebuild the learned event model (registered on the main ``app`` by ``cli.py``)."""
from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer
from rich.table import Table

from ..learn import MODEL_DIR
from .app import JsonOption, app, err, out

if TYPE_CHECKING:
    from ..learn.train import TrainReport

CONFIG = MODEL_DIR / "config.yaml"


@app.command()
def train(root: Path = typer.Option(Path("."), help="Repository root: the config's data paths are read from here."),
          config: Path = typer.Option(CONFIG, help="Training config (data list, seed, candidates)."),
          output: Optional[Path] = typer.Option(None, "-o", "--output",
                                                help="Where to write the model (default: the shipped data/models/pairs)."),
          scorer: Path = typer.Option(Path("../shared/eval/score.py"),
                                      help="The guideline's score.py, used to choose by cross-validation."),
          no_select: bool = typer.Option(False, "--no-select", help="Skip cross-validation: train the config's first candidate."),
          as_json: bool = JsonOption) -> None:
    """Train the learned event model from the repository's training data and write its weights."""
    from ..evaluate import load_scorer
    from ..learn.train import train as run_training  # spaCy and scikit-learn load only for this command

    score_module = None if no_select or not scorer.is_file() else load_scorer(scorer)
    if score_module is None and not no_select:
        err.print(f"scorer {scorer} not found: training the config's first candidate without cross-validation")
    report = run_training(root, config, output, score_module, select_by_cv=not no_select,
                          log=lambda line: err.print(line, highlight=False))
    out.print_json(data=asdict(report)) if as_json else out.print(train_table(report))


def train_table(r: "TrainReport") -> Table:
    """Return the training summary: the data per type and the choice made."""
    table = Table(title=f"{r.out}: {r.features} features, C={r.c}, thresholds {r.thresholds}, best coder {r.coder}; "
                        f"{r.documents} documents, {r.sentences} sentences, {r.examples} pair examples, {r.seconds} s")
    for col in ("type", "annotated events", "sentence events", "pair examples"):
        table.add_column(col, justify="left" if col == "type" else "right")
    for typ, row in r.per_type.items():
        table.add_row(typ, str(row["annotated"]), str(row["sentences"]), str(row["pair_examples"]))
    return table
