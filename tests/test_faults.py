"""Faults a class will cause: a killed worker, a restarted server, click bursts, other visitors' runs."""

import multiprocessing
import os
import re
import signal
import subprocess
import sys
import time

import pytest

import conftest
from conftest import ROOT
from rnnviz import charts_train, runs
from rnnviz import config as cfg
from rnnviz.runs import Limits, RunError, RunStore

# Long enough to be caught mid-run, small enough to start at once: 2,000 reviews, up to 40 epochs.
SLOW = cfg.PRESETS["embedding-simplernn"].replace(max_train_samples=2_000, max_test_samples=200, epochs=40,
                                                  patience=100, backend="jax")
LONG = SLOW.replace(max_train_samples=None, epochs=100)  # ~1 min on the full split: outlives a page opening
TINY = SLOW.replace(max_train_samples=64, epochs=1, max_test_samples=32)


def wait_until(condition, timeout=180.0, every=0.5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    raise AssertionError("timed out")


@pytest.fixture
def store(tmp_path, local_data, monkeypatch):
    monkeypatch.setenv("RNNVIZ_RUNS_DIR", str(tmp_path / "runs"))
    return RunStore(tmp_path / "runs")


def test_a_worker_killed_mid_run_is_interrupted_keeps_its_history_and_frees_the_slot(store):
    run_id = runs.launch(store, SLOW, owner="teacher")
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
    next_id = runs.launch(store, TINY)  # the slot is free again
    wait_until(lambda: not store.get(next_id).active)
    assert store.get(next_id).state == runs.DONE


_LAUNCH_AND_EXIT = """
import sys
sys.path.insert(0, sys.argv[1])
from rnnviz import config as cfg, runs
config = cfg.from_json(sys.argv[3])
print(runs.launch(runs.RunStore(sys.argv[2]), config, owner="teacher"))
"""


def test_a_run_outlives_the_server_that_started_it(store):
    """The launching process exits (a server restart); a fresh page finds the run, live or finished."""
    launcher = subprocess.run([sys.executable, "-c", _LAUNCH_AND_EXIT, str(ROOT), str(store.root),
                               cfg.to_json(LONG)], capture_output=True, text=True, timeout=60, check=True)
    run_id = launcher.stdout.strip().splitlines()[-1]
    wait_until(lambda: store.get(run_id).epochs_run >= 1)
    at = conftest.open_page("views/train.py", "en")  # a new server process's first page
    if store.get(run_id).state == runs.RUNNING:  # usually: the live panel is back, and its owner can stop it
        assert any(m.value.startswith("**Training** ·") for m in at.markdown)
        store.request_stop(run_id, visitor="teacher")
        wait_until(lambda: store.get(run_id).state == runs.STOPPED)
    run = store.get(run_id)
    assert run.state in (runs.STOPPED, runs.DONE) and run.epochs_run >= 1 and run.has_model
    at = conftest.open_page("views/train.py", "en")
    tables = [" ".join(map(str, df.value.values.ravel())) for df in at.dataframe]
    assert any(charts_train.run_label(run, "en") in table for table in tables)  # listed by its name
    assert run_id in at.multiselect(key="train_compare@en").value and at.get("plotly_chart")  # with its curves


def _launch_one(root, number, queue):
    try:
        queue.put(("ok", runs.launch(RunStore(root), TINY, owner=f"visitor-{number}")))
    except RunError as error:
        queue.put((error.key, None))


@pytest.mark.parametrize("max_runs", [1, 3])
def test_a_burst_of_20_launches_from_many_sessions_starts_at_most_the_cap(store, monkeypatch, max_runs):
    monkeypatch.setenv("RNNVIZ_MAX_RUNS", str(max_runs))
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    workers = [context.Process(target=_launch_one, args=(str(store.root), n, queue)) for n in range(20)]
    for worker in workers:
        worker.start()
    results = [queue.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    started = [run_id for key, run_id in results if key == "ok"]
    assert len(started) >= max_runs and len(set(started)) == len(started)
    assert [key for key, _ in results].count("train_err_busy") == 20 - len(started)
    assert sorted(store.ids()) == sorted(started)  # one folder per started run, none half made
    wait_until(lambda: not store.active())
    assert all(store.get(run_id).state == runs.DONE for run_id in started)  # no run lost
    # Never more than the cap at once. (A tiny run can now end within the burst, freeing its slot.)
    spans = [(store.get(run_id).status["created"], store.get(run_id).status["ended"]) for run_id in started]
    assert all(sum(begin <= start < end for begin, end in spans) <= max_runs for start, _ in spans)


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


def test_the_page_hides_stop_and_delete_for_another_visitors_run(store):
    run_id = store.create(TINY, owner="someone-else")
    store.update_status(run_id, state=runs.DONE)
    at = conftest.open_page("views/train.py", "en")
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
    for _ in range(2):
        done = store.create(TINY)
        store.update_status(done, state=runs.DONE)
    with pytest.raises(RunError) as refused:
        runs.launch(store, config)
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
            calls += [(path.name, call) for call in re.findall(r"load_model\([^)]*\)", path.read_text())]
    assert calls
    unsafe = [(name, call) for name, call in calls if "safe_mode=True" not in call]
    assert not unsafe, unsafe
