"""The Keras code every page shows runs as shown and prints (or builds) what the page computes."""

import contextlib
import io
import json
import os
import re
import shutil
import subprocess
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")

import numpy as np
import pytest

from rnnviz import inputs, models, snippets
from rnnviz import text as tx
from rnnviz.cells import CELLS, make_cell, run
from rnnviz.config import PRESETS
from rnnviz.layer_shapes import output_shapes
from rnnviz.params import param_count

# Keras 3.15 + numpy 2 warn inside `layer.get_weights()`; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:__array__ implementation:DeprecationWarning")

KINDS = sorted(CELLS)

TEXTS = ["i like brachiosaurus", "This movie was not good. The story was boring, but the actors were great!",
         "이 영화 정말 재미있어요", "Don't<br />stop!!"]


def run_snippet(code, keras_home):
    probe = code + "\nimport json\nprint('MATRIX', json.dumps(padded.tolist()))\n"
    env = {**os.environ, "KERAS_HOME": str(keras_home), "KERAS_BACKEND": "jax"}
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    line = next(x for x in done.stdout.splitlines() if x.startswith("MATRIX "))
    return np.array(json.loads(line.removeprefix("MATRIX ")))


@pytest.fixture(scope="module")
def keras_home(tmp_path_factory, imdb_folder):
    """A Keras cache holding the word index, so get_word_index() works offline (data README)."""
    home = tmp_path_factory.mktemp("keras_home")
    (home / "datasets").mkdir()
    shutil.copy(imdb_folder / "imdb_word_index.json", home / "datasets")
    return home


def page_matrix(vocabulary, maxlen, padding, truncating):
    return tx.pad_sequences([vocabulary.encode(s) for s in TEXTS], maxlen, padding, truncating)


@pytest.mark.parametrize("maxlen, padding, truncating", [(8, "pre", "pre"), (5, "post", "post"), (30, "post", "pre")])
@pytest.mark.slow
def test_imdb_snippet_prints_the_pages_matrix(keras_home, local_data, maxlen, padding, truncating):
    from rnnviz import data

    vocabulary = tx.Vocabulary.from_word_index(data.load_word_index(), num_words=500)
    code = snippets.tokens_code(TEXTS, 500, maxlen, padding, truncating)
    np.testing.assert_array_equal(run_snippet(code, keras_home), page_matrix(vocabulary, maxlen, padding, truncating))


@pytest.mark.slow
def test_own_vocabulary_snippet_prints_the_pages_matrix(keras_home):
    vocabulary = tx.Vocabulary.fit(TEXTS)
    code = snippets.tokens_code(TEXTS, None, 10, "pre", "pre")
    assert "get_word_index" not in code
    np.testing.assert_array_equal(run_snippet(code, keras_home), page_matrix(vocabulary, 10, "pre", "pre"))


@pytest.mark.parametrize("num_words, maxlen, dim, units", [(500, 100, 16, 8), (200, 50, 8, 4)])
@pytest.mark.worker
def test_two_models_code_runs_and_counts_what_the_page_shows(num_words, maxlen, dim, units, tmp_path):
    from rnnviz import params

    code = snippets.two_models_code(num_words, maxlen, dim, units)
    env = {**os.environ, "KERAS_BACKEND": "jax"}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    counts = [int(x) for x in done.stdout.strip().splitlines()[-1].split()]
    expected = [sum(p.total for p in params.model_params(kind, num_words, dim, units))
                for kind in ("onehot", "embedding")]
    assert counts == expected


# --------------------------------------------------------------------------- the timestep pages


def _run_code(code):
    out = io.StringIO()
    namespace = {}
    with contextlib.redirect_stdout(out):
        exec(compile(code, "<snippet>", "exec"), namespace)  # noqa: S102 -- our own generated code
    return out.getvalue().strip().splitlines(), namespace


@pytest.mark.parametrize("kind", KINDS)
def test_shapes_code_runs_and_prints_the_shapes(kind):
    pytest.importorskip("keras")
    lines, _ = _run_code(snippets.shapes_code(kind, 3, 4, 3))
    shapes = output_shapes(3, 3)
    assert lines[0] == str(shapes.last)
    assert lines[1] == str(shapes.sequences)
    assert lines[2].startswith(str(list(shapes.stacked))[:-1])  # + the Dense layer's (None, 1)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("encoding, features, units", [("embedding", 4, 3), ("onehot", 4, 3),
                                                       ("embedding", 8, 8), ("onehot", 1, 2)])
@pytest.mark.keras
def test_layer_code_runs_and_gives_the_pages_numbers(kind, encoding, features, units):
    pytest.importorskip("keras")
    seq = inputs.build_inputs("i like brachiosaurus and i like dogs", encoding, features, seed=4)
    cell = make_cell(kind, seq.input_dim, units, seed=4)
    code = snippets.layer_code(kind, seq, cell)
    lines, namespace = _run_code(code)
    pc = param_count(kind, seq.input_dim, units)
    assert lines[0] == str(pc.total)  # printed count_params() == the ledger
    assert namespace["rnn"].count_params() == pc.total
    printed = np.array([float(x) for x in re.findall(r"-?\d+\.\d+(?:e[-+]\d+)?", " ".join(lines[1:]))])
    np.testing.assert_allclose(printed, run(cell, seq.xs).h[-1], atol=2e-3)
    assert "tensorflow" not in code and "jax" not in code


def test_layer_code_for_the_books_toy_prints_24():
    pytest.importorskip("keras")
    seq = inputs.build_inputs(inputs.DEFAULT_SENTENCE)
    code = snippets.layer_code("SimpleRNN", seq, make_cell("SimpleRNN", 4, 3))
    assert "print(rnn.count_params())  # 4×3 + 3×3 + 3 = 24" in code
    lines, _ = _run_code(code)
    assert lines[0] == "24"


# --------------------------------------------------------------------------- the training lab


def _fake_imdb(num_words, n=60, seed=0):
    rng = np.random.default_rng(seed)

    def reviews():
        x = np.empty(n, dtype=object)
        for i in range(n):
            x[i] = [1, *rng.integers(2, num_words, size=rng.integers(5, 130)).tolist()]
        return x, rng.integers(0, 2, size=n)

    return reviews(), reviews()


@pytest.mark.parametrize("config", [PRESETS["lstm-2layer"].replace(epochs=1),
                                    PRESETS["onehot-simplernn"].replace(epochs=1, max_train_samples=40,
                                                                        max_test_samples=20)])
@pytest.mark.worker
def test_training_code_runs_and_builds_the_same_model(config, tmp_path, monkeypatch):
    keras = pytest.importorskip("keras")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(keras.datasets.imdb, "load_data", lambda num_words: _fake_imdb(num_words))
    code = snippets.training_code(config)
    assert "to_categorical" in code or config.inputs == "embedding"
    namespace: dict = {}
    exec(compile(code, "training_code", "exec"), namespace)  # noqa: S102 - our own generated code
    assert namespace["model"].count_params() == models.total_params(config)
    assert len(namespace["history"].history["loss"]) == 1
    assert (tmp_path / f"best-{'onehot' if config.inputs == 'onehot' else 'lstm'}-model.keras").is_file()


def test_training_code_writes_the_books_numbers():
    code = snippets.training_code(PRESETS["lstm-dropout"])
    assert "RMSprop(learning_rate=1e-4)" in code
    assert "keras.layers.LSTM(8, dropout=0.3)" in code
    assert "EarlyStopping(patience=3, restore_best_weights=True)" in code
    assert "epochs=100, batch_size=64" in code
    assert "Embedding(500, 16)" in code
