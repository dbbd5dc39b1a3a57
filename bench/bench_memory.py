"""Server memory: RSS of the real Streamlit server over many reruns of each page, against an empty page.

    RNNVIZ_DATA_DIR=../shared/data/imdb python bench/bench_memory.py [--reruns 200] [--pages hidden,cells]

Starts `streamlit run app.py` (and, as the baseline, `streamlit run` of a
one-line empty page) and drives it from headless Chromium (Playwright, Debian's
/usr/bin/chromium), so every rerun goes through the server exactly as a
visitor's would. A rerun is the "R" key (the app menu's *Rerun*); it counts
once the server reports the script finished, and the key is pressed again if
no run started. The server's RSS (VmRSS from /proc: Linux) is read after every page
has been visited once (what counts against Streamlit Community Cloud's ~1 GB),
then per page in a fresh server (sharing the disk cache the visits filled):
after a few warm-up reruns and after `--reruns` more. The runs folder and the
rnnviz disk cache are fresh temp folders, as on a new deployment.
Goal: RSS grows by < 50 MB over 200 reruns of each page.

Prints Markdown tables and writes bench/out/bench_memory.json.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools.appserver import chromium, streamlit_server  # noqa: E402
from tools.machine import describe  # noqa: E402
from report_text import DATA_COMMAND, Settings, bullets, log, measured, provenance, write_json  # noqa: E402

GOAL_GROWTH_MB = 50.0
CLOUD_MEMORY_MB = 1_000  # Streamlit Community Cloud: about 1 GB per app (docs/book.md, "Facts measured": 690 MB-2.7 GB)
DEFAULT_RERUNS, DEFAULT_WARMUP = 200, 5
SETTLE_S = 1.0  # let the server finish sending and collect garbage before RSS is read
KEY_TIMEOUT_S = 3.0  # no run started this long after "R": the key was lost, press again
RUN_TIMEOUT_S = 120.0  # a first visit may load IMDB (a few seconds) on a loaded machine
EMPTY_PAGE = "import streamlit as st\n\nst.title('empty')\n"
BASELINE = "empty Streamlit page (baseline)"
OUT = ROOT / "bench" / "out" / "bench_memory.json"


# No file watcher: other people's edits to the checkout must not touch the measured process.
NO_WATCHER = ("--server.fileWatcherType", "none")


def app_pages() -> list[tuple[str, str]]:
    """(name, URL path) of every page, in the navigation's order; the default page lives at "/"."""
    import ui  # the page registry app.py routes; imports streamlit, which is fine here

    return [(Path(path).stem, "" if index == 0 else Path(path).stem)
            for index, (path, *_) in enumerate(ui.PAGES)]


def rss_mb(pid: int, field_name: str = "VmRSS") -> float:
    """Resident memory of a process in MB (VmHWM gives its peak so far); Linux /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field_name + ":"):
            return int(line.split()[1]) / 1024  # kB
    raise RuntimeError(f"no {field_name} for process {pid}")


@dataclass
class Session:
    """One browser tab on one page: counts the script runs the server reports over the websocket."""

    tab: object  # playwright Page
    started: int = 0  # script runs started (new_session messages; fragment runs included)
    finished: int = 0  # full script runs finished (fragment runs excluded)
    lost_keys: int = 0  # presses of "R" after which no run started (pressed again)
    exceptions: list[str] = field(default_factory=list)

    def on_frame(self, payload: bytes | str) -> None:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        if isinstance(payload, str):
            return
        message = ForwardMsg.FromString(payload)
        kind = message.WhichOneof("type")
        if kind == "new_session":
            self.started += 1
        elif kind == "script_finished" and message.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
            self.finished += 1
        elif kind == "delta" and message.delta.new_element.WhichOneof("type") == "exception":
            text = message.delta.new_element.exception.message
            if text not in self.exceptions:
                self.exceptions.append(text)

    def wait(self, done: Callable[[], bool], timeout: float) -> bool:
        """Let Playwright deliver websocket frames until `done()` or the timeout."""
        deadline = time.monotonic() + timeout
        while not done():
            if time.monotonic() > deadline:
                return False
            self.tab.wait_for_timeout(10)
        return True

    def open(self, url: str) -> float:
        """Load the page (a new server session); seconds until its first run finished."""
        started = time.perf_counter()
        target = self.finished + 1
        self.tab.goto(url)
        if not self.wait(lambda: self.finished >= target, RUN_TIMEOUT_S):
            raise RuntimeError(f"{url}: the script did not finish")
        return time.perf_counter() - started

    def rerun(self) -> float:
        """Press "R" (again, if no run started) and wait for the full run; its seconds."""
        started = time.perf_counter()
        target = self.finished + 1
        for _ in range(5):
            runs_before = self.started
            # the app's hotkeys listen on the top document: take focus back from a widget or iframe
            self.tab.evaluate("document.activeElement && document.activeElement.blur()")
            self.tab.keyboard.press("r")
            if not self.wait(lambda: self.started > runs_before or self.finished >= target, KEY_TIMEOUT_S):
                self.lost_keys += 1
                continue  # the app was not listening yet: press again
            if self.wait(lambda: self.finished >= target, RUN_TIMEOUT_S):
                return time.perf_counter() - started
        raise RuntimeError("a rerun did not finish after 5 presses of R")


@contextlib.contextmanager
def session(browser) -> Iterator[Session]:
    tab = browser.new_page(viewport={"width": 1400, "height": 1000})
    state = Session(tab)
    tab.on("websocket", lambda socket: socket.on("framereceived", state.on_frame))
    try:
        yield state
    finally:
        tab.close()


def settled_rss(pid: int) -> float:
    time.sleep(SETTLE_S)
    return rss_mb(pid)


def visit_every_page(browser, url: str, pid: int, pages: list[tuple[str, str]]) -> list[dict]:
    """One visitor opens every page once, in order; the server's RSS after each."""
    visits = []
    with session(browser) as tab:
        for name, path in pages:
            seconds = tab.open(f"{url}/{path}")
            visits.append({"page": name, "first_run_s": seconds, "rss_mb": settled_rss(pid),
                           "exceptions": list(tab.exceptions)})
            tab.exceptions.clear()
    return visits


