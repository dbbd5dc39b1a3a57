"""Reading a run folder's files safely: whoever can write to the runs folder can put anything there.

It is long because its one job is a security boundary: the same rules (no link, size before reading,
every field checked) for each of the run's files, kept in one file so they can be audited together.

A 100 MB `config.json`, JSON nested 100,000 deep, a `history.csv` of a million rows, a zip
bomb named `weights.npz`, `"started": "yesterday"`, a link to `/etc/hostname`: every reader
here

- opens the file itself, never through a symbolic link (`O_NOFOLLOW`), and only a regular file
  (a FIFO would block the page: `O_NONBLOCK`);
- checks its size against a limit before reading (`fstat`), and a zip's unpacked sizes, from
  its directory, before unpacking;
- checks every field it returns by type and range (a small schema per file);
- keeps what it parsed by the file's identity (device, inode, mtime, size), so a rerun that
  finds the same file does not parse it again.

A file that breaks a rule raises `DamagedFile` with the reason (`key` and `params` give it in
the page's language); the run is listed as broken with it, and stays deletable.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import math
import os
import re
import stat
import threading
import zipfile
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

from rnnviz import config as cfg
from rnnviz.config import RunConfig
from rnnviz.models import total_params
from rnnviz.text import INDEX_FROM, Vocabulary

# --- size limits, checked before a byte is read --------------------------------------------------
JSON_BYTES = 64 * 1024  # status.json, config.json, test.json: a few hundred bytes each when written by the worker
HISTORY_ROW_BYTES = 1024  # a CSVLogger row of 5 numbers is ~100 bytes
VOCAB_WORD_BYTES = 100  # a vocab.json word line, `    "word",` with non-ASCII escaped, averages ~15 bytes
WEIGHT_PARAM_BYTES = 8  # weights.npz: float32 (4 bytes) as written; float64 allowed
MODEL_PARAM_BYTES = 16  # best.keras: the weights, RMSprop's slot for each, float32, and room
ARCHIVE_BYTES = 1024 * 1024  # headers, names and the model's JSON in an archive
WEIGHT_MEMBERS = 64  # weights.npz holds 2 + 3 per layer + 3 arrays
LOG_TAIL_BYTES = 64 * 1024  # the end of worker.log the page shows

# --- field ranges --------------------------------------------------------------------------------
MAX_TIMESTAMP = 253_402_300_799  # 9999-12-31 23:59:59 UTC: the last second `time.strftime` can show
MAX_SECONDS = 10**9  # ~32 years: any real duration
MAX_COUNT = 2**31 - 1
PHASES = ("queued", "preparing", "compiling", "training", "testing")  # status.json "phase" (None: between)

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class DamagedFile(ValueError):
    """A run file that breaks its rules; `key` and `params` give the reason in the page's language."""

    def __init__(self, key: str, message: str, **params: Any) -> None:
        super().__init__(message)
        self.key = key
        self.params = params

    def bare(self) -> DamagedFile:
        """The same reason, without a traceback or the exception it came from."""
        return DamagedFile(self.key, str(self), **self.params)


def _damaged_field(file: str, name: str, value: Any, expected: str) -> DamagedFile:
    shown = repr(value)
    shown = shown if len(shown) <= 40 else shown[:37] + "..."
    return DamagedFile("train_run_damaged_field", f"{file}: {name} must be {expected}, got {shown}",
                       file=file, field=name, value=shown)


# --- opening a file -------------------------------------------------------------------------------


def _open(path: Path) -> tuple[BinaryIO, os.stat_result] | None:
    """`path` opened for reading (its handle and fstat), None if missing; never a link or a non-file."""
    name = path.name
    try:
        if stat.S_ISLNK(os.lstat(path).st_mode):  # O_NOFOLLOW below closes the race; this names the reason
            raise _link(name)
        descriptor = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        return None
    except OSError as error:
        if error.errno == errno.ELOOP:  # replaced by a link since lstat
            raise _link(name) from error
        raise DamagedFile("train_run_damaged_unreadable", f"{name}: {error.strerror}", file=name,
                          error=error.strerror or type(error).__name__) from error
    handle = os.fdopen(descriptor, "rb")
    info = os.fstat(handle.fileno())
    if not stat.S_ISREG(info.st_mode):
        handle.close()
        raise DamagedFile("train_run_damaged_not_file", f"{name} is not a regular file", file=name)
    return handle, info


