"""The chapter's path (rnnviz.lesson, issue 15): the home page lists it in the book's order, every page
on it ends with "← previous" and "next →" that keep the step in the URL, and a step's link opens its
page on the step's settings (the training lab twice: 9-2's SimpleRNN, then 9-3's LSTM)."""

from urllib.parse import parse_qs

import pytest

from conftest import open_page
from rnnviz import config as cfg
from rnnviz import lesson
from rnnviz.i18n import t


def links(at) -> list[tuple[str, dict]]:
    """The page's links, in order: (page name, query)."""
    return [(link.proto.page, {k: v[0] for k, v in parse_qs(link.proto.query_string).items()})
            for link in at.get("page_link")]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_home_lists_the_path_in_the_books_order(lang):
    at = open_page(lang=lang)
    path = links(at)
    assert [page for page, _ in path] == ["tokens", "hidden", "onehot", "train", "cells", "train", "review"]
    assert [query["step"] for _, query in path] == [str(n) for n in range(1, 8)]
    assert path[3][1]["train_preset"] == "embedding-simplernn" and path[5][1]["train_preset"] == "lstm"
    assert all(query["lang"] == lang for _, query in path)
    shown = " ".join(m.value for m in at.markdown)
    assert all(t(f"lesson_{step.name}_question", lang) in shown for step in lesson.STEPS)  # each step's question


def test_the_sections_come_in_the_books_order():
    sections = [step.section for step in lesson.STEPS]
    assert sections == sorted(sections) and set(sections) == {"section_9_1", "section_9_2", "section_9_3"}


@pytest.mark.parametrize("step", lesson.STEPS, ids=lambda s: f"step{s.number}")
def test_every_step_ends_with_its_neighbours(local_data, step):
    at = open_page(step.page, **lesson.link_params(step, "en"))
    assert not at.exception
    before, after = lesson.neighbours(step)
    ends = links(at)[-2:] if before and after else links(at)[-1:]
    expected = [s for s in (before, after) if s]
    if after is None:  # the last step leads home
        expected = [before]
        ends = [link for link in links(at) if link[1].get("step")][-1:]
    assert [(page, query.get("step")) for page, query in ends] == [
        (s.page.removeprefix("views/").removesuffix(".py"), str(s.number)) for s in expected]
    assert t("lesson_step", "en", n=step.number, total=len(lesson.STEPS)) in " ".join(c.value for c in at.caption)


def test_a_steps_link_opens_the_training_lab_on_its_model_over_the_sessions_own(local_data):
    at = open_page("views/train.py")  # the session starts on the default LSTM
    assert at.selectbox(key="train_preset@en").value == "lstm"
    at.switch_page("views/train.py")
    at.query_params.update(lesson.link_params(lesson.STEPS[3], "en"))  # step 4: 9-2's SimpleRNN
    at.run()
    preset = cfg.PRESETS["embedding-simplernn"]
    assert at.selectbox(key="train_preset@en").value == "embedding-simplernn"
    assert at.session_state["train_num_words"] == preset.num_words and at.selectbox(key="train_cell").value == "SimpleRNN"
    at.selectbox(key="train_cell").set_value("GRU").run()  # the learner's own change stays on a rerun
    assert at.selectbox(key="train_cell").value == "GRU"
