"""How long the test suite takes: the full command (CI's) and the fast tier, beside a baseline commit.

    python bench/bench_tests.py [--baseline ed2c082] [--skip-baseline]

Each checkout (the baseline commit and this one, both exported with `git archive`, so uncommitted work is
left out) runs in a folder beside this checkout, where the tests find `../shared/data/imdb` as on a fresh
clone, one after the other on the same machine (never at once: 2 cores). Measured: the wall time of
`python -m pytest` (the README's command) and, for this checkout, of `python -m pytest -m "not slow"` (the
fast tier, which the baseline does not have), with the tests passed, failed and left out. Nothing in the
suite is timed; this script times the suite.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(ROOT), str(BENCH)]

from report_text import Settings, bullets, log, measured, provenance, write_json  # noqa: E402

BASELINE_COMMIT = "ed2c082"  # issue 23's starting point: the suite before the tiers and the cuts
OUT = BENCH / "out" / "bench_tests.json"
GOALS_S = {"full": 600, "fast": 300}  # issue 23: the full suite <= 10 min, the fast tier <= 5 min
FAST_SHARE_GOAL = 0.60  # ... running >= 60 % of the tests
SUMMARY = re.compile(r"(\d+) (passed|failed|skipped|deselected|errors?|xfailed|xpassed)")


@contextlib.contextmanager
def checkout(commit: str) -> Iterator[Path]:
    """The project at `commit` in a fresh folder beside this checkout, so `../shared` is where a clone has it."""
    with tempfile.TemporaryDirectory(prefix=f"rnnviz-tests-{commit}-", dir=ROOT.parent) as folder:
        archive = subprocess.run(["git", "archive", commit], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", folder], input=archive, check=True)
        yield Path(folder)


def run_suite(folder: Path, *args: str) -> dict:
    """`python -m pytest *args` in `folder`: wall seconds and the summary line's counts."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("RNNVIZ_")}  # as a new user
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args], cwd=folder,
                          env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    counts = {kind.rstrip("s") if kind.startswith("error") else kind: int(n) for n, kind in SUMMARY.findall(summary)}
    log(f"{folder.name} pytest {' '.join(args)}: {seconds:.0f} s, {summary}")
    return {"seconds": seconds, "counts": counts, "returncode": done.returncode, "summary": summary}


def measure(baseline: str | None = BASELINE_COMMIT) -> dict:
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout.strip()
    results = {"head": head, "baseline": baseline}
    if baseline:
        with checkout(baseline) as folder:
            results["baseline_full"] = run_suite(folder)
    with checkout(head) as folder:
        results["full"] = run_suite(folder)
        results["fast"] = run_suite(folder, "-m", "not slow")
    return results


def ran(result: dict) -> int:
    return sum(result["counts"].get(kind, 0) for kind in ("passed", "failed", "error", "xfailed", "xpassed"))


def table(results: dict) -> str:
    rows = [("full suite, baseline " + results["baseline"], results.get("baseline_full")),
            ("full suite, " + results["head"], results["full"]),
            ('fast tier (`-m "not slow"`), ' + results["head"], results["fast"])]
    base = results.get("baseline_full")
    lines = ["| run | wall (min) | tests run | passed | failed | vs. baseline full |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for label, result in rows:
        if result is None:
            continue
        ratio = f"{result['seconds'] / base['seconds']:.2f}x" if base else "–"
        lines.append(f"| {label} | {result['seconds'] / 60:.1f} | {ran(result)} | {result['counts'].get('passed', 0)} "
                     f"| {result['counts'].get('failed', 0) + result['counts'].get('error', 0)} | {ratio} |")
    return "\n".join(lines)


def notes(results: dict) -> list[str]:
    full, fast = results["full"], results["fast"]
    share = ran(fast) / max(ran(full), 1)
    found = [f"Full suite {full['seconds'] / 60:.1f} min (goal ≤ {GOALS_S['full'] / 60:.0f} min): "
             f"{'within' if full['seconds'] <= GOALS_S['full'] else 'over'} the goal.",
             f"Fast tier {fast['seconds'] / 60:.1f} min running {ran(fast)} of {ran(full)} tests ({share:.0%}; goal "
             f"≥ {FAST_SHARE_GOAL:.0%} in ≤ {GOALS_S['fast'] / 60:.0f} min): "
             f"{'within' if fast['seconds'] <= GOALS_S['fast'] and share >= FAST_SHARE_GOAL else 'over'} the goal."]
    if results.get("baseline_full"):
        base = results["baseline_full"]
        found.append(f"The baseline's full suite took {base['seconds'] / 60:.1f} min in the same run: this checkout "
                     f"takes {full['seconds'] / base['seconds']:.2f}x its time.")
    return found


def measure_section(settings: Settings) -> dict:
    return measured(lambda: measure(), OUT)


def render_section(results: dict, settings: Settings) -> str:
    return "\n\n".join([
        "Goal (issue 23): the full suite (the README's command, CI's) ≤ 10 min on an idle 2-core machine, and a "
        "fast tier running ≥ 60 % of the tests in ≤ 5 min. Both checkouts run from a clean export beside this "
        "one, one after the other, with no `RNNVIZ_*` setting (the tests find `../shared/data/imdb`).",
        provenance(f"python bench/bench_tests.py --baseline {results['baseline']}", ("pytest", "pytest-xdist"),
                   settings, results["started"]),
        table(results),
        bullets(*notes(results)),
    ])


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=BASELINE_COMMIT)
    parser.add_argument("--skip-baseline", action="store_true")
    args = parser.parse_args()
    found = measured(lambda: measure(None if args.skip_baseline else args.baseline), OUT)
    print(render_section(found, Settings()))
