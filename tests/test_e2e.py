"""End to end: the real app (`streamlit run app.py`) in headless Chromium, as a learner uses it.

Every page opens in Korean and English without an error and draws its Plotly charts (a
screenshot of each goes to test-artifacts/); then the main interactions, each checked by what
appears on screen: typed sentences become ids, the padding controls change the matrix and the
URL, the animation plays, a tiny training run draws its curves and finishes, the reference runs'
curves open, a typed review gets a verdict, and a copied link reopens the same settings.

One app server for the module; every test gets a fresh browser context (a new Streamlit
session). Training runs go to a temporary folder (RNNVIZ_RUNS_DIR), never into the repo.
"""

import os
import re
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path

import pytest

from tools.appserver import CHROMIUM, ROOT, app_server, chromium

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        pytest.fail(f"CI must provide {CHROMIUM} (.ci/run installs Debian's chromium)", pytrace=False)
    pytest.skip(f"no {CHROMIUM}: apt-get install chromium", allow_module_level=True)

from model_helpers import STRANGER, VISITOR, VISITOR_TOKEN, set_owner, visitor_cookie  # noqa: E402
from rnnviz import charts_train, data, files, review, run_choice, runs  # noqa: E402 - imported after the skip
from rnnviz import weights as weights_file  # noqa: E402
from rnnviz import text as tx  # noqa: E402
from rnnviz.i18n import t  # noqa: E402
from playwright.sync_api import expect  # noqa: E402

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "test-artifacts"
# The machine may be busy (a training job, other tests): be patient, and assert no timings.
TIMEOUT_MS = int(os.environ.get("E2E_TIMEOUT_MS", "120000"))
expect.set_options(timeout=TIMEOUT_MS)  # Playwright's auto-waiting assertions: as patient as the rest
LANGS = ("ko", "en")
# URL path (the view file's stem) -> (title key, key of the page's last text, charts it draws at least)
PAGES = {
    "": ("home_title", "home_sharing", 0),
    "tokens": ("tokens_title", "quiz_title", 2),  # padded grid, length histogram
    "hidden": ("page_hidden", "quiz_title", 2),  # animation, fading (the weights: after the question)
    "onehot": ("oh_title", "quiz_title", 2),  # one-hot and embedded inputs (+ results and map with runs)
    "cells": ("page_cells", "quiz_title", 2),  # animation, memory
    "train": ("train_title", "quiz_title", 0),  # curves only with runs (the reference runs count)
    "review": ("page_review", "quiz_title", 2),  # ids, hidden state (verdicts, after each word: after the question)
    "cheatsheet": ("page_cheatsheet", "cheatsheet_results_title", 0),  # tables only
}
ERROR_BOXES = ('[data-testid="stException"]',  # st.exception and uncaught errors
               '[data-testid="stAlertContentError"]')  # st.error (also inside every stException)


# --- fixtures ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def runs_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("runs")
    yield folder
    store = runs.RunStore(folder)
    for run in store.active():  # a test that failed mid-run: stop its worker (a process of its own)
        store.request_stop(run.id)


@pytest.fixture(scope="module")
def app_url(imdb_folder, runs_dir, tmp_path_factory):
    ARTIFACTS.mkdir(exist_ok=True)
    env = {"RNNVIZ_DATA_DIR": str(imdb_folder), "RNNVIZ_RUNS_DIR": str(runs_dir), "RNNVIZ_MAX_RUNS": "1",
           "RNNVIZ_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))}
    with app_server(env=env, timeout=120, log_path=ARTIFACTS / "server.log") as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as chromium_browser:
        yield chromium_browser


def new_page(browser, width: int = 1400, height: int = 1000, token: str | None = VISITOR_TOKEN):
    """A browser of its own (a new session); `token`: its owner cookie (the tests' visitor; None: a new browser)."""
    context = browser.new_context(viewport={"width": width, "height": height}, locale="en-US")
    context.set_default_timeout(TIMEOUT_MS)
    if token is not None:
        context.add_cookies([visitor_cookie(token)])
    return context.new_page()


@pytest.fixture
def page(browser):
    tab = new_page(browser)
    yield tab
    tab.context.close()


# --- helpers: what is on screen ----------------------------------------------------------------------


def wait_until(page, check: Callable[[], object], what: str, timeout_s: float = TIMEOUT_MS / 1000,
               every_s: float = 0.5, fail: bool = True):
    """Poll `check` until it returns something truthy; fail with `what` (and the last value) after `timeout_s`.

    Sleeps with `page.wait_for_timeout`, never `time.sleep`: the sync Playwright API only takes in
    the browser's news (such as a new `page.url`) while it is called. With `fail=False`, return
    None instead of failing.
    """
    deadline = time.monotonic() + timeout_s
    last = None
    while time.monotonic() < deadline:
        try:
            last = check()
        except Exception as error:  # noqa: BLE001 - an element re-rendered under us: look again
            last = error
        else:
            if last:
                return last
        page.wait_for_timeout(every_s * 1000)
    if not fail:
        return None
    pytest.fail(f"timed out waiting for {what}; last seen: {last!r}")


_ERROR_JS = "document.querySelector('" + ", ".join(ERROR_BOXES).replace("'", "\\'") + "')"


def wait_for(page, condition_js: str, arg=None) -> None:
    """Wait until `condition_js` (a JS function of `arg`) holds, or fail at once when an error box appears."""
    page.wait_for_function(f"arg => {_ERROR_JS} || ({condition_js})(arg)", arg=arg, timeout=TIMEOUT_MS)
    assert_no_errors(page)


def wait_idle(page) -> None:
    """Wait until the script run is over (Streamlit's "Running..." status widget has gone)."""
    wait_for(page, "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')")


def wait_for_charts(page, minimum: int) -> int:
    """Wait until at least `minimum` Plotly charts are on the page and every one of them is drawn."""
    wait_for(page, """min => {
            const boxes = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
            return boxes.length >= min && boxes.every(box => {
                const plot = box.querySelector('.js-plotly-plot');
                return plot && plot._fullLayout && plot.querySelector('.main-svg');
            });
        }""", minimum)
    return page.locator('[data-testid="stPlotlyChart"] .js-plotly-plot').count()


def wait_for_text(page, tag: str, text: str) -> None:
    """Wait until an element matching the CSS selector `tag` shows `text`."""
    wait_for(page, """([tag, text]) => [...document.querySelectorAll(tag)].some(e => e.innerText.includes(text))""",
             [tag, text])


def wait_for_page(page, path: str, lang: str) -> None:
    """Wait for the page's title, its last text (the script got to the end), the end of the run, its charts."""
    title_key, last_key, charts = PAGES[path]
    wait_for_text(page, "h1", t(title_key, lang))
    wait_for_text(page, '[data-testid="stMarkdownContainer"], [data-testid="stCaptionContainer"]', t(last_key, lang))
    wait_idle(page)
    wait_for_charts(page, charts)


def open_app(page, app_url: str, path: str, lang: str, **params) -> None:
    """Go to `path?lang=...&params` and wait until the page is complete."""
    page.goto(f"{app_url}/{path}?{urllib.parse.urlencode({'lang': lang, **params})}")
    wait_for_page(page, path, lang)


def assert_no_errors(page) -> None:
    for selector in ERROR_BOXES:
        boxes = page.locator(selector)
        assert boxes.count() == 0, f"{selector}: {boxes.all_inner_texts()}"
    body = page.locator("body").inner_text()
    assert "Traceback" not in body, body[body.index("Traceback") - 300:][:2000]


def screenshot(page, name: str) -> Path:
    """The whole page (Streamlit scrolls inside its main block, so grow the window to the content first)."""
    path = ARTIFACTS / f"{name}.png"
    size = page.viewport_size
    height = page.evaluate("""() => Math.max(...['[data-testid="stMain"]', '[data-testid="stAppViewContainer"]',
                                               'section.main', 'body']
        .map(s => document.querySelector(s)).filter(Boolean).map(e => e.scrollHeight))""")
    page.set_viewport_size({"width": size["width"], "height": min(max(height, size["height"]) + 40, 16_000)})
    try:
        page.wait_for_timeout(800)  # Plotly redraws on resize
        page.screenshot(path=str(path))
    finally:
        page.set_viewport_size(size)
    return path


def widget(page, testid: str, label: str):
    """A Streamlit widget by its kind (data-testid) and visible label."""
    return page.get_by_test_id(testid).filter(has=page.get_by_text(label, exact=True)).first


def table_rows(grid) -> list[dict[str, str]]:
    """The rows of an st.dataframe as {column: text}, read from the grid's accessibility table."""
    grid.scroll_into_view_if_needed()
    headers = grid.locator('[role="columnheader"]').all_inner_texts()
    rows = []
    for row in grid.locator('tbody [role="row"]').all():
        cells = row.locator('[role="gridcell"]').all_inner_texts()
        rows.append(dict(zip(headers, cells)))
    return rows


def query_of(url: str) -> dict[str, str]:
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))


