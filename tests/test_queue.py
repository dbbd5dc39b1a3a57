"""The queue for training slots: first come first served, one waiting run per visitor, cancelling, a restart,
a class clicking at once, and the training lab's view of it (issue 16)."""

import os
import subprocess
import sys
import threading
import time

import pytest

import conftest
from conftest import ROOT, texts, wait_until
from rnnviz import charts_train, launch, launchers, owner, processes, run_queue, runs
from rnnviz import config as cfg
from rnnviz.i18n import t
from rnnviz.launch import Limits
from rnnviz.runs import RunError, RunStore

QUICK = cfg.quick(cfg.PRESETS["lstm"])  # never trained here: the stand-in worker or a blocked slot
# The smallest real run, as tests/test_faults.py: 64 reviews, 1 epoch, 32 test reviews.
TINY = cfg.PRESETS["embedding-simplernn"].replace(max_train_samples=64, epochs=1, max_test_samples=32,
                                                  patience=100, backend="jax")
ONE = Limits(max_runs=1, keep_runs=60, max_waiting=60)  # the default one slot; room for a class of 40


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv(runs.RUNS_DIR_ENV, str(tmp_path / "runs"))
    return RunStore(tmp_path / "runs")


def take_the_slot(store, owner_id="teacher", config=QUICK, **status):
    """A run training in this test's own (live) process: it holds the only slot until `free_the_slot`."""
    run_id = store.create(config, owner=owner_id)
    store.update_status(run_id, state=runs.RUNNING, pid=os.getpid(), started=time.time(), phase="training",
                        pid_start=processes.process_start_ticks(os.getpid()), **status)
    return run_id


def free_the_slot(store, run_id):
    store.update_status(run_id, state=runs.DONE, ended=time.time(), phase=None)


def states(store):
    return {run.id: run.state for run in store.list()}


def all_finished(store):
    return not any(run.live for run in store.list())


# --- order, one per visitor, cancelling -------------------------------------------------------------------


def test_launches_over_the_limit_wait_first_come_first_served(store, stand_in_worker):
    blocker = take_the_slot(store)
    queued = [launch.launch(store, QUICK, owner=name, limits=ONE) for name in ("ann", "bo", "cy")]
    assert [states(store)[run_id] for run_id in queued] == [runs.WAITING] * 3
    listed = store.list()
    assert [run.id for run in run_queue.waiting(listed)] == queued
    assert [run_queue.place(listed, run_id) for run_id in queued] == [(1, 3), (2, 3), (3, 3)]
    assert not any(store.get(run_id).active for run_id in queued)  # waiting takes no slot
    assert stand_in_worker.started() == []  # nothing started while the slot is taken

    free_the_slot(store, blocker)
    assert launch.dispatch(store, ONE) == queued[:1]  # one slot: the first in line
    stand_in_worker.open_gate()
    wait_until(lambda: all_finished(store))
    assert stand_in_worker.events() == [(event, run_id) for run_id in queued for event in ("start", "end")]
    assert all(states(store)[run_id] == runs.DONE for run_id in queued)


def test_a_visitor_keeps_one_run_in_the_queue_and_a_second_click_changes_nothing(store):
    take_the_slot(store)
    first = launch.launch(store, QUICK, owner="ann", limits=ONE)
    launch.launch(store, QUICK, owner="bo", limits=ONE)
    before = states(store)
    with pytest.raises(RunError) as refused:
        launch.launch(store, QUICK.replace(seed=7), owner="ann", limits=ONE)
    assert refused.value.key == "train_err_already_queued"
    assert refused.value.params == {"run": first, "place": 1, "total": 2}
    assert states(store) == before and store.get(first).config == QUICK  # replaced nothing
    assert "대기 순서 1 / 2" in t(refused.value.key, "ko", **refused.value.params)
    assert "already queued" in t(refused.value.key, "en", **refused.value.params).lower()


