"""Try a review (book 9-2, 9-3): trained models read a review word by word, in numpy."""

import random

import streamlit as st

import ui
from rnnviz import charts, charts_cells, charts_review, data, markup, notebooks, results, review, run_choice, runs
from rnnviz import snippets
from rnnviz import weights as weights_file  # `weights` is the chosen run's arrays here
from rnnviz import text as tx
from rnnviz.charts import KIND_COLOURS
from rnnviz.charts_train import run_label, short_label
from rnnviz.i18n import t
from rnnviz.url_values import bounded_int, one_of  # URL parsers for ui.setting

lang = ui.language()
path_step, _ = ui.lesson_step("views/review.py")  # the chapter's path: ?step=
ui.header(("section_9_2", "section_9_3"), "page_review", "review_lead", lang)
P = "rv_"  # this page's widget keys


def files_of(run: runs.Run) -> tuple:
    """A listed run's weights and vocabulary, as `loadable` found them in this run of the page."""
    return loaded[run.id]


def loadable(run: runs.Run) -> bool:
    """Whether the run's files load; they are kept for the page (`files_of`). rnnviz reads each file once
    per version (device, inode, mtime, size), but every look still opens and checks it: once per page run
    is enough (with a class on one server, each open gives the GIL away and waits to get it back)."""
    try:
        loaded[run.id] = review.load_model_files(run)
    except (review.ModelFilesError, OSError, runs.RunError) as error:
        broken.append(f"{run_label(run, lang, visitor=visitor) if run.config else run.id} ({error})")
        return False
    return True


visitor = ui.visitor_id()
listed = run_choice.available_models([runs.RunStore(runs.reference_runs_dir()), runs.RunStore()])
# The review and the model side by side; the model menu, then the switch that adds other visitors' runs to it.
left, right = st.columns([3, 2])
model_menu = right.container()
everybody = ui.everybody_switch(P + "everybody", len(listed) - len(run_choice.not_others(listed, visitor)), lang, right)
broken: list[str] = []
loaded: dict[str, tuple] = {}  # run id -> (weights, vocabulary)
models = [run for run in run_choice.shown(listed, visitor, everybody) if loadable(run)]
if broken:
    st.warning(t("review_broken_models", lang, runs=markup.escape("; ".join(broken))))
if not models:
    st.warning(t("review_no_models", lang))
    st.page_link("views/train.py", label=t("oh_go_train", lang, preset="lstm"),
                 query_params={"lang": lang, "train_preset": "lstm"}, icon=":material/arrow_forward:")
    st.stop()
by_id = {run.id: run for run in models}


DEFAULT_VARIANT = "lstm@500"  # the book's best-known model (9-3) is the first one a visitor sees
default_model = results.median_run([m for m in models if m.is_reference and results.variant_name(m) == DEFAULT_VARIANT]
                                  ) or models[0]  # its representative seed (the median validation accuracy)
SOURCES = ("typed", "test")
settings = [ui.setting_key(P + "source", "typed", one_of(SOURCES)),
            ui.setting_key(P + "text", t("review_default", lang), max_chars=review.MAX_REVIEW_CHARS),
            ui.setting_key(P + "index", 0, bounded_int(0, 24_999)),
            ui.setting_key(P + "model", default_model.id, one_of(tuple(by_id)))]

# --- the review and the model ------------------------------------------------------------------
# The two choice widgets show translated labels: one widget per language (ui.choice).
source = ui.choice(left.radio, t("review_source", lang), SOURCES, P + "source", lang,
                   format_func=lambda v: t(f"review_source_{v}", lang), horizontal=True)
run = by_id[ui.choice(model_menu.selectbox, t("review_model", lang), list(by_id), P + "model", lang,
                      format_func=lambda i: run_label(by_id[i], lang, visitor=visitor),
                      default=default_model.id)]  # a run deleted since: the default
weights, vocabulary = files_of(run)
maxlen = run.config.maxlen
model_menu.caption(t("review_model_note", lang, num_words=run.config.num_words, maxlen=maxlen,
                val=run.best_val_accuracy or float("nan"), test=run.test_accuracy or float("nan")))

