"""Benchmark: from the click on "Start training" to the first curve point on screen (issue 11).

    RNNVIZ_DATA_DIR=../shared/data/imdb python bench/bench_first_point.py [--rounds 3] [--baseline 7f506d3]

A quick run of the book's LSTM (the page's default: 5,000 reviews, at most 20
epochs, JAX) is started from the real page in headless Chromium (Playwright,
Debian's /usr/bin/chromium), and timed until a Plotly chart on the page holds
a point: the first real epoch, drawn. The baseline is the same page of git
revision `--baseline` (default 7f506d3, before issue 11), unpacked with
`git archive` into a temporary folder and served by a second Streamlit server;
both servers run side by side and the samples are interleaved, round by round:
baseline, this checkout with empty caches ("cold": the first run on a machine),
this checkout again ("warm": the caches the cold run filled). Each server has
its own empty runs folder and its own RNNVIZ_CACHE_DIR; the committed
reference runs are on both pages (their comparison chart is drawn before the
click, as a visitor sees it). Each run is left to finish before the next
click (one run at a time, as the page allows), then deleted, so the next page
has no curves until its own run's first point.

Besides the time on screen, a thread watching the run folder every 20 ms
records when history.csv first holds a complete row (the worker's side), and
the steps the worker timed into status.json (this checkout only).

Prints a Markdown table and writes bench/out/bench_first_point.json.
Goal: ≤ 5 s from the click to the first point.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rnnviz import run_status, runs, warm_up  # noqa: E402
from tools.appserver import chromium, streamlit_server  # noqa: E402
from tools.checkout import BASELINE_COMMIT, exported  # noqa: E402
from tools.machine import describe  # noqa: E402
from report_text import DATA_COMMAND, Settings, bullets, log, measured, provenance, write_json  # noqa: E402

OUT = ROOT / "bench" / "out" / "bench_first_point.json"
GOAL_SECONDS = 5.0
PAGE = "/train?lang=en&train_preset=lstm&train_mode=quick"
TIMEOUT_MS = 180_000
# A Plotly chart holding a point of the new run: both pages name its traces "9-3 LSTM · ..." (the
# reference runs on the comparison chart are "reference · 9-3 LSTM · ...").
A_POINT_JS = """() => [...document.querySelectorAll('.js-plotly-plot')]
    .some(plot => (plot.data || []).some(trace => (trace.name || '').startsWith('9-3 LSTM ·')
                                                  && trace.x && trace.x.length >= 1))"""
IDLE_JS = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
KINDS = ("baseline", "cold", "prepared", "warm")
READY_TIMEOUT_S = 300  # a warm-up on a busy machine


class FolderWatch(threading.Thread):
    """Watches a runs folder: the wall time a new run's history.csv first holds a complete row, and
    when its status.json first showed each phase (both versions write "phase"; the names differ)."""

    def __init__(self, runs_dir: Path, known: set[str]) -> None:
        super().__init__(daemon=True)
        self.runs_dir, self.known = runs_dir, known
        self.first_row_at: float | None = None
        self.phases: dict[str, float] = {}  # phase -> wall time first seen
        self.run_id: str | None = None
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set() and self.first_row_at is None:
            if self.run_id is None:
                new = [p.name for p in self.runs_dir.iterdir() if p.is_dir() and not p.name.startswith(".")
                       and p.name not in self.known] if self.runs_dir.is_dir() else []
                self.run_id = new[0] if new else None
            if self.run_id:
                folder = self.runs_dir / self.run_id
                try:
                    phase = json.loads((folder / runs.STATUS_FILE).read_text()).get("phase")
                except (OSError, ValueError):
                    phase = None
                if phase and phase not in self.phases:
                    self.phases[phase] = time.time()
                if runs.read_history(folder / runs.HISTORY_FILE)["epoch"]:
                    self.first_row_at = time.time()
            time.sleep(0.02)


def sample(browser, url: str, runs_dir: Path, log=print, ready: Path | None = None) -> dict:
    """One click on "Start training" and the time until the first point is on screen.

    `ready`: the warm-up's marker; the click waits until it is there (a learner who read the form
    first), and the page is reloaded, as that learner's page would have been rerun by then.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="en-US")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    try:
        opened = time.monotonic()
        page.goto(url + PAGE)
        button = page.get_by_role("button", name="Start training")
        button.wait_for()
        page.wait_for_function(IDLE_JS, timeout=TIMEOUT_MS)
        warm_up_seconds = wait_for_file(ready, opened) if ready else None
        if ready:
            page.reload()
            button.wait_for()
            page.wait_for_function(IDLE_JS, timeout=TIMEOUT_MS)
        watch = FolderWatch(runs_dir, set(p.name for p in runs_dir.iterdir()) if runs_dir.is_dir() else set())
        watch.start()
        clicked_wall, clicked = time.time(), time.monotonic()
        button.click()
        page.wait_for_function(A_POINT_JS, timeout=TIMEOUT_MS, polling=20)
        on_screen = time.monotonic() - clicked
        watch.join(timeout=60)
        watch.stop.set()
        store = runs.RunStore(runs_dir)
        deadline = time.monotonic() + 300
        while watch.run_id and store.get(watch.run_id).active and time.monotonic() < deadline:
            time.sleep(0.5)  # one run at a time: let it finish before the next click
        run = store.get(watch.run_id)
        shutil.rmtree(run.path)  # the next page must not draw this run's curves before its own first point
        return {"on_screen": on_screen,
                "in_folder": watch.first_row_at - clicked_wall if watch.first_row_at else None,
                "state": run.state, "steps": run.status.steps,
                "phases": {phase: at - clicked_wall for phase, at in watch.phases.items()},
                "epoch_seconds": list(run.status.epoch_seconds), "warm_up": warm_up_seconds}
    finally:
        context.close()


