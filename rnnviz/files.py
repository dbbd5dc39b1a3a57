"""Writing files so that a reader never sees half of one, and clearing what a killed writer left.

Every file is written to a temporary name beside it, then `os.replace`d: the rename is atomic,
so a reader finds the old file or the new one. A write that fails (a full disk) removes its
temporary file; one left by a process killed while writing is removed by `remove_temporary_files`
once it is `STALE_TEMPORARY_SECONDS` old. The runs folder (`rnnviz.runs`), the worker
(`rnnviz.train`) and the data caches (`rnnviz.data`) all write through `write_atomic`.
"""

from __future__ import annotations

import errno
import fnmatch
import io
import json
import os
import secrets
import time
from pathlib import Path

import numpy as np

# write_atomic's temporary files, and the worker's ModelCheckpoint (moved to best.keras whole)
TEMPORARY_FILES = (".*.tmp", ".checkpoint-tmp.keras")
STALE_TEMPORARY_SECONDS = 600  # a temporary file this old was left by a process that died writing it
DISK_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
DISK_FULL_TEXT = os.strerror(errno.ENOSPC)  # "No space left on device", as a log shows it


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write `content` to `path` through a temporary file and `os.replace`.

    A write that fails (a full disk) removes its temporary file: nothing half written is left.
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    mode = "wb" if isinstance(content, bytes) else "w"
    try:
        with open(tmp, mode, **({} if isinstance(content, bytes) else {"encoding": "utf-8"})) as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_json(path: Path, values: dict) -> None:
    write_atomic(path, json.dumps(values, indent=2, allow_nan=True))


def save_npz_atomic(path: Path, arrays: dict[str, np.ndarray]) -> None:
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    write_atomic(path, buffer.getvalue())


def save_npy_atomic(path: Path, array: np.ndarray) -> None:
    buffer = io.BytesIO()
    np.save(buffer, array)
    write_atomic(path, buffer.getvalue())


def remove_temporary_files(folder: Path, older_than: float = STALE_TEMPORARY_SECONDS,
                           pid: int | None = None) -> None:
    """Remove the temporary files (`TEMPORARY_FILES`) in `folder` last written `older_than` seconds ago or more;
    with `pid`, only that process's own (write_atomic names them `.<name>.<pid>.<random>.tmp`, and a
    checkpoint is the worker's). Links are removed, never followed; a file that cannot be removed stays."""
    if Path(folder).is_symlink():
        return  # never act on what a link points to
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if not any(fnmatch.fnmatchcase(entry.name, pattern) for pattern in TEMPORARY_FILES):
            continue
        if pid is not None and entry.name.endswith(".tmp") and f".{pid}." not in entry.name:
            continue
        try:
            if now - entry.stat(follow_symlinks=False).st_mtime >= older_than:
                os.unlink(entry.path)
        except OSError:
            pass


def is_disk_full(error: BaseException) -> bool:
    """True when `error`, or an error it was raised from, says the disk (or the quota) is full."""
    while error is not None:
        if isinstance(error, OSError) and error.errno in DISK_FULL_ERRNOS:
            return True
        error = error.__cause__ or error.__context__
    return False
