"""The "Try a review" page: the reference models read a default, typed, odd or test-set review."""

import os
import subprocess
import sys

import pytest

import conftest
from conftest import ROOT
from rnnviz import encoding, review, runs
from rnnviz import text as tx

PAGE = "views/review.py"
MODELS = review.available_models([runs.RunStore(runs.REFERENCE_RUNS_DIR)])


def open_page(lang="en", **params):
    return conftest.open_page(PAGE, lang, timeout=240, **params)


@pytest.fixture
def only_reference(tmp_path, monkeypatch):
    monkeypatch.setenv("RNNVIZ_RUNS_DIR", str(tmp_path / "runs"))  # no user runs


def verdict_sentence(at) -> str:
    return next(m.value for m in at.markdown if "models say positive" in m.value or "모델 " in m.value)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_default_review_renders_with_every_section(only_reference, lang):
    at = open_page(lang)
    assert at.title[0].value == ("리뷰 직접 넣어 보기" if lang == "ko" else "Try a review")
    assert tuple(h.value for h in at.subheader) == [
        ("1. 모델이 읽는 id", "2. 모델마다의 판단", "3. 단어마다 바뀌는 예측", "4. 훈련된 셀의 은닉 상태"),
        ("1. The ids the model reads", "2. Every model's verdict", "3. The prediction after each word",
         "4. The trained cell's hidden state")][lang == "en"]
    assert len(at.get("plotly_chart")) == 4 and not at.error
    assert review.variant_name(MODELS[0]) in {review.variant_name(m) for m in MODELS}


def test_typed_review_gets_each_models_probability_as_numpy_computes_it(only_reference):
    at = open_page("en")
    text = "A wonderful film with a great story and brilliant acting, I loved it"
    at.text_area(key="rv_text").set_value(text).run()
    assert not at.exception and at.query_params["rv_text"] == text
    chosen = next(m for m in MODELS if m.id == at.selectbox(key="rv_model").value)
    reading = review.read_text(text, chosen.vocabulary(), chosen.config.maxlen)
    expected = encoding.predict(chosen.load_weights(), reading.padded)
    assert f"**{expected:.3f}**" in verdict_sentence(at)
    scores = [encoding.predict(m.load_weights(), review.read_text(text, m.vocabulary(), 100).padded) for m in MODELS]
    assert f"{sum(s > 0.5 for s in scores)} of {len(MODELS)} models say positive" in verdict_sentence(at)
    assert reading.words == 13
    ids_text = next(m.value for m in at.markdown if m.value.startswith("13 words + the start token"))
    assert f"{reading.oov} words outside" in ids_text and f"{100 - 14} padding zeros" in ids_text


def test_each_model_can_be_picked_and_the_link_keeps_it(only_reference):
    target = MODELS[-1]
    at = open_page("en", rv_model=target.id)
    assert at.selectbox(key="rv_model").value == target.id
    assert f"{target.best_val_accuracy:.3f}" in " ".join(c.value for c in at.caption)


@pytest.mark.parametrize("text, message", [
    ("", "The review has no words"),
    ("   \n\t ", "The review has no words"),
    ("?!... ---", "The review has no words"),
    ("zyxq qwvz blorft", "All 3 words are outside this model's vocabulary"),
    ("사랑해요 정말 최고의 영화", "All 4 words are outside this model's vocabulary"),
    ("great " * 20_000, "cuts the first 19901"),
    ("<br /><br />great", None),  # "br br great": three words the models know
])
def test_odd_reviews_are_explained_and_never_crash(only_reference, text, message):
    at = open_page("en")
    at.text_area(key="rv_text").set_value(text).run()
    assert not at.exception
    shown = " ".join(x.value for x in [*at.info, *at.warning])
    if message is None:
        assert not shown and len(at.get("plotly_chart")) == 4
    else:
        assert message in shown