def wait_for_file(path: Path, since: float) -> float:
    """Seconds from `since` until `path` exists (the warm-up's marker)."""
    deadline = since + READY_TIMEOUT_S
    while not path.exists():
        if time.monotonic() > deadline:
            raise SystemExit(f"no warm-up marker {path} after {READY_TIMEOUT_S} s")
        time.sleep(0.1)
    return time.monotonic() - since


def measure(rounds: int = 3, baseline: str = BASELINE_COMMIT, log=print) -> dict:
    """Interleaved samples: per round the baseline, this checkout cold, this checkout warm."""
    data_dir = os.environ.get("RNNVIZ_DATA_DIR")
    if not data_dir:
        raise SystemExit("set RNNVIZ_DATA_DIR to the offline IMDB copy")
    results: dict = {"machine": describe(), "baseline": baseline, "rounds": rounds, "load_start": os.getloadavg()[0],
                     "samples": {kind: [] for kind in KINDS}}
    marker_name = warm_up.marker(warm_up.default_config()).name
    with tempfile.TemporaryDirectory(prefix="first-point-") as tmp_name:
        tmp = Path(tmp_name)
        folders = {name: tmp / name for name in ("runs-old", "runs-new", "cache-old", "cache-new")}
        for folder in folders.values():
            folder.mkdir()

        def env(side: str) -> dict[str, str]:
            return {"RNNVIZ_DATA_DIR": data_dir, "RNNVIZ_RUNS_DIR": str(folders[f"runs-{side}"]),
                    "RNNVIZ_CACHE_DIR": str(folders[f"cache-{side}"]), "RNNVIZ_MAX_RUNS": "1"}

        # the baseline server imports its own rnnviz (and starts its own worker) through PYTHONPATH
        with exported(baseline) as old_root, \
                streamlit_server(old_root / "app.py", {**env("old"), "PYTHONPATH": str(old_root)}, 120,
                                 tmp / "old.log") as (old_url, _), \
                streamlit_server(ROOT / "app.py", env("new"), 120, tmp / "new.log") as (new_url, _), \
                chromium() as browser:
            for number in range(1, rounds + 1):
                for kind in KINDS:
                    if kind in ("cold", "prepared"):  # a machine that never trained: no data or compile cache
                        shutil.rmtree(folders["cache-new"])
                        folders["cache-new"].mkdir()
                    url, runs_dir = (old_url, folders["runs-old"]) if kind == "baseline" else (new_url, folders["runs-new"])
                    ready = folders["cache-new"] / marker_name if kind == "prepared" else None
                    row = sample(browser, url, runs_dir, log, ready)
                    results["samples"][kind].append(row)
                    folder = f", in the run folder after {row['in_folder']:.2f} s" if row["in_folder"] else ""
                    ready_after = f", the page ready {row['warm_up']:.1f} s after opening" if row["warm_up"] else ""
                    log(f"round {number} {kind}: first point on screen after {row['on_screen']:.2f} s{folder}"
                        f"{ready_after} ({row['state']})")
    results["load_end"] = os.getloadavg()[0]
    return results


def median(rows: list[dict], key: str) -> float | None:
    values = [row[key] for row in rows if row.get(key) is not None]
    return statistics.median(values) if values else None


def step_medians(rows: list[dict]) -> dict[str, float]:
    """Median seconds of each step the worker timed (this checkout only)."""
    durations: dict[str, list[float]] = {}
    for row in rows:
        for name, (began, ended) in (row.get("steps") or {}).items():
            if began is not None and ended is not None:
                durations.setdefault(name, []).append(ended - began)
    return {name: statistics.median(durations[name]) for name in run_status.STEPS if name in durations}


