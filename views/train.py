"""Training lab (book 9-2, 9-3): train the book's models on IMDB, watch the curves, compare runs.

Training runs in a separate process (`python -m rnnviz.train`, started by
`launch.launch`, or queued while every slot is taken: `rnnviz.run_queue`); this page only reads the
run folders (and starts whoever waits for a free slot), so it never imports Keras.
Its decisions (settings -> config, who may start, which run to watch) are `rnnviz.training_lab`'s.
It is long because the lab's four sections (settings, the live run, comparing runs, one run's files)
share one run store, visitor and colour map on one page; each section is widgets and calls only.
"""

import functools

import streamlit as st

import ui
from rnnviz import charts_train, curves, data, encoding, markup, results, run_choice, run_queue, runs, training_lab
from rnnviz import owner, warm_up
from rnnviz import config as cfg
from rnnviz.i18n import t
from rnnviz.launch import Limits, dispatch
from rnnviz.launch import launch as launch_run
from rnnviz.models import model_summary_rows, run_cost, total_params
from rnnviz.notebooks import train_notebook
from rnnviz.snippets import training_code
from rnnviz.url_values import one_of  # a URL parser for ui.setting

lang = ui.language()
path_step, path_step_applied = ui.lesson_step("views/train.py")  # the chapter's path: ?step=
ui.header(("section_9_2", "section_9_3"), "train_title", "train_lead", lang)
store = runs.RunStore()
visitor = ui.visitor_id()  # whose runs are "yours": this browser's token (run_choice.whose)
OPERATOR = "_operator"  # session key: this tab entered the deployment's RNNVIZ_ADMIN_TOKEN
operator = bool(st.session_state.get(OPERATOR)) and owner.operator_configured()  # may stop, cancel, delete any run
P = "train_"  # widget keys: "train_cell", ... (the tokens page has its own "maxlen")
FIELDS = ("cell", "inputs", "num_words", "layers", "units", "dropout", "maxlen", "embedding_dim",
          "learning_rate", "batch_size", "epochs", "patience", "seed", "backend")
DROPOUTS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)
RATES = (1e-5, 3e-5, 1e-4, 3e-4, 1e-3, 3e-3, 1e-2)
BATCHES = (16, 32, 64, 128, 256, 512)
OPTIONS = {"dropout": DROPOUTS, "learning_rate": RATES, "batch_size": BATCHES}

limits = Limits.from_environment()


def read_runs() -> list[runs.Run]:
    """The runs folder, after starting whoever waits for a free slot (after a server restart, or a worker
    killed with no server to reap it, nobody else may have)."""
    listed = store.list()
    if run_queue.due(listed, limits.max_runs):
        dispatch(store, limits)
        listed = store.list()
    return listed


all_runs = read_runs()
active = [run for run in all_runs if run.active]
queue = run_queue.waiting(all_runs)
reference_runs = runs.RunStore(runs.reference_runs_dir()).list()  # read-only, committed with the app

own = run_choice.mine(all_runs, visitor)
others = len(all_runs) - len(own)  # other visitors' and the command line's: listed only on the learner's asking
everybody = st.session_state.get(P + "everybody", False)  # the switch under the comparison's menu
listed = run_choice.shown(all_runs, visitor, everybody) + reference_runs  # your runs, then the reference runs
by_id = {run.id: run for run in all_runs + reference_runs}  # every run a chart may draw (others' live ones too)
menu = {run.id: run for run in listed}
label = {run.id: charts_train.run_label(run, lang, visitor=visitor) for run in by_id.values()}  # no status: a menu would keep a stale one
st.session_state[P + "compare"] = training_lab.compared_ids(ui.current_choice(P + "compare", lang), menu,
                                                           own, reference_runs)
# A run keeps its colour on every chart of this page while runs are added or removed: a run drawn
# for the first time takes a colour no other drawn run has (charts_train.assign_colours).
drawn_now = [by_id[i] for i in dict.fromkeys([*(run.id for run in active), *st.session_state[P + "compare"]])]
colours = charts_train.assign_colours(drawn_now, st.session_state.get(P + "colours"))
st.session_state[P + "colours"] = colours


