"""Predict, then reveal: on every page the number that answers the page's question is not on the page
until the learner commits an answer or says "not sure" (issue 14). Also the ordering of the options."""

import re

import pytest

from conftest import open_page, texts
from rnnviz import questions
from rnnviz.i18n import t


def everything_shown(at) -> str:
    """All the page's text a learner can read: prose, boxes, metrics, code, equations, tables, expanders."""
    parts = [texts([*at.title, *at.subheader, *at.markdown, *at.caption, *at.info, *at.warning, *at.success,
                    *at.error, *at.code, *at.latex])]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    parts += [frame.value.to_string() for frame in at.dataframe]
    parts += [e.label for e in at.expander]
    return " ".join(parts)


def has_number(text: str, number: str) -> bool:
    """`number` appears as a whole number ("24" not in "0.24" or "124")."""
    return re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d]|[.,]\d)", text) is not None


# page, its question's key, the number that answers it, link parameters
QUESTIONS = [
    ("views/hidden.py", "quiz_hidden_params", "24", {}),
    ("views/cells.py", "quiz_cells_gru", "624", {}),
]


@pytest.mark.parametrize("page, key, number, params", QUESTIONS, ids=[q[1] for q in QUESTIONS])
@pytest.mark.parametrize("commit", ["not_sure", "check"])
def test_the_answer_is_absent_until_the_learner_commits(page, key, number, params, commit):
    at = open_page(page, **params)
    assert not has_number(everything_shown(at), number)
    if commit == "check":
        at.radio(key=f"{key}_choice@en").set_value(0).run()
        at.button(key=f"{key}_check").click().run()
    else:
        at.button(key=f"{key}_not_sure").click().run()
    assert not at.exception
    assert has_number(everything_shown(at), number)


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
