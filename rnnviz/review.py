"""A trained model reads one review ("Try a review"): its files, the ids, the notes, the verdicts.

The page lists finished runs that kept their vocabulary (vocab.json) and
weights (`rnnviz.run_choice.available_models`), reads the review with each model's own
vocabulary and `maxlen`, and runs the trained model in numpy (`rnnviz.weights`): no TensorFlow.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import mean, pstdev

from rnnviz import results, runs
from rnnviz import text as tx
from rnnviz.run_files import DamagedFile
from rnnviz.runs import Run

SHOWN_CUT_TOKENS = 8  # the grid shows this many of the tokens truncation cut, then stops


class ModelFilesError(RuntimeError):
    """A run's weights.npz or vocab.json cannot be used (damaged, truncated, not ours)."""


def load_model_files(run: Run) -> tuple[dict, tx.Vocabulary]:
    """The run's weights (numpy arrays by name) and vocabulary, checked enough to run the cells.

    Both are read once per version of their files (`rnnviz.run_files`), within size limits.

    Raises:
        ModelFilesError: with the reason, for any damaged or foreign file.
    """
    try:
        weights = run.load_weights()  # arrays only, in the layout of the run's config (`rnnviz.weights`)
        vocabulary = run.vocabulary()
    except DamagedFile as error:
        raise ModelFilesError(str(error)) from error
    if vocabulary is None:
        raise ModelFilesError(f"{runs.VOCAB_FILE}: missing or not a word list")
    return weights, vocabulary


def vocabulary_from_runs(models: Sequence[Run], num_words: int) -> tx.Vocabulary | None:
    """IMDB's vocabulary cut at `num_words`, rebuilt from a run's vocab.json (no IMDB data needed).

    A run trained with n >= num_words words stores the words of ranks 1 .. n - 4, which hold
    every word of the smaller vocabulary. None when no run has a large enough one.
    """
    for run in sorted(models, key=lambda m: m.config.num_words if m.config else 0):
        if run.config and run.config.num_words >= num_words:
            try:
                stored = run.vocabulary()
            except DamagedFile:
                continue
            if stored is not None:
                return tx.Vocabulary(ranks=dict(stored.ranks), num_words=num_words, source="imdb")
    return None


MAX_REVIEW_CHARS = 20_000  # the review box's limit (ui.text_box); the longest IMDB test review has 13,704


@dataclass(frozen=True)
class ReviewTokens:
    """A review tokenized once, for every model: each model numbers these tokens with its own vocabulary.

    Every model reads at most its `maxlen` last tokens, and the page shows the windows
    before them (the after-each-word curve); only the counts need the whole review.
    """

    tokens: list[str]  # every token of the review, in order
    counts: Counter  # token -> how often: a model's OOV count without a pass over every token

    @classmethod
    def of(cls, tokens: Sequence[str]) -> ReviewTokens:
        return cls(tokens=list(tokens), counts=Counter(tokens))

    @classmethod
    def of_text(cls, text: str) -> ReviewTokens:
        """A typed review, tokenized as IMDB was."""
        return cls.of(tx.tokenize(text))


@dataclass(frozen=True)
class Reading:
    """A review as one model reads it: the rows it and the page need, and counts over the whole review."""

    rows: list[tx.TokenRow]  # the last `kept_rows(maxlen)` of START and every token, with this model's ids
    padded: list[int]  # (maxlen,) what the model reads: pad_sequences(pre, pre)
    maxlen: int
    length: int  # START and every token of the review
    n_oov: int  # how many tokens are outside this model's vocabulary, in the whole review

    @property
    def ids(self) -> list[int]:
        """The ids of `rows`: enough for every window `weights.prefix_predictions` reads."""
        return [row.token_id for row in self.rows]

    @property
    def n_words(self) -> int:
        """How many tokens the review has (START not counted)."""
        return self.length - 1

    @property
    def n_cut(self) -> int:
        """How many leading tokens `pad_sequences` drops (truncating="pre")."""
        return max(self.length - self.maxlen, 0)

    @property
    def seen_rows(self) -> list[tx.TokenRow]:
        """The rows the model reads, in order (the last `maxlen`)."""
        return self.rows[-min(self.length, self.maxlen):]

    def notes(self) -> list[tuple[str, dict]]:
        """What the learner should know about this input: (message key, parameters)."""
        if self.n_words == 0:
            return [("review_empty", {})]
        found = []
        if self.n_oov == self.n_words:
            found.append(("review_all_oov", {"n": self.n_words}))
        elif self.n_oov:
            found.append(("review_some_oov", {"n": self.n_oov, "share": self.n_oov / self.n_words}))
        if self.n_cut:
            found.append(("review_cut", {"n": self.length, "maxlen": self.maxlen, "cut": self.n_cut}))
        return found

    def grid_rows(self) -> list[tx.TokenRow]:
        """The rows the padded-matrix chart draws: all it keeps and a few of the cut ones before them."""
        return self.rows[-min(self.length, self.maxlen + SHOWN_CUT_TOKENS):]


