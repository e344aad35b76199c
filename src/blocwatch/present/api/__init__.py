"""The web service: a FastAPI app (JSON API under ``/api``, web pages under ``/``) over one store.

``create_app(settings)`` is the app factory; ``blocwatch serve`` runs it with uvicorn.
"""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
