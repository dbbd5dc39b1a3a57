"""The Training lab page (AppTest) and its figure builders (AppTest cannot look inside Plotly charts)."""

import errno
import os
import subprocess
import sys
import time

import pytest

import conftest
from conftest import texts
from model_helpers import STRANGER, VISITOR

from rnnviz import charts_train, files, launch, markup, owner, processes, run_status, runs
from rnnviz import config as cfg
from rnnviz.charts import PALETTE
from rnnviz.i18n import t
from rnnviz.runs import RunStore

PAGE = "views/train.py"
HEADER = "epoch,accuracy,loss,val_accuracy,val_loss\r\n"
HISTORY = [(0.55, 0.69, 0.60, 0.68), (0.65, 0.62, 0.70, 0.58), (0.72, 0.55, 0.69, 0.60)]


@pytest.fixture
def runs_dir(tmp_path, monkeypatch):
    folder = tmp_path / "runs"
    monkeypatch.setenv(runs.RUNS_DIR_ENV, str(folder))
    return folder


def fake_run(folder, state=runs.DONE, preset="lstm", history=HISTORY, config=None, owner=VISITOR, test=None,
             **status):
    store = RunStore(folder)
    run_id = store.create(config or cfg.quick(cfg.PRESETS[preset]), owner=owner)
    if test is not None:
        files.write_json(store.path(run_id) / runs.TEST_FILE, {"loss": 0.5, "accuracy": test, "samples": 25_000})
    text = "".join(f"{i},{a},{l},{va},{vl}\r\n" for i, (a, l, va, vl) in enumerate(history))
    (store.path(run_id) / runs.HISTORY_FILE).write_text(HEADER + text, newline="")
    store.update_status(run_id, **{"state": state, "started": time.time(), "seconds_per_epoch": 0.4,
                                   "early_stopped": True, **status})
    (store.path(run_id) / runs.MODEL_FILE).write_bytes(b"PK fake")
    return run_id


open_page = conftest.page_opener(PAGE, timeout=60)


def runs_frame(at, lang="en"):
    column = t("train_col_state", lang)
    frames = [d.value for d in at.dataframe if column in d.value.columns]
    return frames[0] if frames else None


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_page_renders_in_both_languages(lang, runs_dir, local_data):
    fake_run(runs_dir)
    fake_run(runs_dir, state=runs.FAILED, preset="gru", error="x", error_key="data_dir_incomplete",
             error_params={"folder": "/nowhere", "missing": "imdb.npz", "env": "RNNVIZ_DATA_DIR"})
    at = open_page(lang)
    assert at.title[0].value == t("train_title", lang)
    assert any(m.value == "8,809" for m in at.metric)  # the LSTM preset, computed without Keras
    frame = runs_frame(at, lang)
    assert len(frame) == 2 and set(frame[t("train_col_state", lang)]) == {
        t("train_state_done", lang), t("train_state_failed", lang)}
    params = {"folder": "/nowhere", "missing": "imdb.npz", "env": "RNNVIZ_DATA_DIR"}
    assert markup.fill(t("data_dir_incomplete", lang), params) in texts(at.error)  # the file's words as text
    assert t("train_quiz_q", lang, num_words=500) in texts(at.markdown)


def test_preset_and_url_set_the_widgets(runs_dir, local_data):
    at = open_page("en", train_preset="gru", train_dropout="0.2")
    assert at.selectbox(key="train_cell").value == "GRU"
    assert at.select_slider(key="train_dropout").value == 0.2
    at.selectbox(key="train_preset@en").select("lstm-2layer").run()
    assert at.selectbox(key="train_layers").value == 2 and at.select_slider(key="train_dropout").value == 0.3
    assert any(m.value == "9,353" for m in at.metric)
    assert at.query_params["train_preset"] in ("lstm-2layer", ["lstm-2layer"])
    at.selectbox(key="train_preset@en").select("embedding-simplernn").run()
    at.button(key="train_words_button").click().run()  # the current notebook's vocabulary
    assert at.number_input(key="train_num_words").value == 200
    assert any(m.value == "3,409" for m in at.metric)


