"""End to end, every page: open it in Korean with a learner's finished run in the runs folder, switch
the sidebar language to English, touch one of the page's widgets; no Streamlit exception on the way
and the page's main chart stays on screen. Also: Streamlit's English-only input hints are hidden in
Korean (the label says it in Korean instead) and shown in English.

The real app (`streamlit run app.py`) in headless Debian Chromium; Playwright's auto-waiting
`expect`, never fixed sleeps. One server for the module; every test a fresh browser context.
"""

import json
import os
import re
import shutil
import urllib.parse
from pathlib import Path

import pytest

from tools.appserver import CHROMIUM, ROOT, app_server, chromium

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        pytest.fail(f"CI must provide {CHROMIUM} (.ci/run installs Debian's chromium)", pytrace=False)
    pytest.skip(f"no {CHROMIUM}: apt-get install chromium", allow_module_level=True)

from playwright.sync_api import expect  # noqa: E402 - imported after the skip

from model_helpers import VISITOR, visitor_cookie  # noqa: E402
from rnnviz import runs  # noqa: E402
from rnnviz.i18n import t  # noqa: E402

pytestmark = pytest.mark.browser

TIMEOUT_MS = int(os.environ.get("E2E_TIMEOUT_MS", "120000"))
# Reference runs copied into the runs folder as a learner's own finished runs (new ids, so they are
# not the reference runs themselves): the book's one-hot SimpleRNN and its Embedding + LSTM.
USER_RUNS = {"20261128-105624-c334e7": "20261201-090000-0000a1",
             "20261128-110359-ab3d42": "20261201-090500-0000b2"}
# URL path -> (title key, has a main chart, the link's settings other than the defaults (on the page's
#               translated choices: a choice whose value were lost in the switch would show in the URL after
#               the touch), widget to touch in English: (kind, label key, option index, query key and value the
#               URL shows once the rerun is over)). "slider": one step right with the keyboard; "radio": click
#               that option. One field per line: a comment cannot swallow a case.
PAGES = {
    "": ("home_title", False, "", None),
    "tokens": ("tokens_title", True,
               "&vocab=fit&padding=post&reveal=1",  # revealed: maxlen and padding follow the question
               ("slider", "tokens_maxlen", None, "maxlen=9")),
    "hidden": ("page_hidden", True,
               "&step_enc=onehot",
               ("slider", "fade_steps", None, "fade_T=51")),
    "onehot": ("oh_title", True, "", ("slider", "oh_maxlen", None, "oh_maxlen=110")),
    "cells": ("page_cells", True,
              "&step_enc=onehot",
              ("radio", "cells_kind", 1, "cell_kind=GRU")),
    "train": ("train_title", True,
              "&train_preset=gru&reveal=1",  # revealed: the training lab's chart follows its question
              ("radio", "train_mode", 1, "train_mode=full")),
    "review": ("page_review", True, "", ("radio", "review_source", 1, "rv_source=test")),
}
EXCEPTION = '[data-testid="stException"]'


def test_the_table_opens_every_page_and_four_with_settings_of_their_own():
    """The guard against a case that silently disappears (as "hidden" and "cells" once did, inside a comment)."""
    import ui

    with_widgets = {Path(path).stem for path, _, _ in ui.PAGES[1:]} - {"cheatsheet"}  # the printable page has none
    assert set(PAGES) == {"", *with_widgets}
    assert [path for path, (_, _, start, _) in PAGES.items() if start] == ["tokens", "hidden", "cells", "train"]
    assert all(len(case) == 4 for case in PAGES.values())


@pytest.fixture(scope="module")
def runs_dir(tmp_path_factory) -> Path:
    """A runs folder holding two finished runs of a learner (copies of reference runs)."""
    folder = tmp_path_factory.mktemp("runs")
    for reference_id, user_id in USER_RUNS.items():
        target = folder / user_id
        shutil.copytree(runs.reference_runs_dir() / reference_id, target)
        status = json.loads((target / runs.STATUS_FILE).read_text())
        status.update(state="done", pid=None, pid_start=None, owner=VISITOR)  # finished, the tests' browser's
        (target / runs.STATUS_FILE).write_text(json.dumps(status))
    store = runs.RunStore(folder)
    assert [run.state for run in store.list()] == ["done", "done"]
    assert not any(run.is_reference for run in store.list())
    return folder


