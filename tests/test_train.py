"""The training worker: complete run folders on both backends, stop, failure, a missing dataset."""

import errno
import json
import os
import subprocess
import sys
import time

import keras
import numpy as np
import pytest

from rnnviz import data, files, run_files, run_status, runs, train
from rnnviz import weights as weights_file
from rnnviz import config as cfg
from rnnviz.runs import RunStore
from rnnviz.text import pad_sequences

ROOT = runs.APP_ROOT
TINY = dict(max_train_samples=300, max_test_samples=200)


def run_worker(args, backend, env_extra):
    env = {**os.environ, "KERAS_BACKEND": backend, "TF_CPP_MIN_LOG_LEVEL": "3", **env_extra}
    return subprocess.run([sys.executable, "-m", "rnnviz.train", *args, "--backend", backend], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("backend, preset", [("jax", "onehot-simplernn"), ("tensorflow", "gru")])
@pytest.mark.worker
def test_one_epoch_makes_a_complete_run_folder(backend, preset, local_data, tmp_path):
    result = run_worker(["--preset", preset, "--epochs", "1", "--max-samples", "300", "--max-test-samples", "200",
                         "--runs-dir", str(tmp_path)], backend, {"RNNVIZ_DATA_DIR": str(local_data)})
    assert result.returncode == 0, result.stdout + result.stderr
    store = RunStore(tmp_path)
    [run] = store.list()
    assert run.config == cfg.PRESETS[preset].replace(epochs=1, backend=backend, **TINY)
    assert run.state == runs.DONE and run.status.backend == backend and run.error is None
    assert (run.status.train_samples, run.status.val_samples, run.status.test_samples) == (300, 75, 200)
    assert run.epochs_run == 1 and run.best_epoch == 1 and run.status.epoch == 1
    assert set(run.history) >= {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert run.seconds_per_epoch > 0 and run.status.ended >= run.status.started
    assert run.test["samples"] == 200 and 0 <= run.test_accuracy <= 1
    model = keras.models.load_model(run.model_path, safe_mode=True)
    weights = store.load_weights(run.id)
    assert str(weights["cell"]) == run.config.cell and str(weights["inputs"]) == run.config.inputs
    # weights.npz holds the checkpoint's weights, in the numpy cells' layout
    (x_train, _), _ = data.load_imdb(run.config.num_words)
    ids = pad_sequences(list(x_train[:2]), maxlen=run.config.maxlen)  # (2, maxlen)
    expected = model.predict(ids, verbose=0)[:, 0]
    got = [weights_file.predict(weights, row) for row in ids]  # the pages' numpy model
    np.testing.assert_allclose(got, expected, atol=1e-4)
    leftovers = [p.name for p in run.path.iterdir() if p.name.startswith(".")]
    assert leftovers == []
    # vocab.json: the words of ids 4 .. num_words - 1, so a new review is numbered as load_data numbers it
    assert run.vocabulary().encode("the film br zyxq") == [1, 4, 22, 10, 2]
    assert run.vocabulary().size == run.config.num_words


def tiny_run(store, **changes):
    config = cfg.PRESETS["lstm"].replace(**{"epochs": 3, **TINY, **changes})
    return store.create(config)


@pytest.mark.worker
def test_stop_request_ends_with_status_stopped_and_keeps_history(local_data, tmp_path):
    store = RunStore(tmp_path)
    run_id = tiny_run(store)
    store.request_stop(run_id)  # asked before the first batch: one batch, then stop
    assert train.train(store, run_id) == runs.STOPPED
    run = store.get(run_id)
    assert run.state == runs.STOPPED and run.epochs_run == 1 and run.history["val_loss"]
    assert run.has_model and (run.path / runs.WEIGHTS_FILE).is_file()
    assert run.test is None  # a stopped run is not evaluated


def test_an_exception_ends_with_status_failed_and_its_message(local_data, tmp_path, monkeypatch):
    def broken(config):
        raise RuntimeError("the model could not be built")

    monkeypatch.setattr("rnnviz.models.build_model", broken)
    store = RunStore(tmp_path)
    run_id = tiny_run(store)
    assert train.train(store, run_id) == runs.FAILED
    run = store.get(run_id)
    assert run.state == runs.FAILED and run.error == "RuntimeError: the model could not be built"
    assert run.status.ended >= run.status.started


def test_a_missing_dataset_fails_fast_with_the_data_message(tmp_path, monkeypatch):
    empty = tmp_path / "no-data"
    empty.mkdir()
    monkeypatch.setenv(data.DATA_DIR_ENV, str(empty))
    store = RunStore(tmp_path / "runs")
    run_id = tiny_run(store)
    assert train.train(store, run_id) == runs.FAILED
    run = store.get(run_id)
    with pytest.raises(data.DataUnavailableError) as expected:
        data.local_data_dir()
    assert run.error == expected.value.message("en")
    assert run.status.error_key == "data_dir_incomplete" and run.status.error_params["env"] == "RNNVIZ_DATA_DIR"
    assert run.epochs_run == 0 and not run.has_model


def test_cli_for_an_existing_run_and_bad_arguments(tmp_path):
    with pytest.raises(SystemExit):
        train.parse_args([])
    with pytest.raises(SystemExit):
        train.parse_args(["--preset", "lstm", "--backend", "torch"])
    assert train.main(["--runs-dir", str(tmp_path), "--run-id", "../../etc"]) == 2
    args = train.parse_args(["--preset", "gru", "--epochs", "2", "--max-samples", "400", "--num-words", "200"])
    config = train.config_from_args(args, None)
    assert config == cfg.PRESETS["gru"].replace(epochs=2, max_train_samples=400, num_words=200)


def test_config_file_option(tmp_path):
    path = tmp_path / "c.json"
    path.write_text(cfg.to_json(cfg.PRESETS["lstm-2layer"]))
    args = train.parse_args(["--config", str(path), "--max-test-samples", "10"])
    assert train.config_from_args(args, None) == cfg.PRESETS["lstm-2layer"].replace(max_test_samples=10)


def test_seconds_per_epoch_leaves_out_the_compiling_epoch():
    assert train.seconds_per_epoch([9.0, 1.0, 2.0, 1.5]) == 1.5
    assert train.seconds_per_epoch([4.0]) == 4.0
    assert train.seconds_per_epoch([]) is None


def test_the_heartbeat_is_written_while_the_worker_is_busy_with_no_news(tmp_path, monkeypatch):
    """Importing Keras, reading data or compiling writes nothing for seconds: the heartbeat thread still does."""
    monkeypatch.setattr(run_status, "HEARTBEAT_SECONDS", 0.05)
    store = RunStore(tmp_path)
    run_id = tiny_run(store)
    log = train.StatusLog(store, run_id, origin=time.time())
    beats = set()
    with log.heartbeat():  # the main thread only watches
        deadline = time.monotonic() + 60
        while len(beats) < 3 and time.monotonic() < deadline:
            beats.add(store.read_status(run_id).get("heartbeat"))
    assert len(beats - {None}) >= 2
    assert store.read_status(run_id)["state"] == runs.QUEUED  # the heartbeat changes nothing else


def test_a_worker_whose_status_cannot_be_read_at_its_start_trains_nothing(tmp_path):
    """Whose run it is is unknown: it would write a status naming no owner, anyone's run."""
    store = RunStore(tmp_path)
    run_id = tiny_run(store)
    (store.path(run_id) / runs.STATUS_FILE).write_bytes(b"")
    assert train.main(["--runs-dir", str(tmp_path), "--run-id", run_id]) == 2
    assert (store.path(run_id) / runs.STATUS_FILE).read_bytes() == b""  # nothing written, no worker.json
    assert not (store.path(run_id) / runs.WORKER_FILE).exists()


@pytest.mark.parametrize("full", ["the checkpoint", "everything"])
def test_a_full_disk_while_training_ends_the_run_naming_it_and_leaves_no_temporary_file(
        full, local_data, tmp_path, monkeypatch, capfd):
    """The disk fills when epoch 1's checkpoint is moved into place; then (`everything`) no status fits either."""
    store = RunStore(tmp_path)
    run_id = tiny_run(store, epochs=2)
    folder = store.path(run_id)
    real_replace, real_open = os.replace, open
    disk = {"full": False}

    def no_space(path):
        return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    def replace(source, destination, *args, **kwargs):
        if os.path.basename(source) == train._TMP_CHECKPOINT:
            disk["full"] = True
            raise no_space(destination)
        return real_replace(source, destination, *args, **kwargs)

    def open_for_runs(path, mode="r", *args, **kwargs):  # a write begins, then finds no room
        handle = real_open(path, mode, *args, **kwargs)
        if disk["full"] and full == "everything" and "w" in mode:
            handle.write(b"{" if "b" in mode else "{")
            handle.close()
            raise no_space(path)
        return handle

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(files, "open", open_for_runs, raising=False)
    assert train.train(store, run_id) == runs.FAILED  # returns: the worker does not crash
    assert [path.name for path in folder.iterdir() if path.name.startswith(".")] == []  # nothing half written
    assert os.strerror(errno.ENOSPC) in capfd.readouterr().err  # worker.log names it
    status = json.loads((folder / runs.STATUS_FILE).read_text())  # always a whole file
    if full == "everything":
        assert status["state"] == runs.RUNNING  # the page finds the run interrupted, and its log
    else:
        assert status["state"] == runs.FAILED and status["error_key"] == "train_err_disk_full_run"


# --- the first curve point: steps in order (the cached data: tests/test_training_data.py) -----------------------------------------------


@pytest.mark.worker
def test_the_worker_writes_its_steps_in_order_before_the_first_point(local_data, tmp_path, monkeypatch):
    monkeypatch.setenv(data.CACHE_DIR_ENV, str(tmp_path / "cache"))
    store = RunStore(tmp_path / "runs")
    run_id = tiny_run(store, epochs=2)
    writes = []
    real_rewrite = store.rewrite_status  # the worker writes its own copy of the status (issue 24)

    def recording(run_id_, own):
        status = real_rewrite(run_id_, own)
        history = runs.read_history(store.path(run_id) / runs.HISTORY_FILE)
        writes.append((dict(status), len(history["epoch"])))
        return status

    monkeypatch.setattr(store, "rewrite_status", recording)
    assert train.train(store, run_id) == runs.DONE
    status = json.loads((store.path(run_id) / runs.STATUS_FILE).read_text())  # valid JSON, written to the end
    assert status["state"] == "done" and status["epoch"] == 2 and status["pid"] == os.getpid()
    worker = json.loads((store.path(run_id) / runs.WORKER_FILE).read_text())  # its identity, written as it started
    assert worker == {name: status.get(name) for name in run_files.WORKER_FIELDS} and worker["pid"] == os.getpid()
    assert status["best_epoch"] in (1, 2) and status["phase"] is None and len(status["epoch_seconds"]) == 2
    assert status["started"] <= status["heartbeat"] <= status["ended"] + 1
    phases = [status.get("phase") for status, _ in writes]
    seen = [phase for i, phase in enumerate(phases) if i == 0 or phase != phases[i - 1]]
    assert seen == ["preparing", "compiling", "training", "testing", None]
    # each step ends after it begins, in run_status.STEPS order of ending; data and Keras overlap
    steps = writes[-1][0]["steps"]
    assert set(steps) == set(run_status.STEPS)
    assert all(began <= ended for began, ended in steps.values())
    assert steps["python"][1] <= steps["data"][0]
    assert steps["data"][0] == pytest.approx(steps["keras"][0], abs=0.05)  # side by side (two clock reads)
    assert max(steps["data"][1], steps["model"][1]) <= steps["compile"][0] <= steps["compile"][1]
    assert steps["compile"][1] <= steps["epoch1"][0] <= steps["epoch1"][1]
    # the first curve point (history.csv) exists only once epoch 1 has ended, never before
    first_row = next(i for i, (_, rows) in enumerate(writes) if rows)
    assert writes[first_row][0]["steps"]["epoch1"][1] is not None
    assert all(status.get("steps", {}).get("epoch1", [0, None])[1] is None for status, _ in writes[:first_row])
    # the page saw each step as running before it saw it done
    opened = [name for name in run_status.STEPS if any(s.get("steps", {}).get(name, [None, 1])[1] is None
                                                  for s, _ in writes)]
    assert set(opened) >= {"data", "keras", "model", "compile", "epoch1"}
    # batches within an epoch: the last report is reset to 0 at the epoch's end
    assert writes[-1][0]["batches"] == -(-run_samples(store, run_id) // 64) and writes[-1][0]["batch"] == 0


def run_samples(store, run_id):
    return store.get(run_id).config.train_samples
