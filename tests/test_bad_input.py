"""Odd input a class will type or paste, and hand-edited links: a message, never a crash.

The full list, with where each case is tested, is docs/bad_input.md.
"""

import asyncio
import functools
import sys

import pytest

import conftest
from rnnviz import data, inputs, review
from rnnviz import text as tx
from rnnviz.i18n import t


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


# Every text box: (page, widget kind, key, its limit, the note shown at the limit)
BOXES = [
    ("views/tokens.py", "text_area", "text", tx.MAX_TEXT_CHARS, "text_cut"),
    ("views/hidden.py", "text_input", "step_text", inputs.MAX_CHARS, "text_cut"),
    ("views/cells.py", "text_input", "step_text", inputs.MAX_CHARS, "text_cut"),
    ("views/onehot.py", "text_input", "oh_sentence", 2_000, "text_cut"),
    ("views/review.py", "text_area", "rv_text", review.MAX_REVIEW_CHARS, "review_too_long"),
]
MILLION = "a great film " * 76_924  # 1,000,012 characters


@pytest.mark.parametrize("page, kind, key, limit, note", BOXES)
def test_a_million_characters_from_a_link_or_a_paste_are_cut_to_the_box_and_said_so(app, page, kind, key, limit,
                                                                                    note):
    for at in (app(page, **{key: MILLION}), app(page)):  # a link; a paste into the box
        if key not in at.query_params:
            getattr(at, kind)(key=key).set_value(MILLION).run()
        assert not at.exception
        assert len(at.session_state[key]) == limit  # what the page keeps and reads
        assert len(getattr(at, kind)(key=key).value) == limit
        assert t(note, "en", limit=limit) in [w.value for w in at.warning]
        assert len(at.query_params.get(key, "")) <= limit  # the link it writes


@pytest.mark.server
def test_a_real_server_cuts_a_long_paste_and_drops_a_client_that_sends_megabytes(imdb_folder, tmp_path):
    """A client that ignores the box's limit (a script, not a browser): 1.3 MB is cut to the box and said
    so; 5 MB, past .streamlit/config.toml's message limit, closes its connection unread; the server serves on."""
    import websockets

    from tools.appserver import app_server

    sys.path.insert(0, str(conftest.ROOT / "bench"))
    from streamlit_client import Visitor

    async def paste(url: str, text: str):
        visitor = Visitor(url, lang="en")
        try:
            await visitor.open("tokens", "lang=en")
            return await visitor.change("text", "string_value", text)
        except websockets.ConnectionClosedError as closed:
            return closed
        finally:
            await visitor.close()

    long_line, megabytes = "a great film " * 100_000, "a great film " * 400_000  # 1.3 MB and 5.2 MB, one line
    env = {"RNNVIZ_DATA_DIR": str(imdb_folder), "RNNVIZ_RUNS_DIR": str(tmp_path / "runs")}
    with app_server(env=env, timeout=120) as url:
        dropped = asyncio.run(paste(url, megabytes))
        pasted = asyncio.run(paste(url, long_line))
    assert isinstance(dropped, websockets.ConnectionClosedError) and dropped.rcvd.code == 1009  # message too big
    assert pasted.status == "finished" and not pasted.problems
    assert t("text_cut", "en", limit=tx.MAX_TEXT_CHARS) in pasted.warnings
    line = long_line[:tx.MAX_TEXT_CHARS].strip()  # what the page reads
    assert t("tokens_line_cut", "en", line=1, n=len(line), limit=tx.MAX_SENTENCE_CHARS) in pasted.warnings


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
