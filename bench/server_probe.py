"""The Streamlit server's memory and CPU (bench_class.py): /proc readings of it and the processes it
starts, and what a full garbage collection over its imports costs.

A server's children are the training lab's workers (`python -m rnnviz.train`, the warm-up) and the
helper processes that read IMDB: on a small cloud machine they share its memory with the server, so
the RSS here is the whole tree's.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

SAMPLE_S = 0.1
ROOT = Path(__file__).resolve().parents[1]



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


GC_PROBE = """
import gc, json, statistics, sys, time
sys.path.insert(0, sys.argv[1])
import streamlit, pandas, pyarrow  # what a server holds once every page has been visited
from rnnviz import charts, charts_cells, charts_diagrams, charts_encoding, charts_review, charts_train, review, runs
charts.style(charts.go.Figure(charts.go.Scatter(x=[0, 1], y=[1, 0])), "warm-up").to_json()
def collect_ms():
    times = []
    for _ in range(5):
        started = time.perf_counter()
        gc.collect(2)
        times.append(1000 * (time.perf_counter() - started))
    return statistics.median(times)
tracked, full = len(gc.get_objects()), collect_ms()
gc.freeze()
print(json.dumps({"tracked": tracked, "collect_ms": full, "frozen_collect_ms": collect_ms()}))
"""


def measure_gc() -> dict:
    """What Streamlit's gc.collect after every script run costs over the imports' heap, and once frozen."""
    done = subprocess.run([sys.executable, "-c", GC_PROBE, str(ROOT)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])
