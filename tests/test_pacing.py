"""One session cannot make the server run its pages faster than a learner would (issue 24: a rerun flood)."""

import pytest

import ui.pacing as pacing


@pytest.fixture
def clock(monkeypatch):
    """A session of its own and a clock the test moves; the sleeps are recorded, not slept."""
    state, slept, now = {}, [], [1000.0]
    monkeypatch.setattr(pacing.st, "session_state", state)
    monkeypatch.setattr(pacing.time, "monotonic", lambda: now[0])
    monkeypatch.setattr(pacing.time, "sleep", slept.append)
    return now, slept, state


def test_a_learners_pace_never_waits(clock):
    now, slept, _ = clock
    for _ in range(60):  # six runs a second for ten seconds: clicking, typing, dragging a slider
        assert pacing.pace_reruns() == 0
        now[0] += 1 / 6
    assert slept == []


def test_a_flood_waits_longer_with_each_extra_run_up_to_a_second_and_its_memory_is_bounded(clock):
    now, slept, state = clock
    for _ in range(80):  # 80 reruns in one second
        pacing.pace_reruns()
        now[0] += 1 / 80
    assert len(slept) == 80 - pacing.RUNS_PER_SECOND
    assert slept[0] == pytest.approx(pacing.WAIT_PER_EXTRA_RUN) and max(slept) == pacing.LONGEST_WAIT
    assert len(state["_recent_runs"]) <= 4 * pacing.RUNS_PER_SECOND
    now[0] += 2  # the flood stops: the next run is at full speed again
    assert pacing.pace_reruns() == 0
