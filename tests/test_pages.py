"""The app shell, the home page and the tokens page, driven through Streamlit's AppTest."""

import shutil
import subprocess
import sys

import pytest
import streamlit as st

from conftest import ROOT, assert_pages_import_no_framework, open_page, page_text, texts
from rnnviz import runs
from rnnviz.i18n import t

@pytest.mark.parametrize("lang, title, book", [("ko", "순환 신경망, 눈으로 보며 배우기", "9-1 순차 데이터와 순환 신경망"),
                                               ("en", "Recurrent neural networks, hands-on", "9-1 Sequential data")])
def test_home_renders_in_both_languages_with_the_book_map(lang, title, book):
    at = open_page(lang=lang)
    assert at.title[0].value == title
    links = at.get("page_link")
    assert {link.proto.page for link in links} == {"tokens", "hidden", "onehot", "cells", "train", "review"}
    assert book in page_text(at) and t("section_9_3", lang) in page_text(at)  # every section is mapped
    assert at.query_params["lang"] == lang


def test_sidebar_switch_changes_language_and_url():
    at = open_page(lang="en")
    at.sidebar.radio(key="lang_switch").set_value("ko").run()
    at.run()  # the next run renders with the new choice
    assert at.title[0].value == "순환 신경망, 눈으로 보며 배우기"
    assert at.query_params["lang"] == "ko"


def test_the_language_switch_starts_at_the_language_showing():
    # A browser that re-creates the switch without its value shows its default: the page's language,
    # never the first option (a CI run once saw an English page turn Korean after a click in a fragment).
    at = open_page(lang="en")
    switch = at.sidebar.radio(key="lang_switch")
    assert switch.value == "en" and switch.options[switch.proto.default] == "English"
    switch.set_value("ko").run()
    switch = at.sidebar.radio(key="lang_switch")
    assert switch.value == "ko" and switch.options[switch.proto.default] == "한국어"
    assert at.title[0].value == "순환 신경망, 눈으로 보며 배우기"


def test_language_survives_a_page_change():
    at = open_page(lang="ko")
    at.switch_page("views/tokens.py").run()
    assert at.title[0].value == "토큰과 패딩"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_tokens_page_renders_in_both_languages(local_data, lang):
    at = open_page("views/tokens.py", lang=lang)
    assert at.title[0].value == ("토큰과 패딩" if lang == "ko" else "Tokens & padding")
    assert len(at.tabs) == 3  # the three default sentences
    first = at.dataframe[0].value
    assert first.iloc[0, 2] == 1
    assert "20,000" in [m.value for m in at.metric]


def test_default_sentence_ids_are_imdbs(local_data):
    at = open_page("views/tokens.py", lang="en")
    first = at.dataframe[0].value  # "i like brachiosaurus"
    tokens, ids = list(first.iloc[:, 1]), list(first.iloc[:, 2])
    assert tokens == ["<start>", "i", "like", "brachiosaurus"]
    assert ids[:3] == [1, 13, 40] and ids[3] == 2  # the rarest word is OOV at num_words=500
    assert "not in the vocabulary" in first.iloc[3, 4] or "num_words" in first.iloc[3, 4]


def test_changing_maxlen_changes_the_truncated_share_and_the_url(local_data):
    at = open_page("views/tokens.py", lang="en", reveal=1)
    before = [m.value for m in at.metric]
    at.slider(key="maxlen").set_value(100).run()
    after = [m.value for m in at.metric]
    assert before != after
    truncated = next(m for m in at.metric if "truncated" in m.label)
    assert "maxlen = 100" in truncated.label and truncated.value.endswith("%")
    assert at.query_params["maxlen"] == "100"


def test_a_shared_link_reopens_the_same_settings(local_data):
    at = open_page("views/tokens.py", lang="en", maxlen="17", padding="post", text="good bad", reveal=1)
    assert at.slider(key="maxlen").value == 17
    assert at.radio(key="padding@en").value == "post"
    assert at.text_area(key="text").value == "good bad"
    assert len(at.tabs) == 1