def rerun_page(browser, url: str, pid: int, name: str, reruns: int, warmup: int) -> dict:
    """A fresh session on one page: RSS after `warmup` reruns and after `reruns` more."""
    with session(browser) as tab:
        tab.open(url)
        for _ in range(warmup):
            tab.rerun()
        warm = settled_rss(pid)
        seconds = [tab.rerun() for _ in range(reruns)]
        after = settled_rss(pid)
        return {"page": name, "rss_warm_mb": warm, "rss_after_mb": after, "growth_mb": after - warm,
                "median_rerun_s": statistics.median(seconds), "reruns": len(seconds),
                "lost_keys": tab.lost_keys, "exceptions": list(tab.exceptions)}


def measure_server(browser, script: Path, env: dict[str, str], pages: list[tuple[str, str]],
                   reruns: int, warmup: int, log: Callable[[str], None]) -> dict:
    """One server for the visits (every page once), then a fresh server per page for its reruns.

    Fresh servers keep the pages apart: otherwise what one page's first visit
    loads, or a closed session's cleanup, would show up as another page's growth.
    """
    with streamlit_server(script, env, extra_args=NO_WATCHER) as (url, pid):
        result = {"rss_start_mb": settled_rss(pid), "visits": visit_every_page(browser, url, pid, pages),
                  "peak_mb": rss_mb(pid, "VmHWM")}
    log(f"  visited {len(pages)} page(s): {result['visits'][-1]['rss_mb']:.0f} MB, peak {result['peak_mb']:.0f} MB")
    result["reruns"] = []
    for name, path in pages if reruns else []:
        with streamlit_server(script, env, extra_args=NO_WATCHER) as (url, pid):
            row = rerun_page(browser, f"{url}/{path}", pid, name, reruns, warmup)
        result["reruns"].append(row)
        log(f"  {name}: {row['rss_warm_mb']:.0f} -> {row['rss_after_mb']:.0f} MB "
            f"({signed(row['growth_mb'])}) over {reruns} reruns, median {row['median_rerun_s']:.2f} s")
    return result


