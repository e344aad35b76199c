"""Page routes: each takes the store and calls the same Python API as the CLI, then renders a template."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape

from ...analyze.blocs import net_ties
from ...analyze.queries import FactQuery, find_facts
from ...analyze.watch import Watchlist
from ..api.service import Service, found, reader
from ..fact_views import parties, reported_span
from .charts import bars_svg, graph_svg, timeline_svg
from .markup import highlight, mention_sentence, safe_url

ENV = Environment(loader=PackageLoader("blocwatch.present.web", "templates"),
                  autoescape=select_autoescape(default=True, default_for_string=True))
ENV.filters.update(safe_url=safe_url, parties=parties, reported=reported_span)
TEMPLATES = Jinja2Templates(env=ENV)
router = APIRouter(include_in_schema=False)
ReadService = Annotated[Service, Depends(reader)]


def render(request: Request, name: str, **context) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(request, name, context)


def country_href(code: str) -> str:
    return f"/countries/{code}"


def pair_href(a: str, b: str) -> str:
    return f"/pairs/{a}/{b}"


def fact_href(fact_id: int) -> str:
    return f"/facts/{fact_id}"


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> RedirectResponse:
    return RedirectResponse("/static/favicon.svg", status_code=301)


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request, svc: ReadService) -> HTMLResponse:
    with svc.store() as store:
        analytics = svc.analytics(store, with_evidence=False)
        recent, claims, counts = store.facts(limit=12), store.facts(status="reported", limit=12), store.counts()
        watches = [Watchlist.of(r) for r in store.watchlists()]
    found_blocs, _ = analytics.blocs()
    graph = graph_svg(net_ties(analytics.picture.facts, analytics.rules), found_blocs, country_href, pair_href)
    return render(request, "dashboard.html", graph=graph, recent=recent, claims=claims, counts=counts,
                  blocs=found_blocs, watches=watches)


@router.get("/countries/{code}", response_class=HTMLResponse)
def country(request: Request, code: str, svc: ReadService) -> HTMLResponse:
    with svc.store() as store:
        analytics = svc.store_analytics(store)
        facts = find_facts(store, FactQuery((code,)).checked(svc.settings.data_dir))[:100]
        profile = analytics.profile(code)
    bars = bars_svg([(p.country, p.score.value, pair_href(profile.country, p.country)) for p in profile.partners])
    return render(request, "country.html", p=profile, bars=bars, facts=facts, disclaimer=analytics.sanctions.disclaimer)


@router.get("/pairs/{a}/{b}", response_class=HTMLResponse)
def pair(request: Request, a: str, b: str, svc: ReadService) -> HTMLResponse:
    with svc.store() as store:
        report = svc.store_analytics(store).pair(a, b)
    return render(request, "pair.html", r=report, timeline=timeline_svg(report.trend, fact_href))


@router.get("/facts/{fact_id}", response_class=HTMLResponse)
def fact(request: Request, fact_id: Annotated[int, Path(ge=1, le=2 ** 63 - 1)], svc: ReadService) -> HTMLResponse:
    with svc.store() as store:
        item = found(store.fact(fact_id), f"fact {fact_id}")
        titles = {d.id: d for d in store.documents() if d.id in {m.doc_id for m in item.evidence}}
    mentions = [(m, mention_sentence(m), titles.get(m.doc_id)) for m in item.evidence]
    return render(request, "fact.html", f=item, mentions=mentions)


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
def document(request: Request, doc_id: str, svc: ReadService) -> HTMLResponse:
    with svc.store() as store:
        doc = found(store.document(doc_id), f"document {doc_id!r}")
    spans = [(m.start, m.end) for m in doc.mentions]
    text = highlight(doc.text, spans, lambda i: fact_href(doc.mentions[i].fact_id) if doc.mentions[i].fact_id else None)
    return render(request, "document.html", d=doc, text=text)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, svc: ReadService, q: str = Query("", max_length=200)) -> HTMLResponse:
    q = q.strip()
    code = q.upper() if len(q) == 3 and q.isalpha() else None
    with svc.store() as store:
        documents = store.documents(limit=100, query=q or None)
        facts = find_facts(store, FactQuery((code,)))[:100] if code else []
    return render(request, "search.html", q=q, documents=documents, facts=facts, code=code)
