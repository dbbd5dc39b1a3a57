"""The timestep pages' shared sections (9-1, 9-3): sentence and sizes, the input table, memory fading."""

from __future__ import annotations

import streamlit as st

from rnnviz import fading
from rnnviz.inputs import (DEFAULT_SENTENCE, ENCODINGS, MAX_CHARS, MAX_SIZE, MAX_STEPS, InputSequence,
                           build_inputs, feature_labels, onehot_text)
from rnnviz.url_values import bounded_int, one_of
from rnnviz.i18n import t
from ui.settings import choice, input_label, keep_settings, setting_key
from ui.text_box import text_box


def step_controls(lang: str, settings: list[str]) -> tuple[InputSequence, int, int, str]:
    """The sentence, encoding, size and seed widgets of the two timestep pages (9-1, 9-3).

    Adds their keys (and the timestep and fading-length keys the pages use
    later) to `settings`. Stops the page, with a message, when the sentence
    has no timesteps.

    Returns:
        `(inputs, units, seed, encoding)`.
    """
    size = bounded_int(1, MAX_SIZE)
    fade_min, fade_max, fade_default = fading.FADE_RANGE
    settings += [setting_key("step_text", DEFAULT_SENTENCE, max_chars=MAX_CHARS),
                 setting_key("step_enc", "embedding", one_of(ENCODINGS)),
                 setting_key("step_features", 4, size), setting_key("step_units", 3, size),
                 setting_key("step_seed", 0, bounded_int(0, 9999)),
                 setting_key("step_t", 1, bounded_int(1, MAX_STEPS)),
                 setting_key("fade_T", fade_default, bounded_int(fade_min, fade_max))]
    left, middle, right = st.columns([4, 4, 2], vertical_alignment="bottom")
    sentence = text_box(left.text_input, input_label(t("step_sentence", lang), lang), "step_text", MAX_CHARS, lang,
                        placeholder=t("step_sentence_placeholder", lang),
                        help=t("step_sentence_help", lang, limit=MAX_STEPS))
    encoding = choice(middle.radio, t("step_encoding", lang), ENCODINGS, "step_enc", lang,
                      format_func=lambda e: t(f"step_enc_{e}", lang), horizontal=True)
    sizes = right.expander(t("step_sizes", lang))  # the sentence is the idea; sizes and seed are details
    features = sizes.slider(t("step_features", lang), 1, MAX_SIZE, key="step_features",
                            disabled=encoding == "onehot")
    units = sizes.slider(t("step_units", lang), 1, MAX_SIZE, key="step_units")
    seed = int(sizes.number_input(t("step_seed", lang), 0, 9999, step=1, key="step_seed",
                                  help=t("step_seed_help", lang)))
    inputs = build_inputs(sentence, encoding, features, seed)
    for key, params in inputs.notes:
        (st.info if key in ("step_empty", "step_no_tokens") else st.warning)(t(key, lang, **params))
    if not inputs.timesteps:
        keep_settings(settings)
        st.stop()
    return inputs, units, seed, encoding


def show_inputs(lang: str, inputs: InputSequence, encoding: str) -> None:
    """The input sequence of the timestep pages: one row per timestep.

    Embedding: the vector x_t in the columns. One-hot: the vector has one column per id of the
    vocabulary (up to 34), too many to read side by side at 1280 px, so it is written as one
    column of dots with its single 1 (`onehot_text`), beside the id that says where.
    """
    import pandas as pd  # here, not at the top: app.py imports ui for every page, home included

    st.markdown(t(f"step_inputs_{encoding}", lang, vocab=inputs.vocabulary.size, features=inputs.input_dim,
                  words=len(inputs.vocabulary.ranks)))
    columns = {t("step_col_t", lang): range(1, inputs.timesteps + 1),
               t("step_col_token", lang): inputs.tokens, t("step_col_id", lang): inputs.ids}
    config = {}
    if encoding == "onehot":
        label = t("step_col_onehot", lang, vocab=inputs.input_dim)
        columns[label] = [onehot_text(x) for x in inputs.xs]  # (T,) strings of input_dim marks
        config[label] = st.column_config.TextColumn(help=t("step_col_onehot_help", lang))
    else:
        number = st.column_config.NumberColumn(format="%.2f")
        for label, values in zip(feature_labels(inputs), inputs.xs.T):  # (input_dim, T)
            columns[label] = values
            config[label] = number
    st.dataframe(pd.DataFrame(columns), hide_index=True, width="stretch",
                 height=min(35 * (inputs.timesteps + 1) + 3, 330), column_config=config)


@st.cache_data(show_spinner=False, max_entries=64)
def fading_curves(timesteps: int, seed: int) -> dict:
    """`fading.fading` for the memory-fading chart, kept per (length, seed): ``{kind: (T,)}``."""
    return fading.fading(timesteps, seed=seed)


@st.fragment  # moving its slider reruns this section only, not the whole page
def memory_fading(lang: str, seed: int, title_key: str, kind: str | None = None) -> None:
    """The timestep pages' memory-fading section: how much x_t still moves h_T, for the three cells.

    Args:
        title_key: the section's heading.
        kind: the cells page's cell ("LSTM"/"GRU"): adds how open its keep gate is on average.
    """
    from rnnviz import charts_cells  # Plotly: only on the pages that draw

    st.subheader(t(title_key, lang))
    fade_T = st.slider(t("fade_steps", lang), *fading.FADE_RANGE[:2], key="fade_T")
    curves = fading_curves(fade_T, seed)  # the book's size (16 -> 8), not the sliders'
    st.caption(t("fade_what", lang, d=fading.FADE_INPUT_DIM, u=fading.FADE_UNITS, seed=seed,
                 b=fading.FADE_KEEP_BIAS))
    st.plotly_chart(charts_cells.fading_figure(curves, lang), width="stretch")
    st.markdown(t("fade_text", lang, T=fade_T, **{f"first_{k}": v[0] for k, v in curves.items()},
                  **{f"last_{k}": v[-1] for k, v in curves.items()}))
    if kind is None:
        st.caption(t("fade_why", lang))
    else:
        memory = fading.gate_memory(kind, fading.long_trace(kind, fade_T, seed=seed))
        st.markdown(t(f"cells_memory_{kind}", lang, T=fade_T, g=memory, g10=memory ** 10))
    keep_settings(["fade_T"])