def test_only_the_visitor_who_queued_a_run_may_cancel_it(store):
    blocker = take_the_slot(store)
    mine = launch.launch(store, QUICK, owner="ann", limits=ONE)
    behind = launch.launch(store, QUICK, owner="bo", limits=ONE)
    with pytest.raises(RunError) as refused:
        run_queue.cancel(store, mine, visitor="bo")
    assert refused.value.key == "train_err_not_yours" and states(store)[mine] == runs.WAITING
    with pytest.raises(RunError) as refused:  # a waiting run is cancelled, never deleted
        store.delete(mine, visitor="ann")
    assert refused.value.key == "train_err_delete_active"
    assert run_queue.cancel(store, mine, visitor="ann") is True
    assert mine not in store.ids()
    assert run_queue.place(store.list(), behind) == (1, 1)  # the one behind moves up
    assert run_queue.cancel(store, blocker, visitor="teacher") is False  # training, not waiting: stop it instead
    assert states(store)[blocker] == runs.RUNNING


def finished_run(store, owner_id, launched):
    """A finished run of `owner_id`, launched at `launched` (seconds since the epoch)."""
    run_id = store.create(QUICK, owner=owner_id)
    store.update_status(run_id, state=runs.DONE, created=launched, started=launched, ended=launched + 60)
    return run_id


def test_finished_runs_never_block_a_start_other_visitors_oldest_make_room_first(store):
    """Issue 24: 30 finished runs of throwaway sessions once refused every later visitor for good."""
    now = time.time()
    own_oldest = finished_run(store, owner.owner_hash("a" * 43), now - 9_000)
    flood = [finished_run(store, owner.owner_hash(owner.new_token()), now - 3_000 + i) for i in range(3)]
    limits = Limits(max_runs=1, keep_runs=4)
    newcomer = owner.owner_hash("a" * 43)
    first = launch.launch(store, QUICK, owner=newcomer, limits=limits)  # stand-in for Start: it waits or starts
    kept = set(store.ids())
    assert first in kept and own_oldest in kept and flood[0] not in kept  # the stranger's oldest made room
    assert flood[1] in kept and flood[2] in kept and len(kept) == 4


def test_a_store_full_of_training_runs_refuses_with_the_reason(store):
    blocker = take_the_slot(store)
    with pytest.raises(RunError) as refused:
        launch.launch(store, QUICK, owner="ann", limits=Limits(max_runs=2, keep_runs=1))
    assert refused.value.key == "train_err_store_full" and refused.value.params == {"n": 1, "limit": 1}
    assert store.ids() == [blocker]


def test_the_queue_has_a_bound_of_its_own_and_abandoned_runs_leave_it(store):
    take_the_slot(store)
    limits = Limits(max_runs=1, keep_runs=3, max_waiting=2)
    ann = launch.launch(store, QUICK, owner="ann", limits=limits)
    bo = launch.launch(store, QUICK, owner="bo", limits=limits)
    with pytest.raises(RunError) as refused:
        launch.launch(store, QUICK, owner="cy", limits=limits)
    assert refused.value.key == "train_err_queue_full" and refused.value.params == {"n": 2, "limit": 2}
    # ann's browser keeps a page open; bo closed every page three minutes ago
    later = time.time() + run_queue.ABANDON_SECONDS + 60
    assert run_queue.mark_seen(store, bo, now=time.time())
    assert run_queue.mark_seen(store, ann, now=later)
    assert [run.id for run in run_queue.abandoned(store.list(), now=later)] == [bo]
    assert run_queue.leave_abandoned(store, store.list(), now=later) == [bo]
    cy = launch.launch(store, QUICK, owner="cy", limits=limits)
    assert run_queue.place(store.list(), cy) == (2, 2) and run_queue.place(store.list(), ann) == (1, 2)


# --- when a run waiting should start ---------------------------------------------------------------------


HEADER = "epoch,accuracy,loss,val_accuracy,val_loss\r\n"


def with_history(store, run_id, epochs):
    rows = "".join(f"{i},0.6,0.6,0.6,0.6\r\n" for i in range(epochs))
    (store.path(run_id) / runs.HISTORY_FILE).write_text(HEADER + rows, newline="")


