"""All shipped domain knowledge, loaded once and validated at start-up (followthemoney's habit).

``load_knowledge`` reads every data file under ``data/`` (or the user's copies in ``Settings.data_dir``)
into one typed ``Knowledge`` object; the entry points (CLI, ``Coder``, ``pipeline``) build it beside
``Settings`` and hand each stage the part it needs. A malformed file or an unknown key is a
``DataFileError`` naming the file and the key, raised here, before any document is read (the
gazetteer's files when the gazetteer is first used: by the coder as it starts).
Nothing in this module imports spaCy: read-only commands load knowledge without the parser.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

from .actors.gazetteer import Gazetteer, load_gazetteer
from .analyze.designations import DesignationRules, load_designation_rules
from .analyze.rules import AnalyticsRules, load_analytics_rules
from .analyze.sanctions import SanctionsRules, load_sanctions
from .extract.lexicon import Composition, Lexicon, RelationWords, load_composition, load_lexicon, load_relation_words
from .fuse.rules import FusionRules, load_fusion_rules
from .ingest.boilerplate import Boilerplate, load_boilerplate
from .ontology import Ontology, load_ontology


@dataclass(frozen=True)
class Knowledge:
    """What blocwatch knows before reading any document: ontology, lexicons, gazetteer, fusion rules."""

    data_dir: str | None
    ontology: Ontology  # PLOVER types, modes, contexts, sectors (data/ontology/plover.yaml)
    lexicon: Lexicon  # triggers, contexts, status cues, argument and quantity words (data/lexicon)
    composition: Composition  # how triggers of one sentence combine (data/lexicon/composition.yaml)
    relations: RelationWords  # trade share, dependence, partnership words (data/lexicon/relations.yaml)
    fusion: FusionRules  # when mentions are one fact; status and sources (data/fusion.yaml)
    boilerplate: Boilerplate  # page furniture lines (data/ingest/boilerplate.tsv)

    @cached_property
    def gazetteer(self) -> Gazetteer:
        """Return the gazetteer (data/actors: countries, organisations, people, places, references), built
        on first use: its GeoNames places take a second or more, and commands that only read the store
        never resolve an actor. The coder builds it when it starts, so a parse checks it at start-up."""
        return load_gazetteer(self.data_dir)

    @cached_property
    def analytics(self) -> AnalyticsRules:
        """Return the analytics' weights and thresholds (data/analytics/scoring.yaml), read on first use."""
        return load_analytics_rules(self.data_dir, self.ontology)

    @cached_property
    def sanctions(self) -> SanctionsRules:
        """Return the sanctions regimes and their rules (data/sanctions/regimes.yaml), read on first use."""
        return load_sanctions(self.data_dir, self.ontology)

    @cached_property
    def designations(self) -> DesignationRules:
        """Return how a list of designated entities is read and matched (data/sanctions/designations.yaml),
        read on first use."""
        return load_designation_rules(self.data_dir)

    @cached_property
    def cameo(self) -> dict:
        """Return CAMEO code -> PLOVER code (data/exchange/cameo2plover.tsv), read on first use."""
        from .exchange.cameo import load_cameo_map

        return load_cameo_map(self.data_dir, self.ontology)

    @property
    def weights(self) -> dict[str, float]:
        """Return the PLOVER weight of every event type."""
        return {name: t.weight for name, t in self.ontology.types.items()}


@lru_cache(maxsize=4)
def load_knowledge(data_dir: str | None = None) -> Knowledge:
    """Return every data file read and validated, once per process and data folder."""
    ontology = load_ontology(data_dir)
    return Knowledge(data_dir=data_dir, ontology=ontology, lexicon=load_lexicon(data_dir, ontology),
                     composition=load_composition(data_dir, ontology), relations=load_relation_words(data_dir),
                     fusion=load_fusion_rules(data_dir, ontology),
                     boilerplate=load_boilerplate(data_dir))