@pytest.fixture(scope="module")
def app_url(imdb_folder, runs_dir, tmp_path_factory):
    env = {"RNNVIZ_DATA_DIR": str(imdb_folder), "RNNVIZ_RUNS_DIR": str(runs_dir), "RNNVIZ_MAX_RUNS": "1",
           "RNNVIZ_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))}
    log = ROOT / "test-artifacts" / "server-language.log"
    log.parent.mkdir(exist_ok=True)
    with app_server(env=env, timeout=120, log_path=log) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as chromium_browser:
        yield chromium_browser


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="ko-KR")
    context.set_default_timeout(TIMEOUT_MS)
    context.add_cookies([visitor_cookie()])  # the browser that trained the runs above
    tab = context.new_page()
    yield tab
    context.close()


def expect_page_done(page, title: str, chart: bool) -> None:
    """The page in `title`'s language, the script run over, no exception, the main chart drawn."""
    expect(page.locator("h1").filter(has_text=title)).to_be_visible(timeout=TIMEOUT_MS)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=TIMEOUT_MS)
    expect(page.locator(EXCEPTION)).to_have_count(0)
    if chart:
        drawn = page.get_by_test_id("stPlotlyChart").first.locator(".main-svg").first
        expect(drawn).to_be_visible(timeout=TIMEOUT_MS)


def touch(page, change) -> None:
    kind, label_key, option, _ = change
    main = page.get_by_test_id("stMain")
    if kind == "slider":
        box = main.get_by_test_id("stSlider").filter(has_text=t(label_key, "en")).first
        box.locator('input[type="range"]').press("ArrowRight")
    else:
        box = main.get_by_test_id("stRadio").filter(has_text=t(label_key, "en")).first
        box.locator('[role="radiogroup"] label').nth(option).click()


@pytest.mark.parametrize("path", list(PAGES), ids=lambda p: p or "home")
def test_korean_then_english_then_a_widget_with_a_learners_run(app_url, page, path):
    title_key, chart, start, change = PAGES[path]
    page.goto(f"{app_url}/{path}?lang=ko{start}")
    expect_page_done(page, t(title_key, "ko"), chart)

    page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
    expect(page).to_have_url(re.compile(r"lang=en"), timeout=TIMEOUT_MS)
    expect_page_done(page, t(title_key, "en"), chart)
    settings = query(page.url)

    if change:
        touch(page, change)
        expect(page).to_have_url(re.compile(re.escape(change[3])), timeout=TIMEOUT_MS)
        expect_page_done(page, t(title_key, "en"), chart)
        key, value = change[3].split("=")
        assert query(page.url) == {**settings, key: value}  # that one setting changed, no other


def query(url: str) -> dict[str, str]:
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))


@pytest.mark.parametrize("lang, hint_shown", [("ko", False), ("en", True)])
def test_streamlits_english_input_hint_only_in_english(app_url, page, lang, hint_shown):
    page.goto(f"{app_url}/tokens?lang={lang}")
    expect_page_done(page, t("tokens_title", lang), True)
    box = page.get_by_test_id("stTextArea").first
    box.locator("textarea").fill("a new sentence")  # typed, not applied yet: Streamlit shows its hint
    hint = box.get_by_test_id("InputInstructions")
    if hint_shown:
        expect(hint).to_have_text(re.compile("to apply"))
        expect(box).not_to_contain_text("바깥을 클릭하면 적용")
    else:
        expect(hint).to_be_hidden()
        expect(box).to_contain_text("Ctrl+Enter(맥은 ⌘+Enter)나 바깥을 클릭하면 적용")
