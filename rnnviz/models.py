"""The book's Keras models, built from a `RunConfig`, and what they cost before they run.

Keras is imported inside `build_model` only, so a page can import this module
for `model_summary_rows` and `run_cost` (pure Python) without loading a
backend (the same model as book-style code: `snippets.training_code`). One-hot input is encoded inside the model, batch by batch, by Keras's
built-in `CategoryEncoding(output_mode="one_hot")` layer: the book's
`to_categorical(train_seq)` would hold a (20000, 100, 500) float array (4 GB at
num_words=500, 22 GB peak measured). Both input kinds take the same integer
batches `(batch, maxlen)`, and a saved model loads with `safe_mode=True`.
"""

from __future__ import annotations

from dataclasses import dataclass

from rnnviz.cells import CELLS
from rnnviz.config import RunConfig
from rnnviz.layer_shapes import recurrent_output_shape
from rnnviz.params import dense_params, embedding_params, param_count

# Keras layer names, fixed so summaries, saved files and weights.npz agree.
_RNN_NAMES = {"SimpleRNN": "simple_rnn", "LSTM": "lstm", "GRU": "gru"}


def rnn_layer_names(config: RunConfig) -> list[str]:
    """Names of the recurrent layers: e.g. ["lstm", "lstm_1"] for two LSTM layers."""
    base = _RNN_NAMES[config.cell]
    return [base if i == 0 else f"{base}_{i}" for i in range(config.layers)]


def build_model(config: RunConfig):
    """A compiled Keras model for `config`, as the book builds it.

    Input (batch, maxlen) integer ids -> one-hot (CategoryEncoding) or Embedding
    -> 1 or 2 recurrent layers -> Dense(1, sigmoid). Compiled with
    RMSprop(learning_rate), binary cross-entropy and accuracy.

    Args:
        config: the run's settings (validated by RunConfig).

    Returns:
        A compiled `keras.Sequential`.
    """
    import keras  # lazy: importing a backend takes seconds

    model = keras.Sequential(name=config.cell.lower())
    model.add(keras.Input(shape=(config.maxlen,), dtype="int32"))
    if config.inputs == "onehot":
        # (batch, maxlen) -> (batch, maxlen, num_words), one batch at a time
        model.add(keras.layers.CategoryEncoding(num_tokens=config.num_words, output_mode="one_hot",
                                                name="onehot"))
    else:
        model.add(keras.layers.Embedding(config.num_words, config.embedding_dim, name="embedding"))
    layer_class = getattr(keras.layers, config.cell)
    names = rnn_layer_names(config)
    for i, name in enumerate(names):
        model.add(layer_class(config.units, dropout=config.dropout,
                              return_sequences=i < len(names) - 1, name=name))
    model.add(keras.layers.Dense(1, activation="sigmoid", name="dense"))
    model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=config.learning_rate),
                  loss="binary_crossentropy", metrics=["accuracy"])
    return model


@dataclass(frozen=True)
class SummaryRow:
    """One line of `model.summary()`."""

    name: str  # the Keras layer name
    layer: str  # the Keras class, e.g. "LSTM"
    output_shape: tuple[int | None, ...]  # None = the batch dimension
    params: int


def model_summary_rows(config: RunConfig) -> list[SummaryRow]:
    """What `build_model(config).summary()` prints, by arithmetic alone (no Keras).

    >>> from rnnviz.config import PRESETS
    >>> sum(row.params for row in model_summary_rows(PRESETS["lstm"]))
    8809
    """
    rows = []
    if config.inputs == "onehot":
        features = config.num_words
        rows.append(SummaryRow("onehot", "CategoryEncoding", (None, config.maxlen, features), 0))
    else:
        features = config.embedding_dim
        rows.append(SummaryRow("embedding", "Embedding", (None, config.maxlen, features),
                               embedding_params(config.num_words, config.embedding_dim).total))
    names = rnn_layer_names(config)
    for i, name in enumerate(names):
        shape = recurrent_output_shape(config.maxlen, config.units, return_sequences=i < len(names) - 1)
        rows.append(SummaryRow(name, config.cell, shape, param_count(config.cell, features, config.units).total))
        features = config.units
    rows.append(SummaryRow("dense", "Dense", (None, 1), dense_params(config.units).total))
    return rows


def total_params(config: RunConfig) -> int:
    """The model's parameter count, as `model.count_params()`."""
    return sum(row.params for row in model_summary_rows(config))


# --- what a run costs, before it starts -------------------------------------------------

# Calibrated on the reference runs' measured peaks (status.json peak_memory_mb, JAX): 570-585 MB for the
# smallest (embedding SimpleRNN), 770-785 MB for one-hot at num_words=500.
WORKER_BASE_BYTES = 550 * 2**20  # Python, Keras on its backend, the IMDB reviews' ids, before any array of the run
EVAL_BATCH = 256  # the worker evaluates the test reviews in batches of max(batch_size, 256)
ONEHOT_COPIES = 4  # the one-hot batch, its transposed copy for the kernel's gradient, XLA's buffers
ACTIVATION_COPIES = 3  # each step's activations, kept for backpropagation, and their gradients
PARAM_COPIES = 4  # weights, gradients, RMSprop's mean square, the best epoch's weights (restore_best_weights)
FLOAT_BYTES = 4  # float32 weights and activations; int32 ids


@dataclass(frozen=True)
class RunCost:
    """What a run of a config needs, by arithmetic alone (checked against limits before launch)."""

    params: int
    model_bytes: int  # the weights on disk (best.keras, weights.npz): params × 4 bytes
    memory_bytes: int  # the worker's estimated peak memory


def run_cost(config: RunConfig) -> RunCost:
    """The model size and the worker's peak memory of `config`, estimated before it runs.

    The peak is the framework and data (`WORKER_BASE_BYTES`), the padded id arrays, the
    largest batch's one-hot input or embedded sequence and the recurrent layers'
    activations (kept for backpropagation), and the weights with their training copies.

    >>> from rnnviz.config import PRESETS
    >>> cost = run_cost(PRESETS["onehot-simplernn"])
    >>> cost.params, round(cost.memory_bytes / 2**20)
    (4081, 791)
    """
    params = total_params(config)
    batch = max(config.batch_size, EVAL_BATCH)  # (batch, maxlen, ...) tensors of the largest batch
    steps = batch * config.maxlen
    reviews = config.train_samples + config.val_samples + config.test_samples
    ids = 2 * reviews * config.maxlen * FLOAT_BYTES  # the reviews' ids and their padded (N, maxlen) arrays
    if config.inputs == "onehot":
        inputs = ONEHOT_COPIES * steps * config.num_words * FLOAT_BYTES
    else:
        inputs = ACTIVATION_COPIES * steps * config.embedding_dim * FLOAT_BYTES
    per_step = config.units * (CELLS[config.cell].BLOCKS + 2)  # weight blocks, cell state and hidden state per unit
    activations = ACTIVATION_COPIES * steps * per_step * config.layers * FLOAT_BYTES
    weights = PARAM_COPIES * params * FLOAT_BYTES
    return RunCost(params=params, model_bytes=params * FLOAT_BYTES,
                   memory_bytes=WORKER_BASE_BYTES + ids + inputs + activations + weights)
