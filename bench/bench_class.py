"""A class on one server: N visitors walk the chapter's path at once; server memory, CPU and wait per page.

    RNNVIZ_DATA_DIR=../shared/data/imdb python bench/bench_class.py [--sizes 1,10,20,40] [--arrival 60]
                                                                     [--before 64790f3 | --before none]

The app is shared as one link and a class of 30-40 students opens it within a minute. For each N a
fresh `streamlit run app.py` (temporary runs folder and disk cache) is first walked once by the
teacher (not timed: caches filled, imports done), then N visitors arrive evenly spread over
`--arrival` seconds. Each visitor is a real session (`streamlit_client.Visitor`, the websocket
protocol without a browser) and walks the path with no pause to read: home, then every step of
`rnnviz.lesson.STEPS` by its link, typing a sentence on the tokens page and stepping the hidden
page's player ▶ three times. A page's time is from sending its rerun to its `script_finished`.
N = 1 is one visitor alone, three times over (medians of three). The largest class then meets the
app at `--before` (the commit before this benchmark's fixes, `git archive`d) the same way.

Meanwhile a thread samples the server's RSS (the process and its children, /proc) every 0.1 s; its
CPU is /proc's utime + stime over the visitors' minutes. Goals (issue 16) for N = 40 on two cores:
RSS ≤ 1 GB, p95 ≤ 3 s for the numpy pages (tokens, hidden, onehot, cells), no error box anywhere.

Prints Markdown tables and writes bench/out/bench_class.json.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from rnnviz import lesson  # noqa: E402
from server_probe import MemoryProbe, measure_gc, process_tree, tree_cpu_s  # noqa: E402
from streamlit_client import Run, Visitor  # noqa: E402
from tools.appserver import streamlit_server  # noqa: E402
from tools.checkout import exported  # noqa: E402
from report_text import DATA_COMMAND, Settings, bullets, log, measured, provenance, start_mark, write_json  # noqa: E402

OUT = ROOT / "bench" / "out" / "bench_class.json"
SIZES, QUICK_SIZES = (1, 10, 20, 40), (1, 4)
BEFORE_COMMIT = "64790f3"  # the app before this benchmark's fixes (gc.freeze, the review page's reads)
ARRIVAL_S, QUICK_ARRIVAL_S = 60.0, 10.0
ALONE_REPEATS = 3  # N = 1: one visitor alone, this many times over
GOAL_RSS_MB, GOAL_P95_S = 1_000, 3.0
NUMPY_PAGES = ("tokens", "hidden", "onehot", "cells")
SENTENCE = "The acting was wonderful, but the story felt far too long. I would not watch it again."
STEPS_FORWARD = 3  # ▶ presses on the hidden page
NO_WATCHER = ("--server.fileWatcherType", "none")  # other people's edits must not rerun the measured server
WARM_UP_WAIT_S = 300.0  # the training lab's warm-up worker on a busy machine
TYPED, STEPPED = "tokens: type a sentence", "hidden: step ▶"


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


def measure_size(size: int, arrival: float, env: dict[str, str], lang: str, app: Path = ROOT / "app.py") -> dict:
    """A fresh server of `app`, walked by the teacher, then `size` visitors (N = 1: ALONE_REPEATS in turn)."""
    with tempfile.TemporaryDirectory(prefix="rnnviz-class-") as tmp, \
            streamlit_server(app, {**env, "RNNVIZ_RUNS_DIR": f"{tmp}/runs",
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


def measure(sizes=SIZES, arrival: float = ARRIVAL_S, lang: str = "ko", before: str | None = BEFORE_COMMIT) -> dict:
    """Every size in turn; then, with `before`, the largest class on the app at that commit."""
    data_dir = os.environ.get("RNNVIZ_DATA_DIR", str(ROOT.parent / "shared" / "data" / "imdb"))
    env = {"RNNVIZ_DATA_DIR": data_dir}
    results = {"started": start_mark(), "arrival_s": arrival, "lang": lang, "sizes": [], "gc": measure_gc()}
    for size in sizes:
        results["sizes"].append(measure_size(size, arrival, env, lang))
        report_round(f"N={size}", results["sizes"][-1])
    if before:
        with exported(before) as old:
            results["before"] = {"commit": before, **measure_size(max(sizes), arrival, env, lang, old / "app.py")}
        report_round(f"N={max(sizes)} at {before}", results["before"])
    return results


def report_round(name: str, measured: dict) -> None:
    row = summary(measured)
    log(f"  {name}: RSS peak {row['rss_peak_mb']:.0f} MB, CPU {row['server_cpu_s']:.0f} s ({row['cpu_pct']:.0f}%), "
        f"worst p95 {max(s['p95'] for s in row['pages'].values()):.2f} s, {row['failed_sessions']} session(s) "
        "with a problem")


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


def labelled_rows(results: dict) -> list[dict]:
    """Each round's summary with its label; the round on the app before the fixes comes last."""
    rows = [{**summary(measured), "label": f"1 (×{measured['visitors']} in turn)" if measured["size"] == 1
             else str(measured["size"])} for measured in results["sizes"]]
    if "before" in results:
        before = results["before"]
        rows.append({**summary(before), "label": f"{before['size']}, app at {before['commit']} (before)"})
    return rows