full_ids = None
if source == "typed":
    typed = ui.text_box(left.text_area, t("review_text", lang), P + "text", review.MAX_REVIEW_CHARS, lang,
                        note_key="review_too_long", height=100)
    review_tokens = review.ReviewTokens.of_text(typed)  # tokenized once, for every model
else:
    def pick_random() -> None:
        st.session_state[P + "index"] = random.randrange(25_000)

    c1, c2 = left.columns([3, 1], vertical_alignment="bottom")
    c1.number_input(t("review_index", lang), 0, 24_999, key=P + "index")
    c2.button(t("review_random", lang), on_click=pick_random, width="stretch")
    try:
        with st.spinner(t("review_loading", lang)):
            reviews = ui.imdb_test_reviews()
    except data.DataUnavailableError as error:
        left.error(error.message(lang))
        left.caption(t("review_test_missing", lang))
        ui.keep_settings(settings)
        st.stop()
    index = int(st.session_state[P + "index"])
    full_ids = reviews.review(index)
    label = int(reviews.labels[index])
    full_vocabulary = tx.Vocabulary.from_word_index(ui.imdb_word_index(), None)
    left.markdown(t("review_label", lang, label=t("review_positive" if label else "review_negative", lang)))
    review_tokens = review.tokens_of_test_review(full_ids, full_vocabulary)
    with left.expander(t("review_decoded", lang, n=len(full_ids) - 1), expanded=True):
        st.markdown(markup.escape(" ".join(review_tokens.tokens)))

# Each model numbers the one tokenization with its own vocabulary and maxlen.
readings = {model.id: review.read_tokens(review_tokens, files_of(model)[1], model.config.maxlen) for model in models}
reading = readings[run.id]
for key, params in reading.notes():
    (st.info if key == "review_empty" else st.warning)(t(key, lang, **params))
if reading.n_words == 0:
    ui.keep_settings(settings)
    st.stop()

# --- 1. the ids the model reads -----------------------------------------------------------------
cells = tx.padding_layout([reading.grid_rows()], maxlen)
st.plotly_chart(charts.padding_grid_figure(cells, 1, maxlen, lang), width="stretch")  # the page's first picture
st.caption(t("review_ids_title", lang) + " — " + t("review_ids_text", lang, words=reading.n_words, maxlen=maxlen,
           num_words=run.config.num_words, oov=reading.n_oov, cut=reading.n_cut, pads=max(maxlen - reading.length, 0)))

# --- 2, 3. what the models say: predicted first -----------------------------------------------------
scores = [weights_file.predict(files_of(model)[0], readings[model.id].padded) for model in models]
chosen_score = scores[models.index(run)]
seen = reading.seen_rows
labels = [row.token if row.kind != tx.KIND_OOV else f"({row.token})" for row in seen]  # (seen,)
verdict_key = "review_verdict_" + review.reading_digest(run.id, reading.padded)  # asked again for a new review
revealed = ui.predict(verdict_key, t("review_verdict_q", lang, model=run_label(run, lang, visitor=visitor)),
                      [t("review_positive", lang), t("review_negative", lang)], answer=0 if chosen_score > 0.5 else 1,
                      why=t("review_verdict_why", lang, score=chosen_score), lang=lang)