# --- predict, then reveal: LSTM or SimpleRNN, at the same vocabulary ------------------------------------
SAME_WORDS = 500  # the reference runs train both at the 1st edition's num_words=500
def best_full_val_accuracy(preset: str) -> str | None:
    best = results.best_full_val_accuracy(own, preset)
    return f"{best:.3f}" if best is not None else None


same = training_lab.same_vocabulary_figures(reference_runs, SAME_WORDS)  # {"lstm": Spread, ...} or None
why = t("train_quiz_why", lang) + " " + (
    t("train_quiz_reference", lang, num_words=SAME_WORDS, seeds=len(same["lstm"].values), lstm=same["lstm"].text(),
      rnn=same["embedding-simplernn"].text()) if same else t("train_quiz_no_reference", lang))
yours = {preset: best_full_val_accuracy(preset) for preset in ("lstm", "embedding-simplernn")}
if any(yours.values()):  # the learner's own full runs, when there are some
    why += " " + t("train_quiz_yours", lang, lstm=yours["lstm"] or "–", rnn=yours["embedding-simplernn"] or "–")
question, picture = ui.stage()  # the projector view puts the answered question under its chart
with question:
    revealed = ui.predict("quiz_train", t("train_quiz_q", lang, num_words=SAME_WORDS),
                          [t(f"train_quiz_a{i}", lang) for i in range(3)], answer=0, why=why, lang=lang)

# --- the comparison, after the question: the page's main chart ----------------------------------
if listed and revealed:
    chart_place = picture  # the chart first, its picker under it
    chosen = ui.choice(st.multiselect, t("train_compare", lang), list(menu), P + "compare", lang,
                       format_func=label.get)
    ui.everybody_switch(P + "everybody", others, lang)  # under the comparison once it shows, else under "one run"
    drawn = [by_id[i] for i in chosen if by_id[i].epochs_run]
    with chart_place:
        if drawn:
            st.plotly_chart(charts_train.history_figure(drawn, lang, labels=[label[r.id] for r in drawn],
                                                        colours=[colours.get(r.id, "#000000") for r in drawn]),
                            width="stretch")
            st.caption(t("train_chart_legend", lang))
        else:
            st.caption(t("train_pick_compare", lang))
    with st.expander(t("train_early_stop_question", lang)):
        st.markdown(t("train_early_stop_text", lang))
    # reading the chart the book's way: overfitting, the callbacks' markers, dropout
    book_run = cfg.PRESETS["lstm-dropout"]  # the book's settings: patience 3, up to 100 epochs, dropout 0.3
    with st.expander(t("train_overfit_question", lang)):
        st.markdown(t("train_overfit_text", lang))
        turns = [(run, curves.overfitting_point(run.history)) for run in drawn]
        for run, turn in [(run, turn) for run, turn in turns if turn and turn.gap is not None][:1]:
            st.markdown(t("train_overfit_example", lang, run=label[run.id], epoch=turn.epoch, val=turn.val_loss,
                          last=turn.last_val_loss, gap=turn.gap))
    with st.expander(t("train_callbacks_question", lang)):
        st.markdown(t("train_callbacks_text", lang, patience=book_run.patience, epochs=book_run.epochs))
    with st.expander(t("train_dropout_question", lang)):
        st.markdown(t("train_dropout_text", lang, rate=book_run.dropout))
        gaps = training_lab.dropout_gaps(reference_runs)
        if gaps:
            st.markdown(t("train_dropout_reference", lang, plain=gaps[0], dropped=gaps[1], seeds=gaps[2]))


try:
    data.local_data_dir()  # a wrong setting, said before any click
    known = data.known_unavailable()  # a search for the data that failed already (no download is tried here)
    data_error = known.message(lang) if known else None
except data.DataUnavailableError as error:
    data_error = error.message(lang)
if data_error:
    st.error(data_error)


def field_parser(name):
    """A config field's URL value: the field's type and bounds (`cfg.parse_field`), and one of the widget's options."""
    parse = functools.partial(cfg.parse_field, name)
    return one_of(OPTIONS[name], parse) if name in OPTIONS else parse


def apply_preset() -> None:
    preset = cfg.PRESETS[ui.current_choice(P + "preset", lang)]
    for name in FIELDS:
        ui.set_choice(P + name, getattr(preset, name))  # "inputs" is a translated choice: its widgets start over


