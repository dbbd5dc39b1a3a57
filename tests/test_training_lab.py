"""The training lab's rules (`rnnviz.training_lab`): settings -> config, who may start, what to watch."""

import math
import os

import pytest

from rnnviz import config as cfg
from rnnviz import processes, results, runs, training_lab
from rnnviz.owner import new_token, owner_hash

REFERENCE = runs.RunStore(runs.REFERENCE_RUNS_DIR).list()


WIDGETS = ("cell", "inputs", "num_words", "layers", "units", "dropout", "maxlen", "embedding_dim",
           "learning_rate", "batch_size", "epochs", "patience", "seed", "backend")  # the page's settings


def settings(**changes):
    """What the page's widgets hold for the book's LSTM, with `changes`."""
    return {name: getattr(cfg.PRESETS["lstm"], name) for name in WIDGETS} | changes


def test_settings_make_the_run_the_mode_says():
    full = training_lab.config_from_settings(settings(), "full")
    assert full == cfg.PRESETS["lstm"] and full.max_train_samples is None
    quick = training_lab.config_from_settings(settings(), "quick")
    assert quick.max_train_samples == cfg.QUICK_TRAIN_SAMPLES and quick.epochs <= cfg.QUICK_EPOCHS


def test_settings_that_make_no_run_say_why():
    with pytest.raises(training_lab.SettingsError) as wide:
        training_lab.config_from_settings(settings(inputs="onehot", num_words=cfg.MAX_ONEHOT_WORDS + 1), "full")
    assert wide.value.key == "train_onehot_too_wide" and wide.value.params == {"limit": cfg.MAX_ONEHOT_WORDS}
    with pytest.raises(training_lab.SettingsError) as bad:
        training_lab.config_from_settings(settings(cell="Transformer"), "full")
    assert bad.value.key == "train_bad_settings" and "Transformer" in bad.value.params["error"]


def test_the_vocabulary_button_toggles_between_the_notebooks_200_and_the_presets_500():
    preset = cfg.PRESETS["embedding-simplernn"]
    assert training_lab.offered_words(500, preset) == 200
    assert training_lab.offered_words(200, preset) == 500
    assert training_lab.offered_words(1000, preset) == 200


@pytest.fixture
def visitors(tmp_path):
    """A store with one training run of visitor A; returns (store, run, A, B)."""
    store = runs.RunStore(tmp_path)
    a, b = owner_hash(new_token()), owner_hash(new_token())
    run_id = store.create(cfg.quick(cfg.PRESETS["lstm"]), owner=a)
    store.update_status(run_id, state=runs.RUNNING, pid=os.getpid(),
                        pid_start=processes.process_start_ticks(os.getpid()))
    return store, store.get(run_id), a, b


def test_a_visitor_trains_one_run_at_a_time_and_the_server_its_limit(visitors):
    store, run, a, b = visitors
    assert run.active
    assert training_lab.wait_reason([run], [], a) == ("train_launch_wait_mine", {})
    assert training_lab.wait_reason([run], [], b) is None
    assert training_lab.wait_reason([], [], a) is None
    # over the limit a start joins the queue, at the place after those waiting already
    assert training_lab.queue_note([run], [], max_runs=2) is None
    assert training_lab.queue_note([run], [], max_runs=1) == ("train_launch_will_queue", {"limit": 1, "place": 1})
    waiting = store.get(store.create(cfg.quick(cfg.PRESETS["lstm"]), owner=b, queue_number=1))
    assert training_lab.queue_note([run], [waiting], max_runs=1) == ("train_launch_will_queue", {"limit": 1, "place": 2})
    assert training_lab.queue_note([], [waiting], max_runs=1)[1]["place"] == 2  # first come, first served
    assert training_lab.wait_reason([run], [waiting], b) == ("train_launch_wait_queued", {})  # one waiting run each


def test_the_live_section_refreshes_fast_only_for_your_own_run(visitors):
    store, run, a, b = visitors
    assert training_lab.refresh_seconds([run], a) < training_lab.refresh_seconds([run], b)
    assert training_lab.refresh_seconds([], a) is None


def test_the_watched_run_is_the_one_this_session_started_else_the_first(visitors):
    store, run, a, b = visitors
    other = store.get(store.create(cfg.PRESETS["gru"], owner=b))
    assert training_lab.watched_run([run, other], other.id) is other
    assert training_lab.watched_run([run, other], "gone") is run


def test_progress_counts_epochs_and_the_batch_and_is_full_while_testing(visitors):
    store, run, a, b = visitors
    store.update_status(run.id, phase="training", batch=3, batches=12)
    assert training_lab.progress_fraction(store.get(run.id)) == pytest.approx(0.25 / run.max_epochs)
    store.update_status(run.id, phase="testing")
    assert training_lab.progress_fraction(store.get(run.id)) == 1.0


def test_compared_runs_keep_the_choice_that_still_exists_else_the_default_pair():
    listed = {run.id: run for run in REFERENCE}
    default = training_lab.compared_ids(None, listed, [], REFERENCE)
    assert [listed[i].preset for i in default] == ["lstm", "embedding-simplernn"]
    assert training_lab.compared_ids([REFERENCE[0].id, "deleted"], listed, [], REFERENCE) == [REFERENCE[0].id]
    assert training_lab.first_selected([], default, listed) == default[0]
    assert training_lab.first_selected([], [], listed) == REFERENCE[0].id


def test_the_simple_rnn_range_spans_every_seed_of_the_reference_simple_rnns():
    simple = [run.best_val_accuracy for run in REFERENCE if run.preset in cfg.SIMPLERNN_PRESETS
              and results.variant_of(run.config) is not None]
    low, high = training_lab.simple_rnn_range(results.summarize(REFERENCE))
    assert (low, high) == (pytest.approx(min(simple)), pytest.approx(max(simple)))
    assert all(math.isnan(x) for x in training_lab.simple_rnn_range([]))


def test_dropout_gaps_are_the_reference_lstms_validation_minus_training_loss_at_the_best_epoch():
    def gap(run):  # at the lowest validation loss: the weights early stopping keeps
        i = run.history["val_loss"].index(min(run.history["val_loss"]))
        return run.history["val_loss"][i] - run.history["loss"][i]

    plain = [gap(run) for run in REFERENCE if run.preset == "lstm"]
    dropped = [gap(run) for run in REFERENCE if run.preset == "lstm-dropout"]
    assert training_lab.dropout_gaps(REFERENCE) == (pytest.approx(sum(plain) / len(plain)),
                                                    pytest.approx(sum(dropped) / len(dropped)), 3)
    assert training_lab.dropout_gaps([run for run in REFERENCE if run.preset != "lstm-dropout"]) is None