def test_the_code_caption_names_the_one_hot_array_of_these_settings(runs_dir, local_data):
    """to_categorical's array is (reviews, maxlen, num_words) for the settings chosen, not the book's alone."""
    at = open_page("en", train_preset="onehot-simplernn", train_mode="full", train_num_words="200", train_maxlen="80")
    assert "(20000, 80, 200)" in texts(at.caption) and "(20000, 100, 500)" not in texts(at.caption)
    at.radio(key="train_mode@en").set_value("quick").run()
    assert f"({cfg.QUICK_TRAIN_SAMPLES}, 80, 200)" in texts(at.caption)
    assert t("train_under_the_hood", "en") in texts(at.markdown)  # the backends, told under the hood


def test_bad_url_values_fall_back_to_the_preset(runs_dir, local_data):
    at = open_page("en", train_preset="nonsense", train_units="-3", train_dropout="0.77")
    assert at.selectbox(key="train_preset@en").value == "lstm"
    assert at.number_input(key="train_units").value == 8
    assert at.select_slider(key="train_dropout").value == 0.0


def test_onehot_vocabulary_limit_is_explained(runs_dir, local_data):
    at = open_page("ko", train_preset="onehot-simplernn", train_num_words="9000")
    assert t("train_onehot_too_wide", "ko", limit=cfg.MAX_ONEHOT_WORDS) in texts(at.error)


