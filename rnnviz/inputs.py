"""A typed sentence turned into the input vectors x_1 .. x_T of the timestep pages (book 9-1, 9-3).

One vector per token, from a seeded embedding table or a one-hot encoding over the
sentence's own vocabulary (`text.Vocabulary.fit`, so ids follow Keras's IMDB convention,
0/1/2 reserved), plus the labels and short texts the pages show beside them, and a word the
sentence repeats (`repeated_word`: the same x_t each time, a different h_t).

Pure Python + numpy: it never imports streamlit, tensorflow, keras or jax.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from rnnviz.text import INDEX_FROM, Vocabulary, tokenize

__all__ = [
    "DEFAULT_SENTENCE",
    "ENCODINGS",
    "InputSequence",
    "MAX_CHARS",
    "MAX_SIZE",
    "MAX_STEPS",
    "REPEATED_WORD_SENTENCE",
    "RESERVED_IDS",
    "RepeatedWord",
    "build_inputs",
    "embedding_table",
    "feature_labels",
    "onehot_text",
    "repeated_token",
    "repeated_word",
]

DEFAULT_SENTENCE = "i like brachiosaurus"  # the book's one sample of 3 timesteps
# "Same word, different state" (book 9-1): "i" and "like" come twice, each time after other words.
REPEATED_WORD_SENTENCE = "i like this movie and i like the actors"
ENCODINGS = ("embedding", "onehot")
MAX_STEPS = 30  # longer sentences are cut here: more columns no longer read on a projector
MAX_CHARS = 2_000  # a pasted novel is cut here before tokenizing
MAX_SIZE = 8  # features and units sliders go 1 .. MAX_SIZE
RESERVED_IDS = INDEX_FROM + 1  # ids 0 padding, 1 start, 2 OOV, 3 unused: one-hot has these too


@dataclasses.dataclass(frozen=True, eq=False)
class InputSequence:
    """A sentence turned into the input of a recurrent layer.

    Attributes:
        tokens: the tokens, one per timestep (at most `MAX_STEPS`).
        ids: their ids in the sentence's own vocabulary (rank + 3, as in IMDB).
        xs: the input vectors ``x_1 .. x_T``, shape ``(T, input_dim)``.
        encoding: ``"embedding"`` or ``"onehot"``.
        vocabulary: `text.Vocabulary` fitted on the kept tokens.
        table: the embedding table ``(vocabulary.size, features)``; ``None`` for one-hot.
        notes: ``(i18n key, params)`` pairs saying what was cut or why nothing is left.
    """

    tokens: tuple[str, ...]
    ids: tuple[int, ...]
    xs: np.ndarray  # (T, input_dim)
    encoding: str
    vocabulary: Vocabulary
    table: np.ndarray | None  # (vocabulary.size, features)
    notes: tuple[tuple[str, dict], ...] = ()

    @property
    def timesteps(self) -> int:
        """``T``, the number of timesteps."""
        return len(self.tokens)

    @property
    def input_dim(self) -> int:
        """Features per timestep: the embedding size, or the vocabulary size for one-hot."""
        return self.xs.shape[1]


def embedding_table(vocab_size, features, seed=0):
    """A seeded stand-in for a trained ``Embedding(vocab_size, features)`` table.

    Values are uniform in [-1, 1] and rounded to 2 decimals, so the vectors shown
    are exactly the vectors used.

    Args:
        vocab_size: rows (one per id, reserved ids included).
        features: columns, the embedding size.
        seed: seed; the table differs from the cell's weights of the same seed.

    Returns:
        Array of shape ``(vocab_size, features)``.
    """
    rng = np.random.default_rng([seed, 9])  # a stream of its own, apart from the weights'
    return np.round(rng.uniform(-1.0, 1.0, size=(vocab_size, features)), 2)  # (V, features)


def build_inputs(sentence, encoding="embedding", features=4, seed=0,
                 max_steps=MAX_STEPS, max_chars=MAX_CHARS):
    """The input sequence of a sentence, one vector per token.

    The vocabulary is fitted on the sentence itself (`text.Vocabulary.fit`), so its
    words get ids 4, 5, ... in order of frequency; ids 0-3 stay reserved (padding,
    start, OOV, unused) as in Keras's IMDB data. ``"embedding"`` looks each id up in
    `embedding_table`; ``"onehot"`` makes a vector of ``vocabulary.size`` zeros with a 1
    at the id, as ``keras.utils.to_categorical`` does, so ``input_dim`` is then the
    vocabulary size and ``features`` is ignored.

    Args:
        sentence: any text; cut to ``max_chars`` characters, then to ``max_steps`` tokens.
        encoding: ``"embedding"`` or ``"onehot"``.
        features: embedding size, >= 1.
        seed: seed of the embedding table.
        max_steps: most timesteps kept (the first ones).
        max_chars: most characters read.

    Returns:
        An `InputSequence`; with no tokens, ``xs`` has shape ``(0, input_dim)`` and
        ``notes`` holds ``"step_empty"`` or ``"step_no_tokens"``.

    Raises:
        ValueError: unknown ``encoding``.
    """
    if encoding not in ENCODINGS:
        raise ValueError(f"encoding must be one of {ENCODINGS}, got {encoding!r}")
    notes = []
    text = sentence or ""
    if len(text) > max_chars:
        notes.append(("step_cut_chars", {"n": len(text), "limit": max_chars}))
        text = text[:max_chars]
    tokens = tokenize(text)
    if len(tokens) > max_steps:
        notes.append(("step_cut_steps", {"n": len(tokens), "limit": max_steps}))
        tokens = tokens[:max_steps]
    if not tokens:
        notes.append(("step_no_tokens", {}) if text.strip() else ("step_empty", {}))
    vocabulary = Vocabulary.fit([" ".join(tokens)])
    ids = vocabulary.encode(tokens, start=False)
    if encoding == "onehot":
        table = None
        xs = np.eye(vocabulary.size)[ids] if ids else np.zeros((0, vocabulary.size))
    else:
        table = embedding_table(vocabulary.size, features, seed)  # (V, features)
        xs = table[ids] if ids else np.zeros((0, features))  # (T, features)
    xs.setflags(write=False)
    return InputSequence(tuple(tokens), tuple(ids), xs, encoding, vocabulary, table, tuple(notes))


def feature_labels(inputs):
    """Names of the input features: ``x1, x2, ...``; for one-hot, each id with its word.

    >>> feature_labels(build_inputs("b a b", "onehot"))
    ['id 0 <pad>', 'id 1 <start>', 'id 2 <oov>', 'id 3', 'id 4 b', 'id 5 a']
    """
    if inputs.encoding != "onehot":
        return [f"x{k}" for k in range(1, inputs.input_dim + 1)]
    words = inputs.vocabulary.decode(range(inputs.input_dim))
    return [f"id {i}" if i == INDEX_FROM else f"id {i} {w}" for i, w in enumerate(words)]


def onehot_text(x_t):
    """A one-hot vector as one short line: a dot for each 0, its 1 where it is, a gap every 5 places.

    >>> onehot_text([0, 0, 0, 0, 1, 0, 0])
    '····1 ··'
    """
    marks = ["1" if v == 1 else "·" if v == 0 else f"{v:g}" for v in np.asarray(x_t).tolist()]
    return " ".join("".join(marks[i:i + 5]) for i in range(0, len(marks), 5))


def repeated_token(tokens):
    """The first token that occurs more than once, with its timesteps (from 1); or None.

    >>> repeated_token(["the", "cat", "saw", "the", "dog"])
    ('the', [1, 4])
    """
    for token in dict.fromkeys(tokens):
        where = [i for i, tok in enumerate(tokens, start=1) if tok == token]
        if len(where) > 1:
            return token, where
    return None


@dataclasses.dataclass(frozen=True, eq=False)
class RepeatedWord:
    """One word read at several timesteps: the same input each time, a different hidden state.

    Attributes:
        token: the word.
        steps: its timesteps (from 1), at least two.
        x: its input vectors, one row per occurrence, ``(n, input_dim)``: equal rows.
        h_prev: the hidden states it met, h_(t−1), ``(n, units)``.
        h: the hidden states it left, h_t, ``(n, units)``.
    """

    token: str
    steps: tuple[int, ...]
    x: np.ndarray  # (n, input_dim)
    h_prev: np.ndarray  # (n, units)
    h: np.ndarray  # (n, units)


def repeated_word(trace, tokens, token=None):
    """A repeated word's occurrences in a run of a cell: their x_t, h_(t−1) and h_t.

    Args:
        trace: ``cells.run(cell, xs)`` over the tokens (any of the three cells).
        tokens: the tokens, one per step of `trace`.
        token: the word to compare; by default the first repeated one (`repeated_token`).

    Returns:
        A `RepeatedWord`, or None when the word (or, by default, every word) occurs once.
    """
    if token is None:
        found = repeated_token(tokens)
        if found is None:
            return None
        token, steps = found
    else:
        steps = [i for i, tok in enumerate(tokens, start=1) if tok == token]
        if len(steps) < 2:
            return None
    chosen = [trace.steps[s - 1] for s in steps]
    return RepeatedWord(token, tuple(steps), np.stack([s.x_t for s in chosen]),  # (n, input_dim)
                        np.stack([s.h_tm1 for s in chosen]), np.stack([s.h_t for s in chosen]))  # (n, units)
