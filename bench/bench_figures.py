"""Benchmark: the timestep pages' figures (size in the browser) and page logic (time per rerun).

Measures, for SimpleRNN (the "Hidden state" page) and LSTM / GRU (the "LSTM and GRU
cells" page):

* the JSON size of the animation figure (``len(fig.to_json())``, what Streamlit sends
  to the browser) at the page's cap of 30 timesteps and at 100 timesteps, with the
  largest sizes the sliders allow (8 features, 8 units); goal <= 1 MB at 100 steps;
* the time of each piece of page logic and of everything one rerun computes.

Run from the project root:

    python bench/bench_figures.py

Prints a markdown table for BENCHMARKS.md.
"""

from __future__ import annotations

import sys
import timeit
from pathlib import Path

import numpy as np
import plotly

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools.machine import describe  # noqa: E402

from rnnviz import charts_cells, fading  # noqa: E402
from rnnviz.cells import make_cell, run  # noqa: E402
from rnnviz.equations import equation_latex  # noqa: E402
from rnnviz.inputs import MAX_STEPS, build_inputs  # noqa: E402
from rnnviz.params import param_count  # noqa: E402
from rnnviz.snippets import layer_code  # noqa: E402
from report_text import Settings, measured, provenance, span  # noqa: E402

FEATURES, UNITS = 8, 8  # the sliders' maximum
REPEAT, NUMBER = 7, 5
GOAL_BYTES = 1_000_000


def best_ms(fn, number=NUMBER, repeat=REPEAT):
    """Best-of-`repeat` mean time of one call, in milliseconds."""
    return min(timeit.repeat(fn, repeat=repeat, number=number)) / number * 1e3


def animation(kind, trace, tokens):
    if kind == "SimpleRNN":
        return charts_cells.hidden_step_figure(trace, tokens, "en")
    return charts_cells.cell_step_figure(kind, trace, tokens, "en")


def page_rerun(kind, sentence, fade_steps):
    """Everything a rerun of the page computes, without Streamlit."""
    inputs = build_inputs(sentence, "embedding", FEATURES, seed=0)
    cell = make_cell(kind, inputs.input_dim, UNITS, seed=0)
    trace = run(cell, inputs.xs)
    fig = animation(kind, trace, inputs.tokens)
    fig.to_json()
    equation_latex(kind, trace.steps[-1], inputs.timesteps)
    if kind == "SimpleRNN":
        terms = param_count(kind, inputs.input_dim, UNITS).terms
        charts_cells.weights_figure(cell, "en", terms).to_json()
    curves = fading.fading(fade_steps, inputs.input_dim, UNITS, seed=0)
    charts_cells.fading_figure(curves, "en").to_json()
    if kind != "SimpleRNN":
        fading.gate_memory(kind, fading.long_trace(kind, fade_steps, inputs.input_dim, UNITS))
    layer_code(kind, inputs, cell)


def measure(repeat: int = REPEAT) -> dict:
    """Figure sizes (bytes) and build times (ms), and the page logic's pieces (ms), per cell."""
    sentence = " ".join(f"w{i % 17}" for i in range(MAX_STEPS))  # 30 timesteps
    sizes, times = [], []
    for kind in ("SimpleRNN", "LSTM", "GRU"):
        row = {"cell": kind}
        for T in (MAX_STEPS, 100):
            xs = fading.fading_inputs(T, FEATURES, seed=0)
            trace = run(make_cell(kind, FEATURES, UNITS), xs)
            tokens = [f"w{i}" for i in range(T)]
            fig = animation(kind, trace, tokens)
            row[f"json_bytes_{T}"] = len(fig.to_json())
        # timed at 100 steps: trace, tokens and fig are the last loop's
        row["build_100_ms"] = best_ms(lambda: animation(kind, trace, tokens), repeat=repeat)
        row["to_json_100_ms"] = best_ms(lambda: fig.to_json(), repeat=repeat)
        sizes.append(row)

        inputs = build_inputs(sentence, "embedding", FEATURES)
        cell = make_cell(kind, FEATURES, UNITS)
        trace = run(cell, inputs.xs)
        times.append({
            "cell": kind,
            "build_inputs_ms": best_ms(lambda: build_inputs(sentence, "embedding", FEATURES), 50, repeat),
            "equation_latex_ms": best_ms(lambda: equation_latex(kind, trace.steps[-1], 30), 50, repeat),
            "fading_ms": best_ms(lambda: fading.fading(100, FEATURES, UNITS), 10, repeat),
            "keras_code_ms": best_ms(lambda: layer_code(kind, inputs, cell), 50, repeat),
            "page_rerun_ms": best_ms(lambda: page_rerun(kind, sentence, 100), 2, repeat)})
    return {"sizes": sizes, "times": times}


