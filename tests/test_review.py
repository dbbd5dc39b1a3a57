"""Reading a review with a trained model: the ids, the notes, the after-each-word predictions."""

import dataclasses

import numpy as np
import pytest

from rnnviz import data, encoding, review, runs
from rnnviz import text as tx
from rnnviz.cells import LSTMCell
from rnnviz.text import pad_sequences

WORDS = ["the", "and", "a", "of", "to", "is", "br", "in", "it", "i", "this", "that", "was", "as", "for",
         "with", "movie", "but", "film", "on"]  # IMDB ranks 1..20
VOCABULARY = tx.Vocabulary(ranks={w: r for r, w in enumerate(WORDS, start=1)}, num_words=24)


def random_weights(kind="LSTM", inputs="embedding", layers=1, num_words=20, seed=0):
    """A weights.npz-like dict of a small random model (layout of rnnviz.train.weight_arrays)."""
    from rnnviz.cells import CELLS

    rng = np.random.default_rng(seed)
    weights = {"cell": np.array(kind), "inputs": np.array(inputs)}
    width = 4 if inputs == "embedding" else num_words
    if inputs == "embedding":
        weights["embedding"] = rng.normal(0, 0.5, (num_words, 4))
    for i in range(layers):
        cell = CELLS[kind].random(width if i == 0 else 3, 3, seed=seed + i)
        kernel, recurrent, bias = cell.get_weights()
        weights.update({f"rnn{i}_kernel": kernel, f"rnn{i}_recurrent_kernel": recurrent, f"rnn{i}_bias": bias})
    weights.update(dense_kernel=rng.normal(0, 1, (3, 1)), dense_bias=np.array([0.1]))
    return weights


@pytest.mark.parametrize("kind, inputs, layers", [("SimpleRNN", "onehot", 1), ("SimpleRNN", "embedding", 1),
                                                  ("LSTM", "embedding", 2), ("GRU", "embedding", 1)])
@pytest.mark.parametrize("length", [1, 2, 7, 12, 30])
def test_prefix_predictions_are_the_model_on_each_padded_prefix(kind, inputs, layers, length):
    weights = random_weights(kind, inputs, layers)
    ids = [1, *np.random.default_rng(length).integers(0, 20, length - 1)]
    maxlen = 12
    got = encoding.prefix_predictions(weights, ids, maxlen)
    ends = range(len(ids) - min(len(ids), maxlen) + 1, len(ids) + 1)
    expected = [encoding.predict(weights, pad_sequences([ids[:end]], maxlen=maxlen)[0]) for end in ends]
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-12)
    assert len(got) == min(length, maxlen)
    assert got[-1] == pytest.approx(encoding.predict(weights, pad_sequences([ids], maxlen=maxlen)[0]))


def test_first_layer_trace_is_the_cell_on_the_embedded_review():
    weights = random_weights("LSTM", "embedding", 2)
    padded = [0, 0, 1, 5, 7]
    trace = encoding.first_layer_trace(weights, padded)
    assert trace.h.shape == (5, 3) and trace.c.shape == (5, 3)
    cell = LSTMCell.from_keras_weights([weights["rnn0_kernel"], weights["rnn0_recurrent_kernel"], weights["rnn0_bias"]])
    state = cell.initial_state()
    for step, token in enumerate(padded):
        state, _ = cell.step(weights["embedding"][token], state)
        np.testing.assert_allclose(trace.h[step], state[0])


def test_a_typed_review_gets_start_oov_and_padding():
    reading = review.read_text("This movie was GREAT, brachiosaurus!", VOCABULARY, maxlen=8)
    assert reading.ids == [1, 14, 20, 16, 2, 2]  # "great" and "brachiosaurus" are not among the 20 words
    assert reading.padded == [0, 0, 1, 14, 20, 16, 2, 2]
    assert (reading.words, reading.oov, reading.cut) == (5, 2, 0)
    assert reading.notes() == [("review_some_oov", {"n": 2, "share": 0.4})]


