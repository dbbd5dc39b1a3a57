"""LSTM and GRU cells (book 9-3): gates, cell state and parameter counts, step by step."""

import pandas as pd
import streamlit as st

import ui
from rnnviz import charts_cells, markup, notebooks
from rnnviz.cells import CELLS, make_cell, run
from rnnviz.charts_cell_diagrams import cell_diagram_figure
from rnnviz.equations import equation_latex
from rnnviz.i18n import t
from rnnviz.params import gru_quiz, gru_without_reset_after, param_count
from rnnviz.snippets import layer_code
from rnnviz.url_values import one_of

KINDS = ("LSTM", "GRU")
lang = ui.language()
path_step, _ = ui.lesson_step("views/cells.py")  # the chapter's path: ?step=
ui.header(("section_9_3",), "page_cells", "cells_lead", lang)

# --- the cell, the sentence and the layer ------------------------------------------------
settings = [ui.setting_key("cell_kind", "LSTM", one_of(KINDS))]
controls, picture = ui.stage()  # the projector view puts the player first
with controls:
    kind = ui.choice(st.radio, t("cells_kind", lang), KINDS, "cell_kind", lang,
                     format_func=lambda k: t(f"cells_kind_{k}", lang), horizontal=True)
    inputs, units, seed, encoding = ui.step_controls(lang, settings)

T, d = inputs.timesteps, inputs.input_dim
cell = make_cell(kind, d, units, seed)
trace = run(cell, inputs.xs)  # every step's gates and states

# --- step by step: one control drives the book's cell, the chart and the equation -------------------


def draw(step_t: int) -> None:
    picture, numbers = ui.step_views(lang)  # the closed tab is None: only the open one is drawn
    if picture:
        ui.step_chart(picture, cell_diagram_figure(kind, trace.steps[step_t - 1], step_t, lang))
        return
    with numbers:  # the chart and, beside it, the equation
        chart, equation = ui.chart_and_equation()
        ui.step_chart(chart, charts_cells.cell_step_figure(kind, trace, inputs.tokens, lang, active=step_t))
        equation.markdown(t("step_at", lang, t=step_t, token=markup.escape(inputs.tokens[step_t - 1])))
        if step_t == 1:
            equation.info(t("cells_h0", lang, c0=t("cells_c0", lang) if kind == "LSTM" else ""))
        equation.latex(equation_latex(kind, trace.steps[step_t - 1], step_t, narrow=True))


with picture:
    ui.timestep_player(lang, 1, T, draw, key="cells")
st.caption(t(f"cells_look_{kind}", lang))
with st.expander(t(f"cells_gates_question_{kind}", lang)):
    st.markdown(t(f"cells_gates_{kind}", lang))
    if kind == "LSTM":
        st.caption(t("cells_c_range", lang, cmax=float(abs(trace.c).max())))
    st.caption(t("step_anim_caption", lang) + " " + t("step_rounding", lang))
with st.expander(t("step_inputs_question", lang)):
    ui.show_inputs(lang, inputs, encoding)

# --- parameter counts: predicted first, then the table that answers it -------------------------------------
q = gru_quiz(16, 8)
revealed = ui.predict(
    "quiz_cells_gru", t("cells_quiz_q", lang, d=16, u=8, lstm=f"{q['lstm']:,}"), [f"{o:,}" for o in q["options"]],
    q["answer"], why=t("cells_quiz_why", lang, d=16, u=8, weights=f"{q['weights']:,}", n_b=q["n_b"],
                       gru=f"{q['gru']:,}", three=f"{q['three']:,}", lstm=f"{q['lstm']:,}"), lang=lang)
if revealed:
    st.subheader(t("cells_ledger_title", lang))
    counts = {k: param_count(k, d, units) for k in CELLS}
    st.dataframe(pd.DataFrame(
        [(k, t(f"cells_blocks_{k}", lang), pc.expression, f"{pc.total:,}")
         for k, pc in counts.items()],
        columns=[t("cells_col_cell", lang), t("cells_col_blocks", lang), t("cells_col_formula", lang),
                 t("cells_col_total", lang)]), hide_index=True, width="stretch")
    st.caption(t("cells_ledger_now", lang, d=d, u=units))
    book = {k: param_count(k, 16, 8) for k in KINDS}
    st.markdown(t("cells_ledger_book", lang, lstm_formula=book["LSTM"].formula, gru_formula=book["GRU"].formula,
                  lstm=f"{book['LSTM'].total:,}", gru=f"{book['GRU'].total:,}"))
    gru = counts["GRU"]
    st.markdown(f"**{t('cells_gru_bias_title', lang, u=units, n_b=gru.bias)}** "
                + t("cells_gru_bias", lang, u=units, n_b=gru.bias, total=f"{gru.total:,}",
                    base=f"({counts['SimpleRNN'].expression})",
                    three=f"{gru_without_reset_after(d, units):,}"))

# --- memory over a long sequence -----------------------------------------------------------------------
ui.memory_fading(lang, seed, "cells_memory_title", kind)

# --- code ------------------------------------------------------------------------------------
if revealed and not ui.presenting():  # its comments print the parameter count
    ui.code_box(t("step_code_title", lang), "cells_code",
                caption=t("step_code_caption", lang, total=counts[kind].total, T=T),
                code=lambda: layer_code(kind, inputs, cell))
    ui.notebook_button(notebooks.cells_notebook(kind, inputs, cell, lang), lang)

ui.keep_settings(settings)
ui.lesson_nav(path_step, lang)