def test_the_expected_start_adds_the_runs_ahead_to_the_time_left_of_the_one_training(store):
    ten = QUICK.replace(epochs=10)
    done = store.create(ten)  # finished earlier: 10 epochs of 2 s in 25 s, so 5 s besides its epochs
    with_history(store, done, 10)
    store.update_status(done, state=runs.DONE, created=1000.0, ended=1025.0, seconds_per_epoch=2.0)
    training = take_the_slot(store, config=ten, seconds_per_epoch=2.0)  # 3 of 10 epochs done: 7 x 2 = 14 s left
    with_history(store, training, 3)
    store.update_status(training, heartbeat=time.time())
    ahead = launch.launch(store, ten, owner="ann", limits=ONE)  # 5 + 10 x 2 = 25 s
    second = launch.launch(store, ten.replace(epochs=5), owner="bo", limits=ONE)  # 5 + 5 x 2 = 15 s
    mine = launch.launch(store, ten, owner="cy", limits=ONE)
    listed = store.list()
    assert run_queue.expected_start(listed, ahead, max_runs=1) == pytest.approx(14)
    assert run_queue.expected_start(listed, second, max_runs=1) == pytest.approx(14 + 25)
    assert run_queue.expected_start(listed, mine, max_runs=1) == pytest.approx(14 + 25 + 15)
    # two slots: the first waits for nothing, the second for the training run, the third for the first
    assert [run_queue.expected_start(listed, run_id, max_runs=2) for run_id in (ahead, second, mine)] == \
        pytest.approx([0, 14, 25])
    assert run_queue.expected_start(listed, training, max_runs=1) is None  # not waiting


def test_no_estimate_before_any_epoch_was_measured(store):
    take_the_slot(store)
    mine = launch.launch(store, QUICK, owner="ann", limits=ONE)
    assert run_queue.expected_start(store.list(), mine, max_runs=1) is None


def test_a_run_that_waited_keeps_its_name_and_times_its_steps_from_its_turn(store, stand_in_worker):
    blocker = take_the_slot(store)
    queued = launch.launch(store, QUICK, owner="ann", limits=ONE)
    name = charts_train.run_label(store.get(queued), "ko")
    clicked = store.get(queued).status.enqueued
    free_the_slot(store, blocker)
    launch.dispatch(store, ONE)
    wait_until(lambda: store.get(queued).state == runs.RUNNING)
    run = store.get(queued)
    assert charts_train.run_label(run, "ko") == name and run.launched == clicked  # the click's time names it
    assert run.status.created >= clicked  # the slot came after the click: the steps count from there
    store.update_status(queued, steps={"python": [0.0, 0.5], "epoch1": [0.5, 3.0]})
    assert charts_train.first_point_text(store.get(queued), "en").startswith(
        "First curve point 3.0 s after its turn in the queue came")
    stand_in_worker.open_gate()
    wait_until(lambda: all_finished(store))


def test_a_cluster_that_does_not_answer_leaves_the_waiting_run_in_its_place(store, monkeypatch):
    from tools.appserver import free_port

    blocker = take_the_slot(store)
    first = launch.launch(store, QUICK, owner="ann", limits=ONE)
    second = launch.launch(store, QUICK, owner="bo", limits=ONE)
    free_the_slot(store, blocker)
    monkeypatch.setenv(launchers.LAUNCHER_ENV, launchers.RAY)
    monkeypatch.setenv(launchers.RAY_ADDRESS_ENV, f"http://127.0.0.1:{free_port()}")  # nothing listens
    assert launch.dispatch(store, ONE) == []
    listed = store.list()
    assert [run.id for run in run_queue.waiting(listed)] == [first, second]  # both still wait, in order
    assert store.get(first).status.launcher is None  # and the next dispatch starts it afresh


# --- restart, and dispatch with no page open --------------------------------------------------------------


_LAUNCH_AND_EXIT = """
import sys
sys.path.insert(0, sys.argv[1])
from rnnviz import config as cfg, launch, runs
limits = launch.Limits(max_runs=1, keep_runs=60, max_waiting=60)
for name in ("ann", "bo"):
    print(launch.launch(runs.RunStore(sys.argv[2]), cfg.from_json(sys.argv[3]), owner=name, limits=limits))
"""


