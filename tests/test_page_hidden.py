"""The "Hidden state, step by step" page, driven through Streamlit's AppTest.

AppTest cannot look inside Plotly charts (tests/test_charts_cells.py checks those);
these tests read the page's text, LaTeX and metric elements.
"""


import pytest

import conftest
from conftest import open_expanders, texts
from rnnviz.params import param_count
from rnnviz.i18n import t

PAGE = "views/hidden.py"


open_page = conftest.page_opener(PAGE, timeout=60, step_view="numbers")  # the chart and the equation


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_page_renders_in_both_languages(lang):
    at = open_page(lang, reveal=1)  # a teacher's link: the parameter question's answer shown at once
    assert at.title[0].value == t("page_hidden", lang)
    assert t("section_9_1", lang) in texts(at.caption)
    assert len(at.latex) == 1
    assert at.metric[0].value == "24"
    assert "4×3 + 3×3 + 3 = 24" in texts(at.markdown)
    assert t("hidden_h0", lang) in texts(at.info)  # h0 = 0 explained at t = 1
    assert not at.error


def test_moving_the_timestep_slider_changes_the_numbers():
    at = open_page()
    first = at.latex[0].value
    assert r"\mathbf{h}_{0}" in first
    at.slider(key="step_t").set_value(2).run()
    second = at.latex[0].value
    assert second != first
    assert r"\mathbf{h}_{2}" in second and r"\mathbf{h}_{1}" in second
    assert "**Timestep 2**" in texts(at.markdown)
    assert not at.info  # the h0 note only at t = 1


def test_step_buttons_move_one_timestep():
    at = open_page()
    forward = next(b for b in at.button if b.label == t("step_forward", "en"))
    forward.click().run()
    assert at.slider(key="step_t").value == 2
    back = next(b for b in at.button if b.label == t("step_back", "en"))
    back.click().run()
    assert at.slider(key="step_t").value == 1


def shown_step(at) -> int:
    """The timestep the equation column says it shows ("**Timestep 3** — token ...")."""
    line = next(m.value for m in at.markdown if m.value.startswith("**Timestep "))
    return int(line.split("**")[1].split()[-1])


@pytest.mark.slow
def test_play_moves_on_from_the_current_step_and_stops_at_the_end():
    """AppTest runs the whole page where the browser's timer reruns the player: one run, one tick."""
    at = open_page(step_text="a b c d e", step_t=3)
    play = at.button(key="hidden_play")
    assert play.label == t("step_play", "en")
    play.click().run()
    assert at.slider(key="step_t").value == 3 and shown_step(at) == 3  # starts where it was, not at 1
    assert at.button(key="hidden_play").label == t("step_pause", "en")
    seen = []
    for _ in range(4):
        at.run()
        seen.append((at.slider(key="step_t").value, shown_step(at)))
        assert r"\mathbf{h}_{%d}" % seen[-1][0] in at.latex[0].value  # the equation is the slider's step
    assert seen == [(4, 4), (5, 5), (5, 5), (5, 5)]  # one step per tick, then it stops at the end
    assert at.button(key="hidden_play").label == t("step_play", "en")


@pytest.mark.slow
def test_play_at_the_last_step_starts_over_and_pause_stops():
    at = open_page(step_text="a b c d e", step_t=5)
    at.button(key="hidden_play").click().run()
    assert at.slider(key="step_t").value == 1  # at the end, play starts again from the first step
    at.run()
    assert at.slider(key="step_t").value == 2
    at.button(key="hidden_play").click().run()  # pause
    at.run()
    at.run()
    assert at.slider(key="step_t").value == 2 and shown_step(at) == 2
    assert at.button(key="hidden_play").label == t("step_play", "en")


@pytest.mark.slow
def test_while_playing_only_pause_answers_and_one_hot_plays_the_whole_page():
    """One-hot: the weights below show the step's row too, so every tick reruns the whole page."""
    at = open_page(step_text="a b c d", step_t=2, step_enc="onehot", reveal=1)
    at.button(key="hidden_play").click().run()
    assert at.slider(key="step_t").disabled
    assert at.button(key="hidden_back").disabled and at.button(key="hidden_forward").disabled
    at.run()
    assert at.slider(key="step_t").value == 3 and shown_step(at) == 3
    assert "the current token *c*" in texts(at.markdown)  # the weights section follows the step
    at.run()
    at.run()
    assert at.slider(key="step_t").value == 4 and not at.slider(key="step_t").disabled
    assert at.button(key="hidden_play").label == t("step_play", "en")


