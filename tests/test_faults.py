"""Faults a class will cause: a killed worker, a restarted server, click bursts, other visitors' runs."""

import errno
import json
import multiprocessing
import os
import re
import signal
import subprocess
import sys
import time

import pytest

import conftest
from conftest import ROOT, wait_until
from model_helpers import VISITOR
from rnnviz import charts_train, files, launch, owner, processes, run_files, run_status, runs
from rnnviz import config as cfg
from rnnviz.i18n import t
from rnnviz.launch import Limits
from rnnviz.runs import RunError, RunStore

# Long enough to be caught mid-run, small enough to start at once: 2,000 reviews, up to 40 epochs.
SLOW = cfg.PRESETS["embedding-simplernn"].replace(max_train_samples=2_000, max_test_samples=200, epochs=40,
                                                  patience=100, backend="jax")
LONG = SLOW.replace(max_train_samples=None, epochs=100)  # ~1 min on the full split: outlives a page opening
TINY = SLOW.replace(max_train_samples=64, epochs=1, max_test_samples=32)


@pytest.fixture
def store(tmp_path, local_data, monkeypatch):
    monkeypatch.setenv("RNNVIZ_RUNS_DIR", str(tmp_path / "runs"))
    return RunStore(tmp_path / "runs")


@pytest.mark.worker
def test_a_worker_killed_mid_run_is_interrupted_keeps_its_history_and_frees_the_slot(store):
    run_id = launch.launch(store, SLOW, owner=VISITOR)  # launched from the tests' browser
    wait_until(lambda: store.get(run_id).epochs_run >= 2)
    os.kill(store.read_status(run_id)["pid"], signal.SIGKILL)
    wait_until(lambda: store.get(run_id).state == runs.INTERRUPTED, timeout=30)
    run = store.get(run_id)
    assert run.epochs_run >= 2 and run.best_val_loss is not None
    figure = charts_train.history_figure([run], "en")
    assert len(figure.data[0].x) == run.epochs_run  # the history so far is plotted
    at = conftest.open_page("views/train.py", "en")
    at.selectbox(key="train_selected@en").set_value(run_id).run()
    assert any("disappeared before it finished" in w.value for w in at.warning)
    next_id = launch.launch(store, TINY)  # the slot is free again
    wait_until(lambda: not store.get(next_id).active)
    assert store.get(next_id).state == runs.DONE


_LAUNCH_AND_EXIT = """
import sys
sys.path.insert(0, sys.argv[1])
from rnnviz import config as cfg, launch, runs
config = cfg.from_json(sys.argv[3])
print(launch.launch(runs.RunStore(sys.argv[2]), config, owner=sys.argv[4]))
"""


@pytest.mark.worker
def test_a_run_outlives_the_server_that_started_it(store):
    """The launching process exits (a server restart); a fresh page finds the run, live or finished."""
    launcher = subprocess.run([sys.executable, "-c", _LAUNCH_AND_EXIT, str(ROOT), str(store.root),
                               cfg.to_json(LONG), VISITOR], capture_output=True, text=True, timeout=60, check=True)
    run_id = launcher.stdout.strip().splitlines()[-1]
    wait_until(lambda: store.get(run_id).epochs_run >= 1)
    at = conftest.open_page("views/train.py", "en")  # a new server process's first page
    if store.get(run_id).state == runs.RUNNING:  # usually: the live panel is back, and its owner can stop it
        assert any(m.value.startswith("**Training** ·") for m in at.markdown)
        store.request_stop(run_id, visitor=VISITOR)
        wait_until(lambda: store.get(run_id).state == runs.STOPPED)
    run = store.get(run_id)
    assert run.state in (runs.STOPPED, runs.DONE) and run.epochs_run >= 1 and run.has_model
    at = conftest.open_page("views/train.py", "en", reveal=1)  # the comparison comes after the question
    tables = [" ".join(map(str, df.value.values.ravel())) for df in at.dataframe]
    assert any(charts_train.run_label(run, "en") in table for table in tables)  # listed by its name
    assert run_id in at.multiselect(key="train_compare@en").value and at.get("plotly_chart")  # with its curves


