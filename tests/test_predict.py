"""Predict, then reveal: on every page the number that answers the page's question is not on the page
until the learner commits an answer or says "not sure" (issue 14). Also the ordering of the options."""

import json
import re

import pytest

from conftest import open_expanders, open_page, texts
from rnnviz import encoding, inputs, questions
from rnnviz.i18n import t


def everything_shown(at) -> str:
    """All the page's text a learner can read: prose, boxes, metrics, code, equations, tables, expanders
    (each opened first: some draw their code and tables only when opened)."""
    open_expanders(at)
    parts = [texts([*at.title, *at.subheader, *at.markdown, *at.caption, *at.info, *at.warning, *at.success,
                    *at.error, *at.code, *at.latex])]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    parts += [frame.value.to_string() for frame in at.dataframe]
    parts += [e.label for e in at.expander]
    return " ".join(parts)


def has_number(text: str, number: str) -> bool:
    """`number` appears as a whole number ("24" not in "0.24" or "124")."""
    return re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d]|[.,]\d)", text) is not None


BOOK_RATIO = f"{encoding.input_cost(500, 100, 16).ratio:,.0f}"  # one-hot vs. ids + table, the book's sizes

# page, its question's key, what answers it (a whole number, or a text), link parameters
QUESTIONS = [
    ("views/hidden.py", "quiz_hidden_params", "24", {}),  # 4×3 + 3×3 + 3
    ("views/cells.py", "quiz_cells_gru", "624", {}),  # GRU(8) on 16 features
    ("views/tokens.py", "quiz_trunc", "(3, 8)", {}),  # the matrix cut to maxlen = 8
    ("views/onehot.py", "oh_quiz", BOOK_RATIO, {}),  # ≈ 498×
    ("views/review.py", "review_verdict_", t("review_verdicts_title", "en"), {}),  # the models' verdicts
    ("views/train.py", "quiz_train", t("train_chart_legend", "en"), {}),  # under the reference LSTM vs. SimpleRNN curves
]


def shows(at, answer: str) -> bool:
    text = everything_shown(at)
    return has_number(text, answer) if answer.replace(",", "").isdigit() else answer in text


def question_key(at, key: str) -> str:
    """The question's key on the page (the review page's depends on the review and the model)."""
    return next(b.key for b in at.button if b.key and b.key.startswith(key) and b.key.endswith("_not_sure"))[
        : -len("_not_sure")]


@pytest.fixture
def no_user_runs(tmp_path, monkeypatch, local_data):
    monkeypatch.setenv("RNNVIZ_RUNS_DIR", str(tmp_path / "runs"))


@pytest.mark.parametrize("page, key, answer, params", QUESTIONS, ids=[q[1] for q in QUESTIONS])
@pytest.mark.parametrize("commit", ["not_sure", "check"])
def test_the_answer_is_absent_until_the_learner_commits(no_user_runs, page, key, answer, params, commit):
    at = open_page(page, **params)
    assert not shows(at, answer)
    key = question_key(at, key)
    if commit == "check":
        at.radio(key=f"{key}_choice@en").set_value(0).run()
        at.button(key=f"{key}_check").click().run()
    else:
        at.button(key=f"{key}_not_sure").click().run()
    assert not at.exception
    assert shows(at, answer)


def test_the_training_labs_answer_compares_like_with_like(no_user_runs):
    """The reference LSTM and SimpleRNN at one vocabulary (500 words), not the book's 200 vs. 500."""
    from rnnviz import runs, training_lab

    same = training_lab.same_vocabulary_figures(runs.RunStore(runs.reference_runs_dir()).list(), 500)
    at = open_page("views/train.py")
    assert same["lstm"].text() not in everything_shown(at)
    at.button(key="quiz_train_not_sure").click().run()
    why = everything_shown(at)
    assert same["lstm"].text() in why and same["embedding-simplernn"].text() in why
    assert same["lstm"].mean > same["embedding-simplernn"].mean  # the answer the page gives is what the runs say


def test_a_new_review_asks_again(no_user_runs):
    at = open_page("views/review.py")
    at.button(key=question_key(at, "review_verdict_") + "_not_sure").click().run()
    assert shows(at, t("review_verdicts_title", "en"))
    at.text_area(key="rv_text").set_value("a dull and boring film").run()
    assert not shows(at, t("review_verdicts_title", "en"))


