"""The "LSTM and GRU cells" page, driven through Streamlit's AppTest.

AppTest cannot look inside Plotly charts (tests/test_charts_cells.py checks those);
these tests read the page's text, LaTeX and table elements.
"""


import pytest

import conftest
from conftest import open_expanders, texts
from rnnviz.i18n import t

PAGE = "views/cells.py"


open_page = conftest.page_opener(PAGE, timeout=60, step_view="numbers")  # the chart and the equation


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("kind", ["LSTM", "GRU"])
def test_page_renders_both_cells_in_both_languages(lang, kind):
    at = open_page(lang, cell_kind=kind)
    assert at.title[0].value == t("page_cells", lang)
    assert t("section_9_3", lang) in texts(at.caption)
    assert at.radio(key=f"cell_kind@{lang}").value == kind
    latex = at.latex[0].value
    if kind == "LSTM":
        assert r"\mathbf{f}" in latex and r"\mathbf{c}_{1}" in latex and r"\mathbf{c}_{0}" in latex
    else:
        assert r"\mathbf{z}" in latex and r"\mathbf{r}" in latex and r"\mathbf{c}" not in latex
    assert t(f"cells_gates_{kind}", lang) in texts(at.markdown)
    assert not at.error


def test_switching_the_cell_changes_the_equations():
    at = open_page()
    lstm = at.latex[0].value
    at.radio(key="cell_kind@en").set_value("GRU").run()
    assert at.latex[0].value != lstm
    assert r"\tilde{\mathbf{h}}" in at.latex[0].value


@pytest.mark.parametrize("kind", ["LSTM", "GRU"])
def test_moving_the_timestep_slider_changes_the_numbers(kind):
    at = open_page(cell_kind=kind)
    first = at.latex[0].value
    at.slider(key="step_t").set_value(3).run()
    third = at.latex[0].value
    assert third != first
    assert r"\mathbf{h}_{3}" in third and r"\mathbf{h}_{2}" in third


@pytest.mark.parametrize("kind", ["LSTM", "GRU"])
@pytest.mark.slow
def test_play_moves_on_from_the_current_step_and_stops_at_the_end(kind):
    """AppTest runs the whole page where the browser's timer reruns the player: one run, one tick."""
    at = open_page("ko", cell_kind=kind, step_text="a b c d", step_t=2)
    at.button(key="cells_play").click().run()
    assert at.slider(key="step_t").value == 2  # from the current step, not from 1
    steps = []
    for _ in range(3):
        at.run()
        steps.append(at.slider(key="step_t").value)
        assert f"**타임스텝 {steps[-1]}**" in texts(at.markdown)  # the equation column follows
        assert r"\mathbf{h}_{%d}" % steps[-1] in at.latex[0].value
    assert steps == [3, 4, 4]
    assert at.button(key="cells_play").label == t("step_play", "ko")


@pytest.mark.parametrize("text, key", [("", "step_empty"), ("!!!", "step_no_tokens")])
def test_bad_input_shows_a_message_not_an_exception(text, key):
    at = open_page("ko", cell_kind="GRU")
    at.text_input(key="step_text").input(text).run()
    assert not at.exception
    assert t(key, "ko") in texts(at.info)
    assert not at.latex


def test_parameter_counts_and_the_books_sizes():
    at = open_page(reveal=1)
    table = at.dataframe[-1].value.astype(str).values.tolist()
    assert [row[0] for row in table] == ["SimpleRNN", "LSTM", "GRU"]
    assert [row[-1] for row in table] == ["24", "96", "81"]
    markdown = texts(at.markdown)
    assert "LSTM 16×32 + 8×32 + 32 = 800" in markdown and "GRU 16×24 + 8×24 + 2×24 = 624" in markdown
    assert "2×3×3 = 18 biases" in markdown


def test_memory_text_follows_the_cell():
    at = open_page()
    assert "forget gate f averages" in texts(at.markdown)
    at.radio(key="cell_kind@en").set_value("GRU").run()
    assert "update gate z averages" in texts(at.markdown)


def test_keras_code_is_shown_for_the_chosen_cell():
    at = open_expanders(open_page(cell_kind="GRU", reveal=1))
    code = texts(at.code)
    assert "keras.layers.GRU(3)" in code and "# 4×9 + 3×9 + 2×9 = 81" in code


def test_quiz_on_the_gru_count():
    at = open_page()
    choice = at.radio(key="quiz_cells_gru_choice@en")
    assert sorted(choice.options) == ["600", "624", "800"]
    choice.set_value(list(choice.options).index("600"))
    at.button(key="quiz_cells_gru_check").click().run()
    assert at.error and "624" in texts(at.error)  # wrong answer: the right one is revealed