def _launch_one(root, number, queue):
    try:
        queue.put(("ok", launch.launch(RunStore(root), TINY, owner=f"visitor-{number}")))
    except RunError as error:
        queue.put((error.key, None))


@pytest.mark.parametrize("max_runs", [1, 3])
@pytest.mark.worker
def test_a_burst_of_20_launches_from_many_sessions_queues_the_rest_and_trains_each_once(store, monkeypatch,
                                                                                      stand_in_worker, max_runs):
    """20 server processes launching at once (the stand-in worker of tests/queue_worker.py, the real queue;
    tests/test_queue.py has the same from threads, and real workers)."""
    monkeypatch.setenv("RNNVIZ_MAX_RUNS", str(max_runs))
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    workers = [context.Process(target=_launch_one, args=(str(store.root), n, queue)) for n in range(20)]
    for worker in workers:
        worker.start()
    results = [queue.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    launched = [run_id for key, run_id in results if key == "ok"]
    assert len(launched) == 20 and len(set(launched)) == 20  # none refused: over the cap they wait
    assert sorted(store.ids()) == sorted(launched)  # one folder per run, none half made
    wait_until(lambda: len(stand_in_worker.started()) == max_runs)
    assert sum(run.state == runs.WAITING for run in store.list()) == 20 - max_runs
    stand_in_worker.open_gate()
    wait_until(lambda: not any(run.live for run in store.list()))
    assert sorted(stand_in_worker.started()) == sorted(launched)  # each trained once, no run lost
    assert all(store.get(run_id).state == runs.DONE for run_id in launched)
    training, most = 0, 0  # never more than the cap at once
    for event, _ in stand_in_worker.events():
        training += 1 if event == "start" else -1
        most = max(most, training)
    assert most == max_runs


def test_only_the_visitor_who_launched_a_run_may_stop_or_delete_it(store):
    run_id = store.create(TINY, owner="alice")
    store.update_status(run_id, state=runs.DONE)
    with pytest.raises(RunError) as refused:
        store.request_stop(run_id, visitor="bob")
    assert refused.value.key == "train_err_not_yours"
    with pytest.raises(RunError):
        store.delete(run_id, visitor="bob")
    assert store.get(run_id).state == runs.DONE  # still there
    cli_run = store.create(TINY)  # made from the command line: no owner
    store.update_status(cli_run, state=runs.DONE)
    store.delete(cli_run, visitor="bob")
    store.delete(run_id, visitor="alice")
    assert store.ids() == []


@pytest.mark.parametrize("damaged", ["emptied", "rewritten by the heartbeat"])
def test_a_damaged_status_never_hands_a_running_run_to_anyone(store, monkeypatch, damaged):
    """Issue 24: status.json of a running run emptied, then written as {"heartbeat": ..., "batch": 19}: the next
    waiting run started at once (two workers with RNNVIZ_MAX_RUNS=1), the owner lost Stop, a stranger deleted
    the folder while the worker still wrote to it."""
    worker = subprocess.Popen(["sleep", "600"], start_new_session=True)  # the run's worker, alive
    try:
        run_id = store.create(TINY.replace(epochs=20), owner="teacher")
        process = {"pid": worker.pid, "pid_start": processes.process_start_ticks(worker.pid), "started": time.time()}
        store.record_worker(run_id, {**store.read_status(run_id), **process})  # as the worker does, starting
        store.update_status(run_id, state=runs.RUNNING, heartbeat=time.time(), phase="training", **process)
        content = b"" if damaged == "emptied" else json.dumps({"heartbeat": time.time(), "batch": 19}).encode()
        (store.path(run_id) / runs.STATUS_FILE).write_bytes(content)
        run = store.get(run_id)
        assert run.active and run.live and run.owned_by("teacher") and not run.changeable_by("student")
        monkeypatch.setattr(launch, "worker_command", lambda store, run_id: ["true"])
        waiting = launch.launch(store, TINY, owner="student", limits=Limits(max_runs=1))
        assert store.get(waiting).state == runs.WAITING  # no second worker: the slot is still taken
        for change in (store.request_stop, store.end, store.delete):
            with pytest.raises(RunError) as refused:
                change(run_id, visitor="student")
            assert refused.value.key == "train_err_not_yours"
        with pytest.raises(RunError) as refused:
            store.delete(run_id, visitor="teacher")  # its worker still writes into the folder
        assert refused.value.key == "train_err_delete_active" and worker.poll() is None
        store.request_stop(run_id, visitor="teacher")  # its owner keeps Stop, and End
        store.end(run_id, visitor="teacher")
        assert worker.wait(timeout=30) != 0
        run = store.get(run_id)
        assert run.state == runs.STOPPED and run.owned_by("teacher") and not run.damage  # a whole status again
        with pytest.raises(RunError):
            store.delete(run_id, visitor="student")
        store.delete(run_id, visitor="teacher")
    finally:
        if worker.poll() is None:
            worker.kill()
        worker.wait()


def test_the_page_hides_stop_and_delete_for_another_visitors_run(store):
    run_id = store.create(TINY, owner="someone-else")
    store.update_status(run_id, state=runs.DONE)
    at = conftest.open_page("views/train.py", "en")
    at.toggle(key="train_everybody").set_value(True).run()  # other visitors' runs: listed on asking
    at.selectbox(key="train_selected@en").set_value(run_id).run()
    assert not [b for b in at.button if b.key == "train_delete"]
    assert any("Another visitor started this run" in c.value for c in at.caption)


@pytest.mark.parametrize("env, config, key", [
    ({"RNNVIZ_MAX_EPOCHS": "10"}, TINY.replace(epochs=20), "train_err_limit_epochs"),
    ({"RNNVIZ_MAX_REVIEWS": "1000"}, TINY.replace(max_train_samples=5_000), "train_err_limit_reviews"),
    ({"RNNVIZ_KEEP_RUNS": "2"}, TINY, "train_err_store_full"),
])
def test_limits_are_settings_and_refuse_with_a_message(store, monkeypatch, env, config, key):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    for _ in range(2):  # still training (this test's live process): a finished run would make room
        training = store.create(TINY)
        store.update_status(training, state=runs.RUNNING, pid=os.getpid(), started=time.time(),
                            pid_start=processes.process_start_ticks(os.getpid()))
    with pytest.raises(RunError) as refused:
        launch.launch(store, config)
    assert refused.value.key == key
    assert len(store.ids()) == 2  # nothing created, nothing removed
    from rnnviz.i18n import t

    for lang in ("ko", "en"):
        assert str(refused.value.params["limit"]) in t(key, lang, **refused.value.params).replace(",", "")


def test_limit_settings_fall_back_to_safe_defaults(monkeypatch):
    for name in ("RNNVIZ_MAX_RUNS", "RNNVIZ_MAX_EPOCHS", "RNNVIZ_MAX_REVIEWS", "RNNVIZ_KEEP_RUNS"):
        monkeypatch.setenv(name, "lots")
    assert Limits.from_environment() == Limits()
    monkeypatch.setenv("RNNVIZ_MAX_RUNS", "-4")
    assert Limits.from_environment().max_runs == 1


def test_every_keras_model_load_is_safe_mode():
    """Model files are only ever loaded with safe_mode=True (no code from a .keras file runs)."""
    calls = []
    for folder in ("rnnviz", "views", "bench", "tools", "tests"):
        for path in (ROOT / folder).rglob("*.py"):
            if path.parent.name == "locale":  # learners' text quoting the book's own line, not code the app runs
                continue
            calls += [(path.name, call) for call in re.findall(r"load_model\([^)]*\)", path.read_text())]
    assert calls
    unsafe = [(name, call) for name, call in calls if "safe_mode=True" not in call]
    assert not unsafe, unsafe


# --- a frozen worker --------------------------------------------------------------------------------------


@pytest.fixture
def frozen_process():
    """A process frozen with `kill -STOP`, as a stuck worker is (ended after the test if it is still there)."""
    process = subprocess.Popen(["sleep", "600"], start_new_session=True)  # a process group of its own, as launch's
    os.kill(process.pid, signal.SIGSTOP)
    yield process
    if process.poll() is None:
        process.kill()
    process.wait()


def frozen_run(store, process, owner="teacher", silent=1_000):
    """A run training epoch 4 whose worker `process` last wrote its heartbeat `silent` seconds ago."""
    run_id = store.create(TINY.replace(epochs=20), owner=owner)
    now = time.time()
    store.update_status(run_id, state=runs.RUNNING, pid=process.pid, pid_start=processes.process_start_ticks(process.pid),
                        started=now - silent - 30, heartbeat=now - silent, phase="training", epoch=4,
                        seconds_per_epoch=2.1)
    return run_id


def test_a_frozen_worker_is_stalled_does_not_block_a_launch_and_only_its_owner_ends_it(store, frozen_process,
                                                                                         monkeypatch):
    run_id = frozen_run(store, frozen_process)
    run = store.get(run_id)
    assert run.state == runs.STALLED and not run.active and run.live and run.silent_seconds >= 1_000
    assert store.active() == []
    with pytest.raises(RunError) as refused:
        store.delete(run_id, visitor="teacher")  # its process may still write: end it first
    assert refused.value.key == "train_err_delete_active"
    # another visitor can start a run (its worker a stand-in that only waits: nothing trains here)
    monkeypatch.setattr(launch, "worker_command", lambda store, run_id: ["sleep", "600"])
    other = launch.launch(store, TINY, owner="student", limits=Limits(max_runs=1))
    assert [run.id for run in store.active()] == [other]
    with pytest.raises(RunError) as refused:
        store.end(run_id, visitor="student")
    assert refused.value.key == "train_err_not_yours" and frozen_process.poll() is None
    store.end(run_id, visitor="teacher")
    assert frozen_process.wait(timeout=30) != 0  # terminated although frozen
    run = store.get(run_id)
    assert run.state == runs.STOPPED and not run.live and run.status.ended_by_owner
    store.end(other, visitor="student")  # End works on a live run too: the slot frees
    assert store.active() == []
    store.delete(run_id, visitor="teacher")


def test_end_never_signals_a_process_that_reused_the_workers_pid(store, frozen_process):
    run_id = frozen_run(store, frozen_process)
    store.update_status(run_id, pid_start=12345)  # the worker is gone; another process has its pid
    assert store.get(run_id).state == runs.INTERRUPTED
    store.end(run_id, visitor="teacher")
    assert frozen_process.poll() is None  # untouched
    assert store.get(run_id).state == runs.INTERRUPTED  # an ended run stays as it was


@pytest.mark.parametrize("phase, seconds_per_epoch, limit", [
    ("training", 2.1, 60),  # fast epochs: at least a minute
    ("training", 100.0, 300),  # three of its own epochs
    ("compiling", None, 300),  # no epoch measured yet: the generous bound
    ("training", "fast", 300),  # a damaged value (dropped by the reader): the same
])
def test_the_silence_a_run_may_keep_follows_its_epoch_time(tmp_path, phase, seconds_per_epoch, limit):
    path = tmp_path / runs.STATUS_FILE
    files.write_json(path, {"state": runs.RUNNING, "phase": phase, "seconds_per_epoch": seconds_per_epoch})
    values, _ = run_files.read_status(path, runs.STATES)
    assert run_status.stall_seconds(run_status.RunStatus.from_dict(values)) == limit


def test_a_worker_reporting_within_its_limit_keeps_running(store, frozen_process):
    run_id = frozen_run(store, frozen_process, silent=40)
    assert store.get(run_id).state == runs.RUNNING


def test_the_page_shows_a_stalled_run_lets_its_owner_end_it_and_start_again(store, frozen_process):
    at = conftest.open_page("views/train.py", "en")
    run_id = frozen_run(store, frozen_process, owner=owner.owner_hash(at.session_state["_owner_token"]))
    at.run()
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "No word from this run's worker for 16 min" in warnings and "no longer holds a training slot" in warnings
    assert not at.button(key="train_launch").disabled  # the stalled run does not block a start
    at.selectbox(key="train_selected@en").set_value(run_id).run()
    assert any(e.label == t("train_log", "en") for e in at.expander)  # what it printed last
    assert at.button(key="train_delete").disabled  # its process may still write: end it first
    at.button(key=f"end_{run_id}").click().run()
    assert frozen_process.wait(timeout=30) != 0
    assert store.get(run_id).state == runs.STOPPED
    assert not [b for b in at.button if b.key == f"end_{run_id}"] and not at.warning


def test_another_visitors_stalled_run_is_explained_in_korean_without_an_end_button(store, frozen_process):
    run_id = frozen_run(store, frozen_process, owner="someone-else")
    at = conftest.open_page("views/train.py", "ko")
    warnings = " ".join(w.value for w in at.warning)
    assert "응답이 없습니다" in warnings and "훈련 자리를 차지하지 않으며" in warnings
    assert "응답 없음" in " ".join(" ".join(map(str, df.value.values.ravel())) for df in at.dataframe)  # its state
    assert not [b for b in at.button if b.key == f"end_{run_id}"]
    assert frozen_process.poll() is None


# --- a read-only or full disk -----------------------------------------------------------------------------


def failing_writes(code, where=""):
    """`open` for the modules that write into the runs folder, whose writes into a path containing `where` fail with OSError(`code`), as a
    read-only file system (EROFS) or a full disk (ENOSPC) makes them (tests run as root: chmod stops nothing)."""
    real_open = open

    def fake_open(path, mode="r", *args, **kwargs):
        if any(flag in mode for flag in "wax+") and where in str(path):
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, mode, *args, **kwargs)

    return fake_open


