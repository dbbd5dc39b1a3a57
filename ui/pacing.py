"""How much one session may make the server do: at most `RUNS_PER_SECOND` page runs a second at full speed.

Thirty browsers share one server process, and Python runs one thread at a time: a single websocket sending
~80 reruns a second to /train made another visitor's /tokens rerun take 15 s (BENCHMARKS.md, "A rerun
flood"). A session over the pace waits before its run does any work, asleep (which costs nothing and
lets the other sessions' threads run); a newer rerun request from the same session then replaces the
waiting run before it starts its work, so a flood's requests are dropped instead of computed.
"""

from __future__ import annotations

import time

import streamlit as st

RUNS_PER_SECOND = 10  # a learner clicking, typing or dragging a slider stays well under this
WAIT_PER_EXTRA_RUN = 0.1  # seconds a run over the pace waits, per run over it in the last second
LONGEST_WAIT = 1.0  # seconds: a flood's session is held at about one run a second
_RECENT = "_recent_runs"  # session key: the start times of this session's runs in the last second


def pace_reruns() -> float:
    """Call first in every page run (app.py) and in the fragments that read the runs folder. Returns the
    seconds this run waited (0 at a learner's pace)."""
    now = time.monotonic()
    recent = [start for start in st.session_state.get(_RECENT, ()) if now - start < 1.0]
    recent.append(now)
    st.session_state[_RECENT] = recent[-4 * RUNS_PER_SECOND:]  # bounded: a flood cannot grow it
    wait = min(WAIT_PER_EXTRA_RUN * (len(recent) - RUNS_PER_SECOND), LONGEST_WAIT)
    if wait > 0:
        time.sleep(wait)
    return max(wait, 0.0)
