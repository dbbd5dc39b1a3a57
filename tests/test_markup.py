"""User text is shown as text: a typed sentence, a link's value or a run file's words never become Markdown."""

import html
import string
import time

import pytest
from markdown_it import MarkdownIt  # CommonMark, as Streamlit's Markdown (a dependency of Streamlit, via rich)

import conftest
from model_helpers import VISITOR
from rnnviz import markup, runs
from rnnviz import config as cfg
from rnnviz.i18n import t

# A phishing link, a tracking pixel, a page-covering formula, styled text (the payloads).
PAYLOADS = ("[Session expired - log in again](http://example.invalid/phish)", "![x](http://example.invalid/p.png)",
            "$\\rule{5000px}{3000px}$", ":red-background[styled]")
# What each would look like in the Markdown sent to the browser if it were not escaped.
RAW = ("](http", "![x]", "$\\rule", "red-background[")


def test_every_ascii_punctuation_character_is_escaped_and_nothing_else():
    escaped = markup.escape(string.punctuation).replace(markup.WORD_JOINER, "")
    assert escaped == "".join("\\" + char for char in string.punctuation)
    assert markup.escape("사랑 café 3") == "사랑 café 3"
    assert markup.escape(12) == "12"


@pytest.mark.parametrize("payload", [*PAYLOADS, "<img src=x>", "*a* _b_ ~~c~~ `d` \\e # f | g", "1. x", "> q",
                                     "<http://example.invalid>", "go to http://example.invalid/x now"])
def test_escaped_text_renders_as_itself_in_commonmark(payload):
    rendered = MarkdownIt("commonmark").render(markup.escape(payload)).replace(markup.WORD_JOINER, "")
    assert "<a" not in rendered and "<img" not in rendered and "<em>" not in rendered
    assert rendered == f"<p>{html.escape(payload, quote=False)}</p>\n"


@pytest.mark.parametrize("address, joined", [("http://example.invalid", "http\u2060://"), ("HTTPS://x.y", "HTTPS\u2060://"),
                                             ("www.example.invalid", "www\u2060."), ("me@example.invalid", "@\u2060")])
def test_bare_addresses_get_an_invisible_joiner_where_gfm_would_start_a_link(address, joined):
    escaped = markup.escape(address)
    assert joined in escaped.replace("\\", "")  # Streamlit's autolink finder no longer sees an address


def test_fill_escapes_strings_outside_code_spans_and_keeps_numbers_formats():
    params = {"folder": "/x/[y](http://example.invalid)", "missing": "*a*", "env": "ENV`"}
    message = markup.fill(t("data_dir_incomplete", "en"), params)
    assert "`/x/[y](http://example.invalid)`" in message  # in a code span: inert, shown as is
    assert markup.escape("*a*") in message and "`ENV'`" in message  # a backtick cannot end the span early
    assert markup.fill(t("train_err_limit_reviews", "en"), {"n": 30_000, "limit": 20_000}).startswith("30,000")


def shown(at) -> list[str]:
    """Every text AppTest sees that Streamlit renders as Markdown."""
    kinds = ("markdown", "caption", "info", "warning", "error", "success", "latex")
    return [str(element.value) for kind in kinds for element in getattr(at, kind)]


def assert_no_markdown_from(at) -> None:
    for raw in RAW:
        assert not [value for value in shown(at) if raw in value], raw


@pytest.fixture
def no_user_runs(tmp_path, monkeypatch):
    monkeypatch.setenv(runs.RUNS_DIR_ENV, str(tmp_path / "runs"))
    return tmp_path / "runs"


def test_tokens_page_quotes_each_sentence_as_text(local_data):
    at = conftest.open_page("views/tokens.py", "en", text="\n".join(PAYLOADS))
    quotes = [m.value for m in at.markdown if m.value.startswith("> ")]
    assert quotes == [f"> {markup.escape(payload)}" for payload in PAYLOADS]
    assert_no_markdown_from(at)


@pytest.mark.parametrize("page, key, timeout", [("views/hidden.py", "step_text", 60), ("views/cells.py", "step_text", 60),
                                                 ("views/onehot.py", "oh_sentence", 120),
                                                 ("views/review.py", "rv_text", 240)])
def test_other_pages_show_the_payloads_words_as_text(page, key, timeout, no_user_runs, local_data):
    at = conftest.open_page(page, "en", timeout=timeout, **{key: " ".join(PAYLOADS)})
    assert at.session_state[key] == " ".join(PAYLOADS)  # the payload was read
    assert_no_markdown_from(at)


def test_a_failed_runs_error_from_its_status_file_is_shown_as_text(no_user_runs, local_data):
    store = runs.RunStore(no_user_runs)
    run_id = store.create(cfg.quick(cfg.PRESETS["lstm"]), owner=VISITOR)  # the tests' browser's run
    store.update_status(run_id, state=runs.FAILED, started=time.time(), error=PAYLOADS[0])
    at = conftest.open_page("views/train.py", "en", timeout=60)
    at.selectbox(key="train_selected@en").set_value(run_id).run()
    assert t("train_failed_msg", "en", error=markup.escape(PAYLOADS[0])) in [e.value for e in at.error]
    assert_no_markdown_from(at)
