"""Fuzz targets for the entry points that arrive with other parts: ``import`` and the web API.

Each is found by import: a build without the part reports the target as skipped, with the reason.
"""
from __future__ import annotations


def targets() -> dict:
    """Return ``{name: (fuzz function or None, why it is absent)}`` for import and the API."""
    return {"import": (None, "no 'blocwatch import' in this build"),
            "api": (None, "no web API in this build")}
