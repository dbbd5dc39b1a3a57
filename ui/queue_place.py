"""Keeping a visitor's place in the training queue while any page of theirs is open (`rnnviz.run_queue`).

A waiting run leaves the queue once its owner has had no page open for `run_queue.ABANDON_SECONDS`:
the lab marks it seen on every refresh, and every other page (app.py) every `SEEN_EVERY_SECONDS`, so a
learner reading the tokens page keeps their place, while a session that clicked Start and left does not.
"""

from __future__ import annotations

import streamlit as st

# rnnviz.runs and run_queue are imported when a session has a run waiting: the other pages' first visit
# on a new server does not pay for the run store (numpy, the launchers).
_WAITING_RUN = "_waiting_run"  # session key: the id of this session's run in the queue


def note_waiting_run(run_id: str) -> None:
    """The lab: this session's run waits (marked seen now, and by every page from now on)."""
    from rnnviz import run_queue, runs

    st.session_state[_WAITING_RUN] = run_id
    run_queue.mark_seen(runs.RunStore(), run_id)


def keep_place_in_queue() -> None:
    """Every page (app.py): while this session's run waits, mark it seen every `SEEN_EVERY_SECONDS`."""
    if _WAITING_RUN in st.session_state:
        from rnnviz import run_queue

        with st.sidebar:
            st.fragment(run_every=run_queue.SEEN_EVERY_SECONDS)(_mark_seen)()


def _mark_seen() -> None:
    from rnnviz import run_queue, runs

    run_id = st.session_state.get(_WAITING_RUN)
    store = runs.RunStore()
    try:
        still_waiting = run_id is not None and store.get(run_id).state == runs.WAITING
    except runs.RunError:  # cancelled, or left the queue
        still_waiting = False
    if still_waiting and run_queue.mark_seen(store, run_id):
        return
    st.session_state.pop(_WAITING_RUN, None)  # started or gone: nothing left to keep
