"""Odd input a class will type or paste, and hand-edited links: a message, never a crash.

The full list, with where each case is tested, is docs/bad_input.md.
"""

import functools

import pytest

import conftest
from rnnviz import data
from rnnviz import text as tx


@pytest.fixture
def app(local_data, tmp_path, monkeypatch):
    monkeypatch.setenv("RNNVIZ_RUNS_DIR", str(tmp_path / "runs"))
    return functools.partial(conftest.open_page, timeout=240)  # open(page, lang="en", **link parameters)


def messages(at) -> str:
    return " ".join(x.value for x in [*at.warning, *at.info, *at.error])


# (page, link parameters, widget key, value the widget must show)
LINKS = [
    ("views/tokens.py", {"maxlen": "0"}, "maxlen", 1),
    ("views/tokens.py", {"maxlen": "301"}, "maxlen", 300),
    ("views/tokens.py", {"maxlen": "abc"}, "maxlen", 8),
    ("views/tokens.py", {"num_words": "100000"}, "num_words", 10_000),
    ("views/tokens.py", {"num_words": "-3"}, "num_words", 10),
    ("views/tokens.py", {"padding": "middle"}, "padding@en", "pre"),
    ("views/tokens.py", {"vocab": "../etc"}, "vocab@en", "imdb"),
    ("views/hidden.py", {"step_units": "999"}, "step_units", 8),
    ("views/hidden.py", {"step_enc": "x", "step_t": "-1"}, "step_enc@en", "embedding"),
    ("views/cells.py", {"cell_kind": "RNN"}, "cell_kind@en", "LSTM"),
    ("views/onehot.py", {"oh_maxlen": "5000"}, "oh_maxlen", 200),
    ("views/onehot.py", {"oh_maxlen": "0"}, "oh_maxlen", 10),
    ("views/onehot.py", {"oh_units": "abc", "oh_num_words": "7"}, "oh_units", 8),
    ("views/train.py", {"train_num_words": "100000000"}, "train_num_words", 500),
    ("views/train.py", {"train_epochs": "0", "train_batch_size": "-1"}, "train_epochs", 100),
    ("views/review.py", {"rv_index": "99999", "rv_source": "test"}, "rv_index", 24_999),
    ("views/review.py", {"rv_model": "/etc/passwd"}, "rv_source@en", "typed"),  # one widget per language
    ("views/tokens.py", {"unknown_key": "1", "lang": "fr"}, "maxlen", 8),
]


@pytest.mark.parametrize("page, params, key, shown", LINKS)
@pytest.mark.slow
def test_hand_edited_links_fall_back_to_valid_settings(app, page, params, key, shown):
    params = dict(params)
    lang = params.pop("lang", "en")  # "fr" is no language of ours: the browser's decides
    at = app(page, lang, reveal=1, **params)  # open_page asserts there was no exception; every widget shown
    widget = next(w for kind in ("slider", "radio", "number_input", "selectbox", "select_slider")
                  for w in getattr(at, kind) if w.key == key)
    assert widget.value == shown


@pytest.mark.parametrize("typed, expected", [
    ("映画はとても良かった", "OOV (2)"),  # Japanese
    ("the 영화 was 良い 😀", "OOV (2)"),  # mixed scripts
    ("12345 678 90", "OOV (2)"),  # numbers only: tokens IMDB never saw
    ("great " * 10_000, "very long"),  # one word 10,000 times
])
def test_more_odd_text_on_the_tokens_page(app, typed, expected):
    at = app("views/tokens.py")
    at.text_area(key="text").set_value(typed).run()
    assert not at.exception and expected in messages(at)


def test_html_line_breaks_become_the_imdb_token_br(app):
    at = app("views/tokens.py")
    at.text_area(key="text").set_value("Great film.<br /><br />Loved it").run()
    tokens = list(at.dataframe[0].value.iloc[:, 1])
    assert tokens == ["<start>", "great", "film", "br", "br", "loved", "it"]
    vocabulary = tx.Vocabulary.from_word_index(data.load_word_index(), 500)
    assert list(at.dataframe[0].value.iloc[:, 2]) == vocabulary.encode("great film br br loved it")


def test_a_vocabulary_built_from_one_word(app):
    at = app("views/tokens.py", vocab="fit", text="hello")
    assert list(at.dataframe[0].value.iloc[:, 2]) == [1, 4]  # start, then the only word
    assert "OOV" not in " ".join(map(str, at.dataframe[0].value.iloc[:, 4]))


def test_the_bad_input_table_lists_25_cases_and_names_real_tests():
    import re

    from conftest import ROOT

    table = (ROOT / "docs" / "bad_input.md").read_text(encoding="utf-8")
    rows = [line for line in table.splitlines() if re.match(r"\| \d+ \|", line)]
    assert len(rows) >= 25
    for row in rows:
        named = re.findall(r"`(test_\w+\.py)::(test_\w+)`", row)
        assert named, row
        for file, test in named:
            assert f"def {test}(" in (ROOT / "tests" / file).read_text(encoding="utf-8"), (file, test)