def test_missing_data_shows_the_data_message(runs_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("RNNVIZ_DATA_DIR", str(tmp_path / "nothing-here"))
    at = open_page("en")
    assert "RNNVIZ_DATA_DIR" in texts(at.error) and "imdb.npz" in texts(at.error)
    assert at.button(key="train_launch").disabled


def visitor_of(at) -> str:
    """The owner a run launched by this session stores (AppTest has no cookies: the session's own token)."""
    return owner.owner_hash(at.session_state["_owner_token"])


def captions(at):
    return texts(at.caption)


def test_start_queues_with_the_reason_while_another_visitors_run_takes_the_only_slot(runs_dir, local_data):
    busy = fake_run(runs_dir, state=runs.RUNNING, pid=os.getpid(), phase="training", epoch=3, owner="someone-else")
    at = open_page("en")
    assert t("train_live_title", "en") in texts(at.markdown)  # reattached to the running run
    assert not at.button(key="train_launch").disabled  # tests/test_queue.py clicks it
    assert t("train_launch_will_queue", "en", limit=1, place=1) in captions(at)
    assert not at.error
    assert t("train_not_yours_note", "en") in captions(at)  # another visitor's run: no stop button
    assert not [b for b in at.button if b.key == f"stop_{busy}"]


def test_another_visitors_running_run_with_an_emptied_status_stays_theirs_and_keeps_its_slot(runs_dir, local_data):
    """Issue 24: the emptied status of a running run made it nobody's: its slot free, Delete shown to anyone."""
    busy = fake_run(runs_dir, state=runs.RUNNING, pid=os.getpid(), phase="training", epoch=3, owner="someone-else",
                    pid_start=processes.process_start_ticks(os.getpid()), heartbeat=time.time())
    store = RunStore(runs_dir)
    store.record_worker(busy, store.read_status(busy))  # as its worker did, starting
    (store.path(busy) / runs.STATUS_FILE).write_bytes(b"")
    at = open_page("en")
    assert t("train_live_title", "en") in texts(at.markdown)  # still training, in the only slot
    assert t("train_launch_will_queue", "en", limit=1, place=1) in captions(at)
    assert t("train_not_yours_note", "en") in captions(at)
    assert not [b for b in at.button if b.key in (f"stop_{busy}", "train_delete")]


def test_start_is_disabled_while_your_own_run_trains_even_below_the_limit(runs_dir, local_data, monkeypatch):
    monkeypatch.setenv(launch.MAX_RUNS_ENV, "3")
    fake_run(runs_dir, state=runs.RUNNING, pid=os.getpid(), phase="training", epoch=3, owner="someone-else")
    at = open_page("en")
    assert not at.button(key="train_launch").disabled  # 1 of 3 slots taken, by someone else
    mine = fake_run(runs_dir, state=runs.RUNNING, pid=os.getpid(), phase="training", epoch=1, owner=visitor_of(at))
    at.run()
    assert at.button(key="train_launch").disabled
    assert t("train_launch_wait_mine", "en") in captions(at)
    at.button(key=f"stop_{mine}").click().run()
    assert RunStore(runs_dir).stop_requested(mine)


def test_the_steps_before_the_first_point_are_shown_as_the_worker_timed_them(runs_dir, local_data):
    created = time.time() - 3
    run_id = fake_run(runs_dir, state=runs.RUNNING, history=[], pid=os.getpid(), phase="preparing",
                      steps={"python": [0.0, 0.2], "data": [0.2, 0.6], "keras": [0.2, None]})
    RunStore(runs_dir).update_status(run_id, created=created)
    at = open_page("ko")
    shown = texts(at.markdown)
    for done in ("python", "data"):
        assert f"✓ {t(f'train_step_{done}', 'ko', backend='jax')}" in shown
    assert f"{charts_train.STEP_RUNNING} {t('train_step_keras', 'ko', backend='jax')}" in shown
    for waiting in ("model", "compile", "epoch1"):
        assert f"○ {t(f'train_step_{waiting}', 'ko', backend='jax')}" in shown
    order = [shown.index(t(f"train_step_{name}", "ko", backend="jax")) for name in run_status.STEPS]
    assert order == sorted(order)


def test_a_finished_run_gets_a_result_card_beside_the_reference_mean(runs_dir, local_data, tmp_path, monkeypatch):
    reference_dir = tmp_path / "reference"
    monkeypatch.setenv(runs.REFERENCE_RUNS_ENV, str(reference_dir))
    reference_val = []
    for seed, best in ((42, 0.80), (7, 0.78), (2024, 0.79)):
        history = [(0.7, 0.6, best - 0.05, 0.55), (0.8, 0.5, best, 0.45), (0.82, 0.45, best - 0.01, 0.47)]
        fake_run(reference_dir, history=history, config=cfg.PRESETS["lstm"].replace(seed=seed), test=best + 0.01)
        reference_val.append(best)
    at = open_page("en")
    mine = fake_run(runs_dir, test=0.66, owner=visitor_of(at))  # quick LSTM: best val accuracy 0.70 at epoch 2
    at.session_state["train_watch"] = mine
    at.run()
    card = result_card(at)
    mine_row, reference_row = card.iloc[0], card.iloc[1]
    assert card.index.tolist() == [t("train_result_mine", "en"), t("train_result_reference", "en", n=3)]
    assert mine_row.tolist() == ["2 / 3", "0.700", "0.660"]
    mean_val = sum(reference_val) / 3  # the reference runs alone: the learner's 0.70 is not in it
    assert reference_row.tolist() == ["2 / 3", f"{mean_val:.3f}", f"{mean_val + 0.01:.3f}"]
    assert t("train_result_quick_note", "en", n=5_000, epochs=cfg.QUICK_EPOCHS, val=mean_val,
             test=mean_val + 0.01) in captions(at)


def result_card(at, lang="en"):
    cards = [table.value for table in at.table if t("train_result_test_acc", lang) in table.value.columns]
    assert len(cards) == 1, [table.value for table in at.table]
    return cards[0]


def test_the_runs_table_shows_five_columns_and_the_rest_on_demand(runs_dir, local_data):
    fake_run(runs_dir, test=0.7)
    at = open_page("ko")
    short = [t(key, "ko") for key in charts_train.SHORT_COLUMNS]
    assert list(runs_frame(at, "ko").columns) == short
    at.toggle(key="train_all_columns").set_value(True).run()
    frame = runs_frame(at, "ko")
    assert list(frame.columns)[:5] == short and len(frame.columns) == len(charts_train.ALL_COLUMNS) == 12
    assert t("train_col_settings", "ko") in frame.columns and t("train_col_speed", "ko") in frame.columns


def test_no_run_id_is_shown_as_a_name(runs_dir, local_data):
    run_id = fake_run(runs_dir, test=0.7)
    at = open_page("en")
    at.session_state["train_watch"] = run_id
    at.run()
    shown = " ".join([texts(at.markdown), captions(at), texts(at.success), texts(at.error),
                      *(d.value.to_string() for d in at.dataframe),
                      *(str(o) for box in at.selectbox for o in box.options),
                      *(str(o) for box in at.multiselect for o in box.options)])
    assert run_id not in shown
    assert charts_train.run_label(RunStore(runs_dir).get(run_id), "en") in shown


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_another_visitors_runs_are_neither_yours_nor_the_default_comparison(runs_dir, local_data, lang):
    """Issue 24: a fresh browser on a class's server compares the reference LSTM and SimpleRNN, not a stranger's
    quick runs; the stranger's runs are listed only on asking, named as another visitor's."""
    theirs = [fake_run(runs_dir, preset=preset, owner=STRANGER) for preset in ("lstm", "embedding-simplernn")]
    at = open_page(lang, token=None, reveal=1)
    compared = at.multiselect(key=f"train_compare@{lang}")
    reference = {run.id: run for run in RunStore(runs.REFERENCE_RUNS_DIR).list()}
    assert compared.value and all(run_id in reference for run_id in compared.value)
    assert {reference[i].preset for i in compared.value} == {"lstm", "embedding-simplernn"}
    stranger_names = [charts_train.run_label(RunStore(runs_dir).get(i), lang, visitor=VISITOR) for i in theirs]
    assert not set(stranger_names) & set(compared.options)
    assert t("train_quiz_yours", lang).split("{")[0] not in " ".join(e.value for e in at.markdown)
    assert t("train_no_runs", lang) in texts(at.info)  # "your runs": none
    at.toggle(key="train_everybody").set_value(True).run()
    options = at.multiselect(key=f"train_compare@{lang}").options
    assert set(stranger_names) <= set(options) and all(n.startswith(t("train_whose_other", lang)) for n in stranger_names)
    assert not [o for o in options if o.startswith(t("review_whose_yours", lang))]


def test_delete_asks_first(runs_dir, local_data):
    run_id = fake_run(runs_dir)
    at = open_page("en")
    at.button(key="train_delete").click().run()
    assert run_id in RunStore(runs_dir).ids()
    at.button(key="train_delete_no").click().run()
    assert run_id in RunStore(runs_dir).ids()
    at.button(key="train_delete").click().run()
    at.button(key="train_delete_yes").click().run()
    assert RunStore(runs_dir).ids() == []
    assert t("train_no_runs", "en") in texts(at.info)


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_run_whose_worker_died_of_a_full_disk_says_so_and_offers_its_log(lang, runs_dir, local_data):
    run_id = fake_run(runs_dir, state=runs.RUNNING, pid=dead_pid(), phase="training", epoch=2)
    error = f"OSError: [Errno 28] {os.strerror(errno.ENOSPC)}: '/srv/runs/{run_id}/.status.json.42.ab12cd34.tmp'"
    (runs_dir / run_id / runs.LOG_FILE).write_text(f"Epoch 2/20\nTraceback (most recent call last):\n{error}\n")
    at = open_page(lang)
    assert RunStore(runs_dir).get(run_id).state == runs.INTERRUPTED
    assert t("train_interrupted_disk_full", lang) in texts(at.warning)
    assert t("train_interrupted_msg", lang) not in texts(at.warning)
    [log] = [e for e in at.expander if e.label == t("train_log", lang)]
    assert error in texts(log.code)


def test_an_interrupted_run_offers_its_log_too(runs_dir, local_data):
    run_id = fake_run(runs_dir, state=runs.RUNNING, pid=dead_pid(), phase="training", epoch=2)
    (runs_dir / run_id / runs.LOG_FILE).write_text("Epoch 2/20\nKilled\n")
    at = open_page("en")
    assert t("train_interrupted_msg", "en") in texts(at.warning)
    [log] = [e for e in at.expander if e.label == t("train_log", "en")]
    assert "Killed" in texts(log.code)


def test_start_on_a_read_only_runs_folder_says_so_instead_of_a_traceback(runs_dir, local_data, monkeypatch):
    at = open_page("en")

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(runs_dir / ".launch.lock"))

    monkeypatch.setattr(runs, "open", read_only, raising=False)
    at.button(key="train_launch").click().run()
    assert not at.exception
    assert markup.fill(t("train_err_runs_readonly", "en"), {"folder": str(runs_dir)}) in texts(at.error)
    assert not runs_dir.exists() or [p.name for p in runs_dir.iterdir() if p.name != ".launch.lock"] == []