def set_words(n: int) -> None:
    st.session_state[P + "num_words"] = n


# --- model and settings -----------------------------------------------------------------
st.subheader(t("train_model_title", lang))
if path_step_applied:  # a link to a step of the chapter's path: open on its model, every field
    apply_preset()
settings = [ui.setting_key(P + "preset", "lstm", one_of(tuple(cfg.PRESETS))),
            ui.setting_key(P + "mode", "quick", one_of(("quick", "full")))]
preset_name = ui.current_choice(P + "preset", lang)
preset = cfg.PRESETS[preset_name]
settings += [ui.setting_key(P + name, getattr(preset, name), field_parser(name)) for name in FIELDS]

c1, c2 = st.columns([3, 2])
ui.choice(c1.selectbox, t("train_preset", lang), tuple(cfg.PRESETS), P + "preset", lang, on_change=apply_preset,
          format_func=lambda name: t(f"preset_{name}", lang))
full_epochs = st.session_state[P + "epochs"]
quick_example = cfg.quick(cfg.RunConfig(backend=preset.backend))
ui.choice(c2.radio, t("train_mode", lang), ("quick", "full"), P + "mode", lang,
          help=t("train_mode_help", lang, n=quick_example.train_samples, val=quick_example.val_samples),
         format_func=lambda m: t(f"train_mode_{m}", lang, n=cfg.QUICK_TRAIN_SAMPLES if m == "quick"
                                 else cfg.BOOK_TRAIN_SIZE,
                                 epochs=min(full_epochs, cfg.QUICK_EPOCHS) if m == "quick" else full_epochs))
if preset_name in cfg.SIMPLERNN_PRESETS:
    words = training_lab.offered_words(st.session_state[P + "num_words"], preset)
    c1.caption(t("train_notebook_words", lang))  # the button below it, full width: its text never clipped
    c1.button(t(f"train_use_{words}", lang), key=P + "words_button", on_click=set_words, args=(words,))

