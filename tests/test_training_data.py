"""A run's data (rnnviz.training_data): the token cache gives exactly the book's padded arrays."""

import numpy as np
import pytest

from rnnviz import config as cfg
from rnnviz import data, training_data
from rnnviz.text import pad_sequences


@pytest.mark.parametrize("changes", [dict(max_train_samples=5_000), dict(num_words=200, maxlen=37),
                                     dict(num_words=4, maxlen=300, max_train_samples=40, max_test_samples=30)])
@pytest.mark.slow
def test_the_token_cache_gives_exactly_the_books_arrays(changes, local_data, tmp_path, monkeypatch):
    monkeypatch.setenv(data.CACHE_DIR_ENV, str(tmp_path / "cache"))
    config = cfg.PRESETS["lstm"].replace(**changes)
    expected = training_data.load_data(config)  # load_imdb(num_words), the book's split, pad_sequences
    for attempt in ("made now", "read back"):
        got = training_data.load_data_cached(config)
        for (x, y), (want_x, want_y) in zip(got, expected):
            assert x.dtype == want_x.dtype and y.dtype == want_y.dtype, attempt
            np.testing.assert_array_equal(x, want_x, err_msg=attempt)
            np.testing.assert_array_equal(y, want_y, err_msg=attempt)
    [folder] = (tmp_path / "cache").glob("imdb-tokens-*")
    assert sorted(p.name for p in folder.iterdir()) == ["ids.npy", "labels.npy", "offsets.npy", "parts.npy"]


def test_pad_rows_pads_and_truncates_pre_and_maps_rare_words_to_oov():
    rows = [[1, 5, 6, 7], [1, 9], [1]]  # START, then word ids
    ids = np.array([i for row in rows for i in row], dtype=np.int32)
    offsets = np.concatenate([[0], np.cumsum([len(r) for r in rows])])
    padded = training_data.pad_rows(ids, offsets, np.arange(3), maxlen=3, num_words=7)
    assert padded.tolist() == [[5, 6, 2], [0, 1, 2], [0, 0, 1]]
    np.testing.assert_array_equal(padded, pad_sequences([[1, 5, 6, 2], [1, 2], [1]], maxlen=3))