def _link(name: str) -> DamagedFile:
    return DamagedFile("train_run_damaged_link", f"{name} is a symbolic link (not followed)", file=name)


def _check_size(name: str, size: int, limit: int | None) -> None:
    if limit is not None and size > limit:
        raise DamagedFile("train_run_damaged_too_large", f"{name} is {size:,} bytes, over its limit of {limit:,}",
                          file=name, size=size, limit=limit)


def check_present(path: Path, limit: int | None = None) -> None:
    """DamagedFile when `path` is a link, not a regular file, or over `limit` bytes; a missing file passes.

    Only `lstat`: for files the page does not read now (the model, the log, the stop mark).
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as error:
        raise DamagedFile("train_run_damaged_unreadable", f"{path.name}: {error.strerror}", file=path.name,
                          error=error.strerror or type(error).__name__) from error
    if stat.S_ISLNK(info.st_mode):
        raise _link(path.name)
    if not stat.S_ISREG(info.st_mode):
        raise DamagedFile("train_run_damaged_not_file", f"{path.name} is not a regular file", file=path.name)
    _check_size(path.name, info.st_size, limit)


def is_regular_file(path: Path) -> bool:
    """True for a regular file that is not a link (`Path.is_file` follows links)."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def read_bytes(path: Path, limit: int | None) -> bytes | None:
    """The file's bytes (None if missing), read only when it is a regular file within `limit`; not cached."""
    opened = _open(path)
    if opened is None:
        return None
    handle, info = opened
    with handle:
        _check_size(path.name, info.st_size, limit)
        content = handle.read(limit + 1 if limit is not None else -1)
    _check_size(path.name, len(content), limit)  # it grew since fstat
    return content


def read_tail(path: Path, max_bytes: int = LOG_TAIL_BYTES) -> bytes:
    """The last `max_bytes` of a regular file (b"" if missing): a huge log costs no more than a small one."""
    opened = _open(path)
    if opened is None:
        return b""
    handle, info = opened
    with handle:
        handle.seek(max(info.st_size - max_bytes, 0))
        return handle.read(max_bytes)


# --- the cache by file identity ------------------------------------------------------------------

CACHE_BYTES = 256 * 1024 * 1024  # what parsed run files may hold in memory at most (weights count their arrays)
CACHE_ENTRIES = 4096
TEXT_COST = 10  # a parsed text file takes about this many times its size in Python objects


@dataclass
class _Cache:
    """Parsed files (or their DamagedFile) by (reader, limit, path, device, inode, mtime_ns, size); least
    recently used first out once over `CACHE_BYTES`."""

    entries: OrderedDict = field(default_factory=OrderedDict)  # key -> (value or DamagedFile, cost)
    used: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self, key: tuple) -> tuple[bool, Any]:
        with self.lock:
            if key not in self.entries:
                return False, None
            self.entries.move_to_end(key)
            return True, self.entries[key][0]

    def put(self, key: tuple, value: Any, cost: int) -> None:
        if cost > CACHE_BYTES:
            return
        with self.lock:
            if key in self.entries:
                return
            self.entries[key] = (value, cost)
            self.used += cost
            while self.used > CACHE_BYTES or len(self.entries) > CACHE_ENTRIES:
                _, (_, dropped) = self.entries.popitem(last=False)
                self.used -= dropped

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.used = 0


_CACHE = _Cache()


def clear_cache() -> None:
    _CACHE.clear()


