"""RunStore: run folders, atomic files, partial history, stale and damaged runs, the launch limit."""

import json
import os
import subprocess
import sys
import time

import numpy as np
import pytest

from rnnviz import config as cfg
from rnnviz import files, launch, launchers, processes, run_status, runs, train
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
    files.write_json(store.path(run_id) / runs.TEST_FILE, {"loss": 0.6, "accuracy": 0.71, "samples": 100})
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
                        pid_start=processes.process_start_ticks(os.getpid()))
    assert store.get(run_id).state == runs.RUNNING
    assert [run.id for run in store.active()] == [run_id]
    store.update_status(run_id, pid_start=12345)  # the pid was reused by another process
    assert store.get(run_id).state == runs.INTERRUPTED


def test_a_worker_ending_between_the_two_reads_is_read_as_it_ended_not_interrupted(store, monkeypatch):
    run_id = store.create(TINY)
    store.update_status(run_id, state=runs.RUNNING, pid=dead_pid(), epoch=1)

    def writes_its_end_and_exits(launcher, status):  # after status.json was read as running
        store.update_status(run_id, state=runs.DONE, ended=time.time())
        return False

    monkeypatch.setattr(launchers.LocalLauncher, "alive", writes_its_end_and_exits)
    assert store.get(run_id).state == runs.DONE


@pytest.mark.parametrize("damaged", [b"", b"[]", b'{"heartbeat": 1}', b'{"state": "running", "own'])
def test_the_worker_rewrites_a_damaged_status_from_its_own_copy(store, damaged):
    """Issue 24: status.json of a running run emptied; the heartbeat wrote {"heartbeat": ..., "batch": 19}, and
    the run lost its owner, state, pid and creation time."""
    run_id = store.create(TINY, owner="teacher")
    created = store.read_status(run_id)["created"]
    log = train.StatusLog(store, run_id, origin=created)
    log.update(state=runs.RUNNING, pid=os.getpid(), pid_start=processes.process_start_ticks(os.getpid()),
               started=time.time(), phase="training", epoch=0, batches=40)
    (store.path(run_id) / runs.STATUS_FILE).write_bytes(damaged)  # any writer, or a bad read on shared storage
    log.update(batch=19)  # the worker's next write
    run = store.get(run_id)
    assert run.state == runs.RUNNING and not run.damage and run.owned_by("teacher")
    assert (run.status.pid, run.status.created, run.status.batch, run.status.batches) == (os.getpid(), created, 19, 40)


def test_no_other_writer_builds_a_status_on_one_it_cannot_read(store):
    run_id = store.create(TINY, owner="teacher")
    status_file = store.path(run_id) / runs.STATUS_FILE
    status_file.write_bytes(b"")
    with pytest.raises(runs.RunError) as refused:
        store.update_status(run_id, state=runs.STOPPED)  # {"state": "stopped"}: nobody's run
    assert refused.value.key == "train_err_status_damaged" and status_file.read_bytes() == b""
    store.record_worker(run_id, {"owner": "teacher", "created": 1.0e9, "pid": 4242, "started": 1.0e9 + 1})
    store.update_status(run_id, state=runs.STOPPED)  # built on the identity the worker recorded
    assert store.read_status(run_id) == {"owner": "teacher", "created": 1.0e9, "started": 1.0e9 + 1, "launcher": None,
                                         "job": None, "pid": 4242, "pid_start": None, "state": runs.STOPPED}


def test_a_damaged_run_is_deletable_only_by_its_owner_or_the_operator_once_its_worker_ended(store):
    started = store.create(TINY, owner="teacher")  # its worker recorded whose run it is, then died
    store.record_worker(started, {**store.read_status(started), "pid": dead_pid(), "started": time.time()})
    never_started = store.create(TINY, owner="teacher")  # no worker.json: nothing says whose run it is
    for run_id in (started, never_started):
        (store.path(run_id) / runs.STATUS_FILE).write_bytes(b"")
    run = store.get(started)
    assert run.state == runs.BROKEN and not run.live and run.owned_by("teacher")
    with pytest.raises(runs.RunError) as refused:
        store.delete(started, visitor="student")
    assert refused.value.key == "train_err_not_yours"
    store.delete(started, visitor="teacher")
    run = store.get(never_started)
    assert run.state == runs.BROKEN and not run.owner_known
    assert not run.changeable_by("student") and not run.changeable_by("teacher")  # nobody can tell who it is
    for visitor in ("student", "teacher"):
        with pytest.raises(runs.RunError):
            store.delete(never_started, visitor=visitor)
    store.delete(never_started, visitor="student", operator=True)
    assert store.ids() == []


