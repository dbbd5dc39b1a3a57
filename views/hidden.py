"""Hidden state, step by step (book 9-1): a SimpleRNN cell reads a sentence one timestep at a time."""

import pandas as pd
import streamlit as st

import ui
from rnnviz import charts_cells, charts_diagrams, markup, notebooks
from rnnviz.cells import make_cell, run
from rnnviz.equations import equation_latex
from rnnviz.i18n import t
from rnnviz.inputs import REPEATED_WORD_SENTENCE, build_inputs, feature_labels, repeated_token, repeated_word
from rnnviz.layer_shapes import output_shapes, shape_text
from rnnviz.params import param_count, quiz_param_options
from rnnviz.snippets import layer_code, shapes_code

KIND = "SimpleRNN"
lang = ui.language()
path_step, _ = ui.lesson_step("views/hidden.py")  # the chapter's path: ?step=
ui.header(("section_9_1",), "page_hidden", "hidden_lead", lang)

# --- the sentence and the layer ---------------------------------------------------------
settings: list[str] = []
controls, picture = ui.stage()  # the projector view puts the player first
with controls:
    inputs, units, seed, encoding = ui.step_controls(lang, settings)

T, d = inputs.timesteps, inputs.input_dim
cell = make_cell(KIND, d, units, seed)
trace = run(cell, inputs.xs)  # every step's x_t, h_tm1, xw, hw, b, pre, h_t

# --- step by step: one control drives the book's picture, the chart and the equation --------------


def draw(step_t: int) -> None:
    picture, numbers = ui.step_views(lang)  # the closed tab is None: only the open one is drawn
    if picture:
        ui.step_chart(picture, charts_diagrams.unrolled_figure(trace, inputs.tokens, lang, active=step_t))
        return
    with numbers:  # the chart and, beside it, the equation
        chart, equation = ui.chart_and_equation()
        ui.step_chart(chart, charts_cells.hidden_step_figure(trace, inputs.tokens, lang, active=step_t,
                                                             onehot=encoding == "onehot"))
        equation.markdown(t("step_at", lang, t=step_t, token=markup.escape(inputs.tokens[step_t - 1])))
        if step_t == 1:
            equation.info(t("hidden_h0", lang))
        else:
            equation.caption(t("hidden_carry", lang, prev=step_t - 1))
        equation.latex(equation_latex(KIND, trace.steps[step_t - 1], step_t, narrow=True))


repeat = repeated_word(trace, inputs.tokens)
# The same-word charts below also mark the current step: once shown, every step reruns the page.
same_word_shown = repeat is not None and ui.revealed("quiz_hidden_same")
with picture:
    ui.timestep_player(lang, 1, T, draw, key="hidden", whole_page=encoding == "onehot" or same_word_shown)
st.caption(t("hidden_look", lang))
with st.expander(t("hidden_how_to_read", lang)):
    st.caption(t("step_anim_caption", lang) + " " + t("step_rounding", lang))
with st.expander(t("step_inputs_question", lang)):
    ui.show_inputs(lang, inputs, encoding)
step_t = st.session_state["step_t"]

# --- what the chapter says around the picture: sequential data, the cell, its activation -----------
with st.expander(t("hidden_sequential_question", lang)):
    st.markdown(t("hidden_sequential_text", lang, T=T))
with st.expander(t("hidden_cell_question", lang)):
    st.markdown(t("hidden_cell_text", lang, T=T, d=d, units=units))
activation = ui.lazy_expander(t("hidden_activation_question", lang), key="hidden_activation")
with activation:
    pre_min, pre_max, h_min, h_max = charts_cells.activation_ranges(trace)
    st.markdown(t("hidden_activation_text", lang, pre_min=pre_min, pre_max=pre_max, h_min=h_min, h_max=h_max))
    if activation.open:
        st.plotly_chart(charts_cells.tanh_figure(trace, lang), width="stretch")

# --- the same word, a different hidden state: predicted first -------------------------------------


def load_repeated_example() -> None:
    st.session_state["step_text"] = REPEATED_WORD_SENTENCE
    tokens = build_inputs(REPEATED_WORD_SENTENCE).tokens  # as the page tokenizes it
    st.session_state["step_t"] = repeated_token(tokens)[1][1]  # the repeated word's second time


