"""A run's data: the book's padded IMDB arrays, cut from a cache of every review's ids.

`load_data` is the book's procedure (`load_imdb(num_words)`, the 20,000 / 5,000 split,
`pad_sequences(maxlen)`); `load_data_cached` gives the same arrays (tests/test_training_data.py
checks every one) from a token cache made once per machine, in milliseconds. Only the worker and
the warm-up use it; nothing here imports Keras.
"""

from __future__ import annotations

import itertools
import os
import shutil
from pathlib import Path

import numpy as np

from rnnviz import config as cfg
from rnnviz import data
from rnnviz.config import RunConfig
from rnnviz.text import INDEX_FROM, OOV, START, pad_sequences


def load_data(config: RunConfig):
    """The book's padded arrays: `(train_seq, train_y), (val_seq, val_y), (test_seq, test_y)`.

    Raises:
        DataUnavailableError: the IMDB data cannot be found.
    """
    (x_train, y_train), (x_test, y_test) = data.load_imdb(config.num_words)
    train_x, val_x, train_y, val_y = data.book_split(x_train, y_train)
    n_train, n_val, n_test = config.train_samples, config.val_samples, config.test_samples

    def pad(x, y, n):
        return pad_sequences(list(x[:n]), maxlen=config.maxlen), np.asarray(y[:n], dtype="float32")

    return pad(train_x, train_y, n_train), pad(val_x, val_y, n_val), pad(x_test, y_test, n_test)


def load_data_in_helper_process(config: RunConfig):
    """`load_data` in a short-lived helper process, so the worker keeps only the padded arrays.

    See `data.in_helper_process`: the worker's peak memory is then that of training alone (BENCHMARKS.md).
    """
    return data.in_helper_process(_load_data_from_json, cfg.to_json(config))


def _load_data_from_json(config_json: str):
    return load_data(cfg.from_json(config_json))


# Every review's ids once (num_words=None), in the book's row order: train (20,000), validation
# (5,000), test (25,000). Any num_words / maxlen / subset is cut from it in a few milliseconds,
# so only the first run on a machine pays for unpickling IMDB (~4 s, in a helper process).
TOKENS_CACHE_VERSION = 1


def tokens_cache_dir(npz: Path) -> Path:
    """The cache folder for one IMDB file, keyed by its size and modification time."""
    info = npz.stat()
    return data.cache_root() / f"imdb-tokens-v{TOKENS_CACHE_VERSION}-{info.st_size}-{info.st_mtime_ns}"


def _build_tokens_cache(target: str) -> str:
    """Write ids.npy, offsets.npy, labels.npy, parts.npy into `target` (atomically, through a rename).

    Runs in a helper process (`data.in_helper_process`). Reads the file's ranks as
    `load_imdb` does (shuffle with seed 113, train first) and the book's split,
    but never builds a Python list per review: ids go straight into one array
    (tests/test_train.py checks every array against `load_data`).
    """
    arrays = data._read_npz(data.data_dir() / data.NPZ_FILE)  # the ranks, in the file's order
    rng = np.random.RandomState(data.SHUFFLE_SEED)  # as load_data: one generator, train first, then test
    splits = {}
    for split in ("train", "test"):
        order = np.arange(len(arrays[f"y_{split}"]))
        rng.shuffle(order)
        splits[split] = (arrays[f"x_{split}"][order], np.asarray(arrays[f"y_{split}"])[order])
    (x_train, y_train), (x_test, y_test) = splits["train"], splits["test"]
    train_rows, val_rows, _, _ = data.book_split(np.arange(len(y_train)), y_train)  # the same rows as the book's
    ranks = np.concatenate([x_train[train_rows], x_train[val_rows], x_test])  # (50000,) lists of ranks
    labels = np.concatenate([y_train[train_rows], y_train[val_rows], y_test]).astype(np.int8)
    parts = np.array([len(train_rows), len(val_rows), len(y_test)], dtype=np.int64)  # 20,000, 5,000, 25,000
    lengths = data.review_lengths(ranks) + 1  # + START
    offsets = np.concatenate([[0], np.cumsum(lengths)])  # (50001,)
    ids = np.empty(int(offsets[-1]), dtype=np.int32)
    is_word = np.ones(len(ids), dtype=bool)
    is_word[offsets[:-1]] = False
    ids[~is_word] = START
    ids[is_word] = np.fromiter(itertools.chain.from_iterable(ranks), dtype=np.int32,
                               count=int(is_word.sum())) + INDEX_FROM  # rank r -> id r + 3
    target_path = Path(target)
    staging = target_path.with_name(f".{target_path.name}.{os.getpid()}.tmp")
    staging.mkdir(parents=True, exist_ok=True)
    for name, array in (("ids", ids), ("offsets", offsets), ("labels", labels), ("parts", parts)):
        np.save(staging / f"{name}.npy", array)
    try:
        os.rename(staging, target_path)
    except OSError:  # another worker made it meanwhile
        shutil.rmtree(staging, ignore_errors=True)
    return target


