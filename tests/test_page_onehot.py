"""The "One-hot vs. embedding" page, with and without finished runs in the store."""

import json
import re
import shutil

import numpy as np
import pytest

import conftest
from conftest import open_expanders, page_text
from model_helpers import STRANGER, VISITOR
from rnnviz import charts_train, markup, runs
from rnnviz.i18n import t

PAGE = "views/onehot.py"


RESULT_COLUMNS = 6  # run, epochs, val accuracy, test accuracy, s / epoch, memory: fits 1280 px


open_page = conftest.page_opener(PAGE, timeout=180)


def results_of(at):
    """The results table (st.table: it wraps the long names instead of clipping columns)."""
    return next(table.value for table in at.table if table.value.shape[1] == RESULT_COLUMNS)


def identity_of(at):
    """The one-hot × W_x table (st.table)."""
    return at.table[0].value


@pytest.fixture(scope="module")
def trained_runs(tmp_path_factory):
    """A learner's two finished runs of the book's 9-2 presets: copies of the reference runs (made by the worker;
    tests/test_train.py trains for real), under new ids so they are not the reference runs themselves."""
    runs_dir = tmp_path_factory.mktemp("runs")
    for number, preset in enumerate(("onehot-simplernn", "embedding-simplernn")):
        source = references(preset)[0]
        target = runs_dir / f"20991231-23595{number}-c0ffe{number}"
        shutil.copytree(source.path, target)
        status = json.loads((target / runs.STATUS_FILE).read_text())
        (target / runs.STATUS_FILE).write_text(json.dumps({**status, "state": "done", "pid": None,
                                                           "pid_start": None, "owner": VISITOR}))
    assert [run.state for run in runs.RunStore(runs_dir).list()] == ["done", "done"]
    return runs_dir


@pytest.fixture
def empty_store(tmp_path, monkeypatch, local_data):
    monkeypatch.setenv("RNNVIZ_RUNS_DIR", str(tmp_path / "runs"))
    monkeypatch.setenv("RNNVIZ_REFERENCE_RUNS_DIR", str(tmp_path / "no-reference-runs"))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_without_runs_it_says_which_presets_to_launch(empty_store, lang):
    at = open_page(lang)
    notes = " ".join(i.value for i in at.info)
    assert "onehot-simplernn" in notes and "embedding-simplernn" in notes
    assert at.title[0].value == ("원-핫 인코딩 vs. 단어 임베딩" if lang == "ko" else "One-hot vs. embedding")


def test_costs_and_parameters_follow_the_settings(empty_store):
    at = open_expanders(open_page("en", reveal=1))  # the parameter tables: drawn when their expander is open
    cost, onehot_params, embedding_params = (df.value for df in at.dataframe[:3])
    assert list(cost.iloc[:, 1]) == ["200 KB", "400 B"] and cost.iloc[0, 2] == "4 GB"
    # the book's to_categorical makes float64: twice the float32 one-hot row, told under the hood
    assert t("oh_under_the_hood", "en", one64="400 KB", all64="8 GB") in page_text(at)
    assert list(onehot_params.iloc[:, 2]) == [4072, 9] and list(embedding_params.iloc[:, 2]) == [8000, 200, 9]
    at.select_slider(key="oh_num_words").set_value(200).run()
    cost, onehot_params, _ = (df.value for df in at.dataframe[:3])
    assert cost.iloc[0, 1] == "80 KB" and sum(onehot_params.iloc[:, 2]) == 1681  # the book's 9-2 figure
    assert at.query_params["oh_num_words"] == "200"


def test_lookup_identity_rows_are_equal_for_the_printed_tokens(empty_store):
    at = open_page("en", oh_sentence="a great film")
    identity = identity_of(at)
    assert list(identity.iloc[:, 0]) == ["<start>", "a", "great", "film"]
    assert list(identity.iloc[:, 1]) == [1, 6, 87, 22]
    assert identity.iloc[:, 4].all() and (identity.iloc[:, 2] == identity.iloc[:, 3]).all()


