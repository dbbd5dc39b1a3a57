"""Shared test set-up: the project on sys.path, Keras on its fastest backend, the data folder."""

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# Keras 3 tests run on JAX unless told otherwise: it imports in ~2 s, TensorFlow in ~8 s.
os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
# No background warm-up (rnnviz.warm_up) while the suite runs: it would share the 2 cores with the
# tests that train; tests/test_warm_up.py turns it on where it is the subject.
os.environ.setdefault("RNNVIZ_WARM_UP", "0")
# What the app derives and remembers (token caches, a failed search for the data) goes to a folder of the
# suite's own, not the user's ~/.cache/rnnviz: a test never finds what another run left there.
if "RNNVIZ_CACHE_DIR" not in os.environ:
    os.environ["RNNVIZ_CACHE_DIR"] = tempfile.mkdtemp(prefix="rnnviz-test-cache-")
    atexit.register(shutil.rmtree, os.environ["RNNVIZ_CACHE_DIR"], ignore_errors=True)

from model_helpers import VISITOR_TOKEN  # noqa: E402 - needs ROOT on sys.path

SHARED_IMDB = ROOT.parent / "shared" / "data" / "imdb"
SLOW_KINDS = ("browser", "server", "worker", "kernel", "cluster", "keras")  # pytest.ini says what each means


def pytest_collection_modifyitems(items):
    """Every test of a slow kind is `slow`: `python -m pytest -m "not slow"` leaves them all out."""
    for item in items:
        if any(item.get_closest_marker(kind) for kind in SLOW_KINDS):
            item.add_marker(pytest.mark.slow)


def imdb_dir() -> Path:
    """The offline IMDB copy: $RNNVIZ_DATA_DIR, else ../shared/data/imdb beside the checkout."""
    setting = os.environ.get("RNNVIZ_DATA_DIR")
    return Path(setting).expanduser().absolute() if setting else SHARED_IMDB


def keras_imdb_dir() -> Path:
    """Keras's own cache (~/.keras/datasets), filled by Keras's download when empty, as the app does.

    Raises:
        rnnviz.data.DataUnavailableError: no cache and no download (no internet, no Keras).
    """
    from rnnviz import data

    offline = os.environ.pop(data.DATA_DIR_ENV, None)  # the app's own rule without the offline setting
    try:
        return data.data_dir()
    finally:
        if offline is not None:
            os.environ[data.DATA_DIR_ENV] = offline


@pytest.fixture(scope="session")
def imdb_folder() -> Path:
    """The IMDB data: the offline copy, else Keras's download; skip (fail on CI) when neither is there."""
    from rnnviz import data

    folder = imdb_dir()
    if all((folder / name).is_file() for name in (data.NPZ_FILE, data.WORD_INDEX_FILE)):
        return folder
    try:
        return keras_imdb_dir()
    except data.DataUnavailableError as error:
        reason = error.params.get("reason", str(error))
        why = f"no IMDB data: no offline copy at {folder} (set RNNVIZ_DATA_DIR) and Keras's download failed: {reason}"
        if os.environ.get("CI"):
            pytest.fail(f"CI must have the data: {why}")
        pytest.skip(" ".join(why.split()))  # one line


@pytest.fixture
def local_data(imdb_folder, monkeypatch) -> Path:
    """Point rnnviz.data at the offline copy for one test."""
    monkeypatch.setenv("RNNVIZ_DATA_DIR", str(imdb_folder))
    return imdb_folder


def open_page(page: str | None = None, lang: str = "en", timeout: float = 180, token: str | None = VISITOR_TOKEN,
              **params):
    """Run the app with AppTest (query parameters as a shared link would give), then switch to `page`.

    `token`: the browser's owner token (AppTest sends no cookies; the session keeps it where
    `ui.visitor_id` keeps a new browser's): the tests' visitor by default, None for a fresh one."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    if token is not None:
        at.session_state["_owner_token"] = token
    at.query_params["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = str(value)
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def page_opener(page: str, timeout: float, **defaults):
    """One page's `open_page(lang="en", **link parameters)`, as that page's tests call it.

    `defaults`: link parameters every call adds, e.g. ``reveal=1`` for tests of what a page shows
    after its predict-first question (tests/test_predict.py tests the question itself)."""
    def open_one(lang: str = "en", **params):
        return open_page(page, lang, timeout=timeout, **{**defaults, **params})
    return open_one


def open_expanders(at):
    """Open every expander that draws its charts, tables and code on opening (`ui.lazy_expander`, the
    keyed ones), as a learner's clicks would, and run the page again."""
    keys = [expander.key for expander in at.expander if expander.key]
    for key in keys:
        at.session_state[key] = True
    if keys:
        at.run()
    return at


def texts(elements) -> str:
    """Some AppTest elements' values as one string: `texts(at.markdown)`, `texts(at.error)`."""
    return " ".join(str(element.value) for element in elements)


def page_text(at) -> str:
    """The page's prose as one string: titles, Markdown, captions and the message boxes."""
    return texts([*at.title, *at.markdown, *at.caption, *at.info, *at.warning, *at.success, *at.error])


_NO_FRAMEWORK_PROBE = """
import json, sys
sys.path.insert(0, sys.argv[1])
from conftest import open_page
for page, params in json.loads(sys.argv[2]):
    open_page(page, **params)
    loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("tensorflow", "keras", "jax"))
    assert not loaded, (page, loaded[:5])
print("CLEAN")
"""


def assert_pages_import_no_framework(pages: list[tuple[str, dict]], env: dict[str, str] | None = None) -> None:
    """Render each (page, link parameters) in turn in one fresh Python, and check after each that TensorFlow,
    Keras and JAX were never imported (one interpreter for all: its start-up is most of the cost)."""
    import json
    import subprocess

    done = subprocess.run([sys.executable, "-c", _NO_FRAMEWORK_PROBE, str(ROOT / "tests"), json.dumps(pages)],
                          cwd=ROOT, env={**os.environ, **(env or {})}, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0 and "CLEAN" in done.stdout, done.stderr[-3000:]


class StandInWorker:
    """`tests/queue_worker.py` in place of the real worker: its events file and the gate that holds each run."""

    def __init__(self, folder: Path) -> None:
        self.events_file, self.gate = folder / "events", folder / "gate"

    def events(self) -> list[tuple[str, str]]:
        """("start" | "end", run id) in the order the workers wrote them."""
        if not self.events_file.exists():
            return []
        return [tuple(line.split()) for line in self.events_file.read_text().splitlines()]

    def started(self) -> list[str]:
        return [run_id for event, run_id in self.events() if event == "start"]

    def open_gate(self) -> None:
        self.gate.touch()


@pytest.fixture
def stand_in_worker(tmp_path, monkeypatch) -> StandInWorker:
    """The real launch, queue and dispatch, with a worker that trains nothing and waits for `open_gate()`."""
    from rnnviz import launch

    folder = tmp_path / "stand-in"
    folder.mkdir()
    worker = StandInWorker(folder)
    monkeypatch.setenv(launch.WORKER_MODULE_ENV, "queue_worker")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT / "tests"), os.environ.get("PYTHONPATH")])))
    monkeypatch.setenv("QUEUE_WORKER_EVENTS", str(worker.events_file))
    monkeypatch.setenv("QUEUE_WORKER_GATE", str(worker.gate))
    return worker


def wait_until(condition, timeout: float = 180.0, every: float = 0.1) -> bool:
    """Poll `condition` until it holds (a process outside the test decides when); AssertionError on timeout."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    raise AssertionError("timed out")
