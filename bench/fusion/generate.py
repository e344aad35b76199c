"""Write a synthetic news corpus whose duplicate structure is known, for ``blocwatch bench fusion``.

Each line is a document (``id``, ``published``, ``outlet``, ``text``) with its coding in the exchange
format of shared/eval/GUIDELINE.md, every event labelled with the true fact it reports (``fact``),
and ``copy_of`` naming the document a wire copy reprints. The corpus has:

- facts of six kinds (visits, aid deliveries, sanctions, signed accords, accusations, joint drills),
  each reported by one to six outlets over the days after it happened, in paraphrases that code the
  same happening differently (visit with or without its mode, an accord as SUPPORT or AGREE, a meeting
  as a mutual event), some giving the date (day or month), most not;
- wire copies: a report reprinted by other outlets with their own credit line (near-identical text);
- claims: deliveries first reported by an intelligence agency or officials, then denied by the parties,
  sometimes confirmed later by the sender (with the month it happened);
- the same parties doing the same kind of thing again, two to six windows later (another fact), with
  later reports recalling the earlier one by month ("had also ... in March 2025");
- a different kind of fact between the same parties in the same week (a visit and an accord signed).

Usage: python bench/fusion/generate.py [-o bench/fusion/corpus.jsonl] [--facts 150] [--seed 7]
Standard library only; the same seed writes the same corpus.
"""
from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

COUNTRIES = {
    "PRK": ("North Korea", "Pyongyang"), "RUS": ("Russia", "Moscow"), "CHN": ("China", "Beijing"),
    "VNM": ("Vietnam", "Hanoi"), "LAO": ("Laos", "Vientiane"), "IRN": ("Iran", "Tehran"),
    "KOR": ("South Korea", "Seoul"), "USA": ("the United States", "Washington"), "BLR": ("Belarus", "Minsk"),
    "CUB": ("Cuba", "Havana"), "MNG": ("Mongolia", "Ulaanbaatar"), "KHM": ("Cambodia", "Phnom Penh"),
}
OUTLETS = ["Reuters", "AP", "AFP", "Yonhap", "KCNA", "TASS", "Xinhua", "VNA", "NK News", "Kyodo", "BBC",
           "Nikkei Asia", "The Diplomat", "Korea Herald", "Interfax", "Radio Free Asia"]
CLAIMANTS = [("KOR", "SPY", "South Korea's spy agency"), ("UKR", "SPY", "Ukraine's military intelligence"),
             ("USA", "GOV", "US officials"), ("JPN", "GOV", "Japan's defence ministry")]
THINGS = ["troops", "artillery shells", "fuel oil", "rice", "drones", "engineers", "ballistic missiles"]
TOPICS = ["energy", "railways", "fisheries", "education", "customs", "health", "space research"]
CRIMES = ["cyberattacks", "smuggling", "provocations", "spying", "election meddling"]
# The PLOVER contexts an extractor would give each detail (GUIDELINE 1); a report may give none.
CONTEXTS = {
    "troops": ["military"], "artillery shells": ["military"], "fuel oil": ["economic", "natural resource"],
    "rice": ["human security"], "drones": ["military", "technology"], "engineers": ["military"],
    "ballistic missiles": ["military"], "energy": ["economic", "natural resource"], "railways": ["economic"],
    "fisheries": ["natural resource"], "education": ["diplomatic"], "customs": ["economic"], "health": ["health"],
    "space research": ["technology"], "cyberattacks": ["cyber"], "smuggling": ["trafficking"],
    "provocations": ["military"], "spying": ["intelligence"], "election meddling": ["election"],
}
FILLER = [
    "The two sides have drawn closer since 2023.", "Officials gave no further details.",
    "Analysts said the move was watched closely in Tokyo.", "The announcement came after weeks of speculation.",
    "Markets showed little reaction.", "Diplomats in the region expressed concern.",
    "The ministry did not respond to a request for comment.", "Satellite images had hinted at the move.",
    "The foreign ministry spokesperson declined to elaborate.", "Similar steps were taken last year.",
    "Observers expect further announcements.", "State television broadcast footage of the event.",
    "The news was first carried by local media.", "Lawmakers called for a briefing.",
    "Trade between the two has grown in recent years.", "Critics said the step breaks earlier commitments.",
    "A senior official described the talks as frank.", "The United Nations has urged restraint.",
    "Shipping data showed unusual activity at the port.", "The report could not be independently verified.",
]


