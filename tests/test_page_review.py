"""The "Try a review" page: the reference models read a default, typed, odd or test-set review."""

import json
import os
import re
import subprocess
import sys

import numpy as np
import pytest

import conftest
import damaged_runs
from model_helpers import STRANGER, VISITOR, set_owner
from conftest import ROOT, open_expanders
from rnnviz import charts_train, markup, results, review, run_choice, runs
from rnnviz import text as tx
from rnnviz import weights as weights_file
from rnnviz.i18n import t

PAGE = "views/review.py"
MODELS = run_choice.available_models([runs.RunStore(runs.REFERENCE_RUNS_DIR)])


open_page = conftest.page_opener(PAGE, timeout=240, reveal=1)  # the verdicts shown at once


@pytest.fixture
def only_reference(tmp_path, monkeypatch):
    monkeypatch.setenv("RNNVIZ_RUNS_DIR", str(tmp_path / "runs"))  # no user runs


def verdict_sentence(at) -> str:
    return next(m.value for m in at.markdown if "models say positive" in m.value or "개가 긍정" in m.value)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_default_review_renders_with_every_section(only_reference, lang):
    at = open_page(lang)
    assert at.title[0].value == ("리뷰 직접 넣어 보기" if lang == "ko" else "Try a review")
    assert tuple(h.value for h in at.subheader) == [
        ("모델마다의 판단", "단어마다 바뀌는 예측", "훈련된 셀의 은닉 상태"),
        ("Every model's verdict", "The prediction after each word", "The trained cell's hidden state")][lang == "en"]
    assert t("review_ids_title", lang) in conftest.texts(at.caption)  # the ids, under the page's first picture
    assert len(at.get("plotly_chart")) == 4 and not at.error
    assert results.variant_name(MODELS[0]) in {results.variant_name(m) for m in MODELS}


def test_typed_review_gets_each_models_probability_as_numpy_computes_it(only_reference):
    at = open_page("en")
    text = "A wonderful film with a great story and brilliant acting, I loved it"
    at.text_area(key="rv_text").set_value(text).run()
    assert not at.exception and at.query_params["rv_text"] == text
    chosen = next(m for m in MODELS if m.id == at.selectbox(key="rv_model@en").value)
    reading = review.read_text(text, chosen.vocabulary(), chosen.config.maxlen)
    expected = weights_file.predict(chosen.load_weights(), reading.padded)
    assert f"**{expected:.3f}**" in verdict_sentence(at)
    scores = [weights_file.predict(m.load_weights(), review.read_text(text, m.vocabulary(), 100).padded) for m in MODELS]
    assert f"{sum(s > 0.5 for s in scores)} of {len(MODELS)} models say positive" in verdict_sentence(at)
    assert reading.n_words == 13
    ids_text = next(c.value for c in at.caption if "13 words + the start token" in c.value)
    assert f"{reading.n_oov} words outside" in ids_text and f"{100 - 14} padding zeros" in ids_text


def test_each_model_can_be_picked_and_the_link_keeps_it(only_reference):
    target = MODELS[-1]
    at = open_page("en", rv_model=target.id)
    assert at.selectbox(key="rv_model@en").value == target.id
    assert f"{target.best_val_accuracy:.3f}" in " ".join(c.value for c in at.caption)


@pytest.mark.parametrize("text, message", [
    ("", "The review has no words"),
    ("   \n\t ", "The review has no words"),
    ("?!... ---", "The review has no words"),
    ("zyxq qwvz blorft", "All 3 words are outside this model's vocabulary"),
    ("사랑해요 정말 최고의 영화", "All 4 words are outside this model's vocabulary"),
    ("great " * 3_000, "cuts the first 2901"),
    ("great " * 20_000, "is cut after the first 20,000"),
    ("<br /><br />great", None),  # "br br great": three words the models know
])
@pytest.mark.slow
def test_odd_reviews_are_explained_and_never_crash(only_reference, text, message):
    at = open_page("en")
    at.text_area(key="rv_text").set_value(text).run()
    assert not at.exception
    answers = ("The answer is",)  # the revealed questions' boxes (a ?reveal=1 link), not messages
    shown = " ".join(x.value for x in [*at.info, *at.warning] if not x.value.startswith(answers))
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
    assert any(m.value == markup.escape(decoded) for m in at.markdown)  # the words as text, never as Markdown


