"""The timestep player (◀ / ▶ play / slider / ▶, full screen) and the chart and equation it drives."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from rnnviz import player
from rnnviz.i18n import t
from ui.html_button import html_button
from ui.settings import keep_settings, presenting, setting_key


_PLAYING = "step_playing"  # session key: the key of the player that is playing, or None
_SHOWN = "step_shown"  # session key: the step the player drew last (a play tick moves on only from it)


def timestep_player(lang: str, first: int, last: int, draw: Callable[[int], None], key: str,
                    whole_page: bool = False, share: bool = True) -> None:
    """A page's one timestep control, ◀ / ▶ play / slider / ▶, above what it drives: `draw(step_t)`.

    One source of truth, `st.session_state["step_t"]` (1-based, kept in `first .. last`). The
    control and `draw` run as a fragment: a click reruns them, not the whole page. ▶ Play is an
    app-side timer: the fragment is declared with `run_every` only while playing, and every tick
    moves `step_t` on by one from the step shown, stopping after `last` (`rnnviz.player`); the
    other controls wait while it plays. Play, pause and the end rerun the whole page once, which
    starts or stops the timer. The figure holds no frames of its own: every step redraws it
    (`step_chart`, without the chart-only fullscreen); `fullscreen_button` takes the whole page.

    Args:
        first, last: the steps on show (the review page starts `first` after its padding).
        draw: draws one step's chart and equation (it reads no widgets of its own).
        key: this page's player; play on one page does not carry over to another.
        whole_page: something outside the player also shows `step_t`: every step reruns the page.
        share: keep `step_t` in the URL (it is a setting of the page, from `step_controls`).
    """
    state = st.session_state
    state["step_t"] = player.clamp(state.get("step_t", first), first, last)
    if state.get(_PLAYING) not in (None, key):  # a player left playing on another page
        state[_PLAYING] = None
    playing = state.get(_PLAYING) == key and first < last

    def rerun() -> None:  # after a click; a fragment rerun is Streamlit's default
        if whole_page:
            st.rerun()

    def move(delta: int) -> None:
        state["step_t"] = player.clamp(state["step_t"] + delta, first, last)
        rerun()

    def play_or_pause() -> None:
        if state.get(_PLAYING) == key:
            state[_PLAYING] = None
            state["step_t"] = state.get(_SHOWN) or state["step_t"]  # the step on screen, not a late tick's
        else:
            state["step_t"] = player.play_from(state["step_t"], first, last)
            state[_PLAYING], state[_SHOWN] = key, None  # show the current step first, then move on
        st.rerun()  # the whole page: declares the fragment with or without its timer

    @st.fragment(run_every=player.PLAY_SECONDS if playing else None)
    def steps() -> None:
        going = state.get(_PLAYING) == key
        if going and state.get(_SHOWN) is not None:  # a tick: on from the step shown (the slider may lag)
            following = player.tick(state[_SHOWN], last)
            if following is None:  # the last step has been on screen for a tick: stop
                state[_PLAYING], state["step_t"] = None, state[_SHOWN]
                st.rerun()  # the whole page declares the fragment without its timer
            state["step_t"] = following
            if whole_page:
                state[_SHOWN] = None  # the whole page's run shows this step, and moves on only at the next tick
                st.rerun()
        stage = st.container(key=f"{key}_stage") if presenting() else None  # the projector's: picture first
        if first < last:
            back, play, slider, forward, whole = st.columns([2, 2, 8, 2, 2], vertical_alignment="bottom")
            back.button(t("step_back", lang), key=f"{key}_back", on_click=move, args=(-1,), width="stretch",
                        disabled=going or state["step_t"] <= first)
            play.button(t("step_pause" if going else "step_play", lang), key=f"{key}_play", width="stretch",
                        on_click=play_or_pause, type="primary", help=t("step_play_help", lang))
            slider.slider(t("step_t", lang), first, last, key="step_t", on_change=rerun, disabled=going)
            forward.button(t("step_forward", lang), key=f"{key}_forward", on_click=move, args=(1,),
                           width="stretch", disabled=going or state["step_t"] >= last)
            with whole:
                fullscreen_button(lang, key)
        else:
            st.caption(t("step_single", lang))
        with stage or st.container(key=f"{key}_stage"):
            draw(state["step_t"])
        state[_SHOWN] = state["step_t"]
        if share:
            keep_settings(["step_t"])

    steps()


# The player goes fullscreen whole: the browser's Fullscreen API on the page, so the controls, the
# chart and the equation stay together and keep working (`step_chart` drops the chart-only one).
_FULLSCREEN = """<style>
.rnnviz-fullscreen { width: 100%; padding: 0.25rem 0.5rem; white-space: nowrap; }
</style>
{button}
<script>
document.querySelectorAll(".rnnviz-fullscreen").forEach(button => button.onclick = () =>
  document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen());
</script>"""


def fullscreen_button(lang: str, key: str) -> None:
    """Full screen for the player `key`: the whole page, so the controls come along (Esc leaves)."""
    button = html_button(t("step_fullscreen", lang), f"rnnviz-fullscreen st-key-{key}_fullscreen",
                         title=t("step_fullscreen_help", lang))
    st.html(_FULLSCREEN.replace("{button}", button), unsafe_allow_javascript=True)


def step_chart(place, figure) -> None:
    """Draw a player's chart in `place` without a modebar: every step redraws the chart, which would
    close its chart-only fullscreen (and that view has no controls); "Full screen" takes the page."""
    place.plotly_chart(figure, width="stretch", config={"displayModeBar": False})


STEP_VIEWS = ("picture", "numbers")  # the two tabs under a player; `step_view` in the URL names the open one
_VIEW = "step_view"  # session key (language-free) and link parameter


def _view_id(raw: str) -> str:
    if raw not in STEP_VIEWS:
        raise ValueError(raw)  # a hand-edited link: setting_key keeps the default
    return raw


def step_views(lang: str):
    """Two tabs under the player: the book's picture (first: what the page is about) and the numbers
    (the chart and the equation, side by side). The player drives both.

    Only the open tab is drawn: every step redraws it, and the closed tab's figure would cost the
    browser as much again for nothing (BENCHMARKS.md, "Pages that open fast"). A click on a tab
    reruns the player (its fragment) to draw the other one. The choice is kept by id, not by its
    translated label (`translated_choice`), so it survives a language switch, and in the link.

    Returns:
        (picture, numbers): the open tab's container, None for the closed one.
    """
    labels = [t(f"step_view_{view}", lang) for view in STEP_VIEWS]
    chosen = labels[STEP_VIEWS.index(st.session_state[setting_key(_VIEW, STEP_VIEWS[0], parse=_view_id)])]
    widget_key = f"{_VIEW}@{lang}"  # one widget per language: its value is a label
    if st.session_state.get(widget_key) != chosen:  # a new language, or a link's choice
        st.session_state[widget_key] = chosen  # not `default=`: that would make a new widget at every choice

    def keep_choice() -> None:
        st.session_state[_VIEW] = STEP_VIEWS[labels.index(st.session_state[widget_key])]

    tabs = st.tabs(labels, key=widget_key, on_change=keep_choice)
    keep_settings([_VIEW])
    return tuple(tab if tab.open else None for tab in tabs)


def chart_and_equation():
    """Two side-by-side places under the player: the chart's column and, beside it, a box of the
    chart's height for the equation (it scrolls when a big layer's equation is taller)."""
    from rnnviz import charts_cells  # Plotly: only on the pages that draw

    chart, equation = st.columns([5, 4], gap="small")
    return chart, equation.container(height=charts_cells.STEP_CHART_HEIGHT, border=False)