def wait_for_query(page, key: str, value: str) -> None:
    """Wait until the address bar holds `key=value` (what a user would copy to share)."""
    if not wait_until(page, lambda: query_of(page.url).get(key) == value, f"{key}={value} in the URL", fail=False):
        pytest.fail(f"{key}={value} never reached the URL: {page.url}")


def plot_texts(plot, selector: str) -> list[str]:
    return [text or "" for text in plot.locator(selector).all_text_contents()]


def type_into(page, testid: str, label: str, text: str) -> None:
    """Type into a text area / input and commit it as a user does (Ctrl+Enter or Enter)."""
    box = widget(page, testid, label).locator("textarea, input").first
    box.fill(text)
    box.press("Control+Enter" if testid == "stTextArea" else "Enter")


# --- every page, both languages ---------------------------------------------------------------------------


# --- one big picture first (issue 14) ----------------------------------------------------------------------
# Page -> its link. The training lab's chart follows its question: a teacher's ?reveal=1 link answers it.
FIRST_SCREEN = {"tokens": {}, "hidden": {}, "onehot": {}, "cells": {}, "review": {}, "train": {"reveal": 1}}
MIN_PICTURE_SHOWN = 120  # px of the main chart above the bottom of a 1280×720 screen, at the least


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", list(PAGES), ids=lambda p: p or "home")
def test_every_page_opens_in_its_language_and_shows_its_main_picture_in_the_first_screen(app_url, browser, path,
                                                                                        lang):
    """At a laptop's 1280×720: no error, the language kept in the URL and the navigation, and (pages with a
    main picture) the title, a short lead and the picture in the first screen."""
    small = new_page(browser, width=1280, height=720)
    try:
        open_app(small, app_url, path, lang, **FIRST_SCREEN.get(path, {}))
        assert_no_errors(small)
        wait_for_query(small, "lang", lang)  # the URL keeps the language, for sharing
        other = "en" if lang == "ko" else "ko"
        assert small.locator("h1", has_text=t(PAGES[path][0], other)).count() == 0  # not in the other language
        nav = small.locator('[data-testid="stSidebarNav"] a').filter(has_text=t("nav_tokens", lang))
        expect(nav.first).to_be_attached()  # the sidebar's navigation, in the page's language
        if path in FIRST_SCREEN:
            assert_first_screen(small)
            small.screenshot(path=str(ARTIFACTS / f"first-screen-{path}-{lang}.png"))
        screenshot(small, f"{path or 'home'}-{lang}")
    finally:
        small.context.close()


def assert_first_screen(small) -> None:
    """The page as it opens (not scrolled): a lead of at most ~3 lines under the title, the main picture's
    top well inside the 720 px screen, nothing to scroll sideways."""
    lead = small.locator('[data-testid="stElementContainer"]:has(h1) + [data-testid="stElementContainer"]')
    lines = lead.evaluate("e => e.getBoundingClientRect().height / parseFloat(getComputedStyle("
                          "e.querySelector('p')).lineHeight)")
    assert lines <= 3.2, f"the lead under the title runs to {lines:.1f} lines"
    picture = small.locator('[data-testid="stPlotlyChart"]').first
    expect(picture).to_be_visible()
    # waited for: a rerun may still be moving it
    wait_until(small, lambda: picture.bounding_box()["y"] <= 720 - MIN_PICTURE_SHOWN,
               "the main picture in the first screen", fail=False)
    top = picture.bounding_box()["y"]
    assert top <= 720 - MIN_PICTURE_SHOWN, f"the main picture starts at {top:.0f} px"
    assert small.evaluate("document.documentElement.scrollWidth") <= 1280  # nothing to scroll sideways


def test_home_has_the_next_pages_chart_code_loaded_and_shows_none_of_it(app_url, page):
    """Home sends an empty chart and table, hidden (`ui.preload_chart_code`): the browser fetches their
    code while the visitor reads, and the visitor sees nothing of them."""
    open_app(page, app_url, "", "en")
    preload = page.locator(".st-key-rnnviz_preload")
    # Streamlit mounts a chart's element only once Plotly's code has arrived: the code is loaded
    expect(preload.locator('[data-testid="stPlotlyChart"]')).to_have_count(1)
    expect(preload.locator('[data-testid="stDataFrame"]')).to_have_count(1)
    expect(preload).to_be_hidden()
    assert page.locator('[data-testid="stMain"] [data-testid="stPlotlyChart"]:visible').count() == 0
    page.locator('[data-testid="stSidebarNav"] a').filter(has_text=t("nav_tokens", "en")).first.click()
    expect(page.locator('[data-testid="stPlotlyChart"] .main-svg').first).to_be_visible()
    assert_no_errors(page)