def test_notes_for_empty_unknown_and_long_reviews():
    assert review.read_text("  ?!  ", VOCABULARY, 8).notes() == [("review_empty", {})]
    assert review.read_text("", VOCABULARY, 8).notes() == [("review_empty", {})]
    unknown = review.read_text("zyxq qwvz 사랑 😀", VOCABULARY, 8)
    assert unknown.notes() == [("review_all_oov", {"n": 4})]  # the emoji is a token too, as in Keras
    long = review.read_text("the movie " * 50_000, VOCABULARY, 100)  # a 500,000-character paste
    assert long.words == 100_000 and long.cut == 100_001 - 100 and len(long.seen_rows) == 100
    assert ("review_cut", {"n": 100_001, "maxlen": 100, "cut": 99_901}) in long.notes()
    assert len(long.grid_rows()) == 100 + review.SHOWN_CUT_TOKENS


def test_movers_are_the_largest_rises_and_falls_biggest_first():
    tokens = ["<start>", "the", "film", "was", "not", "great", "but", "fun", "!"]
    scores = [0.50, 0.52, 0.47, 0.47, 0.20, 0.65, 0.60, 0.90, 0.85]
    # changes after each word: the +.02 film -.05 was 0 not -.27 great +.45 but -.05 fun +.30 ! -.05
    moved = review.movers(tokens, scores, count=2)
    assert moved.up == [("great", 0.45), ("fun", 0.3)]  # "the" (+.02) is cut by count
    assert moved.down == [("not", -0.27), ("film", -0.05)]  # "was" (no change) is neither
    everything = review.movers(tokens, scores, count=10)
    assert [word for word, _ in everything.up] == ["great", "fun", "the"]
    assert [word for word, _ in everything.down][0] == "not" and len(everything.down) == 4


def test_variant_groups_average_each_variants_seeds_and_nothing_else():
    models = review.available_models([runs.RunStore(runs.REFERENCE_RUNS_DIR)])
    shuffled = [models[i] for i in np.random.default_rng(0).permutation(len(models))]
    scores = np.linspace(0.05, 0.95, len(shuffled))  # every model a different verdict
    by_setup: dict = {}  # the expected groups: runs whose settings differ only in the seed
    for run, score in zip(shuffled, scores):
        by_setup.setdefault(dataclasses.replace(run.config, seed=0), []).append(float(score))
    groups = review.by_variant(shuffled, scores)
    assert sorted(sorted(g.scores) for g in groups) == sorted(sorted(v) for v in by_setup.values())
    for group in groups:
        assert group.reference and len(group.scores) == 3  # the three reference seeds
        assert group.mean == pytest.approx(np.mean(group.scores))
        assert group.spread == pytest.approx(np.std(group.scores)) and group.spread > 0


def test_test_reviews_match_load_data_at_any_vocabulary(local_data):
    reviews = data.load_test_reviews()
    (_, _), (x_500, y_500) = data.load_imdb(num_words=500)
    assert len(reviews) == 25_000 and (reviews.labels == y_500).all()
    for index in (0, 1, 777, 24_999):
        assert reviews.review(index, 500) == list(x_500[index])
    full = tx.Vocabulary.from_word_index(data.load_word_index(), None)
    model_vocabulary = tx.Vocabulary.from_word_index(data.load_word_index(), 500)
    reading = review.read_ids(reviews.review(0), model_vocabulary, full, maxlen=100)
    assert reading.ids == list(x_500[0])
    assert reading.padded == list(pad_sequences([x_500[0]], maxlen=100)[0])


def user_copy(source: runs.Run, runs_dir, run_id: str = "20991231-235959-abcdef") -> runs.Run:
    """A visitor's run: a reference run's folder copied into the visitor's runs folder."""
    import shutil

    shutil.copytree(source.path, runs_dir / run_id)
    return runs.RunStore(runs_dir).get(run_id)


