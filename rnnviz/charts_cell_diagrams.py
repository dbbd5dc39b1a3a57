"""The book's LSTM and GRU cell diagrams (9-3), each gate and arrow showing one timestep's numbers.

LSTM: the cell state c runs along the top (c_(t−1) → × forget → + → c_t), the hidden state h
along the bottom; the gates f, i, o (σ) and the candidate c̃ (tanh) sit between. GRU: the hidden
state runs along the top, h_t = z ⊙ h_(t−1) + (1 − z) ⊙ h̃ as Keras computes it (`rnnviz.cells`),
so the update gate z is the share of the old state kept. A gate box is filled on `GATE_SCALE`
(0 closed .. 1 open, its mean over the units) and writes its values (units ≤ 4) or their mean.

Drawn on a `rnnviz.sketch.Sketch`; names of the labels (``gate_f``, ``value_c``, ...) let a test
read the numbers back.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from rnnviz.charts import FONT_SIZE, GATE_SCALE, PALETTE
from rnnviz.charts_cells import sub
from rnnviz.charts_diagrams import named_text
from rnnviz.formatting import fixed
from rnnviz.i18n import t
from rnnviz.sketch import SMALL, Sketch

MAX_GATE_VALUES = 4  # a gate box lists its values up to this many units, else writes their mean
_BOX_W, _BOX_H = 1.5, 1.9
_WIDE_BOX = 1.8  # GRU: three boxes, room for "업데이트 게이트"
_TOP, _GATES, _BUS, _BOTTOM, _MIDDLE = 8.6, 4.2, 2.4, 1.2, 6.6  # lanes (y): top state, gates, bus, h, joins
_ABOVE, _BELOW = 9.3, 0.55  # labels over the top lane, under the bottom lane
X_RANGE, Y_RANGE = (0, 13), (-1.3, 10)


def gate_text(values, lang: str) -> str:
    """A gate box's numbers: two per line up to `MAX_GATE_VALUES` units, else their mean.

    >>> gate_text([0.731, 0.5, 0.2], "en"), gate_text(np.full(8, 0.25), "en")
    ('0.73, 0.50<br>0.20', 'mean 0.25')
    """
    values = np.asarray(values, dtype=float)
    if len(values) > MAX_GATE_VALUES:
        return t("diagrams_mean", lang, value=fixed(values.mean()))
    texts = [fixed(v) for v in values]
    return "<br>".join(", ".join(texts[k:k + 2]) for k in range(0, len(texts), 2))


def _text_on(fill_value: float) -> str:
    return "#FFFFFF" if fill_value < 0.45 else "#000000"  # GATE_SCALE is dark below the middle


GATE_TITLES = {"f": "diagrams_gate_f", "i": "diagrams_gate_i", "o": "diagrams_gate_o", "z": "diagrams_gate_z",
               "r": "diagrams_gate_r", "c_hat": "diagrams_candidate", "hh": "diagrams_candidate"}
_SYMBOLS = {"c_hat": "c̃", "hh": "h̃"}  # the candidates; the gates are named by their letter


def _gate(sketch, name: str, x: float, values, lang: str, width: float = _BOX_W) -> None:
    """A σ gate (or a tanh candidate, `name` "c_hat" or "hh") at centre x on the gate lane."""
    x0, x1, y0, y1 = x - width / 2, x + width / 2, _GATES - _BOX_H / 2, _GATES + _BOX_H / 2
    if name in _SYMBOLS:  # a candidate is no gate: no 0..1 colour
        sketch.box(x0, y0, x1, y1, f"gate_box_{name}", line=PALETTE["weight"], width=2)
        colour = "#000000"
    else:
        mean = float(np.mean(values))
        sketch.box(x0, y0, x1, y1, f"gate_box_{name}", line="#333333", width=2,
                   fill=sample_colorscale(GATE_SCALE, [mean])[0])
        colour = _text_on(mean)
    title = f"<b>{_SYMBOLS.get(name, name)}</b> {t(GATE_TITLES[name], lang)}"
    sketch.label(x, y1 - 0.35, title, f"gate_title_{name}", colour, size=SMALL)
    sketch.label(x, _GATES - 0.3, gate_text(values, lang), f"gate_{name}", colour, size=SMALL)


def _node(sketch, x: float, y: float, text: str, name: str) -> None:
    """A point-wise operation (×, +, tanh, 1−) as a round marker with its sign, fixed in pixels."""
    sketch.traces.append(go.Scatter(
        x=[x], y=[y], mode="markers+text", text=[text], name=name, hoverinfo="skip",
        textfont=dict(size=FONT_SIZE + 4 if len(text) == 1 else SMALL, color="#000000"),
        marker=dict(size=30 if len(text) <= 2 else 42, color="#FFFFFF", line=dict(color="#333333", width=2))))


def _value(sketch, x: float, y: float, text: str, name: str, colour: str, xanchor: str = "center") -> None:
    """An arrow's vector, on white so a line behind it never strikes the numbers through."""
    sketch.label(x, y, text, name, colour, size=SMALL, xanchor=xanchor, background=True)


