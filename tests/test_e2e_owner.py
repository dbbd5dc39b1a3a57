"""Who may stop or delete a run, in real browsers (issue 12): only a cookie can show this, AppTest has none.

A run belongs to the browser whose secret token (cookie `rnnviz_owner`, made by the app) hashes to
the run's stored owner. Runs are written straight into the server's runs folder, owned by the token
the first browser got, so nothing trains.
"""

import os
import time
from pathlib import Path

import pytest

from tools.appserver import CHROMIUM, app_server, chromium

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        pytest.fail(f"CI must provide {CHROMIUM} (.ci/run installs Debian's chromium)", pytrace=False)
    pytest.skip(f"no {CHROMIUM}: apt-get install chromium", allow_module_level=True)

from playwright.sync_api import expect  # noqa: E402 - imported after the skip
from test_page_train import fake_run  # noqa: E402

from rnnviz import owner, runs  # noqa: E402
from rnnviz.i18n import t  # noqa: E402

pytestmark = pytest.mark.browser

TIMEOUT_MS = int(os.environ.get("E2E_TIMEOUT_MS", "120000"))  # a busy machine: be patient, assert no timings
expect.set_options(timeout=TIMEOUT_MS)
# Streamlit's XSRF cookie as two browsers get it in the same second: only its last field, the second,
# made the old owner. Set in both browsers below, they are "the same second" on any machine.
SAME_SECOND = f"2|00000000|{'ab' * 16}|{int(time.time())}"


@pytest.fixture(scope="module")
def runs_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("runs")


@pytest.fixture(scope="module")
def app_url(imdb_folder, runs_dir, tmp_path_factory):
    env = {"RNNVIZ_DATA_DIR": str(imdb_folder), "RNNVIZ_RUNS_DIR": str(runs_dir),
           "RNNVIZ_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))}
    with app_server(env=env, timeout=120) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as chromium_browser:
        yield chromium_browser


def new_context(browser, app_url, cookies: dict[str, str] | None = None, storage_state=None):
    """A browser profile of its own (a new Streamlit session), holding `cookies` for the app's site."""
    context = browser.new_context(locale="en-US", storage_state=storage_state)
    context.set_default_timeout(TIMEOUT_MS)
    context.add_cookies([{"name": name, "value": value, "url": app_url} for name, value in (cookies or {}).items()])
    return context


def open_lab(context, app_url):
    """The training lab, drawn (its title) and with this browser's owner cookie kept."""
    page = context.new_page()
    page.goto(f"{app_url}/train?lang=en")
    expect(page.get_by_role("heading", name=t("train_title", "en"))).to_be_visible()
    page.wait_for_function(  # a token the app made: a missing or malformed cookie is replaced by the page
        "name => document.cookie.split('; ').some(c => /^[A-Za-z0-9_-]{43}$/.test(c.slice(name.length + 1))"
        " && c.startsWith(name + '='))", arg=owner.COOKIE, timeout=TIMEOUT_MS)
    return page


def cookie(context, name: str) -> str | None:
    return next((c["value"] for c in context.cookies() if c["name"] == name), None)


def button(page, key: str):
    return page.get_by_role("button", name=t(key, "en"), exact=True)


def assert_offered_stop_and_delete(page):
    expect(button(page, "train_stop")).to_be_visible()  # the running run, live
    expect(button(page, "train_delete")).to_be_visible()  # the selected run: the newest, finished
    expect(page.get_by_text(t("train_not_yours_note", "en"))).to_have_count(0)


def assert_offered_nothing(page):
    """Another visitor's runs: a note where the live run's Stop would be; their finished run is not even
    offered to select (other visitors' runs are listed on asking: the page selects a reference run)."""
    expect(page.get_by_text(t("train_not_yours_note", "en"))).to_have_count(1)
    expect(page.get_by_text(t("train_reference_note", "en"))).to_have_count(1)
    expect(button(page, "train_stop")).to_have_count(0)
    expect(button(page, "train_delete")).to_have_count(0)


@pytest.fixture(scope="module")
def first(browser, app_url, runs_dir):
    """The first visitor: opens the lab (and gets a token), then owns a running and a finished run."""
    context = new_context(browser, app_url, {"_streamlit_xsrf": SAME_SECOND})
    open_lab(context, app_url)
    token = cookie(context, owner.COOKIE)
    assert owner.is_token(token)
    mine = owner.owner_hash(token)
    # A live run all module long: an hour per epoch, so no heartbeat is due (else, after a minute on a
    # busy machine, it is shown stalled, with End instead of Stop).
    fake_run(runs_dir, state=runs.RUNNING, pid=os.getpid(), phase="training", epoch=1, owner=mine,
             seconds_per_epoch=3600.0)
    fake_run(runs_dir, owner=mine)  # the newest: the selected run
    yield context
    context.close()


def test_the_browser_that_launched_a_run_may_stop_and_delete_it(first, app_url):
    page = open_lab(first, app_url)  # a new session: the owner comes from the cookie the first one set
    assert_offered_stop_and_delete(page)


def test_a_browser_opening_in_the_same_second_is_another_visitor(first, browser, app_url):
    other = new_context(browser, app_url, {"_streamlit_xsrf": SAME_SECOND})
    try:
        page = open_lab(other, app_url)
        assert owner.is_token(cookie(other, owner.COOKIE))
        assert cookie(other, owner.COOKIE) != cookie(first, owner.COOKIE)
        assert_offered_nothing(page)
    finally:
        other.close()


@pytest.mark.parametrize("forged", [
    "random token",  # a well-formed guess
    "stored owner",  # the hash status.json holds, sent back as the token
    "malformed",  # the first visitor's token, one character changed to one a token never has
    "old trick",  # the first visitor's XSRF cookie second, replayed with another masked token
])
def test_a_forged_or_replayed_cookie_gets_nothing(forged, first, browser, app_url):
    token = cookie(first, owner.COOKIE)
    cookies = {"random token": {owner.COOKIE: owner.new_token()},
               "stored owner": {owner.COOKIE: owner.owner_hash(token)},
               "malformed": {owner.COOKIE: token[:-1] + "!"},
               "old trick": {"_streamlit_xsrf": f"2|00000000|{'cd' * 16}|{SAME_SECOND.rsplit('|', 1)[1]}"}}[forged]
    intruder = new_context(browser, app_url, cookies)
    try:
        page = open_lab(intruder, app_url)
        assert_offered_nothing(page)
        fresh = cookie(intruder, owner.COOKIE)  # a malformed value was replaced by a token of the app's own
        assert owner.is_token(fresh) and fresh != token
    finally:
        intruder.close()


def test_a_restarted_browser_still_owns_its_runs(first, browser, app_url):
    saved = first.storage_state()
    # What survives a browser restart: cookies with an expiry (Streamlit's XSRF cookie is a session cookie).
    kept = {**saved, "cookies": [c for c in saved["cookies"] if c["expires"] > 0]}
    assert [c["name"] for c in kept["cookies"]] == [owner.COOKIE]
    restarted = new_context(browser, app_url, storage_state=kept)
    try:
        assert_offered_stop_and_delete(open_lab(restarted, app_url))
    finally:
        restarted.close()