def test_the_queue_outlives_a_server_restart_and_the_next_dispatch_starts_it(store, stand_in_worker):
    """The server that queued the runs exits; the run training dies with it (interrupted, its slot free);
    a fresh store's first dispatch, as the first page of a new server does, starts the first in line."""
    dying = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    blocker = store.create(QUICK, owner="teacher")
    store.update_status(blocker, state=runs.RUNNING, pid=dying.pid, started=time.time(), phase="training",
                        pid_start=processes.process_start_ticks(dying.pid))
    server = subprocess.run([sys.executable, "-c", _LAUNCH_AND_EXIT, str(ROOT), str(store.root), cfg.to_json(QUICK)],
                            capture_output=True, text=True, timeout=120, check=True)
    queued = server.stdout.split()
    assert [states(store)[run_id] for run_id in queued] == [runs.WAITING] * 2  # on disk, no server holding them
    dying.kill()
    dying.wait()
    assert states(store)[blocker] == runs.INTERRUPTED

    restarted = RunStore(store.root)
    assert run_queue.due(restarted.list(), max_runs=1)
    assert launch.dispatch(restarted, ONE) == queued[:1]
    assert states(restarted)[queued[1]] == runs.WAITING
    stand_in_worker.open_gate()
    wait_until(lambda: all_finished(store))  # the first's worker, ending, started the second
    assert stand_in_worker.started() == queued
    assert [states(store)[run_id] for run_id in queued] == [runs.DONE] * 2


@pytest.mark.parametrize("max_runs", [1, 3])
@pytest.mark.worker
def test_a_class_of_40_clicking_at_once_trains_max_runs_at_a_time_and_every_run_once(store, stand_in_worker,
                                                                                     max_runs):
    limits = Limits(max_runs=max_runs, keep_runs=60, max_waiting=60)
    launched, refused = [], []
    release = threading.Barrier(40)

    def click(number):
        release.wait()
        try:
            launched.append(launch.launch(store, QUICK, owner=owner.owner_hash(owner.new_token()), limits=limits))
        except RunError as error:
            refused.append(error.key)

    clicks = [threading.Thread(target=click, args=(n,)) for n in range(40)]
    for thread in clicks:
        thread.start()
    for thread in clicks:
        thread.join()
    assert refused == [] and len(set(launched)) == 40 and sorted(store.ids()) == sorted(launched)
    # every worker holds its slot until the gate opens: exactly max_runs started, the rest wait in line
    wait_until(lambda: len(stand_in_worker.started()) == max_runs)
    listed = store.list()
    assert sum(run.active for run in listed) == max_runs
    queue = run_queue.waiting(listed)
    assert len(queue) == 40 - max_runs
    assert [run_queue.place(listed, run.id) for run in queue] == [(n, 40 - max_runs) for n in range(1, 41 - max_runs)]

    stand_in_worker.open_gate()
    wait_until(lambda: all_finished(store))
    events = stand_in_worker.events()
    started = stand_in_worker.started()
    assert sorted(started) == sorted(launched) and len(started) == 40  # each run exactly once
    assert sorted(run_id for event, run_id in events if event == "end") == sorted(launched)
    given_a_slot = sorted(launched, key=lambda run_id: store.get(run_id).status.created)  # when dispatch started it
    assert given_a_slot[max_runs:] == [run.id for run in queue]  # in the queue's order
    training, most = 0, 0
    for event, _ in events:
        training += 1 if event == "start" else -1
        most = max(most, training)
    assert most == max_runs
    assert all(run.state == runs.DONE for run in store.list())


@pytest.mark.worker
def test_three_queued_real_runs_start_each_other_with_no_page_open(store, local_data):
    """Real workers (`python -m rnnviz.train`): each one, ending, starts the next in line."""
    blocker = take_the_slot(store)
    queued = [launch.launch(store, TINY.replace(seed=seed), owner=f"visitor-{seed}", limits=ONE)
              for seed in (1, 2, 3)]
    free_the_slot(store, blocker)
    assert launch.dispatch(RunStore(store.root), ONE) == queued[:1]
    wait_until(lambda: all_finished(store), timeout=600, every=0.5)
    done = [store.get(run_id) for run_id in queued]
    assert [run.state for run in done] == [runs.DONE] * 3, [run.error for run in done]
    assert all(run.epochs_run == 1 and run.test_accuracy is not None for run in done)
    spans = [(run.status.created, run.status.ended) for run in done]
    assert all(end <= next_start for (_, end), (next_start, _) in zip(spans, spans[1:]))  # in line, one at a time
    assert all(run.status.enqueued < run.status.created for run in done)  # each waited, then got the slot


