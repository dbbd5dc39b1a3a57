"""The IMDB data of chapter 9: loading, the book's split, review-length statistics.

It is long because reading the data without Keras means re-doing what `imdb.load_data` does (finding
or downloading the files, reading the npz with an arrays-only unpickler, Keras's id shift and shuffle).

Online, `keras.datasets.imdb` downloads the data once into `~/.keras/datasets`
(in a helper process). Offline, set `RNNVIZ_DATA_DIR` to a folder holding
`imdb.npz` and `imdb_word_index.json`. Either way the files are read here,
without Keras: no page that only shows data imports TensorFlow.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rnnviz import files
from rnnviz.i18n import t
from rnnviz.text import INDEX_FROM, OOV, START

DATA_DIR_ENV = "RNNVIZ_DATA_DIR"
NPZ_FILE = "imdb.npz"
WORD_INDEX_FILE = "imdb_word_index.json"
SHUFFLE_SEED = 113  # load_data's default seed


class DataUnavailableError(RuntimeError):
    """The IMDB data could be found neither locally nor through Keras.

    `message(lang)` gives the user-facing text (what happened, what to do).
    """

    def __init__(self, key: str, **params: str) -> None:
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str) -> str:
        return t(self.key, lang, **self.params)


def _pin_data_dir_setting() -> None:
    """Make a relative RNNVIZ_DATA_DIR absolute, against the folder it was given in (this process's own).

    The helper process, the training worker and a notebook kernel start in other folders; they
    inherit the absolute form and read the same files.
    """
    setting = os.environ.get(DATA_DIR_ENV, "").strip()
    if setting and not Path(setting).expanduser().is_absolute():
        os.environ[DATA_DIR_ENV] = str(Path(setting).expanduser().absolute())


_pin_data_dir_setting()


def local_data_dir() -> Path | None:
    """The folder named by RNNVIZ_DATA_DIR, checked; None when it is not set.

    Raises:
        DataUnavailableError: the setting names a folder without the two files.
    """
    setting = os.environ.get(DATA_DIR_ENV, "").strip()
    if not setting:
        return None
    folder = Path(setting).expanduser().absolute()
    missing = [name for name in (NPZ_FILE, WORD_INDEX_FILE) if not (folder / name).is_file()]
    if missing:
        raise DataUnavailableError("data_dir_incomplete", folder=str(folder),
                                   missing=", ".join(missing), env=DATA_DIR_ENV)
    return folder


def keras_cache_dir() -> Path:
    """Where `keras.datasets.imdb` keeps its downloads: $KERAS_HOME/datasets, else ~/.keras/datasets."""
    return Path(os.environ.get("KERAS_HOME") or Path.home() / ".keras").expanduser() / "datasets"


def _holds_the_data(folder: Path) -> bool:
    return all((folder / name).is_file() for name in (NPZ_FILE, WORD_INDEX_FILE))


def data_dir() -> Path:
    """The folder holding imdb.npz and imdb_word_index.json.

    RNNVIZ_DATA_DIR when set; else Keras's download cache. When the cache is
    empty, Keras downloads the two files once, in a helper process, so the
    Streamlit server never imports Keras; the files are then read here, with
    the same results as `keras.datasets.imdb` (tests/test_data.py).

    Raises:
        DataUnavailableError: with a message saying what to do.
    """
    known = known_unavailable()
    if known is not None:  # tried already: a download that fails costs ~12 s and ~800 MB each time
        raise known
    try:
        return local_data_dir() or _keras_download_dir() or Path(in_helper_process(_download_with_keras))
    except DataUnavailableError as error:
        _remember_unavailable(error)
        raise


UNAVAILABLE_FILE = "data-unavailable.json"  # in cache_root(): the last failure, for every process of the server
RETRY_SECONDS = 600  # a failure is believed this long (a network back online), unless the setting or files change
_last_failure: dict = {}  # the same, in this process, for a cache folder that cannot be written


def _data_fingerprint() -> list:
    """What decides whether the data can be found: the setting and the state of every file looked at."""
    setting = os.environ.get(DATA_DIR_ENV, "").strip()
    folders = [Path(setting).expanduser().absolute()] if setting else _keras_caches()
    return [setting, *(_file_state(folder / name) for folder in folders for name in (NPZ_FILE, WORD_INDEX_FILE))]


def _file_state(path: Path) -> list:
    try:
        info = path.stat()
    except OSError:
        return [str(path), None, None]
    return [str(path), info.st_size, info.st_mtime_ns]


def known_unavailable() -> DataUnavailableError | None:
    """The error of the last attempt to find the data, while nothing it depended on has changed.

    A few `stat` calls and one small file: cheap enough for every rerun of every page. The
    failure is kept in the cache folder, so the server, the warm-up and the workers learn it once.
    """
    failure = _last_failure or _read_failure_file()
    if not failure or failure.get("fingerprint") != _data_fingerprint():
        return None
    if not 0 <= time.time() - failure.get("time", 0) < RETRY_SECONDS:
        return None
    return DataUnavailableError(failure["key"], **failure["params"])


def _read_failure_file() -> dict:
    try:
        with open(cache_root() / UNAVAILABLE_FILE, encoding="utf-8") as handle:
            failure = json.loads(handle.read(64_000))  # our own small file; bounded all the same
        DataUnavailableError(failure["key"], **failure["params"])  # a damaged file is no failure
    except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return {}
    return failure if isinstance(failure.get("time"), (int, float)) else {}


def _remember_unavailable(error: DataUnavailableError) -> None:
    failure = {"fingerprint": _data_fingerprint(), "time": time.time(), "key": error.key,
               "params": {name: str(value) for name, value in error.params.items()}}
    _last_failure.clear()
    _last_failure.update(failure)
    try:
        cache_root().mkdir(parents=True, exist_ok=True)
        files.write_json(cache_root() / UNAVAILABLE_FILE, failure)
    except OSError:
        pass  # a read-only home: this process still remembers it


def local_copy() -> Path | None:
    """The folder holding the data when it is on this machine already (the setting or Keras's cache), else None.

    Never downloads and never raises: for what should only run when the data is there (the warm-up).
    """
    try:
        return local_data_dir() or _keras_download_dir()
    except DataUnavailableError:
        return None


def _keras_caches() -> tuple[Path, Path]:
    """Where Keras keeps its downloads: its cache, and its fallback when home is read-only."""
    return keras_cache_dir(), Path("/tmp/.keras/datasets")


def _keras_download_dir() -> Path | None:
    """Keras's cache, or its fallback when home is read-only, if it holds both files."""
    return next((cache for cache in _keras_caches() if _holds_the_data(cache)), None)


def _download_with_keras() -> str:
    """Let Keras download (and check) both files into its cache; returns that folder."""
    _keras_call("get_word_index")
    _keras_call("load_data", num_words=1)
    cache = _keras_download_dir()
    if cache is None:
        raise DataUnavailableError("data_unavailable", env=DATA_DIR_ENV, reason="Keras saved the files elsewhere")
    return str(cache)


def load_imdb(num_words: int | None = 500):
    """The IMDB reviews as `keras.datasets.imdb.load_data(num_words=num_words)` returns them.

    Args:
        num_words: keep the most frequent words; rarer ones become OOV (2).

    Returns:
        `((x_train, y_train), (x_test, y_test))`: x are object arrays (25000,)
        of int lists starting with START (1); y are int arrays of 0/1.

    Raises:
        DataUnavailableError: with a message saying what to do.
    """
    return _load_npz_like_keras(data_dir() / NPZ_FILE, num_words)


def load_word_index() -> dict[str, int]:
    """IMDB's word -> frequency rank dict (1 = "the"), as `imdb.get_word_index()`."""
    path = data_dir() / WORD_INDEX_FILE
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError) as error:
        raise DataUnavailableError("data_file_broken", path=str(path),
                                   reason=f"{type(error).__name__}: {error}") from error


def _keras_call(name: str, **kwargs):
    """Call keras.datasets.imdb.<name>, turning any failure into a clear error."""
    try:
        from keras.datasets import imdb  # lazy: imports a backend, seconds

        return getattr(imdb, name)(**kwargs)
    except Exception as error:  # no keras, no network, a bad cache: all say the same
        raise DataUnavailableError("data_unavailable", env=DATA_DIR_ENV,
                                   reason=f"{type(error).__name__}: {error}") from error


class _ArrayOnlyUnpickler(pickle.Unpickler):
    """Unpickles numpy arrays and nothing else (the IMDB npz holds object arrays).

    Keras's own loader does the same (`keras.src.datasets.npz_utils`); it is
    repeated here because importing Keras just to read a file costs seconds
    and brings a backend into the Streamlit server.
    """

    _ALLOWED = {("numpy", "ndarray"), ("numpy", "dtype"),
                ("numpy.core.multiarray", "_reconstruct"),
                ("numpy._core.multiarray", "_reconstruct")}

    def find_class(self, module: str, name: str):
        if (module, name) not in self._ALLOWED:
            raise pickle.UnpicklingError(f"Refusing to load {module}.{name} from the IMDB file.")
        return super().find_class(module, name)


def _read_npy(buffer: io.BytesIO) -> np.ndarray:
    try:
        return np.lib.format.read_array(buffer, allow_pickle=False)
    except ValueError:  # an object array: skip the header, unpickle safely
        buffer.seek(0)
        major, _ = np.lib.format.read_magic(buffer)
        header_reader = (np.lib.format.read_array_header_1_0 if major == 1
                         else np.lib.format.read_array_header_2_0)
        header_reader(buffer)
        return _ArrayOnlyUnpickler(buffer).load()


def _read_npz(path: Path) -> dict[str, np.ndarray]:
    with zipfile.ZipFile(path) as archive:
        return {name.removesuffix(".npy"): _read_npy(io.BytesIO(archive.read(name)))
                for name in archive.namelist() if name.endswith(".npy")}


def _load_npz_like_keras(path: Path, num_words: int | None):
    """`keras.datasets.imdb.load_data` step by step: shuffle (seed 113), +3, start, OOV."""
    try:
        arrays = _read_npz(path)
    except (OSError, zipfile.BadZipFile, pickle.UnpicklingError, KeyError, ValueError) as error:
        raise DataUnavailableError("data_file_broken", path=str(path),
                                   reason=f"{type(error).__name__}: {error}") from error
    rng = np.random.RandomState(SHUFFLE_SEED)  # one generator: train first, then test
    splits = []
    for split in ("train", "test"):
        order = np.arange(len(arrays[f"x_{split}"]))
        rng.shuffle(order)
        splits.append((arrays[f"x_{split}"][order], arrays[f"y_{split}"][order]))
    (x_train, y_train), (x_test, y_test) = splits
    limit = num_words or (max(max(x) for x in (*x_train, *x_test)) + INDEX_FROM)
    x_train, x_test = (_to_ids(x, limit) for x in (x_train, x_test))
    return (x_train, y_train), (x_test, y_test)


def _to_ids(raw_ranks: np.ndarray, num_words: int) -> np.ndarray:
    """Ranks -> ids (rank + 3), START first, ids >= num_words -> OOV; an object array."""
    lengths = review_lengths(raw_ranks)
    flat = np.fromiter(itertools.chain.from_iterable(raw_ranks), dtype=np.int64,
                       count=int(lengths.sum())) + INDEX_FROM  # every id, one array
    flat[flat >= num_words] = OOV
    sequences = np.empty(len(raw_ranks), dtype=object)  # ragged, like Keras's
    for row, ids in enumerate(np.split(flat, np.cumsum(lengths)[:-1])):
        sequences[row] = [START, *ids.tolist()]
    return sequences


def book_split(x, y):
    """The book's validation split: `train_test_split(x, y, test_size=0.2, random_state=42)`.

    Returns:
        `(x_train, x_val, y_train, y_val)`: 20,000 and 5,000 reviews for IMDB.
    """
    from sklearn.model_selection import train_test_split  # ~0.5 s, only when needed

    return train_test_split(x, y, test_size=0.2, random_state=42)


CACHE_DIR_ENV = "RNNVIZ_CACHE_DIR"


def cache_root() -> Path:
    """Where rnnviz keeps what it derives from the data: RNNVIZ_CACHE_DIR, else ~/.cache/rnnviz."""
    return Path(os.environ.get(CACHE_DIR_ENV) or Path.home() / ".cache" / "rnnviz").expanduser()


_HELPER = """
import importlib, pickle, sys
module, name, args, out = pickle.load(sys.stdin.buffer)
from rnnviz.data import _catching_data_errors
outcome = _catching_data_errors(getattr(importlib.import_module(module), name), *args)
with open(out, "wb") as handle:
    pickle.dump(outcome, handle)
"""


def in_helper_process(function, *args):
    """`function(*args)` in a short-lived helper process; its result (arrays, tuples) comes back pickled.

    Reading IMDB builds millions of Python ints (~450 MB at the peak) that a
    process does not hand back to the system after freeing them. Done in a
    helper, the Streamlit server (and the training worker) keep only the small
    result. A DataUnavailableError in the helper is raised again here.

    A plain `python -c` child, not multiprocessing: a spawned child would
    import the parent's `__main__`, which inside Streamlit is the page script.
    `function` must be a module-level function of rnnviz.
    """
    root = str(Path(__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
    with tempfile.TemporaryDirectory(prefix="rnnviz-") as folder:
        out = os.path.join(folder, "result.pickle")
        request = pickle.dumps((_module_name(function), function.__qualname__, args, out))
        done = subprocess.run([sys.executable, "-c", _HELPER], input=request, env=env, cwd=root,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        if done.returncode != 0 or not os.path.exists(out):
            reason = done.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["no result"]
            raise DataUnavailableError("data_unavailable", env=DATA_DIR_ENV, reason=reason[0])
        with open(out, "rb") as handle:
            outcome = pickle.load(handle)  # written just now by our own helper
    if outcome[0] == "data_error":
        raise DataUnavailableError(outcome[1], **outcome[2])
    return outcome[1]


def _module_name(function) -> str:
    """The importable name of `function`'s module, also when it runs as `python -m rnnviz.train`."""
    module = function.__module__
    spec = getattr(sys.modules.get(module), "__spec__", None)
    return spec.name if module == "__main__" and spec is not None else module


def _catching_data_errors(function, *args):
    try:
        return "ok", function(*args)
    except DataUnavailableError as error:  # rebuilt by the parent: its message needs the key and params
        return "data_error", error.key, error.params


BOOK_TRAIN_LENGTHS_FILE = Path(__file__).with_name("imdb_book_train_lengths.npy")  # shipped, 40 KB


def book_train_lengths() -> np.ndarray:
    """Review lengths of the book's training split (20,000), as shipped with the app.

    They never change, and computing them means reading IMDB (~3 s, ~450 MB in a helper): so no
    server computes them at a visitor's expense, and the tokens page shows them without the data.
    `python -m rnnviz.data` writes the file again; tests/test_data.py checks it against the data.

    Returns:
        (20000,) int array: START included, as the book counts.
    """
    return np.load(BOOK_TRAIN_LENGTHS_FILE).astype(np.int64)


def compute_book_train_lengths() -> np.ndarray:
    """What `book_train_lengths` ships, computed from the data (in a helper process)."""
    return in_helper_process(_book_train_lengths)


def _book_train_lengths() -> np.ndarray:
    (x_train, y_train), _ = load_imdb(num_words=500)
    lengths, _, _, _ = book_split(review_lengths(x_train), y_train)  # same rows as the book's split
    return lengths


def review_lengths(sequences) -> np.ndarray:
    """Length of every sequence (the START id included, as the book counts)."""
    return np.fromiter((len(s) for s in sequences), dtype=np.int64, count=len(sequences))


@dataclass(frozen=True)
class LengthStats:
    """What `maxlen` does to a set of reviews."""

    count: int
    mean: float
    median: float
    maxlen: int
    share_truncated: float  # longer than maxlen: tokens are cut away
    share_padded: float  # shorter than maxlen: zeros are added


def length_stats(lengths: np.ndarray, maxlen: int) -> LengthStats:
    """Mean, median and the shares of reviews truncated / padded at `maxlen`."""
    lengths = np.asarray(lengths)
    return LengthStats(count=int(lengths.size), mean=float(np.mean(lengths)),
                       median=float(np.median(lengths)), maxlen=int(maxlen),
                       share_truncated=float(np.mean(lengths > maxlen)),
                       share_padded=float(np.mean(lengths < maxlen)))


@dataclass(frozen=True)
class TestReviews:
    """The 25,000 test reviews in `load_data`'s order, every word kept, in two flat arrays.

    A Python list per review costs ~225 MB for the test set; one int32 array
    (5.8 million ids) and the offsets cost ~23 MB, which a server can keep.
    """

    ids: np.ndarray  # (total tokens,) int32: every review's ids (START first), one after another
    offsets: np.ndarray  # (25001,) int64: review i is ids[offsets[i]:offsets[i + 1]]
    labels: np.ndarray  # (25000,) int64: 1 positive, 0 negative

    def __len__(self) -> int:
        return len(self.labels)

    def review(self, index: int, num_words: int | None = None) -> list[int]:
        """Review `index`'s ids as `load_data(num_words)` gives them (rarer words -> OOV)."""
        ids = self.ids[self.offsets[index]:self.offsets[index + 1]]
        if num_words is not None:
            ids = np.where(ids >= num_words, OOV, ids)
        return ids.tolist()


def load_test_reviews() -> TestReviews:
    """The test set as `load_data(num_words=None)` orders it, in compact arrays (read in a helper process).

    Raises:
        DataUnavailableError: the IMDB data cannot be found.
    """
    return in_helper_process(_load_test_reviews)


def _load_test_reviews() -> TestReviews:
    """The test set as `load_data(num_words=None)` orders it, in compact arrays.

    Raises:
        DataUnavailableError: the IMDB data cannot be found.
    """
    ranks, y_test = _local_test_split(data_dir() / NPZ_FILE)
    lengths = review_lengths(ranks) + 1  # + START
    ids = np.empty(int(lengths.sum()), dtype=np.int32)
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    for review, start in zip(ranks, offsets[:-1]):
        ids[start] = START
        ids[start + 1:start + 1 + len(review)] = np.asarray(review, dtype=np.int32) + INDEX_FROM
    return TestReviews(ids=ids, offsets=offsets, labels=np.asarray(y_test))


def _local_test_split(path: Path):
    """The test rows in `load_data`'s order, reading only the test arrays of the file.

    `load_data` shuffles the training set first with the same generator, which
    depends only on its length, so the training lists are never unpickled.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            train_labels = _read_npy(io.BytesIO(archive.read("y_train.npy")))
            x_test = _read_npy(io.BytesIO(archive.read("x_test.npy")))
            y_test = _read_npy(io.BytesIO(archive.read("y_test.npy")))
    except (OSError, zipfile.BadZipFile, pickle.UnpicklingError, KeyError, ValueError) as error:
        raise DataUnavailableError("data_file_broken", path=str(path),
                                   reason=f"{type(error).__name__}: {error}") from error
    rng = np.random.RandomState(SHUFFLE_SEED)
    rng.shuffle(np.arange(len(train_labels)))  # advance the generator as load_data does
    order = np.arange(len(x_test))
    rng.shuffle(order)
    return x_test[order], y_test[order]


if __name__ == "__main__":  # python -m rnnviz.data: write the shipped review lengths again from the data
    lengths = compute_book_train_lengths()
    assert lengths.max() < 2**15, lengths.max()
    files.save_npy_atomic(BOOK_TRAIN_LENGTHS_FILE, lengths.astype(np.int16))
    print(f"{BOOK_TRAIN_LENGTHS_FILE}: {len(lengths):,} lengths, mean {lengths.mean():.1f}")
