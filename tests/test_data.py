import json
import os
import shutil

import numpy as np
import pytest
from sklearn.model_selection import train_test_split

from conftest import ROOT
from rnnviz import data


@pytest.fixture(scope="module")
def keras_output(imdb_folder):
    """Keras's own load_data on the same file, its download step bypassed (data README)."""
    import keras  # noqa: F401  (the backend must load before keras.src)
    from keras.src.datasets import imdb as keras_imdb

    original = keras_imdb.get_file
    keras_imdb.get_file = lambda *args, **kwargs: str(imdb_folder / "imdb.npz")
    try:
        return {n: keras_imdb.load_data(num_words=n) for n in (500, None)}
    finally:
        keras_imdb.get_file = original


@pytest.mark.parametrize("num_words", [500, None])
@pytest.mark.slow
def test_load_imdb_local_copy_equals_keras_loader(local_data, keras_output, num_words):
    ours = data.load_imdb(num_words=num_words)
    theirs = keras_output[num_words]
    for (x_ours, y_ours), (x_theirs, y_theirs) in zip(ours, theirs):
        np.testing.assert_array_equal(y_ours, y_theirs)
        assert x_ours.dtype == object and len(x_ours) == len(x_theirs) == 25_000
        assert all(a == b for a, b in zip(x_ours, x_theirs))


@pytest.mark.slow
def test_load_imdb_matches_published_figures(local_data):
    (x_train, y_train), (x_test, _) = data.load_imdb(num_words=10_000)
    assert x_train[0][:12] == [1, 14, 22, 16, 43, 530, 973, 1622, 1385, 65, 458, 4468]
    assert (len(x_train[0]), len(x_train[1])) == (218, 189)
    assert y_train[:10].tolist() == [1, 0, 0, 1, 0, 0, 1, 0, 1, 0]
    assert max(max(x) for x in x_train) == 9_999
    (x_train, _), _ = data.load_imdb(num_words=500)
    assert max(max(x) for x in x_train) == 499


def test_word_index_is_keras_file(local_data):
    word_index = data.load_word_index()
    assert len(word_index) == 88_584 and word_index["the"] == 1 and word_index["br"] == 7
    with open(local_data / "imdb_word_index.json") as handle:
        assert word_index == json.load(handle)


@pytest.mark.slow
def test_book_split_equals_sklearn_and_the_books_figures(local_data):
    (x_train, y_train), _ = data.load_imdb(num_words=500)
    ours = data.book_split(x_train, y_train)
    theirs = train_test_split(x_train, y_train, test_size=0.2, random_state=42)
    for a, b in zip(ours, theirs):
        assert len(a) == len(b) and all(np.array_equal(u, v) for u, v in zip(a[:500], b[:500]))
    train_input, val_input = ours[0], ours[1]
    assert (train_input.shape, val_input.shape) == ((20_000,), (5_000,))
    lengths = data.review_lengths(train_input)
    # The book prints: 239.00925 178.0
    assert (np.mean(lengths), np.median(lengths)) == (239.00925, 178.0)


def test_length_stats_shares():
    stats = data.length_stats(np.array([5, 10, 10, 20]), maxlen=10)
    assert (stats.count, stats.mean, stats.median) == (4, 11.25, 10.0)
    assert (stats.share_truncated, stats.share_padded) == (0.25, 0.25)


def test_incomplete_data_dir_says_what_is_missing(tmp_path, monkeypatch):
    (tmp_path / "imdb.npz").write_bytes(b"")
    monkeypatch.setenv(data.DATA_DIR_ENV, str(tmp_path))
    with pytest.raises(data.DataUnavailableError) as caught:
        data.load_word_index()
    for lang in ("en", "ko"):
        text = caught.value.message(lang)
        assert "imdb_word_index.json" in text and str(tmp_path) in text and "RNNVIZ_DATA_DIR" in text


def test_broken_npz_says_the_file_is_damaged(tmp_path, monkeypatch, imdb_folder):
    (tmp_path / "imdb.npz").write_bytes(b"not a zip file")
    shutil.copy(imdb_folder / "imdb_word_index.json", tmp_path)
    monkeypatch.setenv(data.DATA_DIR_ENV, str(tmp_path))
    with pytest.raises(data.DataUnavailableError, match="could not be read"):
        data.load_imdb()


def test_no_local_copy_and_no_download_says_what_to_do(monkeypatch, tmp_path):
    import keras  # noqa: F401
    from keras.src.datasets import imdb as keras_imdb

    def offline(*args, **kwargs):
        raise OSError("no network")

    monkeypatch.delenv(data.DATA_DIR_ENV, raising=False)
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "empty-keras-home"))
    monkeypatch.setattr(data, "in_helper_process", lambda function, *args: function(*args))  # the helper, in-process
    monkeypatch.setattr(keras_imdb, "get_file", offline)
    with pytest.raises(data.DataUnavailableError) as caught:
        data.load_imdb()
    assert "no network" in str(caught.value) and "RNNVIZ_DATA_DIR" in str(caught.value)
    assert "RNNVIZ_DATA_DIR" in caught.value.message("ko") and "인터넷" in caught.value.message("ko")


def test_npz_loader_refuses_code_in_pickles(tmp_path):
    import io
    import pickle
    import zipfile

    class Evil:
        def __reduce__(self):
            return (print, ("pwned",))

    buffer = io.BytesIO()
    np.lib.format.write_array_header_1_0(buffer, {"descr": "|O", "fortran_order": False, "shape": (1,)})
    with zipfile.ZipFile(tmp_path / "imdb.npz", "w") as archive:
        archive.writestr("x_train.npy", buffer.getvalue() + pickle.dumps(Evil()))
    with pytest.raises(pickle.UnpicklingError, match="Refusing"):
        data._read_npz(tmp_path / "imdb.npz")


