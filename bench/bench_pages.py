"""First render of the pages: in a cold process (AppTest), and in a real browser against a baseline.

    RNNVIZ_DATA_DIR=../shared/data/imdb python bench/bench_pages.py [repeats] [--browser [BASELINE_COMMIT]]

With --browser it also times, in headless Chromium against `streamlit run app.py`, every page's
first visit, a deep link and a widget change, for the baseline commit (default `BASELINE_COMMIT`,
exported with `git archive` to a temporary folder) and the current checkout in the same run,
interleaved (`measure_browser`).

Each measurement is a fresh `python` process (cold imports) that renders one
page with AppTest; we time the whole process and the render alone, and record
whether TensorFlow/Keras/JAX got imported. The tokens page is measured twice:
with an empty rnnviz disk cache (the first visit on a new machine) and with
the review lengths already cached on disk (every later process).
Goal (issue 2): <= 2 s per page, no TensorFlow in the process.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools.checkout import BASELINE_COMMIT, exported  # noqa: E402
from tools.machine import describe  # noqa: E402
from rnnviz import config as cfg  # noqa: E402
from report_text import DATA_COMMAND, Settings, bullets, provenance, span, start_mark  # noqa: E402

PROBE = textwrap.dedent("""
    import json, sys, time
    started = time.perf_counter()
    from streamlit.testing.v1 import AppTest
    target, page = sys.argv[1], sys.argv[2]
    at = AppTest.from_string(target) if page == "empty" else AppTest.from_file(target, default_timeout=120)
    render_start = time.perf_counter()
    at.run()
    if page not in ("empty", "home"):
        at.switch_page(page).run()
    done = time.perf_counter()
    assert not at.exception, at.exception
    at.run()  # the same visitor's next rerun (a widget touched)
    rerun_s = time.perf_counter() - done
    print(json.dumps({"render_s": done - render_start, "process_s": done - started, "rerun_s": rerun_s,
                      "errors": len(at.error),
                      "heavy": sorted(m for m in ("tensorflow", "keras", "jax") if m in sys.modules)}))
""")

GOAL_S = 2.0  # issue 2: seconds per page, cold process

OFFLINE = "offline"  # a case without the data: no RNNVIZ_DATA_DIR, an empty Keras cache, no internet here
CASES = [
    ("empty Streamlit page (baseline)", "empty", "import streamlit as st\nst.title('empty')", False),
    ("home", "home", str(ROOT / "app.py"), False),
    ("tokens, empty disk cache", "views/tokens.py", str(ROOT / "app.py"), True),
    ("tokens, second process", "views/tokens.py", str(ROOT / "app.py"), False),
    ("tokens, offline without the data", "views/tokens.py", str(ROOT / "app.py"), OFFLINE),
]
FIRST_VISIT_GOAL = 3.0  # issue 23: a new machine's first tokens page <= 3x the empty page
OFFLINE_RERUN_GOAL_S = 2.0  # issue 23: without the data, a rerun of the tokens page <= 2 s


def measure(page: str, target: str, home: str, offline: bool = False) -> dict:
    env = {**os.environ, "HOME": home, "RNNVIZ_CACHE_DIR": f"{home}/rnnviz-cache"}
    if offline:
        env = {**{k: v for k, v in env.items() if k != "RNNVIZ_DATA_DIR"}, "KERAS_HOME": f"{home}/no-keras",
               "RNNVIZ_CACHE_DIR": f"{home}/offline-cache"}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", PROBE, target, page], env=env, cwd=ROOT,
                          capture_output=True, text=True, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["wall_s"] = time.perf_counter() - started
    return result


def measure_cases(repeats: int = 3) -> list[dict]:
    """Each case's median over `repeats` cold processes, with its ratio to the empty page."""
    rows = []
    with tempfile.TemporaryDirectory() as home:  # a private cache folder
        for label, page, target, clear_cache in CASES:
            results = []
            for _ in range(repeats):
                if clear_cache:  # True, or OFFLINE: each process starts on an empty cache folder
                    subprocess.run(["rm", "-rf", f"{home}/rnnviz-cache", f"{home}/offline-cache"], check=True)
                results.append(measure(page, target, home, offline=clear_cache == OFFLINE))
            rows.append({"label": label, "page": page, "cold_cache": clear_cache is True,
                         "offline": clear_cache == OFFLINE,
                         "wall_s": statistics.median(r["wall_s"] for r in results),
                         "render_s": statistics.median(r["render_s"] for r in results),
                         "rerun_s": statistics.median(r["rerun_s"] for r in results),
                         "errors": results[-1]["errors"], "heavy": results[-1]["heavy"]})
    for row in rows:
        row["vs_empty"] = row["wall_s"] / rows[0]["wall_s"]  # the first case is the empty page
    return rows


