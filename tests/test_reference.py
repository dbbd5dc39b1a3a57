"""The committed reference runs: complete, small, the book's models, and honest about their numbers."""

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from conftest import ROOT
from rnnviz import config as cfg
from rnnviz import charts_train, results, runs, text
from rnnviz import weights as weights_file
from rnnviz.runs import RunStore

STORE = RunStore(runs.REFERENCE_RUNS_DIR)
REFERENCE = STORE.list()
# The book's parameter counts (docs/book.md, "The book's results"); the 9-2 models at 500 words as the
# 1st edition printed them.
BOOK_PARAMS = {"onehot-simplernn@200": 1_681, "embedding-simplernn@200": 3_409, "onehot-simplernn@500": 4_081,
               "embedding-simplernn@500": 8_209, "lstm@500": 8_809, "lstm-dropout@500": 8_809,
               "lstm-2layer@500": 9_353, "gru@500": 8_633}


def by_name(run):
    return results.variant_of(run.config).name


def test_every_variant_has_every_seed_finished_with_all_its_files():
    found = sorted((by_name(run), run.config.seed) for run in REFERENCE)
    assert found == sorted((v.name, seed) for v in results.VARIANTS for seed in results.SEEDS)
    for run in REFERENCE:
        assert run.state == runs.DONE and run.test["samples"] == 25_000, run.id
        assert run.config == results.variant_of(run.config).config(run.config.seed, run.config.backend), run.id
        assert {p.name for p in run.path.iterdir()} == {
            runs.CONFIG_FILE, runs.STATUS_FILE, runs.HISTORY_FILE, runs.MODEL_FILE, runs.WEIGHTS_FILE,
            runs.TEST_FILE, runs.VOCAB_FILE}, run.id
        assert run.status.train_samples == 20_000 and run.status.val_samples == 5_000
        assert run.epochs_run == len(run.status.epoch_seconds) and run.seconds_per_epoch > 0


def test_the_folder_stays_under_5_mb():
    size = sum(p.stat().st_size for p in runs.REFERENCE_RUNS_DIR.rglob("*") if p.is_file())
    assert 0 < size < 5_000_000, size


def test_parameter_counts_are_the_books():
    for run in REFERENCE:
        weights = run.load_weights()
        count = sum(array.size for name, array in weights.items() if name not in ("cell", "inputs"))
        assert count == BOOK_PARAMS[by_name(run)], (run.id, count)


def test_stored_vocabulary_is_imdbs_cut_at_num_words(local_data):
    from rnnviz import data

    word_index = data.load_word_index()
    sample = "the film was great but the plot made no sense and I hated the ending br zyxq"
    for run in REFERENCE:
        stored = run.vocabulary()
        expected = text.Vocabulary.from_word_index(word_index, run.config.num_words)
        assert stored.size == expected.size == run.config.num_words
        assert stored.encode(sample) == expected.encode(sample)


@pytest.fixture(scope="module")
def validation_split(imdb_folder):
    """The book's 5,000 validation reviews at each vocabulary size, padded as the worker pads them."""
    os.environ.setdefault("RNNVIZ_DATA_DIR", str(imdb_folder))
    from rnnviz import training_data

    return {words: training_data.load_data(cfg.PRESETS["lstm"].replace(num_words=words))[1] for words in (200, 500)}


@pytest.mark.slow
def test_recorded_validation_accuracy_is_what_the_stored_weights_give(validation_split):
    """Recomputed with Keras from best.keras on the book's validation split: equal to the recorded best."""
    import keras

    for run in REFERENCE:
        x_val, y_val = validation_split[run.config.num_words]
        model = keras.models.load_model(run.model_path, safe_mode=True)
        probabilities = model.predict(x_val, batch_size=1000, verbose=0)[:, 0]  # (5000,)
        accuracy = float(np.mean((probabilities > 0.5) == (y_val > 0.5)))
        assert accuracy == pytest.approx(run.best_val_accuracy, abs=2e-4), run.id  # one review = 2e-4


@pytest.mark.slow
def test_numpy_prediction_equals_keras_for_every_preset(validation_split):
    """The review page's numpy forward pass against model.predict on the saved model, 1e-4."""
    import keras

    for variant in results.VARIANTS:
        run = next(r for r in REFERENCE if by_name(r) == variant.name)
        x_val, _ = validation_split[run.config.num_words]
        reviews = x_val[:25]  # (25, 100)
        expected = keras.models.load_model(run.model_path, safe_mode=True).predict(reviews, verbose=0)[:, 0]
        weights = run.load_weights()
        got = np.array([weights_file.predict(weights, ids) for ids in reviews])
        np.testing.assert_allclose(got, expected, atol=1e-4, err_msg=run.id)


