"""RunStore: run folders, atomic files, partial history, stale and damaged runs, the launch limit."""

import json
import os
import subprocess
import sys
import time

import numpy as np
import pytest

from rnnviz import config as cfg
from rnnviz import runs
from rnnviz.runs import RunStore

TINY = cfg.PRESETS["lstm"].replace(max_train_samples=300, epochs=2, max_test_samples=100)
HEADER = "epoch,accuracy,loss,val_accuracy,val_loss\r\n"


def rows(*values):
    return "".join(f"{i},{a},{l},{va},{vl}\r\n" for i, (a, l, va, vl) in enumerate(values))


@pytest.fixture
def store(tmp_path):
    return RunStore(tmp_path / "runs")


def dead_pid():
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_create_writes_config_and_a_queued_status(store):
    run_id = store.create(TINY)
    assert runs.check_run_id(run_id) == run_id
    folder = store.root / run_id
    assert sorted(p.name for p in folder.iterdir()) == ["config.json", "status.json"]
    run = store.get(run_id)
    assert run.config == TINY and run.state == runs.QUEUED and run.active
    assert run.epochs_run == 0 and run.best_epoch is None and run.test is None
    assert not [p for p in store.root.iterdir() if p.name.startswith(".new-")]


def test_default_root_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(runs.RUNS_DIR_ENV, str(tmp_path / "elsewhere"))
    assert RunStore().root == tmp_path / "elsewhere"
    monkeypatch.delenv(runs.RUNS_DIR_ENV)
    assert RunStore().root == runs.APP_ROOT / "runs"


@pytest.mark.parametrize("bad", ["../etc", "20250101-120000-a1b2c3/..", "", "x" * 22, "20250101-120000-A1B2C3"])
def test_run_ids_are_checked_before_becoming_paths(store, bad):
    with pytest.raises(ValueError):
        store.get(bad)
    with pytest.raises(ValueError):
        store.request_stop(bad)


def test_unknown_run_is_a_run_error(store):
    with pytest.raises(runs.RunError) as raised:
        store.get("20250101-120000-a1b2c3")
    assert raised.value.key == "train_err_no_run"


def test_list_is_newest_first(store):
    ids = [store.create(TINY) for _ in range(3)]  # likely within one second
    assert [run.id for run in store.list()] == ids[::-1]
    assert RunStore(store.root / "missing").list() == []


def test_history_reader_skips_a_partial_last_line(store, tmp_path):
    path = tmp_path / "history.csv"
    path.write_text(HEADER + rows((0.5, 0.69, 0.52, 0.68), (0.6, 0.66, 0.61, 0.65)) + "2,0.7,0.6", newline="")
    history = runs.read_history(path)
    assert history["epoch"] == [1, 2]
    assert history["val_loss"] == [0.68, 0.65]
    assert runs.read_history(tmp_path / "none.csv")["epoch"] == []
    path.write_text("epoch,acc", newline="")  # header still being written
    assert runs.read_history(path)["epoch"] == []


def test_best_epoch_and_metrics_come_from_the_history(store):
    run_id = store.create(TINY)
    (store.path(run_id) / runs.HISTORY_FILE).write_text(
        HEADER + rows((0.5, 0.69, 0.5, 0.68), (0.6, 0.6, 0.7, 0.55), (0.7, 0.5, 0.69, 0.58)), newline="")
    runs.write_json(store.path(run_id) / runs.TEST_FILE, {"loss": 0.6, "accuracy": 0.71, "samples": 100})
    store.update_status(run_id, state=runs.DONE, seconds_per_epoch=1.5, early_stopped=True)
    run = store.get(run_id)
    assert (run.epochs_run, run.best_epoch, run.best_val_loss, run.best_val_accuracy) == (3, 2, 0.55, 0.7)
    assert run.test_accuracy == 0.71 and run.early_stopped and not run.active
    assert run.remaining_seconds() is None and run.preset == "lstm"


def test_a_running_status_without_its_process_is_interrupted(store):
    run_id = store.create(TINY)
    (store.path(run_id) / runs.HISTORY_FILE).write_text(HEADER + rows((0.5, 0.69, 0.5, 0.68)), newline="")
    store.update_status(run_id, state=runs.RUNNING, pid=dead_pid(), epoch=1)
    run = store.get(run_id)
    assert run.state == runs.INTERRUPTED and not run.active
    assert run.epochs_run == 1 and run.best_epoch == 1  # the history it has
    assert store.active() == []