@pytest.mark.worker
def test_launching_a_quick_run_ends_done_in_the_table(runs_dir, local_data):
    at = open_page("en")
    at.number_input(key="train_epochs").set_value(1).run()
    at.button(key="train_launch").click().run()
    assert not at.exception and not at.error, texts(at.error)
    deadline = time.time() + 300
    frame = runs_frame(at)
    while time.time() < deadline:
        frame = runs_frame(at)
        if frame is not None and frame[t("train_col_state", "en")].iloc[0] not in ("starting", "running"):
            break
        time.sleep(2)
        at.run()
    assert frame[t("train_col_state", "en")].iloc[0] == "done", RunStore(runs_dir).list()[0].status
    row = frame.iloc[0]
    assert row[t("train_col_epochs", "en")] == "1 / 1" and 0 < row[t("train_col_test_acc", "en")] < 1
    [run] = RunStore(runs_dir).list()
    assert run.config.max_train_samples == cfg.QUICK_TRAIN_SAMPLES and run.test["samples"] == 25_000
    # the result card: this run beside the committed reference runs of the same model
    assert not at.button(key="train_launch").disabled
    card = result_card(at)
    assert card.iloc[0][t("train_result_test_acc", "en")] == f"{run.test_accuracy:.3f}"
    from rnnviz import results
    [row] = [row for row in results.summarize(RunStore(runs.reference_runs_dir()).list())
             if row.variant == results.Variant("lstm", 500)]  # the committed reference runs
    assert card.iloc[1][t("train_result_val_acc", "en")] == f"{row.val_accuracy.mean:.3f}"
    assert t("train_result_quick_note", "en", n=5_000, epochs=1, val=row.val_accuracy.mean,
             test=row.test_accuracy.mean) in captions(at)


