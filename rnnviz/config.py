"""One training run's settings (`RunConfig`) and the book's six models (`PRESETS`).

Pure Python: the page builds its widgets from these defaults and bounds, the
worker reads a run's `config.json`, and `parse_field` reads one field back from
the text a link holds (the training lab keeps each field in the URL, `ui.setting`).

>>> PRESETS["lstm"].cell, PRESETS["lstm"].num_words
('LSTM', 500)
>>> parse_field("learning_rate", str(PRESETS["gru"].learning_rate)) == PRESETS["gru"].learning_rate
True
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import math
from dataclasses import dataclass, fields
from typing import Any

CELL_KINDS = ("SimpleRNN", "LSTM", "GRU")  # the Keras layer names (same keys as cells.CELLS)
INPUTS = ("onehot", "embedding")
BACKENDS = ("jax", "tensorflow")
BOOK_TRAIN_SIZE = 20_000  # the book's split: 20,000 train / 5,000 validation
BOOK_VAL_SIZE = 5_000
TEST_SIZE = 25_000
IMDB_MAX_WORDS = 88_587  # largest IMDB id + 1 (num_words=None)
MAX_ONEHOT_WORDS = 5_000  # a one-hot batch is (batch, maxlen, num_words) floats: 64×100×5000×4 B = 128 MB

# Quick mode: a first look in well under a minute on JAX (LSTM: ~0.3 s per epoch, val_accuracy ~0.69
# after 20 epochs). 2,000 reviews × 10 epochs barely moves the loss at the book's learning rate.
QUICK_TRAIN_SAMPLES = 5_000  # first 5,000 of the book's 20,000 (validation: first 1,250 of 5,000)
QUICK_EPOCHS = 20


def default_backend() -> str:
    """ "jax" when JAX is installed (3-6× faster on CPU), else "tensorflow" (the book's engine).

    Looks for the package without importing it.
    """
    return "jax" if importlib.util.find_spec("jax") is not None else "tensorflow"


@dataclass(frozen=True)
class RunConfig:
    """Everything that defines one training run; the defaults are the book's 9-2 embedding model."""

    cell: str = "SimpleRNN"  # recurrent layer: "SimpleRNN", "LSTM" or "GRU"
    inputs: str = "embedding"  # "onehot" (encoded batch by batch) or "embedding" (Embedding layer)
    num_words: int = 500  # vocabulary: ids >= num_words become OOV (2); one-hot width / Embedding input_dim
    maxlen: int = 100  # pad_sequences length (padding and truncating 'pre')
    embedding_dim: int = 16  # Embedding output size (unused for one-hot)
    units: int = 8  # recurrent units per layer
    layers: int = 1  # 1 or 2 recurrent layers; with 2 the first returns sequences
    dropout: float = 0.0  # the recurrent layers' `dropout` (on their inputs)
    learning_rate: float = 1e-4  # RMSprop learning rate
    batch_size: int = 64  # reviews per gradient step
    epochs: int = 100  # at most this many epochs (early stopping usually ends sooner)
    patience: int = 3  # EarlyStopping: epochs without a better val_loss before stopping
    seed: int = 42  # keras.utils.set_random_seed (weights, dropout, shuffling)
    max_train_samples: int | None = None  # None = the book's 20,000; N = first N (and first N//4 of validation)
    max_test_samples: int | None = None  # None = all 25,000 test reviews; N = first N (tests, benchmarks)
    backend: str = dataclasses.field(default_factory=default_backend)  # "jax" or "tensorflow"

    def __post_init__(self) -> None:
        validate(self)

    def replace(self, **changes: Any) -> RunConfig:
        """A copy with some fields changed (validated again)."""
        return dataclasses.replace(self, **changes)

    @property
    def train_samples(self) -> int:
        """How many of the book's 20,000 training reviews the run uses."""
        return self.max_train_samples or BOOK_TRAIN_SIZE

    @property
    def val_samples(self) -> int:
        """Validation reviews: all 5,000, or a quarter of `max_train_samples` (the book's 4:1)."""
        if self.max_train_samples is None:
            return BOOK_VAL_SIZE
        return min(BOOK_VAL_SIZE, max(1, self.max_train_samples // 4))

    @property
    def test_samples(self) -> int:
        """Test reviews evaluated at the end."""
        return self.max_test_samples or TEST_SIZE


# (low, high) for every integer / float field; the page's widgets use the same bounds.
BOUNDS: dict[str, tuple[float, float]] = {
    "num_words": (4, IMDB_MAX_WORDS),  # ids 0, 1, 2 are reserved: 4 keeps at least one word
    "maxlen": (2, 1_000),  # at least 2 timesteps (CategoryEncoding would drop a length-1 time axis)
    "embedding_dim": (1, 512),
    "units": (1, 256),
    "layers": (1, 2),
    "dropout": (0.0, 0.9),
    "learning_rate": (1e-6, 1.0),
    "batch_size": (1, 4_096),
    "epochs": (1, 1_000),
    "patience": (0, 100),
    "seed": (0, 2**31 - 1),
    "max_train_samples": (8, BOOK_TRAIN_SIZE),  # >= 8 keeps at least 2 validation reviews
    "max_test_samples": (1, TEST_SIZE),
}
_CHOICES = {"cell": CELL_KINDS, "inputs": INPUTS, "backend": BACKENDS}
_OPTIONAL = {"max_train_samples", "max_test_samples"}
_FLOATS = {"dropout", "learning_rate"}


def _check_number(name: str, value: Any) -> None:
    low, high = BOUNDS[name]
    if name in _FLOATS:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise ValueError(f"{name} must be a number, got {value!r}.")
    elif isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be an integer, got {value!r}.")
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low:g} and {high:g}, got {value!r}.")


def validate(config: RunConfig) -> None:
    """Raise ValueError, naming the field, when a setting is out of range or of the wrong type."""
    for name, choices in _CHOICES.items():
        value = getattr(config, name)
        if value not in choices:
            raise ValueError(f"{name} must be one of {', '.join(choices)}; got {value!r}.")
    for name in BOUNDS:
        value = getattr(config, name)
        if value is None and name in _OPTIONAL:
            continue
        _check_number(name, value)
    if config.dropout >= 1:
        raise ValueError(f"dropout must be below 1, got {config.dropout!r}.")
    if config.inputs == "onehot" and config.num_words > MAX_ONEHOT_WORDS:
        raise ValueError(f"one-hot input needs num_words <= {MAX_ONEHOT_WORDS:,} (every token becomes a "
                         f"vector of num_words numbers); got {config.num_words:,}. Use an embedding.")


# --- JSON and URL text ---------------------------------------------------------

FIELD_NAMES = tuple(f.name for f in fields(RunConfig))
_NONE_WORDS = ("", "none", "all")


def to_dict(config: RunConfig) -> dict[str, Any]:
    return dataclasses.asdict(config)


def from_dict(values: dict[str, Any]) -> RunConfig:
    """A config from a dict of field values; unknown keys are an error (a typo must not pass silently)."""
    unknown = sorted(set(values) - set(FIELD_NAMES))
    if unknown:
        raise ValueError(f"unknown RunConfig field(s): {', '.join(unknown)}.")
    try:
        return RunConfig(**values)
    except TypeError as error:
        raise ValueError(str(error)) from error


def to_json(config: RunConfig) -> str:
    return json.dumps(to_dict(config), indent=2)


def from_json(text: str) -> RunConfig:
    values = json.loads(text)
    if not isinstance(values, dict):
        raise ValueError("a RunConfig JSON must be an object.")
    return from_dict(values)


def parse_field(name: str, text: str) -> Any:
    """One field's value from its URL text (`str(value)`), checked against the field's type and bounds.

    Raises:
        ValueError: unknown field, a value that does not parse or is out of range.
    """
    if name not in FIELD_NAMES:
        raise ValueError(f"unknown RunConfig field {name!r}.")
    text = str(text).strip()
    if name in _CHOICES:
        if text not in _CHOICES[name]:
            raise ValueError(f"{name} must be one of {', '.join(_CHOICES[name])}; got {text!r}.")
        return text
    if name in _OPTIONAL and text.lower() in _NONE_WORDS:
        return None
    value: Any = float(text) if name in _FLOATS else int(text)
    _check_number(name, value)
    return value


def quick(config: RunConfig) -> RunConfig:
    """Quick mode: the first 5,000 training reviews (1,250 validation) and at most 20 epochs."""
    return config.replace(max_train_samples=QUICK_TRAIN_SAMPLES, epochs=min(config.epochs, QUICK_EPOCHS))


# --- the book's models ----------------------------------------------------------------

PRESETS: dict[str, RunConfig] = {
    # 9-2: one-hot input, SimpleRNN(8) (current notebook: num_words=200)
    "onehot-simplernn": RunConfig(cell="SimpleRNN", inputs="onehot"),
    # 9-2: Embedding(500, 16) + SimpleRNN(8) (current notebook: Embedding(200, 16))
    "embedding-simplernn": RunConfig(cell="SimpleRNN", inputs="embedding"),
    # 9-3: Embedding(500, 16) + LSTM(8)
    "lstm": RunConfig(cell="LSTM"),
    # 9-3: LSTM(8, dropout=0.3)
    "lstm-dropout": RunConfig(cell="LSTM", dropout=0.3),
    # 9-3: LSTM(8, dropout=0.3, return_sequences=True) + LSTM(8, dropout=0.3)
    "lstm-2layer": RunConfig(cell="LSTM", layers=2, dropout=0.3),
    # 9-3: Embedding(500, 16) + GRU(8)
    "gru": RunConfig(cell="GRU"),
}
NOTEBOOK_WORDS = 200  # the current 9-2 notebooks' vocabulary for the two SimpleRNN models
SIMPLERNN_PRESETS = ("onehot-simplernn", "embedding-simplernn")


@dataclass(frozen=True)
class BookResult:
    """One row of the book's published results (current notebooks, Colab, Keras 3)."""

    num_words: int
    params: int
    stopped_epoch: int
    val_loss: float
    val_accuracy: float
    test_accuracy: float | None = None


# Published results of the book's current notebooks (docs/book.md, "The book's results"), by preset.
BOOK_RESULTS: dict[str, BookResult] = {
    "onehot-simplernn": BookResult(200, 1_681, 84, 0.550, 0.733),
    "embedding-simplernn": BookResult(200, 3_409, 34, 0.542, 0.732),
    "lstm": BookResult(500, 8_809, 52, 0.437, 0.794),
    "lstm-dropout": BookResult(500, 8_809, 33, 0.449, 0.790),
    "lstm-2layer": BookResult(500, 9_353, 17, 0.470, 0.781, 0.785),
    "gru": BookResult(500, 8_633, 100, 0.432, 0.798),
}


def preset_of(config: RunConfig) -> str | None:
    """The preset whose model `config` trains (vocabulary, training length and engine aside), or None."""
    ignore = ("num_words", "epochs", "max_train_samples", "max_test_samples", "backend", "seed")
    for name, preset in PRESETS.items():
        if all(getattr(config, f) == getattr(preset, f) for f in FIELD_NAMES if f not in ignore):
            return name
    return None