def test_the_caption_describes_the_layout():
    at = open_page()
    caption = texts(at.caption)
    assert "controls above" in caption and "chart on the left" in caption and "equations on the right" in caption
    assert "below" not in t("step_anim_caption", "en") and "아래" not in t("step_anim_caption", "ko")


@pytest.mark.parametrize("text, key", [("", "step_empty"), ("?!... ---", "step_no_tokens")])
def test_bad_input_shows_a_message_not_an_exception(text, key):
    at = open_page()
    at.text_input(key="step_text").input(text).run()
    assert not at.exception
    assert t(key, "en") in texts(at.info)
    assert not at.latex


def test_a_long_paste_is_cut_with_a_note():
    at = open_page()
    at.text_input(key="step_text").set_value("word " * 1000).run()  # 5,000 characters: .input() stops at the box's 2,000
    assert not at.exception
    assert "only the first 30 timesteps" in texts(at.warning)
    assert at.slider(key="step_t").max == 30


def test_a_single_word_has_no_slider_but_still_the_equation():
    at = open_page("ko")
    at.text_input(key="step_text").input("brachiosaurus").run()
    assert not at.exception
    assert t("step_single", "ko") in texts(at.caption)
    assert len(at.latex) == 1


def test_the_timestep_is_clamped_when_the_sentence_gets_shorter():
    at = open_page()
    at.slider(key="step_t").set_value(3).run()
    at.text_input(key="step_text").input("hello world").run()
    assert not at.exception
    assert at.slider(key="step_t").value == 2


def test_one_hot_says_input_dim_is_the_vocabulary_size():
    at = open_page(reveal=1)
    at.radio(key="step_enc@en").set_value("onehot").run()
    assert "input features = vocabulary size = 7" in texts(at.markdown)
    assert at.metric[0].value == str(param_count("SimpleRNN", 7, 3).total)  # 33
    assert "7×3 + 3×3 + 3 = 33" in texts(at.markdown)
    assert at.slider(key="step_features").disabled


def test_settings_come_from_the_url():
    at = open_page(step_units=5, step_features=2, step_t=2, step_text="a b c d", reveal=1)
    assert at.metric[0].value == str(param_count("SimpleRNN", 2, 5).total)
    assert r"\mathbf{h}_{2}" in at.latex[0].value
    at.slider(key="step_units").set_value(4).run()
    assert at.query_params["step_units"] in ("4", ["4"])  # the link now reopens this view


def test_hand_edited_urls_are_clamped():
    at = open_page(step_units=99, step_enc="nonsense")
    assert at.slider(key="step_units").value == 8
    assert at.radio(key="step_enc@en").value == "embedding"


def test_output_shapes_and_fading_text():
    at = open_expanders(open_page())
    shapes = [row for frame in at.dataframe for row in frame.value.astype(str).values.tolist()]
    assert [row[1] for row in shapes if row[1].startswith("(batch")] == [
        "(batch, 3)", "(batch, 3, 3)", "(batch, 3, 3)", "(batch, 3)"]
    assert "Flatten" in texts(at.markdown)
    assert "Influence of the first input: SimpleRNN" in texts(at.markdown)
    at.slider(key="fade_T").set_value(80).run()
    assert "A random sequence of 80 steps" in texts(at.markdown)


def test_fading_text_says_what_is_plotted_and_gated_cells_remember_longer():
    """The reported case: 8 features, 8 units, length 93 made GRU look more forgetful than SimpleRNN."""
    import re
    at = open_page(step_features=8, step_units=8, fade_T=93)
    assert "Plotted: ‖∂h_T/∂x_t‖" in texts(at.caption) and "seed 0" in texts(at.caption)
    first = re.search(r"first input: SimpleRNN (\S+), LSTM (\S+), GRU (\S+);", texts(at.markdown))
    simple, lstm, gru = (float(v) for v in first.groups())
    assert simple < lstm and simple < gru


