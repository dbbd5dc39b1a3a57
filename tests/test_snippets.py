"""The Keras code the tokens page shows runs as shown and prints the page's matrix."""

import json
import os
import shutil
import subprocess
import sys

import numpy as np
import pytest

from rnnviz import snippets
from rnnviz import text as tx

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
def test_imdb_snippet_prints_the_pages_matrix(keras_home, local_data, maxlen, padding, truncating):
    from rnnviz import data

    vocabulary = tx.Vocabulary.from_word_index(data.load_word_index(), num_words=500)
    code = snippets.tokens_code(TEXTS, 500, maxlen, padding, truncating)
    np.testing.assert_array_equal(run_snippet(code, keras_home), page_matrix(vocabulary, maxlen, padding, truncating))


def test_own_vocabulary_snippet_prints_the_pages_matrix(keras_home):
    vocabulary = tx.Vocabulary.fit(TEXTS)
    code = snippets.tokens_code(TEXTS, None, 10, "pre", "pre")
    assert "get_word_index" not in code
    np.testing.assert_array_equal(run_snippet(code, keras_home), page_matrix(vocabulary, 10, "pre", "pre"))


@pytest.mark.parametrize("num_words, maxlen, dim, units", [(500, 100, 16, 8), (200, 50, 8, 4)])
def test_two_models_code_runs_and_counts_what_the_page_shows(num_words, maxlen, dim, units, tmp_path):
    from rnnviz import encoding

    code = snippets.two_models_code(num_words, maxlen, dim, units)
    env = {**os.environ, "KERAS_BACKEND": "jax"}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    counts = [int(x) for x in done.stdout.strip().splitlines()[-1].split()]
    expected = [sum(p.total for p in encoding.model_params(kind, num_words, dim, units))
                for kind in ("onehot", "embedding")]
    assert counts == expected
