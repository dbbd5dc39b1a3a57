"""The "One-hot vs. embedding" page, with and without finished runs in the store."""

import os
import subprocess
import sys

import pytest

import conftest
from conftest import ROOT

PAGE = "views/onehot.py"


def open_page(lang="en", **params):
    return conftest.open_page(PAGE, lang, timeout=180, **params)


@pytest.fixture(scope="module")
def trained_runs(tmp_path_factory, imdb_folder):
    """Two real (tiny) runs of the book's 9-2 presets, trained by the worker."""
    runs_dir = tmp_path_factory.mktemp("runs")
    env = {**os.environ, "RNNVIZ_DATA_DIR": str(imdb_folder), "KERAS_BACKEND": "jax"}
    for preset in ("onehot-simplernn", "embedding-simplernn"):
        subprocess.run([sys.executable, "-m", "rnnviz.train", "--preset", preset, "--runs-dir", str(runs_dir),
                        "--epochs", "1", "--max-samples", "256", "--max-test-samples", "256", "--backend", "jax"],
                       cwd=ROOT, env=env, check=True, capture_output=True, timeout=600)
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
    at = open_page("en")
    cost, onehot_params, embedding_params = (df.value for df in at.dataframe[:3])
    assert list(cost.iloc[:, 1]) == ["200 KB", "400 KB", "400 B"] and cost.iloc[0, 2] == "4 GB"
    assert list(onehot_params.iloc[:, 2]) == [4072, 9] and list(embedding_params.iloc[:, 2]) == [8000, 200, 9]
    at.select_slider(key="oh_num_words").set_value(200).run()
    cost, onehot_params, _ = (df.value for df in at.dataframe[:3])
    assert cost.iloc[0, 1] == "80 KB" and sum(onehot_params.iloc[:, 2]) == 1681  # the book's 9-2 figure
    assert at.query_params["oh_num_words"] == "200"


def test_lookup_identity_rows_are_equal_for_the_printed_tokens(empty_store):
    at = open_page("en", oh_sentence="a great film")
    identity = at.dataframe[3].value
    assert list(identity.iloc[:, 0]) == ["<start>", "a", "great", "film"]
    assert list(identity.iloc[:, 1]) == [1, 6, 87, 22]
    assert identity.iloc[:, 4].all() and (identity.iloc[:, 2] == identity.iloc[:, 3]).all()


def test_a_test_review_is_decoded(empty_store):
    at = open_page("en", oh_source="review", oh_review="0", oh_num_words="2000")
    text = " ".join(m.value for m in at.markdown)
    assert "<start> please give this one a miss br br" in text  # x_test[0], the data README's anchor
    at.select_slider(key="oh_num_words").set_value(500).run()
    assert "<start> <oov> give this one a <oov> br br" in " ".join(m.value for m in at.markdown)
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
    results = next(df.value for df in at.dataframe if df.value.shape[1] == 8)
    assert len(results) == 2 and results.iloc[:, 5].notna().all()  # test accuracy of both
    assert (results.iloc[:, 7] > 100).all()  # the worker's peak memory, MB
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
        results = next(df.value for df in at.dataframe if df.value.shape[1] == 8)
        assert len(results) == 2 and results.iloc[:, 0].str.contains("reference").all()
        assert (results.iloc[:, 1] == num_words).all()
        assert "trained" in " ".join(c.value for c in at.caption)  # the embedding shown is a trained one


def test_page_does_not_import_tensorflow(imdb_folder, tmp_path):
    conftest.assert_page_imports_no_framework(PAGE, env={"RNNVIZ_DATA_DIR": str(imdb_folder),
                                                          "RNNVIZ_RUNS_DIR": str(tmp_path)})


def test_the_embedding_map_starts_on_the_pages_vocabulary(monkeypatch, tmp_path, local_data):
    monkeypatch.setenv("RNNVIZ_RUNS_DIR", str(tmp_path / "runs"))
    for num_words in (500, 200):
        at = open_page("en", oh_num_words=num_words)
        assert f"num_words={num_words}" in at.selectbox(key="oh_map_run").format_func(
            at.selectbox(key="oh_map_run").value)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_without_the_data_the_reference_runs_still_carry_the_page(monkeypatch, tmp_path, lang):
    """A fresh machine with neither internet nor the data: the stored vocabularies and runs suffice."""
    import streamlit as st

    st.cache_resource.clear()  # a server without the data has never cached the word index
    monkeypatch.setenv("RNNVIZ_RUNS_DIR", str(tmp_path / "runs"))
    monkeypatch.setenv("RNNVIZ_DATA_DIR", str(tmp_path / "no-data"))
    at = open_page(lang, oh_sentence="a great film")
    assert not at.error and len(at.warning) == 1 and "RNNVIZ_DATA_DIR" in at.warning[0].value
    identity = at.dataframe[3].value
    assert list(identity.iloc[:, 1]) == [1, 6, 87, 22]  # the same ids as with the data
    assert at.multiselect(key="oh_runs").value and at.get("plotly_chart")
