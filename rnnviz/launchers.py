"""Where a run's worker runs: a local process (`LocalLauncher`) or a job on a Ray cluster (`RayJobLauncher`).

A launcher starts the same worker command (`launch.worker_command`), notes a handle in status.json, and
is the only judge of whether that worker still runs and the only way to end it: a pid means nothing on
another machine. `RNNVIZ_LAUNCHER` picks the launcher of new runs ("local", the default, or "ray");
a run is judged later by the launcher status.json names (`of_run`), whatever the setting is then.

The app itself never needs Ray: `ray` is imported only inside `RayJobLauncher`. With Ray the runs
folder must be on storage every node sees, and every node needs the app and its requirements at the
same paths (README, "Training on a Ray cluster").
"""

from __future__ import annotations

import functools
import os
import shlex
import subprocess
import threading
import time
from typing import TYPE_CHECKING, Any, Callable, Protocol

from rnnviz.processes import process_alive, process_start_ticks, reap_in_background, terminate
from rnnviz.run_status import RunStatus

if TYPE_CHECKING:  # runs and launch import this module: their names are only annotations here
    from rnnviz.config import RunConfig
    from rnnviz.runs import RunStore

LAUNCHER_ENV = "RNNVIZ_LAUNCHER"
LOCAL, RAY = "local", "ray"
LAUNCH_GRACE_SECONDS = 60  # a queued local run without a process yet is not called interrupted before this
RAY_ADDRESS_ENV = "RAY_ADDRESS"  # the cluster's job server, e.g. http://head:8265 (Ray's own setting)
RAY_CPUS_ENV = "RNNVIZ_RAY_CPUS"  # CPUs a training job asks the cluster for (default 1)
# A listing asks the job server for each Ray run's state on a thread of its own (`JobStates`) and waits for a
# question at most RAY_ANSWER_SECONDS after it was asked; once one went unanswered, not at all until the head
# answers again (a frozen head made every listing wait 10 s per run). An answer is reused for RAY_FRESH_SECONDS.
RAY_ANSWER_SECONDS = 1.0
RAY_FRESH_SECONDS = 1.0
RAY_REQUEST_SECONDS = 10.0  # any request to the job server gives up by then (Ray's client sets no timeout)
RAY_STOP_SECONDS = 20.0  # `stop`: Ray sends SIGTERM, then SIGKILL after RAY_JOB_STOP_WAIT_TIME_S (3 s)
RAY_LIVE_STATES = ("PENDING", "RUNNING")  # ray.job_submission.JobStatus values of a job that may still write
# The settings a job takes along from this server (besides `launch.worker_settings`), by name: a prefix
# such as TF_ also matched Terraform's TF_TOKEN_* / TF_VAR_*, secrets then shown on the dashboard's job list.
FORWARDED_SETTINGS = (
    # the app's own (a job ending starts the next waiting run, so the queue's settings go too)
    "RNNVIZ_CACHE_DIR", "RNNVIZ_DATA_DIR", "RNNVIZ_KEEP_RUNS", "RNNVIZ_LAUNCHER", "RNNVIZ_MAX_EPOCHS",
    "RNNVIZ_MAX_MEMORY_MB", "RNNVIZ_MAX_PARAMS", "RNNVIZ_MAX_REVIEWS", "RNNVIZ_MAX_RUNS", "RNNVIZ_MAX_WAITING",
    "RNNVIZ_RAY_CPUS",
    "RNNVIZ_REFERENCE_RUNS_DIR", "RNNVIZ_RUNS_DIR", "RNNVIZ_WARM_UP", "RNNVIZ_WORKER_MODULE",
    # Keras and its engines
    "KERAS_BACKEND", "KERAS_HOME", "JAX_PLATFORMS", "JAX_ENABLE_X64", "JAX_COMPILATION_CACHE_DIR", "XLA_FLAGS",
    "TF_CPP_MIN_LOG_LEVEL", "TF_ENABLE_ONEDNN_OPTS", "TF_NUM_INTEROP_THREADS", "TF_NUM_INTRAOP_THREADS",
)
NEVER_FORWARDED = ("RNNVIZ_ADMIN_TOKEN",)  # the app's secrets: a worker never needs them, the dashboard would show them


class Launcher(Protocol):
    """Starts a created run's worker, tells whether it still runs, ends it."""

    name: str

    def start(self, store: RunStore, run_id: str, config: RunConfig) -> subprocess.Popen | None:
        """Start the worker of the queued run `run_id`; its handle goes into status.json.

        Returns:
            The local process (already reaped in the background), or None when the worker runs elsewhere.

        Raises:
            OSError: the process could not start. RunError("train_err_cluster"): the cluster refused the job.
        """

    def alive(self, status: RunStatus) -> bool | None:
        """Whether the run's worker may still write into its folder; None when that cannot be told now."""

    def stop(self, status: RunStatus) -> bool:
        """End the run's worker for good (the worker writes nothing more); True once it is gone."""