def _cached(path: Path, limit: int | None, parse: Callable[[BinaryIO, str], Any], *context: Any) -> Any:
    """`parse(handle, name)` of the file at `path`, or the value parsed before from the same file.

    Returns None for a missing file; raises DamagedFile (also when cached).
    """
    opened = _open(path)
    if opened is None:
        return None
    handle, info = opened
    with handle:
        key = (parse.__name__, limit, context, str(path), info.st_dev, info.st_ino, info.st_mtime_ns, info.st_size)
        found, value = _CACHE.get(key)
        if not found:
            try:
                _check_size(path.name, info.st_size, limit)
                value = parse(handle, path.name, *context)
            except DamagedFile as error:
                value = error.bare()  # no traceback: it would keep the parser's frames (and the bytes) alive
            _CACHE.put(key, value, _cost(value, info.st_size))
    if isinstance(value, DamagedFile):
        raise value.bare()  # a fresh one: raising the cached one would grow its traceback at every rerun
    return value


def _cost(value: Any, size: int) -> int:
    if isinstance(value, DamagedFile):
        return 1024
    if isinstance(value, dict) and value and all(isinstance(v, np.ndarray) for v in value.values()):
        return sum(array.nbytes for array in value.values()) + size
    return max(size, 1024) * TEXT_COST


# --- JSON with a schema --------------------------------------------------------------------------


def _json_object(handle: BinaryIO, name: str) -> dict:
    try:
        values = json.loads(handle.read().decode("utf-8"))
    except RecursionError as error:  # nested thousands deep: the parser's stack gives out
        raise DamagedFile("train_run_damaged_format", f"{name}: nested too deep", file=name,
                          error="nested too deep") from error
    except ValueError as error:  # also UnicodeDecodeError and ints of more than 4,300 digits
        raise DamagedFile("train_run_damaged_format", f"{name}: not valid JSON ({error})", file=name,
                          error=str(error)[:200]) from error
    if not isinstance(values, dict):
        raise DamagedFile("train_run_damaged_format", f"{name}: not a JSON object", file=name, error="not an object")
    return values


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _number(low: float, high: float, nan: bool = False) -> tuple[Callable[[Any], bool], str]:
    def check(value: Any) -> bool:
        return _is_number(value) and (low <= value <= high or (nan and math.isnan(value)))
    return check, f"a number from {low:g} to {high:g}" + (" (or NaN)" if nan else "")


def _integer(low: int, high: int) -> tuple[Callable[[Any], bool], str]:
    return (lambda value: isinstance(value, int) and not isinstance(value, bool) and low <= value <= high,
            f"a whole number from {low:,} to {high:,}")


def _one_of(*choices: str) -> tuple[Callable[[Any], bool], str]:
    return (lambda value: value in choices), "one of " + ", ".join(choices)


def _matching(pattern: str, text: str) -> tuple[Callable[[Any], bool], str]:
    return (lambda value: isinstance(value, str) and re.fullmatch(pattern, value) is not None), text


def _of_type(kind: type, text: str) -> tuple[Callable[[Any], bool], str]:
    return (lambda value: isinstance(value, kind)), text


def _list_of(item: tuple[Callable[[Any], bool], str]) -> tuple[Callable[[Any], bool], str]:
    return (lambda value: isinstance(value, list) and all(map(item[0], value))), f"a list of {item[1]}s"


def _scalars(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and (v is None or isinstance(v, (str, int, float))) for k, v in value.items())