def test_a_queued_run_that_never_started_is_interrupted_after_a_grace_time(store):
    run_id = store.create(TINY)
    assert store.get(run_id).state == runs.QUEUED
    store.update_status(run_id, created=time.time() - runs.LAUNCH_GRACE_SECONDS - 1)
    assert store.get(run_id).state == runs.INTERRUPTED


def test_a_zombie_is_not_alive():
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    deadline = time.time() + 20
    while processes.process_alive(process.pid) and time.time() < deadline:
        time.sleep(0.05)
    assert not processes.process_alive(process.pid)  # finished, not yet reaped
    process.wait()
    assert processes.process_alive(os.getpid()) and not processes.process_alive(None)


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
    files.write_json(tmp_path / "status.json", {"state": "running", "epoch": 3})
    files.save_npz_atomic(tmp_path / "weights.npz", {"dense_bias": np.zeros(1)})
    files.write_json(tmp_path / "status.json", {"state": "done"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["status.json", "weights.npz"]
    assert json.loads((tmp_path / "status.json").read_text()) == {"state": "done"}


def test_a_launch_while_a_run_trains_waits_in_the_queue_without_a_slot(store):
    busy = store.create(TINY)
    store.update_status(busy, state=runs.RUNNING, pid=os.getpid())
    waiting = launch.launch(store, TINY, limits=launch.Limits(max_runs=1))
    run = store.get(waiting)
    assert run.state == runs.WAITING and not run.active and run.live  # no slot, not deletable
    assert run.status.pid is None and run.status.queue_number == 1 and run.launched == run.status.enqueued
    assert [r.id for r in store.active()] == [busy]


def test_max_runs_setting(monkeypatch):
    monkeypatch.setenv(launch.MAX_RUNS_ENV, "3")
    assert launch.Limits.from_environment().max_runs == 3
    monkeypatch.setenv(launch.MAX_RUNS_ENV, "lots")
    assert launch.Limits.from_environment().max_runs == 1
    monkeypatch.delenv(launch.MAX_RUNS_ENV)
    assert launch.Limits.from_environment().max_runs == 1


def test_runs_never_imports_keras():
    code = "import sys, rnnviz.launch, rnnviz.runs; assert not {'keras', 'tensorflow', 'jax'} & set(sys.modules)"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=runs.APP_ROOT)


def test_status_is_read_as_typed_fields_without_unknown_keys(store):
    run_id = store.create(TINY, owner="teacher")
    store.update_status(run_id, state=runs.RUNNING, pid=os.getpid(), phase="training", batch=3, batches=12,
                        epoch_seconds=[1.5, 2.0], best_val_accuracy=0.7, from_a_newer_worker=True)
    status = store.get(run_id).status
    assert isinstance(status, run_status.RunStatus) and status.state == runs.RUNNING
    assert (status.phase, status.batch, status.batches, status.batch_fraction) == ("training", 3, 12, 0.25)
    assert status.epoch_seconds == (1.5, 2.0) and status.owner == "teacher" and status.epochs == TINY.epochs
    assert status.error_params == {} and not status.early_stopped and status.silent_seconds is None
    assert not hasattr(status, "best_val_accuracy") and not hasattr(status, "from_a_newer_worker")


def test_steps_come_in_order_and_tolerate_a_damaged_or_partial_status(store):
    run_id = store.create(TINY)
    assert [name for name, _, _ in store.get(run_id).steps()] == list(run_status.STEPS)
    assert all(began is None and ended is None for _, began, ended in store.get(run_id).steps())
    store.update_status(run_id, steps={"epoch1": [2.5, None], "data": [0.2, 1.0], "keras": "nonsense",
                                       "model": [None, "x"]})
    steps = {name: (began, ended) for name, began, ended in store.get(run_id).steps()}
    assert steps["data"] == (0.2, 1.0) and steps["epoch1"] == (2.5, None)
    assert steps["keras"] == (None, None) and steps["model"] == (None, None)
    store.update_status(run_id, steps="broken")
    assert [began for _, began, _ in store.get(run_id).steps()] == [None] * len(run_status.STEPS)


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
    limits = launch.Limits()
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
        launch.launch(store, config)
    assert refused.value.key == key and not store.list()  # nothing started, no folder left
    message = t(key, "en", **refused.value.params)
    setting = "RNNVIZ_MAX_MEMORY_MB" if key.endswith("memory") else "RNNVIZ_MAX_PARAMS"
    assert setting in message and f"{refused.value.params['limit']:,}" in message
    assert (f"{refused.value.params['n']:,}" if "n" in refused.value.params
            else f"{refused.value.params['mb']:,.0f} MB") in message


def test_the_cost_limits_are_settings(monkeypatch):
    monkeypatch.setenv("RNNVIZ_MAX_MEMORY_MB", "500")
    monkeypatch.setenv("RNNVIZ_MAX_PARAMS", "5000")
    limits = launch.Limits.from_environment()
    assert (limits.max_memory_mb, limits.max_params) == (500, 5_000)
    with pytest.raises(runs.RunError, match="parameters"):
        limits.check(cfg.PRESETS["lstm"])  # 8,809 parameters
    with pytest.raises(runs.RunError, match="MB"):
        launch.Limits(max_memory_mb=500).check(cfg.PRESETS["lstm"])  # ~607 MB


# --- damaged run files (issue 12): checked by a schema, within size limits, never through a link ------------

import damaged_runs  # noqa: E402
from rnnviz import charts_train, run_files  # noqa: E402

REFERENCE = sorted(runs.RunStore(runs.REFERENCE_RUNS_DIR).ids())[-1]  # a finished run with every file
USER_ID = "20250101-000000-abcdef"


@pytest.fixture
def finished(store, tmp_path):
    """A finished run with weights and vocabulary (a copy of a reference run) and a folder outside the runs."""
    (tmp_path / "outside").mkdir()
    store.root.mkdir()
    return damaged_runs.copy_run(runs.REFERENCE_RUNS_DIR / REFERENCE, store.root, USER_ID)


def test_a_copied_reference_run_is_whole(store, finished):
    run = store.get(USER_ID)
    assert run.state == runs.DONE and not run.damage and run.epochs_run > 0
    assert run.load_weights() and run.vocabulary() is not None and run.history_csv()


@pytest.mark.parametrize("kind, reason", [
    ("started yesterday", "status.json: started"), ("started 1e20", "status.json: started"),
    ("speed fast", "status.json: seconds_per_epoch"), ("nested config", "config.json: nested too deep"),
    ("nested status", "status.json: nested too deep"), ("nested test", "test.json: nested too deep"),
    ("history nan epoch", "history.csv: epoch (line 5)"), ("history inf epoch", "history.csv: epoch (line 5)"),
    ("history cut", "history.csv holds NUL bytes"),
    ("history 1,000,000 rows", "history.csv is"), ("config 100 MB", "config.json is 104,857,600 bytes"),
    ("history link", "history.csv is a symbolic link"), ("folder link", "is a symbolic link")])
def test_a_damaged_file_makes_the_run_broken_with_the_reason_and_it_can_be_deleted(store, finished, tmp_path,
                                                                                     kind, reason):
    damaged_runs.damage(finished, kind, tmp_path / "outside")
    outside_before = sorted(p.name for p in (tmp_path / "outside").rglob("*"))
    run = store.get(USER_ID)  # never raises
    assert run.state == runs.BROKEN and reason in run.error, run.error
    assert all(line for line in charts_train.damage_lines(run, "ko"))  # the reason in both languages
    assert [r.id for r in store.list()] == [USER_ID]
    charts_train.runs_table(store.list(), "en")  # formats every field without raising
    store.delete(USER_ID)
    assert store.ids() == [] and not finished.exists() and not finished.is_symlink()
    assert sorted(p.name for p in (tmp_path / "outside").rglob("*")) == outside_before  # a link's target stays


def test_the_valid_fields_of_a_damaged_status_are_kept(store, finished):
    damaged_runs.damage(finished, "started yesterday", finished)
    status = json.loads((finished / runs.STATUS_FILE).read_text())
    (finished / runs.STATUS_FILE).write_text(json.dumps({**status, "owner": "teacher"}))
    run = store.get(USER_ID)
    assert run.state == runs.BROKEN and run.status.started is None and run.owner == "teacher"
    with pytest.raises(runs.RunError):
        store.delete(USER_ID, visitor="student")  # still only its owner's to delete
    store.delete(USER_ID, visitor="teacher")


def test_a_failed_status_with_an_error_key_but_no_params_gets_its_text(store, finished):
    damaged_runs.damage(finished, "failed without params", finished)
    run = store.get(USER_ID)
    assert run.state == runs.FAILED
    assert charts_train.failure_text(run, "en") == "no data"  # the stored text: the message needs its params
    status = json.loads((finished / runs.STATUS_FILE).read_text())
    (finished / runs.STATUS_FILE).write_text(json.dumps({**status, "error_key": "no_such_message"}))
    assert charts_train.failure_text(store.get(USER_ID), "ko") == "no data"


@pytest.mark.parametrize("field, value", [("created", "yesterday"), ("pid", 10**30), ("phase", "flying"),
                                          ("error_params", ["x"]), ("epochs", 0), ("state", "dancing"),
                                          ("seconds_per_epoch", float("nan")), ("early_stopped", "yes"),
                                          ("launcher", "slurm"), ("job", "rnnviz-x; rm -rf ~")])
def test_every_status_field_is_checked_by_type_and_range(store, finished, field, value):
    status = json.loads((finished / runs.STATUS_FILE).read_text())
    (finished / runs.STATUS_FILE).write_text(json.dumps({**status, field: value}))
    run = store.get(USER_ID)
    assert run.state == runs.BROKEN and f"status.json: {field} must be" in run.error


@pytest.mark.parametrize("content, reason", [
    ('{"loss": 0.5, "accuracy": 7}', "accuracy must be"), ('{"loss": 0.5}', "accuracy must be"),
    ('{"loss": "low", "accuracy": 0.5}', "loss must be"), ("[1]", "not a JSON object")])
def test_test_json_is_checked(store, finished, content, reason):
    (finished / runs.TEST_FILE).write_text(content)
    run = store.get(USER_ID)
    assert run.state == runs.BROKEN and reason in run.error and run.test is None


def test_a_nested_or_foreign_vocabulary_is_damaged_not_a_crash(store, finished):
    damaged_runs.damage(finished, "nested vocab", finished)
    with pytest.raises(run_files.DamagedFile, match="nested too deep"):
        store.get(USER_ID).vocabulary()
    (finished / runs.VOCAB_FILE).write_text(json.dumps({"num_words": 7, "words": ["a", "b"]}))
    with pytest.raises(run_files.DamagedFile, match="num_words"):
        store.get(USER_ID).vocabulary()  # not the run's vocabulary size
    store.delete(USER_ID)


def test_a_zip_bomb_is_refused_from_the_zip_directory_before_unpacking(store, finished, monkeypatch):
    damaged_runs.damage(finished, "weights zip bomb", finished)
    assert (finished / runs.WEIGHTS_FILE).stat().st_size < 1024 * 1024  # small on disk
    monkeypatch.setattr(np, "load", lambda *a, **k: pytest.fail("unpacked"))
    with pytest.raises(run_files.DamagedFile) as raised:
        store.get(USER_ID).load_weights()
    assert raised.value.key == "train_run_damaged_unpacked" and raised.value.params["size"] > 64 * 1024 * 1024
    store.delete(USER_ID)


def test_a_file_over_its_limit_is_never_read(store, finished, monkeypatch):
    damaged_runs.damage(finished, "history 1,000,000 rows", finished)
    monkeypatch.setattr(run_files, "parse_history", lambda *a: pytest.fail("read"))
    run = store.get(USER_ID)
    assert run.state == runs.BROKEN and run.damage[0].key == "train_run_damaged_too_large"
    assert run.history_csv() is None  # nor downloaded
    assert run.config is not None and run.epochs_run == 0  # the files within their limits are kept


def test_a_fifo_is_not_a_run_file_and_never_blocks(store, finished):
    (finished / runs.HISTORY_FILE).unlink()
    os.mkfifo(finished / runs.HISTORY_FILE)  # opening it for reading would wait for a writer
    run = store.get(USER_ID)
    assert run.state == runs.BROKEN and "history.csv is not a regular file" in run.error
    store.delete(USER_ID)


def test_a_linked_file_inside_a_run_is_not_read_served_or_followed_on_delete(store, finished, tmp_path):
    damaged_runs.damage(finished, "history link", tmp_path / "outside")
    (finished / runs.MODEL_FILE).unlink()
    (finished / runs.MODEL_FILE).symlink_to(tmp_path / "outside" / "hostname")
    run = store.get(USER_ID)
    assert run.history_csv() is None and not run.has_model and run.epochs_run == 0
    assert "secret-host" not in runs.log_tail(run)
    store.delete(USER_ID)
    assert (tmp_path / "outside" / "hostname").read_text() == "secret-host\n"


def test_read_history_reads_40000_rows_in_one_pass(tmp_path):
    """40,000 rows took 2 s (a list rebuilt per row); the bench measures it (bench/bench_run_files.py)."""
    path = tmp_path / "history.csv"
    path.write_text(damaged_runs.HEADER + damaged_runs.history_rows(40_000), newline="")
    history = runs.read_history(path, limit=path.stat().st_size)
    assert history["epoch"] == list(range(1, 40_001))
    assert history["val_loss"][-1] == pytest.approx(0.7 - 39_999e-6) and len(history["loss"]) == 40_000
    with pytest.raises(run_files.DamagedFile):  # a run of 1,000 epochs has no room for them
        runs.read_history(path)


def test_a_history_missing_a_column_stays_aligned_and_a_bad_row_is_damage(tmp_path):
    path = tmp_path / "history.csv"
    path.write_text("epoch,loss\r\n0,0.7\r\n1,0.6\r\n", newline="")
    history = runs.read_history(path)
    assert history["epoch"] == [1, 2] and history["loss"] == [0.7, 0.6]
    assert all(np.isnan(history["val_loss"]))
    path.write_text("epoch,loss\r\n0,0.7\r\n1,fast\r\n2,0.5\r\n", newline="")
    with pytest.raises(run_files.DamagedFile, match="line 3"):
        runs.read_history(path)


def test_a_history_cut_while_keras_wrote_it_is_damaged_not_a_header_of_junk(store, finished, tmp_path):
    """Emptied mid-run, the file reads as NUL bytes up to Keras's offset, then its next row: not 0 epochs."""
    damaged_runs.damage(finished, "history cut", tmp_path / "outside")
    assert (finished / runs.HISTORY_FILE).read_bytes().startswith(b"\0")
    run = store.get(USER_ID)
    assert run.state == runs.BROKEN and [damage.key for damage in run.damage] == ["train_run_damaged_nul"]
    assert "cut while being written" in " ".join(charts_train.damage_lines(run, "en"))
    (finished / runs.HISTORY_FILE).write_text("\ufffd\ufffd4,0.5,0.69,0.5,0.68\r\n", newline="")  # junk, no NUL
    assert "line 1 is not a header" in store.get(USER_ID).error


def test_run_files_are_parsed_once_per_file_identity(store, finished, monkeypatch):
    run_files.clear_cache()
    parsed = []
    original = run_files.parse_history
    monkeypatch.setattr(run_files, "parse_history", lambda *a: parsed.append(1) or original(*a))
    before = store.get(USER_ID)
    store.get(USER_ID)
    store.list()
    assert len(parsed) == 1  # reruns find the same file: not parsed again
    with open(finished / runs.HISTORY_FILE, "a", newline="") as handle:
        handle.write(damaged_runs.history_rows(1, before.epochs_run))  # the worker appends an epoch
    assert store.get(USER_ID).epochs_run == before.epochs_run + 1 and len(parsed) == 2


def test_the_cache_of_parsed_files_stays_within_its_byte_budget(store, finished, monkeypatch):
    run_files.clear_cache()
    weights_bytes = sum(array.nbytes for array in store.get(USER_ID).load_weights().values())
    monkeypatch.setattr(run_files, "CACHE_BYTES", weights_bytes * 3)
    for i in range(6):  # six versions of the file: the oldest are let go
        (finished / runs.WEIGHTS_FILE).write_bytes((finished / runs.WEIGHTS_FILE).read_bytes())
        os.utime(finished / runs.WEIGHTS_FILE, ns=(i, i))
        store.get(USER_ID).load_weights()
    assert 0 < run_files._CACHE.used <= weights_bytes * 3
    with pytest.raises(ValueError):
        store.get(USER_ID).load_weights()["embedding"][0, 0] = 1.0  # shared arrays are read-only