# --- figure and table builders ---------------------------------------------------------------------

def test_history_figure_train_solid_validation_dashed_best_marked(tmp_path):
    store = RunStore(tmp_path)
    first, second = fake_run(tmp_path), fake_run(tmp_path, preset="gru", history=HISTORY[:2], early_stopped=False)
    both = [store.get(first), store.get(second)]
    colours = charts_train.assign_colours(both)
    fig = charts_train.history_figure(both, "en", colours=[colours[first], colours[second]])
    lines = [tr for tr in fig.data if tr.mode != "markers"]
    assert len(lines) == 8  # 2 runs × (loss, accuracy) × (train, validation)
    assert {tr.line.dash for tr in lines} == {charts_train.TRAIN_DASH, charts_train.VALID_DASH}
    assert [tr.line.color for tr in lines] == [colours[first]] * 4 + [colours[second]] * 4
    assert colours[first] != colours[second]
    assert not {PALETTE["input"], PALETTE["hidden"], PALETTE["cell"]} & set(charts_train.RUN_COLOURS)
    stars = [tr for tr in fig.data if tr.mode == "markers" and tr.marker.symbol == "star"]
    assert [(tr.x[0], tr.y[0]) for tr in stars[:2]] == [(2, 0.58), (2, 0.70)]  # lowest val_loss, its accuracy
    crosses = [tr for tr in fig.data if tr.mode == "markers" and tr.marker.symbol == "x"]
    assert [tr.x[0] for tr in crosses] == [3, 3]  # only the first run stopped early
    assert all(tr.marker.color == PALETTE["marker"] for tr in stars)


