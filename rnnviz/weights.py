"""A run's `weights.npz`: its layout, writing it, reading and checking it, and running the model in numpy.

The worker writes the best epoch's weights here (`from_model`) so that the pages can run the
trained model with the numpy cells, without TensorFlow. The layout, in Keras's own shapes:

    cell                    text: "SimpleRNN", "LSTM" or "GRU"
    inputs                  text: "embedding" or "onehot"
    embedding               (num_words, embedding_dim)      embedding inputs only
    rnn{i}_kernel           (input_dim, k*units)            recurrent layer i, 0-based
    rnn{i}_recurrent_kernel (units, k*units)
    rnn{i}_bias             (k*units,), GRU (2, 3*units)
    dense_kernel            (units, 1)
    dense_bias              (1,)

Never imports streamlit or a deep-learning framework (`from_model` only calls the model it is given).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from rnnviz.cells import CELLS, run, sigmoid
from rnnviz.config import RunConfig
from rnnviz.encoding import onehot
from rnnviz.models import rnn_layer_names
from rnnviz.run_files import DamagedFile, read_weights
from rnnviz.text import PAD, START

FILE = "weights.npz"  # = runs.WEIGHTS_FILE
REQUIRED = ("cell", "inputs", "rnn0_kernel", "rnn0_recurrent_kernel", "rnn0_bias", "dense_kernel", "dense_bias")


def layer_names(i: int) -> tuple[str, str, str]:
    """The names of recurrent layer i's [kernel, recurrent_kernel, bias], as Keras's `get_weights()` orders them."""
    return f"rnn{i}_kernel", f"rnn{i}_recurrent_kernel", f"rnn{i}_bias"


# --- writing -----------------------------------------------------------------------------------


def pack(cell: str, inputs: str, layers: Sequence[Sequence[np.ndarray]], dense: Sequence[np.ndarray],
         embedding: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """The arrays of a weights.npz by name.

    Args:
        layers: each recurrent layer's `[kernel, recurrent_kernel, bias]`, first layer first.
        dense: `[kernel (units, 1), bias (1,)]` of the output layer.
        embedding: the (num_words, embedding_dim) table of embedding inputs, else None.
    """
    arrays: dict[str, np.ndarray] = {"cell": np.array(cell), "inputs": np.array(inputs)}
    if embedding is not None:
        arrays["embedding"] = embedding
    for i, layer in enumerate(layers):
        arrays.update(zip(layer_names(i), layer))
    arrays["dense_kernel"], arrays["dense_bias"] = dense
    return {name: np.asarray(value) for name, value in arrays.items()}


def from_model(model, config: RunConfig) -> dict[str, np.ndarray]:
    """A Keras model's weights by name (the layout above), for weights.npz; the model's layers as
    `rnnviz.models.build_model` names them."""
    embedding = model.get_layer("embedding").get_weights()[0] if config.inputs == "embedding" else None
    layers = [model.get_layer(name).get_weights() for name in rnn_layer_names(config)]
    return pack(config.cell, config.inputs, layers, model.get_layer("dense").get_weights(), embedding)


# --- reading and checking ----------------------------------------------------------------------


def _invalid(reason: str) -> DamagedFile:
    return DamagedFile("train_run_damaged_invalid", f"{FILE}: {reason}", file=FILE, error=reason)


def check(weights: dict[str, np.ndarray], config: RunConfig) -> None:
    """Every array the numpy model needs is there, with the shapes `config`'s model has.

    Raises:
        DamagedFile: the first name missing or the first shape that does not fit, as the reason.
    """
    missing = [name for name in REQUIRED if name not in weights]
    if missing:
        raise _invalid(f"no {', '.join(missing)}")
    if str(weights["cell"]) != config.cell or str(weights["inputs"]) != config.inputs:
        raise _invalid(f"a {weights['cell']} model with {weights['inputs']} inputs, the config says "
                       f"{config.cell} with {config.inputs}")
    width = config.num_words if config.inputs == "onehot" else config.embedding_dim
    expected = {"dense_kernel": (config.units, 1), "dense_bias": (1,)}
    if config.inputs == "embedding":
        expected["embedding"] = (config.num_words, config.embedding_dim)
    for name, shape in expected.items():
        if name not in weights or weights[name].shape != shape:
            raise _invalid(f"{name} {weights[name].shape if name in weights else 'missing'}, not {shape}")
    for i in range(config.layers):
        names = layer_names(i)
        if any(name not in weights for name in names):
            raise _invalid(f"no layer {i} of {config.layers}")
        try:
            cell = CELLS[config.cell].from_keras_weights([weights[name] for name in names])
        except ValueError as error:  # kernel, recurrent kernel and bias disagree
            raise _invalid(f"layer {i}: {error}") from error
        if (cell.input_dim, cell.units) != (width if i == 0 else config.units, config.units):
            raise _invalid(f"layer {i} reads {cell.input_dim} into {cell.units} units, the config says "
                           f"{width if i == 0 else config.units} into {config.units}")


def read(path: Path, config: RunConfig) -> dict[str, np.ndarray] | None:
    """A weights.npz's arrays by name (read-only, shared), checked against `config`; None if missing.

    The bytes are read safely and once per version of the file (`rnnviz.run_files.read_weights`).

    Raises:
        DamagedFile: a link, unpacking to more than the config's model needs, not arrays, or not `check`'s layout.
    """
    weights = read_weights(path, config)
    if weights is not None:
        check(weights, config)
    return weights


# --- the trained model, run in numpy -----------------------------------------------------------


def recurrent_layers(weights: dict[str, np.ndarray]) -> list:
    """The numpy cells of a weights.npz, first layer first."""
    cell_class = CELLS[str(weights["cell"])]
    count = sum(1 for name in weights if name.endswith("_recurrent_kernel"))
    return [cell_class.from_keras_weights([weights[name] for name in layer_names(i)]) for i in range(count)]


def model_inputs(weights: dict[str, np.ndarray], ids) -> np.ndarray:
    """What the first recurrent layer reads: embedding rows or one-hot vectors, (T, input_dim)."""
    ids = np.asarray(ids, dtype=np.int64)
    if "embedding" in weights:
        return weights["embedding"][ids]
    return onehot(ids, weights["rnn0_kernel"].shape[0])


def _run_stack(layers: list, xs: np.ndarray, states: list) -> tuple[np.ndarray, list]:
    """Run stacked layers (each feeding the next its whole sequence); last h and every final state."""
    finals = []
    for cell, state in zip(layers, states):
        trace = run(cell, xs, state)
        finals.append((trace.h[-1], trace.c[-1]) if trace.c is not None else trace.h[-1])
        xs = trace.h  # (T, units): return_sequences=True into the next layer
    return xs[-1], finals


def _sigmoid_output(weights: dict[str, np.ndarray], h_last: np.ndarray) -> np.ndarray:
    return sigmoid(h_last @ weights["dense_kernel"] + weights["dense_bias"])  # (..., 1)


def predict(weights: dict[str, np.ndarray], padded_ids) -> float:
    """The model's positive-review probability for one padded sequence (maxlen,)."""
    layers = recurrent_layers(weights)
    h_last, _ = _run_stack(layers, model_inputs(weights, padded_ids), [None] * len(layers))
    return float(_sigmoid_output(weights, h_last)[0])


