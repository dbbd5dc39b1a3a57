"""Streamlit glue shared by the pages: language, settings kept in the URL, headers, quizzes.

Kept out of `rnnviz/` because it imports streamlit; holds no maths.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from rnnviz import data, owner, player, stepper
from rnnviz.i18n import LANGUAGES, language_from_locale, t

_KEEP = "_kept_settings"  # session_state key: widget values that outlive page changes
_MAX_URL_VALUE = 1500  # longer values (a long paste) stay out of the URL
_OWNER_TOKEN = "_owner_token"  # session_state key: the token made for a browser that sent none


@st.cache_resource(show_spinner=False)
def imdb_word_index() -> dict[str, int]:
    """IMDB's word -> rank dict, read once per server (88,584 words; callers only read it)."""
    return data.load_word_index()


@st.cache_resource(show_spinner=False)
def imdb_test_reviews() -> data.TestReviews:
    """The 25,000 test reviews, every word kept, in compact arrays (~23 MB), read once per server."""
    return data.load_test_reviews()


# Streamlit writes its own input hints in English only ("Press Enter to apply", "Press Ctrl+Enter to
# apply"); there is no setting to translate them. Outside English they are hidden by this one rule,
# scoped to that hint element, and `input_label` says the same in the page's language.
_HIDE_INPUT_HINTS = '<style>[data-testid="InputInstructions"] { display: none; }</style>'


def localize_widgets(lang: str) -> None:
    """Hide Streamlit's English-only input hints when the app is not in English (app.py, every run)."""
    if lang != "en":
        st.html(_HIDE_INPUT_HINTS)


def input_label(label: str, lang: str, multiline: bool = False) -> str:
    """A text box's label; outside English it also says how to apply (Streamlit's own hint is hidden).

    >>> input_label("문장", "ko")
    '문장 :gray[(Enter 키나 바깥을 클릭하면 적용)]'
    """
    if lang == "en":
        return label
    return f"{label} :gray[({t('hint_ctrl_enter' if multiline else 'hint_enter', lang)})]"


@st.cache_data(show_spinner=False, max_entries=64)
def fading_curves(timesteps: int, seed: int) -> dict:
    """`stepper.fading` for the memory-fading chart, kept per (length, seed): ``{kind: (T,)}``."""
    return stepper.fading(timesteps, seed=seed)


@st.fragment  # moving its slider reruns this section only, not the whole page
def memory_fading(lang: str, seed: int, title_key: str, kind: str | None = None) -> None:
    """The stepper pages' memory-fading section: how much x_t still moves h_T, for the three cells.

    Args:
        title_key: the section's heading.
        kind: the cells page's cell ("LSTM"/"GRU"): adds how open its keep gate is on average.
    """
    from rnnviz import charts_cells  # Plotly: only on the pages that draw

    st.subheader(t(title_key, lang))
    fade_T = st.slider(t("fade_steps", lang), *stepper.FADE_RANGE[:2], key="fade_T")
    curves = fading_curves(fade_T, seed)  # the book's size (16 -> 8), not the sliders'
    st.caption(t("fade_what", lang, d=stepper.FADE_INPUT_DIM, u=stepper.FADE_UNITS, seed=seed,
                 b=stepper.FADE_KEEP_BIAS))
    st.plotly_chart(charts_cells.fading_figure(curves, lang), width="stretch")
    st.markdown(t("fade_text", lang, T=fade_T, **{f"first_{k}": v[0] for k, v in curves.items()},
                  **{f"last_{k}": v[-1] for k, v in curves.items()}))
    if kind is None:
        st.caption(t("fade_why", lang))
    else:
        memory = stepper.gate_memory(kind, stepper.long_trace(kind, fade_T, seed=seed))
        st.markdown(t(f"cells_memory_{kind}", lang, T=fade_T, g=memory, g10=memory ** 10))
    keep_settings(["fade_T"])


def _warm_up() -> None:
    """Import what the pages need and build one Plotly figure, so Plotly's lazy validators are loaded."""
    import pandas  # noqa: F401 - the tables of every page but home

    from rnnviz import charts

    charts.style(charts.go.Figure(charts.go.Scatter(x=[0, 1], y=[1, 0])), "warm-up").to_json()


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


