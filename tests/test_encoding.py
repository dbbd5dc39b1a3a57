from pathlib import Path

import keras
import numpy as np
import pytest

from rnnviz import encoding
from rnnviz.text import pad_sequences

SETTINGS = [(500, 100, 16, 8), (200, 100, 16, 8), (1000, 50, 32, 4), (50, 7, 3, 2)]


@pytest.mark.parametrize("num_words, maxlen, dim, units", SETTINGS)
def test_shapes_and_bytes_equal_keras_arrays(num_words, maxlen, dim, units):
    rng = np.random.default_rng(0)
    reviews = [rng.integers(1, num_words, size=rng.integers(1, 2 * maxlen)).tolist() for _ in range(5)]
    ids = pad_sequences(reviews, maxlen=maxlen)  # (5, maxlen) int32
    onehots = keras.utils.to_categorical(ids, num_classes=num_words)  # what the book feeds SimpleRNN
    embedding = keras.layers.Embedding(num_words, dim)
    embedded = keras.ops.convert_to_numpy(embedding(ids))
    cost = encoding.input_cost(num_words, maxlen, dim, reviews=5)
    assert onehots.shape[1:] == cost.onehot_shape and embedded.shape[1:] == cost.embedded_shape
    assert onehots.nbytes == cost.to_categorical_total  # float64 in Keras 3
    assert onehots.astype("float32").nbytes == cost.onehot_total  # what SimpleRNN computes with
    assert ids.nbytes + embedding.get_weights()[0].nbytes == cost.ids_total


def test_the_books_memory_figures():
    cost = encoding.input_cost(500, 100, 16)
    assert (cost.onehot_total, cost.ids_total) == (4_000_000_000, 8_032_000)
    assert cost.to_categorical_total == 8_000_000_000
    assert round(cost.ratio) == 498


def test_onehot_equals_to_categorical():
    ids = [0, 3, 1, 4, 4]
    np.testing.assert_array_equal(encoding.onehot(ids, 5), keras.utils.to_categorical(ids, 5))
    with pytest.raises(ValueError, match="0..4"):
        encoding.onehot([5], 5)


def test_onehot_times_a_keras_kernel_is_a_row_lookup():
    layer = keras.layers.SimpleRNN(8)
    layer.build((None, 10, 500))
    kernel = layer.get_weights()[0]  # (500, 8)
    identity = encoding.lookup_identity([1, 14, 22, 2, 0], kernel)
    assert identity.holds and identity.product.shape == (5, 8)
    np.testing.assert_array_equal(identity.rows[1], kernel[14])


def test_pca_on_a_known_table():
    # Points spread along (1, 1, 0) with a little spread along (0, 0, 1): PC1 is that line.
    t = np.linspace(-3, 3, 7)
    wiggle = 0.1 * np.array([1, -1, 1, -1, 1, -1, 1])  # uncorrelated with t
    table = np.stack([t, t, wiggle], axis=1)
    projection = encoding.pca_2d(table)
    assert projection.coords.shape == (7, 2)
    assert projection.explained[0] > 0.99 and sum(projection.explained) == pytest.approx(1.0)
    np.testing.assert_allclose(np.abs(projection.coords[:, 0]), np.abs(t) * np.sqrt(2), atol=1e-6)


def test_nearest_neighbours_by_cosine():
    table = np.array([[1.0, 0.0], [2.0, 0.1], [0.0, 1.0], [-1.0, 0.0], [0.0, 0.0]])
    neighbours = encoding.nearest_neighbours(table, 0, k=4)
    assert [i for i, _ in neighbours] == [1, 2, 4, 3]
    assert neighbours[0][1] == pytest.approx(2 / np.hypot(2, 0.1), abs=1e-4)
    assert neighbours[-1][1] == -1.0


@pytest.mark.parametrize("shape, seed", [((500, 16), 0), ((40, 8), 1), ((7, 3), 2), ((30, 64), 3)])
def test_pca_is_scikit_learns_without_importing_it(shape, seed):
    """The numpy PCA draws the same map as sklearn's PCA (signs included), and does not import sklearn."""
    import subprocess
    import sys

    from sklearn.decomposition import PCA

    table = np.random.default_rng(seed).normal(size=shape) * np.linspace(3, 0.5, shape[1])
    projection = encoding.pca_2d(table)
    reference = PCA(n_components=2, random_state=0)
    np.testing.assert_allclose(projection.coords, reference.fit_transform(table), atol=1e-8)
    np.testing.assert_allclose(projection.explained, reference.explained_variance_ratio_, atol=1e-10)
    probe = ("import sys, numpy as np; from rnnviz import encoding; encoding.pca_2d(np.eye(5)); "
             "assert 'sklearn' not in sys.modules and 'scipy' not in sys.modules")
    subprocess.run([sys.executable, "-c", probe], cwd=Path(__file__).resolve().parents[1], check=True, timeout=120)