st.subheader(t("hidden_same_title", lang))
if repeat is None:
    st.caption(t("hidden_same_none", lang))
    st.button(t("hidden_same_load", lang), on_click=load_repeated_example, icon=":material/repeat:")
else:
    steps = ", ".join(map(str, repeat.steps))
    if ui.predict("quiz_hidden_same", t("hidden_same_q", lang, token=markup.escape(repeat.token), steps=steps),
                  [t(f"hidden_same_a{i}", lang) for i in range(3)], answer=1,
                  why=t("hidden_repeat", lang, token=markup.escape(repeat.token), steps=steps), lang=lang):
        st.plotly_chart(charts_diagrams.repeated_word_figure(repeat, lang), width="stretch")
        st.caption(t("hidden_dense_vs_rnn", lang))
        st.plotly_chart(charts_diagrams.feedforward_vs_recurrent_figure(trace, inputs.tokens, lang, active=step_t),
                        width="stretch")

# --- the parameter count: predicted first, then the weights and the ledger that answer it -------------
pc = param_count(KIND, d, units)
terms = pc.terms  # kernel, recurrent kernel, bias: ("4×3", "3×3", "3")
options, answer = quiz_param_options(d, units)
revealed = ui.predict(
    "quiz_hidden_params", t("hidden_quiz_q", lang, d=d, u=units), [f"{o:,}" for o in options], answer,
    why=t("hidden_quiz_why", lang, t_in=terms[0], t_rec=terms[1], t_b=terms[2], n_in=pc.input, n_rec=pc.recurrent,
          n_b=pc.bias, formula=pc.formula, opt0=options[0], opt1=options[1], opt3=options[3]), lang=lang)
if revealed:
    st.subheader(t("hidden_weights_title", lang))
    st.markdown(t("hidden_weights_text", lang, T=T))
    row = inputs.ids[step_t - 1] if encoding == "onehot" else None
    if row is not None:
        st.markdown(t("hidden_onehot_row", lang, token=markup.escape(inputs.tokens[step_t - 1]), id=row))
    st.plotly_chart(charts_cells.weights_figure(cell, lang, terms, highlight_row=row,
                                                row_labels=feature_labels(inputs)),
                    width="stretch")
    metric, ledger = st.columns([1, 3])
    metric.metric(t("hidden_params_metric", lang, units=units), f"{pc.total:,}")
    ledger.markdown(t("hidden_ledger", lang, formula=pc.formula, t_in=terms[0], t_rec=terms[1], t_b=terms[2],
                      d=d, u=units, total=pc.total, T=T))

# --- return_sequences and stacking --------------------------------------------------------------
shapes_box = ui.lazy_expander(t("hidden_shapes_question", lang), key="hidden_shapes")
with shapes_box:
    shapes = output_shapes(T, units)
    rows = [(f"{KIND}({units})", shapes.last, t("hidden_shapes_last", lang, T=T)),
            (f"{KIND}({units}, return_sequences=True)", shapes.sequences, t("hidden_shapes_seq", lang, T=T)),
            (t("hidden_shapes_stack1", lang), shapes.stacked[0], t("hidden_shapes_seq", lang, T=T)),
            (t("hidden_shapes_stack2", lang), shapes.stacked[1], t("hidden_shapes_last", lang, T=T))]
    if shapes_box.open:
        st.dataframe(pd.DataFrame([(m, shape_text(s), w) for m, s, w in rows],
                                  columns=[t("hidden_shapes_col_model", lang), t("hidden_shapes_col_shape", lang),
                                           t("hidden_shapes_col_what", lang)]), hide_index=True, width="stretch")
    st.markdown(t("hidden_shapes_why", lang, units=units))
    st.caption(t("hidden_shapes_code", lang))
    if shapes_box.open:
        st.code(shapes_code(KIND, T, d, units), language="python")

# --- memory fading --------------------------------------------------------------------------------
ui.memory_fading(lang, seed, "hidden_fade_title")

# --- code -------------------------------------------------------------------------------
if revealed and not ui.presenting():  # its comments print the parameter count
    ui.code_box(t("step_code_title", lang), "hidden_code", caption=t("step_code_caption", lang, total=pc.total, T=T),
                code=lambda: layer_code(KIND, inputs, cell))
    ui.notebook_button(notebooks.hidden_notebook(inputs, cell, lang), lang)

ui.keep_settings(settings)
ui.lesson_nav(path_step, lang)