@pytest.mark.slow
def test_the_shipped_review_lengths_equal_the_books_split_of_the_data(local_data):
    (x_train, y_train), _ = data.load_imdb(num_words=500)
    expected = data.review_lengths(data.book_split(x_train, y_train)[0])
    np.testing.assert_array_equal(data.book_train_lengths(), expected)
    np.testing.assert_array_equal(data.compute_book_train_lengths(), expected)  # what `python -m rnnviz.data` writes


def test_the_review_lengths_need_no_data(monkeypatch, tmp_path):
    monkeypatch.setenv(data.DATA_DIR_ENV, str(tmp_path))  # a folder without the files
    lengths = data.book_train_lengths()
    assert (len(lengths), np.mean(lengths), np.median(lengths)) == (20_000, 239.00925, 178.0)  # the book's figures


@pytest.fixture
def offline(monkeypatch, tmp_path):
    """No setting, an empty Keras cache and no network: the helper's download fails, and counts its attempts."""
    attempts = []

    def failing_download(function, *args):
        attempts.append(function.__name__)
        raise data.DataUnavailableError("data_unavailable", env=data.DATA_DIR_ENV, reason="URL fetch failure")

    monkeypatch.delenv(data.DATA_DIR_ENV, raising=False)
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras-home"))
    monkeypatch.setenv(data.CACHE_DIR_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(data, "_last_failure", {})
    monkeypatch.setattr(data, "in_helper_process", failing_download)
    return attempts


def test_data_that_cannot_be_found_is_tried_once_until_the_files_change(offline, imdb_folder, tmp_path, monkeypatch):
    for _ in range(3):
        with pytest.raises(data.DataUnavailableError, match="URL fetch failure"):
            data.load_word_index()
    assert offline == ["_download_with_keras"]  # one download tried, not three
    monkeypatch.setattr(data, "_last_failure", {})  # another process of the server: it reads the cache folder
    with pytest.raises(data.DataUnavailableError, match="URL fetch failure"):
        data.data_dir()
    assert len(offline) == 1 and data.local_copy() is None

    cache = tmp_path / "keras-home" / "datasets"  # the files arrive (a download by hand): found at once
    cache.mkdir(parents=True)
    for name in (data.NPZ_FILE, data.WORD_INDEX_FILE):
        (cache / name).symlink_to(imdb_folder / name)
    assert data.load_word_index()["the"] == 1 and data.local_copy() == cache and len(offline) == 1


def test_a_failure_is_believed_for_a_while_then_tried_again(offline, monkeypatch):
    with pytest.raises(data.DataUnavailableError):
        data.data_dir()
    later = data.time.time() + data.RETRY_SECONDS + 1  # the network may be back
    monkeypatch.setattr(data.time, "time", lambda: later)
    with pytest.raises(data.DataUnavailableError):
        data.data_dir()
    assert len(offline) == 2


def test_a_changed_setting_is_tried_at_once(offline, tmp_path, monkeypatch):
    with pytest.raises(data.DataUnavailableError, match="URL fetch failure"):
        data.data_dir()
    monkeypatch.setenv(data.DATA_DIR_ENV, str(tmp_path / "elsewhere"))
    with pytest.raises(data.DataUnavailableError, match="elsewhere"):  # the new folder's own message
        data.data_dir()


def test_a_damaged_failure_file_is_no_failure(offline, tmp_path):
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / data.UNAVAILABLE_FILE).write_text('{"key": [1], "fingerprint": 3')
    assert data.known_unavailable() is None


def test_a_relative_data_dir_is_read_from_the_folder_it_was_given_in(imdb_folder, tmp_path):
    """`RNNVIZ_DATA_DIR=../shared/data/imdb` as the README writes it: a process started in another folder (the
    worker, a notebook's kernel) reads the same files."""
    import subprocess
    import sys

    probe = ("import os, subprocess, sys; from rnnviz import data; assert data.load_word_index()['the'] == 1; "
             "child = 'import os; print(os.path.isfile(os.path.join(os.environ[\"RNNVIZ_DATA_DIR\"], \"imdb.npz\")))'; "
             f"print(subprocess.run([sys.executable, '-c', child], cwd={str(tmp_path)!r}, capture_output=True, "
             "text=True).stdout.strip())")
    relative = os.path.relpath(imdb_folder, ROOT)
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, data.DATA_DIR_ENV: relative})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "True"


@pytest.mark.slow
def test_keras_cache_is_read_without_importing_keras(imdb_folder, tmp_path):
    """Online: after Keras's one download, every read is ours (same arrays) and Keras stays out."""
    import subprocess
    import sys

    cache = tmp_path / "keras-home" / "datasets"
    cache.mkdir(parents=True)
    for name in (data.NPZ_FILE, data.WORD_INDEX_FILE):
        (cache / name).symlink_to(imdb_folder / name)
    probe = ("import sys; from rnnviz import data; (x, y), _ = data.load_imdb(500); w = data.load_word_index(); "
             "r = data.load_test_reviews(); "
             "assert len(x) == 25000 and w['the'] == 1 and len(r) == 25000; "
             "print(sorted(m for m in sys.modules if m.split('.')[0] in ('keras', 'tensorflow', 'jax')))")
    env = {k: v for k, v in os.environ.items() if k != data.DATA_DIR_ENV}
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**env, "KERAS_HOME": str(tmp_path / "keras-home")})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]"
