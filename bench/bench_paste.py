"""Big pastes on one server: N sessions paste a long text into a page's text box, then leave; server RSS and CPU.

    RNNVIZ_DATA_DIR=../shared/data/imdb python bench/bench_paste.py [--sessions 20] [--mb 20] [--page tokens]
                                                                     [--before fc3b168 | --before none]

Issue 24: a text box was bounded only in the browser, and the tokens page kept and re-read whatever the
websocket brought (20 sessions x 20 MB: RSS 557 -> 1,714 MB, still 1,713 MB 150 s after they closed).
For the app at `--before` (`git archive`d) and for this checkout, in the same run, a fresh
`streamlit run app.py` is opened once (the page's first visit loads the word list), then N sessions
(`streamlit_client.Visitor`: the websocket protocol without a browser, which sends what a forged or
unbounded client would) each open the page, paste `--mb` MB into its box (one rerun) and rerun once more
(another widget changed); then all close. The server's RSS (VmRSS, the process alone) is read before,
with the sessions open, and every 5 s for `--watch` s after they closed. CPU is /proc's utime + stime
of the server over each phase. Goal: RSS back within 60 s of the sessions closing (within 50 MB of before).

Prints a Markdown section and writes bench/out/bench_paste.json.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import websockets
from report_text import Settings, bullets, log, measured, versions, write_json
from server_probe import rss_mb, tree_cpu_s
from streamlit_client import Visitor

from tools.appserver import streamlit_server
from tools.checkout import exported
from tools.machine import describe

OUT = ROOT / "bench" / "out" / "bench_paste.json"
BEFORE_COMMIT = "fc3b168"  # the app before issue 24's text limits
GOAL_BACK_S, GOAL_MARGIN_MB = 60, 50
NO_WATCHER = ("--server.fileWatcherType", "none")  # other people's edits must not rerun the measured server
# page -> (its text box's key, another widget to rerun with: key, WidgetState field, value)
PAGES = {"tokens": ("text", ("num_words", "double_array_value", [1000.0])),
         "hidden": ("step_text", ("step_seed", "double_value", 7.0)),
         "onehot": ("oh_sentence", ("oh_maxlen", "double_array_value", [50.0])),
         "review": ("rv_text", ("rv_index", "double_value", 3.0))}  # rv_index is hidden while typing: see rerun()
PASTE_LINE = "a great film with a story that felt far too long "  # 50 characters, ASCII


def paste_text(megabytes: float) -> str:
    """`megabytes` MB of review-like text on lines of 5,000 characters (what a pasted file looks like)."""
    line = PASTE_LINE * 100
    lines = int(megabytes * 1e6) // (len(line) + 1) + 1
    return "\n".join([line] * lines)


async def paste_and_leave(url: str, page: str, text: str, ready: list, gate: asyncio.Event) -> dict:
    """One session: open `page`, paste `text` into its box, rerun once more, say so in `ready`, then wait
    for `gate` and close."""
    box, (other, field, value) = PAGES[page]
    visitor = Visitor(url, "en")
    found = {"paste_s": None, "rerun_s": None, "problems": []}
    try:
        await visitor.open(page, urlencode({"lang": "en"}))
        pasted = await visitor.change(box, "string_value", text, "paste")
        found["paste_s"], found["problems"] = pasted.seconds, pasted.problems
        with contextlib.suppress(KeyError):  # a widget the page does not show now
            found["rerun_s"] = (await visitor.change(other, field, value, "rerun")).seconds
    except (OSError, websockets.WebSocketException) as error:  # the server closed the connection: reported
        found["problems"].append(f"{type(error).__name__}: {error}"[:200])
    ready.append(True)
    try:
        await gate.wait()
    finally:
        await visitor.close()
    return found


async def sessions(url: str, pid: int, page: str, count: int, text: str) -> dict:
    """`count` sessions paste at once; RSS and CPU while they are open."""
    gate, ready = asyncio.Event(), []
    cpu = tree_cpu_s(pid)
    started = time.perf_counter()
    tasks = [asyncio.create_task(paste_and_leave(url, page, text, ready, gate)) for _ in range(count)]
    while len(ready) < count:
        await asyncio.sleep(0.5)
    open_rss, open_cpu, open_s = rss_mb(pid), tree_cpu_s(pid) - cpu, time.perf_counter() - started
    gate.set()
    found = await asyncio.gather(*tasks)
    return {"open_rss_mb": open_rss, "cpu_s": open_cpu, "wall_s": open_s, "sessions": found}


def measure_app(app: Path, env: dict[str, str], page: str, count: int, text: str, watch_s: float) -> dict:
    """A fresh server of `app`: RSS before, with `count` pasting sessions open, and after they closed."""
    with tempfile.TemporaryDirectory(prefix="rnnviz-paste-") as tmp, \
            streamlit_server(app, {**env, "RNNVIZ_RUNS_DIR": f"{tmp}/runs", "RNNVIZ_CACHE_DIR": f"{tmp}/cache",
                                   "RNNVIZ_WARM_UP": "0"},
                             timeout=120, extra_args=NO_WATCHER, cwd=app.parent) as (url, pid):  # its own config
        asyncio.run(_first_visit(url, page))
        time.sleep(2)
        before = rss_mb(pid)
        result = {"before_mb": before, **asyncio.run(sessions(url, pid, page, count, text))}
        closed = time.perf_counter()
        after = []
        while (elapsed := time.perf_counter() - closed) <= watch_s:
            after.append((round(elapsed), rss_mb(pid)))
            time.sleep(5)
        result["after"] = after
        back = next((s for s, mb in after if mb - before <= GOAL_MARGIN_MB), None)
        result["back_after_s"] = back
        log(f"{app}: before {before:.0f} MB, open {result['open_rss_mb']:.0f} MB, "
            f"after {after[-1][1]:.0f} MB at {after[-1][0]} s, back after {back} s")
        return result


async def _first_visit(url: str, page: str) -> None:
    visitor = Visitor(url, "en")
    try:
        await visitor.open(page, urlencode({"lang": "en"}))
    finally:
        await visitor.close()


def measure(page: str, count: int, megabytes: float, before: str | None, watch_s: float) -> dict:
    data_dir = os.environ.get("RNNVIZ_DATA_DIR", str(ROOT.parent / "shared" / "data" / "imdb"))
    env = {"RNNVIZ_DATA_DIR": str(Path(data_dir).absolute())}
    text = paste_text(megabytes)
    results = {"page": page, "sessions": count, "chars": len(text), "watch_s": watch_s,
               "date": time.strftime("%Y-%m-%d %H:%M"), "load": os.getloadavg()[0], "apps": {}}
    with exported(before) if before else contextlib.nullcontext() as baseline:
        apps = ([(f"before ({before})", baseline / "app.py")] if before else []) + [("now", ROOT / "app.py")]
        for name, app in apps:
            results["apps"][name] = measure_app(app, env, page, count, text, watch_s)
    return results


def render(results: dict, command: str) -> str:
    mb = results["chars"] / 1e6
    head = (f"Command: `{command}`\n\nMachine: {describe()}; {versions('Streamlit')}; {results['date']}, "
            f"load average {results['load']:.1f} at the start.\n\n"
            f"| server RSS (MB), {results['sessions']} sessions x {mb:.1f} MB into `{results['page']}` | "
            + " | ".join(results["apps"]) + " |\n| --- |" + " ---: |" * len(results["apps"]) + "\n")
    rows = [("before the sessions", lambda r: f"{r['before_mb']:.0f}"),
            ("sessions open (pasted, rerun once)", lambda r: f"{r['open_rss_mb']:.0f}")]
    for seconds in (0, 30, GOAL_BACK_S):
        rows.append((f"{seconds:.0f} s after they closed", lambda r, s=seconds: _after(r, s)))
    rows.append(("last reading", lambda r: f"{r['after'][-1][1]:.0f} ({r['after'][-1][0]} s)"))
    rows += [("back within 50 MB of before after", lambda r: "not within the watch" if r["back_after_s"] is None
              else f"{r['back_after_s']} s"),
             ("server CPU, paste + one rerun, per session (s)",
              lambda r: f"{r['cpu_s'] / len(r['sessions']):.2f}"),
             ("median rerun after the paste (s)", lambda r: _median([s["rerun_s"] for s in r["sessions"]])),
             ("sessions closed by the server or with a problem",
              lambda r: str(sum(bool(s["problems"]) for s in r["sessions"])))]
    lines = [f"| {label} | " + " | ".join(cell(r) for r in results["apps"].values()) + " |" for label, cell in rows]
    return head + "\n".join(lines) + "\n"


def _after(result: dict, seconds: float) -> str:
    return next((f"{mb:.0f}" for s, mb in result["after"] if s >= seconds), "—")


def _median(values: list) -> str:
    values = sorted(v for v in values if v is not None)
    return f"{values[len(values) // 2]:.2f}" if values else "—"


def measure_section(settings: Settings) -> dict:
    return measured(lambda: measure("tokens", 20, 20.0, BEFORE_COMMIT, 65.0), OUT)


def render_section(results: dict, settings: Settings) -> str:
    goal = ("Goal (issue 24): a text value is cut to its box's limit before the server keeps or processes it, "
            "and the server's memory comes back within 60 s of the sessions closing.")
    notes = ("Each session (`bench/streamlit_client.py`: the websocket protocol, no browser, which a browser's "
             "`max_chars` never lets through) sends the megabytes as the box's value, reruns once, and closes.",
             "Every box has a limit (`ui.text_box`), and `.streamlit/config.toml` sets `server.maxMessageSize = 2`: "
             "a larger message closes the connection before it is read.",
             "Streamlit keeps a closed session for `server.disconnectedSessionTTL` (120 s) and glibc keeps "
             "freed memory: RSS does not return within 60 s even for ordinary sessions (see the control run).")
    return "\n\n".join([goal, render(results, "python bench/bench_paste.py --sessions 20 --mb 20 --watch 65"),
                        bullets(*notes)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--mb", type=float, default=20.0, help="megabytes pasted by each session")
    parser.add_argument("--page", choices=tuple(PAGES), default="tokens")
    parser.add_argument("--before", default=BEFORE_COMMIT, help="baseline commit, or 'none'")
    parser.add_argument("--watch", type=float, default=90.0, help="seconds RSS is watched after the sessions close")
    args = parser.parse_args()
    before = None if args.before == "none" else args.before
    results = measure(args.page, args.sessions, args.mb, before, args.watch)
    write_json(OUT, results)
    print(render(results, "RNNVIZ_DATA_DIR=../shared/data/imdb python " + " ".join(["bench/bench_paste.py", *sys.argv[1:]])))


if __name__ == "__main__":
    main()