w = st.columns(5)
w[0].selectbox(t("train_cell", lang), cfg.CELL_KINDS, key=P + "cell")
ui.choice(w[1].radio, t("train_inputs", lang), cfg.INPUTS, P + "inputs", lang,
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

try:
    config = training_lab.config_from_settings({name: st.session_state[P + name] for name in FIELDS},
                                               st.session_state[P + "mode"])
except training_lab.SettingsError as error:
    config = None
    st.error(markup.fill(t(error.key, lang), error.params))  # a refused value, shown as text

# --- what will be trained, and whether this server can hold it -------------------------------------
limit_error = None
if config is not None:
    try:
        limits.check(config)  # the same check as at launch, before the click
    except runs.RunError as error:
        limit_error = t(error.key, lang, **error.params)
        st.error(limit_error)

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
        cost = run_cost(config)
        st.caption(t("train_cost", lang, mb=cost.memory_bytes / 2**20, limit_mb=limits.max_memory_mb,
                     size=encoding.format_bytes(cost.model_bytes), limit_params=limits.max_params))
    if not ui.presenting():  # code is for the learner at home, not for the projector
        # the caption: the one-hot array to_categorical would make for these settings (reviews, maxlen, num_words)
        ui.code_box(t("train_code_title", lang), "train_code",
                    caption=t("train_code_caption", lang, n=config.train_samples, maxlen=config.maxlen,
                              num_words=config.num_words),
                    code=lambda: training_code(config))
        ui.notebook_button(train_notebook(config, lang), lang)

# --- the book's words for what the code does: the loss and optimizer, the validation and test sets -----
book_fit = cfg.PRESETS["lstm"]  # RMSprop(1e-4), batches of 64, up to 100 epochs
with st.expander(t("train_objective_question", lang)):
    st.markdown(t("train_objective_text", lang, p=0.9, pos_loss=curves.binary_crossentropy(1, 0.9),
                  neg_loss=curves.binary_crossentropy(0, 0.9), lr=book_fit.learning_rate,
                  batch=book_fit.batch_size, epochs=book_fit.epochs))
with st.expander(t("train_test_question", lang)):
    st.markdown(t("train_test_text", lang, total=cfg.BOOK_TRAIN_SIZE + cfg.BOOK_VAL_SIZE, val=cfg.BOOK_VAL_SIZE,
                  train=cfg.BOOK_TRAIN_SIZE, test=cfg.TEST_SIZE))
ui.book_vs_keras3(lang, ("pad_sequences", "input_length", "input_shape", "h5"))

ui.keep_settings(settings)


# --- starting a run -----------------------------------------------------------------------------------
def launch(config: cfg.RunConfig) -> None:
    """The start button's callback: it runs before the page, so the page already shows the run (and a
    disabled button) in the same rerun."""
    warm_up.stop()  # the run fills the same caches itself, on cores it then need not share
    try:
        run_id = launch_run(store, config, owner=visitor)
    except runs.RunError as error:
        st.session_state[P + "launch_error"] = (error.key, error.params)
    else:
        st.session_state[P + "watch"] = run_id
        ui.set_choice(P + "compare", [run_id, *(ui.current_choice(P + "compare", lang) or [])][:4])
        ui.set_choice(P + "selected", run_id)  # the live box below names it: no message that would stay


waiting = training_lab.wait_reason(active, queue, visitor)
wait_reason = t(waiting[0], lang, **waiting[1]) if waiting else None
will_queue = training_lab.queue_note(active, queue, limits.max_runs)
if config is not None:
    b1, b2 = st.columns([1, 3], vertical_alignment="center")
    b1.button(t("train_launch", lang), type="primary", key=P + "launch", on_click=launch, args=(config,),
              disabled=data_error is not None or wait_reason is not None or limit_error is not None)
    if wait_reason:
        b2.caption(wait_reason)
    elif will_queue:
        b2.caption(t(will_queue[0], lang, **will_queue[1]))
    elif warm_up.start(len(active)):  # a fresh machine: a first run's caches fill while the learner reads
        b2.caption(t("train_warming_up", lang))
    failed_launch = st.session_state.pop(P + "launch_error", None)
    if failed_launch and failed_launch[0] == "train_err_already_queued":  # a second tab's click: no fault
        st.info(t(failed_launch[0], lang, **failed_launch[1]))
    elif failed_launch:
        st.error(markup.fill(t(failed_launch[0], lang), failed_launch[1]))

# --- the run being trained, its result, the runs table -------------------------------------------------
def show_metrics(run: runs.Run) -> None:
    m = st.columns(4)
    m[0].metric(t("train_metric_best_epoch", lang), run.best_epoch or "–")
    m[1].metric(t("train_metric_val_loss", lang), f"{run.best_val_loss:.4f}" if run.best_val_loss else "–")
    m[2].metric(t("train_metric_val_acc", lang), f"{run.best_val_accuracy:.4f}" if run.best_val_accuracy else "–")
    m[3].metric(t("train_metric_speed", lang), charts_train.duration_text(run.seconds_per_epoch, lang))


def live_figure(run: runs.Run):
    """The live run's curves, built again only when an epoch has been added (building takes ~0.2 s)."""
    colour = colours.get(run.id, charts_train.run_colour(0))
    key = (run.id, run.epochs_run, run.state, lang, colour)
    cached = st.session_state.get(P + "live_figure")
    if cached is None or cached[0] != key:
        figure = charts_train.history_figure([run], lang, labels=[charts_train.run_label(run, lang)],
                                             colours=[colour])
        cached = (key, figure)
        st.session_state[P + "live_figure"] = cached
    return cached[1]


def show_live(run: runs.Run) -> None:
    with st.container(border=True, key=P + "live"):
        st.markdown(f"**{t('train_live_title', lang)}** · {charts_train.run_label(run, lang, state=True)}")
        phase = run.status.phase or "queued"
        if not run.epochs_run:  # before the first curve point: each step, as the worker timed it
            st.markdown("  \n".join(charts_train.step_lines(run, lang)))
            st.caption(t("train_steps_note", lang))
        if phase in ("training", "testing"):
            st.progress(training_lab.progress_fraction(run), text=charts_train.progress_text(run, lang)
                        if phase == "training" else t("train_phase_testing", lang))
        else:
            st.progress(0.0, text=t(f"train_phase_{phase}", lang))
        if run.epochs_run:
            st.caption(" ".join(filter(None, [charts_train.first_point_text(run, lang),
                                              t("train_remaining_note", lang)])))
            show_metrics(run)
            st.plotly_chart(live_figure(run), width="stretch", key=f"live_{run.id}")
        if store.stop_requested(run.id):
            st.info(t("train_stop_requested", lang))
        elif not (operator or run.changeable_by(visitor)):
            st.caption(t("train_not_yours_note", lang))
        elif st.button(t("train_stop", lang), key=f"stop_{run.id}"):
            try:
                store.request_stop(run.id, visitor=None if operator else visitor)
            except runs.RunError as error:  # a read-only runs folder
                st.error(t(error.key, lang, **error.params))
            else:
                st.info(t("train_stop_requested", lang))


def show_stalled(run: runs.Run) -> None:
    """A run whose worker stopped reporting (frozen): why it no longer blocks a start, and End for its owner."""
    with st.container(border=True, key=f"{P}stalled_{run.id}"):
        st.warning(f"{charts_train.run_label(run, lang)} · " + t(
            "train_stalled_msg", lang, time=charts_train.duration_text(run.silent_seconds, lang)))
        if run.unanswered:
            st.caption(t("train_cluster_silent", lang))
        if not (operator or run.changeable_by(visitor)):
            st.caption(t("train_not_yours_note", lang))
        elif st.button(t("train_end", lang), key=f"end_{run.id}", help=t("train_end_help", lang)):
            try:
                store.end(run.id, visitor=visitor, operator=operator)
            except runs.RunError as error:
                st.error(t(error.key, lang, **{**error.params, "run": charts_train.run_label(run, lang, False)}))
            else:
                st.rerun()  # the whole page: the run's state, the start button


def show_waiting(run: runs.Run, listed: list[runs.Run]) -> None:
    """The visitor's run in the queue: its place, when it should start, and Cancel."""
    place, total = run_queue.place(listed, run.id)
    eta = run_queue.expected_start(listed, run.id, limits.max_runs)
    with st.container(border=True, key=f"{P}waiting_{run.id}"):
        st.markdown(f"**{t('train_waiting_title', lang)}** · {charts_train.run_label(run, lang)}")
        st.markdown(f"#### {t('train_queue_place', lang, place=place, total=total)}")
        st.caption(t("train_queue_eta", lang, time=charts_train.duration_text(eta, lang)) if eta is not None
                   else t("train_queue_eta_unknown", lang))
        if st.button(t("train_cancel", lang), key=f"cancel_{run.id}"):
            try:
                cancelled = run_queue.cancel(store, run.id, visitor)
            except runs.RunError as error:  # a read-only runs folder
                st.error(markup.fill(t(error.key, lang), {**error.params, "run": charts_train.run_label(run, lang)}))
                return
            if not cancelled:
                st.info(t("train_cancel_started", lang))
            else:
                st.rerun()  # the whole page: the start button, the queue


def show_queue(queue: list[runs.Run]) -> None:
    """Every run waiting for a slot, apart from the runs table: place, name, whose."""
    with st.expander(t("train_queue_title", lang, n=len(queue)), expanded=True):
        st.caption(t("train_queue_caption", lang, limit=limits.max_runs))
        with st.container(key=P + "queue_table"):
            st.dataframe(training_lab.queue_rows(queue, visitor, lang), hide_index=True, width="stretch")


def show_failure(run: runs.Run) -> None:
    """A failed run's error, in the page's language when the worker named it (error_key)."""
    st.error(t("train_failed_msg", lang, error=charts_train.failure_text(run, lang)))  # run-file words as text


def show_result(run: runs.Run) -> None:
    """The card of a run this session started, once it has ended: beside the reference runs of its model."""
    with st.container(border=True, key=P + "result"):
        st.markdown(f"**{t('train_result_title', lang)}** · {charts_train.run_label(run, lang, state=True)}")
        if run.state == runs.FAILED:
            show_failure(run)
            return
        st.table(charts_train.result_table(run, reference_runs, lang))
        if run.test_accuracy is None:
            st.caption(t("train_result_not_tested", lang))
        row = charts_train.reference_mean(run, reference_runs)
        if row is None:
            st.caption(t("train_result_no_reference", lang))
        if run.config and run.config.max_train_samples:
            note = "train_result_quick_note" if row is not None else "train_result_quick_only"
            extra = dict(val=row["val_accuracy"], test=row["test_accuracy"]) if row is not None else {}
            st.caption(t(note, lang, n=run.config.train_samples, epochs=run.max_epochs, **extra))


def show_runs_table(listed: list[runs.Run]) -> None:
    everything = st.session_state.get(P + "all_columns", False)
    st.dataframe(charts_train.runs_table(listed, lang, everything=everything), hide_index=True, width="stretch")


def live_section() -> None:
    """The run being trained (refreshed every 0.5 or 2 s), the result of the one this session started,
    and the learner's runs table, refreshed together so the table never lags the progress bar."""
    ui.pace_reruns()  # the fragment's own reruns: paced as the page's
    now_runs = read_runs()
    now_active = [run for run in now_runs if run.active]
    now_queue = run_queue.waiting(now_runs)
    mine_waiting = run_queue.waiting_of(now_queue, visitor)
    if len(now_active) < len(active) or (run_queue.waiting_of(queue, visitor) and not mine_waiting):
        st.rerun()  # a run has ended, or yours left the queue, since the page was drawn: redraw it all
    if mine_waiting is not None:  # first: what this visitor waits for, then the run training now
        ui.note_waiting_run(mine_waiting.id)  # seen now; every page of this session keeps it seen
        show_waiting(mine_waiting, now_runs)
    if now_active:
        run = training_lab.watched_run(now_active, st.session_state.get(P + "watch"))
        if len(now_active) > 1:
            st.caption(t("train_busy_info", lang, run=", ".join(charts_train.run_label(r, lang, state=True) for r in now_active)))
        show_live(run)
    for run in now_runs:
        if run.state == runs.STALLED:
            show_stalled(run)
    watched = next((r for r in now_runs if r.id == st.session_state.get(P + "watch")), None)
    if watched is not None and not watched.live:
        show_result(watched)
    # The learner's runs and the reference runs are never in one table; the queue has its own.
    finished_or_running = [run for run in now_runs if run.state != runs.WAITING]
    mine = run_choice.mine(finished_or_running, visitor)
    theirs = [run for run in finished_or_running if run not in mine]
    if ui.presenting():  # the projector view: the live run above, no run management
        return
    if now_queue:
        show_queue(now_queue)
    st.subheader(t("train_mine_title", lang))
    st.toggle(t("train_more_columns", lang), key=P + "all_columns")
    if mine:
        with st.container(key=P + "mine_table"):
            show_runs_table(mine)
    elif mine_waiting is None:  # a waiting run is shown above and in the queue
        st.info(t("train_no_runs", lang))
    if theirs:
        with st.expander(t("train_others_title", lang, n=len(theirs))):
            show_runs_table(theirs)
    if reference_runs and revealed:  # their accuracies answer the question above
        with st.expander(t("train_reference_title", lang, n=len(reference_runs))):
            st.caption(t("train_reference_caption", lang))
            show_runs_table(reference_runs)


st.fragment(run_every=training_lab.refresh_seconds(active, visitor, queue))(live_section)()


# --- one run: its files, its error, deleting it (not in the projector view) -------------------------------
if listed and not ui.presenting():
    if not (listed and revealed):  # the comparison's menu, which has the switch, is not shown yet
        ui.everybody_switch(P + "everybody", others, lang)
    key = P + "selected"
    first = training_lab.first_selected(own, st.session_state[P + "compare"], menu)
    run = menu[ui.choice(st.selectbox, t("train_selected_run", lang), list(menu), key, lang, format_func=label.get,
                          default=first)]  # a run deleted since, or none chosen yet: your newest run
    if run.state == runs.FAILED:
        show_failure(run)
    elif run.state == runs.INTERRUPTED:
        st.warning(t("train_interrupted_disk_full" if runs.ran_out_of_disk(run) else "train_interrupted_msg", lang))
    if run.state in (runs.FAILED, runs.INTERRUPTED, runs.STALLED):  # the worker's own words: its real error
        with st.expander(t("train_log", lang)):
            st.code(runs.log_tail(run) or "–", language="text")
    if run.state == runs.BROKEN:
        st.warning(t("train_broken_msg", lang))
        reasons = charts_train.damage_lines(run, lang) or [run.error or "–"]
        st.code("\n".join(reasons), language="text")  # they quote the files: shown as text, never Markdown
    d1, d2, d3 = st.columns(3)
    history_csv = run.history_csv()  # None for a link or a file over its limit
    if history_csv is not None:
        d1.download_button(t("train_download_history", lang), history_csv,
                           file_name=f"history-{run.id}.csv", mime="text/csv", key=P + "dl_history")
    if run.has_model:
        d2.download_button(t("train_download_model", lang), run.model_path.read_bytes,  # read on click, not per rerun
                           file_name=f"{run.preset or 'model'}-{run.id}.keras", mime="application/zip",
                           key=P + "dl_model")
    else:
        d2.caption(t("train_no_model", lang))
    may_change = (operator or run.changeable_by(visitor)) and not run.is_reference
    if run.is_reference:
        d3.caption(t("train_reference_note", lang))
    elif not may_change:
        d3.caption(t("train_not_yours_note" if run.owner_known else "train_owner_unknown_note", lang))
    elif operator and run.state == runs.WAITING:  # the owner cancels from the queue card; the operator here
        if d3.button(t("train_cancel", lang), key=P + "operator_cancel"):
            run_queue.cancel(store, run.id, None)
            st.rerun()
    elif d3.button(t("train_delete", lang), key=P + "delete", disabled=run.live):
        st.session_state[P + "confirm_delete"] = run.id
    if st.session_state.get(P + "confirm_delete") == run.id and not run.live and may_change:
        st.warning(t("train_delete_confirm", lang, run=label[run.id]))
        y, n = st.columns(2)
        if y.button(t("train_delete_yes", lang), type="primary", key=P + "delete_yes"):
            try:
                store.delete(run.id, visitor=visitor, operator=operator)
            except runs.RunError as error:
                st.error(markup.fill(t(error.key, lang), {**error.params, "run": label[run.id]}))
            else:
                st.session_state.pop(P + "confirm_delete", None)
                st.rerun()
        if n.button(t("train_delete_no", lang), key=P + "delete_no"):
            st.session_state.pop(P + "confirm_delete", None)
            st.rerun()

reproduced = results.summarize(reference_runs)  # the reference runs alone
if revealed:  # the book's and the reference figures answer the question above
    with st.expander(t("train_reproduce_title" if reproduced else "train_book_title", lang)):
        if reproduced:
            st.dataframe(charts_train.reproduction_table(reproduced, lang), hide_index=True, width="stretch")
            low, high = training_lab.simple_rnn_range(reproduced)
            st.caption(t("train_reproduce_caption", lang, seeds=max(len(row.seeds) for row in reproduced),
                         low=low, high=high))
        else:
            st.dataframe(charts_train.book_table(lang), hide_index=True, width="stretch")
            st.caption(t("train_book_caption", lang))

def check_operator_token() -> None:
    """The token box's callback: the entry is compared (on the server, in constant time), then forgotten."""
    entered = st.session_state.pop(P + "operator_token", "")
    st.session_state[OPERATOR] = owner.is_operator_token(entered)
    st.session_state[P + "operator_refused"] = not st.session_state[OPERATOR]


if owner.operator_configured() and not ui.presenting():  # a teacher's deployment: one box, at the end
    with st.expander(t("train_operator_title", lang), expanded=operator):
        if operator:
            st.success(t("train_operator_on", lang))
            if st.button(t("train_operator_off", lang), key=P + "operator_off"):
                st.session_state[OPERATOR] = False
                st.rerun()
        else:
            st.text_input(t("train_operator_entry", lang), type="password", key=P + "operator_token",
                          max_chars=256, on_change=check_operator_token)
            if st.session_state.get(P + "operator_refused"):
                st.error(t("train_operator_wrong", lang))

if not ui.presenting():
    with st.expander(t("under_the_hood_title", lang)):  # the training process, the backends
        st.markdown(t("train_under_the_hood", lang))
ui.lesson_nav(path_step, lang)