@dataclass(frozen=True)
class Kind:
    """A kind of happening: its PLOVER coding, window, reporting lag and the sentences that report it."""

    name: str
    detail: str | None  # the detail whose contexts the happening has (None: `contexts` below)
    contexts: tuple[str, ...]
    window: int  # days; siblings are placed two to six windows apart
    lag: int  # most days between the happening and a report of it
    undirected: bool
    paraphrases: tuple[tuple[str, str | None, str], ...]  # (type, mode, template); mutual when type is undirected
    recall: tuple[str, str | None, str]  # a later report recalling an earlier happening by month


KINDS = [
    Kind("visit", None, ("diplomatic",), 7, 3, True, (
        ("CONSULT", "visit", "The leader of {a} visited {B} for talks with its government."),
        ("CONSULT", "visit", "A delegation led by the head of state of {a} arrived in {B} on a state visit."),
        ("CONSULT", None, "Leaders of {a} and {b} held talks in {B}."),
        ("CONSULT", "visit", "{B} welcomed the visiting leader of {a} with a military parade."),
    ), ("CONSULT", "visit", "The leader of {a} had also visited {B} in {month}.")),
    Kind("aid", "thing", (), 60, 10, False, (
        ("AID", None, "{A} sent {thing} to {b}."),
        ("AID", None, "{A} has delivered {thing} to {b}, according to shipping records."),
        ("AID", None, "{A} shipped a new consignment of {thing} to {b}."),
    ), ("AID", None, "{A} had also sent {thing} to {b} in {month}.")),
    Kind("sanction", "topic", (), 30, 7, False, (
        ("SANCTION", "discontinue", "{A} imposed sanctions on {b} over {topic} trade."),
        ("SANCTION", "discontinue", "{A} announced new sanctions against {b}."),
        ("SANCTION", None, "The government of {a} blacklisted firms from {b}."),
    ), ("SANCTION", "discontinue", "{A} had already sanctioned {b} in {month}.")),
    Kind("accord", "topic", (), 7, 3, True, (
        ("SUPPORT", None, "{A} and {b} signed an agreement on {topic} cooperation."),
        ("AGREE", None, "{A} and {b} agreed to expand cooperation in {topic}."),
        ("SUPPORT", None, "Ministers from {a} and {b} put their signatures to a {topic} accord."),
    ), ("AGREE", None, "{A} and {b} had reached a similar accord in {month}.")),
    Kind("accuse", "crime", (), 7, 2, False, (
        ("ACCUSE", None, "{A} accused {b} of {crime}."),
        ("ACCUSE", None, "{A} blamed {b} for a wave of {crime}."),
    ), ("ACCUSE", None, "{A} had made the same accusation against {b} in {month}.")),
    Kind("drills", None, ("military",), 60, 5, True, (
        ("COOPERATE", None, "{A} and {b} held joint naval drills."),
        ("COOPERATE", None, "Forces from {a} and {b} began joint military exercises."),
    ), ("COOPERATE", None, "{A} and {b} had also held drills in {month}.")),
]


