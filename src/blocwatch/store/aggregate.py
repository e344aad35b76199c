"""Aggregations done in SQL, for analytics over stores too large to read fact by fact.

``Store.facts()`` builds one ``Fact`` per row: fine for thousands, seconds for a million. A profile
or a pair report needs only sums per pair of countries, which DuckDB computes over the fact rows
without building them: ``pair_scores`` (every pair of a country, or of the whole store) and
``pair_facts`` (the facts between two countries). The weights are the analytics' (``scoring.yaml``
on the analytics side): a fact's weight is type score x status weight x min(cap, 1 + ln sources),
contested facts left out and counted apart.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..fuse import Fact
from .columns import FactColumns, columns_from_arrow
from .facts import FACT_COLUMNS, _fact


@dataclass(frozen=True)
class PairScore:
    """The summed weight of the facts between two countries, with what it rests on."""

    a: str
    b: str
    value: float
    facts: int  # facts counted (not contested, status weight above 0)
    sources: int  # independent sources summed over the facts counted
    reported_weight: float  # absolute weight resting on reported or hypothetical facts only
    contested: int


# Most facts have one actor and one recipient: their pair is read directly; only the others are
# unnested (a lateral unnest of every row costs five times the whole query on a million facts).
PAIRS_SQL = """
    WITH chosen AS (
        SELECT f.id, f.actors, f.recipients, f.status, f.contested, f.sources,
               {type_weight} * {status_weight} * least(?, 1 + ln(greatest(1, f.sources))) AS weight,
               {status_weight} > 0 AND NOT f.contested AS counts
        FROM facts f {where}
    ), pairs AS (
        SELECT least(actors[1], recipients[1]) AS a, greatest(actors[1], recipients[1]) AS b, status, contested,
               sources, weight, counts
        FROM chosen WHERE len(actors) = 1 AND len(recipients) = 1 AND actors[1] <> recipients[1]
        UNION ALL
        SELECT DISTINCT ON (c.id, least(p.a, q.r), greatest(p.a, q.r)) least(p.a, q.r), greatest(p.a, q.r),
               c.status, c.contested, c.sources, c.weight, c.counts
        FROM chosen c, unnest(c.actors) AS p(a), unnest(c.recipients) AS q(r)
        WHERE NOT (len(c.actors) = 1 AND len(c.recipients) = 1) AND p.a <> q.r
    )
    SELECT a, b, sum(weight) FILTER (WHERE counts), count(*) FILTER (WHERE counts),
           sum(sources) FILTER (WHERE counts),
           sum(abs(weight)) FILTER (WHERE counts AND status IN ('reported', 'hypothetical')),
           count(*) FILTER (WHERE contested)
    FROM pairs {pair} GROUP BY a, b
    ORDER BY abs(sum(weight) FILTER (WHERE counts)) DESC NULLS LAST, a, b