def test_a_visitors_run_is_never_a_seed_of_a_reference_variant(tmp_path):
    references = review.available_models([runs.RunStore(runs.REFERENCE_RUNS_DIR)])
    lstm = [m for m in references if review.variant_name(m) == "lstm@500"]
    mine = user_copy(lstm[0], tmp_path)  # the same variant and seed as a reference run
    models = review.available_models([runs.RunStore(runs.REFERENCE_RUNS_DIR), runs.RunStore(tmp_path)])
    assert models[-1].id == mine.id and not models[-1].is_reference  # the visitor's runs come last
    scores = [0.9 if m.is_reference else 0.1 for m in models]
    groups = review.by_variant(models, scores)
    reference_lstm = next(g for g in groups if g.variant == "lstm@500")
    assert reference_lstm.scores == [0.9] * len(lstm) and reference_lstm.reference  # still 3 seeds, mean 0.9
    assert groups[-1] == review.VariantScore(f"yours:{mine.id}", [0.1], reference=False)
    assert mine.id not in {s.id for s in review.siblings(lstm[0], models)}
    assert {s.id for s in review.siblings(lstm[0], models)} == {m.id for m in lstm[1:]}
    assert review.siblings(models[-1], models) == []


def test_median_run_and_accuracy_range_of_the_reference_seeds():
    references = [r for r in runs.RunStore(runs.REFERENCE_RUNS_DIR).list()
                  if r.preset == "embedding-simplernn" and r.config.num_words == 500]
    accuracies = sorted(r.best_val_accuracy for r in references)
    assert len(accuracies) == 3
    median = review.median_run(references)
    assert median.best_val_accuracy == accuracies[1]
    assert review.accuracy_range(references) == (accuracies[0], accuracies[-1])
    assert accuracies[-1] - accuracies[0] > 0.1  # one seed in three stalls: the spread is real
    assert review.median_run([]) is None and review.accuracy_range([]) is None
    assert review.median_run(references[:1]) is references[0]


def test_reference_seeds_fall_back_to_the_nearest_vocabulary_and_tables_prefer_the_reference(tmp_path):
    reference = [r for r in runs.RunStore(runs.REFERENCE_RUNS_DIR).list() if r.preset == "onehot-simplernn"]
    assert {r.config.num_words for r in review.reference_seeds(reference, 500)} == {500}
    assert {r.config.num_words for r in review.reference_seeds(reference, 300)} == {200}  # nearer than 500
    assert len(review.reference_seeds(reference, 2000)) == 3 and review.reference_seeds([], 500) == []
    mine = user_copy(reference[0], tmp_path)
    candidates = [mine, *reference]
    ordered = review.reference_first(candidates, 200)
    assert [r.config.num_words for r in ordered[:3]] == [200] * 3 and ordered[-1].id == mine.id
    median = review.median_run(review.reference_seeds(reference, mine.config.num_words))
    assert review.weights_to_show(median, candidates, mine.config.num_words, lambda c: True) is median
    assert review.weights_to_show(None, candidates, mine.config.num_words, lambda c: True).id == mine.id
    assert review.weights_to_show(median, candidates, 1000, lambda c: True) is None  # no run of 1000 words
    assert review.weights_to_show(median, candidates, mine.config.num_words, lambda c: c.units == 99) is None


def test_a_long_review_is_numbered_only_where_the_model_and_the_page_look():
    tokens = [WORDS[i % len(WORDS)] for i in range(5_000)] + ["zyxq"] * 3
    whole = [1, *VOCABULARY.encode(tokens, start=False)]  # START and every id: what the page used to number
    reading = review.read_tokens(review.ReviewTokens.of(tokens), VOCABULARY, maxlen=10)
    assert len(reading.rows) == review.kept_rows(10) and reading.ids == whole[-review.kept_rows(10):]
    assert reading.padded == whole[-10:] and (reading.words, reading.oov, reading.cut) == (5_003, 3, 4_994)
    weights = random_weights(num_words=24)
    np.testing.assert_allclose(encoding.prefix_predictions(weights, reading.ids, 10),
                               encoding.prefix_predictions(weights, whole, 10))  # every window is kept


def test_a_typed_review_is_accepted_up_to_its_limit_with_a_note():
    assert review.accepted_text("short") == ("short", [])
    assert review.accepted_text("x" * (review.MAX_REVIEW_CHARS - 1))[1] == []
    text, notes = review.accepted_text("x" * (review.MAX_REVIEW_CHARS + 5))
    assert len(text) == review.MAX_REVIEW_CHARS
    assert notes == [("review_too_long", {"limit": review.MAX_REVIEW_CHARS})]