@pytest.mark.parametrize("code, where, key, causes", [
    (errno.EROFS, "", "train_err_runs_readonly", ("read-only", "읽기 전용")),  # not even the launch lock opens
    (errno.ENOSPC, ".new-", "train_err_disk_full", ("ENOSPC", "ENOSPC")),  # the lock opens; the run's files do not fit
    (errno.EIO, ".new-", "train_err_runs_os", (os.strerror(errno.EIO),) * 2),
])
def test_a_read_only_or_full_runs_folder_refuses_a_launch_with_its_cause_and_leaves_nothing(
        store, monkeypatch, code, where, key, causes):
    store.root.mkdir(parents=True)
    for module in (runs, files, launch):  # the launch lock, the run's files, the worker's log
        monkeypatch.setattr(module, "open", failing_writes(code, where), raising=False)
    with pytest.raises(RunError) as refused:
        launch.launch(store, TINY, owner="teacher")
    assert refused.value.key == key
    from rnnviz.i18n import t

    assert causes[0] in t(key, "en", **refused.value.params) and causes[1] in t(key, "ko", **refused.value.params)
    assert [path.name for path in store.root.iterdir() if path.name != ".launch.lock"] == []  # no .new-<id>


def test_a_failed_atomic_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / runs.STATUS_FILE
    files.write_json(target, {"state": "running"})

    def disk_full(source, destination):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "replace", disk_full)
    with pytest.raises(OSError):
        files.write_json(target, {"state": "done"})
    assert [path.name for path in tmp_path.iterdir()] == [runs.STATUS_FILE]
    assert json.loads(target.read_text()) == {"state": "running"}  # the last whole version


def test_temporary_files_left_by_a_dead_process_are_removed_once_old(store):
    run_id = store.create(TINY)
    folder = store.path(run_id)
    old, fresh = folder / ".status.json.999.abcd1234.tmp", folder / ".weights.npz.999.beef0000.tmp"
    checkpoint = folder / ".checkpoint-tmp.keras"
    for path in (old, fresh, checkpoint):
        path.write_text("half")
    long_ago = time.time() - files.STALE_TEMPORARY_SECONDS - 1
    for path in (old, checkpoint):
        os.utime(path, (long_ago, long_ago))
    store.list()
    assert sorted(path.name for path in folder.iterdir() if path.name.startswith(".")) == [fresh.name]