def table(rows: list[dict]) -> str:
    lines = ["| page | process wall (s) | render only (s) | vs. empty page | next rerun (s) | heavy imports |",
             "| --- | ---: | ---: | ---: | ---: | --- |"]
    lines += [f"| {row['label']} | {row['wall_s']:.2f} | {row['render_s']:.2f} | {row['vs_empty']:.2f}x | "
              f"{row.get('rerun_s', float('nan')):.2f} | {', '.join(row['heavy']) or 'none'} |" for row in rows]
    return "\n".join(lines)




# ---------------------------------------------------------------------------------------------- browser
# What a visitor waits for in a real browser (issue 11): `streamlit run app.py` in headless Chromium,
# a baseline checkout and the current one measured in the same run, interleaved.

WARM_CHANGE = "widget change (warm server)"
READ_HOME_S = 3  # seconds a visitor spends on the home page before the first click (as a reader, not a robot)
WARM_CHANGES = 3  # changes in a row on the warm server; their median is reported
BROWSER_GOAL_S = {"first visit": 2.0, "deep link": 2.0, "widget change": 0.5,  # issue 11 (widget: numpy pages)
                  WARM_CHANGE: 0.5}
NUMPY_PAGES = ("tokens", "hidden", "cells")
# URL path -> (title key, charts drawn at least, widget change: (kind, label key, option index or None,
#               query key, query value after the change)). Kinds: "slider" moves one step right with
#               the keyboard; "radio" clicks the option. The query key shows the rerun has finished.
BROWSER_PAGES = {
    "tokens": ("tokens_title", 2, ("slider", "tokens_maxlen", None, "maxlen", "9")),
    "hidden": ("page_hidden", 3, ("slider", "fade_steps", None, "fade_T", "51")),
    "onehot": ("oh_title", 2, ("slider", "oh_maxlen", None, "oh_maxlen", "110")),
    "cells": ("page_cells", 2, ("radio", "cells_kind", 1, "cell_kind", "GRU")),
    "train": ("train_title", 0, ("radio", "train_mode", 1, "train_mode", "full")),
    "review": ("page_review", 2, ("radio", "review_source", 1, "rv_source", "test")),
}
_DONE_JS = """([title, charts, query]) => {
    if (document.querySelector('[data-testid="stStatusWidget"]')) return false;
    if (![...document.querySelectorAll('h1')].some(h => h.innerText.includes(title))) return false;
    if (query && !location.search.includes(query)) return false;
    const drawn = document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot .main-svg');
    return drawn.length >= charts;
}"""


def _wait_done(page, title: str, charts: int, query: str = "", timeout_ms: int = 120_000) -> None:
    """Until the script has finished, the page's title and `charts` drawn Plotly charts are on screen."""
    page.wait_for_function(_DONE_JS, arg=[title, charts, query], timeout=timeout_ms, polling=20)


_SETTLED_JS = """async () => {
    // Until the page has fetched no new code for 300 ms and the main thread has had an idle moment.
    let seen = -1;
    while (seen !== performance.getEntriesByType('resource').length) {
        seen = performance.getEntriesByType('resource').length;
        await new Promise(done => setTimeout(done, 300));
        await new Promise(done => requestIdleCallback(done, {timeout: 5000}));
    }
}"""


