"""The web pages the service renders from the store (Jinja2, autoescape on, no script, no CDN):
dashboard, country, pair, fact, document, search. ``mount_web`` adds them to the app."""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from .pages import TEMPLATES, router

STATIC = Path(__file__).parent / "static"


def mount_web(app: FastAPI) -> None:
    """Add the pages and their static files (the stylesheet) to ``app``."""
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")


def error_page(request: Request, status: int, message: str, hint: str | None = None) -> HTMLResponse:
    """Return an HTML page saying what went wrong (the message escaped like any text)."""
    return TEMPLATES.TemplateResponse(request, "error.html", {"status": status, "message": message, "hint": hint},
                                      status_code=status)