# --- the training lab shows the queue --------------------------------------------------------------------


open_page = conftest.page_opener("views/train.py", timeout=60)


def visitor_of(at):
    return owner.owner_hash(at.session_state["_owner_token"])


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_lab_shows_your_queued_run_with_its_place_its_start_and_cancel(store, local_data, lang):
    blocker = take_the_slot(store, owner_id="someone-else", seconds_per_epoch=0.4)
    with_history(store, blocker, 3)
    others = [launch.launch(store, QUICK, owner=name, limits=ONE) for name in ("ann", "bo")]
    at = open_page(lang)
    start = at.button(key="train_launch")
    assert not start.disabled  # every slot taken: Start queues instead of refusing
    assert t("train_launch_will_queue", lang, limit=1, place=3) in texts(at.caption)
    start.click().run()
    assert not at.exception and not at.error, texts(at.error)
    [mine] = [run for run in run_queue.waiting(store.list()) if run.owned_by(visitor_of(at))]
    assert run_queue.place(store.list(), mine.id) == (3, 3)
    shown = texts(at.markdown)
    assert t("train_queue_place", lang, place=3, total=3) in shown
    assert ("대기 순서 3 / 3" if lang == "ko" else "Place in the queue: 3 / 3") in shown
    # 17 epochs left of 0.4 s, then two runs of 20 epochs of 0.4 s (no run has finished: nothing besides)
    eta = (QUICK.epochs - 3) * 0.4 + 2 * QUICK.epochs * 0.4
    assert t("train_queue_eta", lang, time=charts_train.duration_text(eta, lang)) in texts(at.caption)
    assert at.button(key="train_launch").disabled  # one waiting run per visitor
    assert t("train_launch_wait_queued", lang) in texts(at.caption)
    # the queue, apart from the runs table: first come first served, whose each is
    [queue] = [frame.value for frame in at.dataframe if t("train_col_place", lang) in frame.value.columns]
    assert list(queue[t("train_col_place", lang)]) == ["1 / 3", "2 / 3", "3 / 3"]
    assert list(queue[t("train_col_whose", lang)]) == [t("train_whose_other", lang)] * 2 + \
        [t("review_whose_yours", lang)]
    assert set(queue[t("train_col_state", lang)]) == {t("train_state_waiting", lang)}
    runs_tables = [frame.value for frame in at.dataframe if t("train_col_epochs", lang) in frame.value.columns]
    assert sum(len(frame) for frame in runs_tables) == 1  # the training run only: the waiting ones are apart
    assert t("train_no_runs", lang) not in texts(at.info)  # the waiting run is shown, apart
    assert not [b for b in at.button if b.key in {f"cancel_{run_id}" for run_id in others}]  # not theirs
    at.button(key=f"cancel_{mine.id}").click().run()
    assert not at.exception
    assert mine.id not in store.ids() and set(others) <= set(store.ids())
    assert not at.button(key="train_launch").disabled
    assert t("train_launch_will_queue", lang, limit=1, place=3) in texts(at.caption)