def _gate_scale(sketch, lang: str) -> None:
    """The 0..1 colour scale of the gates, as a colour bar of an invisible trace."""
    colorbar = dict(title=dict(text=t("diagrams_gate_scale", lang), font=dict(size=SMALL)),
                    tickvals=[0, 0.5, 1], tickfont=dict(size=SMALL), thickness=16, len=0.8,
                    ticktext=[t("diagrams_closed", lang), "0.5", t("diagrams_open", lang)])
    sketch.traces.append(go.Scatter(
        x=[None], y=[None], mode="markers", name="gate_scale", hoverinfo="skip",
        marker=dict(color=[0.5], colorscale=GATE_SCALE, cmin=0, cmax=1, showscale=True, colorbar=colorbar)))


def _inputs(sketch, step, t_: int, lang: str, split: float, x_in: float, right: float, lane_y: float) -> None:
    """h_(t−1) and x_t into the bus under the gates (h from the left at `split`, x from below at `x_in`).

    The hidden state's lane is named at height `lane_y` (LSTM: the bottom lane, GRU: the top one).
    """
    sketch.arrow((x_in, -0.55), (x_in, _BUS), PALETTE["input"], "arrow_x")
    sketch.line([(split, _BUS), (right, _BUS)], "#555555", "bus", width=2)
    _value(sketch, x_in, -0.95, named_text(sub("x", t_), step.x_t), "value_x", PALETTE["input"])
    sketch.label(0.15, lane_y, t("diagrams_hidden_state", lang) + " h", "lane_h", PALETTE["hidden"], size=SMALL,
                 xanchor="left")


