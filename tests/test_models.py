"""Keras models of the book: parameter counts, summaries without Keras, one-hot on the fly, run costs."""

import keras
import numpy as np
import pytest

from rnnviz import models
from rnnviz.config import PRESETS, RunConfig

BOOK_PARAMS = {"onehot-simplernn": 4_081, "embedding-simplernn": 8_209, "lstm": 8_809, "lstm-dropout": 8_809,
               "lstm-2layer": 9_353, "gru": 8_633}
NOTEBOOK_PARAMS = {"onehot-simplernn": 1_681, "embedding-simplernn": 3_409}  # num_words=200


@pytest.mark.parametrize("name", list(PRESETS))
def test_parameter_counts_equal_the_books(name):
    model = models.build_model(PRESETS[name])
    assert model.count_params() == BOOK_PARAMS[name] == models.total_params(PRESETS[name])


@pytest.mark.parametrize("name", list(NOTEBOOK_PARAMS))
def test_simplernn_at_200_words_as_the_current_notebooks(name):
    config = PRESETS[name].replace(num_words=200)
    assert models.build_model(config).count_params() == NOTEBOOK_PARAMS[name] == models.total_params(config)


SUMMARY_CASES = [*PRESETS.values(), RunConfig(cell="GRU", inputs="onehot", num_words=50, layers=2, units=5, maxlen=7),
                 RunConfig(cell="SimpleRNN", layers=2, embedding_dim=3, units=4, maxlen=12)]


@pytest.mark.parametrize("config", SUMMARY_CASES)
def test_summary_rows_equal_keras_summary(config):
    model = models.build_model(config)
    rows = models.model_summary_rows(config)
    assert [row.name for row in rows] == [layer.name for layer in model.layers]
    assert [row.layer for row in rows] == [type(layer).__name__ for layer in model.layers]
    assert [row.output_shape for row in rows] == [tuple(layer.output.shape) for layer in model.layers]
    assert [row.params for row in rows] == [layer.count_params() for layer in model.layers]


def test_compiled_as_the_book():
    model = models.build_model(PRESETS["lstm-dropout"])
    assert isinstance(model.optimizer, keras.optimizers.RMSprop)
    assert float(model.optimizer.learning_rate) == pytest.approx(1e-4)
    assert model.loss == "binary_crossentropy"
    assert model.get_layer("lstm").dropout == 0.3
    two = models.build_model(PRESETS["lstm-2layer"])
    assert [two.get_layer(n).return_sequences for n in ("lstm", "lstm_1")] == [True, False]


def test_onehot_and_embedding_take_the_same_integer_batches():
    batch = np.random.default_rng(0).integers(0, 500, size=(5, 100)).astype("int32")  # (batch, maxlen)
    for name in ("onehot-simplernn", "embedding-simplernn", "gru"):
        out = models.build_model(PRESETS[name]).predict(batch, verbose=0)
        assert out.shape == (5, 1) and np.all((out > 0) & (out < 1))


def test_onehot_is_encoded_inside_the_model():
    model = models.build_model(PRESETS["onehot-simplernn"].replace(num_words=6, maxlen=3))
    ids = np.array([[0, 2, 5]], dtype="int32")
    encoded = model.get_layer("onehot")(ids)
    assert np.array_equal(np.asarray(encoded), np.eye(6)[ids])  # (1, 3, 6)


@pytest.mark.filterwarnings("ignore:Skipping variable loading for optimizer")  # never trained: no slots
@pytest.mark.slow
def test_saved_onehot_model_loads_in_safe_mode_and_predicts_the_same(tmp_path):
    keras.utils.set_random_seed(1)
    model = models.build_model(PRESETS["onehot-simplernn"])
    batch = np.random.default_rng(1).integers(0, 500, size=(4, 100)).astype("int32")
    path = tmp_path / "onehot.keras"
    model.save(path)
    loaded = keras.models.load_model(path, safe_mode=True)
    np.testing.assert_allclose(loaded.predict(batch, verbose=0), model.predict(batch, verbose=0), rtol=1e-6)


def reference_configs():
    from rnnviz import runs

    return [run for run in runs.RunStore(runs.REFERENCE_RUNS_DIR).list() if run.config]


def test_the_memory_estimate_is_close_to_every_reference_runs_measured_peak():
    for run in reference_configs():
        estimate_mb = models.run_cost(run.config).memory_bytes / 2**20
        assert estimate_mb == pytest.approx(run.status.peak_memory_mb, rel=0.15), run.id


def test_the_model_size_is_four_bytes_per_parameter():
    cost = models.run_cost(RunConfig(num_words=88_587, embedding_dim=512))
    assert cost.params == 88_587 * 512 + 8 * (512 + 8 + 1) + 9 == 45_360_721
    assert cost.model_bytes == 4 * cost.params  # ~181 MB of float32 weights


def test_a_one_hot_batch_is_counted_as_batch_times_maxlen_times_num_words():
    small = models.run_cost(RunConfig(inputs="onehot", num_words=5_000, maxlen=1_000, batch_size=256))
    large = models.run_cost(RunConfig(inputs="onehot", num_words=5_000, maxlen=1_000, batch_size=512))
    one_hot_batch = 512 * 1_000 * 5_000 * 4  # 10.2 GB: Keras tried to allocate twice this
    assert large.memory_bytes - small.memory_bytes >= models.ONEHOT_COPIES * one_hot_batch / 2
    assert large.memory_bytes > 2 * one_hot_batch