if revealed:
    st.subheader(t("review_verdicts_title", lang))
    groups = review.by_variant(models, scores)  # the reference seeds averaged; each of the visitor's runs alone
    first_of = {results.group_name(model): model for model in reversed(models)}
    st.plotly_chart(charts_review.verdicts_figure(
        groups, [run_label(first_of[g.variant], lang, seed=False, visitor=visitor) for g in groups],
        [first_of[g.variant].config.cell for g in groups], lang), width="stretch")
    positive = sum(score > 0.5 for score in scores)
    seeds = max((len(g.scores) for g in groups if g.reference), default=1)
    yours = sum(not g.reference for g in groups)
    st.markdown(t("review_verdicts_text", lang, positive=positive, total=len(scores),
                  chosen=chosen_score, seeds=seeds)
                + (" " + t("review_verdicts_yours", lang, n=yours) if yours else ""))

    # --- 3. the prediction after each word ----------------------------------------------------------------
    st.subheader(t("review_prefix_title", lang))
    siblings = results.siblings(run, models)  # the other reference seeds; none for a visitor's run
    colour = KIND_COLOURS.get(run.config.cell, charts.PALETTE["weight"])
    curves = [(short_label(run, lang, visitor), weights_file.prefix_predictions(weights, reading.ids, maxlen), colour, 3.5)]
    curves += [(short_label(m, lang, visitor), weights_file.prefix_predictions(files_of(m)[0], readings[m.id].ids, maxlen),
                colour, 1.5) for m in siblings]
    st.plotly_chart(charts_review.prefix_figure(labels, curves, lang), width="stretch")
    movers = review.movers(labels, curves[0][1])
    st.markdown(t("review_prefix_text", lang, first=curves[0][1][0], last=curves[0][1][-1],
                  up=", ".join(f"**{markup.escape(w)}** ({d:+.2f})" for w, d in movers.up) or "–",
                  down=", ".join(f"**{markup.escape(w)}** ({d:+.2f})" for w, d in movers.down) or "–")
                + ("" if run.is_reference and not siblings
                   else " " + t("review_prefix_siblings" if siblings else "review_prefix_alone", lang)))
    st.caption(t("review_prefix_caption", lang, maxlen=maxlen))

# --- 4. the hidden state of the trained model ---------------------------------------------------------
st.subheader(t("review_hidden_title", lang))
trace = weights_file.first_layer_trace(weights, reading.padded)
tokens = [tx.MARKERS[tx.PAD]] * (maxlen - len(seen)) + labels  # (maxlen,)
first_word = maxlen - len(seen) + 1  # the 1-based step of START (or of the first kept token)
if st.session_state.get(P + "step_for") != (run.id, tuple(reading.padded)):  # a new review: start at its first token
    st.session_state["step_t"] = first_word
    st.session_state[P + "step_for"] = (run.id, tuple(reading.padded))
st.markdown(t("review_hidden_text", lang, cell=run.config.cell, units=run.config.units, maxlen=maxlen,
              first=first_word, layers=run.config.layers))
show_padding = st.toggle(t("review_show_padding", lang, pads=first_word - 1), key=P + "show_pad",
                         disabled=first_word == 1)
first_shown = 1 if show_padding else first_word


def draw(step_t: int) -> None:
    if run.config.cell == "SimpleRNN":
        figure = charts_cells.hidden_step_figure(trace, tokens, lang, active=step_t, first=first_shown,
                                                 onehot=run.config.inputs == "onehot", max_labels=12)
    else:
        figure = charts_cells.cell_step_figure(run.config.cell, trace, tokens, lang, active=step_t,
                                               first=first_shown, max_labels=12)
    ui.step_chart(st, figure)
    st.markdown(t("step_at", lang, t=step_t, token=markup.escape(tokens[step_t - 1])))


ui.timestep_player(lang, first_shown, maxlen, draw, key="review", share=False)
st.caption(t("review_step_caption", lang))

# --- code and a question on unknown words -----------------------------------------------------------------------------------
if not ui.presenting():
    folder = run.path.relative_to(runs.APP_ROOT) if run.path.is_relative_to(runs.APP_ROOT) else run.path
    text_for_code = (tx.without_format_characters(typed)[0] if full_ids is None  # as the page tokenized it
                     else " ".join(review_tokens.tokens))
    ui.code_box(t("review_code_title", lang), "review_code",
                caption=t("review_code_caption", lang, score=chosen_score) if revealed else "",  # the score is the answer
                code=lambda: snippets.review_code(text_for_code, folder.as_posix(), maxlen))
    ui.notebook_button(notebooks.review_notebook(text_for_code, run.config, run_label(run, lang, visitor=visitor),
                                                 folder.as_posix(), lang), lang)

unknown = review.read_tokens(review.ReviewTokens.of(["zyxq", "qwvz"]), vocabulary, maxlen)
ui.predict("review_quiz", t("review_quiz_q", lang, num_words=run.config.num_words),
           [t(f"review_quiz_a{i}", lang) for i in range(3)], answer=0,
           why=t("review_quiz_why", lang, ids=str([i for i in unknown.padded if i][:8]),
                 score=weights_file.predict(weights, unknown.padded)), lang=lang)
ui.keep_settings(settings)
ui.lesson_nav(path_step, lang)