def test_own_vocabulary_has_no_oov(local_data):
    at = open_page("views/tokens.py", lang="en")
    at.radio(key="vocab@en").set_value("fit").run()
    ids = [row for df in at.dataframe for row in df.value.iloc[:, 2]]
    assert 2 not in ids and min(ids) == 1


@pytest.mark.parametrize("typed, expected", [
    ("", "Type at least one sentence"),
    ("?!...", "has no tokens"),
    ("이 영화 정말 재미있어요", "OOV (2)"),
    ("😀😀 🎬", "OOV (2)"),
    ("x" * 100_000, "very long"),
    ("\n".join(["a"] * 40), "only the first 12"),
])
def test_bad_input_gets_a_clear_message(local_data, typed, expected):
    at = open_page("views/tokens.py", lang="en")
    at.text_area(key="text").set_value(typed).run()
    assert not at.exception
    messages = " ".join(x.value for x in [*at.warning, *at.info])
    assert expected in messages


def pick_the_end(at, lang: str) -> None:
    """Pick "the end", the right answer of the tokens page's truncation question, wherever it is shown."""
    radio = at.radio(key=f"quiz_trunc_choice@{lang}")
    radio.set_value(list(radio.options).index(t("tokens_quiz_a1", lang))).run()


def test_quiz_reveals_only_after_an_answer(local_data):
    at = open_page("views/tokens.py", lang="en")
    assert not at.success and not at.error
    at.button(key="quiz_trunc_check").click().run()
    assert "Pick an answer" in " ".join(w.value for w in at.warning)
    pick_the_end(at, "en")
    at.button(key="quiz_trunc_check").click().run()
    assert at.success and "last 8 tokens" in page_text(at)


