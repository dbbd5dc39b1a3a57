"""A class on one server: N visitors walk the chapter's path at once; server memory, CPU and wait per page.

    RNNVIZ_DATA_DIR=../shared/data/imdb python bench/bench_class.py [--sizes 1,10,20,40] [--arrival 60]

The app is shared as one link and a class of 30-40 students opens it within a minute. For each N a
fresh `streamlit run app.py` (temporary runs folder and disk cache) is first walked once by the
teacher (not timed: caches filled, imports done), then N visitors arrive evenly spread over
`--arrival` seconds. Each visitor is a real session (`streamlit_client.Visitor`, the websocket
protocol without a browser) and walks the path with no pause to read: home, then every step of
`rnnviz.lesson.STEPS` by its link, typing a sentence on the tokens page and stepping the hidden
page's player ▶ three times. A page's time is from sending its rerun to its `script_finished`.
N = 1 is one visitor alone, three times over (medians of three).

Meanwhile a thread samples the server's RSS (the process and its children, /proc) every 0.1 s; its
CPU is /proc's utime + stime over the visitors' minutes. Goals (issue 16) for N = 40 on two cores:
RSS ≤ 1 GB, p95 ≤ 3 s for the numpy pages (tokens, hidden, onehot, cells), no error box anywhere.

Prints Markdown tables and writes bench/out/bench_class.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from rnnviz import lesson  # noqa: E402
from streamlit_client import Run, Visitor  # noqa: E402
from tools.appserver import streamlit_server  # noqa: E402
from report_text import DATA_COMMAND, Settings, bullets, log, provenance, start_mark  # noqa: E402

OUT = ROOT / "bench" / "out" / "bench_class.json"
SIZES, QUICK_SIZES = (1, 10, 20, 40), (1, 4)
ARRIVAL_S, QUICK_ARRIVAL_S = 60.0, 10.0
ALONE_REPEATS = 3  # N = 1: one visitor alone, this many times over
GOAL_RSS_MB, GOAL_P95_S = 1_000, 3.0
NUMPY_PAGES = ("tokens", "hidden", "onehot", "cells")
SENTENCE = "The acting was wonderful, but the story felt far too long. I would not watch it again."
STEPS_FORWARD = 3  # ▶ presses on the hidden page
NO_WATCHER = ("--server.fileWatcherType", "none")  # other people's edits must not rerun the measured server
SAMPLE_S = 0.1
WARM_UP_WAIT_S = 300.0  # the training lab's warm-up worker on a busy machine
TYPED, STEPPED = "tokens: type a sentence", "hidden: step ▶"


# ---------------------------------------------------------------------------------------------- the server


def process_tree(pid: int) -> list[int]:
    """`pid` and every descendant (Linux /proc/<pid>/task/*/children)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                todo += [int(child) for child in task.read_text().split()]
            except OSError:  # the task ended meanwhile
                pass
    return found


def rss_mb(pid: int) -> float:
    """VmRSS of one process in MB (0 once it has ended)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    return next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0) / 1024


def tree_rss_mb(pid: int) -> float:
    return sum(rss_mb(member) for member in process_tree(pid))


def tree_cpu_s(pid: int) -> float:
    """User + system CPU seconds of the tree so far, ended children included (their cutime + cstime)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for member in process_tree(pid):
        try:
            fields = Path(f"/proc/{member}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(value) for value in fields[11:15])  # utime stime cutime cstime (fields 14-17)
    return total / ticks


class MemoryProbe(threading.Thread):
    """Samples RSS every SAMPLE_S until stopped: the server tree's start, peak and last reading, and the
    server process's own peak (the tree adds the workers it starts)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.tree, self.server = pid, [tree_rss_mb(pid)], [rss_mb(pid)]
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(SAMPLE_S):
            self.tree.append(tree_rss_mb(self.pid))
            self.server.append(rss_mb(self.pid))

    def stop(self) -> dict:
        self.done.set()
        self.join()
        return {"rss_start_mb": self.tree[0], "rss_peak_mb": max(self.tree), "rss_end_mb": self.tree[-1],
                "server_peak_mb": max(self.server)}


# ---------------------------------------------------------------------------------------------- the visitors


async def walk(url: str, delay: float, lang: str) -> list[dict]:
    """One visitor after `delay` s: home, every step of the path by its link, the two pages' actions."""
    await asyncio.sleep(delay)
    visitor = Visitor(url, lang)
    try:
        await visitor.open("", urlencode({"lang": lang}))
        for step in lesson.STEPS:
            page = Path(step.page).stem
            opened = await visitor.open(page, urlencode(lesson.link_params(step, lang)))
            if opened.problems:
                continue  # a broken page: its widgets may be missing
            if page == "tokens":
                await visitor.change("text", "string_value", SENTENCE, TYPED)
            elif page == "hidden":
                for _ in range(STEPS_FORWARD):
                    await visitor.change("hidden_forward", "trigger_value", True, STEPPED)
    except Exception as error:  # a lost connection, a missing widget: reported, the others go on
        visitor.runs.append(_failed(error))
    finally:
        await visitor.close()
    return [{"page": run.page, "seconds": run.seconds, "problems": run.problems, "errors": run.errors}
            for run in visitor.runs]


def _failed(error: Exception) -> Run:
    return Run("visitor", status=f"failed: {type(error).__name__}: {error}"[:300])


async def a_class(url: str, size: int, arrival: float, lang: str) -> list[list[dict]]:
    """`size` visitors, the i-th arriving at i * arrival / size s; each visitor's runs."""
    return list(await asyncio.gather(*(walk(url, i * arrival / size, lang) for i in range(size))))


def measure_size(size: int, arrival: float, env: dict[str, str], lang: str) -> dict:
    """A fresh server, walked by the teacher, then `size` visitors (N = 1: ALONE_REPEATS of them in turn)."""
    with tempfile.TemporaryDirectory(prefix="rnnviz-class-") as tmp, \
            streamlit_server(ROOT / "app.py", {**env, "RNNVIZ_RUNS_DIR": f"{tmp}/runs",
                                               "RNNVIZ_CACHE_DIR": f"{tmp}/cache"},
                             timeout=120, extra_args=NO_WATCHER) as (url, pid):
        result = {"size": size, "teacher": teacher_walk(url, pid, lang)}
        probe = MemoryProbe(pid)
        probe.start()
        cpu, client, started = tree_cpu_s(pid), time.process_time(), time.perf_counter()
        if size == 1:
            visitors = [asyncio.run(walk(url, 0, lang)) for _ in range(ALONE_REPEATS)]
        else:
            visitors = asyncio.run(a_class(url, size, arrival, lang))
        wall = time.perf_counter() - started
        result.update(visitors=len(visitors), wall_s=wall, server_cpu_s=tree_cpu_s(pid) - cpu,
                      client_cpu_s=time.process_time() - client, **probe.stop())
    result["cpu_pct"] = 100 * result["server_cpu_s"] / wall
    result["runs"] = visitors
    return result


def teacher_walk(url: str, pid: int, lang: str) -> dict:
    """The teacher opens the path before class; the training lab's warm-up worker (a fresh machine's
    first visit starts one, `rnnviz.warm_up`) is left to finish, as it would before the class arrives."""
    probe = MemoryProbe(pid)
    probe.start()
    runs = asyncio.run(walk(url, 0, lang))
    walked = time.perf_counter()
    while len(process_tree(pid)) > 1 and time.perf_counter() - walked < WARM_UP_WAIT_S:
        time.sleep(0.5)
    return {"runs": runs, "children_s": time.perf_counter() - walked, "children_left": len(process_tree(pid)) - 1,
            **probe.stop()}


def measure(sizes=SIZES, arrival: float = ARRIVAL_S, lang: str = "ko") -> dict:
    data_dir = os.environ.get("RNNVIZ_DATA_DIR", str(ROOT.parent / "shared" / "data" / "imdb"))
    results = {"started": start_mark(), "arrival_s": arrival, "lang": lang, "sizes": []}
    for size in sizes:
        results["sizes"].append(measure_size(size, arrival, {"RNNVIZ_DATA_DIR": data_dir}, lang))
        row = summary(results["sizes"][-1])
        log(f"  N={size}: RSS peak {row['rss_peak_mb']:.0f} MB, CPU {row['server_cpu_s']:.0f} s "
            f"({row['cpu_pct']:.0f}%), worst p95 {max(s['p95'] for s in row['pages'].values()):.2f} s, "
            f"{row['failed_sessions']} session(s) with a problem")
    return results


# ---------------------------------------------------------------------------------------------- the report


def percentile(values: list[float], share: float) -> float:
    """The `share` quantile, linear between samples (the only sample when there is one)."""
    ordered = sorted(values)
    position = share * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summary(measured: dict) -> dict:
    """Per page (and action): median and p95 seconds; the sessions that saw a problem."""
    times: dict[str, list[float]] = {}
    for visitor in measured["runs"]:
        for run in visitor:
            times.setdefault(run["page"], []).append(run["seconds"])
    pages = {page: {"median": statistics.median(values), "p95": percentile(values, 0.95), "runs": len(values)}
             for page, values in times.items()}
    problems = [[f"{run['page']}: {problem}" for run in visitor for problem in run["problems"]]
                for visitor in measured["runs"]]
    return {**measured, "pages": pages, "failed_sessions": sum(1 for found in problems if found),
            "problems": sorted({problem for found in problems for problem in found})}


def order(pages: dict) -> list[str]:
    """Home, the path's pages in their order, each with its action after it."""
    wanted = ["home"] + [Path(step.page).stem for step in lesson.STEPS]
    wanted = [page for i, page in enumerate(wanted) if page not in wanted[:i]]
    ordered = []
    for page in wanted:
        ordered += [page] + [action for action in (TYPED, STEPPED) if action.startswith(page + ":")]
    return [page for page in ordered if page in pages] + sorted(set(pages) - set(ordered))


def server_table(rows: list[dict]) -> str:
    lines = ["| N visitors | wall (s) | server CPU (s) | server CPU (% of one core) | server RSS start → peak (MB) "
             "| teacher's walk before: peak with workers (MB) | sessions with an error box | client CPU (s) |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for row in rows:
        size = f"1 (×{row['visitors']} in turn)" if row["size"] == 1 else str(row["size"])
        lines.append(f"| {size} | {row['wall_s']:.0f} | {row['server_cpu_s']:.0f} | {row['cpu_pct']:.0f} | "
                     f"{row['rss_start_mb']:.0f} → {row['rss_peak_mb']:.0f} | {row['teacher']['rss_peak_mb']:.0f} | "
                     f"{row['failed_sessions']} | "
                     f"{row['client_cpu_s']:.0f} |")
    return "\n".join(lines)


def wait_table(rows: list[dict]) -> str:
    """Per page: median / p95 seconds for every N, and the largest N's p95 against N = 1's."""
    alone, largest = rows[0], rows[-1]
    head = " | ".join(f"N = {row['size']}: median / p95 (s)" for row in rows)
    lines = [f"| page | {head} | p95 N = {largest['size']} / N = 1 |",
             "| --- |" + " ---: |" * (len(rows) + 1)]
    for page in order(largest["pages"]):
        cells = " | ".join(f"{row['pages'][page]['median']:.2f} / {row['pages'][page]['p95']:.2f}"
                           if page in row["pages"] else "" for row in rows)
        ratio = largest["pages"][page]["p95"] / alone["pages"][page]["p95"] if page in alone["pages"] else 0
        name = f"**{page}**" if page in NUMPY_PAGES else page
        lines.append(f"| {name} | {cells} | {ratio:.1f}× |")
    return "\n".join(lines)


def verdicts(rows: list[dict]) -> list[str]:
    largest = rows[-1]
    slow = [f"{page} ({largest['pages'][page]['p95']:.2f} s)" for page in NUMPY_PAGES
            if page in largest["pages"] and largest["pages"][page]["p95"] > GOAL_P95_S]
    problems = sorted({problem for row in rows for problem in row["problems"]})
    return [
        f"RSS: the server's peak at N = {largest['size']} is {largest['rss_peak_mb']:.0f} MB, "
        + ("within" if largest["rss_peak_mb"] <= GOAL_RSS_MB else "**over**") + f" the {GOAL_RSS_MB:,} MB goal.",
        f"Numpy pages' p95 at N = {largest['size']}: "
        + (f"**over the {GOAL_P95_S:g} s goal**: {'; '.join(slow)}." if slow else
           f"all within the {GOAL_P95_S:g} s goal (worst "
           f"{max(largest['pages'][p]['p95'] for p in NUMPY_PAGES if p in largest['pages']):.2f} s)."),
        (f"Error boxes: **{sum(row['failed_sessions'] for row in rows)} session(s)** saw a problem: "
         + "; ".join(problems[:5]) + "." if problems else "Error boxes: none, in any session of any N."),
    ]


def markdown(results: dict) -> str:
    rows = [summary(measured) for measured in results["sizes"]]
    return "\n\n".join([server_table(rows), wait_table(rows), bullets(*verdicts(rows))])


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="visitors per round (default 1,10,20,40)")
    parser.add_argument("--arrival", type=float, default=ARRIVAL_S, help="seconds over which a class arrives")
    parser.add_argument("--lang", default="ko", choices=("ko", "en"))
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    results = measure(tuple(int(size) for size in args.sizes.split(",")), args.arrival, args.lang)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(results, indent=2))
    print(f"load average {results['started']['load']:.1f} at the start; {results['started']['date']}\n")
    print(markdown(results))


# ------------------------------------- its section of BENCHMARKS.md: bench/run_all.py calls these two


def measure_section(settings: Settings) -> dict:
    results = measure(QUICK_SIZES if settings.quick else SIZES, QUICK_ARRIVAL_S if settings.quick else ARRIVAL_S)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(results, indent=2))
    return results


def render_section(results: dict, settings: Settings) -> str:
    rows = [summary(measured) for measured in results["sizes"]]
    sizes = ",".join(str(row["size"]) for row in rows)
    return "\n\n".join([
        f"Goals (issue 16), for a class of 40 on this 2-core machine: the server's RSS ≤ {GOAL_RSS_MB:,} MB, "
        f"p95 ≤ {GOAL_P95_S:g} s for the numpy pages ({', '.join(NUMPY_PAGES)}), no error box in any session.",
        provenance(f"{DATA_COMMAND}python bench/bench_class.py --sizes {sizes} --arrival {results['arrival_s']:g}",
                   ("Streamlit", "websockets"), settings, results["started"]),
        server_table(rows),
        wait_table(rows),
        bullets(*verdicts(rows), *method_notes(results)),
    ])


def method_notes(results: dict) -> list[str]:
    return [
        f"Each N has a fresh `streamlit run app.py` (temporary runs folder and disk cache), first walked once by "
        f"the teacher (not counted), then N visitors arrive evenly over {results['arrival_s']:g} s and walk the "
        "chapter's path without pausing to read: home, the seven steps of `rnnviz.lesson.STEPS` by their links "
        f"(the training lab twice), typing a sentence on the tokens page and pressing ▶ {STEPS_FORWARD} times on "
        f"the hidden page (a fragment run). N = 1 is one visitor alone, {ALONE_REPEATS} times in turn.",
        "A visitor is `bench/streamlit_client.py`: a real session over Streamlit's websocket "
        "(`BackMsg` `rerun_script` out, `ForwardMsg`s in), no browser: the time is from sending the page's "
        "rerun to its `script_finished`, so it leaves out the browser drawing the charts. It reports no "
        "cached messages, so the server sends every element in full (a browser would get some as references).",
        "RSS is VmRSS of the server and its children, sampled every 0.1 s while the visitors walk; CPU is the "
        "server's utime + stime over the same wall time (100 % = one core; Python runs one script thread at a "
        "time, so the server can use little more than one core). The client runs on the same two cores; its CPU "
        "is in the last column. **Bold** pages are the numpy pages the p95 goal is for.",
    ]


if __name__ == "__main__":
    main()
