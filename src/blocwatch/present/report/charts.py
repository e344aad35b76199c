"""The report's charts drawn with matplotlib and inlined as SVG: the signed alignment graph, a country's
partner mix and hedging, a pair's timeline. Text stays text (``svg.fonttype: none``), nothing refers
outside the file, the same input gives the same bytes (fixed hash salt, no date, seeded layout), and
every node, tie, bar and change point is a link (matplotlib writes an artist's ``url`` as an ``<a>``).

matplotlib is imported inside the functions: only ``blocwatch report`` pays its import time. The web
pages keep their hand-built SVG (``present.web.charts``): matplotlib's SVG styles its shapes with
``style`` attributes, which the service's Content-Security-Policy (``style-src 'self'``) refuses."""
from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from functools import wraps

from markupsafe import Markup

from ...analyze.blocs import Bloc, Tie
from ...analyze.hedging import Hedging
from ...analyze.scores import WindowScore
from ..web.charts import NEGATIVE, NEUTRAL, PALETTE, POSITIVE, _layout

Href = str | None
RC = {"svg.fonttype": "none", "svg.hashsalt": "blocwatch", "svg.image_inline": True, "font.size": 9,
      "font.family": "DejaVu Sans", "axes.spines.top": False, "axes.spines.right": False, "path.simplify": True,
      "figure.facecolor": "none", "axes.facecolor": "none", "savefig.facecolor": "none"}
# matplotlib writes these only for its own metadata block; None leaves the block (and the date) out.
NO_METADATA = {"Date": None, "Creator": None, "Format": None, "Type": None}
INTERVAL_NOTE = "bars: score; whiskers: 90% bootstrap interval"


def _styled(chart: Callable[..., Markup]) -> Callable[..., Markup]:
    """Return ``chart`` run under the report's matplotlib settings (restored afterwards)."""
    @wraps(chart)
    def run(*args, **kwargs) -> Markup:
        import matplotlib

        with matplotlib.rc_context(RC):
            return chart(*args, **kwargs)
    return run