_TIME = _number(0, MAX_TIMESTAMP)
_SECONDS = _number(0, MAX_SECONDS)
_COUNT = _integer(0, MAX_COUNT)
_TEXT = _of_type(str, "text")
_UNIT = _number(0, 1)
# status.json, as the worker and the page write it. Every field may be null or absent; fields not
# listed are kept unchecked (a newer worker may add some). The state's choices come from the caller.
STATUS_SCHEMA: dict[str, tuple[Callable[[Any], bool], str]] = {
    "created": _TIME, "started": _TIME, "ended": _TIME, "heartbeat": _TIME,
    "enqueued": _TIME, "queue_number": _integer(1, MAX_COUNT),
    "elapsed": _SECONDS, "seconds_per_epoch": _SECONDS, "epoch_seconds": _list_of(_SECONDS),
    "pid": _integer(1, MAX_COUNT), "pid_start": _integer(0, 2**63 - 1),
    "epochs": _integer(1, int(cfg.BOUNDS["epochs"][1])), "epoch": _COUNT, "best_epoch": _COUNT,
    "batch": _COUNT, "batches": _COUNT,
    "train_samples": _COUNT, "val_samples": _COUNT, "test_samples": _COUNT,
    "peak_memory_mb": _number(0, 10**9), "early_stopped": _of_type(bool, "true or false"),
    "ended_by_owner": _of_type(bool, "true or false"),
    "phase": _one_of(*PHASES), "backend": _TEXT, "owner": _TEXT,
    "launcher": _one_of("local", "ray"), "job": _matching(r"rnnviz-\d{8}-\d{6}-[0-9a-f]{6}", "a run's job id"),
    "error": _TEXT, "error_key": _TEXT, "error_params": (_scalars, "an object of texts and numbers"),
    "steps": _of_type(dict, "an object"),
}
# worker.json (`runs.RunStore.record_worker`): the identity the worker started with, written once.
WORKER_FIELDS = ("owner", "created", "started", "launcher", "job", "pid", "pid_start")
WORKER_SCHEMA = {name: STATUS_SCHEMA[name] for name in WORKER_FIELDS}
TEST_SCHEMA = {"loss": _number(0, math.inf, nan=True), "accuracy": _UNIT, "samples": _COUNT, "best_epoch": _COUNT}


def check_fields(file: str, values: dict, schema: dict) -> list[DamagedFile]:
    """The fields of `values` that break `schema` (None is always allowed)."""
    return [_damaged_field(file, name, values[name], expected) for name, (check, expected) in schema.items()
            if values.get(name) is not None and not check(values[name])]


def read_status(path: Path, states: tuple[str, ...]) -> tuple[dict, list[DamagedFile]]:
    """status.json's fields that pass their checks, and the reasons for those that do not.

    Not cached: the worker rewrites it several times a second, and a rewrite may reuse the
    inode, size and (coarse) mtime of the version before.

    Returns:
        ({} and one reason when the file is missing, damaged or has no valid state).
    """
    try:
        content = read_bytes(path, JSON_BYTES)
        values = None if content is None else _json_object(io.BytesIO(content), path.name)
    except DamagedFile as error:
        return {}, [error]
    if values is None:
        return {}, [DamagedFile("train_run_damaged_missing", f"{path.name} is missing", file=path.name)]
    problems = check_fields(path.name, values, {**STATUS_SCHEMA, "state": _one_of(*states)})
    if values.get("state") is None:
        problems.insert(0, _damaged_field(path.name, "state", None, "one of " + ", ".join(states)))
    bad = {problem.params["field"] for problem in problems}
    return {name: value for name, value in values.items() if name not in bad}, problems


def read_json(path: Path) -> dict | None:
    """A JSON object of at most `JSON_BYTES` (None: missing); not cached, no schema (the worker's own
    status, read before it is changed)."""
    content = read_bytes(path, JSON_BYTES)
    return None if content is None else _json_object(io.BytesIO(content), path.name)


def _parse_worker(handle: BinaryIO, name: str) -> dict:
    values = _json_object(handle, name)
    problems = check_fields(name, values, WORKER_SCHEMA)
    if "owner" not in values:  # null is a command line run's (anyone's); absent says nothing
        problems.insert(0, _damaged_field(name, "owner", None, "an owner's hash or null"))
    if problems:
        raise problems[0]
    return {field: values.get(field) for field in WORKER_FIELDS}


def read_worker(path: Path) -> dict | None:
    """worker.json's identity fields (`WORKER_FIELDS`), checked; None if missing. Cached: written once."""
    values = _cached(path, JSON_BYTES, _parse_worker)
    return dict(values) if values is not None else None


def _parse_config(handle: BinaryIO, name: str) -> RunConfig:
    values = _json_object(handle, name)
    try:
        return cfg.from_dict(values)
    except (ValueError, TypeError) as error:
        raise DamagedFile("train_run_damaged_invalid", f"{name}: {error}", file=name, error=str(error)[:200]) from error


def read_config(path: Path) -> RunConfig | None:
    """config.json as a checked RunConfig (`config.validate`); None if missing."""
    return _cached(path, JSON_BYTES, _parse_config)


