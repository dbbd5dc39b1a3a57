"""Benchmark: a class clicking "Start training" at once, queued fairly (issue 16).

    RNNVIZ_DATA_DIR=../shared/data/imdb python bench/bench_queue.py [--runs 40] [--reviews 200]

`--runs` visitors (40: a class on one link) each launch one run from a thread of this process, all
at once, through the real `launch.launch`, with the default limit of one run at a time
(`RNNVIZ_MAX_RUNS=1`; `keep_runs` raised to hold them all). Every run is a real worker (`python -m
rnnviz.train`, JAX) on the smallest real config, so 40 of them finish in minutes: the book's LSTM on
200 training reviews (50 validation), 1 epoch, 200 test reviews. The first run waits for nothing;
each later one waits in the queue until `launch.dispatch` gives it the slot: the worker ending before
it starts it, with no page open. Before the burst the worker's caches are filled once
(`python -m rnnviz.train --warm-up`, as the page's warm-up does on a fresh machine), so every run
starts as a later run on a class server would.

Measured per run, in queue order: queue entry (the click) -> start (`launch.dispatch` starts its
process, status.json `created`), and start -> first curve point (a thread watching the run folders
every 20 ms records when history.csv first holds a complete row); the hand-over from one run's end
to the next run's start; how many runs ever trained at once. Prints a Markdown table and writes
bench/out/bench_queue.json.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rnnviz import config as cfg  # noqa: E402
from rnnviz import launch, runs  # noqa: E402
from tools.machine import describe  # noqa: E402
from report_text import DATA_COMMAND, Settings, log, measured, provenance, write_json  # noqa: E402

OUT = ROOT / "bench" / "out" / "bench_queue.json"
TIMEOUT_S = 3_600


def smallest_config(reviews: int) -> cfg.RunConfig:
    """The smallest real run: the book's LSTM on `reviews` training reviews, one epoch, 200 test reviews."""
    return cfg.PRESETS["lstm"].replace(max_train_samples=reviews, epochs=1, max_test_samples=200)


class FirstRows(threading.Thread):
    """Watches a runs folder: the wall time each run's history.csv first holds a complete row."""

    def __init__(self, root: Path) -> None:
        super().__init__(daemon=True)
        self.root, self.first_row_at, self.stop = root, {}, threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            for folder in self.root.iterdir() if self.root.is_dir() else ():
                if folder.name in self.first_row_at or folder.name.startswith("."):
                    continue
                try:
                    rows = (folder / runs.HISTORY_FILE).read_bytes().count(b"\n")
                except OSError:
                    continue
                if rows >= 2:  # the header and one epoch
                    self.first_row_at[folder.name] = time.time()
            time.sleep(0.02)