@dataclass
class Fact:
    id: str
    kind: Kind
    a: str
    b: str
    day: date
    details: dict
    earlier: Fact | None = None  # the same parties' previous happening of this kind
    chain: list[Fact] = field(default_factory=list)  # every happening of this kind between the parties

    @property
    def contexts(self) -> list[str]:
        return CONTEXTS[self.details[self.kind.detail]] if self.kind.detail else list(self.kind.contexts)

    def recallable(self) -> bool:
        """Return True if the month alone names this happening among its chain (a reader could tell)."""
        month = self.day.strftime("%Y-%m")
        return all(f is self or f.day.strftime("%Y-%m") != month for f in self.chain)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", default=str(Path(__file__).with_name("corpus.jsonl")))
    parser.add_argument("--facts", type=int, default=150, help="number of independent facts (siblings come on top)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    documents = corpus(args.facts, random.Random(args.seed))
    Path(args.output).write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents), "utf-8")
    facts = {e["fact"] for d in documents for e in d["events"]}
    print(f"wrote {len(documents)} documents, {sum(len(d['events']) for d in documents)} mentions of "
          f"{len(facts)} facts to {args.output}")


def corpus(n_facts: int, rng: random.Random) -> list[dict]:
    """Return the documents (sorted by publication date) reporting ``n_facts`` facts and their siblings."""
    facts: list[Fact] = []
    for _ in range(n_facts):
        facts.extend(_fact_and_siblings(rng, len(facts)))
    documents: list[dict] = []
    for fact in facts:
        for report in _reports(rng, fact):
            documents.extend(_documents(rng, fact, report))
    documents.sort(key=lambda d: (d["published"], d["id"]))
    for n, doc in enumerate(documents):
        doc["id"] = f"d{n:05d}-{doc['id']}"
    names = {d["id"].split("-", 1)[1]: d["id"] for d in documents}
    for doc in documents:
        doc["copy_of"] = names.get(doc["copy_of"]) if doc["copy_of"] else None
    return documents


def _fact_and_siblings(rng: random.Random, n: int) -> list[Fact]:
    kind = rng.choice(KINDS)
    a, b = rng.sample(sorted(COUNTRIES), 2)
    day = date(2024, 1, 1) + timedelta(days=rng.randrange(700))
    facts = [Fact(f"F{n:04d}", kind, a, b, day, _details(rng))]
    while rng.random() < 0.35:  # the same parties do it again, well outside the window
        day = facts[-1].day + timedelta(days=kind.window * rng.uniform(2, 6) + kind.lag)
        facts.append(Fact(f"F{n + len(facts):04d}", kind, a, b, day, _details(rng), earlier=facts[-1]))
    for fact in facts:
        fact.chain = list(facts)
    if kind.name == "visit" and rng.random() < 0.3:  # an accord signed during the visit: another fact
        facts.append(Fact(f"F{n + len(facts):04d}", KINDS[3], a, b, day, _details(rng)))
    return facts


def _details(rng: random.Random) -> dict:
    return {"thing": rng.choice(THINGS), "topic": rng.choice(TOPICS), "crime": rng.choice(CRIMES)}


def _reports(rng: random.Random, fact: Fact) -> list[dict]:
    """Return the reports of a fact: (published, outlet, coding); claims are followed by denials."""
    n = min(6, 1 + int(rng.expovariate(0.6)))
    claim = fact.kind.name == "aid" and rng.random() < 0.5
    reports = []
    for i in range(n):
        published = fact.day + timedelta(days=rng.randint(0, fact.kind.lag))
        status = "reported" if claim else "asserted"
        reports.append(_report(rng, fact, published, status, rng.choice(CLAIMANTS) if claim else None))
    if claim:
        last = max(r["published"] for r in reports)
        for party in (p for p in (fact.a, fact.b) if rng.random() < 0.6):
            reports.append(_denial(rng, fact, last + timedelta(days=rng.randint(1, 4)), party))
        if rng.random() < 0.4:
            reports.append(_confirmation(rng, fact, last + timedelta(days=rng.randint(5, 40))))
    return reports


def _report(rng: random.Random, fact: Fact, published: date, status: str, claimant) -> dict:
    type_, mode, template = rng.choice(fact.kind.paraphrases)
    sentence = _fill(template, fact)
    source = None
    if claimant:
        sentence = sentence[:-1] + f", {claimant[2]} said."
        source = {"country": claimant[0], "sector": [claimant[1]], "name": claimant[2]}
    when = None
    if rng.random() < 0.3:
        when = fact.day.isoformat() if rng.random() < 0.6 else fact.day.strftime("%Y-%m")
        sentence = sentence[:-1] + (f" on {fact.day:%B} {fact.day.day}." if len(when) == 10 else f" in {fact.day:%B}.")
    return _coded(fact, published, sentence, type_, mode, status, source, when)