def table(results: dict) -> str:
    samples = results["samples"]
    base = median(samples["baseline"], "on_screen")
    lines = [f"| quick LSTM run (5,000 reviews, JAX) | click → first point on screen, median s (goal ≤ {GOAL_SECONDS:g}) "
             "| each sample, s | click → history.csv row, median s | baseline ÷ this |",
             "| --- | ---: | --- | ---: | ---: |"]
    names = {"baseline": f"baseline (`{results['baseline']}`)",
             "cold": "this checkout, empty caches, clicked at once (first run)",
             "prepared": "this checkout, empty caches, clicked once the page got ready (first run)",
             "warm": "this checkout, caches filled (later runs)"}
    for kind in KINDS:
        rows = samples[kind]
        screen, folder = median(rows, "on_screen"), median(rows, "in_folder")
        ratio = "1.0×" if kind == "baseline" else f"{base / screen:.1f}×"
        each = ", ".join(f"{row['on_screen']:.1f}" for row in rows)
        lines.append(f"| {names[kind]} | **{screen:.1f}** | {each} | {folder:.1f} | {ratio} |")
    return "\n".join(lines)


def phases_table(results: dict) -> str:
    """When each phase was first seen in status.json (median s after the click), both versions."""
    lines = ["| phase seen in status.json (s after the click, median) | " + " | ".join(KINDS) + " |",
             "| --- |" + " ---: |" * len(KINDS)]
    names = []
    for kind in KINDS:
        for row in results["samples"][kind]:
            names += [name for name in row.get("phases", {}) if name not in names]
    for name in names:
        cells = []
        for kind in KINDS:
            values = [row["phases"][name] for row in results["samples"][kind] if name in row.get("phases", {})]
            cells.append(f"{statistics.median(values):.1f}" if values else "–")
        lines.append(f"| `{name}` | " + " | ".join(cells) + " |")
    lines.append("| first row in history.csv | " + " | ".join(
        f"{median(results['samples'][kind], 'in_folder'):.1f}" for kind in KINDS) + " |")
    return "\n".join(lines)


def steps_table(results: dict) -> str:
    kinds = [kind for kind in KINDS if kind != "baseline"]
    medians = {kind: step_medians(results["samples"][kind]) for kind in kinds}
    what = {"python": "worker process starts (Python, numpy, rnnviz)", "data": "IMDB data read (beside Keras)",
            "keras": "`import keras` (JAX) (beside the data)", "model": "model built and compiled",
            "compile": "first batch (JIT compiling the training step)",
            "epoch1": "rest of epoch 1 and validation (compiling the validation step)"}
    lines = ["| step (status.json `steps`) | " + " | ".join(f"{kind}, median s" for kind in kinds) + " |",
             "| --- |" + " ---: |" * len(kinds)]
    for name in run_status.STEPS:
        if any(name in medians[kind] for kind in kinds):
            lines.append(f"| {what[name]} | " + " | ".join(f"{medians[kind].get(name, float('nan')):.2f}"
                                                         for kind in kinds) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="samples of each kind (interleaved)")
    parser.add_argument("--baseline", default=BASELINE_COMMIT, help="git revision of the baseline page")
    args = parser.parse_args()
    results = measure(args.rounds, args.baseline, log=lambda line: print(line, flush=True))
    write_json(OUT, results)
    print(f"Machine: {results['machine']}.\n\n{table(results)}\n\n{phases_table(results)}\n\n{steps_table(results)}")


# ------------------------------------- its section of BENCHMARKS.md: bench/run_all.py calls these two


def measure_section(settings: Settings) -> dict:
    return measured(lambda: measure(settings.first_point_rounds, log=log), OUT)


def render_section(results: dict, settings: Settings) -> str:
    samples = results["samples"]
    base, cold, prepared, warm = (median(samples[kind], "on_screen") for kind in KINDS)
    ready = median(samples["prepared"], "warm_up")
    steps = step_medians(samples["warm"])
    cold_steps = step_medians(samples["cold"])
    runs_steps = ("data", "keras", "model", "compile", "epoch1")
    verdict = {True: "met", False: "**missed**"}
    return "\n\n".join([
        f"Goal: ≤ {GOAL_SECONDS:g} s from the click on *Start training* to the first curve point of a quick "
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
        table(results),
        "When each phase first showed in status.json (what the page could show; the baseline wrote three):",
        phases_table(results),
        "The steps this checkout's worker timed (status.json `steps`; data and Keras run side by side):",
        steps_table(results),
        bullets(
            f"Later runs (caches filled): {warm:.1f} s, the goal is {verdict[warm <= GOAL_SECONDS]}; "
            f"{base / warm:.1f}× sooner than the baseline's {base:.1f} s in the same run.",
            f"The first run on a machine, clicked once the page got ready: {prepared:.1f} s, the goal is "
            f"{verdict[prepared <= GOAL_SECONDS]}; {base / prepared:.1f}× sooner than the baseline. Opening "
            "the training lab on a machine that never trained starts a warm-up worker (`python -m rnnviz.train "
            f"--warm-up`), which fills the token cache and JAX's compiled programs by training the default model "
            f"one epoch; it was done {ready:.1f} s after the page opened (median) and the page says so meanwhile.",
            f"Clicked at once on that fresh machine: {cold:.1f} s, the goal is "
            f"{verdict[cold <= GOAL_SECONDS]}; "
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


if __name__ == "__main__":
    main()
