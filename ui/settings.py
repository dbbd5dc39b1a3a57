"""What the visitor chose, kept across reruns and pages: language, settings in the URL, choices, owner cookie.

Every page reads its URL settings here: `setting_key(key, default, parse)` before the widget, where
`parse` (`bounded_int`, `one_of`, ...) turns a link's text into a valid value or raises ValueError,
so a hand-edited link falls back to the default; `keep_settings(keys)` after all widgets.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from rnnviz import owner
from rnnviz.i18n import LANGUAGES, language_from_locale, t


_KEEP = "_kept_settings"  # session_state key: widget values that outlive page changes
_MAX_URL_VALUE = 1500  # longer values (a long paste) stay out of the URL
_OWNER_TOKEN = "_owner_token"  # session_state key: the token made for a browser that sent none


# Streamlit writes its own input hints in English only ("Press Enter to apply", "Press Ctrl+Enter to
# apply"); there is no setting to translate them. Outside English they are hidden by this one rule,
# scoped to that hint element, and `input_label` says the same in the page's language.
_HIDE_INPUT_HINTS = '<style>[data-testid="InputInstructions"] { display: none; }</style>'


# Streamlit leaves 6rem above a page's first line; 3.5rem still clears its toolbar, and the ~40 px
# saved let each page's main picture start inside a 1280×720 projector's first screen.
_COMPACT_TOP = '<style>[data-testid="stMainBlockContainer"] { padding-top: 3.5rem; }</style>'


# The projector view: larger text for the back row, a smaller title so the picture still fits 1280×720.
_PRESENT = """<style>
[data-testid="stMainBlockContainer"] [data-testid="stMarkdownContainer"] p { font-size: 1.2rem; }
[data-testid="stMainBlockContainer"] h1 { font-size: 2.2rem; padding-top: 0; }
</style>"""
_PRESENT_KEY = "present"  # URL key and widget key of the projector view's switch
_PRESENTING = "_presenting"  # session key: the projector view is on (kept apart from the switch's state)
_LANG = "lang"  # session key: the page's language (kept apart from the switch's state)

# The sidebar switches start at the value showing (their default, not only their state): a browser
# that re-creates a switch without its value (a CI run once saw the page fall back to the first
# language after a click in a fragment) then shows what was already on, not the first option.


def localize_widgets(lang: str) -> None:
    """The app's page-wide style (app.py, every run): a compact top, the projector view's type, and
    outside English no English-only input hints. In the sidebar, so the main column gets no empty
    first element."""
    st.sidebar.html(_COMPACT_TOP + (_PRESENT if presenting() else "") + (_HIDE_INPUT_HINTS if lang != "en" else ""))


def presenting() -> bool:
    """Whether the projector view is on: the page shows its main picture and controls, larger, and
    leaves out run management, downloads, code and "under the hood" details."""
    if _PRESENT_KEY in st.session_state:  # the switch; on a click, its new value
        return bool(st.session_state[_PRESENT_KEY])
    if _PRESENTING not in st.session_state:  # a new session: a teacher's ?present=1 link decides
        st.session_state[_PRESENTING] = st.query_params.get(_PRESENT_KEY) == "1"
    return bool(st.session_state[_PRESENTING])


def stage():
    """Two places under the title, `(controls, picture)`, filled in any order: the controls first, as
    the learner sets up what the picture shows; in the projector view the picture first, whole in a
    1280×720 screen, with its controls under it as under a video (set once, then watched)."""
    first, second = st.container(), st.container()
    return (second, first) if presenting() else (first, second)


def present_switch(lang: str) -> bool:
    """The sidebar's projector-view switch (app.py, every run); kept in the URL, so a link opens it."""
    on = st.sidebar.toggle(t("present_switch", lang), value=presenting(), key=_PRESENT_KEY,
                           help=t("present_help", lang))
    st.session_state[_PRESENTING] = on
    if on:
        st.query_params[_PRESENT_KEY] = "1"
    else:
        st.query_params.pop(_PRESENT_KEY, None)
    return on


def input_label(label: str, lang: str, multiline: bool = False) -> str:
    """A text box's label; outside English it also says how to apply (Streamlit's own hint is hidden).

    >>> input_label("문장", "ko")
    '문장 :gray[(Enter 키나 바깥을 클릭하면 적용)]'
    """
    if lang == "en":
        return label
    return f"{label} :gray[({t('hint_ctrl_enter' if multiline else 'hint_enter', lang)})]"


def visitor_id() -> str:
    """Who is visiting: the hash of a secret token this browser keeps in a year-long cookie.

    A shared deployment records it as a run's owner, so one visitor cannot stop or delete
    another's run, and the same browser still owns its runs after a restart. A browser without
    the cookie (a first visit, a malformed value) gets a fresh token at once, kept in the session
    (so its first run is already its own), and a script that stores it in the cookie; the cookie
    reaches the server with the next session. AppTest has no cookies: the session's token only.

    A session opened by a page on another port of this host (Streamlit lets it in by host name) gets
    a token of its own and writes no cookie: the visitor's cookie, which the browser sent along, is
    not its. Over https, a browser that keeps its token in the plain cookie (from before `__Host-`) gets
    the script too: it moves the token there.
    """
    headers = st.context.headers or {}
    foreign = owner.from_another_origin(headers.get("Origin"), headers.get("Host"))
    cookies = {} if foreign else dict(st.context.cookies or {})
    token = owner.browser_token(cookies)
    if token is None:
        if _OWNER_TOKEN not in st.session_state:
            st.session_state[_OWNER_TOKEN] = owner.new_token()
        token = st.session_state[_OWNER_TOKEN]
    if not foreign and not owner.is_token(cookies.get(owner.cookie_name(headers.get("Origin")))):
        st.sidebar.html(owner.cookie_script(token), unsafe_allow_javascript=True)  # no gap in the page
    return owner.owner_hash(token)


def everybody_switch(key: str, others: int, lang: str, place=st) -> bool:
    """A switch, off by default, that lists other visitors' runs too: on a link shared by a class, thirty
    strangers' runs are neither "yours" nor what answers the page's question. No other runs: no switch.

    Draw the menu it filters above it by making the menu's container first (`menu = place.container()`).
    """
    if not others:
        return False
    return place.toggle(t("runs_everybody", lang, n=others), key=key, help=t("runs_everybody_help", lang))


def language() -> str:
    """The current language: the sidebar switch, else the URL's ?lang=, else the browser locale.

    Also writes it to the URL, so a copied link opens in the same language.
    """
    return _use_language(_current_language())


def language_switch() -> str:
    """The sidebar switch (app.py, every run), starting at the current language; the choice goes to
    the session and the URL."""
    current = _current_language()
    names = {"ko": "한국어", "en": "English"}
    picked = st.sidebar.radio(t("language", current), LANGUAGES, index=LANGUAGES.index(current),
                              format_func=names.get, horizontal=True, key="lang_switch")
    return _use_language(picked)


def _current_language() -> str:
    chosen = st.session_state.get("lang_switch") or st.session_state.get(_LANG)  # a click: the switch's new value
    if chosen not in LANGUAGES:
        chosen = st.query_params.get("lang")
    if chosen not in LANGUAGES:
        chosen = language_from_locale(st.context.locale)
    return chosen


def _use_language(lang: str) -> str:
    st.session_state[_LANG] = lang
    st.query_params["lang"] = lang
    return lang


def setting_key(key: str, default: Any, parse: Callable[[str], Any] = str, max_chars: int | None = None) -> str:
    """Prepare the widget keyed `key` and return that key: its value comes from the URL, then the
    session, then `default`.

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