def _denial(rng: random.Random, fact: Fact, published: date, party: str) -> dict:
    name = COUNTRIES[party][0]
    sentence = (f"{_cap(name)} denied that {COUNTRIES[fact.a][0]} had sent {fact.details['thing']} to "
                f"{COUNTRIES[fact.b][0]}.")
    source = {"country": party, "sector": ["GOV"], "name": name}
    return _coded(fact, published, sentence, "AID", None, "denied", source, None)


def _confirmation(rng: random.Random, fact: Fact, published: date) -> dict:
    sentence = (f"{_cap(COUNTRIES[fact.a][0])} confirmed that it had sent {fact.details['thing']} to "
                f"{COUNTRIES[fact.b][0]} in {fact.day:%B %Y}.")
    return _coded(fact, published, sentence, "AID", None, "asserted", None, fact.day.strftime("%Y-%m"))


def _coded(fact: Fact, published: date, sentence: str, type_: str, mode, status: str, source, when) -> dict:
    return {"published": published, "mentions": [(fact, sentence, type_, mode, status, source, when)]}


def _documents(rng: random.Random, fact: Fact, report: dict) -> list[dict]:
    """Return the report as a document in its outlet's words, plus any wire copies of it."""
    outlet = rng.choice(OUTLETS)
    mentions = list(report["mentions"])
    earlier = fact.earlier
    if earlier and earlier.recallable() and rng.random() < 0.3:
        type_, mode, template = earlier.kind.recall
        sentence = _fill(template, earlier, month=f"{earlier.day:%B %Y}")
        mentions.append((earlier, sentence, type_, mode, "asserted", None, earlier.day.strftime("%Y-%m")))
    mentions = [m + (m[0].contexts if rng.random() < 0.8 else [],) for m in mentions]
    body = [m[1] for m in mentions] + rng.sample(FILLER, 2)
    key = f"{fact.id}-{rng.randrange(10**9)}"
    original = _document(key, report["published"], outlet, " ".join(body) + f" ({outlet})", mentions, None)
    copies = []
    reprints = rng.sample([o for o in OUTLETS if o != outlet], rng.choice((0, 0, 0, 1, 2, 3)))
    for n, reprint in enumerate(reprints):
        text = " ".join(body) + f" ({outlet}, via {reprint})"
        published = report["published"] + timedelta(days=rng.randint(0, 1))
        copies.append(_document(f"{key}-copy{n}", published, reprint, text, mentions, key))
    return [original] + copies


def _document(key: str, published: date, outlet: str, text: str, mentions, copy_of: str | None) -> dict:
    events = []
    for fact, sentence, type_, mode, status, source, when, contexts in mentions:
        start = text.index(sentence)
        mutual = fact.kind.undirected and mode is None
        actor = [{"country": fact.a}] + ([{"country": fact.b}] if mutual else [])
        events.append({"actor": actor, "recipient": [] if mutual else [{"country": fact.b}], "type": type_,
                       "mode": mode, "contexts": contexts, "status": status, "source": source, "when": when,
                       "evidence": sentence, "span": [start, start + len(sentence)], "fact": fact.id})
    return {"id": key, "published": published.isoformat(), "outlet": outlet, "text": text, "events": events,
            "copy_of": copy_of}


def _fill(template: str, fact: Fact, month: str = "") -> str:
    a, b = COUNTRIES[fact.a], COUNTRIES[fact.b]
    return template.format(a=a[0], A=_cap(a[0]), b=b[0], B=b[1], month=month, **fact.details)


def _cap(name: str) -> str:
    return name[0].upper() + name[1:]


if __name__ == "__main__":
    main()