def burst(store: runs.RunStore, config: cfg.RunConfig, visitors: int, limits: launch.Limits) -> dict[str, float]:
    """`visitors` launches from as many threads released together: {run id: wall time of its click}."""
    gate, clicked, errors = threading.Barrier(visitors), {}, []

    def click(number: int) -> None:
        gate.wait()
        at = time.time()
        try:
            clicked[launch.launch(store, config, owner=f"student-{number:02d}", limits=limits)] = at
        except runs.RunError as error:  # reported, never expected
            errors.append(error.key)

    threads = [threading.Thread(target=click, args=(n,)) for n in range(visitors)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise SystemExit(f"launches refused: {errors}")
    return clicked


def measure(visitors: int = 40, reviews: int = 200, log=print) -> dict:
    if not os.environ.get("RNNVIZ_DATA_DIR"):
        raise SystemExit("set RNNVIZ_DATA_DIR to the offline IMDB copy")
    config = smallest_config(reviews)
    limits = launch.Limits(max_runs=1, keep_runs=visitors + 10)
    results = {"machine": describe(), "visitors": visitors, "reviews": reviews, "config": cfg.to_json(config),
               "max_runs": limits.max_runs, "load_start": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory(prefix="queue-") as tmp_name:
        tmp = Path(tmp_name)
        os.environ["RNNVIZ_CACHE_DIR"] = str(tmp / "cache")  # the workers inherit it
        prepared = time.monotonic()
        subprocess.run([sys.executable, "-m", "rnnviz.train", "--warm-up"], cwd=ROOT, check=True,
                       env={**os.environ, "KERAS_BACKEND": config.backend}, capture_output=True)
        results["warm_up_seconds"] = time.monotonic() - prepared
        log(f"caches filled in {results['warm_up_seconds']:.1f} s; {visitors} launches ...")
        store = runs.RunStore(tmp / "runs")
        watch = FirstRows(store.root)
        watch.start()
        began = time.time()
        clicked = burst(store, config, visitors, limits)
        results["burst_seconds"] = time.time() - began
        log(f"burst took {results['burst_seconds']:.2f} s; waiting for {visitors} runs to finish")
        deadline = time.monotonic() + TIMEOUT_S
        while any(run.live for run in store.list()):
            if time.monotonic() > deadline:
                raise SystemExit("the queue did not empty within an hour")
            time.sleep(1)
        watch.stop.set()
        watch.join()
        results["runs"] = [row(run, clicked, watch.first_row_at) for run in ordered(store.list())]
    results["load_end"] = os.getloadavg()[0]
    return results


def ordered(listed: list[runs.Run]) -> list[runs.Run]:
    """The runs in the order they started (the queue's order)."""
    return sorted(listed, key=lambda run: run.status.created or 0.0)


def row(run: runs.Run, clicked: dict[str, float], first_rows: dict[str, float]) -> dict:
    status = run.status
    first = first_rows.get(run.id)
    return {"id": run.id, "state": run.state, "queue_number": status.queue_number, "clicked": clicked[run.id],
            "enqueued": status.enqueued, "start": status.created, "ended": status.ended,
            "waited": status.created - clicked[run.id],
            "to_first_point": first - status.created if first else None,
            "length": status.ended - status.created if status.ended else None}


# --------------------------------------------------------------------------------------------- report


def at_once(rows: list[dict]) -> int:
    """The most runs that were ever between their start and their end together."""
    return max(sum(other["start"] <= r["start"] < other["ended"] for other in rows) for r in rows)


def handovers(rows: list[dict]) -> list[float]:
    """Seconds from each run's end to the next run's start (the dispatch by the ending worker)."""
    return [after["start"] - before["ended"] for before, after in zip(rows, rows[1:])]


def table(results: dict) -> str:
    rows = results["runs"]
    picks = {"first": rows[0], "median": rows[len(rows) // 2], "last": rows[-1]}
    lines = ["| run (in queue order) | runs ahead of it | queue entry → start, s | start → first curve point, s "
             "| start → end, s |", "| --- | ---: | ---: | ---: | ---: |"]
    for name, r in picks.items():
        place = rows.index(r) + 1
        lines.append(f"| {name} (#{place} of {len(rows)}) | {place - 1} | {r['waited']:.1f} | "
                     f"{r['to_first_point']:.1f} | {r['length']:.1f} |")
    return "\n".join(lines)


def summary(results: dict) -> dict:
    rows = results["runs"]
    gaps = handovers(rows)
    return {"done": sum(r["state"] == runs.DONE for r in rows), "at_once": at_once(rows),
            "handover_median": statistics.median(gaps) if gaps else None, "handover_max": max(gaps, default=None),
            "to_first_point_median": statistics.median(r["to_first_point"] for r in rows),
            "length_median": statistics.median(r["length"] for r in rows),
            "total": rows[-1]["ended"] - min(r["clicked"] for r in rows)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=40, help="visitors launching at once")
    parser.add_argument("--reviews", type=int, default=200, help="training reviews per run")
    args = parser.parse_args()
    results = measure(args.runs, args.reviews, log=lambda line: print(line, flush=True))
    write_json(OUT, results)
    print(f"Machine: {results['machine']}.\n\n{table(results)}\n\n{summary(results)}")


# ------------------------------------- its section of BENCHMARKS.md: bench/run_all.py calls these two


def measure_section(settings: Settings) -> dict:
    return measured(lambda: measure(10 if settings.quick else 40, log=log), OUT)


def render_section(results: dict, settings: Settings) -> str:
    facts = summary(results)
    n = results["visitors"]
    return "\n\n".join([
        "Goal: a class on one link, all clicking *Start training* at once, is served in order, one run at a time "
        "(the default `RNNVIZ_MAX_RUNS=1`), each run starting as soon as the one before it ends, with no page open.",
        provenance(f"{DATA_COMMAND}python bench/bench_queue.py --runs {n} --reviews {results['reviews']}",
                   ("Keras", "JAX"), settings, results["started"],
                   f"Load average {results['load_end']:.1f} at the end. Writes `bench/out/bench_queue.json`."),
        f"{n} visitors launch from {n} threads released together through the real `launch.launch` "
        f"(the burst took {results['burst_seconds']:.2f} s). Each run is a real worker on the smallest real "
        f"config, so {n} of them finish in minutes: the book's LSTM on {results['reviews']} training reviews, "
        "1 epoch, 200 test reviews, JAX; the caches were filled once before "
        f"(`python -m rnnviz.train --warm-up`, {results['warm_up_seconds']:.0f} s), as on a class server after "
        "its first run. *Start* is when `launch.dispatch` starts the run's process (status.json `created`); the "
        "first curve point is when a thread watching the folders every 20 ms first saw a row in history.csv.",
        table(results),
        f"{facts['done']} of {n} runs done, each exactly once; at most {facts['at_once']} trained at once. "
        f"From one run's end to the next run's start (the ending worker's own `dispatch`): median "
        f"{facts['handover_median']:.2f} s, at most {facts['handover_max']:.2f} s. Start → first point: median "
        f"{facts['to_first_point_median']:.1f} s; a whole run {facts['length_median']:.1f} s; the last of the "
        f"{n} ended {facts['total']:.0f} s after the clicks. The machine's 2 cores were shared with other work "
        f"(load average {results['load_start']:.1f} at the start, {results['load_end']:.1f} at the end), which "
        "slows each run's start, not the hand-over. With real quick runs (5,000 reviews, up to 20 "
        "epochs) each place in the queue costs a whole run instead, which the page's estimate of the start "
        "(`run_queue.expected_start`) reckons from the epochs measured on the server.",
    ])


if __name__ == "__main__":
    main()