"""


class AggregateMixin:
    """SQL aggregations for a store with a DuckDB ``con``."""

    con = None

    def pair_scores(self, type_weights: Mapping[str, float], status_weights: Mapping[str, float],
                    cap: float = 3.0, country: str | None = None, other: str | None = None,
                    since: str | None = None) -> list[PairScore]:
        """Return the score of every pair of countries, only ``country``'s pairs if given (a profile), or
        only the pair ``country``-``other`` (a pair report), from facts reported on or after ``since``;
        strongest first. Computed in SQL over the fact rows, no ``Fact`` is built."""
        type_weight, type_params = _case("f.type", type_weights)
        status_weight, status_params = _case("f.status", status_weights)
        where, params = [], [*type_params, *status_params, cap, *status_params]
        if country:  # the filter runs before the participant lists are read
            where.append("(list_contains(f.actors, ?) OR list_contains(f.recipients, ?))")
            params += [country.upper(), country.upper()]
        if other:
            where.append("(list_contains(f.actors, ?) OR list_contains(f.recipients, ?))")
            params += [other.upper(), other.upper()]
        if since:
            where.append("f.last_reported >= ?")
            params.append(since)
        wanted = [c.upper() for c in (country, other) if c]
        sql = PAIRS_SQL.format(type_weight=type_weight, status_weight=status_weight,
                               where=("WHERE " + " AND ".join(where)) if where else "",
                               pair=("WHERE " + " AND ".join("? IN (a, b)" for _ in wanted)) if wanted else "")
        rows = self.con.execute(sql, params + wanted).fetchall()
        return [PairScore(a, b, v or 0.0, n or 0, s or 0, r or 0.0, c or 0) for a, b, v, n, s, r, c in rows]

    def pair_facts(self, a: str, b: str, since: str | None = None, limit: int | None = None) -> list[Fact]:
        """Return the facts between countries ``a`` and ``b`` (either way), the most recent first."""
        a, b = a.upper(), b.upper()
        sql = (f"SELECT {FACT_COLUMNS} FROM facts WHERE ((list_contains(actors, ?) AND list_contains(recipients, ?)) "
               "OR (list_contains(actors, ?) AND list_contains(recipients, ?)) OR "
               "(list_contains(actors, ?) AND list_contains(actors, ?)))"
               + (" AND last_reported >= ?" if since else "")
               + " ORDER BY coalesce(time_start::VARCHAR, first_reported) DESC NULLS LAST, id"
               + (f" LIMIT {int(limit)}" if limit else ""))
        params = [a, b, b, a, a, b] + ([since] if since else [])
        return [_fact(r) for r in self.con.execute(sql, params).fetchall()]


# The columns of the facts a country takes part in that the analytics weigh; strings the analytics
# only compare travel as codes. Lists are read only for facts with several actors or recipients.
COLUMNS_SQL = """
    SELECT id, coalesce(list_position($types, type), 0) AS type, coalesce(list_position($statuses, status), 0)
           AS status, contested, sources, event_when, first_reported,
           CAST(time_start - DATE '1970-01-01' AS BIGINT) AS time_start,
           CASE WHEN len(actors) = 1 AND len(recipients) = 1 THEN actors[1] END AS actor,
           CASE WHEN len(actors) = 1 AND len(recipients) = 1 THEN recipients[1] END AS recipient,
           CASE WHEN len(actors) <> 1 OR len(recipients) <> 1 THEN actors END AS actors,
           CASE WHEN len(actors) <> 1 OR len(recipients) <> 1 THEN recipients END AS recipients,
           CASE WHEN len(source_names) > 0 THEN source_names END AS source_names,
           CASE WHEN len(contexts) > 0 THEN contexts END AS contexts
    FROM facts WHERE (list_contains(actors, $actor) OR list_contains(recipients, $actor)) {since}"""

# A fact's picture order, as ``facts()`` gives it; ``facts_between`` then orders by report date.
ORDER = "coalesce(time_start::VARCHAR, first_reported) DESC NULLS LAST, id"


class ColumnsMixin:
    """Fact columns and the few whole facts the analytics show, for a store with a DuckDB ``con``."""

    con = None

    def fact_columns(self, actor: str, types: Sequence[str], statuses: Sequence[str],
                     since: str | None = None) -> FactColumns:
        """Return the columns of the facts ``actor`` takes part in (reported on or after ``since``), with
        ``type`` and ``status`` as positions in ``types`` / ``statuses``; in the table's order."""
        params = {"actor": actor.upper(), "types": list(types), "statuses": list(statuses)}
        if since:
            params["since"] = since
        sql = COLUMNS_SQL.format(since="AND last_reported >= $since" if since else "")
        return columns_from_arrow(self.con.sql(sql, params=params).to_arrow_table())

    def facts_between(self, a: str, b: str, since: str | None = None) -> list[Fact]:
        """Return the facts that link ``a`` and ``b`` (one an actor, the other a recipient, or both actors
        of a fact without recipients), in the order ``facts()`` gives, without their mentions."""
        sql = (f"SELECT {FACT_COLUMNS} FROM facts WHERE $a <> $b AND ("
               "(list_contains(actors, $a) AND list_contains(recipients, $b)) OR "
               "(list_contains(actors, $b) AND list_contains(recipients, $a)) OR "
               "(len(recipients) = 0 AND list_contains(actors, $a) AND list_contains(actors, $b)))"
               + (" AND last_reported >= $since" if since else "") + f" ORDER BY {ORDER}")
        params = {"a": a.upper(), "b": b.upper(), **({"since": since} if since else {})}
        return [_fact(r) for r in self.con.execute(sql, params).fetchall()]

    def appear_together(self, a: str, b: str, since: str | None = None) -> bool:
        """Return True when some fact (reported on or after ``since``) involves both ``a`` and ``b``."""
        sql = ("SELECT 1 FROM facts WHERE list_contains(actors || recipients, $a) AND "
               "list_contains(actors || recipients, $b)" + (" AND last_reported >= $since" if since else "")
               + " LIMIT 1")
        params = {"a": a.upper(), "b": b.upper(), **({"since": since} if since else {})}
        return bool(self.con.execute(sql, params).fetchall())  # fetched to the end: the connection is free again

    def facts_by_id(self, ids: Sequence[int]) -> list[Fact]:
        """Return the facts ``ids`` in the order ``facts()`` gives, without their mentions."""
        if not len(ids):
            return []
        sql = f"SELECT {FACT_COLUMNS} FROM facts WHERE id IN (SELECT unnest($ids::BIGINT[])) ORDER BY {ORDER}"
        return [_fact(r) for r in self.con.execute(sql, {"ids": [int(i) for i in ids]}).fetchall()]

    def facts_mentioning(self, ids: Sequence[int], words: Sequence[str]) -> set[int]:
        """Return those of the facts ``ids`` whose mentions' texts (each mention's sentence, else its text,
        joined by spaces, as ``picture.evidence_text`` joins them) contain one of ``words`` (lower case;
        compared with the text in lower case)."""
        if not len(ids) or not words:
            return set()
        sql = """
            SELECT fact_id FROM fact_mentions WHERE fact_id IN (SELECT unnest($ids::BIGINT[]))
            GROUP BY fact_id
            HAVING len(list_filter($words::VARCHAR[], lambda w: contains(
                lower(string_agg(coalesce(nullif(sentence, ''), evidence), ' ' ORDER BY event_id)), w))) > 0"""
        return {r[0] for r in self.con.execute(sql, {"ids": [int(i) for i in ids], "words": list(words)}).fetchall()}


def _case(column: str, weights: Mapping[str, float]) -> tuple[str, list]:
    """Return a CASE expression giving each value of ``column`` its weight (0 for others), and its parameters."""
    if not weights:
        return "0.0", []
    return ("CASE " + column + " " + " ".join("WHEN ? THEN ?" for _ in weights) + " ELSE 0.0 END",
            [v for name, w in weights.items() for v in (name, float(w))])
