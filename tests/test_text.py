import gzip
import random

import keras
import numpy as np
import pandas as pd
import pytest

from rnnviz import text as tx
from rnnviz.text import OOV, PAD, START, Vocabulary, pad_sequences, tokenize


def generated_cases():
    rng = random.Random(0)
    for _ in range(300):
        sequences = [[rng.randint(1, 50) for _ in range(rng.choice([0, 0, 1, 3, 7, 12]))]
                     for _ in range(rng.randint(1, 6))]
        longest = max(len(s) for s in sequences)
        for maxlen in {None, 1, max(longest - 2, 1), longest or 1, longest + 3}:
            yield sequences, maxlen, rng.choice(["pre", "post"]), rng.choice(["pre", "post"])


def test_pad_sequences_equals_keras_on_generated_cases():
    count = 0
    for sequences, maxlen, padding, truncating in generated_cases():
        ours = pad_sequences(sequences, maxlen=maxlen, padding=padding, truncating=truncating)
        theirs = keras.utils.pad_sequences(sequences, maxlen=maxlen, padding=padding, truncating=truncating)
        assert ours.dtype == theirs.dtype
        np.testing.assert_array_equal(ours, theirs)
        count += 1
    assert count > 1000


def test_pad_sequences_value_and_all_empty():
    sequences = [[], [5, 6], []]
    for maxlen in (None, 4):
        np.testing.assert_array_equal(pad_sequences(sequences, maxlen=maxlen, value=9),
                                      keras.utils.pad_sequences(sequences, maxlen=maxlen, value=9))
    assert pad_sequences([[], []]).shape == keras.utils.pad_sequences([[], []]).shape == (2, 0)


@pytest.mark.parametrize("kwargs, word", [
    ({"maxlen": 0}, "maxlen"), ({"maxlen": -3}, "maxlen"),
    ({"padding": "middle"}, "padding"), ({"truncating": "both"}, "truncating"),
])
def test_pad_sequences_rejects_bad_arguments_clearly(kwargs, word):
    with pytest.raises(ValueError, match=word):
        pad_sequences([[1, 2, 3]], **kwargs)


def test_tokenize_follows_imdb_normalisation():
    assert tokenize("I like brachiosaurus!") == ["i", "like", "brachiosaurus"]
    assert tokenize("Great<br /><br />movie") == ["great", "br", "br", "movie"]  # as in IMDB's ids
    assert tokenize("Don't STOP... now") == ["don't", "stop", "now"]
    assert tokenize("") == tokenize("?!.,;") == tokenize("   ") == []
    assert tokenize("이 영화 정말 재미있어요") == ["이", "영화", "정말", "재미있어요"]
    assert tokenize("fun 😀!") == ["fun", "😀"]
    assert tokenize("ÉCOLE École") == ["École", "École"]  # ASCII letters only are lowercased


def test_reserved_ids_and_decode():
    assert (PAD, START, OOV, tx.INDEX_FROM) == (0, 1, 2, 3)
    vocabulary = Vocabulary.from_word_index({"the": 1, "movie": 2, "great": 600}, num_words=500)
    assert vocabulary.encode("The movie was great") == [1, 4, 5, 2, 2]
    assert vocabulary.encode(["movie"], start=False) == [5]
    assert vocabulary.decode([0, 1, 4, 5, 2]) == ["<pad>", "<start>", "the", "movie", "<oov>"]


def test_from_word_index_cuts_like_load_data(local_data):
    from rnnviz import data

    word_index = data.load_word_index()
    vocabulary = Vocabulary.from_word_index(word_index, num_words=500)
    assert vocabulary.size == 500
    assert vocabulary.token_id("the") == 4
    assert vocabulary.token_id("br") == 7 + 3
    ranked_496 = next(w for w, r in word_index.items() if r == 496)
    ranked_497 = next(w for w, r in word_index.items() if r == 497)
    assert vocabulary.token_id(ranked_496) == 499 and vocabulary.token_id(ranked_497) == OOV


def test_fit_orders_by_frequency_then_first_appearance():
    vocabulary = Vocabulary.fit(["the cat sat", "the dog"], num_words=None)
    assert vocabulary.encode("the cat sat dog bird") == [1, 4, 5, 6, 7, 2]
    assert Vocabulary.fit(["a a b c"], num_words=6).encode("a b c") == [1, 4, 5, 2]
    with pytest.raises(ValueError, match="num_words"):
        Vocabulary.fit(["a"], num_words=0)