def visitor_id() -> str:
    """Who is visiting: the hash of a secret token this browser keeps in a year-long cookie.

    A shared deployment records it as a run's owner, so one visitor cannot stop or delete
    another's run, and the same browser still owns its runs after a restart. A browser without
    the cookie (a first visit, a malformed value) gets a fresh token at once, kept in the session
    (so its first run is already its own), and a script that stores it in the cookie; the cookie
    reaches the server with the next session. AppTest has no cookies: the session's token only.
    """
    token = (st.context.cookies or {}).get(owner.COOKIE)
    if not owner.is_token(token):
        if _OWNER_TOKEN not in st.session_state:
            st.session_state[_OWNER_TOKEN] = owner.new_token()
        token = st.session_state[_OWNER_TOKEN]
        st.sidebar.html(owner.cookie_script(token), unsafe_allow_javascript=True)  # no gap in the page
    return owner.owner_hash(token)


def language() -> str:
    """The current language: the sidebar switch, else the URL's ?lang=, else the browser locale.

    Also writes it to the URL, so a copied link opens in the same language.
    """
    chosen = st.session_state.get("lang_switch") or st.session_state.get("lang")
    if chosen not in LANGUAGES:
        chosen = st.query_params.get("lang")
    if chosen not in LANGUAGES:
        chosen = language_from_locale(st.context.locale)
    st.session_state["lang"] = chosen
    st.query_params["lang"] = chosen
    return chosen


def language_switch() -> str:
    """The sidebar switch (app.py, every run); the choice goes to the session and the URL."""
    if "lang_switch" not in st.session_state:  # a new session: the link or the browser decides
        url_choice = st.query_params.get("lang")
        st.session_state["lang_switch"] = (url_choice if url_choice in LANGUAGES
                                           else language_from_locale(st.context.locale))
    names = {"ko": "한국어", "en": "English"}
    picked = st.sidebar.radio(t("language", st.session_state["lang_switch"]), LANGUAGES,
                              format_func=names.get, horizontal=True, key="lang_switch")
    st.session_state["lang"] = picked
    st.query_params["lang"] = picked
    return picked


def setting(key: str, default: Any, parse: Callable[[str], Any] = str, max_chars: int | None = None) -> str:
    """Prepare the widget keyed `key`: its value comes from the URL, then the session, then `default`.

    Call before creating the widget (with `key=key`, no `value=`); call
    `keep_settings` after all widgets so the URL and session follow the user.
    `max_chars`: a text widget's own limit; a link's value is cut to it as typing would be.
    """
    kept = st.session_state.setdefault(_KEEP, {})
    if key not in st.session_state:
        raw = st.query_params.get(key)
        if raw is not None and max_chars is not None:
            raw = raw[:max_chars]
        value = kept.get(key, default)
        if raw is not None:
            try:
                value = parse(raw)
            except (TypeError, ValueError):
                pass  # a hand-edited link: ignore the bad value, keep the default
        st.session_state[key] = value
    kept.setdefault("_defaults", {})[key] = default
    return key


def keep_settings(keys: Sequence[str]) -> None:
    """Copy the widgets' values into the session (for page changes) and the URL (for sharing)."""
    kept = st.session_state.setdefault(_KEEP, {})
    defaults = kept.get("_defaults", {})
    for key in keys:
        value = st.session_state.get(key)
        kept[key] = value
        text = str(value)
        if value == defaults.get(key) or len(text) > _MAX_URL_VALUE:
            st.query_params.pop(key, None)
        else:
            st.query_params[key] = text


def translated_choice(key: str, lang: str, fix: Callable[[Any], Any]) -> str:
    """The widget key of a selectbox, multiselect or radio whose option labels are translated.

    Streamlit 1.67 sends a choice widget's *labels* back from the browser, not its options.
    After a language switch the labels of the old language match no option: the widget's
    value becomes a stray string (a multiselect's format_func then raises TypeError). So
    each language gets its own widget, keyed `key@lang`, which starts on the choice kept
    under the language-free `key`. `fix` turns any value (None at first) into a valid
    one. After the widget, keep its choice: `st.session_state[key] = choice`.
    """
    widget_key = f"{key}@{lang}"
    current = st.session_state.get(widget_key, st.session_state.get(key))
    fixed = fix(current)
    if widget_key not in st.session_state or fixed != current:
        st.session_state[widget_key] = fixed
    return widget_key


def current_choice(key: str, lang: str) -> Any:
    """The choice of a translated widget (`translated_choice`) before the widget is drawn this run."""
    return st.session_state.get(f"{key}@{lang}", st.session_state.get(key))


def set_choice(key: str, value: Any) -> None:
    """Set a translated widget's choice from code (a callback): its per-language widgets start over from it."""
    st.session_state[key] = value
    for each in LANGUAGES:
        st.session_state.pop(f"{key}@{each}", None)