def test_a_run_keeps_its_colour_when_runs_are_added(tmp_path):
    store = RunStore(tmp_path)
    older = [store.get(fake_run(tmp_path, started=time.time() - 100 + i)) for i in range(3)]
    colours = charts_train.assign_colours(older)
    assert len(set(colours.values())) == 3
    newer = store.get(fake_run(tmp_path, started=time.time()))
    # the new run is listed first (newest first), which moved every other run down by one
    again = charts_train.assign_colours([newer, *older], colours)
    assert {run.id: again[run.id] for run in older} == colours
    assert again[newer.id] not in colours.values()
    # drawing a subset in another order changes nothing either
    assert charts_train.assign_colours([older[2], older[0]], again) == again
    # positional colours (the old way) would have moved every run
    assert [charts_train.run_colour(i) for i in range(1, 4)] != [colours[run.id] for run in older]


def test_colours_are_reused_least_used_first_beyond_the_palette(tmp_path):
    store = RunStore(tmp_path)
    many = [store.get(fake_run(tmp_path, started=time.time() + i)) for i in range(len(charts_train.RUN_COLOURS) + 1)]
    colours = charts_train.assign_colours(many)
    assert set(colours.values()) == set(charts_train.RUN_COLOURS)
    assert colours[many[-1].id] == charts_train.RUN_COLOURS[0]


def test_step_lines_follow_the_workers_timings(tmp_path):
    store = RunStore(tmp_path)
    run_id = fake_run(tmp_path, state=runs.RUNNING, history=[], pid=os.getpid(),
                      steps={"python": [0.0, 0.25], "data": [0.25, 0.75], "keras": [0.25, None]})
    created = store.read_status(run_id)["created"]
    run = store.get(run_id)
    lines = charts_train.step_lines(run, "en", now=created + 2.25)
    assert lines[:3] == [f"✓ {t('train_step_python', 'en')} · 0.2 s", f"✓ {t('train_step_data', 'en')} · 0.5 s",
                         f"{charts_train.STEP_RUNNING} {t('train_step_keras', 'en', backend='jax')} · "
                         f"{t('train_step_so_far', 'en', time='2.0 s')}"]
    assert lines[3:] == [f"○ {t(f'train_step_{name}', 'en')}" for name in ("model", "compile", "epoch1")]
    assert charts_train.first_point_text(run, "en") is None
    store.update_status(run_id, steps={name: [1.0, 1.5] for name in run_status.STEPS} | {"epoch1": [1.5, 3.1]})
    text = charts_train.first_point_text(store.get(run_id), "en")
    assert text.startswith(t("train_first_point", "en", time="3.1 s", parts="")[:-1].rstrip(": .")) and "1.6 s" in text


def test_runs_table_and_summary_table(tmp_path):
    store = RunStore(tmp_path)
    fake_run(tmp_path)
    frame = charts_train.runs_table(store.list(), "ko")
    row = frame.iloc[0]
    assert row[t("train_col_model", "ko")] == t("preset_lstm", "ko")
    assert row[t("train_col_best_epoch", "ko")] == 2 and row[t("train_col_val_loss", "ko")] == 0.58
    assert row[t("train_col_state", "ko")] == t("train_state_done", "ko")
    assert "LSTM(8)" in row[t("train_col_settings", "ko")] and "5,000" in row[t("train_col_settings", "ko")]
    assert charts_train.runs_table([], "en").empty
    from rnnviz.models import model_summary_rows
    summary = charts_train.summary_table(model_summary_rows(cfg.PRESETS["lstm-2layer"]), "en")
    assert list(summary[t("train_col_shape", "en")]) == ["(None, 100, 16)", "(None, 100, 8)", "(None, 8)", "(None, 1)"]