def lstm_cell_figure(step, t_: int, lang: str) -> go.Figure:
    """The LSTM cell at timestep `t_`: c along the top, h along the bottom, gates f, i, o and c̃ between.

    Args:
        step: one `rnnviz.cells.LSTMTrace` (``trace.steps[t_ - 1]``).
        t_: its timestep (from 1), for the labels c_(t−1), h_t, ...
        lang: "ko" or "en".

    Returns:
        The figure; gate boxes ``gate_f``, ``gate_i``, ``gate_o``, ``gate_c_hat``; arrows ``value_c_prev``,
        ``value_fc``, ``value_ic``, ``value_c``, ``value_tanh_c``, ``value_h_prev``, ``value_x``,
        ``value_h``; ``fig.layout.meta`` is ``{"kind": "LSTM", "t": t_}``.
    """
    sketch = Sketch()
    xf, xi, xc, xo, xn = 3.0, 5.0, 6.7, 8.4, 10.2  # columns: f, i, c̃, o, and the output node
    cell, hidden, grey = PALETTE["cell"], PALETTE["hidden"], "#555555"
    # The cell state's lane: c_(t−1) → × f → + i⊙c̃ → c_t.
    sketch.arrow((0.1, _TOP), (xf - 0.25, _TOP), cell, "arrow_c_prev")
    sketch.arrow((xf + 0.25, _TOP), (xi + 0.6 - 0.25, _TOP), cell, "arrow_fc")
    sketch.arrow((xi + 0.6 + 0.25, _TOP), (12.9, _TOP), cell, "arrow_c")
    sketch.label(0.15, _TOP - 0.6, t("diagrams_cell_state", lang) + " c", "lane_c", cell, size=SMALL, xanchor="left")
    _value(sketch, 0.1, _ABOVE, named_text(sub("c", t_ - 1), step.c_tm1), "value_c_prev", cell, "left")
    _value(sketch, (xf + xi + 0.6) / 2, _ABOVE, named_text(f"f⊙{sub('c', t_ - 1)}", step.f * step.c_tm1),
           "value_fc", cell)
    _value(sketch, 12.9, _ABOVE, named_text(sub("c", t_), step.c_t), "value_c", cell, "right")
    # The gates, fed by [h_(t−1), x_t] from the bus.
    _inputs(sketch, step, t_, lang, 2.1, 2.6, xo, _BOTTOM + 0.45)
    sketch.line([(0.1, _BOTTOM), (2.1, _BOTTOM), (2.1, _BUS)], hidden, "line_h_prev")
    _value(sketch, 0.1, _BELOW, named_text(sub("h", t_ - 1), step.h_tm1), "value_h_prev", hidden, "left")
    for name, x in (("f", xf), ("i", xi), ("c_hat", xc), ("o", xo)):
        sketch.arrow((x, _BUS), (x, _GATES - _BOX_H / 2), grey, f"arrow_in_{name}", width=2)
        _gate(sketch, name, x, getattr(step, name), lang)
    # f multiplies c_(t−1); i ⊙ c̃ is added.
    sketch.arrow((xf, _GATES + _BOX_H / 2), (xf, _TOP - 0.45), grey, "arrow_f", width=2)
    _node(sketch, xf, _TOP, "×", "node_forget")
    xm = xi + 0.6
    sketch.line([(xi, _GATES + _BOX_H / 2), (xi, _MIDDLE), (xm - 0.2, _MIDDLE)], grey, "line_i", width=2)
    sketch.line([(xc, _GATES + _BOX_H / 2), (xc, _MIDDLE), (xm + 0.2, _MIDDLE)], grey, "line_c_hat", width=2)
    _node(sketch, xm, _MIDDLE, "×", "node_input")
    sketch.arrow((xm, _MIDDLE + 0.45), (xm, _TOP - 0.45), cell, "arrow_ic")
    _node(sketch, xm, _TOP, "+", "node_add")
    _value(sketch, xm + 0.15, (_MIDDLE + _TOP) / 2, named_text("i⊙c̃", step.i * step.c_hat), "value_ic", cell,
           "left")
    # h_t = o ⊙ tanh(c_t), out along the bottom.
    sketch.arrow((xn, _TOP), (xn, _MIDDLE + 0.55), cell, "arrow_tanh_c_in", width=2)
    _node(sketch, xn, _MIDDLE, "tanh", "node_tanh")
    sketch.arrow((xn, _MIDDLE - 0.55), (xn, _GATES + 0.45), hidden, "arrow_tanh_c", width=2)
    _value(sketch, xn + 0.15, (_MIDDLE + _GATES) / 2, named_text(f"tanh({sub('c', t_)})", np.tanh(step.c_t)),
           "value_tanh_c", hidden, "left")
    sketch.arrow((xo + _BOX_W / 2, _GATES), (xn - 0.25, _GATES), grey, "arrow_o", width=2)
    _node(sketch, xn, _GATES, "×", "node_output")
    sketch.line([(xn, _GATES - 0.45), (xn, _BOTTOM)], hidden, "line_h")
    sketch.arrow((xn, _BOTTOM), (12.9, _BOTTOM), hidden, "arrow_h")
    _value(sketch, 12.9, _BELOW, named_text(sub("h", t_), step.h_t), "value_h", hidden, "right")
    _gate_scale(sketch, lang)
    return sketch.figure(X_RANGE, Y_RANGE, kind="LSTM", t=t_)


