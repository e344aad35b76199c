"""Present: the ways people see blocwatch's facts (the CLI today)."""