def test_duration_text():
    assert charts_train.duration_text(0.84, "en") == "0.8 s"
    assert charts_train.duration_text(65, "en") == "1 min 05 s"
    assert charts_train.duration_text(3725, "ko") == "1 시간 02 분"
    assert charts_train.duration_text(None, "en") == "–"


def test_a_runs_name_stays_the_same_from_queued_to_done(tmp_path):
    store = RunStore(tmp_path)
    run_id = store.create(cfg.quick(cfg.PRESETS["gru"]))
    queued = charts_train.run_label(store.get(run_id), "ko")
    store.update_status(run_id, state=runs.DONE, started=store.read_status(run_id)["created"] + 61)
    assert charts_train.run_label(store.get(run_id), "ko") == queued
    assert run_id not in queued and t("preset_gru", "ko") in queued and "num_words=500" in queued
    assert t("train_label_quick", "ko") in queued


def test_history_figure_leaves_room_for_its_subplot_titles(tmp_path):
    """The titles ("Loss", "Accuracy") sit above the plots, in the top margin: too small a margin cut the
    top strokes off Korean titles (정확도 read as 성약노)."""
    store = RunStore(tmp_path)
    fig = charts_train.history_figure([store.get(fake_run(tmp_path))], "ko")
    titles = [a for a in fig.layout.annotations if a.text in (t("train_loss", "ko"), t("train_accuracy", "ko"))]
    assert len(titles) == 2 and all(a.yanchor == "bottom" and a.y >= 1 for a in titles)
    assert fig.layout.margin.t >= 2 * max(a.font.size for a in titles)


def test_the_form_shows_the_estimate_and_refuses_what_the_server_cannot_hold(runs_dir, local_data):
    at = open_page("en")  # the book's LSTM fits
    assert any(c.value.startswith("Estimated: peak memory ~") for c in at.caption)
    assert not at.button(key="train_launch").disabled
    at = open_page("en", train_preset="onehot-simplernn", train_num_words="5000", train_maxlen="1000",
                   train_batch_size="512", train_mode="full")  # Keras tried to allocate 20.5 GB
    refused = [e.value for e in at.error if "RNNVIZ_MAX_MEMORY_MB" in e.value]
    assert refused and "more than this server allows (2,000 MB)" in refused[0]
    assert at.button(key="train_launch").disabled and not list(runs_dir.glob("*"))


def test_the_model_file_is_read_only_when_downloaded_never_on_a_rerun(runs_dir, local_data, monkeypatch):
    from pathlib import Path

    run_id = fake_run(runs_dir)
    read = []
    original = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda path: read.append(path.name) or original(path))
    at = open_page("en")
    at.selectbox(key="train_selected@en").set_value(run_id).run()
    for _ in range(3):
        at.run()
    assert not at.exception and at.get("download_button")
    assert runs.MODEL_FILE not in read


# --- damaged runs (issue 12) ------------------------------------------------------------------------------


def damaged_lab(runs_dir, tmp_path) -> dict[str, str]:
    """Every damaged run of `damaged_runs.KINDS` in one runs folder (copies of a finished reference run)."""
    import damaged_runs

    source = runs.REFERENCE_RUNS_DIR / sorted(RunStore(runs.REFERENCE_RUNS_DIR).ids())[-1]
    return damaged_runs.make_all(source, runs_dir, tmp_path / "outside")


def download_labels(at) -> list[str]:
    return [button.proto.label for button in at.get("download_button")]


