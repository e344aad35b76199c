"""The fusion stage: gives each mention a fact, keeps fact summaries current, splits and rebuilds.

Every decision is made here, over a ``FactRepository`` (DuckDB today); the repository finds, reads
and writes rows. Callers own the transaction: each method runs inside the caller's.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import combinations

from ..errors import StoreError
from .identity import Candidate, choose_fact, fact_key, mention_time
from .records import Mention
from .repository import FactRepository
from .rules import FusionRules
from .status import in_report_order
from .summary import SummaryState, summarize


class Fusion:
    """Fusion of mentions into facts by ``rules``, reading and writing through ``repo``."""

    def __init__(self, repo: FactRepository, rules: FusionRules):
        self.repo, self.rules = repo, rules

    def fuse(self, mentions: Iterable[Mention], check_splits: bool = False,
             keep_ids: Mapping[int, int] | None = None) -> set[int]:
        """Give each mention a fact, joining a candidate or starting a new one; return the facts touched.

        Brand-new mentions cannot have been split apart by a user, so only re-fused ones
        (``check_splits``) look at the splits. ``keep_ids`` (mention -> its fact before a rebuild)
        lets a new fact take the id its first mention's fact had, so that rebuilding keeps fact ids.
        """
        touched: set[int] = set()
        for mention in in_report_order(mentions):
            candidates = self._candidates(mention, check_splits)
            fact_id = choose_fact(mention, candidates, self.rules)
            if fact_id is None:
                fact_id = self.repo.new_fact(fact_key(mention, self.rules), mention,
                                             _kept_id(mention, keep_ids, touched))
                state = SummaryState()
            else:
                state = SummaryState.from_json(next(c.state for c in candidates if c.fact_id == fact_id))
            self.repo.link(mention, fact_id)
            self.join(fact_id, mention, state)  # at once: the next mention of the same document may join it
            touched.add(fact_id)
        return touched

    def join(self, fact_id: int, mention: Mention, state: SummaryState | None) -> None:
        """Bring a fact up to date after ``mention`` joined it: from the fact's kept summary state when
        the mention comes last in report order (no other mention is read), else from every mention."""
        if state is not None and state.follows(mention):
            state.add(mention, self.rules)
            self.repo.write_summary(fact_id, state.summary(self.rules))
        else:
            self.refresh(fact_id)

    def _candidates(self, mention: Mention, check_splits: bool) -> list[Candidate]:
        key = fact_key(mention, self.rules)
        found = self.repo.candidates(key, mention_time(mention), self.rules.window(key.family))
        if not check_splits:
            return found
        blocked = self.repo.facts_split_from(mention.event_id)
        return [c for c in found if c.fact_id not in blocked]

    def refresh(self, fact_id: int) -> bool:
        """Recompute a fact from its mentions; remove it if none is left. Return False if removed."""
        mentions = self.repo.mentions_of(fact_id)
        if not mentions:
            self.repo.write_summary(fact_id, None)
            return False
        self.repo.write_summary(fact_id, summarize(mentions, self.rules))
        return True

    def split(self, fact_id: int, members: Sequence[int], event_ids: Sequence[int] | None) -> list[int]:
        """Move the mentions ``event_ids`` of a fact with ``members`` into a new fact (default: every
        mention into a fact of its own), never to be merged back; return the facts, the split one first."""
        groups = split_groups(fact_id, members, event_ids)
        for a_group, b_group in combinations(groups, 2):
            for a in a_group:
                for b in b_group:
                    self.repo.keep_apart(min(a, b), max(a, b))
        ids = [fact_id]
        by_id = {m.event_id: m for m in self.repo.mentions_of(fact_id)}
        for group in groups[1:]:
            first = by_id[group[0]]
            new_id = self.repo.new_fact(fact_key(first, self.rules), first)
            self.repo.move(group, new_id)
            ids.append(new_id)
        for f in ids:
            self.refresh(f)
        return ids


def _kept_id(mention: Mention, keep_ids: Mapping[int, int] | None, taken: set[int]) -> int | None:
    """Return the id the mention's fact had before a rebuild, unless a fact of this run holds it already."""
    if not keep_ids:
        return None
    old = keep_ids.get(mention.event_id)
    return old if old is not None and old not in taken else None


def split_groups(fact_id: int, members: Sequence[int], event_ids: Sequence[int] | None) -> list[list[int]]:
    """Return the mention groups a split leaves: the staying ones first."""
    if len(members) < 2:
        raise StoreError(f"fact {fact_id} has one mention; there is nothing to split")
    if not event_ids:
        return [[m] for m in members]
    strangers = sorted(set(event_ids) - set(members))
    if strangers:
        raise StoreError(f"mention(s) {', '.join(map(str, strangers))} are not part of fact {fact_id}",
                         hint=f"see 'blocwatch fact {fact_id}' for its mentions")
    moving = sorted(set(event_ids))
    staying = [m for m in members if m not in moving]
    if not staying:
        raise StoreError(f"moving every mention of fact {fact_id} splits nothing",
                         hint="name only the mentions that describe another happening")
    return [staying, moving]
