"""`blocwatch explain`: the parse, actors and coding of one sentence, for any sentence a user types."""
from __future__ import annotations

from typer.testing import CliRunner

from blocwatch.present.cli import app

runner = CliRunner()


def test_explain_shows_an_ambiguous_name_instead_of_failing():
    """"Korea" names two states; the explanation says so rather than stopping with a traceback."""
    result = runner.invoke(app, ["explain", "Japan pulls forces out of Korea"])
    assert result.exit_code == 0, result.output
    assert "ambiguous" in result.output
    assert "JPN" in result.output
