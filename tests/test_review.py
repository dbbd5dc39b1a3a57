"""Reading a review with a trained model: the ids, the notes, the verdicts grouped by variant."""

import dataclasses

import numpy as np
import pytest

from rnnviz import data, results, review, run_choice, runs
from rnnviz import text as tx
from rnnviz import weights as weights_file
from rnnviz.text import pad_sequences
from model_helpers import random_weights, user_copy

WORDS = ["the", "and", "a", "of", "to", "is", "br", "in", "it", "i", "this", "that", "was", "as", "for",
         "with", "movie", "but", "film", "on"]  # IMDB ranks 1..20
VOCABULARY = tx.Vocabulary(ranks={w: r for r, w in enumerate(WORDS, start=1)}, num_words=24)


def test_a_typed_review_gets_start_oov_and_padding():
    reading = review.read_text("This movie was GREAT, brachiosaurus!", VOCABULARY, maxlen=8)
    assert reading.ids == [1, 14, 20, 16, 2, 2]  # "great" and "brachiosaurus" are not among the 20 words
    assert reading.padded == [0, 0, 1, 14, 20, 16, 2, 2]
    assert (reading.n_words, reading.n_oov, reading.n_cut) == (5, 2, 0)
    assert reading.notes() == [("review_some_oov", {"n": 2, "share": 0.4})]


def test_notes_for_empty_unknown_and_long_reviews():
    assert review.read_text("  ?!  ", VOCABULARY, 8).notes() == [("review_empty", {})]
    assert review.read_text("", VOCABULARY, 8).notes() == [("review_empty", {})]
    unknown = review.read_text("zyxq qwvz 사랑 😀", VOCABULARY, 8)
    assert unknown.notes() == [("review_all_oov", {"n": 4})]  # the emoji is a token too, as in Keras
    long = review.read_text("the movie " * 50_000, VOCABULARY, 100)  # a 500,000-character paste
    assert long.n_words == 100_000 and long.n_cut == 100_001 - 100 and len(long.seen_rows) == 100
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
    models = run_choice.available_models([runs.RunStore(runs.REFERENCE_RUNS_DIR)])
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


@pytest.mark.slow
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


def test_a_visitors_run_is_never_a_seed_of_a_reference_variant(tmp_path):
    references = run_choice.available_models([runs.RunStore(runs.REFERENCE_RUNS_DIR)])
    lstm = [m for m in references if results.variant_name(m) == "lstm@500"]
    mine = user_copy(lstm[0], tmp_path)  # the same variant and seed as a reference run
    models = run_choice.available_models([runs.RunStore(runs.REFERENCE_RUNS_DIR), runs.RunStore(tmp_path)])
    assert models[-1].id == mine.id and not models[-1].is_reference  # the visitor's runs come last
    scores = [0.9 if m.is_reference else 0.1 for m in models]
    groups = review.by_variant(models, scores)
    reference_lstm = next(g for g in groups if g.variant == "lstm@500")
    assert reference_lstm.scores == [0.9] * len(lstm) and reference_lstm.reference  # still 3 seeds, mean 0.9
    assert groups[-1] == review.VariantScore(f"run:{mine.id}", [0.1], reference=False)
    assert mine.id not in {s.id for s in results.siblings(lstm[0], models)}
    assert {s.id for s in results.siblings(lstm[0], models)} == {m.id for m in lstm[1:]}
    assert results.siblings(models[-1], models) == []


def test_a_long_review_is_numbered_only_where_the_model_and_the_page_look():
    tokens = [WORDS[i % len(WORDS)] for i in range(5_000)] + ["zyxq"] * 3
    whole = [1, *VOCABULARY.encode(tokens, start=False)]  # START and every id: what the page used to number
    reading = review.read_tokens(review.ReviewTokens.of(tokens), VOCABULARY, maxlen=10)
    assert len(reading.rows) == review.kept_rows(10) and reading.ids == whole[-review.kept_rows(10):]
    assert reading.padded == whole[-10:] and (reading.n_words, reading.n_oov, reading.n_cut) == (5_003, 3, 4_994)
    weights = random_weights(num_words=24)
    np.testing.assert_allclose(weights_file.prefix_predictions(weights, reading.ids, 10),
                               weights_file.prefix_predictions(weights, whole, 10))  # every window is kept
