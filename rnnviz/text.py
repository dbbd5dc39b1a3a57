"""Text to token ids, the way Keras's IMDB data was made (book section 9-1, 9-2).

Everything here is plain Python + numpy, so a page can use it without
TensorFlow. Reserved ids follow `keras.datasets.imdb.load_data`:

>>> PAD, START, OOV, INDEX_FROM
(0, 1, 2, 3)
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

PAD = 0  # padding, added by pad_sequences
START = 1  # start of sequence, prepended by load_data (start_char)
OOV = 2  # out of vocabulary (oov_char): a word outside the top num_words
INDEX_FROM = 3  # the word of rank r gets id r + INDEX_FROM

# Readable markers for the reserved ids, used by decode().
MARKERS = {PAD: "<pad>", START: "<start>", OOV: "<oov>"}

# Keras's old Tokenizer filters (plus tab and newline). These produced the
# IMDB sequences; the apostrophe is not among them, so "don't" stays one token.
_FILTERS = '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n'
_TO_SPACE = str.maketrans(_FILTERS, " " * len(_FILTERS))


def without_format_characters(text: str) -> tuple[str, int]:
    """`text` without Unicode format characters (category Cf), and how many there were.

    Bidi controls (U+202E turns the line around), zero-width spaces and joiners (U+200B,
    U+200D) and the byte-order mark (U+FEFF) are invisible: kept, they glue onto a word,
    which then looks normal but is out of the vocabulary.

    >>> without_format_characters("\u202eThis film\u200b was\ufeff")
    ('This film was', 3)
    """
    kept = "".join(char for char in text if unicodedata.category(char) != "Cf")
    return kept, len(text) - len(kept)


def tokenize(text: str) -> list[str]:
    """Split text into lowercase word tokens, as Keras's IMDB data was made.

    ASCII letters are lowercased (other letters are kept as they are), the
    punctuation in `_FILTERS` becomes a space, and the text is split on single
    spaces. So `<br />` leaves the token "br", exactly as in the IMDB
    sequences, and an apostrophe stays inside its word. Invisible format
    characters (`without_format_characters`) are dropped first.

    Args:
        text: any string.

    Returns:
        The list of tokens, possibly empty.

    >>> tokenize("I like brachiosaurus!")
    ['i', 'like', 'brachiosaurus']
    >>> tokenize("Don't<br /><br />stop.")
    ["don't", 'br', 'br', 'stop']
    >>> tokenize("?!...")
    []
    >>> tokenize("\u202eThis film")
    ['this', 'film']
    """
    text = without_format_characters(text)[0]
    # bytes.lower() lowercases ASCII only, like the tokenizer that built IMDB.
    lowered = text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "replace")
    return [token for token in lowered.translate(_TO_SPACE).split(" ") if token]


def _as_tokens(text_or_tokens: str | Sequence[str]) -> list[str]:
    if isinstance(text_or_tokens, str):
        return tokenize(text_or_tokens)
    return list(text_or_tokens)


@dataclass(frozen=True)
class Vocabulary:
    """A word -> rank table, cut at `num_words` as `load_data(num_words=...)` does.

    A word of rank r (1 = most frequent) gets id r + 3; ids 0, 1, 2 are
    reserved (PAD, START, OOV). With `num_words`, every id >= num_words is
    replaced by OOV, so the largest id in use is num_words - 1.

    Attributes:
        ranks: word -> frequency rank (1 = most frequent), every word known.
        num_words: the cut-off, or None to keep every word.
        source: "imdb" (IMDB's word index) or "fit" (the user's own texts).
    """

    ranks: Mapping[str, int]
    num_words: int | None = None
    source: str = "imdb"
    _words_by_id: dict[int, str] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.num_words is not None and self.num_words < 1:
            raise ValueError(f"num_words must be at least 1, got {self.num_words}.")
        kept = {
            rank + INDEX_FROM: word
            for word, rank in self.ranks.items()
            if self.num_words is None or rank + INDEX_FROM < self.num_words
        }
        self._words_by_id.update(kept)

    @classmethod
    def from_word_index(cls, word_index: Mapping[str, int], num_words: int | None) -> Vocabulary:
        """The IMDB vocabulary, as `keras.datasets.imdb.load_data(num_words=...)`.

        Args:
            word_index: word -> rank, as `keras.datasets.imdb.get_word_index()`.
            num_words: keep ids below this (None keeps all words).
        """
        return cls(ranks=dict(word_index), num_words=num_words, source="imdb")

    @classmethod
    def fit(cls, texts: Iterable[str], num_words: int | None = None) -> Vocabulary:
        """A vocabulary built from the given texts, most frequent word first.

        Ties keep the order of first appearance (as Keras's Tokenizer did).

        >>> Vocabulary.fit(["b a b", "c"]).encode("a b c d")
        [1, 5, 4, 6, 2]
        """
        counts = Counter(token for text in texts for token in tokenize(text))
        ordered = sorted(counts, key=lambda word: -counts[word])  # stable sort
        return cls(ranks={word: r for r, word in enumerate(ordered, start=1)},
                   num_words=num_words, source="fit")

    @property
    def size(self) -> int:
        """Largest id + 1: the `input_dim` an Embedding (or a one-hot vector) needs.

        Id 3 stays unused: the most frequent word has rank 1, so id 4.
        """
        return len(self._words_by_id) + INDEX_FROM + 1

    def rank(self, token: str) -> int | None:
        """The token's frequency rank, or None when the word was never seen."""
        return self.ranks.get(token)

    def token_id(self, token: str) -> int:
        """The id of one token: rank + 3, or OOV (2) when unknown or cut off."""
        rank = self.ranks.get(token)
        if rank is None:
            return OOV
        token_id = rank + INDEX_FROM
        return token_id if self.num_words is None or token_id < self.num_words else OOV

    def encode(self, text_or_tokens: str | Sequence[str], start: bool = True) -> list[int]:
        """Token ids of a text (tokenized first) or of a list of tokens.

        Args:
            text_or_tokens: a string, or tokens already split.
            start: prepend START (1), as `load_data` does.

        Returns:
            A list of int ids.
        """
        ids = [self.token_id(token) for token in _as_tokens(text_or_tokens)]
        return [START, *ids] if start else ids

    def decode(self, ids: Iterable[int]) -> list[str]:
        """Tokens of ids; reserved ids become the markers <pad>, <start>, <oov>.

        >>> Vocabulary.fit(["hello world"]).decode([0, 1, 4, 2, 5])
        ['<pad>', '<start>', 'hello', '<oov>', 'world']
        """
        return [MARKERS.get(i) or self._words_by_id.get(i, MARKERS[OOV]) for i in ids]


_PADDING_CHOICES = ("pre", "post")


def pad_sequences(
    sequences: Sequence[Sequence[int]],
    maxlen: int | None = None,
    padding: str = "pre",
    truncating: str = "pre",
    value: int = 0,
    dtype: str = "int32",
) -> np.ndarray:
    """Pad or cut integer sequences to one length, exactly as `keras.utils.pad_sequences`.

    Args:
        sequences: a list of integer sequences (may be empty or hold empty ones).
        maxlen: the length of every row; None uses the longest sequence.
        padding: "pre" puts the padding before the tokens, "post" after.
        truncating: "pre" drops tokens from the start of a long sequence
            (keeps the end), "post" drops them from the end.
        value: the padding id.
        dtype: the array's dtype.

    Returns:
        An array of shape `(len(sequences), maxlen)`.

    Raises:
        ValueError: for maxlen < 1 or an unknown padding / truncating word.

    >>> pad_sequences([[1, 2, 3], [4]], maxlen=2).tolist()
    [[2, 3], [0, 4]]
    >>> pad_sequences([[1, 2, 3], [4]], maxlen=2, padding="post", truncating="post").tolist()
    [[1, 2], [4, 0]]
    """
    for name, choice in (("padding", padding), ("truncating", truncating)):
        if choice not in _PADDING_CHOICES:
            raise ValueError(f"{name} must be 'pre' or 'post', got {choice!r}.")
    if maxlen is not None and maxlen < 1:
        raise ValueError(f"maxlen must be at least 1 (or None), got {maxlen}.")
    lengths = [len(s) for s in sequences]
    if maxlen is None:
        maxlen = max(lengths, default=0)
    padded = np.full((len(sequences), maxlen), value, dtype=dtype)  # (N, maxlen)
    for row, sequence in enumerate(sequences):
        if not len(sequence):
            continue
        kept = sequence[-maxlen:] if truncating == "pre" else sequence[:maxlen]
        if padding == "pre":
            padded[row, -len(kept):] = kept
        else:
            padded[row, : len(kept)] = kept
    return padded


# --- What the "Tokens & padding" page shows ------------------------------------

KIND_PAD, KIND_START, KIND_WORD, KIND_OOV, KIND_CUT = "pad", "start", "word", "oov", "cut"


@dataclass(frozen=True)
class TokenRow:
    """One position of an encoded sentence, with why it got its id."""

    token: str  # the token, or a marker for START
    token_id: int
    kind: str  # KIND_START, KIND_WORD or KIND_OOV
    rank: int | None  # frequency rank in the vocabulary, None if never seen


def explain(vocabulary: Vocabulary, text: str) -> list[TokenRow]:
    """START, then each token of `text` with its id, kind and rank."""
    rows = [TokenRow(MARKERS[START], START, KIND_START, None)]
    for token in tokenize(text):
        token_id = vocabulary.token_id(token)
        kind = KIND_OOV if token_id == OOV else KIND_WORD
        rows.append(TokenRow(token, token_id, kind, vocabulary.rank(token)))
    return rows


@dataclass(frozen=True)
class PaddedCell:
    """One cell of the padded matrix, or a token that truncation cut away."""

    row: int
    column: int  # 0..maxlen-1 inside the matrix; < 0 or >= maxlen for cut tokens
    token: str
    token_id: int
    kind: str


def padding_layout(sentences: Sequence[Sequence[TokenRow]], maxlen: int,
                   padding: str = "pre", truncating: str = "pre") -> list[PaddedCell]:
    """Where every id lands after `pad_sequences`, and where the cut tokens were.

    Cut tokens are placed just outside the matrix, on the side they were cut
    from: to the left of column 0 for truncating="pre", right of maxlen-1 for "post".
    """
    matrix = pad_sequences([[r.token_id for r in rows] for rows in sentences], maxlen=maxlen,
                           padding=padding, truncating=truncating)  # (N, maxlen)
    cells = []
    for row, rows in enumerate(sentences):
        n_cut = max(len(rows) - maxlen, 0)
        kept = rows[n_cut:] if truncating == "pre" else rows[: len(rows) - n_cut]
        cut = rows[:n_cut] if truncating == "pre" else rows[len(rows) - n_cut:]
        start = maxlen - len(kept) if padding == "pre" else 0
        for column in range(maxlen):
            offset = column - start
            if 0 <= offset < len(kept):
                info = kept[offset]
                cells.append(PaddedCell(row, column, info.token, int(matrix[row, column]), info.kind))
            else:
                cells.append(PaddedCell(row, column, MARKERS[PAD], int(matrix[row, column]), KIND_PAD))
        first_cut_column = -n_cut if truncating == "pre" else maxlen
        cells.extend(PaddedCell(row, first_cut_column + k, info.token, info.token_id, KIND_CUT)
                     for k, info in enumerate(cut))
    return cells


def truncation_example(sentences: Sequence[Sequence[TokenRow]], maxlen: int, shown: int = 12) -> str | None:
    """What `truncating='pre'` keeps of the longest sentence: its first ``shown`` kept tokens after "…".

    Returns None when no sentence is longer than ``maxlen`` (nothing is cut).

    >>> rows = explain(Vocabulary.fit(["a b c d"]), "a b c d")  # <start> a b c d
    >>> truncation_example([rows], 3), truncation_example([rows], 5)
    ('… b c d', None)
    """
    longest = max(sentences, key=len, default=[])
    if len(longest) <= maxlen:
        return None
    kept = [row.token for row in longest[-maxlen:]]
    return f"… {' '.join(kept[:shown])}" + (" …" if len(kept) > shown else "")


MAX_SENTENCES = 12  # more rows than this no longer fit a projected grid
MAX_SENTENCE_CHARS = 2_000  # a pasted novel is cut here, with a note
MAX_TEXT_CHARS = 25_000  # the whole box: 12 lines of 2,000 characters, their line breaks, room for blank lines


def split_sentences(text: str, max_lines: int = MAX_SENTENCES,
                    max_chars: int = MAX_SENTENCE_CHARS) -> tuple[list[str], list[tuple[str, dict]]]:
    """Non-blank lines of `text`, each cut to `max_chars`, at most `max_lines` of them.

    Invisible format characters (bidi controls, zero-width spaces) are removed first, so
    a line shows and tokenizes as it looks; a note says how many.

    Returns:
        `(sentences, notes)`: notes are `(i18n key, params)` saying what was cut.

    >>> split_sentences("a\\n\\n  b  \\n")
    (['a', 'b'], [])
    """
    text, removed = without_format_characters(text)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    notes: list[tuple[str, dict]] = []
    if removed:
        notes.append(("tokens_format_removed", {"n": removed}))
    if len(lines) > max_lines:
        notes.append(("tokens_too_many_lines", {"n": len(lines), "limit": max_lines}))
        lines = lines[:max_lines]
    for number, line in enumerate(lines, start=1):
        if len(line) > max_chars:
            notes.append(("tokens_line_cut", {"line": number, "n": len(line), "limit": max_chars}))
            lines[number - 1] = line[:max_chars]
    return lines, notes


def sentence_notes(number: int, rows: Sequence[TokenRow], source: str) -> list[tuple[str, dict]]:
    """What to tell the learner about one encoded sentence (no tokens, all or some OOV)."""
    words = rows[1:]  # rows[0] is START
    n_oov = sum(row.kind == KIND_OOV for row in words)
    if not words:
        return [("tokens_no_tokens", {"line": number})]
    if n_oov == len(words) and source == "imdb":
        return [("tokens_all_oov", {"line": number})]
    if n_oov:
        return [("tokens_some_oov", {"line": number, "n": n_oov})]
    return []
