"""Stand-ins for trained models in tests: a small random model's weights.npz arrays, a visitor's copy of a run."""

import json
import shutil

import numpy as np

from rnnviz import owner, runs, weights
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


# The learner of the tests: their browser's token (AppTest sessions and Chromium contexts get it as
# their cookie would), and what their runs store as owner. Another visitor's runs store STRANGER.
VISITOR_TOKEN = "visitor-token-of-the-tests-0123456789abcdef"  # 43 URL-safe characters, like a real one
VISITOR = owner.owner_hash(VISITOR_TOKEN)
STRANGER = owner.owner_hash("someone-else-s-token-0123456789abcdefghijkl")


def visitor_cookie(token: str = VISITOR_TOKEN) -> dict:
    """The owner cookie of a browser on the test servers (127.0.0.1, any port), for Playwright's `add_cookies`."""
    return {"name": owner.COOKIE, "value": token, "domain": "127.0.0.1", "path": "/"}


def user_copy(source: runs.Run, runs_dir, run_id: str = "20991231-235959-abcdef", owner: str | None = VISITOR) -> runs.Run:
    """A visitor's run: a reference run's folder copied into the runs folder, owned by `owner`
    (the tests' visitor by default; None: a command-line run)."""
    shutil.copytree(source.path, runs_dir / run_id)
    set_owner(runs_dir / run_id, owner)
    return runs.RunStore(runs_dir).get(run_id)


def set_owner(folder, owner: str | None) -> None:
    """Record `owner` in a run folder's status.json, as `RunStore.create` would have."""
    status_path = folder / runs.STATUS_FILE
    status_path.write_text(json.dumps({**json.loads(status_path.read_text()), "owner": owner}))
