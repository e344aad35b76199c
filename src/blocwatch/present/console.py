"""Consoles that print for people at a terminal and plainly when piped.

At a terminal, rich draws tables and rules as usual. Otherwise (a file, a pipe, a test runner) a
table becomes tab-separated lines (title, header, one line per row) and nothing is wrapped or cut at
80 columns, so the output can be read, grepped and loaded whole.
"""
from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text


class PlainWhenPiped(Console):
    """A ``Console`` that prints tables as tab-separated text and never wraps when not at a terminal."""

    def print(self, *objects: Any, **kwargs: Any) -> None:
        if self.is_terminal:
            return super().print(*objects, **kwargs)
        kwargs["soft_wrap"] = True  # no 80-column wrapping, no cropping
        for obj in objects:
            if isinstance(obj, Group):  # several tables shown together: each printed plainly
                self.print(*obj.renderables, **kwargs)
            elif isinstance(obj, Table):
                self.file.write("".join(line + "\n" for line in table_lines(obj)))  # tabs kept, not expanded
            else:
                super().print(obj, **kwargs)

    def rule(self, title: str | Text = "", **kwargs: Any) -> None:
        if self.is_terminal:
            return super().rule(title, **kwargs)
        self.file.write(f"== {plain_text(title)} ==\n" if title else "==\n")


def table_lines(table: Table) -> list[str]:
    """Return a table as text lines: its title (if any), the column headers and the rows, tab-separated."""
    lines = [plain_text(table.title)] if table.title else []
    columns = table.columns
    if table.show_header:
        lines.append("\t".join(plain_text(c.header) for c in columns))
    for row in zip(*(list(c.cells) for c in columns)):
        lines.append("\t".join(plain_text(cell) for cell in row))
    if table.caption:
        lines.append(plain_text(table.caption))
    return lines


def plain_text(value: Any) -> str:
    """Return what a cell, title or header says, without markup, on one line."""
    if isinstance(value, Text):
        text = value.plain
    elif isinstance(value, str):
        text = Text.from_markup(value).plain
    elif isinstance(value, Group):
        text = " ".join(plain_text(r) for r in value.renderables)
    else:
        text = str(value)
    return " ".join(text.split("\n")).replace("\t", " ")