@pytest.mark.parametrize("lang", LANGS)
def test_a_code_box_draws_its_code_when_opened(app_url, page, lang):
    """The pages' code boxes draw their code on opening (`ui.lazy_expander`): closed, nothing to fetch."""
    open_app(page, app_url, "tokens", lang)
    box = page.locator('[data-testid="stExpander"]').filter(has_text=t("tokens_code_title", lang))
    expect(box).to_be_visible()
    assert box.locator('[data-testid="stCode"]').count() == 0
    box.locator("summary").click()
    expect(box.locator('[data-testid="stCode"]')).to_contain_text("pad_sequences")
    assert_no_errors(page)


@pytest.mark.parametrize("path", list(FIRST_SCREEN))
def test_the_projector_view_folds_the_sidebar_enlarges_the_text_and_keeps_the_picture(app_url, browser, path):
    small = new_page(browser, width=1280, height=720)
    try:
        open_app(small, app_url, path, "ko", present=1, reveal=1)  # a teacher's link
        expect(small.get_by_test_id("stSidebar")).to_have_attribute("data-collapsed", "true")
        # the back row reads it: the page's question (every page has one) in larger type than Streamlit's 16 px
        wait_for(small, """() => [...document.querySelectorAll('[class*="_box"] [data-testid="stMarkdownContainer"] p')]
            .some(p => parseFloat(getComputedStyle(p).fontSize) >= 19)""")
        picture = small.locator('[data-testid="stPlotlyChart"]').first
        expect(picture).to_be_visible()
        box = picture.bounding_box()  # the main picture whole in the first screen, its controls under it
        assert box["y"] >= 0 and box["y"] + box["height"] <= 720, f"the picture spans {box['y']:.0f}–" \
            f"{box['y'] + box['height']:.0f} px of a 720 px screen"
        assert small.evaluate("document.documentElement.scrollWidth") <= 1280
        small.screenshot(path=str(ARTIFACTS / f"projector-{path}-ko.png"))
        assert_no_errors(small)
    finally:
        small.context.close()


def test_at_a_glance_prints_whole_without_the_apps_frame(app_url, browser):
    small = new_page(browser, width=1280, height=720)
    try:
        open_app(small, app_url, "cheatsheet", "ko")
        button = small.get_by_role("button", name=t("print_button", "ko"))
        expect(button).to_be_visible()
        small.evaluate("() => { window.__printed = 0; window.print = () => window.__printed++; }")
        button.click()  # opens the browser's print dialog (counted here instead)
        small.wait_for_function("() => window.__printed === 1")
        small.emulate_media(media="print")  # what the print dialog lays out
        expect(small.get_by_test_id("stSidebar")).to_be_hidden()
        expect(button).to_be_hidden()
        tables = small.get_by_test_id("stTable")
        expect(tables.last).to_be_visible()
        assert tables.first.bounding_box()["x"] < 60  # the tables use the paper's whole width
        sheets = len(re.findall(rb"/Type\s*/Page\b(?!s)", small.pdf(format="A4")))
        assert sheets >= 2, f"the printout has {sheets} sheet(s): only the first screen"
    finally:
        small.context.close()


# --- tokens and padding -----------------------------------------------------------------------------------


def test_a_typed_sentence_shows_its_imdb_ids_in_the_table(app_url, page, local_data):
    sentence = "the movie"
    expected = tx.Vocabulary.from_word_index(data.load_word_index(), 500).encode(sentence)  # [1, 4, 20]
    open_app(page, app_url, "tokens", "en")
    type_into(page, "stTextArea", t("tokens_input", "en"), sentence)

    def ids_in_table():
        rows = table_rows(page.get_by_test_id("stDataFrame").first)
        tokens = [row.get(t("col_token", "en")) for row in rows]
        return rows if tokens == ["<start>", "the", "movie"] else None

    rows = wait_until(page, ids_in_table, "the table of 'the movie'")
    assert [int(row[t("col_id", "en")]) for row in rows] == expected
    wait_for_query(page, "text", sentence)  # the sentence is part of the shared link
    assert_no_errors(page)


@pytest.mark.parametrize("lang", LANGS)
def test_the_tokens_notebook_downloads_with_the_sentence_typed(app_url, page, lang, tmp_path):
    import nbformat

    sentence = "the movie was great"
    open_app(page, app_url, "tokens", lang, text=sentence, maxlen=8, reveal=1)  # maxlen cuts after the question
    with page.expect_download() as download:
        page.get_by_role("button", name=t("notebooks_download", lang)).click()
    assert download.value.suggested_filename.endswith(".ipynb")
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)  # Jupyter and Colab open it
    code = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    words = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    assert sentence in code and "maxlen=8" in code  # the page's own settings
    assert t("tokens_title", lang) in words  # the page's explanation, in the learner's language
    assert_no_errors(page)


def test_padding_controls_change_the_matrix_and_the_url(app_url, page, local_data):
    sentence = "the movie was great"
    ids = tx.Vocabulary.from_word_index(data.load_word_index(), 500).encode(sentence)  # 5 ids
    open_app(page, app_url, "tokens", "en", text=sentence, maxlen=8)
    page.get_by_role("button", name=t("quiz_not_sure", "en")).click()  # maxlen cuts after the question
    caption = page.get_by_text(re.compile(r"Padded matrix shape: \(1, \d+\)"))
    expect(caption).to_contain_text("(1, 8)")

    # maxlen: two steps right with the keyboard on the slider, one at a time as a user would
    slider = widget(page, "stSlider", t("tokens_maxlen", "en"))
    for maxlen in (9, 10):
        slider.get_by_role("slider").press("ArrowRight")
        wait_for_query(page, "maxlen", str(maxlen))
        wait_idle(page)
    expect(caption).to_contain_text("(1, 10)")
    expect(slider.get_by_test_id("stSliderThumbValue")).to_have_text("10")

    def grid_row():  # the numbers printed in the padded grid's cells, left to right
        wait_for_charts(page, 2)
        grid = page.locator('[data-testid="stPlotlyChart"] .js-plotly-plot').first
        return [int(text) for text in plot_texts(grid, ".heatmap-label text")
                if text.strip().isdigit()]

    assert wait_until(page, lambda: grid_row() == [0] * 5 + ids or None, "zeros in front (pre)")
    widget(page, "stRadio", t("tokens_padding", "en")).get_by_text(t("tokens_post", "en")).click()
    wait_for_query(page, "padding", "post")
    wait_until(page, lambda: grid_row() == ids + [0] * 5 or None, "zeros at the back (post)")
    expect(caption).to_contain_text("(1, 10)")
    assert_no_errors(page)


# --- the timestep player (one control drives the chart and the equation) ----------------------------