def test_one_click_loads_a_repeated_word_and_its_states_show_after_the_prediction():
    at = open_page("views/hidden.py")
    charts = len(at.get("plotly_chart"))
    at.button[[b.label for b in at.button].index(t("hidden_same_load", "en"))].click().run()
    assert at.text_input(key="step_text").value == inputs.REPEATED_WORD_SENTENCE
    assert at.slider(key="step_t").value == 6  # "i", read the second time
    assert len(at.get("plotly_chart")) == charts  # asked, not shown yet
    at.button(key="quiz_hidden_same_not_sure").click().run()
    assert len(at.get("plotly_chart")) == charts + 2  # x_t, h_(t-1), h_t side by side; Dense vs. SimpleRNN
    metas = [json.loads(chart.proto.spec)["layout"].get("meta") for chart in at.get("plotly_chart")]
    assert {"token": "i", "steps": [1, 6]} in metas  # the repeated word's two steps
    assert {"active": 6, "steps": list(range(1, 10))} in metas  # Dense vs. SimpleRNN, at the current step


def test_a_revealed_answer_stays_revealed_on_reruns_and_in_the_other_language():
    at = open_page("views/hidden.py")
    at.button(key="quiz_hidden_params_not_sure").click().run()
    at.slider(key="step_units").set_value(5).run()  # another rerun, other numbers: 4×5 + 5×5 + 5 = 50
    assert has_number(everything_shown(at), "50")
    at.sidebar.radio(key="lang_switch").set_value("ko").run()
    assert has_number(everything_shown(at), "50") and t("quiz_answer_is", "ko", answer="50") in texts(at.info)


def test_checking_without_a_pick_asks_for_one_and_reveals_nothing():
    at = open_page("views/hidden.py")
    at.button(key="quiz_hidden_params_check").click().run()
    assert t("quiz_pick_first", "en") in texts(at.warning)
    assert not has_number(everything_shown(at), "24")


def test_a_teachers_reveal_link_shows_every_answer_at_once():
    at = open_page("views/hidden.py", reveal=1)
    assert has_number(everything_shown(at), "24")
    at.switch_page("views/cells.py").run()  # the session keeps it on the next page
    at.text_input(key="step_text").set_value("i like brachiosaurus").run()  # AppTest drops it on a page switch
    assert has_number(everything_shown(at), "624")


def test_a_teachers_reveal_link_to_the_home_page_answers_the_pages_after_it():
    at = open_page(None, reveal=1)  # the home page
    del at.query_params["reveal"]  # the sidebar's link to the next page does not carry it
    at.switch_page("views/hidden.py").run()
    assert has_number(everything_shown(at), "24")


def test_a_right_and_a_wrong_answer_are_told_apart():
    at = open_page("views/cells.py")
    radio = at.radio(key="quiz_cells_gru_choice@en")
    right = list(radio.options).index("624")
    radio.set_value(right).run()
    at.button(key="quiz_cells_gru_check").click().run()
    assert texts(at.success) == t("quiz_right", "en")
    at = open_page("views/cells.py")
    at.radio(key="quiz_cells_gru_choice@en").set_value((right + 1) % 3).run()
    at.button(key="quiz_cells_gru_check").click().run()
    assert "624" in texts(at.error)


def test_the_right_options_position_varies_from_question_to_question():
    counts = {"quiz_hidden_params": 4, "quiz_cells_gru": 3, "quiz_trunc": 3, "oh_quiz": 4, "quiz_train": 3,
              "review_quiz": 3}
    positions = {questions.arrange(key, [str(i) for i in range(n)], answer=0).answer for key, n in counts.items()}
    assert len(positions) > 1


def test_options_keep_their_order_across_reruns_and_keep_the_right_one():
    q = questions.arrange("any question", ["a", "b", "c", "d"], answer=2)
    assert q == questions.arrange("any question", ["a", "b", "c", "d"], answer=2)
    assert q.options[q.answer] == "c" and sorted(q.options) == ["a", "b", "c", "d"]
