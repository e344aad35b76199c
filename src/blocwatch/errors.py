"""The exception hierarchy: every error a user can cause has a code and says what to do.

Codes follow spaCy's ``errors.py`` habit (E001 ...) so a message can be looked up and tested.
"""
from __future__ import annotations


class BlocwatchError(Exception):
    """Base class: ``str(err)`` is a message for people, prefixed with its code."""

    code = "E000"

    def __init__(self, message: str, *, where: str | None = None, hint: str | None = None):
        self.message, self.where, self.hint = message, where, hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        text = f"[{self.code}] "
        if self.where:
            text += f"{self.where}: "
        text += self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class InputError(BlocwatchError):
    """A document or record the user gave cannot be read."""

    code = "E001"


class DataFileError(BlocwatchError):
    """A shipped or user-supplied data file (lexicon, gazetteer, ontology) is malformed."""

    code = "E002"


class ModelError(BlocwatchError):
    """The spaCy English model is not installed."""

    code = "E003"


class StoreError(BlocwatchError):
    """The database cannot be opened or is not a blocwatch database."""

    code = "E004"


class ConfigError(BlocwatchError):
    """A setting has a value blocwatch cannot use."""

    code = "E005"