def server_table(rows: list[dict]) -> str:
    lines = ["| N visitors | wall (s) | server CPU (s) | server CPU (% of one core) | server RSS start → peak (MB) "
             "| teacher's walk before: peak with workers (MB) | sessions with an error box | client CPU (s) |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for row in rows:
        lines.append(f"| {row['label']} | {row['wall_s']:.0f} | {row['server_cpu_s']:.0f} | {row['cpu_pct']:.0f} | "
                     f"{row['rss_start_mb']:.0f} → {row['rss_peak_mb']:.0f} | {row['teacher']['rss_peak_mb']:.0f} | "
                     f"{row['failed_sessions']} | {row['client_cpu_s']:.0f} |")
    return "\n".join(lines)


def wait_table(rows: list[dict], largest: dict) -> str:
    """Per page: median / p95 seconds for every round, and the largest class's p95 against N = 1's."""
    alone = rows[0]
    head = " | ".join(f"N = {row['label']}: median / p95 (s)" for row in rows)
    lines = [f"| page | {head} | p95 N = {largest['size']} / N = 1 |", "| --- |" + " ---: |" * (len(rows) + 1)]
    for page in order(largest["pages"]):
        cells = " | ".join(f"{row['pages'][page]['median']:.2f} / {row['pages'][page]['p95']:.2f}"
                           if page in row["pages"] else "" for row in rows)
        ratio = largest["pages"][page]["p95"] / alone["pages"][page]["p95"] if page in alone["pages"] else 0
        name = f"**{page}**" if page in NUMPY_PAGES else page
        lines.append(f"| {name} | {cells} | {ratio:.1f}× |")
    return "\n".join(lines)


def worst_numpy_p95(row: dict) -> float:
    return max(row["pages"][page]["p95"] for page in NUMPY_PAGES if page in row["pages"])


def verdicts(rows: list[dict], largest: dict) -> list[str]:
    slow = [f"{page} ({largest['pages'][page]['p95']:.2f} s)" for page in NUMPY_PAGES
            if page in largest["pages"] and largest["pages"][page]["p95"] > GOAL_P95_S]
    problems = sorted({problem for row in rows for problem in row["problems"]})
    return [
        f"RSS: the server's peak at N = {largest['size']} is {largest['rss_peak_mb']:.0f} MB, "
        + ("within" if largest["rss_peak_mb"] <= GOAL_RSS_MB else "**over**") + f" the {GOAL_RSS_MB:,} MB goal.",
        f"Numpy pages' p95 at N = {largest['size']}: "
        + (f"**over the {GOAL_P95_S:g} s goal**: {'; '.join(slow)}." if slow else
           f"all within the {GOAL_P95_S:g} s goal (worst {worst_numpy_p95(largest):.2f} s)."),
        (f"Error boxes: **{sum(row['failed_sessions'] for row in rows)} session(s)** saw a problem: "
         + "; ".join(problems[:5]) + "." if problems else "Error boxes: none, in any session of any round."),
    ]


def markdown(results: dict) -> str:
    rows = labelled_rows(results)
    largest = summary(results["sizes"][-1])
    return "\n\n".join([server_table(rows), wait_table(rows, largest), bullets(*verdicts(rows, largest))])


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="visitors per round (default 1,10,20,40)")
    parser.add_argument("--arrival", type=float, default=ARRIVAL_S, help="seconds over which a class arrives")
    parser.add_argument("--lang", default="ko", choices=("ko", "en"))
    parser.add_argument("--before", default=BEFORE_COMMIT, help="the app's commit for the last round ('none': skip)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    results = measure(tuple(int(size) for size in args.sizes.split(",")), args.arrival, args.lang,
                      None if args.before == "none" else args.before)
    write_json(OUT, results)
    print(f"load average {results['started']['load']:.1f} at the start; {results['started']['date']}\n")
    print(markdown(results))


# ------------------------------------- its section of BENCHMARKS.md: bench/run_all.py calls these two


def measure_section(settings: Settings) -> dict:
    return measured(lambda: measure(QUICK_SIZES if settings.quick else SIZES,
                                    QUICK_ARRIVAL_S if settings.quick else ARRIVAL_S), OUT)  # measure() marks its start


