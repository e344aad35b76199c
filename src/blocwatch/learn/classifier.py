"""A multinomial logistic regression over sparse named features, stored as plain arrays.

Training uses scikit-learn; prediction needs only numpy (the weights are a vocabulary and a matrix),
so coding never imports scikit-learn and the shipped weights do not depend on its pickle format.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

NONE = "NONE"  # the label of a pair between which the sentence states no event
WEIGHTS = "weights.npz"
VOCAB = "vocab.json"


@dataclass
class PairClassifier:
    """Label names, feature vocabulary and weights of a trained linear model."""

    labels: list[str]
    vocab: dict[str, int]
    coef: np.ndarray  # (features, labels)
    intercept: np.ndarray  # (labels,)

    def probabilities(self, rows: list[dict[str, float]]) -> np.ndarray:
        """Return one row of label probabilities per feature dict (softmax over the labels)."""
        scores = np.tile(self.intercept.astype(np.float64), (len(rows), 1))
        owners, cols, vals = [], [], []
        for n, row in enumerate(rows):
            for name, value in row.items():
                col = self.vocab.get(name)
                if col is not None:
                    owners.append(n)
                    cols.append(col)
                    vals.append(value)
        if cols:  # every known feature's weights, scaled by its value, summed into its row's scores
            np.add.at(scores, np.array(owners), self.coef[np.array(cols)].astype(np.float64)
                      * np.array(vals, dtype=np.float64)[:, None])
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def save(self, folder: str | Path) -> None:
        """Write the vocabulary (JSON) and the weights (compressed numpy arrays) into ``folder``."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        names = sorted(self.vocab, key=self.vocab.get)
        (folder / VOCAB).write_text(json.dumps({"labels": self.labels, "features": names}, ensure_ascii=False),
                                    encoding="utf-8")
        np.savez_compressed(folder / WEIGHTS, coef=self.coef.astype(np.float16),
                            intercept=self.intercept.astype(np.float32))

    @classmethod
    def load(cls, folder: str | Path) -> "PairClassifier":
        """Return the classifier stored in ``folder`` by ``save``."""
        folder = Path(folder)
        meta = json.loads((folder / VOCAB).read_text(encoding="utf-8"))
        arrays = np.load(folder / WEIGHTS)
        vocab = {name: i for i, name in enumerate(meta["features"])}
        return cls(labels=list(meta["labels"]), vocab=vocab, coef=arrays["coef"].astype(np.float32),
                   intercept=arrays["intercept"].astype(np.float32))


def vocabulary(rows: Iterable[dict[str, float]], min_count: int) -> dict[str, int]:
    """Return the features seen in at least ``min_count`` of the rows, numbered in sorted order."""
    counts = Counter(k for row in rows for k in row)
    return {k: i for i, k in enumerate(sorted(k for k, n in counts.items() if n >= min_count))}


def design_matrix(rows: list[dict[str, float]], vocab: dict[str, int]):
    """Return the sparse (rows, vocabulary) matrix of feature dicts; features outside ``vocab`` are left out."""
    from scipy.sparse import csr_matrix

    data, cols, ptr = [], [], [0]
    for row in rows:
        for k, v in row.items():
            if k in vocab:
                cols.append(vocab[k])
                data.append(v)
        ptr.append(len(cols))
    return csr_matrix((np.array(data, dtype=np.float64), np.array(cols, dtype=np.int64), np.array(ptr)),
                      shape=(len(rows), len(vocab)))


def fit(rows: list[dict[str, float]], labels: list[str], c: float = 1.0, min_count: int = 2, seed: int = 13,
        max_iter: int = 300) -> PairClassifier:
    """Return a classifier fitted to feature dicts and their labels (features seen < ``min_count`` times dropped)."""
    from sklearn.linear_model import LogisticRegression

    vocab = vocabulary(rows, min_count)
    x = design_matrix(rows, vocab)
    classes = sorted(set(labels))
    model = LogisticRegression(C=c, max_iter=max_iter, random_state=seed)
    model.fit(x, labels)
    coef, intercept = model.coef_, model.intercept_
    if len(classes) == 2:  # scikit-learn keeps one row for a binary problem: spell out both labels
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
    return PairClassifier(labels=list(model.classes_), vocab=vocab, coef=coef.T.copy(), intercept=intercept)