def choice(widget: Callable, label: str, options: Sequence, key: str, lang: str,
           format_func: Callable[[Any], str], default: Any = None, **kwargs) -> Any:
    """A radio, selectbox or multiselect (`st.radio`, `column.selectbox`, ...) with translated labels.

    Its choice is kept under the language-free `key` (a setting, the URL); the widget itself is
    keyed per language (`translated_choice`). A value that is no longer an option falls back to
    `default` (else the first option); a multiselect drops it, and starts on `default` (else
    nothing) when nothing was chosen yet.

    Returns:
        The chosen option (a list for a multiselect).
    """
    options = list(options)
    if widget.__name__ == "multiselect":
        def fix(value):
            return [v for v in value if v in options] if isinstance(value, list) else list(default or [])
    else:
        def fix(value):
            return value if value in options else default if default in options else options[0]
    value = widget(label, options, key=translated_choice(key, lang, fix), format_func=format_func, **kwargs)
    st.session_state[key] = value
    return value


# The app's pages: (file, title key, icon, book section keys, "what you do" key).
PAGES = (
    ("views/home.py", "nav_home", ":material/home:", (), ""),
    ("views/tokens.py", "nav_tokens", ":material/text_fields:", ("section_9_1", "section_9_2"), "what_tokens"),
    ("views/hidden.py", "page_hidden", ":material/timeline:", ("section_9_1",), "what_hidden"),
    ("views/onehot.py", "page_onehot", ":material/compare:", ("section_9_2",), "what_onehot"),
    ("views/cells.py", "page_cells", ":material/memory:", ("section_9_3",), "what_cells"),
    ("views/train.py", "page_train", ":material/model_training:", ("section_9_2", "section_9_3"), "what_train"),
    ("views/review.py", "page_review", ":material/rate_review:", ("section_9_2", "section_9_3"), "what_review"),
)


def header(section_keys: Sequence[str], title_key: str, intro_key: str, lang: str) -> None:
    """The book's section(s), the page title and a few sentences, as every page opens."""
    st.caption(" · ".join(t(k, lang) for k in section_keys))
    st.title(t(title_key, lang))
    st.markdown(t(intro_key, lang))


def quiz(key: str, question: str, options: Sequence[str], answer: int, why: str, lang: str) -> None:
    """A predict-then-reveal question: the explanation shows only after the learner commits."""
    with st.container(border=True):
        st.markdown(f"**{t('quiz_title', lang)}** — {question}")
        choices = range(len(options))
        choice_key = translated_choice(f"{key}_choice", lang, lambda v: v if v in choices else None)
        picked = st.radio(question, choices, format_func=options.__getitem__, key=choice_key,
                          label_visibility="collapsed")
        st.session_state[f"{key}_choice"] = picked
        if st.button(t("quiz_check", lang), key=f"{key}_check"):
            if picked is None:
                st.warning(t("quiz_pick_first", lang))
                return
            st.session_state[f"{key}_revealed"] = picked
        revealed = st.session_state.get(f"{key}_revealed")
        if revealed is None:
            return
        if revealed == answer:
            st.success(t("quiz_right", lang))
        else:
            st.error(t("quiz_wrong", lang, answer=options[answer]))
        st.markdown(why)


def step_controls(lang: str, settings: list[str]) -> tuple[stepper.InputSequence, int, int, str]:
    """The sentence, encoding, size and seed widgets of the two stepper pages (9-1, 9-3).

    Adds their keys (and the timestep and fading-length keys the pages use
    later) to `settings`. Stops the page, with a message, when the sentence
    has no timesteps.

    Returns:
        `(inputs, units, seed, encoding)`.
    """
    size = stepper.bounded_int(1, stepper.MAX_SIZE)
    fade_min, fade_max, fade_default = stepper.FADE_RANGE
    settings += [setting("step_text", stepper.DEFAULT_SENTENCE),
                 setting("step_enc", "embedding", stepper.one_of(stepper.ENCODINGS)),
                 setting("step_features", 4, size), setting("step_units", 3, size),
                 setting("step_seed", 0, stepper.bounded_int(0, 9999)),
                 setting("step_t", 1, stepper.bounded_int(1, stepper.MAX_STEPS)),
                 setting("fade_T", fade_default, stepper.bounded_int(fade_min, fade_max))]
    left, right = st.columns([3, 2])
    left.text_input(input_label(t("step_sentence", lang), lang), key="step_text",
                    placeholder=t("step_sentence_placeholder", lang),
                    help=t("step_sentence_help", lang, limit=stepper.MAX_STEPS))
    encoding = choice(right.radio, t("step_encoding", lang), stepper.ENCODINGS, "step_enc", lang,
                      format_func=lambda e: t(f"step_enc_{e}", lang), horizontal=True)
    c1, c2, c3 = st.columns(3)
    features = c1.slider(t("step_features", lang), 1, stepper.MAX_SIZE, key="step_features",
                         disabled=encoding == "onehot")
    units = c2.slider(t("step_units", lang), 1, stepper.MAX_SIZE, key="step_units")
    seed = int(c3.number_input(t("step_seed", lang), 0, 9999, step=1, key="step_seed",
                               help=t("step_seed_help", lang)))
    inputs = stepper.build_inputs(st.session_state["step_text"], encoding, features, seed)
    for key, params in inputs.notes:
        (st.info if key in ("step_empty", "step_no_tokens") else st.warning)(t(key, lang, **params))
    if not inputs.timesteps:
        keep_settings(settings)
        st.stop()
    return inputs, units, seed, encoding


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
    starts or stops the timer. The figure holds no frames of its own: every step redraws it, so
    its fullscreen view cannot lose anything.

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
        with st.container(key=f"{key}_stage"):
            draw(state["step_t"])
        state[_SHOWN] = state["step_t"]
        if share:
            keep_settings(["step_t"])

    steps()