def test_bad_link_values_fall_back_to_the_defaults(only_reference):
    at = open_page("en", rv_model="../../etc/passwd", rv_source="everything", rv_index="-5")
    assert at.selectbox(key="rv_model@en").value in {m.id for m in MODELS}
    assert at.radio(key="rv_source@en").value == "typed" and not at.error


def test_without_any_model_it_says_how_to_get_one(tmp_path, monkeypatch):
    monkeypatch.setenv("RNNVIZ_RUNS_DIR", str(tmp_path / "runs"))
    monkeypatch.setenv("RNNVIZ_REFERENCE_RUNS_DIR", str(tmp_path / "empty"))
    at = open_page("ko")
    assert "훈련을 마친 모델이 없습니다" in at.warning[0].value and not at.get("plotly_chart")


@pytest.mark.worker
def test_the_pages_keras_code_prints_the_pages_probability(only_reference, tmp_path):
    at = open_expanders(open_page("en"))
    code = at.get("code")[0].value
    chosen = next(m for m in MODELS if m.id == at.selectbox(key="rv_model@en").value)
    reading = review.read_text(at.text_area(key="rv_text").value, chosen.vocabulary(), 100)
    expected = weights_file.predict(chosen.load_weights(), reading.padded)
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "KERAS_BACKEND": "jax"})
    assert done.returncode == 0, done.stderr[-2000:]
    printed = float(done.stdout.strip().splitlines()[-1].split(":")[1])
    assert printed == pytest.approx(expected, abs=1e-4)


@pytest.mark.parametrize("damage", ["not a zip", "truncated", "foreign arrays", "bad vocab", "nested vocab",
                                    "weights zip bomb"])