TIME_COLUMNS = (("build_inputs_ms", "`build_inputs` 30 tokens (ms)"), ("equation_latex_ms", "`equation_latex` (ms)"),
                ("fading_ms", "`fading` 100 steps, 3 cells (ms)"), ("keras_code_ms", "`layer_code` (ms)"),
                ("page_rerun_ms", "whole page rerun logic, 30 tokens + 100-step fading (ms)"))


def size_table(results: dict) -> str:
    lines = ["| cell | step figure JSON, 30 steps | step figure JSON, 100 steps | build 100-step figure (ms) "
             "| `to_json` 100 steps (ms) |", "| --- | ---: | ---: | ---: | ---: |"]
    lines += [f"| {r['cell']} | {r['json_bytes_30'] / 1e3:.0f} kB | {r['json_bytes_100'] / 1e3:.0f} kB | "
              f"{r['build_100_ms']:.1f} | {r['to_json_100_ms']:.1f} |" for r in results["sizes"]]
    return "\n".join(lines)


def time_table(results: dict) -> str:
    lines = ["| cell | " + " | ".join(title for _, title in TIME_COLUMNS) + " |",
             "| --- |" + " ---: |" * len(TIME_COLUMNS)]
    lines += [f"| {r['cell']} | " + " | ".join(f"{r[key]:.2f}" for key, _ in TIME_COLUMNS) + " |"
              for r in results["times"]]
    return "\n".join(lines)


def largest_bytes(results: dict) -> int:
    return max(row["json_bytes_100"] for row in results["sizes"])


def main():
    results = measure()
    print(f"## Timestep pages: figure sizes and page logic ({FEATURES} features, {UNITS} units)\n")
    print(f"- machine: {describe()}")
    print(f"- numpy {np.__version__}, plotly {plotly.__version__}")
    print(f"- times: best of {REPEAT} repeats (timeit); sizes: `len(fig.to_json())`\n")
    print(size_table(results))
    print()
    print(time_table(results))
    largest = largest_bytes(results)
    verdict = "meets" if largest <= GOAL_BYTES else "MISSES"
    print(f"\nLargest 100-step figure: {largest / 1e3:.0f} kB, {verdict} the goal of <= 1 MB.")


# ------------------------------------- its section of BENCHMARKS.md: bench/run_all.py calls these two


def measure_section(settings: Settings) -> dict:
    return measured(lambda: measure(settings.figure_repeats))


def render_section(results: dict, settings: Settings) -> str:
    largest = largest_bytes(results)
    verdict = "the goal is met" if largest <= GOAL_BYTES else "the goal is **missed**"
    pieces = ("build_inputs_ms", "equation_latex_ms", "fading_ms", "keras_code_ms")
    others = [sum(row[key] for key in pieces) for row in results["times"]]
    totals = [row["page_rerun_ms"] for row in results["times"]]
    return "\n\n".join([
        f"Goal: the step figure for 100 steps ≤ {GOAL_BYTES / 1e6:g} MB of JSON. Since issue 11 a "
        "timestep page sends one static figure per step (the app's own player moves the step), no Plotly "
        "animation frames.",
        provenance("python bench/bench_figures.py", ("numpy", "plotly"), settings, results["started"],
                   f"Times are the best of {settings.figure_repeats} repeats (timeit), sizes are "
                   f"`len(fig.to_json())`; {FEATURES} features, {UNITS} units."),
        size_table(results),
        time_table(results),
        f"The largest 100-step figure is {largest / 1e3:.0f} kB: {verdict}. Of a whole page rerun ({span(totals, 0, ' ms')}), the pieces other than figures "
        f"(inputs, equations, fading curves, Keras code) take {span(others, 0, ' ms')}; the rest is building "
        "and serialising the Plotly figures.",
    ])


if __name__ == "__main__":
    main()
