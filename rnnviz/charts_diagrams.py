"""The book's diagrams of chapter 9 drawn with the page's own numbers: the recurrent loop and its unrolled view, Dense vs. SimpleRNN, the same word twice.

Drawn on a `rnnviz.sketch.Sketch` (boxes, arrows and labels in data units, so a figure scales
with the page column while its text stays large). They only read `rnnviz.cells.run` traces and use the app's one palette (`rnnviz.charts`):
x_t blue, h_t vermillion, weights grey, the chosen step framed in black, tanh outputs on
`SIGNED_SCALE`. The LSTM and GRU cells are in `rnnviz.charts_cell_diagrams`.

Every label a test (or a page) needs has a ``name`` (``"value_x"``, ``"weights_3"``, ...) and
``fig.layout.meta`` says which steps are drawn, so the numbers can be read back.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from rnnviz.charts import FONT_SIZE, PALETTE, SIGNED_SCALE, style
from rnnviz.charts_cells import FADED_HIDDEN, sub
from rnnviz.formatting import fixed
from rnnviz.i18n import t
from rnnviz.sketch import FRAME, SMALL, Sketch

MAX_VECTOR_VALUES = 4  # a vector label shows up to this many numbers, else the first ones and "…"
UNROLLED_STEPS = 7  # boxes of the unrolled view: ~85 px each beside the folded cell at 1000 px
COMPARED_STEPS = 9  # columns of Dense vs. SimpleRNN: the whole repeated-word example
WEIGHTS_LABEL = "W<sub>x</sub>, W<sub>h</sub><br>b"  # the same on every box: the weights are shared
DENSE_WEIGHTS_LABEL = "W<sub>x</sub>, b"
FADED_INPUT = "rgba(0, 114, 178, 0.35)"  # x_t not read yet: the input blue, faded
DENSE_OUTPUT = "#333333"  # a Dense layer's output y_t is no hidden state: not the h_t vermillion


# --------------------------------------------------------------------------- text


def vector_text(values, limit: int = MAX_VECTOR_VALUES) -> str:
    """A vector as a short label, 2 decimals: all of it up to `limit` values, else the first ones and "…".

    A one-hot vector (one 1, zeros elsewhere) longer than `limit` says where its 1 is.

    >>> vector_text([0.123, -0.4, 0.875])
    '[0.12, -0.40, 0.88]'
    >>> vector_text([0.1, 0.2, 0.3, 0.4, 0.5])
    '[0.10, 0.20, 0.30, …]'
    >>> vector_text([0, 0, 0, 0, 1, 0])
    '[0, …, 1 (id 4), …, 0]'
    """
    values = np.asarray(values, dtype=float).ravel()
    if len(values) > limit and np.isin(values, (0.0, 1.0)).all() and values.sum() == 1:
        return f"[0, …, 1 (id {int(np.argmax(values))}), …, 0]"
    shown = values if len(values) <= limit else values[: limit - 1]
    tail = ", …" if len(shown) < len(values) else ""
    return "[" + ", ".join(fixed(v) for v in shown) + tail + "]"


def named_text(name: str, values) -> str:
    """``named_text("h₂", [0.1, 0.2]) == "h₂ = [0.10, 0.20]"``: an arrow's label."""
    return f"{name} = {vector_text(values)}"


def short_token(token: str, limit: int = 8) -> str:
    return token if len(token) <= limit else token[: limit - 1] + "…"