def test_a_test_review_is_decoded(empty_store):
    at = open_page("en", oh_source="review", oh_review="0", oh_num_words="2000")
    text = " ".join(m.value for m in at.markdown)
    assert markup.escape("<start> please give this one a miss br br") in text  # x_test[0], the data README's anchor
    at.select_slider(key="oh_num_words").set_value(500).run()
    assert markup.escape("<start> <oov> give this one a <oov> br br") in " ".join(m.value for m in at.markdown)
    assert "Label: negative" in " ".join(c.value for c in at.caption)


def test_empty_sentence_gets_a_message(empty_store):
    at = open_page("en", oh_sentence="?!")
    assert "No tokens" in " ".join(i.value for i in at.info)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_with_runs_it_compares_them_and_maps_the_embedding(trained_runs, monkeypatch, local_data, tmp_path, lang):
    monkeypatch.setenv("RNNVIZ_RUNS_DIR", str(trained_runs))
    monkeypatch.setenv("RNNVIZ_REFERENCE_RUNS_DIR", str(tmp_path / "no-reference-runs"))
    at = open_page(lang)
    assert not [i for i in at.info if "preset" in i.value]
    results = results_of(at)
    assert len(results) == 2 and (results.iloc[:, 3] != "–").all()  # test accuracy of both
    assert (results.iloc[:, 5].astype(float) > 100).all()  # the worker's peak memory, MB
    assert results.iloc[:, 0].str.startswith("내 실행" if lang == "ko" else "your run").all()
    neighbours = at.dataframe[-1].value
    assert len(neighbours) == 8 and neighbours.iloc[:, 1].between(-1, 1).all()
    trained = " ".join(c.value for c in at.caption)
    assert "trained" in trained or "훈련된" in trained
    at.selectbox(key="oh_word").set_value("bad").run()
    assert not at.exception and "bad" not in list(at.dataframe[-1].value.iloc[:, 0])


def test_the_committed_reference_runs_are_shown_and_read(monkeypatch, tmp_path, local_data):
    from rnnviz import runs

    monkeypatch.setenv("RNNVIZ_RUNS_DIR", str(tmp_path / "runs"))
    reference = runs.RunStore(runs.REFERENCE_RUNS_DIR).list()
    kinds = {run.config.inputs for run in reference if run.state == "done"}
    assert kinds == {"onehot", "embedding"}
    assert {run.config.num_words for run in reference} == {200, 500}
    assert all(run.epochs_run > 3 and run.config.max_train_samples is None for run in reference)
    for num_words in (500, 200):  # the page shows the runs of its own vocabulary size
        at = open_page("en", oh_num_words=num_words)
        results = results_of(at)
        assert len(results) == 2 and results.iloc[:, 0].str.contains("reference").all()
        assert results.iloc[:, 0].str.contains(f"num_words={num_words} ").all()
        assert "trained" in " ".join(c.value for c in at.caption)  # the embedding shown is a trained one


def test_the_embedding_map_starts_on_the_pages_vocabulary(monkeypatch, tmp_path, local_data):
    monkeypatch.setenv("RNNVIZ_RUNS_DIR", str(tmp_path / "runs"))
    for num_words in (500, 200):
        at = open_page("en", oh_num_words=num_words)
        assert f"num_words={num_words}" in at.selectbox(key="oh_map_run@en").format_func(
            at.selectbox(key="oh_map_run@en").value)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_without_the_data_the_reference_runs_still_carry_the_page(monkeypatch, tmp_path, lang):
    """A fresh machine with neither internet nor the data: the stored vocabularies and runs suffice."""
    import streamlit as st

    st.cache_resource.clear()  # a server without the data has never cached the word index
    monkeypatch.setenv("RNNVIZ_RUNS_DIR", str(tmp_path / "runs"))
    monkeypatch.setenv("RNNVIZ_DATA_DIR", str(tmp_path / "no-data"))
    at = open_page(lang, oh_sentence="a great film")
    assert not at.error and len(at.warning) == 1 and "RNNVIZ_DATA_DIR" in at.warning[0].value
    identity = identity_of(at)
    assert list(identity.iloc[:, 1]) == [1, 6, 87, 22]  # the same ids as with the data
    assert at.multiselect(key=f"oh_runs@{lang}").value and at.get("plotly_chart")


