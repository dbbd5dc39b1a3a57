"""A run's life through either launcher: a local process, or a job on a real Ray cluster started here.

The same tests run over both launchers (done, stopped, failed, interrupted, ended by its owner), through
`launch.launch` and the store, as the page uses them. The Ray cluster is a local head with its job server
(the dashboard), started once for this file in a helper process and shut down after it.
"""

import os
import re
import select
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest

from rnnviz import charts_train, launch, launchers, processes, runs
from rnnviz.runs import RunError, RunStore
from test_faults import SLOW, TINY

RAY_START_SECONDS = 120  # a cold `ray.init` with its dashboard takes ~10 s on 2 shared cores
RUN_SECONDS = 300  # a tiny run: the worker's imports, one epoch on 64 reviews, the test set

# The head, in a process of its own: `ray.init` starts a local cluster with its job server; closing
# stdin shuts it down (only the processes it started, unlike `ray stop`, which ends every Ray process).
_HEAD = """
import sys, ray
context = ray.init(num_cpus=1, include_dashboard=True, dashboard_host="127.0.0.1",
                   dashboard_port=int(sys.argv[1]), _temp_dir=sys.argv[2], log_to_driver=False)
print("http://" + context.dashboard_url, flush=True)
sys.stdin.read()
ray.shutdown()
"""


def wait_until(condition, what, timeout=RUN_SECONDS, every=0.5):
    """Poll `condition` until it holds; fail naming `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def read_line(stream, timeout: float) -> str:
    ready, _, _ = select.select([stream], [], [], timeout)
    return stream.readline().strip() if ready else ""


@pytest.fixture(scope="module")
def ray_head(tmp_path_factory):
    """The job server's address of a one-CPU Ray head on this machine (no token: a test cluster)."""
    pytest.importorskip("ray.job_submission", reason="Ray is not installed (pip install -r requirements-dev.txt)")
    env = {**os.environ, "RAY_AUTH_MODE": "disabled"}
    head = subprocess.Popen([sys.executable, "-c", _HEAD, str(free_port()), str(tmp_path_factory.mktemp("ray"))],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env, start_new_session=True)
    try:
        address = read_line(head.stdout, RAY_START_SECONDS)
        assert address.startswith("http://"), f"the Ray head did not start within {RAY_START_SECONDS} s"
        wait_until(lambda: launchers.RayJobLauncher(address).alive(runs.RunStatus(runs.RUNNING, job="rnnviz-"
                                                                                  "20000101-000000-000000"))
                   is False, "the Ray job server to answer", timeout=RAY_START_SECONDS)
        yield address
    finally:
        head.stdin.close()  # ray.shutdown()
        try:
            head.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(head.pid, signal.SIGKILL)  # its own process group: only what this fixture started
            head.wait()


@pytest.fixture(params=[launchers.LOCAL, pytest.param(launchers.RAY, marks=pytest.mark.cluster)])
def launcher(request, monkeypatch):
    """The launcher new runs go through, set as a deployment sets it."""
    monkeypatch.setenv(launchers.LAUNCHER_ENV, request.param)
    if request.param == launchers.RAY:
        monkeypatch.setenv(launchers.RAY_ADDRESS_ENV, request.getfixturevalue("ray_head"))
    return launchers.from_environment()


@pytest.fixture
def store(tmp_path, local_data, monkeypatch):
    monkeypatch.setenv(runs.RUNS_DIR_ENV, str(tmp_path / "runs"))  # for a local head the same disk every node sees
    return RunStore(tmp_path / "runs")


def finished(store, run_id, timeout=RUN_SECONDS):
    wait_until(lambda: not store.get(run_id).live, f"run {run_id} to end", timeout)
    return store.get(run_id)


def kill_worker(launcher, store, run_id):
    """End the worker behind the app's back, so it writes no end state: SIGKILL, or the cluster stops the job."""
    status = store.get(run_id).status
    if launcher.name == launchers.RAY:
        assert launchers._job_client(launcher.address).stop_job(status.job)
    else:
        os.kill(status.pid, signal.SIGKILL)


@pytest.mark.worker
def test_a_run_trains_to_done_and_its_handle_names_its_launcher(launcher, store):
    run_id = launch.launch(store, TINY, owner="teacher")
    written = store.read_status(run_id)
    assert written.get("launcher", launchers.LOCAL) == launcher.name
    assert written.get("job") == (launchers.job_id(run_id) if launcher.name == launchers.RAY else None)
    run = finished(store, run_id)
    assert run.state == runs.DONE, runs.log_tail(run)
    assert run.epochs_run == 1 and run.test["samples"] == 32 and run.has_model and store.active() == []
    wait_until(lambda: launchers.of_run(run.status).alive(run.status) is False, "its process or job to end", 60)
    assert f"run {run_id}: done" in runs.log_tail(run)  # the worker's last words, in the run folder


