"""Training lab (book 9-2, 9-3): train the book's models on IMDB, watch the curves, compare runs.

Training runs in a separate process (`python -m rnnviz.train`, started by
`runs.launch`); this page only reads the run folders, so it never imports Keras.
"""

import streamlit as st

import ui
from rnnviz import charts_train, data, reference, runs
from rnnviz import config as cfg
from rnnviz.i18n import t
from rnnviz.models import keras_code, model_summary_rows, total_params

lang = ui.language()
ui.header(("section_9_2", "section_9_3"), "train_title", "train_intro", lang)
store = runs.RunStore()
P = "train_"  # widget keys: "train_cell", ... (the tokens page has its own "maxlen")
FIELDS = ("cell", "inputs", "num_words", "layers", "units", "dropout", "maxlen", "embedding_dim",
          "learning_rate", "batch_size", "epochs", "patience", "seed", "backend")
DROPOUTS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)
RATES = (1e-5, 3e-5, 1e-4, 3e-4, 1e-3, 3e-3, 1e-2)
BATCHES = (16, 32, 64, 128, 256, 512)
OPTIONS = {"dropout": DROPOUTS, "learning_rate": RATES, "batch_size": BATCHES}

try:
    data.local_data_dir()
    data_error = None
except data.DataUnavailableError as error:
    data_error = error.message(lang)
    st.error(data_error)


def parse_choice(options):
    def parse(text):
        if text not in options:
            raise ValueError(text)
        return text
    return parse


def parse_field(name):
    def parse(text):
        value = cfg.parse_field(name, text)
        if name in OPTIONS and value not in OPTIONS[name]:
            raise ValueError(text)
        return value
    return parse


def apply_preset() -> None:
    preset = cfg.PRESETS[st.session_state[P + "preset"]]
    for name in FIELDS:
        st.session_state[P + name] = getattr(preset, name)


def set_words(n: int) -> None:
    st.session_state[P + "num_words"] = n


# --- model and settings -----------------------------------------------------------------
st.subheader(t("train_model_title", lang))
settings = [ui.setting(P + "preset", "lstm", parse_choice(tuple(cfg.PRESETS))),
            ui.setting(P + "mode", "quick", parse_choice(("quick", "full")))]
preset_name = st.session_state[P + "preset"]
preset = cfg.PRESETS[preset_name]
settings += [ui.setting(P + name, getattr(preset, name), parse_field(name)) for name in FIELDS]

c1, c2 = st.columns([3, 2])
c1.selectbox(t("train_preset", lang), tuple(cfg.PRESETS), key=P + "preset", on_change=apply_preset,
             format_func=lambda name: t(f"preset_{name}", lang))
full_epochs = st.session_state[P + "epochs"]
quick_example = cfg.quick(cfg.RunConfig(backend=preset.backend))
c2.radio(t("train_mode", lang), ("quick", "full"), key=P + "mode",
         help=t("train_mode_help", lang, n=quick_example.train_samples, val=quick_example.val_samples),
         format_func=lambda m: t(f"train_mode_{m}", lang, n=cfg.QUICK_TRAIN_SAMPLES if m == "quick"
                                 else cfg.BOOK_TRAIN_SIZE,
                                 epochs=min(full_epochs, cfg.QUICK_EPOCHS) if m == "quick" else full_epochs))
if preset_name in cfg.SIMPLERNN_PRESETS:
    words = cfg.NOTEBOOK_WORDS if st.session_state[P + "num_words"] != cfg.NOTEBOOK_WORDS else preset.num_words
    n1, n2 = c1.columns([3, 1])
    n1.caption(t("train_notebook_words", lang))
    n2.button(t(f"train_use_{words}", lang), key=P + "words_button", on_click=set_words, args=(words,))

w = st.columns(5)
w[0].selectbox(t("train_cell", lang), cfg.CELL_KINDS, key=P + "cell")
w[1].radio(t("train_inputs", lang), cfg.INPUTS, key=P + "inputs",
           format_func=lambda v: t(f"train_inputs_{v}", lang))