def step_chart(page, lang: str = "en"):
    """The step chart: the Plotly chart titled "Timestep 3 · c" (the step it highlights, also in fullscreen)."""
    word = re.escape(t("step_chart_title", lang, t="", token="").split()[0])
    title = page.locator(".gtitle", has_text=re.compile(rf"^{word} \d+ ·"))
    return page.locator('[data-testid="stPlotlyChart"]').filter(has=title).first


def show_numbers(page, lang: str) -> None:
    """Open the timestep pages' "numbers" tab (the chart and the equation); the book's picture is the first tab."""
    tab = page.get_by_role("tab", name=t("step_view_numbers", lang))
    tab.click()
    expect(tab).to_have_attribute("aria-selected", "true")


def picture(page):
    """The timestep pages' first tab: the book's picture at the current step (the unrolled loop, or the cell)."""
    return page.locator('[data-testid="stTabs"] [data-testid="stPlotlyChart"]').first


def step_chart_title(page, lang: str):
    return step_chart(page, lang).locator(".gtitle")


def step_line(page, lang: str):
    """The line above the equation, "Timestep 3 — token c" (the review page has it under the chart)."""
    word = re.escape(t("step_at", lang, t="", token="").split("**")[1].strip())
    return page.locator('[data-testid="stMarkdownContainer"]', has_text=re.compile(rf"^{word} \d+ —")).last


def player_button(page, key: str, which: str):
    return page.locator(f".st-key-{key}_{which} button").first


def step_of(text: str) -> int:
    return int(re.search(r"(\d+)", text).group(1))


def record_step_titles(page) -> None:
    """From now on, keep every step the chart shows in `window.__titles` (in order; stale copies left out)."""
    page.evaluate("""() => {
        window.__titles = [];
        const note = () => {
            const title = [...document.querySelectorAll(
                '[data-testid="stElementContainer"]:not([data-stale="true"]) [data-testid="stPlotlyChart"] .gtitle')]
                .map(e => e.textContent).find(text => /\\d+ ·/.test(text));
            if (title && window.__titles[window.__titles.length - 1] !== title) window.__titles.push(title);
        };
        new MutationObserver(note).observe(document.body, {childList: true, subtree: true, characterData: true,
                                                           attributes: true, attributeFilter: ['data-stale']});
        note();
    }""")


@pytest.mark.parametrize("path, lang", [("hidden", "en"), ("cells", "ko")])
def test_stepping_moves_the_chart_and_the_equation_together(app_url, page, path, lang):
    open_app(page, app_url, path, lang, step_text="i like brachiosaurus very much")
    tokens = "i like brachiosaurus very much".split()
    player_button(page, path, "forward").click()  # the book's picture first: its arrows carry step 2's vectors
    expect(picture(page)).to_contain_text("h₂ = [")
    player_button(page, path, "back").click()
    expect(picture(page)).to_contain_text("h₁ = [")
    show_numbers(page, lang)
    for step in (2, 3):
        player_button(page, path, "forward").click()
        expect(step_chart_title(page, lang)).to_have_text(t("step_chart_title", lang, t=step, token=tokens[step - 1]))
        expect(step_line(page, lang)).to_contain_text(re.compile(rf"\b{step} —"))
        expect(page.locator(".st-key-step_t").get_by_test_id("stSliderThumbValue")).to_have_text(str(step))
    player_button(page, path, "back").click()
    expect(step_chart_title(page, lang)).to_have_text(t("step_chart_title", lang, t=2, token="like"))
    expect(step_line(page, lang)).to_contain_text(re.compile(r"\b2 —"))
    assert_no_errors(page)


@pytest.mark.parametrize("path, lang", [("hidden", "en"), ("cells", "ko")])
def test_play_from_a_middle_step_moves_on_from_there_and_stops_at_the_end(app_url, page, path, lang):
    open_app(page, app_url, path, lang, step_text="a b c d e f", step_t=3)
    show_numbers(page, lang)
    expect(step_chart_title(page, lang)).to_have_text(t("step_chart_title", lang, t=3, token="c"))
    record_step_titles(page)
    play = player_button(page, path, "play")
    expect(play).to_have_text(t("step_play", lang))
    play.click()
    expect(play).to_have_text(t("step_pause", lang))
    expect(step_chart_title(page, lang)).to_have_text(t("step_chart_title", lang, t=6, token="f"), timeout=TIMEOUT_MS)
    expect(play).to_have_text(t("step_play", lang))  # stopped by itself at the last step
    expect(step_line(page, lang)).to_contain_text(re.compile(r"\b6 —"))
    wait_idle(page)
    player_button(page, path, "back").click()  # the page still answers, and play did not go on or start over
    expect(step_chart_title(page, lang)).to_have_text(t("step_chart_title", lang, t=5, token="e"))
    steps = [step_of(title) for title in page.evaluate("window.__titles")]
    assert steps[0] == 3 and steps[-1] == 5, steps
    assert steps[:-1] == sorted(steps[:-1]) and set(steps[:-1]) == {3, 4, 5, 6}, steps  # 3 → 6, never 1 or 2

    play.click()  # at step 5: plays on to 6; pressed at the last step it starts over from 1
    expect(step_chart_title(page, lang)).to_have_text(t("step_chart_title", lang, t=6, token="f"))
    expect(play).to_have_text(t("step_play", lang))
    wait_idle(page)
    play.click()
    expect(step_chart_title(page, lang)).to_have_text(t("step_chart_title", lang, t=2, token="b"))
    play.click()  # pause
    expect(play).to_have_text(t("step_play", lang))
    assert_no_errors(page)


def test_full_screen_keeps_the_controls_and_stays_while_playing(app_url, page):
    open_app(page, app_url, "hidden", "en", step_text="a b c d", step_t=2)
    show_numbers(page, "en")
    chart = page.locator('[data-testid="stElementContainer"]').filter(has=step_chart(page)).last
    chart.hover()
    expect(chart.get_by_role("button", name="Fullscreen")).to_have_count(0)  # no chart-only view without controls
    whole = page.get_by_role("button", name=t("step_fullscreen", "en"))
    whole.click()
    page.wait_for_function("() => document.fullscreenElement === document.documentElement")
    page.evaluate("""() => { window.__left = 0;
        document.addEventListener('fullscreenchange', () => { if (!document.fullscreenElement) window.__left++; }); }""")
    play = player_button(page, "hidden", "play")
    play.click()
    expect(step_chart_title(page, "en")).to_have_text("Timestep 4 · d")
    expect(step_line(page, "en")).to_contain_text(re.compile(r"\b4 —"))
    expect(play).to_have_text(t("step_play", "en"))  # played to the end, in full screen all along
    assert page.evaluate("window.__left") == 0 and page.evaluate("document.fullscreenElement !== null")
    player_button(page, "hidden", "back").click()  # the controls answer in full screen
    expect(step_chart_title(page, "en")).to_have_text("Timestep 3 · c")
    whole.click()
    page.wait_for_function("() => document.fullscreenElement === null")
    assert_no_errors(page)