def _parse_test(handle: BinaryIO, name: str) -> dict:
    values = _json_object(handle, name)
    problems = check_fields(name, values, TEST_SCHEMA)
    if values.get("accuracy") is None:
        problems.insert(0, _damaged_field(name, "accuracy", None, TEST_SCHEMA["accuracy"][1]))
    if problems:
        raise problems[0]
    return values


def read_test(path: Path) -> dict | None:
    """test.json ({"loss", "accuracy", "samples", ...}, checked); None if missing."""
    values = _cached(path, JSON_BYTES, _parse_test)
    return dict(values) if values is not None else None


# --- history.csv ---------------------------------------------------------------------------------

HISTORY_COLUMNS = ("loss", "accuracy", "val_loss", "val_accuracy")
_METRIC_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")  # CSVLogger's header: "epoch" and Keras's metric names


def history_limit(config: RunConfig | None) -> int:
    """history.csv's size limit: a generous row per epoch the run may train, and a header."""
    epochs = config.epochs if config is not None else int(cfg.BOUNDS["epochs"][1])
    return (epochs + 1) * HISTORY_ROW_BYTES


def empty_history() -> dict[str, list[float]]:
    return {"epoch": [], **{name: [] for name in HISTORY_COLUMNS}}


def _metric(value: str) -> float:
    return math.nan if value in ("", "NA") else float(value)  # ValueError for anything but a number


def parse_history(text: str, name: str = "history.csv") -> dict[str, list[float]]:
    """The per-epoch metrics of a CSVLogger file, epochs counted from 1, in one pass over its rows.

    Only complete lines are read: a row Keras is still writing is skipped. A metric may be NaN
    or infinite (a diverged run); the epoch must be a whole number, increasing.

    Raises:
        DamagedFile: NUL bytes, a header that is not column names, a row that is not numbers, or of
            another length than the header.
    """
    if "\0" in text:  # cut (emptied) while Keras kept writing at its old offset: the gap reads as NUL bytes
        raise DamagedFile("train_run_damaged_nul", f"{name} holds NUL bytes (cut while being written)", file=name)
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines.pop()  # still being written
    rows = csv.reader(lines)
    header = next(rows, None)
    history = empty_history()
    if not header:
        return history
    if not all(_METRIC_NAME.fullmatch(column) for column in header):
        raise DamagedFile("train_run_damaged_header", f"{name}: line 1 is not a header of column names",
                          file=name)
    columns: list[list[float]] = [[] for _ in header]
    for line, row in enumerate(rows, start=2):
        if len(row) != len(header):
            raise DamagedFile("train_run_damaged_line", f"{name}: line {line} has {len(row)} fields, the header "
                              f"{len(header)}", file=name, line=line)
        try:
            for column, value in zip(columns, row):
                column.append(_metric(value))
        except ValueError as error:
            raise DamagedFile("train_run_damaged_line", f"{name}: line {line}: {error}", file=name, line=line) from error
    count = len(columns[0])
    epochs = columns[header.index("epoch")] if "epoch" in header else [float(i) for i in range(count)]
    history["epoch"] = _epoch_numbers(epochs, name)
    history.update({column: [math.nan] * count for column in HISTORY_COLUMNS})  # a column the file lacks stays aligned
    history.update({column: values for column, values in zip(header, columns) if column != "epoch"})
    return history


def _epoch_numbers(epochs: list[float], name: str) -> list[int]:
    """CSVLogger's 0-based epochs as 1-based ints; DamagedFile for NaN, fractions or a step back."""
    numbers, last = [], -1
    for line, epoch in enumerate(epochs, start=2):
        if not (math.isfinite(epoch) and epoch == int(epoch) and last < epoch <= MAX_COUNT):
            raise _damaged_field(name, f"epoch (line {line})", epoch, "a whole number above the one before")
        last = epoch
        numbers.append(int(epoch) + 1)
    return numbers


def _parse_history_file(handle: BinaryIO, name: str) -> dict[str, list[float]]:
    return parse_history(handle.read().decode("utf-8", errors="replace"), name)