def render_section(results: dict, settings: Settings) -> str:
    rows = labelled_rows(results)
    largest = summary(results["sizes"][-1])
    sizes = ",".join(str(measured["size"]) for measured in results["sizes"])
    before = f" --before {results['before']['commit']}" if "before" in results else " --before none"
    return "\n\n".join([
        f"Goals (issue 16), for a class of 40 on this 2-core machine: the server's RSS ≤ {GOAL_RSS_MB:,} MB, "
        f"p95 ≤ {GOAL_P95_S:g} s for the numpy pages ({', '.join(NUMPY_PAGES)}), no error box in any session.",
        provenance(f"{DATA_COMMAND}python bench/bench_class.py --sizes {sizes} --arrival {results['arrival_s']:g}"
                   + before, ("Streamlit", "websockets"), settings, results["started"]),
        server_table(rows),
        wait_table(rows, largest),
        bullets(*verdicts(rows, largest), *cause_notes(results, rows, largest), *method_notes(results)),
    ])


def cause_notes(results: dict, rows: list[dict], largest: dict) -> list[str]:
    """What the rounds say about the cause: the collection after every run, the one-core ceiling, the workers."""
    gc_cost, alone = results["gc"], rows[0]
    per_visitor = alone["server_cpu_s"] / alone["visitors"]
    demand = per_visitor * largest["size"]
    notes = [
        f"**The cause found, and fixed**: Streamlit runs a full `gc.collect()` after every script run "
        f"(`runner.postScriptGC`, on by default), fragment runs included. Over the heap of the server's imports "
        f"({gc_cost['tracked']:,} objects) one collection took {gc_cost['collect_ms']:.0f} ms here, holding the "
        f"GIL; a py-spy profile of the server at N = 40 put the largest share of the script threads' time there. "
        f"`ui.server` now freezes that heap once it is warm (`gc.freeze()`, after the import warm-up): a "
        f"collection then took {gc_cost['frozen_collect_ms']:.2g} ms, and what the runs make is still collected "
        "(a collection still walks what the open sessions hold, so its cost grows with the class). "
        "Two smaller ones: the review page read each of its models' files four times per run (each read an "
        "open, an fstat and a GIL hand-over), now once; and `Run.is_reference` resolved both folders (an lstat "
        "per part of the path) for every run listed, on every page run; `rnnviz.runs.resolved` keeps them.",
    ]
    if "before" in results:
        before = rows[-1]
        notes.append(
            f"Same class of {largest['size']} on the app before the fixes ({results['before']['commit']}): "
            f"server CPU {before['server_cpu_s']:.0f} s → {largest['server_cpu_s']:.0f} s now, the numpy pages' "
            f"worst p95 {worst_numpy_p95(before):.2f} s → {worst_numpy_p95(largest):.2f} s, peak RSS "
            f"{before['rss_peak_mb']:.0f} → {largest['rss_peak_mb']:.0f} MB.")
    notes.append(
        f"**What is left is the one-core ceiling.** A visitor's walk costs the server {per_visitor:.1f} s of CPU "
        f"alone, so a class of {largest['size']} asks {demand:.0f} s of it within {results['arrival_s']:g} s; "
        "Python runs one script thread at a time (the GIL), so however many sessions wait, the server uses "
        f"about one core (here {largest['cpu_pct']:.0f} % of one over the round) and later arrivals queue behind "
        "earlier runs. What remains per run is Streamlit's own work (each element made a protobuf, each message "
        "handed to the event loop, the collection after the run), reading the runs folders (the onehot, "
        "training and review pages list the reference runs on every run) and Plotly building figures; a "
        "second core would only help a second server process, and Community Cloud runs one per app.")
    growth = largest["rss_peak_mb"] - largest["rss_start_mb"]
    notes.append(
        f"**Memory**: the class of {largest['size']} adds {growth:.0f} MB to the server "
        f"({growth / largest['size']:.0f} MB a session): Streamlit keeps a closed session for "
        "`server.disconnectedSessionTTL` (120 s), so every session of a round is still held while it runs.")
    notes.append(
        f"**Before the class**: the teacher's walk on a fresh server peaks at "
        f"{largest['teacher']['rss_peak_mb']:.0f} MB for the whole tree while the server itself stays at "
        f"{largest['teacher']['server_peak_mb']:.0f} MB: the rest is the training lab's warm-up worker "
        "(`rnnviz.warm_up`, Keras in a process of its own, once per fresh machine) and the helper process that "
        f"reads IMDB. They ended {largest['teacher']['children_s']:.0f} s after the teacher's walk here, and the "
        "rounds start then. A class that arrived while they still ran would "
        f"add its {growth:.0f} MB to that peak: about {largest['teacher']['rss_peak_mb'] + growth:,.0f} MB, "
        "which a 1 GB machine would not hold: the teacher should open the training lab before the class "
        "arrives.")
    return notes


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