class LocalLauncher:
    """The worker as a process of this machine, in a process group of its own, named by pid + start ticks."""

    name = LOCAL

    def start(self, store: RunStore, run_id: str, config: RunConfig) -> subprocess.Popen:
        from rnnviz import launch, runs  # they import this module

        with open(store.path(run_id) / runs.LOG_FILE, "ab") as log:
            process = subprocess.Popen(launch.worker_command(store, run_id), cwd=runs.APP_ROOT,
                                       env=launch.worker_env(config), stdin=subprocess.DEVNULL, stdout=log,
                                       stderr=subprocess.STDOUT, start_new_session=True)
        reap_in_background(process, run_id)
        status = store.read_status(run_id)
        if status.get("state") == runs.QUEUED and status.get("pid") is None:
            try:
                store.update_status(run_id, pid=process.pid, pid_start=process_start_ticks(process.pid))
            except (OSError, runs.RunError):  # a full disk, or a status damaged since it was read
                pass  # the worker writes its pid itself as it starts
        return process

    def alive(self, status: RunStatus) -> bool:
        if status.pid is None:  # queued, the worker not started yet
            return time.time() - (status.created or 0.0) < LAUNCH_GRACE_SECONDS
        return process_alive(status.pid, status.pid_start)

    def stop(self, status: RunStatus) -> bool:
        return status.pid is None or terminate(status.pid, status.pid_start)


class RayJobLauncher:
    """The worker as a Ray job (`ray.job_submission`) on the cluster at `RAY_ADDRESS`, its submission id
    "rnnviz-<run id>" in status.json. The job runs the same worker command in the app's folder, its
    output appended to the run's worker.log; it asks for `RNNVIZ_RAY_CPUS` CPUs, so the cluster queues
    jobs beyond its CPUs (PENDING) and never places one on a head started with `--num-cpus=0`."""

    name = RAY

    def __init__(self, address: str | None = None) -> None:
        self.address = address if address is not None else os.environ.get(RAY_ADDRESS_ENV) or None

    def start(self, store: RunStore, run_id: str, config: RunConfig) -> None:
        from rnnviz import runs  # it imports this module

        job = job_id(run_id)
        # Noted before the job exists: a worker that starts at once then finds its run judged by its job.
        store.update_status(run_id, launcher=RAY, job=job)
        try:
            self._ask(lambda client: client.submit_job(
                entrypoint=job_entrypoint(store, run_id), submission_id=job,
                runtime_env={"env_vars": job_settings(config)}, entrypoint_num_cpus=_ray_cpus(),
                metadata={"app": "rnnviz", "run": run_id}))
        except Exception as error:  # noqa: BLE001 - no cluster, no Ray, a bad address: the page says which
            raise runs.RunError("train_err_cluster", f"the Ray cluster at {self.address} did not take run {run_id}: "
                                f"{type(error).__name__}: {error}", error=_first_line(error)) from error

    def alive(self, status: RunStatus) -> bool | None:
        """None when the job server has not answered within `RAY_ANSWER_SECONDS` (or cannot be reached)."""
        if status.job is None:  # noted before submission: a damaged status
            return False
        job = status.job
        try:
            state = JOB_STATES.state(self.address, job, lambda: _job_client(self.address).get_job_status(job))
        except Exception as error:  # noqa: BLE001 - unreachable, timed out, or no Ray here
            return False if _no_such_job(error) else None
        return getattr(state, "value", state) in RAY_LIVE_STATES  # a JobStatus (a str enum)

    def stop(self, status: RunStatus) -> bool:
        if status.job is None:
            return True
        try:
            self._ask(lambda client: client.stop_job(status.job))
        except Exception as error:  # noqa: BLE001
            return _no_such_job(error)
        deadline = time.monotonic() + RAY_STOP_SECONDS
        while time.monotonic() < deadline:
            if self.alive(status) is False:
                return True
            time.sleep(0.2)
        return False

    def _ask(self, call: Callable[[Any], Any]) -> Any:
        """`call(client)` on the job server, for a click (submit, stop): within `RAY_REQUEST_SECONDS`."""
        return _within(RAY_REQUEST_SECONDS, lambda: call(_job_client(self.address)))


