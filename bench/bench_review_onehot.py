"""Benchmark: why picking a one-hot SimpleRNN on the "Try a review" page took 6-10 s (issue 11).

    python bench/bench_review_onehot.py [repeats]

Two parts, measured in one run:

* Python: everything the page computes for one model on the default review (the numpy
  forward passes of every reference model, the after-each-word curve, the hidden-state
  trace, the step figure and its JSON), for the median one-hot SimpleRNN and the
  median LSTM reference run. Best of `repeats`.
* Chromium: the time `Plotly.newPlot` takes for the page's hidden-state chart of the
  one-hot model, drawn as before (one x-axis label per id: 500 tick labels) and as now (a
  few labelled ids), with the LSTM's chart as a reference. The three are drawn in turn,
  `repeats` rounds, in one headless Debian Chromium, so other load on the machine falls on
  all of them alike; medians.

Prints markdown for BENCHMARKS.md.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import plotly

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools.appserver import chromium  # noqa: E402
from tools.machine import describe  # noqa: E402

from rnnviz import charts_cells, results, review, run_choice, runs  # noqa: E402
from rnnviz import weights as weights_file  # noqa: E402
from rnnviz import text as tx  # noqa: E402
from rnnviz.i18n import t  # noqa: E402
from report_text import Settings, bullets, measured, provenance, write_json  # noqa: E402

REVIEW = t("review_default", "en")  # the page's default review


def median_model(variant: str, models: list) -> runs.Run:
    return results.median_run([m for m in models if results.variant_name(m) == variant])


def animation(run: runs.Run, weights: dict, reading: review.Reading):
    """The page's section-4 figure for `run` (as views/review.py builds it)."""
    maxlen = run.config.maxlen
    labels = [row.token for row in reading.seen_rows]
    tokens = [tx.MARKERS[tx.PAD]] * (maxlen - len(labels)) + labels  # (maxlen,)
    trace = weights_file.first_layer_trace(weights, reading.padded)
    if run.config.cell == "SimpleRNN":
        return charts_cells.hidden_step_figure(trace, tokens, "en", active=maxlen - len(labels) + 1,
                                                    onehot=run.config.inputs == "onehot")
    return charts_cells.cell_step_figure(run.config.cell, trace, tokens, "en", active=maxlen - len(labels) + 1)


def every_id_labelled(fig):
    """The one-hot x_t panel as it was drawn before: one tick label per id (0 .. num_words - 1)."""
    ids = list(fig.data[0].x)  # (num_words,) bar positions 1 .. num_words
    return fig.update_xaxes(tickmode="array", tickvals=ids, ticktext=[str(k - 1) for k in ids], row=1, col=1)


def page_python_s(run: runs.Run, models: list, files: dict) -> float:
    """One rerun's computing for `run`, without Streamlit: every verdict, the curve, the animation."""
    started = time.perf_counter()
    readings = {m.id: review.read_text(REVIEW, files[m.id][1], m.config.maxlen) for m in models}
    [weights_file.predict(files[m.id][0], readings[m.id].padded) for m in models]
    weights = files[run.id][0]
    weights_file.prefix_predictions(weights, readings[run.id].ids, run.config.maxlen)
    animation(run, weights, readings[run.id]).to_json()
    return time.perf_counter() - started


def draw_ms(page, spec: str) -> float:
    return page.evaluate("""async spec => {
        const fig = JSON.parse(spec);
        const box = document.getElementById('plot');
        Plotly.purge(box);
        const started = performance.now();
        await Plotly.newPlot(box, fig.data, fig.layout);
        if (fig.frames) await Plotly.addFrames(box, fig.frames);
        return performance.now() - started;
    }""", spec)


