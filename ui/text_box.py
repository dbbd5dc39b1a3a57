"""Text the visitor types or pastes: every box holds at most its limit, on the server as in the browser.

The browser stops a box at `max_chars`, but the server takes whatever the websocket brings (up to
Streamlit's 25 MB per message). A box with `max_chars` is also cut on the server: Streamlit's own
reading of the value (`TextAreaSerde.deserialize`) keeps its first `max_chars` characters, before any
callback, the session state or the page sees it, and the whole message is dropped after that run.
So every box gets a limit; a link's value is cut to it by `setting_key(..., max_chars=)`.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from rnnviz.i18n import t


def text_box(widget: Callable, label: str, key: str, limit: int, lang: str, note_key: str = "text_cut",
             **kwargs) -> str:
    """`widget` (`column.text_area`, `st.text_input`, ...) keyed `key`, holding at most `limit` characters.

    A value already kept under `key` (from a link, another page, code) is cut before the widget is
    drawn; what the browser sends, by the widget's `max_chars`. A text at the limit was most likely cut:
    a note (`note_key`, with `limit`) under the box says so.

    Returns:
        The text the page reads (at most `limit` characters).
    """
    kept = st.session_state.get(key)
    if isinstance(kept, str) and len(kept) > limit:
        st.session_state[key] = kept[:limit]
    text = widget(label, key=key, max_chars=limit, **kwargs) or ""
    if len(text) >= limit:
        widget.__self__.warning(t(note_key, lang, limit=limit))  # in the box's own column
    return text