class JobStates:
    """The job server's last answer per job, each question asked on a daemon thread of its own, so a
    listing never waits long on a head that does not answer: it waits for a question at most
    `RAY_ANSWER_SECONDS` after it was asked, and not at all while the head has left one unanswered.
    One question per job at a time, each ending within `RAY_REQUEST_SECONDS`: threads never pile up."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._answers: dict[tuple, tuple[float, Any, BaseException | None]] = {}  # key -> (when, state, error)
        self._asking: dict[tuple, tuple[float, threading.Event]] = {}  # key -> (asked at, answered)
        self._silent: set[str | None] = set()  # addresses that left a question unanswered past its time

    def state(self, address: str | None, job: str, ask: Callable[[], Any]) -> Any:
        """`ask()`'s answer for `job`: a fresh one, or one that comes within its time.

        Raises:
            TimeoutError: no answer in time (the question goes on; its answer serves a later call).
            Exception: what `ask()` raised.
        """
        key = (address, job)
        with self._lock:
            answer = self._answers.get(key)
            if answer is not None and time.monotonic() - answer[0] < RAY_FRESH_SECONDS:
                return _unpacked(answer)
            if key not in self._asking:
                self._asking[key] = (time.monotonic(), threading.Event())
                threading.Thread(target=self._ask, args=(key, ask), daemon=True, name="ray-job-state").start()
            asked, answered = self._asking[key]
            budget = 0.0 if address in self._silent else asked + RAY_ANSWER_SECONDS - time.monotonic()
        if not answered.wait(max(budget, 0.0)):
            with self._lock:
                self._silent.add(address)
            raise TimeoutError(f"no answer from the Ray job server at {address} within {RAY_ANSWER_SECONDS:g} s")
        with self._lock:
            return _unpacked(self._answers[key])

    def _ask(self, key: tuple, ask: Callable[[], Any]) -> None:
        state, error = None, None
        try:
            state = ask()
        except BaseException as error_raised:  # noqa: BLE001 - the caller's to judge
            error = error_raised
        with self._lock:
            asked, answered = self._asking.pop(key)
            self._answers[key] = (time.monotonic(), state, error)
            if time.monotonic() - asked <= RAY_ANSWER_SECONDS:
                self._silent.discard(key[0])  # the head answers in time again
        answered.set()


JOB_STATES = JobStates()  # one per server process: every session's listing shares the answers


def _unpacked(answer: tuple[float, Any, BaseException | None]) -> Any:
    if answer[2] is not None:
        raise answer[2]
    return answer[1]


LAUNCHERS: dict[str, Callable[[], Launcher]] = {LOCAL: LocalLauncher, RAY: RayJobLauncher}


def from_environment() -> Launcher:
    """The launcher of new runs, from `RNNVIZ_LAUNCHER` (default "local").

    Raises:
        RunError("train_err_cluster"): the setting names no launcher.
    """
    name = os.environ.get(LAUNCHER_ENV, "").strip().lower() or LOCAL
    if name not in LAUNCHERS:
        from rnnviz.runs import RunError

        raise RunError("train_err_cluster", f"{LAUNCHER_ENV}={name!r}: not one of {', '.join(LAUNCHERS)}",
                       error=f"{LAUNCHER_ENV}={name}")
    return LAUNCHERS[name]()


def of_run(status: RunStatus) -> Launcher:
    """The launcher that started the run (status.json's `launcher`); local for runs that name none
    (the command line's, the reference runs, runs from before launchers)."""
    return LAUNCHERS.get(status.launcher or LOCAL, LocalLauncher)()


def job_id(run_id: str) -> str:
    """The run's Ray submission id: its name in the cluster's dashboard, and the handle in status.json."""
    return f"rnnviz-{run_id}"


def job_entrypoint(store: RunStore, run_id: str) -> str:
    """The job's shell command: the worker command in the app's folder, its output into worker.log."""
    from rnnviz import launch, runs

    command = shlex.join(launch.worker_command(store, run_id))
    log = shlex.quote(str(store.path(run_id) / runs.LOG_FILE))
    return f"cd {shlex.quote(str(runs.APP_ROOT))} && exec {command} >> {log} 2>&1"


def job_settings(config: RunConfig) -> dict[str, str]:
    """The environment a job's worker gets on top of its node's: the worker's own settings
    (`launch.worker_settings`) and this server's app, Keras and engine settings (`FORWARDED_SETTINGS`).
    Ray shows a job's environment in plain text on its dashboard: nothing else goes."""
    from rnnviz import launch

    forwarded = {name: os.environ[name] for name in FORWARDED_SETTINGS if name in os.environ}
    return {**forwarded, **launch.worker_settings(config)}


def _ray_cpus() -> float:
    try:
        return max(float(os.environ.get(RAY_CPUS_ENV, "1")), 0.0)
    except ValueError:
        return 1.0


@functools.lru_cache(maxsize=4)
def _job_client(address: str | None):
    """One client per job server address (making one asks the server for its version), each of its
    requests ending within `RAY_REQUEST_SECONDS`."""
    from ray.job_submission import JobSubmissionClient  # only here: the app itself never needs Ray

    class TimedJobSubmissionClient(JobSubmissionClient):
        def _do_request(self, method: str, endpoint: str, **kwargs: Any):  # every request goes through here
            kwargs.setdefault("timeout", RAY_REQUEST_SECONDS)
            return super()._do_request(method, endpoint, **kwargs)

    return TimedJobSubmissionClient(address)


def _within(seconds: float, call: Callable[[], Any]) -> Any:
    """`call()`'s result or exception, or TimeoutError once it takes longer than `seconds` (it then
    finishes on its own daemon thread)."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = call()
        except BaseException as error:  # noqa: BLE001 - handed to the caller
            outcome["error"] = error

    thread = threading.Thread(target=run, daemon=True, name="ray-job-server")
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        raise TimeoutError(f"no answer from the Ray job server within {seconds:g} s")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def _no_such_job(error: Exception) -> bool:
    """The job server answered that it does not know the job (a restarted cluster forgot it: it is gone)."""
    return isinstance(error, RuntimeError) and "does not exist" in str(error)


def _first_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0] if text else ''}"[:300]
