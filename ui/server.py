"""What is loaded once, before a visitor needs it: the IMDB caches, the server's background import warm-up
and the browser's chart code (`preload_chart_code`)."""

from __future__ import annotations

import gc
import threading

import streamlit as st

from rnnviz import data


@st.cache_resource(show_spinner=False)
def imdb_word_index() -> dict[str, int]:
    """IMDB's word -> rank dict, read once per server (88,584 words; callers only read it)."""
    return data.load_word_index()


@st.cache_resource(show_spinner=False)
def imdb_test_reviews() -> data.TestReviews:
    """The 25,000 test reviews, every word kept, in compact arrays (~23 MB), read once per server."""
    return data.load_test_reviews()


def _warm_up() -> None:
    """Import what the pages need and build one Plotly figure, so Plotly's lazy validators are loaded;
    then freeze the heap the imports made (`_freeze_heap`)."""
    import pandas  # noqa: F401 - the tables of every page but home

    from rnnviz import charts

    charts.style(charts.go.Figure(charts.go.Scatter(x=[0, 1], y=[1, 0])), "warm-up").to_json()
    _freeze_heap()


def _freeze_heap() -> None:
    """Move every object alive now (the modules and classes of Streamlit, pandas, Plotly, rnnviz) into
    the garbage collector's permanent generation, which its collections skip.

    Streamlit runs a full `gc.collect()` after every script run (its `runner.postScriptGC`, on by
    default): over the ~130,000 objects of the imports that took ~0.1 s of CPU per run, holding the
    GIL, a third of the server's CPU with a class of 40 (BENCHMARKS.md, "A class of 40"). Frozen, they
    are not walked again; what later runs make is collected as before.
    """
    gc.collect()  # garbage found now is freed, not frozen
    gc.freeze()


_WARM_UPS: list[threading.Thread] = []  # the warm-up thread of this server, once started


@st.cache_resource(show_spinner=False)
def warm_up_in_background() -> threading.Thread:
    """Once per server, after the first page is drawn: load pandas, Plotly and rnnviz.charts in a thread.

    They cost the first page a visitor opens after a server start 1-2 s; done while the visitor
    reads the home page, the first visit of a page finds them imported. Pure imports, no
    Streamlit call; a page waits for them first (`wait_for_warm_up`).
    """
    worker = threading.Thread(target=_warm_up, name="rnnviz-warm-up", daemon=True)
    _WARM_UPS.append(worker)
    worker.start()
    return worker


def wait_for_warm_up() -> None:
    """Before a page runs (app.py): let a warm-up still importing finish.

    Two threads importing pandas and Plotly at once can deadlock on Python's import locks,
    which Python breaks by handing one of them a half-initialised module ("module 'pandas'
    has no attribute 'Series'", seen on the review page). Waiting costs nothing once the
    imports are done, and no more than importing them itself while they are not.
    """
    for worker in _WARM_UPS:
        worker.join()


_PRELOAD = "rnnviz_preload"  # the hidden container of `preload_chart_code`


def preload_chart_code() -> None:
    """Have the browser load the code of Plotly's charts, of tables and of code boxes now, on a page that
    shows none of them.

    Streamlit's frontend fetches that code (Plotly 4.7 MB, the table 1.3 MB, the highlighter 1.6 MB)
    only when the first such element arrives, and parsing it takes this machine's browser about a
    second: the first page a visitor opens from home waited for it (BENCHMARKS.md, "Pages that open
    fast"). An empty chart, table and code box sent hidden at the end of home let the browser do it
    while the visitor reads.
    """
    import pandas as pd

    st.html(f"<style>.st-key-{_PRELOAD} {{ display: none; }}</style>")
    with st.container(key=_PRELOAD):
        st.plotly_chart({"data": [{"type": "scatter"}]}, config={"staticPlot": True})  # Plotly refuses no trace
        st.dataframe(pd.DataFrame())
        st.code("", language="python")  # the code highlighter, for the pages' code boxes
