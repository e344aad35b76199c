"""The app factory: one store, the JSON API, the web pages, security headers, and every exception
mapped once to a status and a clear JSON (or HTML) error."""
from __future__ import annotations

import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from ... import __version__
from ...config import Settings, load_settings
from ...errors import BlocwatchError, ConfigError, DataFileError, InputError, StoreError
from ...store import Store
from .routes import router
from .security import HEADERS, BodyLimit, TooLarge, Unauthorized, WritesDisabled
from .service import NotFound, Service

log = logging.getLogger("blocwatch.api")

# Which status each kind of blocwatch error is: the user's input, their access, or our data.
# A StoreError here is the database itself (held by another process's long write, unreadable): 503.
STATUS = ((Unauthorized, 401), (WritesDisabled, 403), (NotFound, 404), (TooLarge, 413), (InputError, 400),
          (ConfigError, 400), (StoreError, 503), (DataFileError, 500), (BlocwatchError, 400))
DESCRIPTION = """Evidence-linked PLOVER events over a blocwatch store.

Reads are open or need the token (`api_reads`); writes (upload, delete) always need it:
`Authorization: Bearer <token>`. Errors are `{"error": {"code", "message", "hint"?}}`.
Listings are pages: `items`, `total`, `limit`, `offset`, `next_offset`."""


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    """Return the service over ``store`` (default: the store ``settings.db`` names, opened now)."""
    settings = settings or load_settings()
    svc = Service(settings, store)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        svc.close()

    app = FastAPI(title="blocwatch", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")  # no CDN-hosted docs UI
    app.state.service = svc
    app.include_router(router, prefix="/api")
    from ..web import mount_web  # the pages share the app, the store and the error handling

    mount_web(app)
    app.add_middleware(BodyLimit, limit=settings.api_max_body)

    @app.middleware("http")
    async def security_headers(request: Request, call_next) -> Response:
        response = await call_next(request)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    _map_errors(app)
    return app


def _map_errors(app: FastAPI) -> None:
    @app.exception_handler(BlocwatchError)
    async def blocwatch_error(request: Request, exc: BlocwatchError) -> Response:
        status = next(code for kind, code in STATUS if isinstance(exc, kind))
        headers = {"www-authenticate": "Bearer"} if status == 401 else None
        return error_response(request, status, exc.code, exc.message, exc.hint, exc.where, headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors())
        return error_response(request, 422, "E422", f"invalid request: {problems}")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "request refused"
        return error_response(request, exc.status_code, f"E{exc.status_code}", message, headers=exc.headers)

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return error_response(request, 500, "E500", "internal error; the server log has the details")


def error_response(request: Request, status: int, code: str, message: str, hint: str | None = None,
                   where: str | None = None, headers: dict | None = None) -> Response:
    """Return the error as JSON under /api (and for API clients), as an HTML page elsewhere."""
    if not request.url.path.startswith("/api") and "text/html" in request.headers.get("accept", ""):
        from ..web import error_page

        return error_page(request, status, message, hint)
    error = {"code": code, "message": message}
    error.update({k: v for k, v in (("hint", hint), ("where", where)) if v})
    return JSONResponse({"error": error}, status_code=status, headers=headers)
