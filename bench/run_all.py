"""Run every benchmark beside its baseline in one go and rewrite BENCHMARKS.md.

    python bench/run_all.py                                    # everything (about 30 minutes on 2 cores)
    python bench/run_all.py --quick --skip train --out /tmp/BENCHMARKS.md
    python bench/run_all.py --only pages,cells

Sections, in the report's order: pages, memory, cells, figures, train, review_onehot, train_start, run_files,
reference.
Each runs its bench/ script's `measure()` in this process (the scripts still run
on their own) and is written with its command, date and machine; the prose next
to each table is filled from the same results, so no figure in the report is
typed. A section left out with --skip/--only keeps its text from the previous
report (--previous, default BENCHMARKS.md), or says it was not run.
--quick uses fewer repeats, reruns and epochs: for checking the report, not for
the record. The raw results go to bench/out/run_all.json.
"""

from __future__ import annotations

import argparse
import datetime
import importlib
import json
import os
import statistics
import sys
import textwrap
import traceback
from collections.abc import Callable
from dataclasses import asdict, dataclass, is_dataclass, replace
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(ROOT), str(BENCH)]

from rnnviz import config as cfg  # noqa: E402
from tools.machine import describe  # noqa: E402

OUT_JSON = BENCH / "out" / "run_all.json"
DATA_COMMAND = "RNNVIZ_DATA_DIR=../shared/data/imdb "


@dataclass(frozen=True)
class Settings:
    """How hard each benchmark tries; --quick trades precision for minutes."""

    quick: bool = False
    page_repeats: int = 3  # cold processes per page (median)
    browser_repeats: int = 3  # fresh servers per checkout for the browser timings (median)
    cell_repeats: int = 30  # timeit repeats (best of)
    figure_repeats: int = 7
    reruns: int = 200  # server reruns per page
    warmup: int = 5
    train_epochs: int = 3  # the first (compiling) epoch is dropped
    baseline_samples: tuple[int, ...] = (1_000, 2_000, 4_000)  # the book's to_categorical subsets
    first_point_rounds: int = 3  # clicks on "Start training" per kind (baseline, cold, prepared, warm)

    @classmethod
    def for_run(cls, quick: bool, reruns: int | None) -> Settings:
        chosen = cls(quick=True, page_repeats=1, browser_repeats=1, cell_repeats=5, figure_repeats=2, reruns=20,
                     warmup=3, train_epochs=2, baseline_samples=(500, 1_000), first_point_rounds=1) if quick else cls()
        return chosen if reruns is None else replace(chosen, reruns=reruns)


# ---------------------------------------------------------------------------------------------- helpers


def now() -> str:
    return datetime.datetime.now().strftime("%Y-%m-%d %H:%M")


def versions(*packages: str) -> str:
    """"Streamlit 1.67.0, numpy 2.4.6" from the installed metadata, without importing anything."""
    found = []
    for package in packages:
        try:
            found.append(f"{package} {version(package.lower())}")
        except PackageNotFoundError:
            found.append(f"{package} (not installed)")
    return ", ".join(found)


def provenance(command: str, packages: tuple[str, ...], settings: Settings, started: dict, detail: str = "") -> str:
    """The Command / Machine paragraphs every section opens with, and a warning on quick runs."""
    parts = [f"Command: `{command}`",
             f"Machine: {describe()}; {versions(*packages)}; {started['date']}, load average "
             f"{started['load']:.1f} at the start.", detail]
    if settings.quick:
        parts.append("*Quick run (`run_all.py --quick`): fewer repeats, reruns and epochs; for checking the "
                     "report, not for the record.*")
    return "\n\n".join(part for part in parts if part)


def start_mark() -> dict:
    return {"date": now(), "load": os.getloadavg()[0]}


def span(values: list[float], digits: int = 1, unit: str = "") -> str:
    """"1.4–1.9×" for a range, "1.4×" when all are equal at this precision."""
    low, high = f"{min(values):.{digits}f}", f"{max(values):.{digits}f}"
    return f"{low}{unit}" if low == high else f"{low}–{high}{unit}"


def bullets(*items: str) -> str:
    return "\n".join(f"- {item}" for item in items if item)


def json_value(value):
    """For json.dumps: dataclasses as dicts, runs by their folder name."""
    if is_dataclass(value):
        return asdict(value)
    return value.path.name if hasattr(value, "path") else str(value)