def test_a_test_set_review_shows_its_label_and_decoded_text(only_reference, local_data):
    from rnnviz import data

    at = open_page("en", rv_source="test", rv_index=3)
    reviews = data.load_test_reviews()
    label = "positive (1)" if reviews.labels[3] else "negative (0)"
    assert any(f"True label: **{label}**" == m.value for m in at.markdown)
    full = tx.Vocabulary.from_word_index(data.load_word_index(), None)
    decoded = " ".join(full.decode(reviews.review(3)[1:]))
    assert any(m.value == decoded for m in at.markdown)


def test_bad_link_values_fall_back_to_the_defaults(only_reference):
    at = open_page("en", rv_model="../../etc/passwd", rv_source="everything", rv_index="-5")
    assert at.selectbox(key="rv_model").value in {m.id for m in MODELS}
    assert at.radio(key="rv_source").value == "typed" and not at.error


def test_without_any_model_it_says_how_to_get_one(tmp_path, monkeypatch):
    monkeypatch.setenv("RNNVIZ_RUNS_DIR", str(tmp_path / "runs"))
    monkeypatch.setenv("RNNVIZ_REFERENCE_RUNS_DIR", str(tmp_path / "empty"))
    at = open_page("ko")
    assert "훈련을 마친 모델이 없습니다" in at.warning[0].value and not at.get("plotly_chart")


def test_the_page_imports_no_framework(tmp_path):
    conftest.assert_page_imports_no_framework(PAGE, env={"RNNVIZ_RUNS_DIR": str(tmp_path / "runs")})


def test_the_pages_keras_code_prints_the_pages_probability(only_reference, tmp_path):
    at = open_page("en")
    code = at.get("code")[0].value
    chosen = next(m for m in MODELS if m.id == at.selectbox(key="rv_model").value)
    reading = review.read_text(at.text_area(key="rv_text").value, chosen.vocabulary(), 100)
    expected = encoding.predict(chosen.load_weights(), reading.padded)
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "KERAS_BACKEND": "jax"})
    assert done.returncode == 0, done.stderr[-2000:]
    printed = float(done.stdout.strip().splitlines()[-1].split(":")[1])
    assert printed == pytest.approx(expected, abs=1e-4)


@pytest.mark.parametrize("damage", ["not a zip", "truncated", "foreign arrays", "bad vocab"])
def test_a_damaged_user_run_is_skipped_with_a_message_and_left_untouched(tmp_path, monkeypatch, damage):
    import shutil

    import numpy as np

    runs_dir = tmp_path / "runs"
    monkeypatch.setenv("RNNVIZ_RUNS_DIR", str(runs_dir))
    source = MODELS[0]
    shutil.copytree(source.path, runs_dir / "20250101-000000-abcdef")
    target = runs_dir / "20250101-000000-abcdef"
    if damage == "not a zip":
        (target / runs.WEIGHTS_FILE).write_text("this is not a model")
    elif damage == "truncated":
        content = (target / runs.WEIGHTS_FILE).read_bytes()
        (target / runs.WEIGHTS_FILE).write_bytes(content[: len(content) // 2])
    elif damage == "foreign arrays":
        np.savez(target / runs.WEIGHTS_FILE, something=np.zeros(3))
    else:
        (target / runs.VOCAB_FILE).write_text('{"words": [1, 2, 3]')
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    at = open_page("en")
    assert any("Skipped models whose files are damaged: 20250101-000000-abcdef" in w.value for w in at.warning)
    assert len(at.get("plotly_chart")) == 4  # the reference models still work
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before  # nothing changed on disk


def test_without_the_data_a_typed_review_still_works(tmp_path, monkeypatch):
    import streamlit as st

    st.cache_resource.clear()  # a server without the data has never cached the test set
    monkeypatch.setenv("RNNVIZ_RUNS_DIR", str(tmp_path / "runs"))
    monkeypatch.setenv("RNNVIZ_DATA_DIR", str(tmp_path / "no-data"))
    at = open_page("en")
    assert len(at.get("plotly_chart")) == 4 and not at.error
    at.radio(key="rv_source").set_value("test").run()
    assert "RNNVIZ_DATA_DIR" in at.error[0].value and "A typed review works without the data." in [
        c.value for c in at.caption]