@pytest.mark.worker
def test_regenerating_on_a_subset_replaces_the_folder_only_when_every_run_is_done(local_data, tmp_path):
    out = tmp_path / "reference_runs"
    out.mkdir()
    (out / "old-marker").write_text("the previous reference runs")
    command = [sys.executable, "-m", "rnnviz.reference", "--out", str(out), "--seeds", "1", "2",
               "--variants", "embedding-simplernn@200", "--max-samples", "64", "--epochs", "1",
               "--max-test-samples", "32", "--backend", "jax"]
    broken = {**os.environ, "RNNVIZ_DATA_DIR": str(tmp_path / "nowhere")}
    failed = subprocess.run(command, cwd=ROOT, env=broken, capture_output=True, text=True, timeout=600)
    assert failed.returncode == 1 and "unchanged" in failed.stderr
    assert (out / "old-marker").is_file()  # nothing lost

    done = subprocess.run(command, cwd=ROOT, env={**os.environ}, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    made = RunStore(out).list()
    assert sorted(run.config.seed for run in made) == [1, 2] and not (out / "old-marker").exists()
    for run in made:
        assert run.state == runs.DONE and run.config.num_words == 200 and run.config.max_train_samples == 64
        assert json.loads((run.path / runs.VOCAB_FILE).read_text())["words"][:3] == ["the", "and", "a"]
    assert not list(tmp_path.glob(".reference_runs.*"))  # staging cleaned up


def test_unknown_variant_is_refused():
    done = subprocess.run([sys.executable, "-m", "rnnviz.reference", "--variants", "transformer"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "unknown variant 'transformer'" in done.stderr


def test_summary_reproduces_the_books_table():
    """The book's best validation accuracy, within 2 points.

    9-3 models: our mean over seeds, or, where our runs trained longer than the
    book's (2-layer LSTM: the book stopped at epoch 17, ours at 36-48), our mean
    at the book's stopping epoch. 9-2 SimpleRNN: a seed can stall near 0.55
    (docs/book.md, "Facts measured"), so the book's figure must lie within our seeds' range ± 2 points.
    """
    rows = {row.variant.name: row for row in results.summarize(REFERENCE)}
    assert list(rows) == [v.name for v in results.VARIANTS]
    for name, row in rows.items():
        assert row.params == BOOK_PARAMS[name] and len(row.seeds) == len(results.SEEDS)
        if row.book is None:
            continue
        if row.variant.preset in cfg.SIMPLERNN_PRESETS:
            low, high = min(row.val_accuracy.values), max(row.val_accuracy.values)
            assert low - 0.02 <= row.book.val_accuracy <= high + 0.02, (name, row.val_accuracy.values)
        else:
            at_book_epoch = 100 * (row.at_book_epoch.mean - row.book.val_accuracy)
            assert min(abs(row.gap_points), abs(at_book_epoch)) <= 2, (name, row.gap_points, at_book_epoch)


def test_the_training_lab_shows_the_book_beside_the_reference_runs(tmp_path, monkeypatch):
    import conftest

    monkeypatch.setenv("RNNVIZ_RUNS_DIR", str(tmp_path / "runs"))
    at = conftest.open_page("views/train.py", "en", reveal=1)  # the figures answer the page's question
    [table] = [df.value for df in at.dataframe if "ours: val_accuracy" in df.value.columns]
    rows = results.summarize(REFERENCE)
    assert list(table["ours: val_accuracy"]) == [row.val_accuracy.text() for row in rows]
    assert list(table["book: val_accuracy"])[-2:] == ["0.733", "0.732"]  # the 9-2 models at num_words=200
    # the reference runs are listed beside the user's (none here), read-only, and compared by default
    listed = " ".join(" ".join(map(str, df.value.values.ravel())) for df in at.dataframe)
    assert all(charts_train.run_label(run, "en") in listed for run in REFERENCE)  # by name, not id
    compared = at.multiselect(key="train_compare@en").value
    assert sorted((by_name(r), r.config.seed) for r in REFERENCE if r.id in compared) == [
        ("embedding-simplernn@500", 42), ("lstm@500", 42)]
    assert at.selectbox(key="train_selected@en").value in compared  # "one run" opens on a compared run
    assert at.get("plotly_chart") and "Reference runs cannot be deleted." in [c.value for c in at.caption]
    assert not [b for b in at.button if b.key == "train_delete"]


def test_the_readme_summary_quotes_the_committed_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for row in results.summarize(REFERENCE):
        if row.book is not None:
            quoted = f"| {row.book.val_accuracy:.3f} | {row.val_accuracy.mean:.3f} ± {row.val_accuracy.sd:.3f}"
            assert quoted in readme, quoted