def wrap(body: str, width: int = 100) -> str:
    """Fill prose paragraphs and bullets to `width` for a readable file; tables stay as they are."""
    blocks = []
    for block in body.split("\n\n"):
        lines = block.splitlines()
        if any(line.startswith(("|", "Command:")) for line in lines):  # tables; commands stay on one line
            blocks.append(block)
        elif lines and all(line.startswith("- ") for line in lines):
            blocks.append("\n".join(textwrap.fill(line, width, subsequent_indent="  ", break_long_words=False,
                                                  break_on_hyphens=False) for line in lines))
        else:
            blocks.append(textwrap.fill(block, width, break_long_words=False, break_on_hyphens=False))
    return "\n\n".join(blocks)


def log(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------- sections


@dataclass(frozen=True)
class Section:
    """One part of the report: a heading, a measurement and its text."""

    key: str
    title: str  # the "## " heading; a skipped section is found in the previous report by it
    measure: Callable[[Settings], dict]
    render: Callable[[dict, Settings], str]


def measure_pages(settings: Settings) -> dict:
    bench = importlib.import_module("bench_pages")
    started = start_mark()
    rows = bench.measure_cases(settings.page_repeats)
    browser_started = start_mark()
    with bench.exported(bench.BASELINE_COMMIT) as baseline:
        browser = bench.measure_browser(baseline, settings.browser_repeats)
    return {"rows": rows, "started": started, "browser": browser, "browser_started": browser_started}


def render_browser(results: dict, settings: Settings) -> str:
    """The browser half of the pages section: first visit, deep link, widget change, baseline vs. new."""
    bench = importlib.import_module("bench_pages")
    rows = bench.browser_rows(results["browser"])
    met = [f"{row['page']} {row['measure']}" for row in rows if row["goal_s"] and row["new_s"] <= row["goal_s"]]
    missed = [f"{row['page']} {row['measure']} ({row['new_s']:.2f} s)" for row in rows
              if row["goal_s"] and row["new_s"] > row["goal_s"]]
    ratios = [row["ratio"] for row in rows]
    return "\n\n".join([
        "### In the browser, baseline and new in the same run",
        "Goals (issue 11): ≤ 2 s for any page's first visit and deep link, ≤ 0.5 s for a widget change "
        "on the numpy pages (tokens, hidden, cells).",
        provenance(f"{DATA_COMMAND}python bench/bench_pages.py {2 * settings.browser_repeats} --browser "
                   f"{bench.BASELINE_COMMIT}", ("Streamlit", "plotly", "playwright"), settings,
                   results["browser_started"]),
        bench.browser_table(rows),
        bullets(
            f"Headless Debian Chromium at 1280×720, Korean, against `streamlit run app.py`; for each of "
            f"{results['browser']['repeats']} rounds a fresh server of the baseline (`git archive "
            f"{bench.BASELINE_COMMIT}`) and one of this checkout, alternating which goes first; medians.",
            "**First visit**: from the home page, the page's sidebar link is clicked, in the sidebar's order, "
            "until the script has finished and the page's charts are drawn (`.main-svg`): the page's first "
            "run in that server (the first page also pays the server's first imports of numpy, pandas and "
            "Plotly). **Widget change**: one slider step or radio option on that page, until the URL shows "
            "the new value and the run is over. **Deep link**: a new browser session opens the page's URL "
            "on the warm server (page, JavaScript, app.py, the page's script and its charts).",
            f"New / baseline ranges over {span(ratios, 2, '×')}. Within the goal: {'; '.join(met) or 'none'}."
            + (f" Over it: {'; '.join(missed)}." if missed else ""),
            "A deep link includes the browser loading Streamlit's and Plotly's JavaScript and Plotly "
            "drawing the charts: a deep link to a Streamlit app of one title and one three-point Plotly "
            f"chart took {statistics.median(results['browser']['floor']):.2f} s in the same run (median), "
            "a floor that no page can go below on this machine."),
    ])


def render_pages(results: dict, settings: Settings) -> str:
    bench = importlib.import_module("bench_pages")
    rows = results["rows"]
    pages = rows[1:]  # rows[0] is the empty page
    met = [row["label"] for row in pages if row["wall_s"] <= bench.GOAL_S]
    missed = [f"{row['label']} ({row['wall_s']:.2f} s)" for row in pages if row["wall_s"] > bench.GOAL_S]
    cold = next(row for row in rows if row["cold_cache"])
    cached = next(row for row in rows if row["page"] == cold["page"] and not row["cold_cache"])
    heavy = [f"{row['label']}: {', '.join(row['heavy'])}" for row in rows if row["heavy"]]
    verdict = f"Within the {bench.GOAL_S:g} s goal: {'; '.join(met) or 'none'}."
    if missed:
        verdict += f" Over it: {'; '.join(missed)}."
    return "\n\n".join([
        f"Goal: ≤ {bench.GOAL_S:g} s per page in a cold process, no TensorFlow in the process.",
        provenance(f"{DATA_COMMAND}python bench/bench_pages.py {settings.page_repeats}",
                   ("Streamlit",), settings, results["started"]),
        bench.table(rows),
        bullets(
            "\"Process wall\" is the whole cold `python` process (imports included) rendering the page with "
            f"AppTest; \"render only\" is `AppTest.run()`; each is the median of {settings.page_repeats} "
            "process(es).",
            verdict,
            f"An empty disk cache is the very first visit on a machine: the review-length histogram needs the "
            f"book's training split, and reading `imdb.npz` (unpickling every review) plus the split costs "
            f"{cold['wall_s'] - cached['wall_s']:.1f} s more, shown with a spinner. The "
            f"{cfg.BOOK_TRAIN_SIZE:,} lengths are then kept in `~/.cache/rnnviz` "
            "(`rnnviz.data.book_train_lengths`), so every later process, and every later visitor of the same "
            "server (`st.cache_data`), gets the fast row.",
            f"**Heavy imports**: {'; '.join(heavy)}." if heavy else "No process imported TensorFlow, Keras or JAX."),
        *([render_browser(results, settings)] if "browser" in results else []),
    ])


def measure_memory(settings: Settings) -> dict:
    bench = importlib.import_module("bench_memory")
    results = bench.measure(settings.reruns, settings.warmup, log=log)
    bench.OUT.parent.mkdir(parents=True, exist_ok=True)
    bench.OUT.write_text(json.dumps(results, indent=2))  # as the script alone would
    return results


def render_memory(results: dict, settings: Settings) -> str:
    bench = importlib.import_module("bench_memory")
    command = f"{DATA_COMMAND}python bench/bench_memory.py --reruns {results['reruns']} --warmup {results['warmup']}"
    parts = [
        f"Goals: the server's RSS grows by < {bench.GOAL_GROWTH_MB:.0f} MB over {bench.DEFAULT_RERUNS} reruns of "
        "each page; the app fits in Streamlit Community Cloud's memory (about 1 GB).",
        provenance(command, ("Streamlit", "Playwright"), settings,
                   {"date": results["date"].replace("T", " "), "load": results["load_average"]},
                   f"Browser: Chromium {results['versions']['chromium']} (headless). Writes "
                   "`bench/out/bench_memory.json`."),
        bench.visits_table(results),
        bullets(*visit_notes(results, bench)),
    ]
    if results["reruns"]:
        parts += [bench.growth_table(results), bullets(*growth_notes(results, bench))]
    return "\n\n".join(parts)


def visit_notes(results: dict, bench) -> list[str]:
    app, empty = results["app"], results["empty"]
    everything = app["visits"][-1]["rss_mb"]
    before = [app["rss_start_mb"]] + [visit["rss_mb"] for visit in app["visits"]]
    largest_step, largest_page = max((visit["rss_mb"] - rss, visit["page"])
                                     for visit, rss in zip(app["visits"], before))
    raised = bench.raised(results)
    warm = {row["page"]: row["rss_warm_mb"] for row in app["reruns"]}
    alone = (f"; on its own, in a fresh server with the disk cache the visits had filled, {largest_page} holds "
             f"{warm[largest_page]:.0f} MB after its warm-up" if largest_page in warm else "")
    return [
        "The real server (`streamlit run app.py`, a fresh runs folder and disk cache) and, as the baseline, "
        "`streamlit run` of a one-line page (`st.title`), measured the same way in one run. One headless "
        "Chromium visitor opens every page once, in the navigation's order; RSS is the server process's "
        f"VmRSS, read {bench.SETTLE_S:g} s after the page's script finished (the browser is not counted). "
        "Seconds are from opening the page to the end of its first script run.",
        f"After one visit to every page the server holds **{everything:.0f} MB** "
        f"({everything / empty['visits'][-1]['rss_mb']:.1f}× the empty page's server); its peak during the "
        f"visits, {app['peak_mb']:.0f} MB, is {app['peak_mb'] / bench.CLOUD_MEMORY_MB:.0%} of Cloud's ~1 GB. "
        f"The largest step is the first visit of {largest_page} (+{largest_step:.0f} MB){alone}.",
        f"**Pages that raised an exception**: {'; '.join(raised)}." if raised else "",
    ]


def growth_notes(results: dict, bench) -> list[str]:
    rows = results["app"]["reruns"]
    worst = max(rows, key=lambda row: row["growth_mb"])
    over = [row["page"] for row in rows if row["growth_mb"] >= bench.GOAL_GROWTH_MB]
    baseline = results["empty"]["reruns"][0]
    return [
        f"Each page in a fresh server (sharing the disk cache the visits filled) and session: "
        f"{results['warmup']} warm-up reruns, then {results['reruns']} reruns, each "
        "the \"R\" key (the app menu's *Rerun*) and counted when the server reports the full script run finished "
        "(fragment runs excluded), so the reruns follow one another. Growth is the RSS after the reruns minus "
        "the RSS after the warm-up; \"median rerun\" is from the key press to the end of the run.",
        (f"**Over the goal**: {', '.join(over)}." if over else
         f"Every page meets the goal: the largest growth is {bench.signed(worst['growth_mb'])} MB "
         f"({worst['page']}); the empty page's server changed by {bench.signed(baseline['growth_mb'])} MB."),
    ]


def measure_cells(settings: Settings) -> dict:
    bench = importlib.import_module("bench_cells")
    started = start_mark()
    return {"rows": bench.measure(settings.cell_repeats), "started": started}


def render_cells(results: dict, settings: Settings) -> str:
    bench = importlib.import_module("bench_cells")
    rows = results["rows"]
    lstm_ms = bench.lstm_trace_ms(rows)
    verdict = "the goal is met" if lstm_ms <= bench.GOAL_MS else "the goal is **missed**"
    ratios = [row["traced_ms"] / row["bare_ms"] for row in rows]
    return "\n\n".join([
        f"Goal: a {bench.T}-step LSTM trace with {bench.UNITS} units and {bench.INPUT_DIM} inputs ≤ "
        f"{bench.GOAL_MS:g} ms.",
        provenance("python bench/bench_cells.py", ("numpy",), settings, results["started"],
                   f"Best of {settings.cell_repeats} repeats × {bench.NUMBER} calls (timeit). Baseline: the same "
                   "equations as a bare numpy loop, no trace records."),
        bench.table(rows),
        f"The LSTM trace takes {lstm_ms:.2f} ms: {verdict}. Recording every intermediate costs "
        f"{span(ratios, unit='×')} the bare loop.",
    ])


def measure_figures(settings: Settings) -> dict:
    bench = importlib.import_module("bench_figures")
    started = start_mark()
    return {**bench.measure(settings.figure_repeats), "started": started}


def render_figures(results: dict, settings: Settings) -> str:
    bench = importlib.import_module("bench_figures")
    largest = bench.largest_bytes(results)
    verdict = "the goal is met" if largest <= bench.GOAL_BYTES else "the goal is **missed**"
    pieces = ("build_inputs_ms", "equation_latex_ms", "fading_ms", "keras_code_ms")
    others = [sum(row[key] for key in pieces) for row in results["times"]]
    totals = [row["page_rerun_ms"] for row in results["times"]]
    return "\n\n".join([
        f"Goal: the step figure for 100 steps ≤ {bench.GOAL_BYTES / 1e6:g} MB of JSON. Since issue 11 a "
        "timestep page sends one static figure per step (the app's own player moves the step), no Plotly "
        "animation frames.",
        provenance("python bench/bench_figures.py", ("numpy", "plotly"), settings, results["started"],
                   f"Times are the best of {settings.figure_repeats} repeats (timeit), sizes are "
                   f"`len(fig.to_json())`; {bench.FEATURES} features, {bench.UNITS} units."),
        bench.size_table(results),
        bench.time_table(results),
        f"The largest 100-step figure is {largest / 1e3:.0f} kB: {verdict}. Of a whole page rerun ({span(totals, 0, ' ms')}), the pieces other than figures "
        f"(inputs, equations, fading curves, Keras code) take {span(others, 0, ' ms')}; the rest is building "
        "and serialising the Plotly figures.",
    ])


def measure_train(settings: Settings) -> dict:
    bench = importlib.import_module("bench_train")
    started = start_mark()
    results = bench.measure(epochs=settings.train_epochs, baseline_samples=settings.baseline_samples, log=log)
    bench.OUT.parent.mkdir(parents=True, exist_ok=True)
    bench.OUT.write_text(json.dumps(results, indent=2))  # as the script alone would
    return {**results, "started": started}


def render_train(results: dict, settings: Settings) -> str:
    bench = importlib.import_module("bench_train")
    speedups = [row["speedup"] for key, row in results.items() if key in cfg.PRESETS]
    memory = results["memory"]
    onehot = cfg.PRESETS["onehot-simplernn"]
    float64_gb = cfg.BOOK_TRAIN_SIZE * onehot.maxlen * onehot.num_words * 8 / 1e9
    samples = " ".join(str(n) for n in settings.baseline_samples)
    command = (f"{DATA_COMMAND}python bench/bench_train.py --epochs {settings.train_epochs} "
               f"--baseline-samples {samples}")
    speed_verdict = "met" if min(speedups) >= bench.GOAL_SPEEDUP else "**missed**"
    memory_verdict = "met" if memory["worker_peak_mb"] <= bench.GOAL_PEAK_MB else "**missed**"
    return "\n\n".join([
        f"Goals: the worker ≥ {bench.GOAL_SPEEDUP:g}× faster per epoch than the book's plain tf.keras script "
        f"(embedding SimpleRNN and LSTM); peak memory of a full `onehot-simplernn` run at num_words="
        f"{onehot.num_words} ≤ {bench.GOAL_PEAK_MB / 1000:g} GB.",
        provenance(command, ("Keras", "TensorFlow", "JAX"), settings, results["started"],
                   "Writes `bench/out/bench_train.json`."),
        f"Seconds per epoch on the book split ({cfg.BOOK_TRAIN_SIZE:,} train reviews), both measured in the same "
        "run; each covers training plus validation; the first (compiling) epoch is left out and the median of "
        f"the rest is used. Worker: `python -m rnnviz.train --preset P --backend jax --epochs "
        f"{settings.train_epochs}`. Book: the book's tf.keras code (Keras 3, TensorFlow backend, `model.fit`, "
        "`ModelCheckpoint` + `EarlyStopping`).",
        bench.speed_table(results),
        f"The worker is {span(speedups, unit='×')} faster per epoch: the goal is {speed_verdict}.",
        "Peak memory (max RSS from `os.wait4`, including the helper process that reads the data), "
        f"`onehot-simplernn`, num_words={onehot.num_words}. The book's `to_categorical` path was measured on "
        f"subsets only and **extrapolated linearly** to {cfg.BOOK_TRAIN_SIZE:,} reviews: a full run risks the "
        "machine.",
        bench.memory_table(memory),
        bullets(
            f"A full one-hot run peaks at {memory['worker_peak_mb']:,.0f} MB: the goal is {memory_verdict}; the "
            f"book's path extrapolates to about {memory['book_extrapolated_mb'] / 1000:.0f} GB, "
            f"{memory['book_extrapolated_mb'] / memory['worker_peak_mb']:.0f}× as much.",
            "The one-hot vectors are made inside the model, batch by batch (`keras.layers.CategoryEncoding`), so "
            f"no ({cfg.BOOK_TRAIN_SIZE}, {onehot.maxlen}, {onehot.num_words}) array exists. Keras 3's "
            f"`to_categorical` returns float64, so the book's array alone is {float64_gb:.1f} GB.",
            "The worker keeps its peak low by not letting Keras import TensorFlow on JAX "
            "(`keras.utils.set_random_seed` does) and by reading IMDB in a short-lived helper process, so the "
            "reviews' Python lists never live in the worker."),
    ])


def measure_review_onehot(settings: Settings) -> dict:
    bench = importlib.import_module("bench_review_onehot")
    started = start_mark()
    return {**bench.measure(settings.browser_repeats * 5), "started": started}


def render_review_onehot(results: dict, settings: Settings) -> str:
    bench = importlib.import_module("bench_review_onehot")
    draw = results["draw_ms"]
    before, now = list(draw.values())[:2]
    return "\n\n".join([
        "Choosing a one-hot SimpleRNN on the review page took 6–10 s every time (issue 11). The page's Python "
        "is not the cause (below, the one-hot model's rerun computes about as fast as the LSTM's): Chromium "
        "spent the time laying out the hidden-state chart's x-axis, which labelled every one of the 500 ids "
        "of the one-hot x_t panel. It now labels a few ids; the bars are the same.",
        provenance(f"python bench/bench_review_onehot.py {results['repeats']}", ("plotly", "playwright"),
                   settings, results["started"], f"Chromium {results['chromium']} (headless)."),
        bench.table(results),
        bullets(
            "\"Draw\" is `Plotly.newPlot` of the page's figure for the median-seed reference model and the "
            "page's default review, in a plain page with Plotly's own bundle, the three figures interleaved "
            "round after round so the load falls on each alike. \"Before\" is the same figure with one "
            f"label per id put back: {before / now:.1f}× the time of now.",
            f"Python, one rerun's computing for the chosen model (every model's verdict, the after-each-word "
            f"curve, the step figure and its JSON), best of {results['repeats']}: one-hot SimpleRNN "
            f"{results['python_s']['onehot']:.2f} s, LSTM {results['python_s']['lstm']:.2f} s."),
    ])


def measure_train_start(settings: Settings) -> dict:
    bench = importlib.import_module("bench_first_point")
    started = start_mark()
    results = bench.measure(settings.first_point_rounds, log=log)
    bench.OUT.parent.mkdir(parents=True, exist_ok=True)
    bench.OUT.write_text(json.dumps(results, indent=2))  # as the script alone would
    return {**results, "started": started}


def render_train_start(results: dict, settings: Settings) -> str:
    bench = importlib.import_module("bench_first_point")
    samples = results["samples"]
    base, cold, prepared, warm = (bench.median(samples[kind], "on_screen") for kind in bench.KINDS)
    ready = bench.median(samples["prepared"], "warm_up")
    steps = bench.step_medians(samples["warm"])
    cold_steps = bench.step_medians(samples["cold"])
    runs_steps = ("data", "keras", "model", "compile", "epoch1")
    verdict = {True: "met", False: "**missed**"}
    return "\n\n".join([
        f"Goal: ≤ {bench.GOAL_SECONDS:g} s from the click on *Start training* to the first curve point of a quick "
        "run on the page (the issue measured 14.6 s).",
        provenance(f"{DATA_COMMAND}python bench/bench_first_point.py --rounds {settings.first_point_rounds}",
                   ("Streamlit", "Keras", "JAX"), settings, results["started"],
                   f"Load average {results['load_end']:.1f} at the end. Writes `bench/out/bench_first_point.json`."),
        "The real page in headless Chromium at 1280×720: the book's LSTM, quick mode (5,000 reviews, JAX), "
        "clicked and timed until a Plotly chart holds a point. The baseline is the same page at git "
        f"`{results['baseline']}` (before issue 11), served beside this checkout by a second Streamlit server; "
        f"{results['rounds']} round(s), each clicking the baseline; this checkout with empty caches, at once; "
        "this checkout with empty caches again, once the page's background warm-up (`rnnviz.warm_up`) is done, "
        "as a learner who reads the form first; and this checkout again; every run finishes and is deleted "
        "before the next click.",
        bench.table(results),
        "When each phase first showed in status.json (what the page could show; the baseline wrote three):",
        bench.phases_table(results),
        "The steps this checkout's worker timed (status.json `steps`; data and Keras run side by side):",
        bench.steps_table(results),
        bullets(
            f"Later runs (caches filled): {warm:.1f} s, the goal is {verdict[warm <= bench.GOAL_SECONDS]}; "
            f"{base / warm:.1f}× sooner than the baseline's {base:.1f} s in the same run.",
            f"The first run on a machine, clicked once the page got ready: {prepared:.1f} s, the goal is "
            f"{verdict[prepared <= bench.GOAL_SECONDS]}; {base / prepared:.1f}× sooner than the baseline. Opening "
            "the training lab on a machine that never trained starts a warm-up worker (`python -m rnnviz.train "
            f"--warm-up`), which fills the token cache and JAX's compiled programs by training the default model "
            f"one epoch; it was done {ready:.1f} s after the page opened (median) and the page says so meanwhile.",
            f"Clicked at once on that fresh machine: {cold:.1f} s, the goal is "
            f"{verdict[cold <= bench.GOAL_SECONDS]}; "
            + (f"{base / cold:.1f}× sooner than the baseline" if cold <= base else
               f"{cold / base:.1f}× the baseline's time")
            + ": the click ends the warm-up and the run reads IMDB and compiles itself (the data beside the Keras "
            "import), which cannot be skipped the first time.",
            (f"Where the time goes the first time (medians of the cold runs): reading IMDB {cold_steps['data']:.1f} s "
             f"(unpickling 50,000 reviews in a helper process, beside `import keras`, {cold_steps['keras']:.1f} s), "
             f"building the model {cold_steps['model']:.1f} s (many small XLA compiles), compiling the training "
             f"step {cold_steps['compile']:.1f} s and the rest of epoch 1 with the validation step "
             f"{cold_steps['epoch1']:.1f} s. Later runs cut the data from a cache of every review's ids "
             "(`imdb-tokens-*` in RNNVIZ_CACHE_DIR) in milliseconds and load JAX's compiled programs from disk "
             "(`jax/`); the page looks every 0.5 s instead of 1.5 s." if set(runs_steps) <= set(cold_steps) else ""),
            (f"What remains in a later run: `import keras` on JAX ({steps['keras']:.1f} s, median) is the largest "
             "step; the model, the compile and epoch 1 take "
             f"{steps.get('model', 0) + steps.get('compile', 0) + steps.get('epoch1', 0):.1f} s together."
             if "keras" in steps else ""),
            "Timings on this shared 2-core machine move with its load (see the load averages); the ratio is "
            "taken within one run, samples interleaved."),
    ])


def measure_run_files(settings: Settings) -> dict:
    bench = importlib.import_module("bench_run_files")
    started = start_mark()
    repeats = 1 if settings.quick else 3
    return {**bench.measure(repeats), "started": started}


def render_run_files(results: dict, settings: Settings) -> str:
    bench = importlib.import_module("bench_run_files")
    return "\n\n".join([
        "Goal (issue 12): run files read in linear time, with size limits checked before reading, and parsed "
        "once per version of a file. The baseline is the history reader before issue 12, copied into the script.",
        provenance(f"python bench/bench_run_files.py {results['repeats']}", ("numpy",), settings, results["started"]),
        bench.table(results),
        bullets(*bench.notes(results)),
    ])


def measure_reference(settings: Settings) -> dict:
    bench = importlib.import_module("reference_table")
    from rnnviz.results import complete, summarize, variant_of

    started = start_mark()
    rows = summarize(bench.reference_runs())
    variants = {row.variant for row in rows}
    used = [run for run in bench.reference_runs() if complete(run) and variant_of(run.config) in variants]
    return {"rows": rows, "runs": used, "started": started}


def render_reference(results: dict, settings: Settings) -> str:
    bench = importlib.import_module("reference_table")
    rows, used = results["rows"], results["runs"]  # the runs summarised in the rows
    if not rows:
        return "No finished full runs in `reference_runs/`: run `python -m rnnviz.reference` first."
    dates = sorted(datetime.datetime.fromtimestamp(run.started).strftime("%Y-%m-%d") for run in used if run.started)
    backends = sorted({run.backend for run in used if run.backend})
    peaks = [run.status.peak_memory_mb for run in used if run.status.peak_memory_mb]
    gaps = [row.gap_points for row in rows if row.gap_points is not None]
    return "\n\n".join([
        "Goal: the book's published results (DESIGN.md's table of the current notebooks) next to the worker's own "
        "full runs of the same models, several seeds each.",
        f"Command: `python bench/reference_table.py` (reads `reference_runs/`, trains nothing); the runs come from "
        f"`{DATA_COMMAND}python -m rnnviz.reference`.",
        f"Runs: {len(used)} full runs on {', '.join(backends)}, made "
        f"{span_dates(dates)} (runs do not record their machine); "
        f"{f'largest peak memory of a run {max(peaks):,.0f} MB; ' if peaks else ''}"
        f"table rendered {results['started']['date']} on {describe()}.",
        bench.markdown(rows),
        bullets(
            "One row per book model (a preset at one vocabulary size), trained once per seed exactly as the "
            "training lab trains it (`python -m rnnviz.train`: the book split, RMSprop, early stopping). Ours is "
            "the mean ± sd over the seeds (population) with the range in brackets; val_loss and val_accuracy are "
            "at the best epoch, whose weights EarlyStopping restores. \"–\": the book did not train or print it.",
            (f"Gap is our mean best validation accuracy minus the book's, in percentage points: from "
             f"{min(gaps):+.1f} to {max(gaps):+.1f} over the {len(gaps)} row(s) the book printed at the same "
             "vocabulary size." if gaps else ""),
            "SimpleRNN with RMSprop 1e-4 is seed-sensitive (DESIGN.md): compare the spread, not one seed.",
            *(explain_gap(row) for row in rows if row.gap_points is not None and abs(row.gap_points) > 2)),
    ])


def explain_gap(row) -> str:
    """Why a row is more than 2 points from the book, from its own measurements."""
    book, name = row.book, row.variant.name
    at_epoch = 100 * (row.at_book_epoch.mean - book.val_accuracy)
    if abs(at_epoch) <= 2:
        return (f"{name}: {row.gap_points:+.1f} points, because our runs trained longer ({row.epochs.text(0)} "
                f"epochs) than the book's, which early stopping ended at epoch {book.stopped_epoch}. At that "
                f"epoch ours were at {row.at_book_epoch.mean:.3f} ({at_epoch:+.1f} points).")
    low, high = min(row.val_accuracy.values), max(row.val_accuracy.values)
    return (f"{name}: {row.gap_points:+.1f} points on the mean, from the seeds' spread: {low:.3f} to {high:.3f} "
            f"(seeds {', '.join(map(str, row.seeds))})."
            + (" The lowest stalled near chance (0.5) until early stopping." if low < 0.6 else "")
            + f" The best is {100 * (high - book.val_accuracy):+.1f} points from the book's {book.val_accuracy:.3f}.")


def span_dates(dates: list[str]) -> str:
    return "on an unknown date" if not dates else (
        f"on {dates[0]}" if dates[0] == dates[-1] else f"between {dates[0]} and {dates[-1]}")


SECTIONS = (
    Section("pages", "First render of the pages (issue 2)", measure_pages, render_pages),
    Section("memory", "Server memory: every page once, then many reruns", measure_memory, render_memory),
    Section("cells", "numpy cell traces (issue 3)", measure_cells, render_cells),
    Section("figures", "Timestep pages: figure sizes and page logic (issue 3)", measure_figures, render_figures),
    Section("train", "Training lab: worker speed and memory (issue 4)", measure_train, render_train),
    Section("review_onehot", "Try a review: picking a one-hot SimpleRNN (issue 11)", measure_review_onehot,
            render_review_onehot),
    Section("train_start", "Training lab: from the click to the first curve point (issue 11)", measure_train_start,
            render_train_start),
    Section("run_files", "Run files: history in one pass, limits before reading (issue 12)", measure_run_files,
            render_run_files),
    Section("reference", "The book's results, reproduced", measure_reference, render_reference),
)
INTRO = """# Benchmarks

Every figure here comes from a script in `bench/`, run on the machine named with it, with its
baseline measured in the same run. Timings are never asserted in tests. `python bench/run_all.py`
runs them all and rewrites this file (`--only` / `--skip` a section, `--quick` to try it out)."""


# ---------------------------------------------------------------------------------------------- report


def previous_sections(path: Path) -> dict[str, str]:
    """The previous report's sections by heading (the text under each "## " line)."""
    if not path.exists():
        return {}
    sections, title = {}, None
    for line in path.read_text().splitlines():
        if line.startswith("## "):
            title = line[3:].strip()
            sections[title] = []
        elif title is not None:
            sections[title].append(line)
    return {title: "\n".join(lines).strip() for title, lines in sections.items()}


def kept_or_not_run(section: Section, previous: dict[str, str]) -> str:
    if section.title in previous:
        return previous[section.title]
    return f"Not run (`python bench/run_all.py --only {section.key}` measures it)."


def report(bodies: dict[str, str]) -> str:
    return "\n\n".join([INTRO, *(f"## {s.title}\n\n{bodies[s.key]}" for s in SECTIONS)]) + "\n"


def chosen_keys(only: str | None, skip: str | None) -> list[str]:
    known = [section.key for section in SECTIONS]
    picked = only.split(",") if only else known
    dropped = skip.split(",") if skip else []
    unknown = set(picked + dropped) - set(known)
    if unknown:
        raise SystemExit(f"run_all.py: unknown section(s) {', '.join(sorted(unknown))}; known: {', '.join(known)}")
    return [key for key in known if key in picked and key not in dropped]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    keys = ",".join(section.key for section in SECTIONS)
    parser.add_argument("--only", help=f"comma-separated sections to run ({keys})")
    parser.add_argument("--skip", help="comma-separated sections not to run")
    parser.add_argument("--quick", action="store_true", help="fewer repeats, reruns and epochs (development)")
    parser.add_argument("--reruns", type=int, help="server reruns per page (default 200, 20 with --quick)")
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md", help="default: BENCHMARKS.md")
    parser.add_argument("--previous", type=Path, default=ROOT / "BENCHMARKS.md",
                        help="where skipped sections' text comes from (default: BENCHMARKS.md)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    keys = chosen_keys(args.only, args.skip)
    settings = Settings.for_run(args.quick, args.reruns)
    data_dir = ROOT.parent / "shared" / "data" / "imdb"
    if "RNNVIZ_DATA_DIR" not in os.environ and data_dir.is_dir():  # as the tests do: the offline copy
        os.environ["RNNVIZ_DATA_DIR"] = str(data_dir)
    previous = previous_sections(args.previous)
    bodies, raw = {}, {}
    for section in SECTIONS:
        if section.key not in keys:
            bodies[section.key] = kept_or_not_run(section, previous)
            continue
        log(f"[{now()}] {section.key} ...")
        try:
            results = section.measure(settings)
            bodies[section.key] = wrap(section.render(results, settings))
        except Exception as error:  # one broken benchmark must not throw away the others' minutes
            traceback.print_exc()
            bodies[section.key] = (f"**The last run of this section failed** ({type(error).__name__}: {error}); "
                                   f"the text below is older.\n\n{kept_or_not_run(section, previous)}")
            continue
        raw[section.key] = results
    args.out.write_text(report(bodies))
    OUT_JSON.parent.mkdir(parents=True, exist_ok=True)
    kept = json.loads(OUT_JSON.read_text()) if OUT_JSON.exists() else {}  # skipped sections' last results
    OUT_JSON.write_text(json.dumps({**kept, **raw}, indent=2, default=json_value))
    log(f"wrote {args.out} ({', '.join(keys) or 'no section'} measured) and {OUT_JSON.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
