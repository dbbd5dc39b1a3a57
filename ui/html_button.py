"""The app's own HTML buttons (print, full screen): one look, Streamlit's, for buttons that run browser code.

`st.button` reruns the script on the server; a button that must act in the browser (`window.print()`,
the Fullscreen API) is plain HTML in `st.html`. Every such button carries the class `rnnviz-button`
(its look, defined once here) and a class of its own for what differs (size, padding, its script).
"""

from __future__ import annotations

from html import escape

# The shared look: Streamlit's secondary button (thin grey border, red on hover). No padding or width:
# those are each button's own, so its rules never compete with these whatever order they load in.
_STYLE = """<style>
.rnnviz-button { min-height: 2.5rem; cursor: pointer; font: inherit;
  border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem; background: white; }
.rnnviz-button:hover { border-color: #ff4b4b; color: #ff4b4b; }
</style>
"""


def html_button(label: str, classes: str, *, title: str = "") -> str:
    """The HTML of one button in the app's look, with its stylesheet, for `st.html`.

    Streamlit drops inline handlers (``onclick="..."``) from `st.html`: the caller's ``<script>`` binds
    the click, finding the button by its own class.

    Args:
        label: the text on the button.
        classes: the button's own class(es), beside `rnnviz-button`: its own rules and scripts find it by them.
        title: the tooltip (none when empty).
    """
    tooltip = f' title="{escape(title)}"' if title else ""
    return f'{_STYLE}<button class="rnnviz-button {classes}"{tooltip}>{escape(label)}</button>'