def word_scores(weights: dict[str, np.ndarray], word_ids, maxlen: int) -> np.ndarray:
    """The model's score for each word alone: the review `[START, word]` padded to maxlen.

    Every such review shares its first maxlen - 1 steps (padding, then START), so
    those run once and each word adds one step: 500 words cost 500 steps, not 50,000.

    Returns:
        (len(word_ids),) probabilities; > 0.5 leans positive.
    """
    layers = recurrent_layers(weights)
    prefix = [PAD] * (maxlen - 2) + [START]  # pad_sequences(..., padding="pre")
    _, states = _run_stack(layers, model_inputs(weights, prefix), [None] * len(layers))
    scores = []
    for word_id in word_ids:
        h_last, _ = _run_stack(layers, model_inputs(weights, [word_id]), states)
        scores.append(float(_sigmoid_output(weights, h_last)[0]))
    return np.array(scores)


def _states_after_padding(layers: list, weights: dict[str, np.ndarray], maxlen: int) -> list[list]:
    """Every layer's state after n padding steps, n = 0 .. maxlen - 1: `states[n][layer]`."""
    xs = model_inputs(weights, [PAD] * max(maxlen - 1, 0))  # (maxlen - 1, input_dim)
    per_layer = []
    for cell in layers:
        trace = run(cell, xs)
        lstm = trace.c is not None
        per_layer.append([None] + [(trace.h[n], trace.c[n]) if lstm else trace.h[n] for n in range(len(xs))])
        xs = trace.h  # (maxlen - 1, units): the next layer reads the whole sequence
    return [list(states) for states in zip(*per_layer)]


def prefix_predictions(weights: dict[str, np.ndarray], ids, maxlen: int) -> np.ndarray:
    """What the model would say if the review ended after each token it reads.

    Value j is `predict(pad_sequences([ids[:end_j]], maxlen))` for the last
    min(len(ids), maxlen) token positions (the ones `pad_sequences` keeps, with
    truncating="pre"). A shorter prefix has more padding in front; the states
    after n padding steps are computed once, so a review of L <= maxlen tokens
    costs about maxlen + L(L+1)/2 steps, not L * maxlen.

    Returns:
        (min(len(ids), maxlen),) probabilities; > 0.5 leans positive.
    """
    ids = list(ids)
    layers = recurrent_layers(weights)
    after_padding = _states_after_padding(layers, weights, maxlen)
    shown = min(len(ids), maxlen)
    scores = []
    for end in range(len(ids) - shown + 1, len(ids) + 1):
        window = ids[max(end - maxlen, 0):end]  # what pad_sequences keeps of ids[:end]
        h_last, _ = _run_stack(layers, model_inputs(weights, window), after_padding[maxlen - len(window)])
        scores.append(float(_sigmoid_output(weights, h_last)[0]))
    return np.array(scores)


def first_layer_trace(weights: dict[str, np.ndarray], padded_ids):
    """The first recurrent layer's step-by-step trace over a padded review (for the animation)."""
    return run(recurrent_layers(weights)[0], model_inputs(weights, padded_ids))