# --- the visitor's runs beside the reference runs (issue 11) ------------------------------------------------

RUN_ID = re.compile(r"\d{8}-\d{6}-[0-9a-f]{6}")
REFERENCE = runs.RunStore(runs.REFERENCE_RUNS_DIR).list()


def references(preset: str, num_words: int = 500) -> list:
    return [r for r in REFERENCE if r.preset == preset and r.config.num_words == num_words]


def median_by_hand(candidates):
    """The seed in the middle by best validation accuracy, computed here without the app's helper."""
    return sorted(candidates, key=lambda r: r.best_val_accuracy)[len(candidates) // 2]


def stopped_user_run(source, runs_dir, run_id: str):
    """A visitor's stopped 3-epoch run: a reference folder copied, cut to 3 epochs, its weights changed."""
    target = runs_dir / run_id
    shutil.copytree(source.path, target)
    lines = (target / runs.HISTORY_FILE).read_text().splitlines(keepends=True)
    (target / runs.HISTORY_FILE).write_text("".join(lines[:4]))
    status = json.loads((target / runs.STATUS_FILE).read_text())
    (target / runs.STATUS_FILE).write_text(json.dumps({**status, "state": "stopped", "owner": VISITOR,
                                                       "started": 4_102_444_000.0}))
    weights = dict(np.load(target / runs.WEIGHTS_FILE))
    np.savez(target / runs.WEIGHTS_FILE, **{k: (v * 3 if k in ("embedding", "rnn0_kernel") else v)
                                           for k, v in weights.items()})
    return runs.RunStore(runs_dir).get(run_id)


@pytest.fixture
def with_user_runs(tmp_path, monkeypatch, local_data):
    runs_dir = tmp_path / "runs"
    monkeypatch.setenv("RNNVIZ_RUNS_DIR", str(runs_dir))
    return [stopped_user_run(references("onehot-simplernn")[0], runs_dir, "20991231-235958-aaaaaa"),
            stopped_user_run(references("embedding-simplernn")[0], runs_dir, "20991231-235959-bbbbbb")]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_trained_tables_come_from_the_median_reference_seed_not_a_users_stopped_run(with_user_runs, lang):
    at = open_page(lang, oh_sentence="a great film")
    onehot, embedding = (median_by_hand(references(p)) for p in ("onehot-simplernn", "embedding-simplernn"))
    assert charts_train.run_label(onehot, lang, visitor=VISITOR) in page_text(at)  # which run W_x comes from, by name
    assert charts_train.run_label(embedding, lang, visitor=VISITOR) in " ".join(c.value for c in at.caption)
    identity = identity_of(at)
    kernel = onehot.load_weights()["rnn0_kernel"]
    first_row = "[" + ", ".join(f"{v:+.3f}" for v in kernel[identity.iloc[0, 1]]) + "]"
    assert identity.iloc[0, 3] == first_row  # the reference's W_x, not the visitor's (3x) weights


def test_the_default_comparison_is_the_median_seed_and_the_page_gives_the_spread(with_user_runs):
    at = open_page("en")
    embedding = references("embedding-simplernn")
    median = median_by_hand(embedding)
    assert median.config.seed != 2024  # the stalled seed is not what a visitor sees first
    assert at.selectbox(key="oh_map_run@en").value == median.id
    low, high = min(r.best_val_accuracy for r in embedding), max(r.best_val_accuracy for r in embedding)
    assert f"{low:.3f}–{high:.3f}" in page_text(at) and f"seed {median.config.seed} ({median.best_val_accuracy:.3f})" \
        in page_text(at)
    results = results_of(at)
    names = list(results.iloc[:, 0])
    assert sorted(names[:2]) == sorted(charts_train.run_label(median_by_hand(references(p)), "en", visitor=VISITOR)
                                       for p in ("embedding-simplernn", "onehot-simplernn"))
    assert [n.split(" · ")[0] for n in names] == ["reference run"] * 2 + ["your run"] * 2  # apart, labelled


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_no_run_id_is_shown_as_a_name(with_user_runs, lang):
    at = open_page(lang)
    shown = [page_text(at), *(str(cell) for df in [*at.dataframe, *at.table] for cell in df.value.to_numpy().ravel())]
    for box in [*at.selectbox, *at.multiselect]:
        shown += list(box.options)  # the labels the browser shows
    assert not [s for s in shown if RUN_ID.search(s)]
    assert at.multiselect(key=f"oh_runs@{lang}").proto.placeholder == t("oh_runs_placeholder", lang)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_another_browser_compares_the_reference_runs_not_a_strangers(with_user_runs, lang):
    """Issue 24: the comparison of a fresh browser starts from the reference seeds, lists no stranger's run,
    and the switch adds them named as another visitor's."""
    at = open_page(lang, token=None)
    names = list(results_of(at).iloc[:, 0])
    assert names and all(n.startswith(t("review_whose_reference", lang)) for n in names)
    menu = at.multiselect(key=f"oh_runs@{lang}").options
    assert not [o for o in menu if not o.startswith(t("review_whose_reference", lang))]
    at.toggle(key="oh_everybody").set_value(True).run()
    menu = at.multiselect(key=f"oh_runs@{lang}").options
    theirs = [charts_train.run_label(run, lang, visitor=STRANGER) for run in with_user_runs]
    assert all(name in menu for name in theirs) and all(name.startswith(t("train_whose_other", lang)) for name in theirs)
    assert not [o for o in menu if o.startswith(t("review_whose_yours", lang))]
    assert not set(at.multiselect(key=f"oh_runs@{lang}").value) & {run.id for run in with_user_runs}  # not picked


def test_switching_the_language_keeps_the_choices(with_user_runs):
    at = open_page("ko")
    pick = at.multiselect(key="oh_runs@ko")
    extra = next(r.id for r in references("embedding-simplernn") if r.id not in pick.value)
    pick.select(extra).run()
    at.radio(key="oh_source@ko").set_value("review").run()
    chosen = list(at.multiselect(key="oh_runs@ko").value)
    at.radio(key="lang_switch").set_value("en").run()
    assert not at.exception and at.title[0].value == "One-hot vs. embedding"
    assert list(at.multiselect(key="oh_runs@en").value) == chosen and extra in chosen
    assert at.radio(key="oh_source@en").value == "review"
    at.slider(key="oh_maxlen").set_value(50).run()
    assert not at.exception and list(at.multiselect(key="oh_runs@en").value) == chosen


def test_a_link_cannot_put_more_into_the_sentence_box_than_its_limit(empty_store):
    at = open_page("en", oh_sentence="a " * 1_250)  # 2,500 characters; the box takes 2,000
    assert len(at.text_input(key="oh_sentence").value) == 2_000


def test_the_page_works_with_every_damaged_run_present(tmp_path, monkeypatch, local_data):
    """Issue 12: with no reference run to prefer, the visitor's damaged embedding runs are skipped, never read."""
    import damaged_runs

    source = next(run for run in runs.RunStore(runs.REFERENCE_RUNS_DIR).list()
                  if run.preset == "embedding-simplernn" and run.config.num_words == 500)
    damaged_runs.make_all(source.path, tmp_path / "runs", tmp_path / "outside")
    monkeypatch.setenv("RNNVIZ_RUNS_DIR", str(tmp_path / "runs"))
    monkeypatch.setenv("RNNVIZ_REFERENCE_RUNS_DIR", str(tmp_path / "no-reference-runs"))
    at = open_page("en")
    assert t("oh_table_random", "en") in " ".join(c.value for c in at.caption)  # no damaged weights were used