def fits_on_screen(page, key: str, parts: dict) -> None:
    """Scroll the player's control row to the top, just under Streamlit's header: every part must be on screen."""
    control = page.locator(f'[data-testid="stHorizontalBlock"]:has(.st-key-{key}_play)').first
    control.evaluate("e => e.scrollIntoView({block: 'start'})")
    header = page.get_by_test_id("stHeader").bounding_box()
    page.mouse.move(page.viewport_size["width"] - 30, 400)  # over the page, not over the sidebar
    page.mouse.wheel(0, -header["height"])
    wait_for(page, """([key, below]) => document.querySelector(`.st-key-${key}_back`).closest(
        '[data-testid="stHorizontalBlock"]').getBoundingClientRect().top >= below - 1""", [key, header["height"]])
    boxes = {"control": control.bounding_box()} | {name: part.bounding_box() for name, part in parts.items()}
    view = page.viewport_size
    assert boxes["control"]["y"] >= header["height"] - 1, boxes  # under the header, not behind it
    for name, box in boxes.items():
        assert box["y"] >= 0 and box["y"] + box["height"] <= view["height"], (name, boxes)
        assert box["x"] >= 0 and box["x"] + box["width"] <= view["width"], (name, boxes)


@pytest.mark.parametrize("path, lang", [("hidden", "ko"), ("cells", "en")])
def test_control_chart_and_equation_fit_one_1280x720_screen(app_url, browser, path, lang):
    small = new_page(browser, width=1280, height=720)
    try:
        open_app(small, app_url, path, lang, step_t=2)
        fits_on_screen(small, path, {"picture": picture(small)})  # the book's picture, under the control
        show_numbers(small, lang)
        fits_on_screen(small, path, {"chart": step_chart(small, lang),
                                     "equation": small.locator('[data-testid="stColumn"]:has(.katex)').first})
        expect_equation = small.locator('[data-testid="stColumn"]:has(.katex)').first
        assert expect_equation.locator(".katex").count() == 1  # the equation itself, in the column beside
        small.screenshot(path=str(ARTIFACTS / f"player-{path}-{lang}.png"))
        assert_no_errors(small)
    finally:
        small.context.close()


def test_the_review_hidden_state_starts_at_the_first_word_and_the_padding_switch_shows_it(app_url, browser):
    models = run_choice.available_models([runs.RunStore(runs.reference_runs_dir())])
    if not models:
        pytest.skip("no reference model in reference_runs/")
    model = models[0]
    text = "a wonderful film with brilliant acting"
    reading = review.read_text(text, model.vocabulary(), model.config.maxlen)
    maxlen = model.config.maxlen
    first = maxlen - len(reading.seen_rows) + 1  # the step of <start>; the steps before it are padding
    small = new_page(browser, width=1280, height=720)
    try:
        open_app(small, app_url, "review", "en", rv_model=model.id, rv_text=text)
        title = step_chart_title(small, "en")
        expect(title).to_have_text(f"Timestep {first} · <start>")  # not the padding at step 1
        expect(step_line(small, "en")).to_contain_text(f"Timestep {first} —")
        chart = step_chart(small)
        labels = chart.locator(".x3tick text")  # the heatmap's timestep axis
        expect(labels.filter(has_text="<pad>")).to_have_count(0)
        assert not player_button(small, "review", "back").is_enabled()  # nothing shown before <start>
        fits_on_screen(small, "review", {"chart": step_chart(small), "step": step_line(small, "en")})
        small.screenshot(path=str(ARTIFACTS / "player-review-en.png"))

        small.get_by_text(t("review_show_padding", "en", pads=first - 1)).click()  # the padding switch
        back = player_button(small, "review", "back")
        expect(back).to_be_enabled()
        back.click()
        expect(title).to_have_text(f"Timestep {first - 1} · <pad>")
        expect(labels.filter(has_text="<pad>").first).to_be_attached()
        texts = [label for label in labels.all() if label.text_content().strip()]
        boxes = sorted((label.bounding_box() for label in texts), key=lambda b: b["x"])
        rows = {}
        for box in boxes:  # each tick label has two lines (step, token): compare boxes on the same line
            rows.setdefault(round(box["y"]), []).append(box)
        for line in rows.values():
            assert all(a["x"] + a["width"] <= b["x"] for a, b in zip(line, line[1:])), line  # none overlap
        small.screenshot(path=str(ARTIFACTS / "player-review-padding-en.png"))
        assert_no_errors(small)
    finally:
        small.context.close()


# --- the training lab -------------------------------------------------------------------------------------


def test_a_tiny_training_run_draws_its_curves_and_finishes(app_url, page, runs_dir):
    # quick mode (the first 5,000 reviews) and 2 epochs: well under a minute on JAX
    open_app(page, app_url, "train", "en", train_preset="lstm", train_mode="quick", train_epochs=2,
             reveal=1)  # a teacher's link: the comparison chart shown at once
    mode = widget(page, "stRadio", t("train_mode", "en"))
    expect(mode.get_by_role("radio", name=t("train_mode_quick", "en", n=5_000, epochs=2))).to_be_checked()
    before = set(runs.RunStore(runs_dir).ids())
    page.get_by_role("button", name=t("train_launch", "en")).click()
    page.locator(".st-key-train_live, .st-key-train_result").first.wait_for(timeout=TIMEOUT_MS)  # at once
    (run_id,) = set(runs.RunStore(runs_dir).ids()) - before  # the run went to the test's folder, not the repo's

    # the user's runs table (the reference runs have their own, inside an expander)
    runs_table = page.locator('[data-testid="stDataFrame"]:not([data-testid="stExpander"] *)').filter(
        has=page.locator('[role="columnheader"]', has_text=t("train_col_state", "en"))).first
    state, done = t("train_col_state", "en"), t("train_state_done", "en")

    def finished():
        name = charts_train.run_label(runs.RunStore(runs_dir).get(run_id), "en")
        (row,) = [row for row in table_rows(runs_table) if row[t("train_col_name", "en")] == name]
        return row if row[state] in (done, t("train_state_failed", "en")) else None

    row = wait_until(page, finished, "the run to finish", timeout_s=300, every_s=1)
    assert row[state] == done, runs.log_tail(runs.RunStore(runs_dir).get(run_id))
    assert row[t("train_col_epochs", "en")] == "2 / 2"
    wait_idle(page)

    label = charts_train.run_label(runs.RunStore(runs_dir).get(run_id), "en", visitor=VISITOR)  # "your run · 9-3 LSTM · …"

    def curves_of_the_run():
        wait_for_charts(page, 1)
        for plot in page.locator('[data-testid="stPlotlyChart"] .js-plotly-plot').all():
            if f"{label} · {t('train_val', 'en')}" in plot_texts(plot, ".legendtext"):
                return plot
        return None

    curves = wait_until(page, curves_of_the_run, f"the curves of {label}")
    assert f"{label} · {t('train_train', 'en')}" in plot_texts(curves, ".legendtext")
    assert curves.locator(".scatterlayer .trace").count() >= 4  # loss, val_loss, accuracy, val_accuracy
    screenshot(page, "train-after-a-run-en")
    assert_no_errors(page)


