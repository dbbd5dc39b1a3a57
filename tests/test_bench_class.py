"""The class benchmark's visitor (bench/streamlit_client.py) is a real session: it sees what a page draws.

Two visitors on one real server open home and tokens and type a sentence each; a missing page and a
page that raises are reported. bench/bench_class.py times forty of these; nothing here is timed.
"""

import asyncio
import sys
from urllib.parse import parse_qs

import pytest

from conftest import ROOT
from rnnviz import markup
from rnnviz.i18n import t
from tools.appserver import app_server, streamlit_server

sys.path.insert(0, str(ROOT / "bench"))

from streamlit_client import Visitor  # noqa: E402

pytestmark = pytest.mark.server

SENTENCES = ("The acting was wonderful but far too long.", "I would not watch this film again.")


@pytest.fixture(scope="module")
def app_url(imdb_folder, tmp_path_factory):
    env = {"RNNVIZ_DATA_DIR": str(imdb_folder), "RNNVIZ_RUNS_DIR": str(tmp_path_factory.mktemp("runs"))}
    with app_server(env=env, timeout=120) as url:
        yield url


async def home_then_tokens(url: str, sentence: str) -> tuple[Visitor, list]:
    visitor = Visitor(url, lang="en")
    try:
        home = await visitor.open("", "lang=en")
        tokens = await visitor.open("tokens", "lang=en&step=1")
        typed = await visitor.change("text", "string_value", sentence)
        hidden = await visitor.open("hidden", "lang=en&step=2")
        stepped = await visitor.change("hidden_forward", "trigger_value", True)
    finally:
        await visitor.close()
    return visitor, [home, tokens, typed, hidden, stepped]


async def two_visitors(url: str):
    return await asyncio.gather(*(home_then_tokens(url, sentence) for sentence in SENTENCES))


def test_two_visitors_each_get_their_pages_and_their_own_sentence(app_url):
    for (visitor, (home, tokens, typed, hidden, stepped)), sentence, other in zip(
            asyncio.run(two_visitors(app_url)), SENTENCES, reversed(SENTENCES)):
        for run in (home, tokens, typed, hidden):
            assert run.status == "finished" and not run.problems, (run.page, run.status, run.problems)
        assert t("home_title", "en") in home.headings
        assert t("tokens_title", "en") in tokens.headings and t("tokens_table_title", "en") in tokens.headings
        assert t("page_hidden", "en") in hidden.headings
        # the typed sentence is quoted above its token table, in this session only, and kept in the URL
        quoted, other_quoted = f"> {markup.escape(sentence)}", f"> {markup.escape(other)}"
        assert quoted in typed.texts and other_quoted not in typed.texts
        assert quoted not in tokens.texts  # before typing: the page's example sentences
        assert stepped.status == "fragment" and not stepped.problems  # ▶ reruns the player alone
        assert parse_qs(typed.query)["text"] == [sentence]
        assert parse_qs(stepped.query)["step_t"] == ["2"]


def test_a_missing_page_is_reported(app_url):
    async def lost():
        visitor = Visitor(app_url, lang="en")
        try:
            return await visitor.open("no-such-page", "lang=en")
        finally:
            await visitor.close()

    run = asyncio.run(lost())
    assert run.status == "page not found" and run.problems == ["page not found"]


def test_a_page_that_raises_is_counted_as_a_session_with_an_error_box(tmp_path):
    import bench_class

    script = tmp_path / "broken.py"
    script.write_text("import streamlit as st\n\nst.title('broken')\nraise ValueError('broken on purpose')\n")
    with streamlit_server(script, timeout=60) as (url, _):
        sessions = asyncio.run(bench_class.a_class(url, 2, 0, "en"))
    row = bench_class.summary({"runs": sessions})
    assert row["failed_sessions"] == 2
    assert any("ValueError: broken on purpose" in problem for problem in row["problems"]), row["problems"]