@pytest.mark.parametrize("lang", ["ko"])  # the texts are the i18n tests'; one language is enough for the flow
def test_a_flood_of_sessions_that_clicked_start_and_left_never_locks_out_a_newcomer(store, local_data, monkeypatch,
                                                                                   lang):
    """Issue 24: throwaway sessions (a fresh cookie each) fill the queue and leave; within
    `ABANDON_SECONDS` of their last page, an honest newcomer's Start is queued with its place shown."""
    monkeypatch.setenv("RNNVIZ_MAX_WAITING", "4")
    take_the_slot(store, owner_id="teacher")
    for _ in range(4):  # each session a browser of its own, no cookie: a new token
        flood = open_page(lang, token=None)
        flood.button(key="train_launch").click().run()
        assert not flood.exception and not flood.error, texts(flood.error)
    assert len(run_queue.waiting(store.list())) == 4
    newcomer = open_page(lang, token=None)
    newcomer.button(key="train_launch").click().run()
    full = t("train_err_queue_full", lang, n=4, limit=4)
    assert full in texts(newcomer.error) and len(run_queue.waiting(store.list())) == 4  # said so, nothing added
    # the flood's sessions close: nothing marks their runs seen any more; three minutes pass
    past = time.time() - run_queue.ABANDON_SECONDS - 60
    for run in run_queue.waiting(store.list()):
        os.utime(run.path / run_queue.SEEN_FILE, (past, past))
    newcomer.button(key="train_launch").click().run()
    assert not newcomer.error, texts(newcomer.error)
    [mine] = run_queue.waiting(store.list())
    assert mine.owned_by(visitor_of(newcomer))
    assert t("train_queue_place", lang, place=1, total=1) in texts(newcomer.markdown)


def test_a_waiting_runs_owner_keeps_its_place_while_reading_another_page(store, local_data):
    take_the_slot(store, owner_id="teacher")
    at = open_page("en")
    at.button(key="train_launch").click().run()
    [mine] = run_queue.waiting(store.list())
    past = time.time() - run_queue.ABANDON_SECONDS - 60
    os.utime(mine.path / run_queue.SEEN_FILE, (past, past))
    at.switch_page("views/tokens.py").run()  # any page of the owner marks it seen (here: as the page opens)
    assert not at.exception
    assert not run_queue.abandoned(store.list())
    assert run_queue.last_seen(store.get(mine.id)) > past + 60


@pytest.mark.server
def test_sessions_of_a_class_on_a_real_server_flood_the_queue_leave_and_a_newcomer_gets_a_place(imdb_folder, tmp_path):
    """Issue 24, where a class meets it: websocket sessions at once on a real server, each a browser of its own
    (no cookie: a fresh token), click Start; past RNNVIZ_MAX_WAITING the server says the queue is full; once
    their pages are gone for `ABANDON_SECONDS`, a newcomer's Start is queued and its place shown."""
    import asyncio

    from tools.appserver import app_server

    sys.path.insert(0, str(ROOT / "bench"))
    from streamlit_client import Visitor

    runs_dir = tmp_path / "runs"
    take_the_slot(RunStore(runs_dir))  # the server's one slot: a live process (this test's)

    async def click_start(url: str, keep: list) -> object:
        visitor = Visitor(url, lang="en")
        await visitor.open("train", "lang=en")
        run = await visitor.change("train_launch", "trigger_value", True)
        keep.append(visitor)
        return run

    async def flood_then_newcomer(url: str) -> tuple:
        sessions: list = []
        flood = await asyncio.gather(*(click_start(url, sessions) for _ in range(4)))
        for visitor in sessions:  # the flood's tabs close
            await visitor.close()
        past = time.time() - run_queue.ABANDON_SECONDS - 60
        for run in run_queue.waiting(RunStore(runs_dir).list()):
            os.utime(run.path / run_queue.SEEN_FILE, (past, past))  # ...and two minutes pass
        newcomer: list = []
        accepted = await click_start(url, newcomer)
        await newcomer[0].close()
        return flood, accepted

    env = {"RNNVIZ_DATA_DIR": str(imdb_folder), "RNNVIZ_RUNS_DIR": str(runs_dir), "RNNVIZ_MAX_WAITING": "3",
           "RNNVIZ_WARM_UP": "0"}
    with app_server(env=env, timeout=120) as url:
        flood, accepted = asyncio.run(flood_then_newcomer(url))
    full = t("train_err_queue_full", "en", n=3, limit=3)
    assert sorted(full in run.errors for run in flood) == [False, False, False, True]  # three wait, one is told
    assert not [run.problems for run in flood if run.problems]
    assert not accepted.errors and not accepted.problems
    assert any(t("train_queue_place", "en", place=1, total=1) in text for text in accepted.texts)
    [waiting] = run_queue.waiting(RunStore(runs_dir).list())
    assert waiting.owner not in {None, "teacher"}  # the newcomer's, by its own fresh token
