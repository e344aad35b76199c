"""The JSON API under ``/api``. Each route checks access, takes the store and calls the Python API the
CLI calls (store queries, ``pipeline``, ``Analytics``), returning the CLI's ``--json`` views."""
from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Literal

from fastapi import APIRouter, Body, Depends, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, Field

from ...analyze.queries import FactQuery, find_facts, page
from ...analyze.watch import Watchlist, get_watchlist, matches
from .. import analysis_views as av
from .. import fact_views, views
from .feeds import atom_feed
from .service import Service, found, reader, writer
from .uploads import SUFFIXES, ingest_upload



class ErrorDetail(BaseModel):
    code: str = Field(examples=["E404"])
    message: str = Field(examples=["there is no fact 999"])
    hint: str | None = None
    where: str | None = None


class ErrorBody(BaseModel):
    """Every error the API returns."""

    error: ErrorDetail


ERRORS = {status: {"model": ErrorBody, "description": text} for status, text in (
    (400, "The request asks for something blocwatch cannot do (the message says what)"),
    (401, "The API token is missing or wrong"), (403, "No API token is configured: the service is read-only"),
    (404, "No such document, fact or page"), (413, "The request body is larger than api_max_body"),
    (422, "A parameter has the wrong form"))}
router = APIRouter(responses=ERRORS)
Limit = Annotated[int, Query(ge=1, le=500, description="At most this many items.")]
# Bounded: DuckDB's OFFSET and ids are 64-bit, and a larger number must be a 422, not a 500 (found by fuzzing).
Offset = Annotated[int, Query(ge=0, le=10 ** 12, description="Skip this many items (pagination).")]
FactId = Annotated[int, Path(ge=1, le=2 ** 63 - 1, description="Fact id.")]
Code = Annotated[str, Query(pattern=r"^[A-Za-z]{3}$", description="Three-letter country code.")]
Date = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="YYYY[-MM[-DD]].")]
ReadService = Annotated[Service, Depends(reader)]
WriteService = Annotated[Service, Depends(writer)]


def paged(items: list, limit: int, offset: int, view) -> dict:
    """Return a page of ``items`` shown with ``view``: items, total, limit, offset, next_offset."""
    p = page(items, limit, offset)
    return {"items": [view(x) for x in p.items], "total": p.total, "limit": p.limit, "offset": p.offset,
            "next_offset": p.next_offset}


# -- documents -----------------------------------------------------------------------------------
@router.get("/documents", tags=["documents"], summary="List stored documents (newest first)")
def list_documents(svc: ReadService, q: str | None = Query(None, max_length=200, description="Title or text contains."),
                   limit: Limit = 50, offset: Offset = 0) -> dict:
    with svc.store() as store:
        items, total = store.documents(limit, offset, q), store.document_count(q)
    return {"items": [asdict(d) for d in items], "total": total, "limit": limit, "offset": offset,
            "next_offset": offset + limit if offset + limit < total else None}


@router.post("/documents", tags=["documents"], summary="Upload a text, HTML page or JSON Lines file (needs the token)",
             openapi_extra={"requestBody": {"required": True, "content": {t: {"schema": {"type": "string"}}
                                                                          for t in SUFFIXES}}})
async def upload_document(request: Request, svc: WriteService,
                          id: str | None = Query(None, description="Document id (text and HTML uploads)."),
                          published: Date = None,
                          coded: bool = Query(False, description="The JSON Lines body is already coded "
                                              "(exchange format): store it as given.")) -> dict:
    body = await request.body()
    # coding takes a while: off the event loop, so other requests are still answered
    report = await run_in_threadpool(_upload, svc, body, request.headers.get("content-type"), id, published, coded)
    return views.ingest_report_json(report)


def _upload(svc: Service, body: bytes, content_type: str | None, doc_id: str | None, published: str | None,
            coded: bool):
    with svc.store() as store:
        return ingest_upload(body, content_type, doc_id, published, coded, store, svc.settings)


@router.get("/documents/{doc_id:path}", tags=["documents"], summary="One document with its text and mentions")
def get_document(doc_id: str, svc: ReadService) -> dict:
    with svc.store() as store:
        return asdict(found(store.document(doc_id), f"document {doc_id!r}"))


@router.delete("/documents/{doc_id:path}", tags=["documents"], summary="Delete a document (needs the token)")
def delete_document(doc_id: str, svc: WriteService) -> dict:
    with svc.store() as store:
        return fact_views.deleted_json(found(store.delete_document(doc_id), f"document {doc_id!r}"))


# -- facts ---------------------------------------------------------------------------------------
@router.get("/facts", tags=["facts"], summary="Facts, filtered by actor, pair, type, status, time and source")
def list_facts(svc: ReadService, actor: Annotated[list[str], Query(description="Country taking part (repeat: all "
                                                                   "of them, e.g. a pair).")] = [],
               type: str | None = None, status: str | None = None, since: Date = None, until: Date = None,
               source: str | None = Query(None, max_length=200, description="Outlet or claimant name contains."),
               limit: Limit = 50, offset: Offset = 0) -> dict:
    query = FactQuery(tuple(actor), type, status, since, until, source).checked(svc.settings.data_dir)
    with svc.store() as store:
        return {**paged(find_facts(store, query), limit, offset, fact_views.fact_json), "query": query.to_json()}