w[2].number_input(t("train_num_words", lang), *map(int, cfg.BOUNDS["num_words"]), step=100, key=P + "num_words")
w[3].selectbox(t("train_layers", lang), (1, 2), key=P + "layers")
w[4].select_slider(t("train_dropout", lang), DROPOUTS, key=P + "dropout")
with st.expander(t("train_more", lang)):
    m = st.columns(4)
    m[0].number_input(t("train_units", lang), *map(int, cfg.BOUNDS["units"]), key=P + "units")
    m[1].number_input(t("train_maxlen", lang), *map(int, cfg.BOUNDS["maxlen"]), step=10, key=P + "maxlen")
    m[2].number_input(t("train_embedding_dim", lang), *map(int, cfg.BOUNDS["embedding_dim"]),
                      key=P + "embedding_dim", disabled=st.session_state[P + "inputs"] == "onehot")
    m[3].select_slider(t("train_learning_rate", lang), RATES, key=P + "learning_rate", format_func="{:g}".format)
    m = st.columns(5)
    m[0].selectbox(t("train_batch_size", lang), BATCHES, key=P + "batch_size")
    m[1].number_input(t("train_epochs", lang), *map(int, cfg.BOUNDS["epochs"]), key=P + "epochs")
    m[2].number_input(t("train_patience", lang), *map(int, cfg.BOUNDS["patience"]), key=P + "patience")
    m[3].number_input(t("train_seed", lang), *map(int, cfg.BOUNDS["seed"]), key=P + "seed",
                      help=t("train_seed_help", lang))
    m[4].radio(t("train_backend", lang), cfg.BACKENDS, key=P + "backend", help=t("train_backend_help", lang))

config, config_error = None, None
values = {name: st.session_state[P + name] for name in FIELDS}
if values["inputs"] == "onehot" and values["num_words"] > cfg.MAX_ONEHOT_WORDS:
    config_error = t("train_onehot_too_wide", lang, limit=cfg.MAX_ONEHOT_WORDS)
else:
    try:
        config = cfg.RunConfig(**values)
        if st.session_state[P + "mode"] == "quick":
            config = cfg.quick(config)
    except ValueError as error:
        config_error = t("train_bad_settings", lang, error=error)
if config_error:
    st.error(config_error)

# --- what will be trained ---------------------------------------------------------------------
if config is not None:
    left, right = st.columns([3, 2])
    with left:
        st.markdown(f"**{t('train_summary_title', lang)}**")
        st.dataframe(charts_train.summary_table(model_summary_rows(config), lang), hide_index=True, width="stretch")
    with right:
        name = cfg.preset_of(config)
        st.metric(t("train_col_params", lang), f"{total_params(config):,}")
        st.caption(t("train_is_preset", lang, name=t(f"preset_{name}", lang)) if name
                   else t("train_not_preset", lang))
        book = cfg.BOOK_RESULTS.get(name)
        if book and book.num_words == config.num_words:
            st.caption(t("train_book_params", lang, n=book.params))
    with st.expander(t("train_code_title", lang)):
        st.caption(t("train_code_caption", lang))
        st.code(keras_code(config), language="python")

    if st.button(t("train_launch", lang), type="primary", key=P + "launch", disabled=data_error is not None):
        try:
            run_id = runs.launch(store, config, owner=ui.visitor_id())
        except runs.RunError as error:
            st.error(t(error.key, lang, **error.params))
        else:
            st.session_state[P + "watch"] = run_id
            st.session_state[P + "compare"] = [run_id, *st.session_state.get(P + "compare", [])][:4]
            st.session_state[P + "selected"] = run_id
            st.success(t("train_launched", lang, run=run_id))
ui.keep_settings(settings)


# --- the run being trained ---------------------------------------------------------------------
def progress_text(run: runs.Run) -> str:
    elapsed = charts_train.duration_text(run.elapsed, lang)
    if not run.epochs_run:
        return t("train_progress_start", lang, epochs=run.max_epochs, elapsed=elapsed)
    return t("train_progress", lang, epoch=run.epochs_run, epochs=run.max_epochs, elapsed=elapsed,
             remaining=charts_train.duration_text(run.remaining_seconds(), lang))