def _wait_settled(page) -> None:
    """Until the browser has drawn the whole page (its lower part comes after the charts `_wait_done`
    waits for) and is idle: a widget change is then timed alone, not behind the end of a visit."""
    page.evaluate(_SETTLED_JS)


def _timed(action, wait, what: str = "") -> float:
    started = time.perf_counter()
    action()
    try:
        wait()
    except Exception as error:  # a timeout: say which page and measure
        raise RuntimeError(f"{what}: {type(error).__name__}: {str(error)[:300]}") from None
    return time.perf_counter() - started


def _change_widget(page, change, lang: str) -> None:
    from rnnviz.i18n import t

    kind, label_key, option, _, _ = change
    main = page.locator('[data-testid="stMain"]')
    if kind == "slider":
        box = main.locator('[data-testid="stSlider"]').filter(has_text=t(label_key, lang)).first
        box.locator('input[type="range"]').press("ArrowRight")
    else:
        box = main.locator('[data-testid="stRadio"]').filter(has_text=t(label_key, lang)).first
        box.locator('[role="radiogroup"] label').nth(option).click()


def measure_server(checkout: Path, browser, lang: str = "ko", env: dict | None = None) -> dict[str, dict]:
    """One fresh server of `checkout`: per page, the first visit, a widget change and a deep link (s).

    A session opens the home page (the server's first script run), then visits every page by its
    sidebar link in the sidebar's order (first visit: that page's first run in this server) and
    changes one widget there. Then a new session (browser context) opens each page's URL (a
    shared link: the page's JavaScript, app.py and the page, on a warm server).
    """
    from rnnviz.i18n import t
    from tools.appserver import streamlit_server

    times: dict[str, dict] = {}
    with streamlit_server(checkout / "app.py", env=env, timeout=120) as (url, _):
        context = browser.new_context(viewport={"width": 1280, "height": 720})
        page = context.new_page()
        times["home"] = {"deep link (cold server)": _timed(
            # reveal=1: the pages' questions answered (a teacher's link), so the controls they gate are there
            lambda: page.goto(f"{url}/?lang={lang}&reveal=1"), lambda: _wait_done(page, t("home_title", lang), 0))}
        page.wait_for_timeout(READ_HOME_S * 1000)  # the visitor reads home before clicking a page
        for path, (title_key, charts, change) in BROWSER_PAGES.items():
            title = t(title_key, lang)
            link = page.locator('[data-testid="stSidebarNav"] a').filter(has_text=t(_nav_key(path), lang)).first
            first = _timed(link.click, lambda: _wait_done(page, title, charts), f"{checkout} {path} first visit")
            query = f"{change[3]}={change[4]}"
            _wait_settled(page)  # the visitor looks at the page before moving a control
            widget = _timed(lambda: _change_widget(page, change, lang),
                            lambda: _wait_done(page, title, charts, query), f"{checkout} {path} widget change")
            times[path] = {"first visit": first, "widget change": widget}
        context.close()
        for path, (title_key, charts, _) in BROWSER_PAGES.items():
            context = browser.new_context(viewport={"width": 1280, "height": 720})
            page = context.new_page()
            times[path]["deep link"] = _timed(lambda: page.goto(f"{url}/{path}?lang={lang}"),
                                              lambda: _wait_done(page, t(title_key, lang), charts),
                                              f"{checkout} {path} deep link")
            context.close()
        for path, (title_key, charts, change) in BROWSER_PAGES.items():  # the server warm: a class's later visitors
            context = browser.new_context(viewport={"width": 1280, "height": 720})
            page = context.new_page()
            page.goto(f"{url}/{path}?lang={lang}&reveal=1")
            _wait_done(page, t(title_key, lang), charts)
            times[path][WARM_CHANGE] = statistics.median(
                _changes(page, change, lang, t(title_key, lang), charts, f"{checkout} {path}"))
            context.close()
    return times