def measure(reruns: int = DEFAULT_RERUNS, warmup: int = DEFAULT_WARMUP, only: list[str] | None = None,
            log: Callable[[str], None] = lambda line: None) -> dict:
    """The app's server and the empty page's server, measured the same way in one run.

    Args:
        reruns: reruns per page after the warm-up (0: only visit every page once).
        warmup: reruns before the first RSS reading of a page.
        only: page names to measure (default: all of ui.PAGES).
    """
    pages = [page for page in app_pages() if not only or page[0] in only]
    unknown = set(only or ()) - {name for name, _ in pages}
    if unknown:
        raise ValueError(f"unknown page(s) {sorted(unknown)}; known: {[name for name, _ in app_pages()]}")
    data_dir = os.environ.get("RNNVIZ_DATA_DIR", str(ROOT.parent / "shared" / "data" / "imdb"))
    results = {"date": datetime.datetime.now().isoformat(timespec="minutes"), "machine": describe(),
               "load_average": os.getloadavg()[0], "reruns": reruns, "warmup": warmup,
               "versions": {name: version(name) for name in ("streamlit", "playwright")}}
    with tempfile.TemporaryDirectory() as tmp, chromium() as browser:
        results["versions"]["chromium"] = browser.version
        empty = Path(tmp) / "empty.py"
        empty.write_text(EMPTY_PAGE)
        env = {"RNNVIZ_DATA_DIR": data_dir, "RNNVIZ_RUNS_DIR": f"{tmp}/runs", "RNNVIZ_CACHE_DIR": f"{tmp}/cache"}
        log("empty page:")
        results["empty"] = measure_server(browser, empty, env, [(BASELINE, "")], reruns, warmup, log)
        log("app.py:")
        results["app"] = measure_server(browser, ROOT / "app.py", env, pages, reruns, warmup, log)
    return results


def signed(value: float, digits: int = 1) -> str:
    """"+1.5", and "+0.0" rather than "-0.0" for a tiny negative."""
    text = f"{value:+.{digits}f}"
    return "+" + text[1:] if float(text) == 0 else text


def visits_table(results: dict) -> str:
    """The server's RSS as one visitor opens every page once (fresh server), against the empty page."""
    empty, app = results["empty"], results["app"]
    lines = ["| server RSS after (MB) | rnnviz `app.py` | empty page (baseline) | app vs. empty |",
             "| --- | ---: | ---: | ---: |",
             f"| start, no visitor | {app['rss_start_mb']:.0f} | {empty['rss_start_mb']:.0f} | "
             f"{app['rss_start_mb'] / empty['rss_start_mb']:.2f}x |"]
    previous = app["rss_start_mb"]
    for visit in app["visits"]:
        lines.append(f"| + first visit of {visit['page']} ({visit['first_run_s']:.1f} s) | {visit['rss_mb']:.0f} "
                     f"({signed(visit['rss_mb'] - previous, 0)}) | | |")
        previous = visit["rss_mb"]
    app_all, empty_all = app["visits"][-1]["rss_mb"], empty["visits"][-1]["rss_mb"]
    lines.append(f"| **every page visited once** | **{app_all:.0f}** | {empty_all:.0f} | "
                 f"{app_all / empty_all:.2f}x |")
    lines.append(f"| peak during the visits (VmHWM) | {app['peak_mb']:.0f} | {empty['peak_mb']:.0f} | "
                 f"{app['peak_mb'] / empty['peak_mb']:.2f}x |")
    return "\n".join(lines)


def growth_table(results: dict) -> str:
    """Per page: RSS after the warm-up and after the reruns, growth against the goal."""
    reruns = results["reruns"]
    lines = [f"| page | RSS after {results['warmup']} warm-up reruns (MB) | after {reruns} more (MB) | growth (MB) "
             f"| goal < {GOAL_GROWTH_MB:.0f} MB | median rerun (s) |",
             "| --- | ---: | ---: | ---: | --- | ---: |"]
    for row in results["empty"]["reruns"] + results["app"]["reruns"]:
        verdict = "met" if row["growth_mb"] < GOAL_GROWTH_MB else "**missed**"
        if row["exceptions"]:
            verdict += " (the page raised an exception)"
        lines.append(f"| {row['page']} | {row['rss_warm_mb']:.0f} | {row['rss_after_mb']:.0f} | "
                     f"{signed(row['growth_mb'])} | {verdict} | {row['median_rerun_s']:.2f} |")
    return "\n".join(lines)


def raised(results: dict) -> list[str]:
    """"page: message" for every exception a page showed, on its visit or its reruns."""
    rows = results["app"]["visits"] + results["app"]["reruns"]
    return sorted({f"{row['page']}: {first_sentence(message)}" for row in rows for message in row["exceptions"]})


def first_sentence(message: str, limit: int = 120) -> str:
    sentence = message.strip().splitlines()[0].split(". ")[0].rstrip(".") if message.strip() else "(no message)"
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"


