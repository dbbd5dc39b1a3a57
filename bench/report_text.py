"""The shared pieces of BENCHMARKS.md's sections: how hard to measure, keeping the results, how a section reads.

Every bench script's `measure_section` is `measured(...)` around its `measure` (the start mark, the
script's JSON), its `render_section` writes its section with the rest; `run_all.py` strings the sections
together.
"""

from __future__ import annotations

import datetime
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools.machine import describe  # noqa: E402

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


def write_json(path: Path, results: dict) -> None:
    """A script's raw results as indented JSON at `path` (bench/out/<script>.json), its folder made if missing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2))


def measured(measure: Callable[[], dict], out: Path | None = None) -> dict:
    """A script's `measure_section`: `measure()`'s results with the `started` mark (date, load average)
    taken just before it, as `provenance` reads them.

    Args:
        measure: the measurement, no arguments (a lambda or `functools.partial` around the script's `measure`).
        out: where the script alone writes its results (`write_json`; without the mark), or None.

    Returns:
        The results and ``"started"`` (kept as the results give it when they take their own mark).
    """
    started = start_mark()
    results = measure()
    if out is not None:
        write_json(out, results)
    return results if "started" in results else {**results, "started": started}


def span(values: list[float], digits: int = 1, unit: str = "") -> str:
    """"1.4–1.9×" for a range, "1.4×" when all are equal at this precision."""
    low, high = f"{min(values):.{digits}f}", f"{max(values):.{digits}f}"
    return f"{low}{unit}" if low == high else f"{low}–{high}{unit}"


def bullets(*items: str) -> str:
    return "\n".join(f"- {item}" for item in items if item)


def log(line: str) -> None:
    print(line, file=sys.stderr, flush=True)