def _changes(page, change, lang: str, title: str, charts: int, what: str) -> list[float]:
    """`WARM_CHANGES` changes of the page's widget in a row (a radio back and forth), each until the
    URL shows a new value and the run is over, as a learner moves a control a few times (s)."""
    kind, _, option, key, _ = change
    seconds = []
    for number in range(WARM_CHANGES):
        before = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query).get(key, [""])[0]
        this = change if kind == "slider" else (*change[:2], option if number % 2 == 0 else 0, *change[3:])
        _wait_settled(page)
        seconds.append(_timed(lambda: _change_widget(page, this, lang),
                              lambda: _wait_changed(page, title, charts, key, before),
                              f"{what} widget change {number + 1}, warm server"))
    return seconds


def _wait_changed(page, title: str, charts: int, key: str, before: str) -> None:
    """Until the URL's `key` is no longer `before` and the run is over (`_DONE_JS`)."""
    page.wait_for_function(
        """([title, charts, key, before]) => new URLSearchParams(location.search).get(key) !== before
            && (""" + _DONE_JS + """)([title, charts, ""])""",
        arg=[title, charts, key, before or None], timeout=120_000, polling=20)


def _nav_key(path: str) -> str:
    """The i18n key of a page's sidebar link (ui.PAGES)."""
    return "nav_tokens" if path == "tokens" else f"page_{path}"


FLOOR_APP = """import plotly.graph_objects as go
import streamlit as st

st.title("floor")
st.plotly_chart(go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2])))
"""


def measure_floor(browser) -> float:
    """A deep link to a one-chart Streamlit app (warm server): what any page pays before its own work."""
    from tools.appserver import streamlit_server

    with tempfile.TemporaryDirectory(prefix="rnnviz-floor-") as folder:
        script = Path(folder) / "floor.py"
        script.write_text(FLOOR_APP)
        with streamlit_server(script, timeout=120) as (url, _):
            context = browser.new_context(viewport={"width": 1280, "height": 720})
            page = context.new_page()
            page.goto(url)
            _wait_done(page, "floor", 1)  # warm the server
            context.close()
            context = browser.new_context(viewport={"width": 1280, "height": 720})
            page = context.new_page()
            seconds = _timed(lambda: page.goto(url), lambda: _wait_done(page, "floor", 1))
            context.close()
    return seconds


def measure_browser(baseline: Path, repeats: int = 2, lang: str = "ko") -> dict:
    """Baseline and current checkout, `repeats` fresh servers each, alternating which goes first.

    Returns:
        ``{"baseline": {page: {measure: [s, ...]}}, "new": {...}, "floor": [s, ...], "repeats": n}``;
        "floor" is `measure_floor`, once per round.
    """
    from tools.appserver import chromium

    checkouts = {"baseline": Path(baseline), "new": ROOT}
    results: dict = {name: {} for name in checkouts}
    results["floor"] = []
    with chromium() as browser:
        for repeat in range(repeats):
            results["floor"].append(measure_floor(browser))
            order = list(checkouts) if repeat % 2 == 0 else list(reversed(checkouts))
            for name in order:
                for path, measures in measure_server(checkouts[name], browser, lang).items():
                    for measure, seconds in measures.items():
                        results[name].setdefault(path, {}).setdefault(measure, []).append(seconds)
    return {**results, "repeats": repeats, "lang": lang}


def browser_rows(results: dict) -> list[dict]:
    """One row per page and measure: medians of baseline and new, their ratio, the goal."""
    rows = []
    for path, measures in results["new"].items():
        for measure, new in measures.items():
            old = results["baseline"].get(path, {}).get(measure)
            if not old:
                continue
            goal = BROWSER_GOAL_S.get(measure)
            if measure.startswith("widget change") and path not in NUMPY_PAGES:
                goal = None  # issue 11 sets the 0.5 s goal for the numpy pages only
            rows.append({"page": path, "measure": measure, "baseline_s": statistics.median(old),
                         "new_s": statistics.median(new), "ratio": statistics.median(new) / statistics.median(old),
                         "goal_s": goal, "runs": len(new)})
    return rows