def measure(repeats: int = 5) -> dict:
    models = run_choice.available_models([runs.RunStore(runs.reference_runs_dir())])
    files = {m.id: review.load_model_files(m) for m in models}
    onehot, lstm = median_model("onehot-simplernn@500", models), median_model("lstm@500", models)
    python = {name: min(page_python_s(run, models, files) for _ in range(repeats))
              for name, run in (("onehot", onehot), ("lstm", lstm))}
    readings = {run.id: review.read_text(REVIEW, files[run.id][1], run.config.maxlen) for run in (onehot, lstm)}
    now = animation(onehot, files[onehot.id][0], readings[onehot.id])
    specs = {"one-hot, before (one label per id, 500)": every_id_labelled(animation(onehot, files[onehot.id][0],
                                                                           readings[onehot.id])).to_json(),
             "one-hot, now (a few id labels)": now.to_json(),
             "LSTM (reference)": animation(lstm, files[lstm.id][0], readings[lstm.id]).to_json()}
    page_html = ROOT / "bench" / "out" / "plotly_page.html"
    page_html.parent.mkdir(exist_ok=True)
    script = (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").read_text()
    page_html.write_text(f"<html><body><div id='plot' style='width:1100px;height:700px'></div>"
                         f"<script>{script}</script></body></html>")
    times: dict[str, list[float]] = {name: [] for name in specs}
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(page_html.as_uri())
        for name, spec in specs.items():  # one untimed round: the browser's first-draw costs
            draw_ms(page, spec)
        for _ in range(repeats):
            for name, spec in specs.items():  # interleaved: the same load falls on each
                times[name].append(draw_ms(page, spec))
        chromium_version = browser.version
    return {"python_s": python, "draw_ms": {k: statistics.median(v) for k, v in times.items()},
            "draw_all_ms": times, "sizes": {k: len(v) for k, v in specs.items()},
            "models": {"onehot": onehot.id, "lstm": lstm.id}, "chromium": chromium_version, "repeats": repeats}


def table(result: dict) -> str:
    """The three drawings: JSON size, median draw time, and each against the page's figure now."""
    draw = result["draw_ms"]
    now = list(draw.values())[1]
    lines = ["| hidden-state chart of the review page | JSON (KB) | draw in Chromium, median (ms) | vs. now |",
             "| --- | ---: | ---: | ---: |"]
    lines += [f"| {name} | {result['sizes'][name] / 1000:.0f} | {ms:.0f} | {ms / now:.1f}× |"
              for name, ms in draw.items()]
    return "\n".join(lines)


def report(result: dict) -> str:
    draw = result["draw_ms"]
    before, now, lstm = (draw[k] for k in draw)
    lines = [f"Machine: {describe()}; Chromium {result['chromium']} (headless).", "", table(result)]
    lines += ["", f"Python, one rerun's computing (every model's verdict, the after-each-word curve, the animation "
                  f"figure and its JSON), best of {result['repeats']}: one-hot SimpleRNN "
                  f"{result['python_s']['onehot']:.2f} s, LSTM {result['python_s']['lstm']:.2f} s.",
              "", f"Before/now ratio of the one-hot draw: {before / now:.1f}x; LSTM draw {lstm:.0f} ms."]
    return "\n".join(lines)


# ------------------------------------- its section of BENCHMARKS.md: bench/run_all.py calls these two


def measure_section(settings: Settings) -> dict:
    return measured(lambda: measure(settings.browser_repeats * 5))


def render_section(results: dict, settings: Settings) -> str:
    draw = results["draw_ms"]
    before, now = list(draw.values())[:2]
    return "\n\n".join([
        "Choosing a one-hot SimpleRNN on the review page took 6–10 s every time (issue 11). The page's Python "
        "is not the cause (below, the one-hot model's rerun computes about as fast as the LSTM's): Chromium "
        "spent the time laying out the hidden-state chart's x-axis, which labelled every one of the 500 ids "
        "of the one-hot x_t panel. It now labels a few ids; the bars are the same.",
        provenance(f"python bench/bench_review_onehot.py {results['repeats']}", ("plotly", "playwright"),
                   settings, results["started"], f"Chromium {results['chromium']} (headless)."),
        table(results),
        bullets(
            "\"Draw\" is `Plotly.newPlot` of the page's figure for the median-seed reference model and the "
            "page's default review, in a plain page with Plotly's own bundle, the three figures interleaved "
            "round after round so the load falls on each alike. \"Before\" is the same figure with one "
            f"label per id put back: {before / now:.1f}× the time of now.",
            f"Python, one rerun's computing for the chosen model (every model's verdict, the after-each-word "
            f"curve, the step figure and its JSON), best of {results['repeats']}: one-hot SimpleRNN "
            f"{results['python_s']['onehot']:.2f} s, LSTM {results['python_s']['lstm']:.2f} s."),
    ])


if __name__ == "__main__":
    outcome = measure(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
    write_json(ROOT / "bench" / "out" / "bench_review_onehot.json", outcome)
    print(report(outcome))
