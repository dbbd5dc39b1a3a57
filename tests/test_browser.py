"""The real app in a real browser: what AppTest cannot see (Plotly charts, the URL, layout)."""

import os
from pathlib import Path

import pytest

from tools.appserver import CHROMIUM, app_server, browser_page, wait_for_app

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        pytest.fail(f"CI must provide {CHROMIUM} (.ci/run installs Debian's chromium)", pytrace=False)
    pytest.skip(f"no {CHROMIUM}: apt-get install chromium", allow_module_level=True)

from playwright.sync_api import expect  # noqa: E402 - imported after the skip

pytestmark = pytest.mark.browser


def test_a_deep_link_to_a_fresh_server_still_gets_the_apps_navigation(imdb_folder, page):
    """The first visit of a new server (a shared link after Cloud wakes up) goes through app.py."""
    with app_server(env={"RNNVIZ_DATA_DIR": str(imdb_folder)}) as url:
        page.goto(f"{url}/tokens?lang=ko")
        wait_for_app(page, "토큰과 패딩")
        # the sidebar renders a moment after the page's title: wait for each element, never read it at once
        sidebar = page.locator('[data-testid="stSidebar"]')
        expect(sidebar.get_by_text("언어 / Language")).to_be_visible(timeout=60_000)  # the switch app.py adds
        expect(sidebar.get_by_text("훈련 실험실")).to_be_visible(timeout=60_000)  # titles,
        expect(sidebar).not_to_contain_text("tokens")  # not file names


@pytest.fixture(scope="module")
def app_url(imdb_folder):
    with app_server(env={"RNNVIZ_DATA_DIR": str(imdb_folder)}) as url:
        yield url


@pytest.fixture(scope="module")
def page():
    with browser_page() as browser_tab:
        yield browser_tab


def test_a_link_cannot_put_a_link_an_image_or_a_formula_into_the_tokens_page(app_url, page):
    """Markdown in a shared link's text is shown as typed: no live link, no tracking pixel, no formula."""
    from urllib.parse import urlencode

    from rnnviz.markup import WORD_JOINER

    sentences = ["[Session expired](http://example.invalid/phish)", "![x](http://example.invalid/p.png)",
                 "$\\rule{5000px}{3000px}$", "mail me@example.invalid or www.example.invalid"]
    page.goto(f"{app_url}/tokens?{urlencode({'lang': 'en', 'text': chr(10).join(sentences)})}")
    quotes = page.locator('[data-testid="stMarkdownContainer"] blockquote')
    for number, sentence in enumerate(sentences, start=1):
        page.get_by_role("tab", name=f"Sentence {number}").click()
        shown = quotes.filter(visible=True)
        expect(shown).to_have_count(1, timeout=60_000)
        assert shown.inner_text().replace(WORD_JOINER, "") == sentence  # reads as typed (the joiner is invisible)
    expect(page.locator('a[href*="example.invalid"]')).to_have_count(0)
    expect(page.locator('img[src*="example.invalid"]')).to_have_count(0)
    expect(page.locator("blockquote .katex")).to_have_count(0)


def test_the_model_download_reads_the_file_when_clicked(imdb_folder, page, tmp_path):
    """The model is no longer read on every rerun (a 363 MB best.keras cost 3-5 s each): it is read on the click."""
    import time

    from rnnviz import config as cfg
    from rnnviz import runs

    from model_helpers import VISITOR, visitor_cookie

    store = runs.RunStore(tmp_path / "runs")
    run_id = store.create(cfg.quick(cfg.PRESETS["lstm"]), owner=VISITOR)  # this browser's run, selected first
    page.context.add_cookies([visitor_cookie()])
    store.update_status(run_id, state=runs.DONE, started=time.time())
    (store.path(run_id) / runs.HISTORY_FILE).write_text("epoch,accuracy,loss,val_accuracy,val_loss\r\n"
                                                        "0,0.5,0.6,0.5,0.6\r\n")
    (store.path(run_id) / runs.MODEL_FILE).write_bytes(b"PK the model's bytes")
    with app_server(env={"RNNVIZ_DATA_DIR": str(imdb_folder), "RNNVIZ_RUNS_DIR": str(store.root)}) as url:
        page.goto(f"{url}/train?lang=en")
        wait_for_app(page, "Training lab")
        with page.expect_download() as download:
            page.get_by_role("button", name="Download model").click()
        assert Path(download.value.path()).read_bytes() == b"PK the model's bytes"
