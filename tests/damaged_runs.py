"""Run folders damaged the ways issue 12 found (anyone who can write to the runs folder can make them).

Each maker takes the folder of a finished run (config.json, status.json, history.csv, ...)
and damages it; `OUTSIDE` files stand for what lies beyond the runs folder.
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import numpy as np

from rnnviz import runs

# json.loads raises RecursionError. Issue 12's 100,000 levels are over the 64 kB limit of a run's JSON
# files, so they are refused by size; 30,000 fit, so the parser's own guard is tested.
NESTED = "[" * 30_000 + "]" * 30_000


def _status(folder: Path, **changes) -> None:
    status = json.loads((folder / runs.STATUS_FILE).read_text())
    (folder / runs.STATUS_FILE).write_text(json.dumps({**status, **changes}))


HEADER = "epoch,accuracy,loss,val_accuracy,val_loss\r\n"


def history_rows(count: int, epoch=None) -> str:
    """`count` CSVLogger rows, without the header (epoch i, or `epoch` on every row)."""
    return "".join(f"{i if epoch is None else epoch},0.5,0.69,0.5,{0.7 - i * 1e-6}\r\n" for i in range(count))


def copy_run(source: Path, runs_dir: Path, run_id: str) -> Path:
    """A copy of the finished run `source` (a reference run) as a visitor's run `run_id` made from the CLI."""
    import shutil

    target = runs_dir / run_id
    shutil.copytree(source, target)
    return target


def zip_bomb(path: Path, megabytes: int = 64) -> None:
    """A valid npz whose one array unpacks to `megabytes` of zeros (a few hundred kB on disk)."""
    count = megabytes * 1024 * 1024 // 4
    header = np.lib.format.header_data_from_array_1_0(np.zeros(1, np.float32)) | {"shape": (count,)}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive, archive.open("embedding.npy", "w") as member:
        np.lib.format.write_array_header_1_0(member, header)
        zeros = bytes(1024 * 1024)
        for _ in range(megabytes):
            member.write(zeros)


def damage(folder: Path, kind: str, outside: Path) -> None:
    """Damage the run in `folder` as `kind` (one of KINDS); `outside` is a folder beyond the runs folder."""
    if kind == "started yesterday":
        _status(folder, started="yesterday")
    elif kind == "started 1e20":
        _status(folder, started=1e20)
    elif kind == "speed fast":
        _status(folder, seconds_per_epoch="fast")
    elif kind == "failed without params":
        _status(folder, state=runs.FAILED, error="no data", error_key="data_dir_incomplete", error_params=None)
    elif kind in ("nested config", "nested status", "nested test", "nested vocab"):
        name = {"config": runs.CONFIG_FILE, "status": runs.STATUS_FILE, "test": runs.TEST_FILE,
                "vocab": runs.VOCAB_FILE}[kind.split()[1]]
        (folder / name).write_text(NESTED)
    elif kind in ("history nan epoch", "history inf epoch"):
        (folder / runs.HISTORY_FILE).write_text(HEADER + history_rows(3) + history_rows(1, kind.split()[1]),
                                                 newline="")
    elif kind == "history cut":  # emptied while Keras kept writing at its offset (CSVLogger's mode "w")
        path = folder / runs.HISTORY_FILE
        with open(path, "r+", newline="") as keras_handle:
            keras_handle.seek(0, os.SEEK_END)
            os.truncate(path, 0)  # another writer, or a bad read on the shared storage
            keras_handle.write(history_rows(1, epoch=50))
    elif kind == "history 1,000,000 rows":
        (folder / runs.HISTORY_FILE).write_text(HEADER + history_rows(1_000_000), newline="")
    elif kind == "config 100 MB":
        with open(folder / runs.CONFIG_FILE, "r+b") as handle:
            handle.truncate(100 * 1024 * 1024)  # sparse: costs no disk, would cost 36 s to parse
    elif kind == "weights zip bomb":
        zip_bomb(folder / runs.WEIGHTS_FILE)
    elif kind == "history link":
        target = outside / "hostname"
        target.write_text("secret-host\n")
        (folder / runs.HISTORY_FILE).unlink()
        (folder / runs.HISTORY_FILE).symlink_to(target)
    elif kind == "folder link":
        target = outside / folder.name
        os.rename(folder, target)
        folder.symlink_to(target, target_is_directory=True)
    else:
        raise ValueError(kind)


KINDS = ("started yesterday", "started 1e20", "speed fast", "failed without params", "nested config",
         "nested status", "nested test", "nested vocab", "history nan epoch", "history inf epoch",
         "history cut", "history 1,000,000 rows", "config 100 MB", "weights zip bomb", "history link", "folder link")


def make_all(source: Path, runs_dir: Path, outside: Path) -> dict[str, str]:
    """One copy of the finished run `source` per damage of KINDS in `runs_dir`: {kind: run id}."""
    outside.mkdir(exist_ok=True)
    runs_dir.mkdir(exist_ok=True)
    made = {}
    for i, kind in enumerate(KINDS):
        run_id = f"20250101-{i:06d}-abcdef"
        folder = copy_run(source, runs_dir, run_id)
        _status(folder, created=1_700_000_000 + 60 * i)  # a name of its own in the menus
        damage(folder, kind, outside)
        made[kind] = run_id
    return made
