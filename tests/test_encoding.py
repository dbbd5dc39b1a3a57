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


@pytest.mark.parametrize("num_words, maxlen, dim, units", SETTINGS)
def test_parameter_counts_equal_keras_layer_by_layer(num_words, maxlen, dim, units):
    onehot_model = keras.Sequential([keras.Input((maxlen, num_words)), keras.layers.SimpleRNN(units),
                                     keras.layers.Dense(1, activation="sigmoid")])
    embedding_model = keras.Sequential([keras.Input((maxlen,)), keras.layers.Embedding(num_words, dim),
                                        keras.layers.SimpleRNN(units), keras.layers.Dense(1, activation="sigmoid")])
    for inputs, model in (("onehot", onehot_model), ("embedding", embedding_model)):
        ours = encoding.model_params(inputs, num_words, dim, units)
        assert [p.total for p in ours] == [layer.count_params() for layer in model.layers]
        assert all(p.formula.endswith(f"= {p.total}") for p in ours)


def test_the_books_figures():
    assert [p.total for p in encoding.model_params("onehot", 200, 16, 8)] == [1672, 9]  # 1,681 in all
    assert sum(p.total for p in encoding.model_params("embedding", 200, 16, 8)) == 3409
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


def keras_book_model(inputs, cell, num_words=30, maxlen=12, layers=1, seed=3):
    keras.utils.set_random_seed(seed)
    rnn = getattr(keras.layers, cell)
    stack = [keras.Input((maxlen,), dtype="int32")]
    if inputs == "embedding":
        stack.append(keras.layers.Embedding(num_words, 5, name="embedding"))
    else:
        stack.append(keras.layers.Lambda(lambda x: keras.ops.one_hot(x, num_words)))  # test only
    for i in range(layers):
        stack.append(rnn(4, return_sequences=i < layers - 1, name=f"rnn{i}",
                         bias_initializer="random_normal"))
    stack.append(keras.layers.Dense(1, activation="sigmoid", name="dense"))
    model = keras.Sequential(stack)
    weights = {"cell": np.array(cell)}
    if inputs == "embedding":
        weights["embedding"] = model.get_layer("embedding").get_weights()[0]
    for i in range(layers):
        kernel, recurrent, bias = model.get_layer(f"rnn{i}").get_weights()
        weights.update({f"rnn{i}_kernel": kernel, f"rnn{i}_recurrent_kernel": recurrent, f"rnn{i}_bias": bias})
    weights["dense_kernel"], weights["dense_bias"] = model.get_layer("dense").get_weights()
    return model, weights


@pytest.mark.parametrize("inputs, cell, layers", [("embedding", "SimpleRNN", 1), ("onehot", "SimpleRNN", 1),
                                                  ("embedding", "LSTM", 2), ("embedding", "GRU", 1)])
def test_numpy_forward_and_word_scores_equal_keras_predict(inputs, cell, layers):
    model, weights = keras_book_model(inputs, cell, layers=layers)
    word_ids = np.arange(3, 30)
    padded = pad_sequences([[1, int(w)] for w in word_ids], maxlen=12)
    expected = model.predict(padded, verbose=0)[:, 0]
    np.testing.assert_allclose(encoding.word_scores(weights, word_ids, maxlen=12), expected, atol=1e-5)
    review = pad_sequences([[1, 5, 9, 2, 17, 4]], maxlen=12)[0]
    assert encoding.predict(weights, review) == pytest.approx(float(model.predict(review[None], verbose=0)[0, 0]),
                                                              abs=1e-5)


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