def browser_table(rows: list[dict]) -> str:
    lines = ["| page | measure | baseline 7f506d3 (s) | new (s) | new / baseline | goal (s) |",
             "| --- | --- | ---: | ---: | ---: | ---: |"]
    for row in rows:
        goal = "" if row["goal_s"] is None else f"{row['goal_s']:g}"
        lines.append(f"| {row['page']} | {row['measure']} | {row['baseline_s']:.2f} | {row['new_s']:.2f} | "
                     f"{row['ratio']:.2f} | {goal} |")
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    repeats = int(argv[0]) if argv and argv[0].isdigit() else 3
    print(f"machine: {describe()}")
    print(f"median of {repeats} cold processes each\n")
    print(table(measure_cases(repeats)))
    if "--browser" in argv:
        after = argv[argv.index("--browser") + 1:]
        commit = after[0] if after else BASELINE_COMMIT
        with exported(commit) as baseline:
            results = measure_browser(baseline, repeats=max(repeats // 2, 1))
        print(f"\nbrowser: baseline {commit} vs. this checkout, median of {results['repeats']} servers each\n")
        print(browser_table(browser_rows(results)))
        print(f"\na one-chart Streamlit app's deep link (the floor): {statistics.median(results['floor']):.2f} s")


# ------------------------------------- its section of BENCHMARKS.md: bench/run_all.py calls these two


def measure_section(settings: Settings) -> dict:
    started = start_mark()
    rows = measure_cases(settings.page_repeats)
    browser_started = start_mark()
    with exported(BASELINE_COMMIT) as baseline:
        browser = measure_browser(baseline, settings.browser_repeats)
    return {"rows": rows, "started": started, "browser": browser, "browser_started": browser_started}


def render_browser(results: dict, settings: Settings) -> str:
    """The browser half of the pages section: first visit, deep link, widget change, baseline vs. new."""
    rows = browser_rows(results["browser"])
    met = [f"{row['page']} {row['measure']}" for row in rows if row["goal_s"] and row["new_s"] <= row["goal_s"]]
    missed = [f"{row['page']} {row['measure']} ({row['new_s']:.2f} s)" for row in rows
              if row["goal_s"] and row["new_s"] > row["goal_s"]]
    ratios = [row["ratio"] for row in rows]
    return "\n\n".join([
        "### In the browser, baseline and new in the same run",
        "Goals (issue 11): ≤ 2 s for any page's first visit and deep link, ≤ 0.5 s for a widget change "
        "on the numpy pages (tokens, hidden, cells).",
        provenance(f"{DATA_COMMAND}python bench/bench_pages.py {2 * settings.browser_repeats} --browser "
                   f"{BASELINE_COMMIT}", ("Streamlit", "plotly", "playwright"), settings,
                   results["browser_started"]),
        browser_table(rows),
        bullets(
            f"Headless Debian Chromium at 1280×720, Korean, against `streamlit run app.py`; for each of "
            f"{results['browser']['repeats']} rounds a fresh server of the baseline (`git archive "
            f"{BASELINE_COMMIT}`) and one of this checkout, alternating which goes first; medians.",
            "**First visit**: from the home page (opened with `?reveal=1`, every question answered, so the "
            "controls a question holds back are there, as on the baseline), read for "
            f"{READ_HOME_S} s, the page's sidebar link is clicked, in the sidebar's order, "
            "until the script has finished and the page's charts are drawn (`.main-svg`): the page's first "
            "run in that server. The home page ends with an empty chart, table and code box, hidden "
            "(`ui.preload_chart_code`): the server imports pandas and Plotly and the browser loads those "
            "elements' JavaScript (1.3–4.7 MB each) while the visitor reads, not on the first page after home. "
            "**Widget change**: one slider step or radio option on that page, until the URL shows "
            "the new value and the run is over: the page's first rerun in a server minutes old, once the "
            "browser has drawn the whole page and is idle (`_wait_settled`), while the "
            "server's own warm-up (the training lab's Keras worker on a fresh machine, `rnnviz.warm_up`) "
            "may still take a core. **Widget change (warm server)**: in a new session on the server after "
            f"all the other measures, as a class's later visitors meet it, {WARM_CHANGES} changes in a row "
            "(a radio back and forth), their median. **Deep link**: "
            "a new browser session opens the page's URL on the warm server (page, JavaScript, app.py, the "
            "page's script and its charts).",
            f"New / baseline ranges over {span(ratios, 2, '×')}. Within the goal: {'; '.join(met) or 'none'}."
            + (f" Over it: {'; '.join(missed)}." if missed else ""),
            "A deep link includes the browser loading Streamlit's and Plotly's JavaScript and Plotly "
            "drawing the charts: a deep link to a Streamlit app of one title and one three-point Plotly "
            f"chart took {statistics.median(results['browser']['floor']):.2f} s in the same run (median), "
            "a floor that no page can go below on this machine.",
            "What the browser draws is the cost: on this 2-core machine its main thread is busy for most of "
            "a deep link (parsing Plotly's code, React, Plotly drawing). So a page draws only what is on "
            "show: the timestep pages draw the open tab of the two (the book's picture or the numbers, "
            "`ui.step_views`), and a closed expander's chart, table or code waits until it is opened "
            "(`ui.lazy_expander`). Each step of the player then redraws one figure, not two."),
    ])


def render_section(results: dict, settings: Settings) -> str:
    rows = results["rows"]
    pages = rows[1:]  # rows[0] is the empty page
    met = [row["label"] for row in pages if row["wall_s"] <= GOAL_S]
    missed = [f"{row['label']} ({row['wall_s']:.2f} s)" for row in pages if row["wall_s"] > GOAL_S]
    cold = next(row for row in rows if row["cold_cache"])
    offline = next(row for row in rows if row.get("offline"))
    heavy = [f"{row['label']}: {', '.join(row['heavy'])}" for row in rows if row["heavy"]]
    verdict = f"Within the {GOAL_S:g} s goal: {'; '.join(met) or 'none'}."
    if missed:
        verdict += f" Over it: {'; '.join(missed)}."
    return "\n\n".join([
        f"Goal: ≤ {GOAL_S:g} s per page in a cold process, no TensorFlow in the process.",
        provenance(f"{DATA_COMMAND}python bench/bench_pages.py {settings.page_repeats}",
                   ("Streamlit",), settings, results["started"]),
        table(rows),
        bullets(
            "\"Process wall\" is the whole cold `python` process (imports included) rendering the page with "
            f"AppTest; \"render only\" is `AppTest.run()`; each is the median of {settings.page_repeats} "
            "process(es).",
            verdict,
            f"An empty disk cache is the very first visit on a new machine: {cold['vs_empty']:.1f}x the empty page "
            f"(goal ≤ {FIRST_VISIT_GOAL:g}x; {'met' if cold['vs_empty'] <= FIRST_VISIT_GOAL else 'not met'}). The "
            f"{cfg.BOOK_TRAIN_SIZE:,} review lengths of the histogram ship with the app "
            "(`rnnviz/imdb_book_train_lengths.npy`), so no process reads `imdb.npz` for them (before issue 23: "
            "+3.6 s on the first visit, 7.8x the empty page).",
            f"Offline without the data (no setting, an empty Keras cache, no internet): the first render tries "
            f"Keras's download once ({offline['render_s']:.1f} s); the visitor's next rerun takes "
            f"{offline['rerun_s']:.2f} s (goal ≤ {OFFLINE_RERUN_GOAL_S:g} s; "
            f"{'met' if offline['rerun_s'] <= OFFLINE_RERUN_GOAL_S else 'not met'}): the failure is remembered "
            f"(`rnnviz.data.known_unavailable`), and the page shows {offline['errors']} error box.",
            f"**Heavy imports**: {'; '.join(heavy)}." if heavy else "No process imported TensorFlow, Keras or JAX."),
        *([render_browser(results, settings)] if "browser" in results else []),
    ])


if __name__ == "__main__":
    main(sys.argv[1:])