def kept_rows(maxlen: int) -> int:
    """Rows a Reading keeps: the after-each-word curve's first window ends `maxlen` - 1 tokens
    before the last one and is `maxlen` long; the grid's cut tokens are among them."""
    return max(2 * maxlen, maxlen + SHOWN_CUT_TOKENS)


def read_tokens(review: ReviewTokens, vocabulary: tx.Vocabulary, maxlen: int) -> Reading:
    """The review as a model with `vocabulary` and `maxlen` reads it; only its tail is numbered row by row."""
    start = tx.TokenRow(tx.MARKERS[tx.START], tx.START, tx.KIND_START, None)
    keep = kept_rows(maxlen)
    rows = [start] if len(review.tokens) < keep else []  # START, when it is among the last `keep` rows
    for token in review.tokens[-keep:]:
        token_id = vocabulary.token_id(token)
        rows.append(tx.TokenRow(token, token_id, tx.KIND_OOV if token_id == tx.OOV else tx.KIND_WORD,
                                vocabulary.rank(token)))
    n_oov = sum(count for token, count in review.counts.items() if vocabulary.token_id(token) == tx.OOV)
    padded = tx.pad_sequences([[row.token_id for row in rows]], maxlen=maxlen)[0]  # (maxlen,)
    return Reading(rows=rows, padded=[int(i) for i in padded], maxlen=maxlen, length=len(review.tokens) + 1,
                   n_oov=n_oov)


def read_text(text: str, vocabulary: tx.Vocabulary, maxlen: int) -> Reading:
    """A typed review, tokenized as IMDB was and numbered with the model's vocabulary."""
    return read_tokens(ReviewTokens.of_text(text), vocabulary, maxlen)


def tokens_of_test_review(full_ids: Sequence[int], full_vocabulary: tx.Vocabulary) -> ReviewTokens:
    """A test review given by its full-vocabulary ids (`load_data(num_words=None)`), as tokens.

    The ids are already IMDB's tokenization, so they are decoded, not re-tokenized; a model
    then numbers each word with its own vocabulary: id i stays i below its num_words and
    becomes OOV above it, as `load_data(num_words)` does.
    """
    return ReviewTokens.of(full_vocabulary.decode(full_ids[1:]))


def read_ids(full_ids: Sequence[int], vocabulary: tx.Vocabulary, full_vocabulary: tx.Vocabulary,
             maxlen: int) -> Reading:
    """A test review given by its full-vocabulary ids, as a model reads it (`tokens_of_test_review`)."""
    return read_tokens(tokens_of_test_review(full_ids, full_vocabulary), vocabulary, maxlen)


@dataclass(frozen=True)
class VariantScore:
    """One book model's verdict on a review, over its seeds (a visitor's run: alone)."""

    variant: str  # group_name: "lstm@500", or "run:<run id>" (any visitor's run)
    scores: list[float]  # one probability per seed
    reference: bool = True  # reference runs; False: one of the visitor's runs

    @property
    def mean(self) -> float:
        return mean(self.scores)

    @property
    def spread(self) -> float:
        """Population standard deviation over the seeds (0 for one seed)."""
        return pstdev(self.scores)


def by_variant(models: Sequence[Run], scores: Sequence[float]) -> list[VariantScore]:
    """Group per-run probabilities: the reference runs by book variant, each visitor's run alone.

    Keeps the models' order (`run_choice.available_models`: the reference groups, then the visitor's runs).
    """
    grouped: dict[str, list[float]] = {}
    for run, score in zip(models, scores):
        grouped.setdefault(results.group_name(run), []).append(float(score))
    return [VariantScore(name, values, reference=not name.startswith("run:")) for name, values in grouped.items()]


@dataclass(frozen=True)
class Movers:
    """The words after which the prediction rose or fell most: (token, change) pairs."""

    up: list[tuple[str, float]]
    down: list[tuple[str, float]]


def reading_digest(run_id: str, padded: Sequence[int]) -> str:
    """A short name for "this model reading these ids": a question about its verdict is asked anew
    when the review or the model changes.

    >>> reading_digest("run", [0, 1, 14]) == reading_digest("run", [0, 1, 14]) != reading_digest("run", [1, 14])
    True
    """
    return hashlib.sha256(f"{run_id}:{list(map(int, padded))}".encode()).hexdigest()[:12]


def movers(tokens: Sequence[str], scores: Sequence[float], count: int = 3) -> Movers:
    """The `count` largest rises and falls of the after-each-word prediction (the first word has none).

    >>> movers(["<start>", "good", "bad"], [0.5, 0.8, 0.3], count=1)
    Movers(up=[('good', 0.3)], down=[('bad', -0.5)])
    """
    changes = [(tokens[i], round(float(scores[i] - scores[i - 1]), 6)) for i in range(1, len(scores))]
    rises = sorted((c for c in changes if c[1] > 0), key=lambda c: -c[1])[:count]
    falls = sorted((c for c in changes if c[1] < 0), key=lambda c: c[1])[:count]
    return Movers(up=rises, down=falls)