def step_window(first: int, last: int, active: int, size: int) -> range:
    """The steps a diagram draws: at most `size` consecutive steps of ``first .. last``, around `active`.

    >>> step_window(1, 20, 10, 7), step_window(1, 20, 2, 7), step_window(1, 20, 20, 7), step_window(1, 3, 2, 7)
    (range(7, 14), range(1, 8), range(14, 21), range(1, 4))
    """
    start = min(max(first, active - size // 2), max(first, last - size + 1))
    return range(start, min(last, start + size - 1) + 1)


# --------------------------------------------------------------------------- the unrolled view

_BOX_W, _BOX_Y = 0.66, (3.2, 5.8)  # a step's box: width (of a slot 1 wide), bottom and top
_H_Y = 4.5  # the hidden state's arrows between the boxes
_X_TAIL, _TOKEN_Y, _X_VALUE_Y, _TOP = 2.2, 1.35, 0.35, 9.6
_H_VALUE_Y = {"value_h_prev": 7.55, "value_h": 8.55}  # two rows: the two labels never overlap
MIN_SLOTS = 6  # a short sentence still draws boxes of the usual size (and leaves the rest empty)


def _folded_cell(sketch, lang: str) -> None:
    """The one SimpleRNN cell with its loop: x_t in from below, h_t out above, h_(t−1) back in."""
    x0, x1, mid = 0.35, 1.75, 1.05
    sketch.box(x0, _BOX_Y[0], x1, _BOX_Y[1], "folded_cell", line=PALETTE["weight"], width=3)
    sketch.label(mid, 5.15, "<b>SimpleRNN</b>", "folded_name", size=SMALL)
    sketch.label(mid, 4.1, WEIGHTS_LABEL, "folded_weights", colour=PALETTE["weight"], size=SMALL)
    sketch.arrow((mid, _X_TAIL), (mid, _BOX_Y[0]), PALETTE["input"], "folded_x")
    sketch.label(mid, 1.75, "x<sub>t</sub>", "folded_x_label", PALETTE["input"])
    sketch.arrow((mid, _BOX_Y[1]), (mid, 7.2), PALETTE["hidden"], "folded_h")
    sketch.label(mid, 7.6, "h<sub>t</sub>", "folded_h_label", PALETTE["hidden"])
    # The loop: out of the right side and back in, carrying h_t into the next step as h_(t−1).
    sketch.path(f"M {x1} 5.3 C 2.55 5.9, 2.55 3.1, {x1 + 0.08} 3.68", PALETTE["hidden"], "folded_loop")
    sketch.arrow((x1 + 0.2, 3.62), (x1, 3.72), PALETTE["hidden"], "folded_loop_head")
    sketch.label(2.5, 4.5, "h<sub>t−1</sub><br>W<sub>h</sub>", "folded_loop_label", PALETTE["hidden"],
                 size=SMALL, xanchor="left")
    sketch.label(1.4, _TOP, t("diagrams_folded", lang), "folded_title", size=SMALL)


def _unrolled_box(sketch, step: int, x: float, token: str, active: int) -> None:
    """Step `step`'s box at centre `x`: its token and x_t below, the shared weights inside."""
    chosen, unread = step == active, step > active
    sketch.box(x - _BOX_W / 2, _BOX_Y[0], x + _BOX_W / 2, _BOX_Y[1], f"box_{step}",
               line=PALETTE["marker"] if chosen else FRAME, width=4 if chosen else 2,
               dash="dot" if unread else "solid")  # dotted: not read yet
    sketch.label(x, 4.5, WEIGHTS_LABEL, f"weights_{step}", PALETTE["weight"], size=SMALL)
    x_colour = FADED_INPUT if unread else PALETTE["input"]
    sketch.arrow((x, _X_TAIL), (x, _BOX_Y[0]), x_colour, f"arrow_x_{step}")
    token_text = f"{sub('x', step)}<br>{short_token(token)}"
    sketch.label(x, _TOKEN_Y, f"<b>{token_text}</b>" if chosen else token_text, f"token_{step}", x_colour,
                 size=SMALL)


def unrolled_figure(trace, tokens: Sequence[str], lang: str, active: int, first: int = 1,
                    window: int = UNROLLED_STEPS) -> go.Figure:
    """The SimpleRNN cell with its loop (left) and the same cell unrolled over the timesteps (right).

    Each box is one timestep reading x_t from below and passing h_t to the right, with the same
    weight label (the weights are shared); h₀ = 0 enters the first. The `active` step is framed in
    black and its three arrows carry their vectors: ``value_x``, ``value_h_prev``, ``value_h``.

    Args:
        trace: ``cells.run(SimpleRNNCell, xs)`` with T >= 1 steps.
        tokens: the T tokens.
        lang: "ko" or "en".
        active: the timestep shown (first .. T), the page's ``step_t``.
        first: the first timestep drawn (the review page skips its padding).
        window: most boxes drawn; a longer sentence shows the ones around `active`, with "…".

    Returns:
        The figure; ``fig.layout.meta`` is ``{"active": active, "steps": [steps drawn]}``.
    """
    last = len(tokens)
    steps = step_window(first, last, active, window)
    sketch = Sketch()
    _folded_cell(sketch, lang)
    sketch.line([(2.95, 0.2), (2.95, 9.2)], PALETTE["pad"], "divider", 2, "dot")
    x_of = {s: 4.4 + (s - steps.start) + 0.5 for s in steps}  # box centres, one slot per step
    start_x = x_of[steps.start] - 1.1
    before = "h₀ = 0" if steps.start == 1 else "…"
    sketch.label(start_x, _H_Y, before, "h_start", PALETTE["hidden"], size=SMALL)
    for s in steps:
        _unrolled_box(sketch, s, x_of[s], tokens[s - 1], active)
        h_colour = FADED_HIDDEN if s > active else PALETTE["hidden"]
        tail = x_of[s - 1] + _BOX_W / 2 if s - 1 in x_of else start_x + 0.3
        sketch.arrow((tail, _H_Y), (x_of[s] - _BOX_W / 2, _H_Y), h_colour, f"arrow_h_{s - 1}")
    end_x = x_of[steps[-1]] + _BOX_W / 2
    sketch.arrow((end_x, _H_Y), (end_x + 0.45, _H_Y), FADED_HIDDEN if steps[-1] > active else PALETTE["hidden"],
                 f"arrow_h_{steps[-1]}")
    if steps[-1] < last:
        sketch.label(end_x + 0.65, _H_Y, "…", "h_end", PALETTE["hidden"], size=SMALL)
    _active_values(sketch, trace.steps[active - 1], active, x_of[active], steps)
    x_right = max(end_x + 0.9, x_of[steps.start] + MIN_SLOTS)
    sketch.label((4.0 + x_right) / 2, _TOP, t("diagrams_unrolled", lang), "unrolled_title", size=SMALL)
    return sketch.figure((0, x_right), (0, 10), active=active, steps=list(steps))


def _anchor(active: int, steps: range) -> str:
    """How a label under or over the chosen step lines up: away from the ends of the drawn steps."""
    return "left" if active == steps.start else "right" if active == steps[-1] else "center"


def _active_values(sketch, step, active: int, x: float, steps: range) -> None:
    """The chosen step's vectors: x_t under its token; h_(t−1) and h_t above, each led to its arrow."""
    sketch.label(x, _X_VALUE_Y, named_text(sub("x", active), step.x_t), "value_x", PALETTE["input"],
                 size=SMALL, xanchor=_anchor(active, steps), background=True)
    gap = (1 - _BOX_W) / 2  # the middle of the gap between two boxes, where an h arrow runs
    prev_side = "left" if active == steps.start else "right"
    next_side = "right" if active >= steps[-1] - 1 and active > steps.start else "left"
    for name, values, side, at, symbol in (
            ("value_h_prev", step.h_tm1, prev_side, x - 0.5, sub("h", active - 1)),
            ("value_h", step.h_t, next_side, x + 0.5, sub("h", active))):
        y = _H_VALUE_Y[name]
        sketch.line([(at, _H_Y + 0.15), (at, y - 0.3)], PALETTE["hidden"], f"leader_{name}", 1, "dot")
        sketch.label(at + (-gap if side == "right" else gap * 0.3), y, named_text(symbol, values), name,
                     PALETTE["hidden"], size=SMALL, xanchor=side, background=True)


# --------------------------------------------------------------------------- Dense vs. SimpleRNN


def dense_outputs(trace) -> np.ndarray:
    """What a Dense layer with the cell's own W_x and b gives each x_t: ``tanh(x_t W_x + b)``, (T, units).

    This is the SimpleRNN cell with W_h removed: no h_(t−1) term, so each output depends on its x_t alone.
    """
    return np.stack([np.tanh(s.xw + s.b) for s in trace.steps])  # (T, units)


_ROWS = {"dense": 5.3, "rnn": 0.0}  # each row's bottom; a row is 4.7 high
_WIDE_BOX = 0.74  # no folded cell beside them: the comparison's boxes take more of their slot


def _output_row(sketch, row: str, outputs, tokens, steps: range, active: int, x_of, lang: str) -> None:
    """One row of the comparison: boxes reading x_t, their outputs as colour squares, the chosen one's numbers."""
    base = _ROWS[row]
    units = outputs.shape[1]
    title = t("diagrams_dense" if row == "dense" else "diagrams_rnn", lang)
    sketch.label(0.1, base + 2.2, title, f"{row}_title", size=SMALL, xanchor="left")
    same_word = [s for s in steps if tokens[s - 1] == tokens[active - 1] and s != active]
    out_colour, letter = (DENSE_OUTPUT, "y") if row == "dense" else (PALETTE["hidden"], "h")  # y_t, h_t
    for s in steps:
        x, chosen = x_of[s], s == active
        frame = dict(line=PALETTE["marker"], width=4) if chosen else dict(width=2, dash="dash" if s in same_word
                                                                            else "solid")
        sketch.box(x - _WIDE_BOX / 2, base + 1.5, x + _WIDE_BOX / 2, base + 2.7, f"{row}_box_{s}", **frame)
        weights = DENSE_WEIGHTS_LABEL if row == "dense" else WEIGHTS_LABEL
        sketch.label(x, base + 2.1, weights, f"{row}_weights_{s}", PALETTE["weight"], size=SMALL)
        sketch.arrow((x, base + 0.85), (x, base + 1.5), PALETTE["input"], f"{row}_arrow_x_{s}", width=2)
        token = short_token(tokens[s - 1])
        sketch.label(x, base + 0.45, f"<b>{token}</b>" if chosen or s in same_word else token,
                     f"{row}_token_{s}", PALETTE["input"], size=SMALL)
        sketch.arrow((x, base + 2.7), (x, base + 3.25), out_colour, f"{row}_arrow_out_{s}", width=2)
    offsets = (np.arange(units) - (units - 1) / 2) * (_WIDE_BOX / max(units, 1))  # (units,) across the box
    xs = [x_of[s] + dx for s in steps for dx in offsets]
    values = outputs[steps.start - 1:steps[-1]].ravel()  # (steps * units,)
    sketch.traces.append(go.Scatter(
        x=xs, y=[base + 3.5] * len(xs), mode="markers", name=f"{row}_outputs",
        customdata=[[s, sub(letter, k)] for s in steps for k in range(1, units + 1)],
        marker=dict(symbol="square", size=max(7, min(18, 48 // units)), color=values, colorscale=SIGNED_SCALE,
                    cmin=-1, cmax=1, line=dict(color="#666666", width=1), showscale=row == "rnn",
                    colorbar=dict(title=dict(text=t("diagrams_output_scale", lang), font=dict(size=SMALL)),
                                  tickvals=[-1, 0, 1], tickfont=dict(size=SMALL), thickness=14, len=0.7)),
        hovertemplate="%{customdata[1]} (t = %{customdata[0]}): %{marker.color:.3f}<extra></extra>"))
    sketch.label(x_of[active], base + 4.25, named_text(sub(letter, active), outputs[active - 1]), f"{row}_value",
                 out_colour, size=SMALL, background=True, xanchor=_anchor(active, steps))


def feedforward_vs_recurrent_figure(trace, tokens: Sequence[str], lang: str, active: int, first: int = 1,
                                    window: int = COMPARED_STEPS) -> go.Figure:
    """The same inputs through a Dense layer (top: no arrow between steps) and through SimpleRNN (bottom).

    Each step's output is a row of squares coloured on `SIGNED_SCALE` (-1..1): the Dense output
    of a repeated word repeats, SimpleRNN's h_t does not. The columns line up, so the same word is
    compared straight down. Steps with the chosen step's word are framed dashed.

    Args:
        trace: ``cells.run(SimpleRNNCell, xs)`` with T >= 1 steps; the Dense layer reuses its W_x and b.
        tokens: the T tokens.
        lang: "ko" or "en".
        active: the timestep whose numbers are written out (first .. T).
        first: the first timestep drawn.
        window: most columns drawn; a longer sentence shows the ones around `active`.

    Returns:
        The figure; traces ``dense_outputs`` and ``rnn_outputs`` (marker colours: the outputs, step by
        step); ``fig.layout.meta`` is ``{"active": active, "steps": [steps drawn]}``.
    """
    steps = step_window(first, len(tokens), active, window)
    x_of = {s: 3.4 + (s - steps.start) for s in steps}  # the row titles and h₀ before the first
    sketch = Sketch()
    _output_row(sketch, "dense", dense_outputs(trace), tokens, steps, active, x_of, lang)
    _output_row(sketch, "rnn", trace.h, tokens, steps, active, x_of, lang)
    h_y = _ROWS["rnn"] + 2.1
    sketch.label(2.45, h_y, "h₀ = 0" if steps.start == 1 else "…", "rnn_h_start", PALETTE["hidden"], size=SMALL)
    for s in steps:
        tail = x_of[s - 1] + _WIDE_BOX / 2 if s - 1 in x_of else 2.75
        sketch.arrow((tail, h_y), (x_of[s] - _WIDE_BOX / 2, h_y), PALETTE["hidden"], f"rnn_arrow_h_{s - 1}", width=2)
    right = max(x_of[steps[-1]], x_of[steps.start] + MIN_SLOTS) + 0.6
    sketch.line([(0, 5.05), (right, 5.05)], PALETTE["pad"], "divider", 2, "dot")
    return sketch.figure((0, right), (0, 10), active=active, steps=list(steps))


# --------------------------------------------------------------------------- the same word twice


def repeated_word_figure(repeat, lang: str) -> go.Figure:
    """The occurrences of one word side by side: x_t (the same), h_(t−1) and h_t (different), as bars.

    Args:
        repeat: a `rnnviz.inputs.RepeatedWord`.
        lang: "ko" or "en".

    Returns:
        Three panels; one bar trace per occurrence and panel, its ``meta`` ``{"field": "x_t" | "h_tm1" |
        "h_t", "step": t}``; ``fig.layout.meta`` is ``{"token": ..., "steps": [...]}``.
    """
    fig = make_subplots(rows=1, cols=3, horizontal_spacing=0.07,
                        subplot_titles=[t("diagrams_same_x", lang), t("diagrams_prev_h", lang),
                                        t("diagrams_new_h", lang)])
    patterns = ("", "/", ".", "x")  # occurrences apart without colour too
    for n, step in enumerate(repeat.steps):
        panels = (("x_t", repeat.x[n], PALETTE["input"]), ("h_tm1", repeat.h_prev[n], FADED_HIDDEN),
                  ("h_t", repeat.h[n], PALETTE["hidden"]))
        for col, (field, values, colour) in enumerate(panels, start=1):
            names = [sub("x" if field == "x_t" else "h", k) for k in range(1, len(values) + 1)]
            fig.add_trace(go.Bar(
                x=names, y=values, name=f"t = {step} · {short_token(repeat.token)}", legendgroup=str(step),
                showlegend=col == 1, meta=dict(field=field, step=step),
                marker=dict(color=colour, pattern_shape=patterns[n % len(patterns)],
                            line=dict(color="#333333", width=1)),
                hovertemplate=f"t = {step} · %{{x}}: %{{y:.3f}}<extra></extra>"), row=1, col=col)
    top = max(1.0, float(np.abs(repeat.x).max()))
    fig.update_yaxes(range=[-1.15 * top, 1.15 * top], col=1)
    fig.update_yaxes(range=[-1.15, 1.15], col=2)
    fig.update_yaxes(range=[-1.15, 1.15], col=3)
    style(fig, "", height=380)
    fig.update_layout(barmode="group", margin=dict(l=50, r=10, t=50, b=40),
                      legend=dict(orientation="h", x=1, xanchor="right", y=-0.12, yanchor="top"),
                      meta=dict(token=repeat.token, steps=list(repeat.steps)))
    fig.update_annotations(font_size=FONT_SIZE)
    return fig