def test_a_damaged_user_run_is_skipped_with_a_message_and_left_untouched(tmp_path, monkeypatch, damage):
    import shutil

    import numpy as np

    runs_dir = tmp_path / "runs"
    monkeypatch.setenv("RNNVIZ_RUNS_DIR", str(runs_dir))
    source = MODELS[0]
    shutil.copytree(source.path, runs_dir / "20250101-000000-abcdef")
    target = runs_dir / "20250101-000000-abcdef"
    set_owner(target, VISITOR)  # the learner's own run: listed (and so checked) by default
    if damage == "not a zip":
        (target / runs.WEIGHTS_FILE).write_text("this is not a model")
    elif damage == "truncated":
        content = (target / runs.WEIGHTS_FILE).read_bytes()
        (target / runs.WEIGHTS_FILE).write_bytes(content[: len(content) // 2])
    elif damage == "foreign arrays":
        np.savez(target / runs.WEIGHTS_FILE, something=np.zeros(3))
    elif damage == "bad vocab":
        (target / runs.VOCAB_FILE).write_text('{"words": [1, 2, 3]')
    else:  # issue 12: a RecursionError, a 64 MB array in a small file
        damaged_runs.damage(target, damage, tmp_path)
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    at = open_page("en")
    name = charts_train.run_label(runs.RunStore(runs_dir).get("20250101-000000-abcdef"), "en", visitor=VISITOR)  # readable
    assert any(f"Skipped models whose files are damaged: {markup.escape(name + ' (')}" in w.value for w in at.warning)
    assert len(at.get("plotly_chart")) == 4  # the reference models still work
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before  # nothing changed on disk


def test_without_the_data_a_typed_review_still_works(tmp_path, monkeypatch):
    import streamlit as st

    st.cache_resource.clear()  # a server without the data has never cached the test set
    monkeypatch.setenv("RNNVIZ_RUNS_DIR", str(tmp_path / "runs"))
    monkeypatch.setenv("RNNVIZ_DATA_DIR", str(tmp_path / "no-data"))
    at = open_page("en")
    assert len(at.get("plotly_chart")) == 4 and not at.error
    at.radio(key="rv_source@en").set_value("test").run()
    assert "RNNVIZ_DATA_DIR" in at.error[0].value and "A typed review works without the data." in [
        c.value for c in at.caption]


# --- the visitor's runs beside the reference runs (issue 11) ------------------------------------------------

RUN_ID = re.compile(r"\d{8}-\d{6}-[0-9a-f]{6}")
LSTM = [m for m in MODELS if results.variant_name(m) == "lstm@500"]


@pytest.fixture
def users_lstm(tmp_path, monkeypatch):
    """The visitor trained the book's LSTM with seed 42 too: a reference folder copied into their runs."""
    import shutil

    runs_dir = tmp_path / "runs"
    monkeypatch.setenv("RNNVIZ_RUNS_DIR", str(runs_dir))
    seed_42 = next(m for m in LSTM if m.config.seed == 42)
    shutil.copytree(seed_42.path, runs_dir / "20991231-235959-abcdef")
    set_owner(runs_dir / "20991231-235959-abcdef", VISITOR)  # launched from the tests' browser
    return runs.RunStore(runs_dir).get("20991231-235959-abcdef")


def figure(at, index: int) -> dict:
    return json.loads(at.get("plotly_chart")[index].proto.spec)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_users_run_is_never_a_fourth_reference_seed(users_lstm, lang):
    at = open_page(lang)
    text = at.text_area(key="rv_text").value
    verdicts = figure(at, 1)
    bars = verdicts["data"][0]
    reference_label = charts_train.run_label(LSTM[0], lang, seed=False, visitor=VISITOR)
    own_label = charts_train.run_label(users_lstm, lang, seed=False, visitor=VISITOR)
    assert bars["y"].count(reference_label) == 1 and bars["y"][-1] == own_label  # its own row, last
    expected = np.mean([weights_file.predict(m.load_weights(), review.read_text(text, m.vocabulary(), 100).padded)
                        for m in LSTM])  # the three reference seeds only
    assert bars["x"][bars["y"].index(reference_label)] == pytest.approx(expected, abs=1e-9)
    diamonds = verdicts["data"][1]
    assert diamonds["y"].count(reference_label) == 3 and own_label not in diamonds["y"]
    assert "3" in verdict_sentence(at) and own_label.startswith(t("review_whose_yours", lang))


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_another_browser_never_sees_a_visitors_run_as_its_own(users_lstm, lang):
    """Issue 24: a class shares one server. A fresh browser's verdicts list the reference models only;
    the switch adds the other visitor's run, named as theirs, never "your run"."""
    at = open_page(lang, token=None)
    reference_label = charts_train.run_label(LSTM[0], lang, seed=False, visitor=VISITOR)
    rows = figure(at, 1)["data"][0]["y"]
    assert reference_label in rows and not [r for r in rows if not r.startswith(t("review_whose_reference", lang))]
    menu = at.selectbox(key=f"rv_model@{lang}").options  # the labels the browser shows
    assert charts_train.run_label(users_lstm, lang, visitor=STRANGER) not in menu
    at.toggle(key="rv_everybody").set_value(True).run()
    theirs = charts_train.run_label(users_lstm, lang, seed=False, visitor=STRANGER)
    rows = figure(at, 1)["data"][0]["y"]
    assert rows[-1] == theirs and theirs.startswith(t("train_whose_other", lang))
    assert not [r for r in rows if r.startswith(t("review_whose_yours", lang))]
    assert charts_train.run_label(users_lstm, lang, visitor=STRANGER) in at.selectbox(key=f"rv_model@{lang}").options


def test_the_after_each_word_curves_never_mix_a_users_run_with_the_reference_seeds(users_lstm):
    at = open_page("en", rv_model=LSTM[0].id)
    names = [trace["name"] for trace in figure(at, 2)["data"] if trace.get("name")]
    assert names == [charts_train.short_label(m, "en", VISITOR) for m in LSTM]  # three seeds, three names
    assert len(set(names)) == 3 and not any("your run" in n for n in names)
    at.selectbox(key="rv_model@en").set_value(users_lstm.id).run()
    assert [trace.get("name") for trace in figure(at, 2)["data"] if trace.get("name")] == [
        charts_train.short_label(users_lstm, "en", VISITOR)]
    assert "Your run is drawn alone" in " ".join(m.value for m in at.markdown)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_models_are_named_readably_never_by_run_id(users_lstm, lang):
    at = open_page(lang)
    options = at.selectbox(key=f"rv_model@{lang}").options  # the labels the browser shows
    assert len(options) == len(MODELS) + 1 and len(set(options)) == len(options)
    assert not [o for o in options if RUN_ID.search(o)]
    assert sum(o.startswith("내 실행" if lang == "ko" else "your run") for o in options) == 1
    shown = " ".join(json.dumps(figure(at, i)) for i in range(3))
    assert not RUN_ID.search(shown)


def test_the_default_model_is_the_median_lstm_seed(only_reference):
    at = open_page("en")
    median = sorted(LSTM, key=lambda m: m.best_val_accuracy)[1]
    assert at.selectbox(key="rv_model@en").value == median.id


def test_switching_the_language_keeps_the_model_and_the_source(users_lstm):
    at = open_page("ko", rv_model=users_lstm.id)
    at.radio(key="rv_source@ko").set_value("test").run()
    at.radio(key="lang_switch").set_value("en").run()
    assert not at.exception and at.title[0].value == "Try a review"
    assert at.selectbox(key="rv_model@en").value == users_lstm.id and at.radio(key="rv_source@en").value == "test"
    assert at.query_params["rv_model"] == users_lstm.id and at.query_params["rv_source"] == "test"


def test_a_two_megabyte_paste_is_cut_with_a_message_and_still_scored(only_reference):
    at = open_page("en")
    at.text_area(key="rv_text").set_value("a great film " * 160_000).run()  # 2.08 MB, past the box's limit
    assert not at.exception
    limit = review.MAX_REVIEW_CHARS
    assert t("review_too_long", "en", limit=limit) in [w.value for w in at.warning]
    assert len(at.get("plotly_chart")) == 4 and "models say positive" in verdict_sentence(at)


def test_a_link_cannot_put_more_into_the_review_box_than_its_limit(only_reference):
    at = open_page("en", rv_text="good " * 5_000)  # 25,000 characters
    assert len(at.text_area(key="rv_text").value) == review.MAX_REVIEW_CHARS


def test_the_review_is_tokenized_once_for_all_models(only_reference, monkeypatch):
    text = "An unforgettable film: the story, the acting and the music are wonderful"
    calls = []
    tokenize = tx.tokenize
    monkeypatch.setattr(tx, "tokenize", lambda given: calls.append(given) or tokenize(given))
    at = open_page("en", rv_text=text)
    assert not at.exception and len(MODELS) > 20
    assert calls.count(text) == 1  # not once per model


def test_the_page_works_with_every_damaged_run_present(tmp_path, monkeypatch):
    """Issue 12: each damaged run is skipped (named when its model files are the damage); none crashes the page."""
    source = next(m for m in MODELS if results.variant_name(m) == "lstm@500").path
    damaged_runs.make_all(source, tmp_path / "runs", tmp_path / "outside")
    monkeypatch.setenv("RNNVIZ_RUNS_DIR", str(tmp_path / "runs"))
    at = open_page("en")
    at.toggle(key="rv_everybody").set_value(True).run()  # command-line runs: listed on asking
    skipped = " ".join(w.value for w in at.warning if w.value.startswith("Skipped models"))
    assert "nested too deep" in skipped and "would unpack to" not in skipped  # the reasons, in English
    assert markup.escape("weights.npz unpacks to") in skipped  # shown as text
    models = at.selectbox(key="rv_model@en").options
    assert len(models) == len(MODELS)  # no damaged run is offered: the others are broken, or failed
    assert len(at.get("plotly_chart")) == 4
