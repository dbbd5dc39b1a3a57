"""The Training lab page (AppTest) and its figure builders (AppTest cannot look inside Plotly charts)."""

import os
import time

import pytest

import conftest

from rnnviz import charts_train, runs
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


def fake_run(folder, state=runs.DONE, preset="lstm", history=HISTORY, **status):
    store = RunStore(folder)
    run_id = store.create(cfg.quick(cfg.PRESETS[preset]))
    text = "".join(f"{i},{a},{l},{va},{vl}\r\n" for i, (a, l, va, vl) in enumerate(history))
    (store.path(run_id) / runs.HISTORY_FILE).write_text(HEADER + text, newline="")
    store.update_status(run_id, **{"state": state, "started": time.time(), "seconds_per_epoch": 0.4,
                                   "early_stopped": True, **status})
    (store.path(run_id) / runs.MODEL_FILE).write_bytes(b"PK fake")
    return run_id


def open_page(lang="en", **params):
    return conftest.open_page(PAGE, lang, timeout=60, **params)


def texts(elements):
    return " ".join(str(e.value) for e in elements)


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
    assert t("data_dir_incomplete", lang, folder="/nowhere", missing="imdb.npz", env="RNNVIZ_DATA_DIR") in texts(at.error)
    assert t("quiz_train_q", lang) in texts(at.markdown)


def test_preset_and_url_set_the_widgets(runs_dir, local_data):
    at = open_page("en", train_preset="gru", train_dropout="0.2")
    assert at.selectbox(key="train_cell").value == "GRU"
    assert at.select_slider(key="train_dropout").value == 0.2
    at.selectbox(key="train_preset").select("lstm-2layer").run()
    assert at.selectbox(key="train_layers").value == 2 and at.select_slider(key="train_dropout").value == 0.3
    assert any(m.value == "9,353" for m in at.metric)
    assert at.query_params["train_preset"] in ("lstm-2layer", ["lstm-2layer"])
    at.selectbox(key="train_preset").select("embedding-simplernn").run()
    at.button(key="train_words_button").click().run()  # the current notebook's vocabulary
    assert at.number_input(key="train_num_words").value == 200
    assert any(m.value == "3,409" for m in at.metric)


def test_bad_url_values_fall_back_to_the_preset(runs_dir, local_data):
    at = open_page("en", train_preset="nonsense", train_units="-3", train_dropout="0.77")
    assert at.selectbox(key="train_preset").value == "lstm"
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


def test_a_second_launch_is_refused(runs_dir, local_data):
    busy = fake_run(runs_dir, state=runs.RUNNING, pid=os.getpid(), phase="training", epoch=3)
    at = open_page("en")
    assert t("train_live_title", "en") in texts(at.markdown)  # reattached to the running run
    at.button(key="train_launch").click().run()
    assert t("train_err_busy", "en", n=1, limit=1) in texts(at.error)
    at.button(key=f"stop_{busy}").click().run()
    assert RunStore(runs_dir).stop_requested(busy)


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


def test_launching_a_quick_run_ends_done_in_the_table(runs_dir, local_data):
    at = open_page("en")
    at.number_input(key="train_epochs").set_value(1).run()
    at.button(key="train_launch").click().run()
    assert not at.exception and not at.error, texts(at.error)
    deadline = time.time() + 300
    frame = runs_frame(at)
    while time.time() < deadline:
        frame = runs_frame(at)
        if frame is not None and frame[t("train_col_state", "en")].iloc[0] not in ("queued", "running"):
            break
        time.sleep(2)
        at.run()
    assert frame[t("train_col_state", "en")].iloc[0] == "done", RunStore(runs_dir).list()[0].status
    row = frame.iloc[0]
    assert row[t("train_col_epochs", "en")] == "1 / 1" and 0 < row[t("train_col_test_acc", "en")] < 1
    [run] = RunStore(runs_dir).list()
    assert run.config.max_train_samples == cfg.QUICK_TRAIN_SAMPLES and run.test["samples"] == 25_000


def test_the_page_never_imports_keras(runs_dir):
    fake_run(runs_dir)
    conftest.assert_page_imports_no_framework(PAGE)


# --- figure and table builders ---------------------------------------------------------------------

def test_history_figure_train_solid_validation_dashed_best_marked(tmp_path):
    store = RunStore(tmp_path)
    first, second = fake_run(tmp_path), fake_run(tmp_path, preset="gru", history=HISTORY[:2], early_stopped=False)
    fig = charts_train.history_figure([store.get(first), store.get(second)], "en")
    lines = [tr for tr in fig.data if tr.mode != "markers"]
    assert len(lines) == 8  # 2 runs × (loss, accuracy) × (train, validation)
    assert {tr.line.dash for tr in lines} == {charts_train.TRAIN_DASH, charts_train.VALID_DASH}
    assert [tr.line.color for tr in lines] == [charts_train.RUN_COLOURS[0]] * 4 + [charts_train.RUN_COLOURS[1]] * 4
    assert not {PALETTE["input"], PALETTE["hidden"], PALETTE["cell"]} & set(charts_train.RUN_COLOURS)
    stars = [tr for tr in fig.data if tr.mode == "markers" and tr.marker.symbol == "star"]
    assert [(tr.x[0], tr.y[0]) for tr in stars[:2]] == [(2, 0.58), (2, 0.70)]  # lowest val_loss, its accuracy
    crosses = [tr for tr in fig.data if tr.mode == "markers" and tr.marker.symbol == "x"]
    assert [tr.x[0] for tr in crosses] == [3, 3]  # only the first run stopped early
    assert all(tr.marker.color == PALETTE["marker"] for tr in stars)


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