@_styled
def graph_chart(ties: Sequence[Tie], found: Sequence[Bloc], node_href: Callable[[str], Href],
                edge_href: Callable[[str, str], Href], name: str = "graph") -> Markup:
    """Return the alignment graph as inline SVG: nodes coloured by bloc, ties green (cooperation) or red
    (conflict) with width by weight; each node and tie links to ``node_href`` / ``edge_href``."""
    from matplotlib.patches import Circle

    if not ties:
        return _empty("graph", "No ties between countries yet.", name)
    import networkx as nx

    graph = nx.Graph()
    graph.add_weighted_edges_from((t.a, t.b, abs(t.weight) + 0.1) for t in ties)
    width, height = 640, 440
    xy = {n: (x, height - y) for n, (x, y) in _layout(graph, width, height).items()}  # SVG y runs down
    colour = {m: PALETTE[i % len(PALETTE)] for i, b in enumerate(found) for m in b.members}
    top = max(abs(t.weight) for t in ties) or 1.0
    fig, ax = _figure(width / 100, height / 100)
    ax.set_axis_off()
    ax.set_position((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.set_aspect("equal")
    for t in ties:
        (x1, y1), (x2, y2) = xy[t.a], xy[t.b]
        stroke = POSITIVE if t.weight > 0 else NEGATIVE if t.weight < 0 else NEUTRAL
        (line,) = ax.plot([x1, x2], [y1, y2], color=stroke, alpha=0.75, solid_capstyle="round",
                          linewidth=1.2 + 4.5 * abs(t.weight) / top, zorder=1)
        line.set_url(edge_href(t.a, t.b))
    for node, (x, y) in xy.items():
        disc = Circle((x, y), 16, facecolor=colour.get(node, "#607d8b"), edgecolor="#fff", linewidth=1.5, zorder=2)
        disc.set_url(node_href(node))
        ax.add_patch(disc)
        label = ax.text(x, y, node, ha="center", va="center", color="#fff", fontsize=7.5, fontweight="bold", zorder=3)
        label.set_url(node_href(node))
    return _svg(fig, "graph", "alignment graph: green ties cooperation, red conflict; node colour: bloc", name)


@_styled
def partner_chart(rows: Sequence[tuple[str, float, float, float, Href]], name: str) -> Markup:
    """Return a partner mix as inline SVG: one horizontal bar per (partner, score, low, high, link), green
    cooperation, red conflict, the bootstrap interval as an error bar; each bar links to its evidence."""
    if not rows:
        return _empty("bars", "No partners.", name)
    return _bars([r[0] for r in rows], [r[1] for r in rows], [(r[2], r[3]) for r in rows], [r[4] for r in rows],
                 "bars", f"partner scores ({INTERVAL_NOTE}): green cooperation, red conflict", name)


@_styled
def hedging_chart(hedging: Hedging, pole_href: Callable[[str], Href], name: str) -> Markup:
    """Return a country's hedging as inline SVG: its net score with each pole as a horizontal bar, the
    cooperation with the pole as a hollow bar behind it; each pole links to its evidence."""
    poles = list(hedging.poles)
    if not poles:
        return _empty("hedging", "No poles configured.", name)
    return _bars(poles, [hedging.net.get(p, 0.0) for p in poles], None, [pole_href(p) for p in poles], "hedging",
                 "hedging: net score with each pole (filled), cooperation with it (outline)", name,
                 behind=[hedging.cooperation.get(p, 0.0) for p in poles])


@_styled
def timeline_chart(trend: Sequence[WindowScore], fact_href: Callable[[int], Href], name: str) -> Markup:
    """Return a pair's score per window as inline SVG: a line with its interval band; a change point is a
    red ring linking to the fact that moved it most."""
    if not trend:
        return _empty("timeline", "No dated facts.", name)
    fig, ax = _figure(6.4, 2.3)
    xs = list(range(len(trend)))
    ax.axhline(0, color="#bbb", linestyle=(0, (4, 3)), linewidth=0.8, zorder=0)
    lows, highs = [w.score.low for w in trend], [w.score.high for w in trend]
    if len(trend) > 1:
        ax.fill_between(xs, lows, highs, color="#90caf9", alpha=0.4, linewidth=0)
    else:  # a band over one window has no width: show its interval as a whisker
        ax.errorbar(xs, [trend[0].score.value], yerr=[[trend[0].score.value - lows[0]], [highs[0] - trend[0].score.value]],
                    fmt="none", ecolor="#90caf9", elinewidth=6, capsize=0)
    lo, hi = min(lows + [0.0]), max(highs + [0.0])  # zero always in view: the sign is the point
    pad = 0.08 * (hi - lo) or 1.0
    ax.set_ylim(lo - pad, hi + pad)
    ax.plot(xs, [w.score.value for w in trend], color="#1565c0", linewidth=1.8, marker="o", markersize=3.5)
    for i, w in enumerate(trend):
        if w.flagged:
            (ring,) = ax.plot([i], [w.score.value], linestyle="none", marker="o", markersize=10,
                              markerfacecolor="#fff", markeredgecolor=NEGATIVE, markeredgewidth=2.2, zorder=3)
            ring.set_url(fact_href(w.movers[0].id) if w.movers else None)
    step = max(1, len(trend) // 12)
    ax.set_xticks(xs[::step], [w.window for w in trend][::step])
    ax.set_xlim(-0.5, len(trend) - 0.5)
    ax.set_ylabel("score")
    ax.tick_params(axis="x", labelsize=7.5)
    fig.tight_layout(pad=0.4)
    return _svg(fig, "timeline", "relationship score per window with its 90% interval; red rings: change points",
                name)


def _bars(labels: Sequence[str], values: Sequence[float], intervals: Sequence[tuple[float, float]] | None,
          hrefs: Sequence[Href], kind: str, label: str, name: str, behind: Sequence[float] | None = None) -> Markup:
    """Return signed horizontal bars (first row on top) as inline SVG, each bar and its label a link."""
    fig, ax = _figure(4.4, 0.5 + 0.26 * len(labels))
    ys = list(range(len(labels)))
    if behind is not None:
        ax.barh(ys, behind, height=0.7, facecolor="none", edgecolor="#78909c", linewidth=0.8)
    bars = ax.barh(ys, values, height=0.55, color=[POSITIVE if v >= 0 else NEGATIVE for v in values])
    for bar, href in zip(bars, hrefs):
        bar.set_url(href)
    if intervals is not None:
        ax.errorbar(values, ys, xerr=[[max(0.0, v - lo) for v, (lo, _) in zip(values, intervals)],
                                      [max(0.0, hi - v) for v, (_, hi) in zip(values, intervals)]],
                    fmt="none", ecolor="#37474f", elinewidth=0.9, capsize=2.5)
    ax.axvline(0, color="#888", linewidth=0.8)
    ax.set_yticks(ys, labels)
    for tick, href in zip(ax.get_yticklabels(), hrefs):
        tick.set_url(href)
    ax.invert_yaxis()
    ax.margins(x=0.08)
    fig.tight_layout(pad=0.4)
    return _svg(fig, kind, label, name)


def _figure(width_in: float, height_in: float):
    """Return a bare figure and its axes (no pyplot: nothing global is registered or kept)."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width_in, height_in), dpi=100)
    return fig, fig.add_subplot()


def _svg(fig, kind: str, label: str, name: str) -> Markup:
    """Return ``fig`` as an SVG element ready to inline: no XML prolog, DOCTYPE or metadata (they name
    URLs), ``href`` instead of ``xlink:href``, ids prefixed by ``name`` so several charts share a page."""
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata=NO_METADATA)
    text = buf.getvalue()
    text = text[text.index("<svg"):]
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.S)
    text = re.sub(r'\s+xmlns:xlink="[^"]*"', "", text).replace("xlink:href=", "href=")
    text = text.replace(' target="_blank"', "")  # matplotlib opens links in a new tab; these stay in the page
    text = text.replace("*{stroke-linejoin", "svg.chart *{stroke-linejoin")  # its one style rule, kept to charts
    text = re.sub(r'\sd="([^"]*)"', lambda m: ' d="' + _short_path(m.group(1)) + '"', text)
    text = re.sub(r'\s(x|y|width|height)="(-?\d+\.\d+)"', lambda m: f' {m.group(1)}="{_short(m.group(2))}"', text)
    text = re.sub(r' transform="rotate\(-0 [^"]*\)"', "", text)  # unrotated labels
    text = re.sub(r">\s+<", "><", text)
    # ids: only those a link, marker or clip path uses are kept, each prefixed so several charts share a page
    own = set(re.findall(r'\bid="([^"]+)"', text))
    used = own & set(re.findall(r'(?:href="#|url\(#)([^")]+)', text))
    prefix = f"{kind}-{re.sub(r'[^A-Za-z0-9_-]', '_', name)}-"
    text = re.sub(r'\s\bid="([^"]+)"', lambda m: f' id="{prefix}{m.group(1)}"' if m.group(1) in used else "", text)
    text = re.sub(r'(href="#|url\(#)([^")]+)', lambda m: m.group(1) + (prefix + m.group(2) if m.group(2) in used
                                                                         else m.group(2)), text)
    text = text.replace("<svg ", f'<svg class="chart {kind}" role="img" aria-label="{label}" ', 1)
    return Markup(text.strip())


def _short_path(d: str) -> str:
    """Return path data on one line with coordinates to 0.01 pt (finer than any screen shows)."""
    return " ".join(re.sub(r"-?\d+\.\d+", lambda m: _short(m.group()), d).split())


def _short(number: str) -> str:
    """Return a decimal number to 0.01, without trailing zeros."""
    return f"{float(number):.2f}".rstrip("0").rstrip(".")


@_styled
def _empty(kind: str, message: str, name: str) -> Markup:
    """Return a one-line chart that says why there is nothing to draw."""
    fig, ax = _figure(6.4, 0.4)
    ax.set_axis_off()
    ax.text(0.0, 0.5, message, va="center", transform=ax.transAxes)
    return _svg(fig, kind, message, name)


__all__ = ["graph_chart", "hedging_chart", "partner_chart", "timeline_chart"]