def show_metrics(run: runs.Run) -> None:
    m = st.columns(4)
    m[0].metric(t("train_metric_best_epoch", lang), run.best_epoch or "–")
    m[1].metric(t("train_metric_val_loss", lang), f"{run.best_val_loss:.4f}" if run.best_val_loss else "–")
    m[2].metric(t("train_metric_val_acc", lang), f"{run.best_val_accuracy:.4f}" if run.best_val_accuracy else "–")
    m[3].metric(t("train_metric_speed", lang), charts_train.duration_text(run.seconds_per_epoch, lang))


@st.fragment(run_every=1.5)
def live(run_id: str) -> None:
    try:
        run = store.get(run_id)
    except runs.RunError:
        return
    if not run.active:  # finished since the last look: redraw the whole page (table, curves)
        st.rerun()
    with st.container(border=True):
        st.markdown(f"**{t('train_live_title', lang)}** · {charts_train.run_label(run, lang)}")
        phase = run.status.get("phase") or "queued"
        if phase == "training":
            fraction = min(run.epochs_run / run.max_epochs, 1.0) if run.max_epochs else 0.0
            st.progress(fraction, text=progress_text(run))
            st.caption(t("train_remaining_note", lang))
        else:
            st.progress(1.0 if phase == "testing" else 0.0, text=t(f"train_phase_{phase}", lang))
        show_metrics(run)
        if run.epochs_run:
            st.plotly_chart(charts_train.history_figure([run], lang), width="stretch", key=f"live_{run_id}")
        if store.stop_requested(run_id):
            st.info(t("train_stop_requested", lang))
        elif not run.changeable_by(ui.visitor_id()):
            st.caption(t("train_not_yours_note", lang))
        elif st.button(t("train_stop", lang), key=f"stop_{run_id}"):
            store.request_stop(run_id, visitor=ui.visitor_id())
            st.info(t("train_stop_requested", lang))


all_runs = store.list()
active = [run for run in all_runs if run.active]
if active:
    watched = st.session_state.get(P + "watch")
    run = next((r for r in active if r.id == watched), active[0])  # reattach after a reload
    if len(active) > 1:
        st.caption(t("train_busy_info", lang, run=", ".join(charts_train.run_label(r, lang) for r in active)))
    live(run.id)

# --- all runs -----------------------------------------------------------------------------------
def default_comparison(own: list, reference_runs: list) -> list[str]:
    """Your two latest runs with curves; with none yet, the reference LSTM beside the 9-2 SimpleRNN."""
    mine = [run.id for run in own if run.epochs_run][:2]
    if mine:
        return mine
    wanted = [("lstm", 500), ("embedding-simplernn", 500)]
    return [run.id for name in wanted for run in reference_runs
            if run.preset == name[0] and run.config.num_words == name[1] and run.config.seed == 42][:2]


def show_runs_table() -> None:
    st.dataframe(charts_train.runs_table(store.list(), lang), hide_index=True, width="stretch")


reference_runs = runs.RunStore(runs.reference_runs_dir()).list()  # read-only, committed with the app
st.subheader(t("train_runs_title", lang))
if not all_runs:
    st.info(t("train_no_runs", lang))
else:
    # While a run trains the table redraws itself, so the run's row follows its epochs.
    st.fragment(run_every=2.0 if active else None)(show_runs_table)()
if reference_runs:
    with st.expander(t("train_reference_title", lang, n=len(reference_runs))):
        st.caption(t("train_reference_caption", lang))
        st.dataframe(charts_train.runs_table(reference_runs, lang), hide_index=True, width="stretch")
