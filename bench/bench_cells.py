"""Benchmark: cost of recording step traces in rnnviz.cells.

Times ``run(Cell.random(16, 8), xs)`` over a 100-step sequence (the book's
Embedding(500, 16) + LSTM(8) sizes) for each cell, against a baseline measured in
the same process: the same equations as bare numpy operations in a loop, with no
trace dataclasses and no stacking. The ratio is the overhead of the traces.
Also times ``influence`` (forward with traces + one backward pass).

Run from the project root:

    python bench/bench_cells.py

Prints a markdown table for BENCHMARKS.md. Goal: LSTM trace <= 5 ms.
"""

from __future__ import annotations

import sys
import timeit
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools.machine import describe  # noqa: E402

from rnnviz.cells import CELLS, influence, run, sigmoid  # noqa: E402
from report_text import Settings, measured, provenance, span  # noqa: E402

T, INPUT_DIM, UNITS = 100, 16, 8
REPEAT, NUMBER = 30, 20
GOAL_MS = 5.0


def bare_simple_rnn(cell, xs):
    W, U, b = cell.kernel, cell.recurrent_kernel, cell.bias
    h = np.zeros(cell.units)
    for x_t in xs:
        h = np.tanh(x_t @ W + h @ U + b)
    return h


def bare_lstm(cell, xs):
    W, U, b, u = cell.kernel, cell.recurrent_kernel, cell.bias, cell.units
    h = np.zeros(u)
    c = np.zeros(u)
    for x_t in xs:
        a = x_t @ W + h @ U + b
        i = sigmoid(a[:u])
        f = sigmoid(a[u : 2 * u])
        g = np.tanh(a[2 * u : 3 * u])
        o = sigmoid(a[3 * u :])
        c = f * c + i * g
        h = o * np.tanh(c)
    return h


def bare_gru(cell, xs):
    W, U, b, u = cell.kernel, cell.recurrent_kernel, cell.bias, cell.units
    h = np.zeros(u)
    for x_t in xs:
        x_in = x_t @ W + b[0]
        h_in = h @ U + b[1]
        z = sigmoid(x_in[:u] + h_in[:u])
        r = sigmoid(x_in[u : 2 * u] + h_in[u : 2 * u])
        hh = np.tanh(x_in[2 * u :] + r * h_in[2 * u :])
        h = z * h + (1.0 - z) * hh
    return h


BARE = {"SimpleRNN": bare_simple_rnn, "LSTM": bare_lstm, "GRU": bare_gru}


def best_ms(fn, repeat=REPEAT, number=NUMBER):
    """Best-of-`repeat` mean time of one call, in milliseconds."""
    return min(timeit.repeat(fn, repeat=repeat, number=number)) / number * 1e3


def measure(repeat: int = REPEAT, number: int = NUMBER) -> list[dict]:
    """Per cell: the bare loop, `run()` with traces and `influence()`, in ms (best of `repeat`)."""
    xs = np.random.default_rng(0).normal(size=(T, INPUT_DIM))
    rows = []
    for kind, cls in CELLS.items():
        cell = cls.random(INPUT_DIM, UNITS, seed=0)
        np.testing.assert_allclose(BARE[kind](cell, xs), run(cell, xs).h[-1], atol=1e-12)
        rows.append({"cell": kind,
                     "bare_ms": best_ms(lambda: BARE[kind](cell, xs), repeat, number),
                     "traced_ms": best_ms(lambda: run(cell, xs), repeat, number),
                     "influence_ms": best_ms(lambda: influence(cell, xs), repeat, number)})
    return rows


def table(rows: list[dict]) -> str:
    lines = ["| cell | bare numpy loop (ms) | `run()` with traces (ms) | ratio | `influence()` (ms) |",
             "| --- | ---: | ---: | ---: | ---: |"]
    lines += [f"| {r['cell']} | {r['bare_ms']:.2f} | {r['traced_ms']:.2f} | {r['traced_ms'] / r['bare_ms']:.1f}x | "
              f"{r['influence_ms']:.2f} |" for r in rows]
    return "\n".join(lines)


def lstm_trace_ms(rows: list[dict]) -> float:
    return next(r["traced_ms"] for r in rows if r["cell"] == "LSTM")


def main():
    rows = measure()
    print(f"## rnnviz.cells: {T}-step trace, {INPUT_DIM} inputs, {UNITS} units\n")
    print(f"- machine: {describe()}")
    print(f"- numpy {np.__version__}")
    print(f"- best of {REPEAT} repeats x {NUMBER} calls (timeit)\n")
    print(table(rows))
    lstm_ms = lstm_trace_ms(rows)
    verdict = "meets" if lstm_ms <= GOAL_MS else "MISSES"
    print(f"\nLSTM trace: {lstm_ms:.2f} ms, {verdict} the goal of <= {GOAL_MS:.0f} ms.")


# ------------------------------------- its section of BENCHMARKS.md: bench/run_all.py calls these two


def measure_section(settings: Settings) -> dict:
    return measured(lambda: {"rows": measure(settings.cell_repeats)})


def render_section(results: dict, settings: Settings) -> str:
    rows = results["rows"]
    lstm_ms = lstm_trace_ms(rows)
    verdict = "the goal is met" if lstm_ms <= GOAL_MS else "the goal is **missed**"
    ratios = [row["traced_ms"] / row["bare_ms"] for row in rows]
    return "\n\n".join([
        f"Goal: a {T}-step LSTM trace with {UNITS} units and {INPUT_DIM} inputs ≤ "
        f"{GOAL_MS:g} ms.",
        provenance("python bench/bench_cells.py", ("numpy",), settings, results["started"],
                   f"Best of {settings.cell_repeats} repeats × {NUMBER} calls (timeit). Baseline: the same "
                   "equations as a bare numpy loop, no trace records."),
        table(rows),
        f"The LSTM trace takes {lstm_ms:.2f} ms: {verdict}. Recording every intermediate costs "
        f"{span(ratios, unit='×')} the bare loop.",
    ])


if __name__ == "__main__":
    main()
