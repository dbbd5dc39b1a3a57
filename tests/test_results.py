"""Which runs count, the book's variants, and the figures over seeds (`rnnviz.results`)."""

import json
from types import SimpleNamespace

from rnnviz import config as cfg
from rnnviz import results, runs
from model_helpers import user_copy

REFERENCE = runs.RunStore(runs.REFERENCE_RUNS_DIR).list()


def with_state(run: runs.Run, state: str) -> runs.Run:
    """The same run folder with status.json saying `state`."""
    status = json.loads((run.path / runs.STATUS_FILE).read_text())
    (run.path / runs.STATUS_FILE).write_text(json.dumps({**status, "state": state}))
    return runs.RunStore(run.path.parent).get(run.id)


def test_a_run_is_usable_when_finished_with_its_files_and_readable_when_they_pass_their_checks(tmp_path):
    lstm = next(r for r in REFERENCE if r.preset == "lstm")
    mine = user_copy(lstm, tmp_path)
    assert results.finished(mine) and results.usable(mine) and results.readable(mine) and results.complete(mine)
    stopped = with_state(mine, runs.STOPPED)
    assert results.finished(stopped) and results.usable(stopped) and not results.complete(stopped)
    for state in (runs.FAILED, runs.INTERRUPTED, runs.QUEUED, runs.RUNNING):
        assert not results.finished(with_state(mine, state)) and not results.usable(with_state(mine, state))
    mine = with_state(mine, runs.DONE)
    (mine.path / runs.VOCAB_FILE).unlink()
    assert not results.usable(mine) and results.usable(mine, vocabulary=False) and results.readable(mine)
    (mine.path / runs.WEIGHTS_FILE).write_bytes(b"not a zip")
    assert results.usable(mine, vocabulary=False) and not results.readable(mine)  # on disk, but damaged
    quick = SimpleNamespace(config=lstm.config.replace(max_train_samples=300), state=runs.DONE)
    assert results.finished(quick) and not results.complete(quick)  # a quick run: no reference figure
    assert not results.finished(SimpleNamespace(config=None, state=runs.DONE))


def test_variants_of_configs_at_any_seed():
    assert results.variant_of(cfg.PRESETS["gru"].replace(seed=7)) == results.Variant("gru", 500)
    assert results.variant_of(cfg.PRESETS["embedding-simplernn"].replace(num_words=200)).name == \
        "embedding-simplernn@200"
    assert results.variant_of(cfg.PRESETS["lstm"].replace(units=9)) is None  # a model of the visitor's own
    assert [v.name for v in results.VARIANTS][-2:] == ["onehot-simplernn@200", "embedding-simplernn@200"]


def test_median_run_and_accuracy_range_of_the_reference_seeds():
    references = [r for r in runs.RunStore(runs.REFERENCE_RUNS_DIR).list()
                  if r.preset == "embedding-simplernn" and r.config.num_words == 500]
    accuracies = sorted(r.best_val_accuracy for r in references)
    assert len(accuracies) == 3
    median = results.median_run(references)
    assert median.best_val_accuracy == accuracies[1]
    assert results.accuracy_range(references) == (accuracies[0], accuracies[-1])
    assert accuracies[-1] - accuracies[0] > 0.1  # one seed in three stalls: the spread is real
    assert results.median_run([]) is None and results.accuracy_range([]) is None
    assert results.median_run(references[:1]) is references[0]


def test_reference_seeds_fall_back_to_the_nearest_vocabulary():
    reference = [r for r in REFERENCE if r.preset == "onehot-simplernn"]
    assert {r.config.num_words for r in results.reference_seeds(reference, 500)} == {500}
    assert {r.config.num_words for r in results.reference_seeds(reference, 300)} == {200}  # nearer than 500
    assert len(results.reference_seeds(reference, 2000)) == 3 and results.reference_seeds([], 500) == []


def test_the_summary_counts_complete_runs_only_and_the_best_full_accuracy_skips_quick_runs(tmp_path):
    lstm = [r for r in REFERENCE if r.preset == "lstm"]
    counted = results.summarized_runs([*lstm, with_state(user_copy(lstm[0], tmp_path), runs.STOPPED)],
                                      results.Variant("lstm", 500))
    assert counted == lstm
    [row] = results.summarize(lstm)
    assert row.seeds == tuple(r.config.seed for r in lstm) and row.val_accuracy.values == tuple(
        r.best_val_accuracy for r in lstm)
    best = max(r.best_val_accuracy for r in lstm)
    quick = SimpleNamespace(preset="lstm", config=lstm[0].config.replace(max_train_samples=300),
                            best_val_accuracy=0.99)
    assert results.best_full_val_accuracy([*lstm, quick], "lstm") == best
    assert results.best_full_val_accuracy([quick], "lstm") is None and results.best_full_val_accuracy(lstm, "gru") is None
