"""A rerun flood: one websocket sends ~80 reruns a second to /train; how long another visitor's reruns take.

    RNNVIZ_DATA_DIR=../shared/data/imdb python bench/bench_flood.py [--rate 80] [--seconds 10]
                                                                     [--page tokens] [--before fc3b168 | --before none]

Issue 24: one session sending ~80 reruns/s to /train for 10 s made another visitor's /tokens rerun take
15.4 s (0.10 s alone). For the app at `--before` (`git archive`d) and for this checkout, in the same run,
a fresh server is opened (the page's first visit loads its data); then a quiet visitor reruns `--page`
(a widget changed, one rerun after the other) for `--seconds` alone, then as long again while the flood
runs (`streamlit_client.Visitor`: the websocket protocol, as a script would send it, never waiting for
a run to end), and again for a few seconds after. Goal: under the flood, the quiet visitor's rerun
≤ 1 s median and ≤ 3 s at most.

Prints a Markdown section and writes bench/out/bench_flood.json.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from report_text import Settings, bullets, log, measured, versions, write_json
from server_probe import tree_cpu_s
from streamlit_client import BackMsg, Visitor, WidgetState

from tools.appserver import streamlit_server
from tools.checkout import exported
from tools.machine import describe

OUT = ROOT / "bench" / "out" / "bench_flood.json"
BEFORE_COMMIT = "fc3b168"  # the app before issue 24
GOAL_MEDIAN_S, GOAL_MAX_S = 1.0, 3.0
NO_WATCHER = ("--server.fileWatcherType", "none")
# the quiet visitor's page -> a widget it changes each rerun: key, WidgetState field, values to alternate
QUIET = {"tokens": ("num_words", "double_array_value", ([1000.0], [2000.0])),
         "review": ("rv_text", "string_value", ("A great film.", "A dull film."))}


async def quiet_reruns(url: str, page: str, seconds: float) -> list[float]:
    """One visitor rerunning `page` one run after the other for `seconds`: each run's seconds."""
    key, field, values = QUIET[page]
    visitor = Visitor(url, "en")
    took = []
    try:
        await visitor.open(page, urlencode({"lang": "en", "reveal": "1"}))
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            run = await visitor.change(key, field, values[len(took) % 2], "quiet")
            took.append(run.seconds)
    finally:
        await visitor.close()
    return took


async def open_once(url: str, page: str) -> None:
    visitor = Visitor(url, "en")
    try:
        await visitor.open(page, urlencode({"lang": "en", "reveal": "1"}))
    finally:
        await visitor.close()


async def flood(url: str, rate: float, seconds: float) -> int:
    """One session sending a rerun of /train (its seed changed) every 1/`rate` s for `seconds`, reading (and dropping) whatever
    comes back, never waiting for a run to end. Returns how many reruns it sent."""
    visitor = Visitor(url, "en")
    await visitor.open("train", urlencode({"lang": "en"}))
    payloads = []
    for seed in (1, 2):  # each rerun changes a setting (the seed box), so each is real work, as a script's would be
        message = BackMsg()
        message.rerun_script.query_string = visitor.query
        message.rerun_script.page_script_hash = visitor.page_hash
        message.rerun_script.widget_states.widgets.append(WidgetState(id=visitor.widget_id("train_seed"),
                                                                      int_value=seed))
        payloads.append(message.SerializeToString())

    async def drain():
        with contextlib.suppress(Exception):
            while True:
                await visitor.socket.recv()

    reader = asyncio.create_task(drain())
    sent, started = 0, time.perf_counter()
    try:
        while (elapsed := time.perf_counter() - started) < seconds:
            await visitor.socket.send(payloads[sent % 2])
            sent += 1
            await asyncio.sleep(max(sent / rate - elapsed, 0))
    finally:
        reader.cancel()
        await visitor.close()
    return sent


async def scenario(url: str, pid: int, page: str, rate: float, seconds: float) -> dict:
    alone = await quiet_reruns(url, page, seconds)
    cpu = tree_cpu_s(pid)
    await flood(url, rate, seconds)  # the flood alone: what it costs the server
    flood_cpu = tree_cpu_s(pid) - cpu
    flooding = asyncio.create_task(flood(url, rate, seconds))
    await asyncio.sleep(0.5)  # the flood under way
    during = await quiet_reruns(url, page, seconds - 0.5)
    sent = await flooding
    after = await quiet_reruns(url, page, 4)
    return {"alone": alone, "during": during, "after": after, "sent": sent, "flood_cpu_s": flood_cpu}


def class_runs(folder: Path, count: int) -> None:
    """`count` finished runs of a class in the runs folder: reference runs copied under new ids."""
    from rnnviz import runs

    reference = runs.RunStore(runs.REFERENCE_RUNS_DIR).list()
    for number in range(count):
        shutil.copytree(reference[number % len(reference)].path, folder / f"20991231-2359{number:02d}-c1a550")