def test_keras_code_is_shown():
    at = open_expanders(open_page(reveal=1))
    code = texts(at.code)
    assert "keras.layers.SimpleRNN(3)" in code and "# 4×3 + 3×3 + 3 = 24" in code


def test_quiz_reveals_the_answer_after_a_choice():
    at = open_page()
    choice = at.radio(key="quiz_hidden_params_choice@en")
    assert sorted(choice.options, key=int) == ["12", "21", "24", "27"]
    choice.set_value(list(choice.options).index("24"))
    at.button(key="quiz_hidden_params_check").click().run()
    assert at.success and "4×3 + 3×3 + 3 = 24" in texts(at.markdown)


@pytest.mark.parametrize("module", ["hidden", "cells"])
def test_every_string_has_both_languages_with_the_same_placeholders(module):
    import string
    from importlib import import_module

    strings = import_module(f"rnnviz.locale.{module}").STRINGS
    for key, entry in strings.items():
        assert set(entry) == {"ko", "en"}, key
        fields = [{f for _, f, _, _ in string.Formatter().parse(entry[lang]) if f} for lang in ("ko", "en")]
        assert fields[0] == fields[1], key


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_onehot_inputs_fit_in_four_columns(lang):
    """12 words, 10 distinct: a 14-id vocabulary; one column per id was cut off at 1280 px."""
    at = open_page(lang, step_enc="onehot", step_text="the cat sat on the mat and the dog ate my homework")
    table = at.dataframe[0].value
    assert list(table.columns)[:3] == [t("step_col_t", lang), t("step_col_token", lang), t("step_col_id", lang)]
    assert len(table.columns) == 4
    vectors = table.iloc[:, 3].tolist()
    for token_id, vector in zip(table.iloc[:, 2], vectors):
        marks = vector.replace(" ", "")
        assert len(marks) == 10 + 4 and marks.index("1") == token_id and marks.count("1") == 1


# --- only the open tab, and only an open expander's chart, is drawn ----------------------------------


def plotly_charts(at) -> int:
    return len(at.get("plotly_chart"))


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_plain_link_opens_the_books_picture_and_draws_only_it(lang):
    at = open_page(lang, step_view="")  # no step_view in the link: the picture tab
    assert [tab.label for tab in at.tabs] == [t("step_view_picture", lang), t("step_view_numbers", lang)]
    assert not at.latex  # the numbers tab, closed, is not drawn
    picture_only = plotly_charts(at)
    numbers = open_page(lang)
    assert numbers.latex and r"\mathbf{h}_{1}" in numbers.latex[0].value
    assert plotly_charts(numbers) == picture_only  # the step chart in place of the unrolled picture


def test_a_bad_step_view_in_a_link_opens_the_picture():
    at = open_page(step_view="<b>x</b>")
    assert not at.exception and not at.latex
    assert "step_view" not in at.query_params  # the picture is the default: the link drops it


def test_the_open_tab_stays_open_through_a_language_switch():
    at = open_page("en")
    assert at.latex
    at.sidebar.radio(key="lang_switch").set_value("ko").run()
    assert [tab.label for tab in at.tabs] == [t("step_view_picture", "ko"), t("step_view_numbers", "ko")]
    assert at.latex and t("step_at", "ko", t=1, token="a").split("**")[1].split()[0] in texts(at.markdown)
    assert at.query_params["step_view"] == "numbers"  # the link keeps it


def test_the_tanh_chart_is_drawn_when_its_question_is_opened():
    at = open_page()
    activation = next(e for e in at.expander if e.label == t("hidden_activation_question", "en"))
    assert not activation.get("plotly_chart")
    assert "activation='tanh'" in texts(activation.markdown)  # the text is there, closed or open
    at.session_state["hidden_activation"] = True  # what a click on the expander sends
    at.run()
    activation = next(e for e in at.expander if e.label == t("hidden_activation_question", "en"))
    assert len(activation.get("plotly_chart")) == 1