listed = all_runs + reference_runs
if listed:
    by_id = {run.id: run for run in listed}
    # No status in these labels: the table shows it live, a menu would keep a stale one.
    label = {run.id: charts_train.run_label(run, lang, state=False) for run in listed}
    key = P + "compare"
    if key in st.session_state:
        st.session_state[key] = [i for i in st.session_state[key] if i in by_id]
    else:
        st.session_state[key] = default_comparison(all_runs, reference_runs)
    st.markdown(f"**{t('train_compare_title', lang)}**")
    chosen = st.multiselect(t("train_compare", lang), list(by_id), key=key, format_func=label.get)
    drawn = [by_id[i] for i in chosen if by_id[i].epochs_run]
    if drawn:
        st.plotly_chart(charts_train.history_figure(drawn, lang, labels=[label[r.id] for r in drawn]),
                        width="stretch")
        st.caption(t("train_chart_legend", lang))
    else:
        st.caption(t("train_pick_compare", lang))

    # one run: its files, its error, deleting it
    key = P + "selected"
    if st.session_state.get(key) not in by_id:
        st.session_state[key] = (all_runs or [by_id[i] for i in st.session_state[P + "compare"]] or listed)[0].id
    run = by_id[st.selectbox(t("train_selected_run", lang), list(by_id), key=key, format_func=label.get)]
    if run.state == runs.FAILED:
        params = run.status.get("error_params")
        message = t(run.status["error_key"], lang, **params) if run.status.get("error_key") else run.error
        st.error(t("train_failed_msg", lang, error=message))
        with st.expander(t("train_log", lang)):
            st.code(runs.log_tail(run) or "–", language="text")
    elif run.state == runs.INTERRUPTED:
        st.warning(t("train_interrupted_msg", lang))
    d1, d2, d3 = st.columns(3)
    if run.history_path.is_file():
        d1.download_button(t("train_download_history", lang), run.history_path.read_bytes(),
                           file_name=f"history-{run.id}.csv", mime="text/csv", key=P + "dl_history")
    if run.has_model:
        d2.download_button(t("train_download_model", lang), run.model_path.read_bytes(),
                           file_name=f"{run.preset or 'model'}-{run.id}.keras", mime="application/zip",
                           key=P + "dl_model")
    else:
        d2.caption(t("train_no_model", lang))
    mine = run.changeable_by(ui.visitor_id()) and not run.is_reference
    if run.is_reference:
        d3.caption(t("train_reference_note", lang))
    elif not mine:
        d3.caption(t("train_not_yours_note", lang))
    elif d3.button(t("train_delete", lang), key=P + "delete", disabled=run.active):
        st.session_state[P + "confirm_delete"] = run.id
    if st.session_state.get(P + "confirm_delete") == run.id and not run.active and mine:
        st.warning(t("train_delete_confirm", lang, run=label[run.id]))
        y, n = st.columns(2)
        if y.button(t("train_delete_yes", lang), type="primary", key=P + "delete_yes"):
            try:
                store.delete(run.id, visitor=ui.visitor_id())
            except runs.RunError as error:
                st.error(t(error.key, lang, **error.params))
            else:
                st.session_state.pop(P + "confirm_delete", None)
                st.rerun()
        if n.button(t("train_delete_no", lang), key=P + "delete_no"):
            st.session_state.pop(P + "confirm_delete", None)
            st.rerun()

reproduced = reference.summarize(reference_runs)
with st.expander(t("train_reproduce_title" if reproduced else "train_book_title", lang)):
    if reproduced:
        st.dataframe(charts_train.reproduction_table(reproduced, lang), hide_index=True, width="stretch")
        simple_rnn = [v for row in reproduced if row.variant.preset in cfg.SIMPLERNN_PRESETS
                      for v in row.val_accuracy.values] or [float("nan")]
        st.caption(t("train_reproduce_caption", lang, seeds=max(len(row.seeds) for row in reproduced),
                     low=min(simple_rnn), high=max(simple_rnn)))
    else:
        st.dataframe(charts_train.book_table(lang), hide_index=True, width="stretch")
        st.caption(t("train_book_caption", lang))


# --- predict, then reveal ---------------------------------------------------------------------------
def best_full_val_accuracy(preset: str) -> str:
    scores = [r.best_val_accuracy for r in all_runs
              if r.preset == preset and r.config.max_train_samples is None and r.best_val_accuracy is not None]
    return f"{max(scores):.3f}" if scores else t("quiz_train_none", lang)


book = cfg.BOOK_RESULTS
why = t("quiz_train_why", lang, lstm=book["lstm"].val_accuracy, rnn=book["embedding-simplernn"].val_accuracy)
why += " " + t("quiz_train_yours", lang, lstm=best_full_val_accuracy("lstm"),
               rnn=best_full_val_accuracy("embedding-simplernn"))
ui.quiz("quiz_train", t("quiz_train_q", lang), [t(f"quiz_train_a{i}", lang) for i in range(3)], answer=0,
        why=why, lang=lang)