def measure_app(app: Path, env: dict[str, str], page: str, rate: float, seconds: float, stored: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="rnnviz-flood-") as tmp, \
            streamlit_server(app, {**env, "RNNVIZ_RUNS_DIR": f"{tmp}/runs", "RNNVIZ_CACHE_DIR": f"{tmp}/cache",
                                   "RNNVIZ_WARM_UP": "0"},
                             timeout=120, extra_args=NO_WATCHER, cwd=app.parent) as (url, pid):
        class_runs(Path(tmp) / "runs", stored)
        for first in dict.fromkeys([page, "train"]):  # first visits: the data, the imports
            asyncio.run(open_once(url, first))
        result = asyncio.run(scenario(url, pid, page, rate, seconds))
        log(f"{app}: alone {_median(result['alone'])} s, flood {_median(result['during'])} s median, "
            f"{max(result['during']):.2f} s max ({result['sent']} reruns sent)")
        return result


def measure(page: str, rate: float, seconds: float, before: str | None, stored: int) -> dict:
    data_dir = os.environ.get("RNNVIZ_DATA_DIR", str(ROOT.parent / "shared" / "data" / "imdb"))
    env = {"RNNVIZ_DATA_DIR": str(Path(data_dir).absolute())}
    results = {"page": page, "rate": rate, "seconds": seconds, "stored": stored, "date": time.strftime("%Y-%m-%d %H:%M"),
               "load": os.getloadavg()[0], "apps": {}}
    with exported(before) if before else contextlib.nullcontext() as baseline:
        apps = ([(f"before ({before})", baseline / "app.py")] if before else []) + [("now", ROOT / "app.py")]
        for name, app in apps:
            results["apps"][name] = measure_app(app, env, page, rate, seconds, stored)
    return results


def _median(values: list[float]) -> str:
    return f"{statistics.median(values):.2f}" if values else "—"


def render(results: dict, command: str) -> str:
    head = (f"Command: `{command}`\n\nMachine: {describe()}; {versions('Streamlit')}; {results['date']}, "
            f"load average {results['load']:.1f} at the start.\n\n"
            f"| another visitor's `{results['page']}` rerun (s), one session flooding `/train` at "
            f"{results['rate']:.0f} reruns/s for {results['seconds']:.0f} s, {results['stored']} runs stored | "
            + " | ".join(results["apps"]) + " |\n| --- |" + " ---: |" * len(results["apps"]) + "\n")
    rows = [("alone, median", lambda r: _median(r["alone"])),
            ("under the flood, median (goal ≤ 1 s)", lambda r: _median(r["during"])),
            ("under the flood, max (goal ≤ 3 s)", lambda r: f"{max(r['during']):.2f}"),
            ("under the flood, reruns done", lambda r: str(len(r["during"]))),
            ("after the flood, median", lambda r: _median(r["after"])),
            ("reruns the flood sent", lambda r: str(r["sent"])),
            ("server CPU over the flood alone (s of its seconds)", lambda r: f"{r['flood_cpu_s']:.1f}")]
    lines = [f"| {label} | " + " | ".join(cell(r) for r in results["apps"].values()) + " |" for label, cell in rows]
    return head + "\n".join(lines) + "\n"


NOTES = (
    "The flood is one session of `bench/streamlit_client.py` (the websocket protocol, no browser) sending a "
    "rerun of `/train` with its seed box changed every 12.5 ms, never waiting for a run to end; the quiet "
    "visitor changes its page's vocabulary slider, one rerun after the other.",
    "`ui.pace_reruns` (first in app.py and in the lab's live fragment) lets a session run at most 10 page "
    "runs a second at full speed; a run over the pace sleeps (0.1 s per extra run, at most 1 s) before doing "
    "any work, and the flood's next request replaces it: the flood costs the server about half the CPU it did.",
    "The runs listing is not cached: 54 runs (30 stored, 24 reference) list in ~15 ms, each file read once "
    "per version by `rnnviz.run_files`; the flood's cost was its number of runs, which the pace bounds.",
)


def measure_section(settings: Settings) -> dict:
    return measured(lambda: measure("tokens", 80.0, 10.0, BEFORE_COMMIT, 30), OUT)


def render_section(results: dict, settings: Settings) -> str:
    goal = ("Goal (issue 24): while one session floods `/train` with ~80 reruns a second, another visitor's "
            "rerun stays ≤ 1 s median and ≤ 3 s at most.")
    return "\n\n".join([goal, render(results, "python bench/bench_flood.py"), bullets(*NOTES)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rate", type=float, default=80.0, help="reruns a second the flooding session sends")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--page", choices=tuple(QUIET), default="tokens")
    parser.add_argument("--before", default=BEFORE_COMMIT, help="baseline commit, or 'none'")
    parser.add_argument("--runs", type=int, default=30, help="finished runs of a class in the runs folder")
    args = parser.parse_args()
    before = None if args.before == "none" else args.before
    results = measure(args.page, args.rate, args.seconds, before, args.runs)
    write_json(OUT, results)
    print(render(results, "RNNVIZ_DATA_DIR=../shared/data/imdb python " + " ".join(["bench/bench_flood.py", *sys.argv[1:]])))


if __name__ == "__main__":
    main()