def test_a_live_process_keeps_its_run_running(store):
    run_id = store.create(TINY)
    store.update_status(run_id, state=runs.RUNNING, pid=os.getpid(),
                        pid_start=runs.process_start_ticks(os.getpid()))
    assert store.get(run_id).state == runs.RUNNING
    assert [run.id for run in store.active()] == [run_id]
    store.update_status(run_id, pid_start=12345)  # the pid was reused by another process
    assert store.get(run_id).state == runs.INTERRUPTED


def test_a_queued_run_that_never_started_is_interrupted_after_a_grace_time(store):
    run_id = store.create(TINY)
    assert store.get(run_id).state == runs.QUEUED
    store.update_status(run_id, created=time.time() - runs.LAUNCH_GRACE_SECONDS - 1)
    assert store.get(run_id).state == runs.INTERRUPTED


def test_a_zombie_is_not_alive():
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    deadline = time.time() + 20
    while runs.process_alive(process.pid) and time.time() < deadline:
        time.sleep(0.05)
    assert not runs.process_alive(process.pid)  # finished, not yet reaped
    process.wait()
    assert runs.process_alive(os.getpid()) and not runs.process_alive(None)


def test_damaged_folders_do_not_break_list(store):
    good = store.create(TINY)
    empty = "20200101-000000-000001"
    (store.root / empty).mkdir()
    bad_json = "20200101-000000-000002"
    (store.root / bad_json).mkdir()
    (store.root / bad_json / runs.CONFIG_FILE).write_text("{not json")
    (store.root / bad_json / runs.STATUS_FILE).write_text('{"state": "done"}')
    bad_status = "20200101-000000-000003"
    (store.root / bad_status).mkdir()
    (store.root / bad_status / runs.CONFIG_FILE).write_text(cfg.to_json(TINY))
    (store.root / bad_status / runs.STATUS_FILE).write_text('["no"]')
    (store.root / bad_status / runs.HISTORY_FILE).write_bytes(b"\xff\xfe garbage\n1,2\n")
    (store.root / "not-a-run").mkdir()
    (store.root / "20200101-000000-000004").write_text("a file, not a folder")
    listed = {run.id: run for run in store.list()}
    assert set(listed) == {good, empty, bad_json, bad_status}
    assert listed[good].state == runs.QUEUED
    assert all(listed[i].state == runs.BROKEN for i in (empty, bad_json, bad_status))
    assert listed[bad_json].config is None and "config.json" in listed[bad_json].error
    store.delete(empty)  # a damaged run can still be deleted
    assert empty not in store.ids()


def test_request_stop_and_delete(store):
    run_id = store.create(TINY)
    store.update_status(run_id, state=runs.RUNNING, pid=os.getpid())
    assert not store.stop_requested(run_id)
    store.request_stop(run_id)
    assert store.stop_requested(run_id)
    with pytest.raises(runs.RunError) as raised:
        store.delete(run_id)
    assert raised.value.key == "train_err_delete_active"
    store.update_status(run_id, state=runs.STOPPED)
    store.delete(run_id)
    assert store.list() == []