def read_history(path: Path, limit: int) -> dict[str, list[float]]:
    """history.csv of at most `limit` bytes (`history_limit`), parsed (`parse_history`); empty if missing."""
    history = _cached(path, limit, _parse_history_file)
    return {column: list(values) for column, values in history.items()} if history is not None else empty_history()


# --- vocab.json ----------------------------------------------------------------------------------


def vocab_limit(num_words: int) -> int:
    return num_words * VOCAB_WORD_BYTES + JSON_BYTES


def _parse_vocabulary(handle: BinaryIO, name: str, num_words: int | None) -> Vocabulary:
    values = _json_object(handle, name)
    stored, words = values.get("num_words"), values.get("words")
    if not (isinstance(stored, int) and not isinstance(stored, bool) and cfg.BOUNDS["num_words"][0] <= stored
            <= cfg.BOUNDS["num_words"][1] and stored == (num_words or stored)):
        raise _damaged_field(name, "num_words", stored, f"the run's num_words ({num_words})")
    if values.get("index_from", INDEX_FROM) != INDEX_FROM:
        raise _damaged_field(name, "index_from", values.get("index_from"), str(INDEX_FROM))
    if not (isinstance(words, list) and len(words) <= stored and all(isinstance(word, str) and word for word in words)
            and len(set(words)) == len(words)):
        raise _damaged_field(name, "words", words if not isinstance(words, list) else f"{len(words)} items",
                             f"a list of at most {stored} different words")
    return Vocabulary(ranks={word: rank for rank, word in enumerate(words, start=1)}, num_words=stored,
                      source="imdb")


def read_vocabulary(path: Path, num_words: int | None) -> Vocabulary | None:
    """vocab.json as a Vocabulary (checked against the run's `num_words`); None if missing. Shared: do not change it."""
    limit = vocab_limit(num_words or int(cfg.BOUNDS["num_words"][1]))
    return _cached(path, limit, _parse_vocabulary, num_words)


# --- weights.npz ---------------------------------------------------------------------------------


def weights_limit(config: RunConfig) -> int:
    """The most weights.npz may unpack to: every parameter as float64, and its headers."""
    return total_params(config) * WEIGHT_PARAM_BYTES + ARCHIVE_BYTES


def model_limit(config: RunConfig) -> int:
    return total_params(config) * MODEL_PARAM_BYTES + ARCHIVE_BYTES


def _parse_weights(handle: BinaryIO, name: str, limit: int) -> dict[str, np.ndarray]:
    """The arrays of an npz, each member's unpacked size checked from the zip directory before unpacking."""
    try:
        with zipfile.ZipFile(handle) as archive:
            members = archive.infolist()
            if len(members) > WEIGHT_MEMBERS:
                raise DamagedFile("train_run_damaged_invalid", f"{name}: {len(members)} arrays", file=name,
                                  error=f"{len(members)} arrays")
            unpacked = sum(member.file_size for member in members)
            if unpacked > limit:
                biggest = max(members, key=lambda member: member.file_size)
                raise DamagedFile("train_run_damaged_unpacked", f"{name} unpacks to {unpacked:,} bytes ({biggest.filename}: "
                                  f"{biggest.file_size:,}), over its limit of {limit:,}", file=name,
                                  size=unpacked, limit=limit)
        handle.seek(0)
        with np.load(handle, allow_pickle=False) as arrays:  # arrays only: a file can hold no code
            weights = {key: arrays[key] for key in arrays.files}
    except DamagedFile:
        raise
    except Exception as error:  # noqa: BLE001 - zip, npy-header, short reads: all mean "unusable"
        raise DamagedFile("train_run_damaged_invalid", f"{name}: {type(error).__name__}: {error}", file=name,
                          error=f"{type(error).__name__}: {str(error)[:200]}") from error
    for array in weights.values():
        array.flags.writeable = False  # shared by every caller through the cache
    return weights


def read_weights(path: Path, config: RunConfig) -> dict[str, np.ndarray] | None:
    """weights.npz's arrays by name (read-only; shared), None if missing; the limit follows from `config`."""
    limit = weights_limit(config)
    weights = _cached(path, limit, _parse_weights, limit)
    return dict(weights) if weights is not None else None
