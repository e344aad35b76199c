"""What keeps the service safe: the token check (constant time), the request body limit, and the
headers every response carries (a Content-Security-Policy that allows nothing from elsewhere)."""
from __future__ import annotations

import hmac
import json

from fastapi import HTTPException, Request

from ...errors import BlocwatchError

# Pages load only what the service itself serves; no inline script may run at all, so text that an
# article smuggles into a page cannot execute even if escaping were ever missed.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = {"content-security-policy": CSP, "x-content-type-options": "nosniff", "referrer-policy": "no-referrer",
           "x-frame-options": "DENY"}


class Unauthorized(BlocwatchError):
    """The request needs the API token and did not give it, or gave a wrong one."""

    code = "E401"


class WritesDisabled(BlocwatchError):
    """No API token is configured, so the service accepts no writes."""

    code = "E403"


class TooLarge(BlocwatchError):
    """The request body is larger than the configured limit."""

    code = "E413"


def presented_token(request: Request) -> str | None:
    """Return the token a request gives: ``Authorization: Bearer T`` or ``X-API-Token: T``."""
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.headers.get("x-api-token")


def check_token(expected: str | None, given: str | None, for_writes: bool) -> None:
    """Raise unless ``given`` equals ``expected``, compared in constant time."""
    if not expected:
        if for_writes:
            raise WritesDisabled("this service accepts no writes: no API token is configured",
                                 hint="set BLOCWATCH_API_TOKEN (or api_token in blocwatch.toml) and restart")
        return
    if given is None:
        raise Unauthorized("this request needs the API token", hint="send 'Authorization: Bearer <token>'")
    if not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        raise Unauthorized("the API token is wrong")


class BodyLimit:
    """ASGI middleware: refuse request bodies over ``limit`` bytes with 413, by the declared length and
    by counting what arrives (a client may lie about or omit Content-Length)."""

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            return await self._refuse(send)
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    # an HTTPException passes through FastAPI's body parsing and is answered as JSON
                    raise HTTPException(413, detail=self.message())
            return message

        await self.app(scope, counted, send)

    def message(self) -> str:
        return f"the request body is larger than {self.limit} bytes (send less, or raise api_max_body)"

    async def _refuse(self, send):
        body = json.dumps({"error": {"code": TooLarge.code, "message": self.message()}}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                *[(k.encode(), v.encode()) for k, v in HEADERS.items()]]})
        await send({"type": "http.response.body", "body": body})