@pytest.mark.worker
def test_a_stop_request_ends_the_run_stopped_after_one_batch(launcher, store):
    config = TINY.replace(epochs=3)
    run_id = store.create(config, owner="teacher")
    store.request_stop(run_id, visitor="teacher")  # asked before the worker starts: one batch, then stop
    launch._start_worker(store, run_id, config)
    run = finished(store, run_id)
    assert run.state == runs.STOPPED and not run.status.ended_by_owner, runs.log_tail(run)
    assert run.epochs_run == 1 and run.has_model and run.test is None  # kept, not evaluated


@pytest.mark.worker
def test_a_worker_error_ends_the_run_failed_with_its_message(launcher, store, monkeypatch, tmp_path):
    empty = tmp_path / "no-data"
    empty.mkdir()
    monkeypatch.setenv("RNNVIZ_DATA_DIR", str(empty))  # the worker's setting (a Ray job takes it along)
    run_id = launch.launch(store, TINY)
    run = finished(store, run_id)
    assert run.state == runs.FAILED and run.status.error_key == "data_dir_incomplete", runs.log_tail(run)
    assert str(empty) in run.error


@pytest.mark.worker
def test_a_worker_killed_mid_run_is_interrupted_and_keeps_its_history(launcher, store):
    run_id = launch.launch(store, SLOW, owner="teacher")
    wait_until(lambda: store.get(run_id).epochs_run >= 1, "the first epoch")
    kill_worker(launcher, store, run_id)
    wait_until(lambda: store.get(run_id).state == runs.INTERRUPTED, "the run to read as interrupted", timeout=60)
    run = store.get(run_id)
    assert store.read_status(run_id)["state"] == runs.RUNNING  # the worker wrote no end state: the reader knows
    assert run.epochs_run >= 1 and run.best_val_loss is not None and store.active() == []


@pytest.mark.worker
def test_its_owner_ends_a_training_worker_and_the_run_is_stopped(launcher, store):
    run_id = launch.launch(store, SLOW, owner="teacher")
    wait_until(lambda: store.get(run_id).status.pid is not None and store.get(run_id).state == runs.RUNNING,
               "the worker to start")
    with pytest.raises(RunError) as refused:
        store.end(run_id, visitor="student")
    assert refused.value.key == "train_err_not_yours" and store.get(run_id).active
    store.end(run_id, visitor="teacher")
    run = store.get(run_id)
    assert run.state == runs.STOPPED and run.status.ended_by_owner and not run.live
    assert launchers.of_run(run.status).alive(run.status) is False  # the process or job is gone
    if launcher.name == launchers.LOCAL:
        assert not processes.process_alive(run.status.pid, run.status.pid_start)


# --- without a cluster ------------------------------------------------------------------------------------


def test_the_launcher_is_a_setting_local_by_default(monkeypatch, tmp_path):
    monkeypatch.delenv(launchers.LAUNCHER_ENV, raising=False)
    assert isinstance(launchers.from_environment(), launchers.LocalLauncher)
    monkeypatch.setenv(launchers.LAUNCHER_ENV, "Ray")
    monkeypatch.setenv(launchers.RAY_ADDRESS_ENV, "http://head:8265")
    assert launchers.from_environment().address == "http://head:8265"
    monkeypatch.setenv(launchers.LAUNCHER_ENV, "slurm")
    store = RunStore(tmp_path / "runs")
    with pytest.raises(RunError) as refused:
        launch.launch(store, TINY)
    assert refused.value.key == "train_err_cluster" and "slurm" in refused.value.params["error"]
    assert store.ids() == []  # nothing made


def test_runs_are_judged_by_the_launcher_that_started_them(monkeypatch):
    monkeypatch.setenv(launchers.LAUNCHER_ENV, launchers.RAY)  # the setting names new runs' launcher only
    assert isinstance(launchers.of_run(runs.RunStatus(runs.RUNNING, pid=os.getpid())), launchers.LocalLauncher)
    ray_run = runs.RunStatus(runs.RUNNING, launcher=launchers.RAY, job="rnnviz-20000101-000000-000000")
    assert isinstance(launchers.of_run(ray_run), launchers.RayJobLauncher)


def test_a_cluster_that_does_not_answer_refuses_a_launch_and_leaves_a_running_run_as_written(monkeypatch, tmp_path):
    monkeypatch.setenv(launchers.LAUNCHER_ENV, launchers.RAY)
    monkeypatch.setenv(launchers.RAY_ADDRESS_ENV, f"http://127.0.0.1:{free_port()}")  # nothing listens
    store = RunStore(tmp_path / "runs")
    with pytest.raises(RunError) as refused:  # also where Ray is not installed
        launch.launch(store, TINY)
    assert refused.value.key == "train_err_cluster" and store.ids() == []
    run_id = store.create(TINY)  # a run a cluster took before it stopped answering
    store.update_status(run_id, state=runs.RUNNING, launcher=launchers.RAY, job=launchers.job_id(run_id),
                        pid=10**6, started=time.time(), heartbeat=time.time(), phase="training")
    assert store.get(run_id).state == runs.RUNNING  # unknown is not interrupted (its silence makes it stalled)
    with pytest.raises(RunError) as refused:
        store.end(run_id)
    assert refused.value.key == "train_err_end_failed"