# --- the reference runs -----------------------------------------------------------------------------------


def test_a_reference_run_opens_with_its_curves(app_url, page):
    reference = [run for run in runs.RunStore(runs.reference_runs_dir()).list() if run.config and run.epochs_run]
    if not reference:
        pytest.skip("no reference run in reference_runs/")
    chosen = next((run for run in reference if run.config.cell == "GRU"), reference[-1])
    name = charts_train.run_label(chosen, "en")  # "reference · 9-3 GRU · num_words=500 · seed 42"
    open_app(page, app_url, "train", "en")
    page.get_by_role("button", name=t("quiz_not_sure", "en")).click()  # the comparison comes after the question
    picker = widget(page, "stMultiSelect", t("train_compare", "en"))
    picker.scroll_into_view_if_needed()
    if picker.get_by_role("button", name="Clear all").count():  # start from an empty comparison
        picker.get_by_role("button", name="Clear all").click()
        page.get_by_text(t("train_pick_compare", "en")).wait_for()
        wait_idle(page)
    # Typing opens the list, filtered, whatever state "Clear all" left it in (a click may close it again)
    picker.get_by_role("combobox").fill(name)
    page.get_by_role("option", name=name, exact=True).click()
    page.keyboard.press("Escape")
    wait_idle(page)

    def curves_of_chosen():
        wait_for_charts(page, 1)
        for plot in page.locator('[data-testid="stPlotlyChart"] .js-plotly-plot').all():
            names = plot_texts(plot, ".legendtext")
            if names and all(text.startswith(name) for text in names):
                return plot
        return None

    plot = wait_until(page, curves_of_chosen, f"the curves of {name}")
    legend = plot_texts(plot, ".legendtext")
    assert f"{name} · {t('train_train', 'en')}" in legend and f"{name} · {t('train_val', 'en')}" in legend
    assert plot.locator(".scatterlayer .trace").count() >= 4  # loss, val_loss, accuracy, val_accuracy
    assert_no_errors(page)
    screenshot(page, "train-reference-run-en")


# --- try a review -----------------------------------------------------------------------------------------


def test_a_typed_review_gets_a_verdict_with_its_probability(app_url, page):
    models = run_choice.available_models([runs.RunStore(runs.reference_runs_dir())])
    if not models:
        pytest.skip("no reference model in reference_runs/")
    model = models[0]
    text = "A wonderful film: brilliant acting, a great story, and I loved every minute of it."
    reading = review.read_text(text, model.vocabulary(), model.config.maxlen)
    expected = weights_file.predict(model.load_weights(), reading.padded)

    open_app(page, app_url, "review", "en", rv_model=model.id)
    type_into(page, "stTextArea", t("review_text", "en"), text)
    wait_for_query(page, "rv_text", text)
    question = page.locator('[class*="st-key-review_verdict_"][class*="_box"]')  # asked anew for this review
    question.get_by_role("button", name=t("quiz_not_sure", "en")).click()  # the verdicts come after the question
    verdict = page.get_by_text(re.compile(r"models say positive \(> 0\.5\)"))
    wait_until(page, lambda: f"says {expected:.3f}" in verdict.inner_text(), f"the verdict 'says {expected:.3f}'")
    wait_idle(page)
    assert re.search(r"(\d+) of (\d+) models say positive", verdict.inner_text())
    wait_for_query(page, "rv_text", text)
    wait_for_charts(page, PAGES["review"][2] + 2)  # and the verdicts, the prediction after each word
    assert_no_errors(page)


# --- shared links -----------------------------------------------------------------------------------------


def test_a_copied_link_reopens_the_same_page_language_and_settings(app_url, browser, page):
    open_app(page, app_url, "tokens", "ko", text="the movie was great", maxlen=12, padding="post")
    page.get_by_role("button", name=t("quiz_not_sure", "ko")).click()  # maxlen and truncating come after it
    truncating = widget(page, "stRadio", t("tokens_truncating", "ko"))
    truncating.get_by_text(t("tokens_post", "ko")).click()  # one change made on the page
    wait_for_query(page, "truncating", "post")
    wait_idle(page)
    shared = page.url

    friend = new_page(browser)  # someone else opens the link: a new browser, a new session
    try:
        friend.goto(shared)
        wait_for_page(friend, "tokens", "ko")
        # the Korean label also says how to apply (ui.input_label): not an exact match
        text_box = friend.get_by_test_id("stTextArea").filter(has_text=t("tokens_input", "ko")).locator("textarea")
        expect(text_box).to_have_value("the movie was great")
        friend.get_by_role("button", name=t("quiz_not_sure", "ko")).click()  # the friend is asked first, too
        slider = widget(friend, "stSlider", t("tokens_maxlen", "ko"))
        expect(slider.get_by_test_id("stSliderThumbValue")).to_have_text("12")
        for key in ("tokens_padding", "tokens_truncating"):
            radio = widget(friend, "stRadio", t(key, "ko"))
            expect(radio.get_by_role("radio", name=t("tokens_post", "ko"))).to_be_checked()
        expect(friend.get_by_text("(1, 12)", exact=False).first).to_be_visible()
        assert query_of(friend.url) == query_of(shared)
        assert_no_errors(friend)
    finally:
        friend.context.close()


def test_a_copied_training_lab_link_keeps_the_model_settings(app_url, browser, page):
    open_app(page, app_url, "train", "en", train_preset="gru", train_mode="full")
    preset = widget(page, "stSelectbox", t("train_preset", "en"))
    expect(preset.get_by_role("combobox")).to_have_value(t("preset_gru", "en"))
    page.get_by_text(t("train_more", "en")).click()  # the expander with the remaining settings
    epochs = widget(page, "stNumberInput", t("train_epochs", "en")).locator("input")
    epochs.fill("7")
    epochs.press("Enter")
    wait_for_query(page, "train_epochs", "7")
    wait_idle(page)
    shared = page.url

    friend = new_page(browser)
    try:
        friend.goto(shared)
        wait_for_page(friend, "train", "en")
        preset = widget(friend, "stSelectbox", t("train_preset", "en")).get_by_role("combobox")
        expect(preset).to_have_value(t("preset_gru", "en"))  # waiting: the page may still be drawing
        mode = widget(friend, "stRadio", t("train_mode", "en"))
        expect(mode.get_by_role("radio", name=t("train_mode_full", "en", n=20_000, epochs=7))).to_be_checked()
        friend.get_by_text(t("train_more", "en")).click()
        expect(widget(friend, "stNumberInput", t("train_epochs", "en")).locator("input")).to_have_value("7")
        assert_no_errors(friend)
    finally:
        friend.context.close()