@router.get("/facts/{fact_id}", tags=["facts"], summary="One fact with its mentions and status history")
def get_fact(fact_id: FactId, svc: ReadService) -> dict:
    with svc.store() as store:
        return fact_views.fact_json(found(store.fact(fact_id), f"fact {fact_id}"))


# -- actors and analytics ------------------------------------------------------------------------
@router.get("/actors", tags=["actors"], summary="Countries in the store and the people and bodies it knows")
def list_actors(svc: ReadService) -> dict:
    with svc.store() as store:
        return {"countries": [{"country": c, "events": n} for c, n in store.countries()],
                "known": [asdict(k) for k in store.known_actors()]}


@router.get("/countries/{code}/profile", tags=["analytics"],
            summary="A country's partners, dependence, hedging, exposure")
def country_profile(code: str, svc: ReadService, poles: str | None = Query(None, description="e.g. USA,CHN,RUS"),
                    since: Date = None) -> dict:
    chosen = tuple(p.strip().upper() for p in poles.split(",")) if poles else None
    with svc.store() as store:
        return av.profile_json(svc.store_analytics(store, since).profile(code, chosen))


@router.get("/pairs/{a}/{b}", tags=["analytics"], summary="Relationship between two countries with its trend")
def pair(a: str, b: str, svc: ReadService, window: Literal["year", "quarter", "month"] | None = None,
         since: Date = None) -> dict:
    with svc.store() as store:
        return av.pair_json(svc.store_analytics(store, since).pair(a, b, window))


@router.get("/blocs", tags=["analytics"], summary="Blocs of countries and their stability")
def blocs(svc: ReadService, since: Date = None) -> dict:
    with svc.store() as store:
        analytics = svc.analytics(store, since, with_evidence=False)
    return av.blocs_json(*analytics.blocs())


@router.get("/exposure", tags=["analytics"], summary="Sanctions exposure with legal basis and evidence")
def exposure(svc: ReadService, country: Code | None = None, since: Date = None) -> dict:
    """The exposures, and, where the service is given a designations list (``designations`` in its
    settings), the named parties of the facts that bear a designated entity's name."""
    with svc.store() as store:
        analytics = svc.analytics(store, since)
        flagged = analytics.designated_parties(store, country)
    out = {"exposures": [e.to_json() for e in analytics.exposures(country)],
           "disclaimer": analytics.sanctions.disclaimer}
    if analytics.designations is not None:
        out.update(av.designations_json(flagged, analytics.designations, analytics.knowledge.designations.disclaimer))
    return out


Act = Annotated[str, Field(max_length=200)]


class WhatIfRequest(BaseModel):
    """Acts of a hypothetical deal, each 'ACTOR TYPE RECIPIENT [context ...]'."""

    asks: list[Act] = Field(default=[], max_length=20, examples=[["LAO AID RUS military"]])
    offers: list[Act] = Field(default=[], max_length=20, examples=[["RUS AID LAO economic"]])


@router.post("/whatif", tags=["analytics"], summary="What a deal would change (nothing is stored)")
def whatif(svc: ReadService, body: WhatIfRequest = Body(...)) -> dict:
    with svc.store() as store:
        analytics = svc.analytics(store)
    return av.whatif_json(analytics.what_if(body.asks, body.offers))


@router.get("/health", tags=["service"], summary="Liveness and store row counts")
def health(svc: ReadService) -> dict:
    with svc.store() as store:
        return {"ok": True, "counts": store.counts()}


# -- watchlists ----------------------------------------------------------------------------------
@router.get("/watchlists", tags=["watchlists"], summary="Saved queries (add them with 'blocwatch watch add')")
def list_watchlists(svc: ReadService) -> dict:
    with svc.store() as store:
        return {"items": [{"name": w.name, "kind": w.kind, "query": w.query.to_json(), "describe": w.describe(),
                           "atom": f"/api/watchlists/{w.name}/atom"}
                          for w in (Watchlist.of(r) for r in store.watchlists())]}


@router.get("/watchlists/{name}/atom", tags=["watchlists"], summary="A watchlist's matches as an Atom feed",
            response_class=Response, responses={200: {"content": {"application/atom+xml": {}}}})
def watchlist_feed(name: str, request: Request, svc: ReadService,
                   limit: Annotated[int, Query(ge=1, le=500)] = 50) -> Response:
    with svc.store() as store:
        watch = get_watchlist(store, name)
        items = matches(store, watch, svc.settings.data_dir)[:limit]
    return Response(atom_feed(watch, items, str(request.base_url)), media_type="application/atom+xml")