def running_ray_run(store) -> str:
    """A run a cluster took and that trains, as its worker wrote it."""
    run_id = store.create(TINY)
    store.update_status(run_id, state=runs.RUNNING, launcher=launchers.RAY, job=launchers.job_id(run_id),
                        pid=10**6, started=time.time(), heartbeat=time.time(), phase="training")
    return run_id


def test_a_frozen_head_never_holds_up_a_listing_and_its_runs_say_the_cluster_does_not_answer(monkeypatch, tmp_path):
    """A head whose job server takes connections and never answers made every listing wait 10 s per run."""
    pytest.importorskip("ray.job_submission", reason="Ray is not installed (pip install -r requirements-dev.txt)")
    with socket.socket() as frozen:
        frozen.bind(("127.0.0.1", 0))
        frozen.listen(16)  # the kernel takes the connections; nothing ever reads or answers them
        monkeypatch.setenv(launchers.RAY_ADDRESS_ENV, f"http://127.0.0.1:{frozen.getsockname()[1]}")
        store = RunStore(tmp_path / "runs")
        for _ in range(2):
            running_ray_run(store)
        for _ in range(3):  # the first listing, then the page's refreshes
            began = time.monotonic()
            listed = store.list()
            assert time.monotonic() - began < 3  # generous on a busy machine; the old wait was 20 s here
        assert [run.state for run in listed] == [runs.RUNNING] * 2 and all(run.unanswered for run in listed)
        assert charts_train.state_text(listed[0], "en") == "running · the cluster does not answer"
        assert "클러스터가 응답하지 않습니다" in charts_train.runs_table(listed, "ko").iloc[0].to_string()


def test_a_head_that_answers_again_is_believed_again():
    states, thawed = launchers.JobStates(), threading.Event()

    def frozen_then_running():
        thawed.wait(60)
        return "RUNNING"

    for _ in range(2):  # asked once: the second call finds the question still open and does not wait
        with pytest.raises(TimeoutError):
            states.state("http://head:8265", "rnnviz-job", frozen_then_running)
    thawed.set()
    answers = []

    def answered() -> bool:
        try:
            answers.append(states.state("http://head:8265", "rnnviz-job", lambda: "SUCCEEDED"))
        except TimeoutError:
            return False
        return True

    wait_until(answered, "the head's answer", timeout=30, every=0.05)
    assert answers[0] in ("RUNNING", "SUCCEEDED")  # the late answer, or a new question's on a busy machine


def test_a_job_takes_the_apps_and_engines_settings_and_no_other_secret(monkeypatch):
    """Ray lists a job's environment in plain text on its dashboard: only settings the worker reads go."""
    settings = {"RNNVIZ_DATA_DIR": "/shared/imdb", "RNNVIZ_MAX_EPOCHS": "30", "KERAS_HOME": "/shared/keras",
                "XLA_FLAGS": "--xla_cpu_multi_thread_eigen=false", "TF_ENABLE_ONEDNN_OPTS": "0"}
    secrets = {"TF_TOKEN_app_terraform_io": "atlas-secret", "TF_VAR_db_password": "hunter2",
               "RNNVIZ_SECRET_NOT_A_SETTING": "x", "KERAS_API_KEY": "k", "AWS_SECRET_ACCESS_KEY": "a",
               "RAY_AUTH_TOKEN": "r"}
    for name, value in {**settings, **secrets}.items():
        monkeypatch.setenv(name, value)
    forwarded = launchers.job_settings(TINY)
    assert settings.items() <= forwarded.items()
    assert not set(secrets) & set(forwarded) and "hunter2" not in str(forwarded)
    assert forwarded["KERAS_BACKEND"] == TINY.backend  # the run's own backend, whatever the server's is


def test_every_setting_the_app_reads_goes_with_a_job():
    """A new RNNVIZ_ setting read anywhere in rnnviz/ must be named in the list a job takes along, or among
    the secrets that never go (the operator's token would show on the dashboard's job list)."""
    from conftest import ROOT

    read = {name for path in (ROOT / "rnnviz").rglob("*.py")
            for name in re.findall(r"\bRNNVIZ_[A-Z][A-Z_]*[A-Z]\b", path.read_text(encoding="utf-8"))}
    named = set(launchers.FORWARDED_SETTINGS) | set(launchers.NEVER_FORWARDED)
    assert read and read <= named, read - named
    assert not set(launchers.NEVER_FORWARDED) & set(launchers.FORWARDED_SETTINGS)


def test_the_app_never_imports_ray():
    from conftest import ROOT

    check = ("import sys, rnnviz.launch, rnnviz.runs, rnnviz.launchers; "
             "print(sorted(name for name in sys.modules if name.split('.')[0] == 'ray'))")
    imported = subprocess.run([sys.executable, "-c", check], cwd=ROOT, capture_output=True, text=True, timeout=120,
                              check=True)
    assert imported.stdout.strip() == "[]"