@pytest.mark.slow
def test_retokenised_reviews_equal_load_data_sequences(local_data):
    """The tokens page's encoding reproduces Keras's IMDB ids for real reviews."""
    from rnnviz import data

    word_index = data.load_word_index()
    (x_train, _), (x_test, _) = data.load_imdb(num_words=500)
    # load_data shuffles each split with seed 113; undo it to find each stored review.
    order = {}
    rng = np.random.RandomState(113)
    for split, size in (("train", 25_000), ("test", 25_000)):
        shuffled = np.arange(size)
        rng.shuffle(shuffled)
        order[split] = {int(stored): position for position, stored in enumerate(shuffled)}
    with gzip.open(imdb_dir_csv(local_data), "rt", encoding="utf-8") as handle:
        reviews = pd.read_csv(handle, nrows=None, usecols=["split", "npz_index", "text"])
    sample = reviews.sample(n=400, random_state=0)
    vocabulary = Vocabulary.from_word_index(word_index, num_words=500)
    checked = 0
    for split, npz_index, review in sample.itertuples(index=False):
        # Words unseen in training were dropped from the test sequences, as Keras notes.
        tokens = [tk for tk in tokenize(review) if tk in word_index]
        expected = (x_train if split == "train" else x_test)[order[split][int(npz_index)]]
        assert vocabulary.encode(tokens) == expected
        checked += 1
    assert checked == 400


def imdb_dir_csv(folder):
    """The reviews' raw text, which only the offline copy has (Keras's download holds ids)."""
    path = folder / "imdb_reviews.csv.gz"
    if not path.is_file():
        pytest.skip(f"no {path.name} in {folder}: the raw reviews come with the offline copy only")
    return path


def test_split_sentences_handles_bad_input():
    assert tx.split_sentences("") == ([], [])
    assert tx.split_sentences("\n \n\t") == ([], [])
    sentences, notes = tx.split_sentences("x" * 100_000)
    assert len(sentences[0]) == tx.MAX_SENTENCE_CHARS and notes[0][0] == "tokens_line_cut"
    sentences, notes = tx.split_sentences("\n".join(f"s{i}" for i in range(30)))
    assert len(sentences) == tx.MAX_SENTENCES and notes[0] == ("tokens_too_many_lines", {"n": 30, "limit": 12})


def test_sentence_notes_explain_empty_and_oov():
    vocabulary = Vocabulary.from_word_index({"the": 1, "movie": 2}, num_words=500)
    assert tx.sentence_notes(1, tx.explain(vocabulary, "?!"), "imdb")[0][0] == "tokens_no_tokens"
    assert tx.sentence_notes(2, tx.explain(vocabulary, "이 영화 😀"), "imdb")[0][0] == "tokens_all_oov"
    assert tx.sentence_notes(3, tx.explain(vocabulary, "the movie rocks"), "imdb") == [
        ("tokens_some_oov", {"line": 3, "n": 1})]
    assert tx.sentence_notes(4, tx.explain(vocabulary, "the movie"), "imdb") == []


@pytest.mark.parametrize("padding", ["pre", "post"])
@pytest.mark.parametrize("truncating", ["pre", "post"])
def test_padding_layout_matches_pad_sequences(padding, truncating):
    vocabulary = Vocabulary.fit(["a b c d e f g", "a b"])
    sentences = [tx.explain(vocabulary, s) for s in ("a b c d e f g", "a b", "")]
    maxlen = 5
    cells = tx.padding_layout(sentences, maxlen, padding, truncating)
    matrix = pad_sequences([[r.token_id for r in rows] for rows in sentences], maxlen, padding, truncating)
    inside = [c for c in cells if 0 <= c.column < maxlen]
    assert len(inside) == 3 * maxlen
    for cell in inside:
        assert cell.token_id == matrix[cell.row, cell.column]
        assert (cell.kind == tx.KIND_PAD) == (cell.token_id == PAD)
    cut = [c for c in cells if c.kind == tx.KIND_CUT]
    assert len(cut) == 8 - maxlen and all(c.row == 0 for c in cut)
    cut_tokens = [c.token for c in sorted(cut, key=lambda c: c.column)]
    assert cut_tokens == (["<start>", "a", "b"] if truncating == "pre" else ["e", "f", "g"])
    assert all(c.column < 0 for c in cut) if truncating == "pre" else all(c.column >= maxlen for c in cut)


def test_truncation_example_shows_the_kept_end_or_nothing():
    vocabulary = Vocabulary.fit(["a b c d e f"])
    rows = [tx.explain(vocabulary, "a b c"), tx.explain(vocabulary, "a b c d e f")]  # 4 and 7 tokens
    assert tx.truncation_example(rows, 3) == "… d e f"
    assert tx.truncation_example(rows, 7) is None  # nothing cut: no example to show
    assert tx.truncation_example(rows, 2, shown=1) == "… e …"
    assert tx.truncation_example([], 5) is None


def test_format_characters_are_removed_before_tokenizing():
    # U+202E turns the line around; U+200B, U+FEFF and U+2060 are invisible: none may stick to a word
    assert tokenize("\u202eThis film\u200b was\ufeff terrible\u2060") == ["this", "film", "was", "terrible"]
    sentences, notes = tx.split_sentences("\u202eThis film was terrible\n\u200bok")
    assert sentences == ["This film was terrible", "ok"] and notes == [("tokens_format_removed", {"n": 2})]
    assert tx.split_sentences("plain") == (["plain"], [])
