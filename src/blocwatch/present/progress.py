"""Progress of long runs (ingest, export, report, GDELT import): a bar with the total and the time left,
drawn on stderr only when stderr is a terminal (pipes and logs stay clean)."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                           TimeRemainingColumn)


class Advance:
    """A progress callback: ``advance(n)`` moves the bar; ``set_total(n)`` gives the total once known."""

    def __init__(self, bar: Progress, task):
        self._bar, self._task = bar, task

    def __call__(self, n: int = 1) -> None:
        self._bar.advance(self._task, n)

    def set_total(self, total: int) -> None:
        self._bar.update(self._task, total=total)


@contextmanager
def progress_bar(label: str, total: int | None, console: Console) -> Iterator[Advance]:
    """Yield an ``Advance`` drawing ``label``, done/total, elapsed and remaining time on ``console``."""
    bar = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   TextColumn("left"), TimeRemainingColumn(), console=console, transient=True,
                   disable=not console.is_terminal)
    with bar:
        yield Advance(bar, bar.add_task(label, total=total))