# --- a language switch with the visitor's own runs present (issue 11) ----------------------------------------


@pytest.fixture
def users_runs(runs_dir):
    """The visitor's finished runs (reference folders copied into this server's runs folder), removed after."""
    import shutil

    reference = runs.RunStore(runs.reference_runs_dir()).list()
    made = {}
    for name, preset, run_id in (("lstm", "lstm", "20991231-235958-aaaaaa"),
                                 ("embedding", "embedding-simplernn", "20991231-235959-bbbbbb")):
        source = next(r for r in reference if r.preset == preset and r.config.num_words == 500)
        shutil.copytree(source.path, runs_dir / run_id)
        set_owner(runs_dir / run_id, VISITOR)  # trained from the tests' browser
        made[name] = runs.RunStore(runs_dir).get(run_id)
    yield made
    for run in made.values():
        shutil.rmtree(run.path)


def switch_to_english(page, path: str) -> None:
    page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
    wait_for_page(page, path, "en")


def test_onehot_page_survives_a_language_switch_then_a_touch(app_url, browser, users_runs):
    from playwright.sync_api import expect

    page = new_page(browser, 1280, 720)
    try:
        open_app(page, app_url, "onehot", "ko")
        mine = charts_train.run_label(users_runs["embedding"], "en", visitor=VISITOR)
        switch_to_english(page, "onehot")
        slider = widget(page, "stSlider", t("oh_maxlen", "en")).get_by_role("slider")
        slider.press("ArrowLeft")  # touch any widget: maxlen 100 -> 90
        wait_for(page, "() => location.search.includes('oh_maxlen=90')")  # the run got to its end...
        wait_idle(page)
        expect(page.locator('[data-testid="stException"]')).to_have_count(0)  # ...without the TypeError
        picked = widget(page, "stMultiSelect", t("oh_runs_pick", "en"))
        expect(picked).to_contain_text(mine)  # the kept choice, now in English
        expect(picked).to_contain_text(t("review_whose_reference", "en"))
        curves = page.locator('[data-testid="stPlotlyChart"] .legendtext', has_text=f"{mine} · ")
        expect(curves.first).to_be_visible()  # the results chart, with the visitor's run in it
        assert_no_errors(page)
        screenshot(page, "onehot-after-language-switch-en")
    finally:
        page.context.close()


def test_review_page_survives_a_language_switch_then_a_touch(app_url, browser, users_runs):
    from playwright.sync_api import expect

    page = new_page(browser, 1280, 720)
    try:
        open_app(page, app_url, "review", "ko", reveal=1)  # a teacher's link: the verdicts at once
        own = users_runs["lstm"]
        model_box = widget(page, "stSelectbox", t("review_model", "ko")).get_by_role("combobox")
        model_box.click()
        model_box.fill(t("review_whose_yours", "ko"))  # the list is long: search it, as a visitor can
        page.get_by_role("option", name=charts_train.run_label(own, "ko", visitor=VISITOR), exact=True).click()
        wait_for_query(page, "rv_model", own.id)
        wait_idle(page)
        switch_to_english(page, "review")
        text = "A wonderful film: brilliant acting, a great story, and I loved every minute of it."
        type_into(page, "stTextArea", t("review_text", "en"), text)  # touch a widget
        wait_for_query(page, "rv_text", text)
        wait_idle(page)
        expect(page.locator('[data-testid="stException"]')).to_have_count(0)
        box = widget(page, "stSelectbox", t("review_model", "en")).get_by_role("combobox")
        expect(box).to_have_value(charts_train.run_label(own, "en", visitor=VISITOR))  # still the visitor's run, in English
        reading = review.read_text(text, own.vocabulary(), own.config.maxlen)
        expected = weights_file.predict(own.load_weights(), reading.padded)
        expect(page.get_by_text(re.compile(r"models say positive"))).to_contain_text(f"says {expected:.3f}")
        wait_for_charts(page, PAGES["review"][2])
        assert_no_errors(page)
        screenshot(page, "review-after-language-switch-en")
    finally:
        page.context.close()


def chart_labels(page) -> list[str]:
    """Every category label of the page's Plotly charts (bar names, legend entries), as drawn in the browser."""
    return page.evaluate("""() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(plot =>
        (plot.data || []).flatMap(trace => [...Array.from(trace.y || []), trace.name || '']).filter(v => typeof v === 'string'))""")


def test_two_browsers_of_a_class_each_see_their_own_runs_as_theirs(app_url, browser, users_runs):
    """Issue 24: the visitor who trained sees "your run" in the verdicts; a classmate's fresh browser, open at the
    same time, sees the reference models only, and on asking, the run as another visitor's."""
    trained, classmate = new_page(browser, 1280, 720), new_page(browser, 390, 844, token=None)
    try:
        open_app(trained, app_url, "review", "ko", reveal=1)
        open_app(classmate, app_url, "review", "ko", reveal=1)
        yours = charts_train.run_label(users_runs["lstm"], "ko", seed=False, visitor=VISITOR)
        theirs = charts_train.run_label(users_runs["lstm"], "ko", seed=False, visitor=STRANGER)
        assert yours in chart_labels(trained)
        seen = chart_labels(classmate)
        assert yours not in seen and theirs not in seen and t("review_whose_yours", "ko") not in " ".join(seen)
        classmate.get_by_test_id("stCheckbox").filter(has_text=t("runs_everybody", "ko")).locator("label").click()
        wait_for(classmate, "name => [...document.querySelectorAll('.js-plotly-plot')].some(plot => "
                            "(plot.data || []).some(trace => Array.from(trace.y || []).includes(name)))", theirs)
        assert yours not in chart_labels(classmate)  # named as another visitor's, never "yours"
        screenshot(classmate, "review-classmate-everybody-ko-390")
    finally:
        trained.context.close()
        classmate.context.close()


# --- the training lab at a laptop's size (issue 11) -------------------------------------------------------


def fake_finished_run(runs_dir, preset="lstm", test_accuracy=0.71):
    """A finished quick run written straight into the server's runs folder (no training)."""
    from rnnviz import config as cfg

    store = runs.RunStore(runs_dir)
    run_id = store.create(cfg.quick(cfg.PRESETS[preset]), owner=VISITOR)  # the tests' browser's
    rows = "".join(f"{i},{0.6 + i / 20},{0.68 - i / 20},{0.6 + i / 25},{0.68 - i / 30}\r\n" for i in range(3))
    (store.path(run_id) / runs.HISTORY_FILE).write_text("epoch,accuracy,loss,val_accuracy,val_loss\r\n" + rows,
                                                      newline="")
    files.write_json(store.path(run_id) / runs.TEST_FILE, {"loss": 0.5, "accuracy": test_accuracy, "samples": 25_000})
    store.update_status(run_id, state=runs.DONE, started=time.time(), seconds_per_epoch=0.2)
    return run_id