def test_missing_data_shows_the_message_and_the_page_still_works(tmp_path, monkeypatch):
    st.cache_data.clear()
    st.cache_resource.clear()  # the word index is held per server
    monkeypatch.setenv("RNNVIZ_DATA_DIR", str(tmp_path))  # an empty folder
    at = open_page("views/tokens.py", lang="en")
    errors = " ".join(e.value for e in at.error)
    assert "RNNVIZ_DATA_DIR" in errors and "imdb.npz" in errors
    assert len(at.tabs) == 3  # the sentences still become tokens, with their own vocabulary
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_offline_without_data_the_tokens_page_tries_once_says_it_once_and_shows_what_it_uses(tmp_path, monkeypatch,
                                                                                            lang):
    from rnnviz import data

    st.cache_resource.clear()
    attempts = []

    def no_network(function, *args):  # the helper's download, as it fails with no internet
        attempts.append(function.__name__)
        raise data.DataUnavailableError("data_unavailable", env=data.DATA_DIR_ENV, reason="URL fetch failure")

    monkeypatch.delenv("RNNVIZ_DATA_DIR", raising=False)
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras-home"))
    monkeypatch.setenv("RNNVIZ_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(data, "_last_failure", {})
    monkeypatch.setattr(data, "in_helper_process", no_network)
    at = open_page("views/tokens.py", lang=lang, vocab="imdb")
    for _ in range(2):  # the visit, then a rerun (the learner types)
        assert [e.value for e in at.error] == [data.DataUnavailableError(
            "data_unavailable", env=data.DATA_DIR_ENV, reason="URL fetch failure").message(lang)]
        radio = at.radio[0]
        assert radio.value == "fit" and radio.disabled  # the vocabulary used: built from the sentences
        assert t("tokens_vocab_fit", lang) in page_text(at)  # and the caption says the same
        assert "20,000" in texts(at.metric)  # the review lengths need no data
        at.text_area[0].input("i like brachiosaurus").run()
    assert attempts == ["_download_with_keras"]  # tried once, not at every rerun
    assert at.session_state["vocab"] == "imdb"  # the learner's choice (and link) kept for when the data is back
    st.cache_resource.clear()


def test_a_new_servers_first_tokens_visit_reads_no_review(local_data, tmp_path, monkeypatch):
    """The review-length histogram ships with the app: a cold server with an empty cache shows it without
    reading IMDB's reviews (seconds and ~450 MB in a helper process)."""
    from rnnviz import data

    st.cache_resource.clear()
    monkeypatch.setenv("RNNVIZ_CACHE_DIR", str(tmp_path / "empty-cache"))
    helpers = []
    monkeypatch.setattr(data, "in_helper_process", lambda function, *args: helpers.append(function.__name__))
    at = open_page("views/tokens.py", lang="en")
    assert "20,000" in texts(at.metric) and t("tokens_hist_title", "en") in texts(at.subheader)
    assert helpers == [] and not at.error
    st.cache_resource.clear()


# (page, link parameters): every page but home and the printable one, which draw no data and no run
PAGES_WITHOUT_FRAMEWORK = [("views/tokens.py", {}), ("views/hidden.py", {}), ("views/onehot.py", {}),
                           ("views/cells.py", {"cell_kind": "GRU"}), ("views/train.py", {}), ("views/review.py", {})]


@pytest.mark.slow
def test_no_page_ever_imports_tensorflow_keras_or_jax(imdb_folder, tmp_path):
    """Only the training worker imports a framework: every page renders, with the data and a finished run there."""
    finished = sorted(runs.RunStore(runs.reference_runs_dir()).list(), key=lambda run: run.id)[0]
    shutil.copytree(finished.path, tmp_path / "runs" / finished.id)
    assert_pages_import_no_framework(PAGES_WITHOUT_FRAMEWORK, env={"RNNVIZ_RUNS_DIR": str(tmp_path / "runs"),
                                                                   "RNNVIZ_DATA_DIR": str(imdb_folder)})


def test_rnnviz_never_imports_streamlit():
    probe = ("import sys, pkgutil, importlib, rnnviz\n"
             "for m in pkgutil.walk_packages(rnnviz.__path__, 'rnnviz.'): importlib.import_module(m.name)\n"
             "assert 'streamlit' not in sys.modules, 'rnnviz imported streamlit'\n")
    subprocess.run([sys.executable, "-c", probe], cwd=ROOT, check=True, timeout=300)


def test_no_module_of_rnnviz_mentions_streamlit():
    for path in (ROOT / "rnnviz").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "import streamlit" not in source and "from streamlit" not in source, path


@pytest.mark.parametrize("maxlen, cut", [(8, True), (100, False)])
def test_quiz_example_says_what_is_kept_or_that_nothing_is_cut(local_data, maxlen, cut):
    at = open_page("views/tokens.py", lang="ko", maxlen=maxlen)
    pick_the_end(at, "ko")
    at.button(key="quiz_trunc_check").click().run()
    why = next(m.value for m in at.markdown if m.value.startswith("'pre'는"))  # the question's explanation
    assert not why.rstrip().endswith(("—", ":"))  # no dangling "example: —"
    if cut:
        assert "위의 가장 긴 문장에서 남는 부분: … " in why
    else:
        assert "100개 토큰 이하라 잘린 것이 없습니다" in why


def test_korean_text_boxes_say_how_to_apply_in_korean(local_data):
    at = open_page("views/tokens.py", lang="ko")
    box = at.text_area(key="text")
    assert "Ctrl+Enter" in box.label and "적용" in box.label
    assert box.placeholder == "문장을 한 줄에 하나씩 입력하세요"
    assert open_page("views/tokens.py", lang="en").text_area(key="text").label == "Sentences (one per line)"


def test_a_quiz_keeps_its_answer_across_a_language_switch(local_data):
    """The answers are translated labels: each language has its own radio, seeded from the other."""
    at = open_page("views/tokens.py", lang="en")
    pick_the_end(at, "en")
    at.button(key="quiz_trunc_check").click().run()
    at.sidebar.radio(key="lang_switch").set_value("ko").run()
    assert texts(at.success) == t("quiz_right", "ko")  # still revealed, now in Korean


def test_an_invisible_bidi_mark_is_removed_and_said_so(local_data):
    at = open_page("views/tokens.py", lang="en", text="\u202eThis film was terrible")
    assert t("tokens_format_removed", "en", n=1) in [w.value for w in at.warning]
    assert "> This film was terrible" in [m.value for m in at.markdown]  # shown the right way round
    first = at.dataframe[0].value
    assert list(first.iloc[:, 1])[1] == "this" and list(first.iloc[:, 2])[1] == 14  # "this", not OOV
