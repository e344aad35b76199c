"""Charts as SVG built by hand (no script, no external asset): the signed alignment graph and a pair's
score timeline with its change points. The web pages embed them (the service's CSP refuses the inline
styles of matplotlib's SVG, which the HTML report uses: ``present.report.charts``); each element links
to its evidence through the ``href`` callbacks the caller gives."""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import networkx as nx
from markupsafe import Markup, escape

from ...analyze.blocs import Bloc, Tie
from ...analyze.scores import WindowScore

PALETTE = ("#1f77b4", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22")
POSITIVE, NEGATIVE, NEUTRAL = "#2e7d32", "#c62828", "#999999"


def graph_svg(ties: Sequence[Tie], found: Sequence[Bloc], node_href: Callable[[str], str],
              edge_href: Callable[[str, str], str], width: int = 640, height: int = 440) -> Markup:
    """Return the alignment graph: countries as nodes coloured by bloc, ties green (cooperation) or red
    (conflict) with width by weight; each node and tie is a link."""
    graph = nx.Graph()
    graph.add_weighted_edges_from((t.a, t.b, abs(t.weight) + 0.1) for t in ties)
    if not graph:
        return Markup('<svg class="chart graph" role="img" aria-label="alignment graph: no ties yet" '
                      f'viewBox="0 0 {width} 60" xmlns="http://www.w3.org/2000/svg">'
                      '<text x="10" y="30">No ties between countries yet.</text></svg>')
    xy = _layout(graph, width, height)
    colour = {m: PALETTE[i % len(PALETTE)] for i, b in enumerate(found) for m in b.members}
    top = max((abs(t.weight) for t in ties), default=1.0) or 1.0
    parts = [f'<svg class="chart graph" role="img" aria-label="alignment graph" viewBox="0 0 {width} {height}" '
             f'xmlns="http://www.w3.org/2000/svg">', "<title>Alignment graph: green ties cooperation, red conflict; "
             "node colour: bloc</title>"]
    for t in ties:
        (x1, y1), (x2, y2) = xy[t.a], xy[t.b]
        stroke = POSITIVE if t.weight > 0 else NEGATIVE if t.weight < 0 else NEUTRAL
        parts.append(f'<a href="{escape(edge_href(t.a, t.b))}" class="tie"><line x1="{x1:.1f}" y1="{y1:.1f}" '
                     f'x2="{x2:.1f}" y2="{y2:.1f}" stroke="{stroke}" '
                     f'stroke-width="{1.5 + 6 * abs(t.weight) / top:.1f}" '
                     f'stroke-opacity="0.75"><title>{escape(t.a)}–{escape(t.b)}: {t.weight:+.1f} '
                     f'({t.facts} fact(s))</title></line></a>')
    for node, (x, y) in xy.items():
        parts.append(f'<a href="{escape(node_href(node))}" class="node"><circle cx="{x:.1f}" cy="{y:.1f}" r="16" '
                     f'fill="{colour.get(node, "#607d8b")}" stroke="#fff" stroke-width="2"/>'
                     f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle" fill="#fff" font-size="10" '
                     f'font-weight="bold">{escape(node)}</text></a>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _layout(graph: nx.Graph, width: int, height: int) -> dict[str, tuple[float, float]]:
    """Return node positions filling the drawing: a seeded spring layout (the same store draws the same
    picture), unweighted so one heavy tie does not crush the rest, each axis stretched to the margins."""
    n = graph.number_of_nodes()
    pos = nx.spring_layout(graph, seed=7, k=2.5 / max(1, n) ** 0.5, iterations=200, weight=None)
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    span = lambda v, lo, hi: 0.5 if hi - lo < 1e-9 else (v - lo) / (hi - lo)  # noqa: E731
    return {node: (40 + span(x, min(xs), max(xs)) * (width - 80), 30 + span(y, min(ys), max(ys)) * (height - 60))
            for node, (x, y) in pos.items()}


def timeline_svg(trend: Sequence[WindowScore], fact_href: Callable[[int], str], width: int = 640,
                 height: int = 220) -> Markup:
    """Return a pair's score per window as a line with its interval band; a flagged change point is a
    red ring linking to the fact that moved it most."""
    if not trend:
        return Markup('<svg class="chart timeline" role="img" aria-label="no dated facts" viewBox="0 0 640 40" '
                      'xmlns="http://www.w3.org/2000/svg"><text x="10" y="25">No dated facts.</text></svg>')
    values = [v for w in trend for v in (w.score.low, w.score.high, w.score.value)] + [0.0]
    lo, hi = min(values), max(values)
    if math.isclose(lo, hi):
        lo, hi = lo - 1, hi + 1
    left, right, top, bottom = 50, width - 20, 20, height - 40
    step = (right - left) / max(1, len(trend) - 1)
    x = lambda i: left + i * step if len(trend) > 1 else (left + right) / 2  # noqa: E731
    y = lambda v: bottom - (v - lo) / (hi - lo) * (bottom - top)  # noqa: E731
    parts = [f'<svg class="chart timeline" role="img" aria-label="relationship score per window" '
             f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
             "<title>Relationship score per window with its 90% interval; red rings: change points</title>",
             f'<line x1="{left}" y1="{y(0):.1f}" x2="{right}" y2="{y(0):.1f}" stroke="#bbb" stroke-dasharray="4 3"/>',
             f'<text x="5" y="{y(hi):.1f}" font-size="10">{hi:+.0f}</text>',
             f'<text x="5" y="{y(lo):.1f}" font-size="10">{lo:+.0f}</text>']
    band = [(x(i), y(w.score.high)) for i, w in enumerate(trend)] + \
        [(x(i), y(w.score.low)) for i, w in reversed(list(enumerate(trend)))]
    parts.append('<polygon fill="#90caf9" fill-opacity="0.4" points="'
                 + " ".join(f"{a:.1f},{b:.1f}" for a, b in band) + '"/>')
    parts.append('<polyline fill="none" stroke="#1565c0" stroke-width="2" points="'
                 + " ".join(f"{x(i):.1f},{y(w.score.value):.1f}" for i, w in enumerate(trend)) + '"/>')
    for i, w in enumerate(trend):
        dot = (f'<circle cx="{x(i):.1f}" cy="{y(w.score.value):.1f}" r="{7 if w.flagged else 3.5}" '
               f'fill="{"#fff" if w.flagged else "#1565c0"}" stroke="{"#c62828" if w.flagged else "#1565c0"}" '
               f'stroke-width="{3 if w.flagged else 1}"><title>{escape(w.window)}: {w.score.value:+.1f}'
               f'{" (change point)" if w.flagged else ""}</title></circle>')
        if w.flagged and w.movers:
            dot = f'<a href="{escape(fact_href(w.movers[0].id))}" class="change">{dot}</a>'
        parts.append(dot)
        if len(trend) <= 12 or i % max(1, len(trend) // 12) == 0:
            parts.append(f'<text x="{x(i):.1f}" y="{height - 20}" font-size="10" text-anchor="middle">'
                         f'{escape(w.window)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def bars_svg(rows: Sequence[tuple[str, float, str]], width: int = 420) -> Markup:
    """Return horizontal bars (label, signed value, link) for a partner mix: green positive, red negative."""
    if not rows:
        return Markup("")
    top = max(abs(v) for _, v, _ in rows) or 1.0
    mid, row_h = width / 2, 22
    parts = [f'<svg class="chart bars" role="img" aria-label="partner mix" '
             f'viewBox="0 0 {width} {row_h * len(rows) + 10}" '
             f'xmlns="http://www.w3.org/2000/svg"><title>Partner scores: green cooperation, red conflict</title>']
    for i, (label, value, href) in enumerate(rows):
        w = abs(value) / top * (mid - 60)
        x0 = mid if value >= 0 else mid - w
        parts.append(f'<a href="{escape(href)}"><text x="4" y="{i * row_h + 16}" font-size="11">{escape(label)}</text>'
                     f'<rect x="{x0:.1f}" y="{i * row_h + 5}" width="{max(w, 1):.1f}" height="14" '
                     f'fill="{POSITIVE if value >= 0 else NEGATIVE}">'
                     f'<title>{escape(label)}: {value:+.1f}</title></rect>'
                     f'<text x="{width - 4}" y="{i * row_h + 16}" font-size="11" text-anchor="end">'
                     f'{value:+.1f}</text></a>')
    parts.append(f'<line x1="{mid}" y1="0" x2="{mid}" y2="{row_h * len(rows) + 10}" stroke="#888"/></svg>')
    return Markup("".join(parts))