def markdown(results: dict) -> str:
    parts = [f"Machine: {results['machine']}; load average {results['load_average']:.1f} at the start; "
             f"{results['date']}.", "", visits_table(results)]
    if results["reruns"]:
        parts += ["", growth_table(results)]
    if raised(results):
        parts += ["", "Pages that raised an exception: " + "; ".join(raised(results))]
    return "\n".join(parts)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reruns", type=int, default=DEFAULT_RERUNS, help="reruns per page (0: visits only)")
    parser.add_argument("--warmup", type=int, default=DEFAULT_WARMUP, help="reruns before the first reading")
    parser.add_argument("--pages", help="comma-separated page names (default: every page)")
    parser.add_argument("--json", type=Path, default=OUT, help=f"default: {OUT.relative_to(ROOT)}")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    try:
        results = measure(args.reruns, args.warmup, args.pages.split(",") if args.pages else None,
                          log=lambda line: print(line, file=sys.stderr, flush=True))
    except ValueError as error:  # an unknown --pages name
        raise SystemExit(f"bench_memory.py: {error}") from None
    write_json(args.json, results)
    print(markdown(results))


# ------------------------------------- its section of BENCHMARKS.md: bench/run_all.py calls these two


def measure_section(settings: Settings) -> dict:
    return measured(lambda: measure(settings.reruns, settings.warmup, log=log), OUT)


def render_section(results: dict, settings: Settings) -> str:
    command = f"{DATA_COMMAND}python bench/bench_memory.py --reruns {results['reruns']} --warmup {results['warmup']}"
    parts = [
        f"Goals: the server's RSS grows by < {GOAL_GROWTH_MB:.0f} MB over {DEFAULT_RERUNS} reruns of "
        "each page; the app fits in Streamlit Community Cloud's memory (about 1 GB).",
        provenance(command, ("Streamlit", "Playwright"), settings,
                   {"date": results["date"].replace("T", " "), "load": results["load_average"]},
                   f"Browser: Chromium {results['versions']['chromium']} (headless). Writes "
                   "`bench/out/bench_memory.json`."),
        visits_table(results),
        bullets(*visit_notes(results)),
    ]
    if results["reruns"]:
        parts += [growth_table(results), bullets(*growth_notes(results))]
    return "\n\n".join(parts)


def visit_notes(results: dict) -> list[str]:
    app, empty = results["app"], results["empty"]
    everything = app["visits"][-1]["rss_mb"]
    before = [app["rss_start_mb"]] + [visit["rss_mb"] for visit in app["visits"]]
    largest_step, largest_page = max((visit["rss_mb"] - rss, visit["page"])
                                     for visit, rss in zip(app["visits"], before))
    failed = raised(results)
    warm = {row["page"]: row["rss_warm_mb"] for row in app["reruns"]}
    alone = (f"; on its own, in a fresh server with the disk cache the visits had filled, {largest_page} holds "
             f"{warm[largest_page]:.0f} MB after its warm-up" if largest_page in warm else "")
    return [
        "The real server (`streamlit run app.py`, a fresh runs folder and disk cache) and, as the baseline, "
        "`streamlit run` of a one-line page (`st.title`), measured the same way in one run. One headless "
        "Chromium visitor opens every page once, in the navigation's order; RSS is the server process's "
        f"VmRSS, read {SETTLE_S:g} s after the page's script finished (the browser is not counted). "
        "Seconds are from opening the page to the end of its first script run.",
        f"After one visit to every page the server holds **{everything:.0f} MB** "
        f"({everything / empty['visits'][-1]['rss_mb']:.1f}× the empty page's server); its peak during the "
        f"visits, {app['peak_mb']:.0f} MB, is {app['peak_mb'] / CLOUD_MEMORY_MB:.0%} of Cloud's ~1 GB. "
        f"The largest step is the first visit of {largest_page} (+{largest_step:.0f} MB){alone}.",
        f"**Pages that raised an exception**: {'; '.join(failed)}." if failed else "",
    ]


def growth_notes(results: dict) -> list[str]:
    rows = results["app"]["reruns"]
    worst = max(rows, key=lambda row: row["growth_mb"])
    over = [row["page"] for row in rows if row["growth_mb"] >= GOAL_GROWTH_MB]
    baseline = results["empty"]["reruns"][0]
    return [
        f"Each page in a fresh server (sharing the disk cache the visits filled) and session: "
        f"{results['warmup']} warm-up reruns, then {results['reruns']} reruns, each "
        "the \"R\" key (the app menu's *Rerun*) and counted when the server reports the full script run finished "
        "(fragment runs excluded), so the reruns follow one another. Growth is the RSS after the reruns minus "
        "the RSS after the warm-up; \"median rerun\" is from the key press to the end of the run.",
        (f"**Over the goal**: {', '.join(over)}." if over else
         f"Every page meets the goal: the largest growth is {signed(worst['growth_mb'])} MB "
         f"({worst['page']}); the empty page's server changed by {signed(baseline['growth_mb'])} MB."),
    ]


if __name__ == "__main__":
    main()
