"""Stand-ins for trained models in tests: a small random model's weights.npz arrays, a visitor's copy of a run."""

import shutil

import numpy as np

from rnnviz import runs, weights
from rnnviz.cells import CELLS
from rnnviz.config import RunConfig


def random_weights(kind="LSTM", inputs="embedding", layers=1, num_words=20, seed=0):
    """The weights.npz arrays of a small random model: 3 units, 4-wide embeddings (`small_config`)."""
    rng = np.random.default_rng(seed)
    width = 4 if inputs == "embedding" else num_words
    embedding = rng.normal(0, 0.5, (num_words, 4)) if inputs == "embedding" else None
    stack = [CELLS[kind].random(width if i == 0 else 3, 3, seed=seed + i).get_weights() for i in range(layers)]
    return weights.pack(kind, inputs, stack, [rng.normal(0, 1, (3, 1)), np.array([0.1])], embedding)


def small_config(kind="LSTM", inputs="embedding", layers=1, num_words=20):
    """The config of `random_weights`' model."""
    return RunConfig(cell=kind, inputs=inputs, layers=layers, num_words=num_words, units=3, embedding_dim=4)


def user_copy(source: runs.Run, runs_dir, run_id: str = "20991231-235959-abcdef") -> runs.Run:
    """A visitor's run: a reference run's folder copied into the visitor's runs folder."""
    shutil.copytree(source.path, runs_dir / run_id)
    return runs.RunStore(runs_dir).get(run_id)