@pytest.mark.slow
def test_damaged_runs_never_crash_the_lab_and_each_can_be_deleted(runs_dir, local_data, tmp_path):
    made = damaged_lab(runs_dir, tmp_path)
    outside = sorted(p.name for p in (tmp_path / "outside").rglob("*"))
    at = open_page("en")  # the lab, its runs table and the selected run, with every damaged run present
    at.toggle(key="train_everybody").set_value(True).run()  # made outside the app: listed on asking
    column = t("train_col_state", "en")
    tables = [len(d.value) for d in at.dataframe if column in d.value.columns]
    assert sum(tables) == len(made)  # the learner's and the others' tables
    for kind, run_id in made.items():
        at.selectbox(key="train_selected@en").set_value(run_id).run()
        assert not at.exception, (kind, [e.value for e in at.exception])
        assert at.selectbox(key="train_selected@en").value == run_id
        if kind == "failed without params":
            assert "This run failed: no data" in texts(at.error)
        elif kind not in ("weights zip bomb", "nested vocab"):  # read when a model is used (the review page)
            assert t("train_broken_msg", "en") in texts(at.warning), kind
        if kind == "nested status":  # nothing says whose run it is (issue 24): the operator's to delete
            assert t("train_owner_unknown_note", "en") in texts(at.caption)
            assert not [b for b in at.button if b.key == "train_delete"]
            RunStore(runs_dir).delete(run_id, operator=True)
            at.run()
            continue
        at.button(key="train_delete").click().run()
        at.button(key="train_delete_yes").click().run()
        assert not at.exception and run_id not in RunStore(runs_dir).ids(), kind
    assert RunStore(runs_dir).ids() == [] and not list(runs_dir.iterdir())
    assert sorted(p.name for p in (tmp_path / "outside").rglob("*")) == outside  # no link was followed


def test_a_linked_history_is_never_served_for_download(runs_dir, local_data, tmp_path):
    made = damaged_lab(runs_dir, tmp_path)
    at = open_page("en")
    at.toggle(key="train_everybody").set_value(True).run()  # made outside the app: listed on asking
    at.selectbox(key="train_selected@en").set_value(made["started yesterday"]).run()
    assert t("train_download_history", "en") in download_labels(at)  # a real history.csv is offered
    at.selectbox(key="train_selected@en").set_value(made["history link"]).run()
    assert t("train_download_history", "en") not in download_labels(at)  # the link to a file outside is not
    assert "history.csv is a symbolic link (not followed)" in texts(at.code)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_operator_token_entered_once_lets_a_teacher_delete_any_run(runs_dir, local_data, monkeypatch, lang):
    """Issue 24: with RNNVIZ_ADMIN_TOKEN set, the lab has one box for it; a wrong entry changes nothing and
    says so; the right one lets this tab delete a stranger's run (and cancel or stop any)."""
    monkeypatch.setenv(owner.OPERATOR_ENV, "a-teachers-secret-of-the-class")
    theirs = fake_run(runs_dir, owner=STRANGER)
    at = open_page(lang, token=None)
    at.toggle(key="train_everybody").set_value(True).run()
    at.selectbox(key=f"train_selected@{lang}").set_value(theirs).run()
    assert not [b for b in at.button if b.key == "train_delete"]  # a stranger's run: no Delete
    at.text_input(key="train_operator_token").input("a-guess").run()
    assert t("train_operator_wrong", lang) in texts(at.error)
    assert not [b for b in at.button if b.key == "train_delete"] and theirs in RunStore(runs_dir).ids()
    at.text_input(key="train_operator_token").input("a-teachers-secret-of-the-class").run()
    assert t("train_operator_on", lang) in [s.value for s in at.success]
    assert "train_operator_token" not in at.session_state  # the entry is compared, then forgotten
    at.button(key="train_delete").click().run()
    at.button(key="train_delete_yes").click().run()
    assert not at.exception and theirs not in RunStore(runs_dir).ids()


def test_without_an_operator_setting_there_is_no_token_box_and_a_short_one_is_ignored(runs_dir, local_data,
                                                                                        monkeypatch):
    at = open_page("en")
    assert not [box for box in at.text_input if box.key == "train_operator_token"]
    monkeypatch.setenv(owner.OPERATOR_ENV, "short")  # guessable: no operator at all
    assert not owner.operator_configured() and not owner.is_operator_token("short")
    monkeypatch.setenv(owner.OPERATOR_ENV, "")
    assert not owner.is_operator_token("")