@pytest.mark.parametrize("lang", ["ko"])  # one language: the queue test below runs in the other
def test_start_is_disabled_while_the_run_trains_then_a_result_card_appears(app_url, browser, runs_dir, lang):
    from playwright.sync_api import expect

    page = new_page(browser, width=1280, height=720)
    try:
        open_app(page, app_url, "train", lang, train_preset="lstm", train_mode="quick", train_epochs=2)
        start = page.get_by_role("button", name=t("train_launch", lang))
        expect(start).to_be_enabled()
        start.click()
        # while it trains: the button is disabled and one line says why; the steps before the first point show
        expect(start).to_be_disabled(timeout=TIMEOUT_MS)
        reason = page.get_by_text(t("train_launch_wait_mine", lang), exact=True)
        expect(reason).to_be_visible()
        live = page.locator(".st-key-train_live")
        expect(live).to_be_visible()
        expect(live.get_by_text(t("train_step_data", lang), exact=False)).to_be_visible()
        expect(page.get_by_text(t("train_launch_will_queue", lang, limit=1, place=1))).to_have_count(0)  # not queued
        screenshot(page, f"train-while-training-{lang}")
        # when it ends: the live box goes, a result card stays, with the reference runs' mean beside it
        card = page.locator(".st-key-train_result")
        expect(card).to_be_visible(timeout=300_000)
        expect(live).to_have_count(0)
        expect(start).to_be_enabled()
        expect(reason).to_have_count(0)
        run = next(r for r in runs.RunStore(runs_dir).list() if r.config and r.config.epochs == 2 and not r.active)
        assert run.state == runs.DONE, runs.log_tail(run)
        expect(card.get_by_text(t("train_result_mine", lang), exact=True)).to_be_visible()
        expect(card).to_contain_text(f"{run.test_accuracy:.3f}")
        reference = charts_train.reference_mean(run, runs.RunStore(runs.reference_runs_dir()).list())
        if reference is not None:  # the committed reference runs
            expect(card).to_contain_text(t("train_result_reference", lang, n=reference["seeds"]))
            expect(card).to_contain_text(f"{reference['val_accuracy']:.3f}")
            expect(card).to_contain_text(f"{reference['test_accuracy']:.3f}")
        expect(card).not_to_contain_text(run.id)  # a readable name, never the folder name
        assert_no_errors(page)
        screenshot(page, f"train-result-card-{lang}")
    finally:
        page.context.close()


@pytest.mark.parametrize("lang", ["en"])  # one language: the start test above runs in the other
def test_a_start_with_every_slot_taken_waits_in_the_queue_and_can_be_cancelled(app_url, browser, runs_dir, lang):
    from rnnviz import config as cfg
    from rnnviz import processes

    store = runs.RunStore(runs_dir)
    # another visitor's run holds the server's one slot: a live process (this test's), writing on time
    blocker = store.create(cfg.quick(cfg.PRESETS["lstm"]), owner="another-visitor")
    store.update_status(blocker, state=runs.RUNNING, pid=os.getpid(), started=time.time(), phase="training",
                        pid_start=processes.process_start_ticks(os.getpid()), heartbeat=time.time() + 600)
    page = new_page(browser, width=1280, height=720)
    try:
        open_app(page, app_url, "train", lang, train_preset="lstm", train_mode="quick", train_epochs=2)
        expect(page.get_by_text(t("train_launch_will_queue", lang, limit=1, place=1))).to_be_visible()
        start = page.get_by_role("button", name=t("train_launch", lang))
        expect(start).to_be_enabled()  # every slot taken: Start queues instead of refusing
        start.click()
        card = page.locator('[class*="st-key-train_waiting_"]')
        expect(card).to_be_visible()
        expect(card.get_by_role("heading", name=t("train_queue_place", lang, place=1, total=1))).to_be_visible()
        expect(start).to_be_disabled()  # one waiting run per visitor
        expect(page.get_by_text(t("train_launch_wait_queued", lang))).to_be_visible()
        [mine] = [run for run in store.list() if run.state == runs.WAITING]
        assert mine.owner != "another-visitor"
        screenshot(page, f"train-queued-{lang}")
        card.get_by_role("button", name=t("train_cancel", lang)).click()
        expect(card).to_have_count(0)
        expect(start).to_be_enabled()
        assert mine.id not in store.ids()  # cancelled: nothing left behind, nothing trained
        assert_no_errors(page)
    finally:
        page.context.close()
        store.update_status(blocker, state=runs.DONE, ended=time.time(), phase=None)  # the slot, for the next tests


@pytest.mark.parametrize("width", [1280, 1400])
def test_the_runs_table_fits_and_shows_the_rest_on_demand(app_url, browser, runs_dir, width):
    from playwright.sync_api import expect

    fake_finished_run(runs_dir)
    page = new_page(browser, width=width, height=720)
    try:
        open_app(page, app_url, "train", "en", train_preset="embedding-simplernn")
        # the "use num_words = 200" button shows its whole text
        words = page.get_by_role("button", name=t("train_use_200", "en"))
        expect(words).to_be_visible()
        assert words.evaluate("b => [...b.querySelectorAll('*')].every(e => e.scrollWidth <= e.clientWidth + 1)")
        grid = page.locator(".st-key-train_mine_table [data-testid='stDataFrame']")
        grid.scroll_into_view_if_needed()
        headers = grid.locator('[role="columnheader"]')
        short = [t(key, "en") for key in charts_train.SHORT_COLUMNS]
        expect(headers).to_have_text(short)
        # the grid draws on a canvas inside a scroller: with five columns nothing is left to scroll sideways to
        scroller = grid.locator(".dvn-scroller").first
        expect(scroller).to_be_attached()
        assert scroller.evaluate("e => e.scrollWidth <= e.clientWidth + 1"), scroller.evaluate(
            "e => [e.scrollWidth, e.clientWidth]")
        page.get_by_text(t("train_more_columns", "en")).click()
        expect(headers.filter(has_text=t("train_col_settings", "en"))).to_have_count(1)
        assert headers.count() > len(short)
        # all twelve do not fit (why they are not the default): the same check sees the sideways scroll
        wait_until(page, lambda: scroller.evaluate("e => e.scrollWidth > e.clientWidth + 1"), "a wider grid")
        assert_no_errors(page)
    finally:
        page.context.close()
