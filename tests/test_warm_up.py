"""A fresh machine's first training run: the training lab fills its caches in the background first."""

import subprocess
import sys

import pytest

import conftest
from conftest import ROOT
from rnnviz import launch, runs, warm_up
from rnnviz.i18n import t


@pytest.fixture
def fresh_machine(tmp_path, monkeypatch):
    """An empty cache folder with the warm-up allowed, as on a machine that never trained."""
    monkeypatch.setenv("RNNVIZ_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv(warm_up.WARM_UP_ENV, "1")
    monkeypatch.setenv(runs.RUNS_DIR_ENV, str(tmp_path / "runs"))
    return tmp_path / "cache"


@pytest.fixture
def sleeping_warm_up(fresh_machine, local_data, monkeypatch):
    """Warm-ups that only sleep (the real one trains for seconds); the commands asked for, in a list."""
    asked, started = [], []
    popen = subprocess.Popen

    def fake(command, **kwargs):
        asked.append(command)
        process = popen([sys.executable, "-c", "import time; time.sleep(60)"], **kwargs)
        started.append(process)
        return process

    monkeypatch.setattr(warm_up.subprocess, "Popen", fake)
    yield asked
    for process in started:
        process.kill()
        process.wait()


@pytest.mark.worker
def test_the_warm_up_fills_the_caches_a_first_run_needs(fresh_machine, local_data):
    config = warm_up.default_config()
    assert warm_up.needed(config)
    done = subprocess.run([sys.executable, "-m", "rnnviz.train", "--warm-up"], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert list(fresh_machine.glob("imdb-tokens-*/parts.npy"))  # every review's ids, for any later run
    if config.backend == "jax":
        assert any((fresh_machine / "jax").iterdir())  # the model's compiled programs
    assert not warm_up.needed(config)  # done once per machine
    assert not (fresh_machine.parent / "runs").exists()  # no run was made


def test_one_warm_up_at_a_time_only_when_needed_and_never_beside_a_run(sleeping_warm_up, fresh_machine):
    assert not warm_up.start(active_runs=1)  # a run trains: it fills the caches itself
    assert warm_up.start(active_runs=0) and warm_up.running()
    assert warm_up.start(active_runs=0) and len(sleeping_warm_up) == 1  # the one running, not a second
    assert sleeping_warm_up[0][-3:] == ["--warm-up", "--backend", warm_up.default_config().backend]
    warm_up.stop()
    assert not warm_up.running()
    warm_up.marker(warm_up.default_config()).touch()  # the caches are filled
    assert not warm_up.start(active_runs=0) and len(sleeping_warm_up) == 1


def test_no_warm_up_when_turned_off(sleeping_warm_up, monkeypatch):
    monkeypatch.setenv(warm_up.WARM_UP_ENV, "0")
    assert not warm_up.start(active_runs=0) and not sleeping_warm_up


def test_no_warm_up_without_the_data_on_the_machine(sleeping_warm_up, monkeypatch, tmp_path):
    monkeypatch.setenv("RNNVIZ_DATA_DIR", "")
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "empty-keras-home"))
    assert not warm_up.start(active_runs=0) and not sleeping_warm_up


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_lab_offline_without_data_says_so_once_and_starts_no_warm_up(sleeping_warm_up, monkeypatch, tmp_path,
                                                                        lang):
    from rnnviz import data

    monkeypatch.setenv("RNNVIZ_DATA_DIR", "")
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "empty-keras-home"))
    monkeypatch.setattr(data, "_last_failure", {})
    monkeypatch.setattr(data, "in_helper_process", lambda *args: (_ for _ in ()).throw(
        data.DataUnavailableError("data_unavailable", env=data.DATA_DIR_ENV, reason="URL fetch failure")))
    with pytest.raises(data.DataUnavailableError):
        data.data_dir()  # another page looked for the data, and found none
    for _ in range(2):  # a visit, and a second one
        at = conftest.open_page("views/train.py", lang)
        errors = [e.value for e in at.error]
        assert len(errors) == 1 and "URL fetch failure" in errors[0], errors
        assert at.button(key="train_launch").disabled
        assert t("train_warming_up", lang) not in [c.value for c in at.caption]
    assert not sleeping_warm_up


def test_a_damaged_process_file_is_no_running_warm_up(sleeping_warm_up, fresh_machine):
    fresh_machine.mkdir()
    (fresh_machine / warm_up.PROCESS_FILE).write_text('{"pid": "1; rm -rf /", "pid_start": []}')
    assert not warm_up.running()
    warm_up.stop()  # signals nothing
    assert warm_up.start(active_runs=0) and len(sleeping_warm_up) == 1


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_lab_says_it_is_getting_ready_and_start_ends_the_warm_up(sleeping_warm_up, local_data, monkeypatch,
                                                                     lang):
    at = conftest.open_page("views/train.py", lang)
    assert t("train_warming_up", lang) in [c.value for c in at.caption] and warm_up.running()
    # a queued run, as a launch makes it, without its worker (no training in this test)
    monkeypatch.setattr(launch, "launch", lambda store, config, owner=None, limits=None: store.create(config, owner))
    at.button(key="train_launch").click().run()
    assert not at.exception and not warm_up.running()  # the click ended it, and the run keeps it ended
    assert t("train_warming_up", lang) not in [c.value for c in at.caption]