def pad_rows(ids: np.ndarray, offsets: np.ndarray, rows: np.ndarray, maxlen: int, num_words: int) -> np.ndarray:
    """`pad_sequences(load_data(num_words)[rows], maxlen)` from the flat ids: padding and truncating 'pre'.

    Returns:
        (len(rows), maxlen) int32; ids >= num_words become OOV (2), START (1) stays.
    """
    starts, ends = offsets[rows], offsets[rows + 1]  # (n,)
    lengths = np.minimum(ends - starts, maxlen)  # tokens kept: the last `maxlen` ('pre' truncating)
    first = maxlen - lengths  # (n,) the first column holding a token ('pre' padding)
    columns = np.arange(maxlen)[None, :]  # (1, maxlen)
    filled = columns >= first[:, None]  # (n, maxlen)
    source = (ends - lengths)[:, None] + columns - first[:, None]  # (n, maxlen) index into ids
    padded = np.zeros((len(rows), maxlen), dtype=np.int32)
    padded[filled] = ids[source[filled]]
    padded[padded >= max(num_words, INDEX_FROM + 1)] = OOV  # word ids start at 4; 0, 1 are never words
    return padded


def load_data_cached(config: RunConfig):
    """`load_data(config)`, cut from the token cache (made once, in a helper process, when missing).

    Falls back to `load_data_in_helper_process` when the cache cannot be written (a read-only home).

    Raises:
        DataUnavailableError: the IMDB data cannot be found.
    """
    folder = tokens_cache_dir(data.data_dir() / data.NPZ_FILE)
    if not (folder / "parts.npy").is_file():
        try:
            folder.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return load_data_in_helper_process(config)
        try:
            data.in_helper_process(_build_tokens_cache, str(folder))
        except data.DataUnavailableError:
            pass  # load_data_in_helper_process below says what is wrong with the data
        if not (folder / "parts.npy").is_file():
            return load_data_in_helper_process(config)
        for old in folder.parent.glob("imdb-tokens-*"):  # made for another version or copy of the file
            if old != folder:
                shutil.rmtree(old, ignore_errors=True)
    ids = np.load(folder / "ids.npy", mmap_mode="r")  # (tokens,) only the rows asked for are read
    offsets = np.load(folder / "offsets.npy")
    labels = np.load(folder / "labels.npy")
    n_train, n_val, _ = np.load(folder / "parts.npy").tolist()
    bases = (0, n_train, n_train + n_val)
    counts = (config.train_samples, config.val_samples, config.test_samples)

    def part(base, n):
        rows = np.arange(base, base + n)
        return (pad_rows(ids, offsets, rows, config.maxlen, config.num_words),
                labels[base:base + n].astype("float32"))

    return tuple(part(base, n) for base, n in zip(bases, counts))