def gru_cell_figure(step, t_: int, lang: str) -> go.Figure:
    """The GRU cell at timestep `t_`: h along the top, h_t = z ⊙ h_(t−1) + (1 − z) ⊙ h̃ (Keras's convention).

    Args:
        step: one `rnnviz.cells.GRUTrace` (``trace.steps[t_ - 1]``).
        t_: its timestep (from 1).
        lang: "ko" or "en".

    Returns:
        The figure; gate boxes ``gate_z``, ``gate_r``, ``gate_hh``; arrows ``value_h_prev``, ``value_zh``,
        ``value_one_minus_z``, ``value_zhh``, ``value_x``, ``value_h``; ``fig.layout.meta`` is
        ``{"kind": "GRU", "t": t_}``.
    """
    sketch = Sketch()
    xz, xr, xh, xs = 3.8, 6.1, 8.4, 1.4  # columns: z, r, h̃, and where h_(t−1) turns down to the gates
    hidden, grey = PALETTE["hidden"], "#555555"
    # The hidden state's lane: h_(t−1) → × z → + (1−z)⊙h̃ → h_t.
    sketch.arrow((0.1, _TOP), (xz - 0.25, _TOP), hidden, "arrow_h_prev")
    sketch.arrow((xz + 0.25, _TOP), (xh - 0.25, _TOP), hidden, "arrow_zh")
    sketch.arrow((xh + 0.25, _TOP), (12.9, _TOP), hidden, "arrow_h")
    _value(sketch, 0.1, _ABOVE, named_text(sub("h", t_ - 1), step.h_tm1), "value_h_prev", hidden, "left")
    _value(sketch, (xz + xh) / 2, _ABOVE, named_text(f"z⊙{sub('h', t_ - 1)}", step.z * step.h_tm1), "value_zh",
           hidden)
    _value(sketch, 12.9, _ABOVE, named_text(sub("h", t_), step.h_t), "value_h", hidden, "right")
    sketch.line([(xs, _TOP), (xs, _BUS)], hidden, "line_h_prev_down")
    _inputs(sketch, step, t_, lang, xs, 2.4, xh, _TOP - 0.6)
    for name, x in (("z", xz), ("r", xr), ("hh", xh)):
        sketch.arrow((x, _BUS), (x, _GATES - _BOX_H / 2), grey, f"arrow_in_{name}", width=2)
        _gate(sketch, name, x, getattr(step, name), lang, _WIDE_BOX)
    # z keeps the old state (× on the lane); 1 − z lets the candidate in.
    sketch.arrow((xz, _GATES + _BOX_H / 2), (xz, _TOP - 0.45), grey, "arrow_z", width=2)
    _node(sketch, xz, _TOP, "×", "node_keep")
    x1z = xz + 0.9  # the "1−" node, near z: its label gets the room up to × h̃
    sketch.line([(xz, _MIDDLE), (x1z - 0.3, _MIDDLE)], grey, "line_z", width=2)
    _node(sketch, x1z, _MIDDLE, "1−", "node_one_minus")
    sketch.arrow((x1z + 0.3, _MIDDLE), (xh - 0.25, _MIDDLE), grey, "arrow_one_minus_z", width=2)
    _value(sketch, (x1z + xh) / 2, _MIDDLE + 0.45, named_text("1−z", 1 - step.z), "value_one_minus_z", "#333333")
    sketch.arrow((xr + _WIDE_BOX / 2, _GATES), (xh - _WIDE_BOX / 2, _GATES), grey, "arrow_r", width=2)
    sketch.arrow((xh, _GATES + _BOX_H / 2), (xh, _MIDDLE - 0.45), grey, "arrow_hh", width=2)
    _node(sketch, xh, _MIDDLE, "×", "node_new")
    sketch.arrow((xh, _MIDDLE + 0.45), (xh, _TOP - 0.45), hidden, "arrow_zhh")
    _node(sketch, xh, _TOP, "+", "node_add")
    _value(sketch, xh + 0.15, (_MIDDLE + _TOP) / 2, named_text("(1−z)⊙h̃", (1 - step.z) * step.hh), "value_zhh",
           hidden, "left")
    _gate_scale(sketch, lang)
    return sketch.figure(X_RANGE, Y_RANGE, kind="GRU", t=t_)


def cell_diagram_figure(kind: str, step, t_: int, lang: str) -> go.Figure:
    """`lstm_cell_figure` or `gru_cell_figure` by the cell's Keras name ("LSTM", "GRU")."""
    return {"LSTM": lstm_cell_figure, "GRU": gru_cell_figure}[kind](step, t_, lang)
