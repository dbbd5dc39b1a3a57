"""Which runs a page shows (`rnnviz.run_choice`): the models to try, the weights a table shows, the default picks."""

from types import SimpleNamespace

from rnnviz import results, run_choice, runs
from model_helpers import STRANGER, VISITOR, user_copy

REFERENCE = runs.RunStore(runs.REFERENCE_RUNS_DIR).list()


def test_available_models_list_the_reference_variants_in_order_then_the_visitors_newest_first(tmp_path):
    lstm = next(r for r in REFERENCE if r.preset == "lstm")
    older, newer = user_copy(lstm, tmp_path, "20990101-000000-aaaaaa"), user_copy(lstm, tmp_path)
    (newer.path / runs.VOCAB_FILE).unlink()  # not usable: the review page needs its words
    models = run_choice.available_models([runs.RunStore(runs.REFERENCE_RUNS_DIR), runs.RunStore(tmp_path)])
    assert models[-1].id == older.id and newer.id not in {m.id for m in models}
    ranks = [results.VARIANTS.index(results.variant_of(m.config)) for m in models[:-1]]
    assert ranks == sorted(ranks) and len(models) == len(REFERENCE) + 1


def test_the_table_weights_are_the_representative_seeds_else_the_visitors_newest(tmp_path):
    reference = [r for r in REFERENCE if r.preset == "onehot-simplernn"]
    mine = user_copy(reference[0], tmp_path)
    candidates = [mine, *reference]
    ordered = run_choice.reference_first(candidates, 200)
    assert [r.config.num_words for r in ordered[:3]] == [200] * 3 and ordered[-1].id == mine.id
    median = results.median_run(results.reference_seeds(reference, mine.config.num_words))
    assert run_choice.weights_to_show(median, candidates, mine.config.num_words, lambda c: True, VISITOR) is median
    assert run_choice.weights_to_show(None, candidates, mine.config.num_words, lambda c: True, VISITOR).id == mine.id
    assert run_choice.weights_to_show(median, candidates, 1000, lambda c: True, VISITOR) is None  # no run of 1000 words
    assert run_choice.weights_to_show(median, candidates, mine.config.num_words, lambda c: c.units == 99, VISITOR) is None
    # another visitor's run never stands in for the reference: a stranger's weights are not this learner's
    assert run_choice.weights_to_show(None, candidates, mine.config.num_words, lambda c: True, STRANGER) is None


def test_the_onehot_page_compares_one_layer_simple_rnns_by_input_kind(tmp_path):
    simple = [r for r in REFERENCE if r.config.cell == "SimpleRNN"]
    lstm = next(r for r in REFERENCE if r.preset == "lstm")
    damaged = user_copy(simple[0], tmp_path)
    (damaged.path / runs.WEIGHTS_FILE).write_bytes(b"not a zip")
    kept = run_choice.one_layer_simple_rnns([*REFERENCE, damaged])
    assert kept == simple and lstm not in kept  # the LSTM and the damaged copy are left out
    by_kind = run_choice.by_inputs(kept)
    assert list(by_kind) == ["onehot", "embedding"] and sum(map(len, by_kind.values())) == len(kept)
    assert all(r.config.inputs == kind for kind, group in by_kind.items() for r in group)
    mine = user_copy(simple[0], tmp_path, "20990101-000000-bbbbbb")
    by_kind = run_choice.by_inputs([*kept, mine])
    median = results.median_run(by_kind["embedding"])
    picks = run_choice.default_picks([None, median], by_kind, VISITOR)
    assert picks == [median.id, mine.id] and run_choice.newest_of_visitor(by_kind[mine.config.inputs], VISITOR) is not None
    assert run_choice.default_picks([None, median], by_kind, STRANGER) == [median.id]  # never another's run


def test_whose_a_run_is_decides_what_each_visitor_sees_and_how_it_is_named(tmp_path):
    lstm = next(r for r in REFERENCE if r.preset == "lstm")
    mine = user_copy(lstm, tmp_path, "20990101-000000-aaaaaa")
    theirs = user_copy(lstm, tmp_path, "20990101-000000-bbbbbb", owner=STRANGER)
    command_line = user_copy(lstm, tmp_path, "20990101-000000-cccccc", owner=None)
    everything = [lstm, mine, theirs, command_line]
    assert [run_choice.whose(r, VISITOR) for r in everything] == ["reference", "mine", "other", "command_line"]
    assert [run_choice.whose(r, STRANGER) for r in everything] == ["reference", "other", "mine", "command_line"]
    assert [run_choice.whose(r, None) for r in everything] == ["reference", "other", "other", "command_line"]
    assert run_choice.shown(everything, VISITOR, everybody=False) == [lstm, mine]  # the default: no stranger's run
    assert run_choice.shown(everything, STRANGER, everybody=False) == [lstm, theirs]
    assert run_choice.shown(everything, VISITOR, everybody=True) == everything
    assert run_choice.mine(everything, VISITOR) == [mine]


def fake_run(run_id, epochs=0, preset=None, num_words=500, seed=42):
    return SimpleNamespace(id=run_id, epochs_run=epochs, preset=preset,
                           config=SimpleNamespace(num_words=num_words, seed=seed))


def test_the_training_lab_compares_your_latest_runs_else_the_reference_lstm_and_simple_rnn():
    reference = [fake_run("s", 9, "embedding-simplernn"), fake_run("l7", 9, "lstm", seed=7),
                 fake_run("l", 9, "lstm"), fake_run("l200", 9, "lstm", num_words=200)]
    assert run_choice.default_comparison([], reference) == ["l", "s"]  # the LSTM first, seed 42, 500 words
    own = [fake_run("new"), fake_run("b", 2), fake_run("c", 1), fake_run("d", 3)]
    assert run_choice.default_comparison(own, reference) == ["b", "c"]  # the newest two with a curve
    assert run_choice.default_comparison([fake_run("new")], []) == []
    committed = run_choice.default_comparison([], REFERENCE)
    assert [next(r for r in REFERENCE if r.id == i).preset for i in committed] == ["lstm", "embedding-simplernn"]