# The player goes fullscreen whole: the browser's Fullscreen API on the page, so the controls, the
# chart and the equation stay together and keep working (`step_chart` drops the chart-only one).
_FULLSCREEN = """<style>
.rnnviz-fullscreen {{ width: 100%; min-height: 2.5rem; padding: 0.25rem 0.5rem; cursor: pointer; white-space: nowrap;
  border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem; background: white; font: inherit; }}
.rnnviz-fullscreen:hover {{ border-color: #ff4b4b; color: #ff4b4b; }}
</style>
<button class="rnnviz-fullscreen st-key-{key}_fullscreen" title="{help}">{label}</button>
<script>
document.querySelectorAll(".rnnviz-fullscreen").forEach(button => button.onclick = () =>
  document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen());
</script>"""


def fullscreen_button(lang: str, key: str) -> None:
    """Full screen for the player `key`: the whole page, so the controls come along (Esc leaves)."""
    st.html(_FULLSCREEN.format(key=key, label=t("step_fullscreen", lang), help=t("step_fullscreen_help", lang)),
            unsafe_allow_javascript=True)


def step_chart(place, figure) -> None:
    """Draw a player's chart in `place` without a modebar: every step redraws the chart, which would
    close its chart-only fullscreen (and that view has no controls); "Full screen" takes the page."""
    place.plotly_chart(figure, width="stretch", config={"displayModeBar": False})


def chart_and_equation():
    """Two side-by-side places under the player: the chart's column and, beside it, a box of the
    chart's height for the equation (it scrolls when a big layer's equation is taller)."""
    from rnnviz import charts_cells  # Plotly: only on the pages that draw

    chart, equation = st.columns([5, 4], gap="small")
    return chart, equation.container(height=charts_cells.STEP_CHART_HEIGHT, border=False)


def show_inputs(lang: str, inputs: stepper.InputSequence, encoding: str) -> None:
    """The input sequence of the stepper pages: one row per timestep.

    Embedding: the vector x_t in the columns. One-hot: the vector has one column per id of the
    vocabulary (up to 34), too many to read side by side at 1280 px, so it is written as one
    column of dots with its single 1 (`stepper.onehot_text`), beside the id that says where.
    """
    import pandas as pd  # here, not at the top: app.py imports ui for every page, home included

    st.markdown(t(f"step_inputs_{encoding}", lang, vocab=inputs.vocabulary.size, features=inputs.input_dim,
                  words=len(inputs.vocabulary.ranks)))
    columns = {t("step_col_t", lang): range(1, inputs.timesteps + 1),
               t("step_col_token", lang): inputs.tokens, t("step_col_id", lang): inputs.ids}
    config = {}
    if encoding == "onehot":
        label = t("step_col_onehot", lang, vocab=inputs.input_dim)
        columns[label] = [stepper.onehot_text(x) for x in inputs.xs]  # (T,) strings of input_dim marks
        config[label] = st.column_config.TextColumn(help=t("step_col_onehot_help", lang))
    else:
        number = st.column_config.NumberColumn(format="%.2f")
        for label, values in zip(stepper.feature_labels(inputs), inputs.xs.T):  # (input_dim, T)
            columns[label] = values
            config[label] = number
    st.dataframe(pd.DataFrame(columns), hide_index=True, width="stretch",
                 height=min(35 * (inputs.timesteps + 1) + 3, 330), column_config=config)