def test_atomic_writes_leave_no_temporary_files(tmp_path):
    runs.write_json(tmp_path / "status.json", {"state": "running", "epoch": 3})
    runs.save_npz_atomic(tmp_path / "weights.npz", {"dense_bias": np.zeros(1)})
    runs.write_json(tmp_path / "status.json", {"state": "done"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["status.json", "weights.npz"]
    assert json.loads((tmp_path / "status.json").read_text()) == {"state": "done"}


def test_launch_is_refused_while_a_run_trains(store):
    busy = store.create(TINY)
    store.update_status(busy, state=runs.RUNNING, pid=os.getpid())
    with pytest.raises(runs.RunError) as raised:
        runs.launch(store, TINY, limits=runs.Limits(max_runs=1))
    assert raised.value.key == "train_err_busy" and raised.value.params["limit"] == 1
    assert store.ids() == [busy]


def test_max_runs_setting(monkeypatch):
    monkeypatch.setenv(runs.MAX_RUNS_ENV, "3")
    assert runs.Limits.from_environment().max_runs == 3
    monkeypatch.setenv(runs.MAX_RUNS_ENV, "lots")
    assert runs.Limits.from_environment().max_runs == 1
    monkeypatch.delenv(runs.MAX_RUNS_ENV)
    assert runs.Limits.from_environment().max_runs == 1


def test_runs_never_imports_keras():
    code = "import sys, rnnviz.runs; assert not {'keras', 'tensorflow', 'jax'} & set(sys.modules)"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=runs.APP_ROOT)


def test_steps_come_in_order_and_tolerate_a_damaged_or_partial_status(store):
    run_id = store.create(TINY)
    assert [name for name, _, _ in store.get(run_id).steps()] == list(runs.STEPS)
    assert all(began is None and ended is None for _, began, ended in store.get(run_id).steps())
    store.update_status(run_id, steps={"epoch1": [2.5, None], "data": [0.2, 1.0], "keras": "nonsense",
                                       "model": [None, "x"]})
    steps = {name: (began, ended) for name, began, ended in store.get(run_id).steps()}
    assert steps["data"] == (0.2, 1.0) and steps["epoch1"] == (2.5, None)
    assert steps["keras"] == (None, None) and steps["model"] == (None, None)
    store.update_status(run_id, steps="broken")
    assert [began for _, began, _ in store.get(run_id).steps()] == [None] * len(runs.STEPS)


def test_batch_fraction_within_an_epoch(store):
    run_id = store.create(TINY)
    assert store.get(run_id).batch_fraction is None
    store.update_status(run_id, batch=20, batches=80)
    assert store.get(run_id).batch_fraction == 0.25
    store.update_status(run_id, batch=90, batches=80)
    assert store.get(run_id).batch_fraction == 1.0
    store.update_status(run_id, batch=3, batches=0)
    assert store.get(run_id).batch_fraction is None


def test_the_books_models_and_every_reference_run_fit_the_default_limits():
    limits = runs.Limits()
    for config in [*cfg.PRESETS.values(), *(cfg.quick(c) for c in cfg.PRESETS.values()),
                   *(run.config for run in RunStore(runs.REFERENCE_RUNS_DIR).list())]:
        limits.check(config)  # raises RunError when refused


@pytest.mark.parametrize("config, key", [
    (cfg.RunConfig(inputs="onehot", num_words=5_000, maxlen=1_000, batch_size=512), "train_err_limit_memory"),
    (cfg.RunConfig(cell="LSTM", num_words=cfg.IMDB_MAX_WORDS, maxlen=1_000, embedding_dim=512, units=256, layers=2,
                   batch_size=4_096, epochs=100), "train_err_limit_params"),  # every field at its bound: 46.7M
    (cfg.RunConfig(num_words=cfg.IMDB_MAX_WORDS, embedding_dim=512), "train_err_limit_params"),  # 363 MB best.keras
])
def test_a_run_the_server_cannot_hold_is_refused_before_launch_naming_estimate_limit_and_setting(store, config, key):
    from rnnviz.i18n import t

    with pytest.raises(runs.RunError) as refused:
        runs.launch(store, config)
    assert refused.value.key == key and not store.list()  # nothing started, no folder left
    message = t(key, "en", **refused.value.params)
    setting = "RNNVIZ_MAX_MEMORY_MB" if key.endswith("memory") else "RNNVIZ_MAX_PARAMS"
    assert setting in message and f"{refused.value.params['limit']:,}" in message
    assert (f"{refused.value.params['n']:,}" if "n" in refused.value.params
            else f"{refused.value.params['mb']:,.0f} MB") in message


def test_the_cost_limits_are_settings(monkeypatch):
    monkeypatch.setenv("RNNVIZ_MAX_MEMORY_MB", "500")
    monkeypatch.setenv("RNNVIZ_MAX_PARAMS", "5000")
    limits = runs.Limits.from_environment()
    assert (limits.max_memory_mb, limits.max_params) == (500, 5_000)
    with pytest.raises(runs.RunError, match="parameters"):
        limits.check(cfg.PRESETS["lstm"])  # 8,809 parameters
    with pytest.raises(runs.RunError, match="MB"):
        runs.Limits(max_memory_mb=500).check(cfg.PRESETS["lstm"])  # ~607 MB
