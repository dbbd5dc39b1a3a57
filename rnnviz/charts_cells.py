"""Plotly figure builders of the timestep pages (book 9-1 and 9-3).

They only read traces (`rnnviz.cells.SequenceTrace`) and use the app's one visual
language from `rnnviz.charts`: x_t blue, h_t vermillion, c_t green, weights grey,
gates on `GATE_SCALE` (0..1), tanh outputs on `SIGNED_SCALE` (-1..1).

A step figure shows one timestep: its bars, and the states over time as a heatmap
with a black box around the step's column and a white veil over the steps not read
yet. The page's one timestep control (ui.timestep_player) redraws it for every step,
so a figure holds no Plotly frames, sliders or buttons of its own.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from rnnviz.charts import FONT_SIZE, GATE_SCALE, KIND_COLOURS, PALETTE, SIGNED_SCALE, style
from rnnviz.i18n import t
from rnnviz.player import labelled_steps

KIND_DASHES = {"SimpleRNN": "solid", "LSTM": "dash", "GRU": "dot"}  # apart without colour too
# Weights are neutral: white at 0, the weight grey at either end; the number in the
# cell gives the sign.
WEIGHT_SCALE = [[0.0, PALETTE["weight"]], [0.5, "#FFFFFF"], [1.0, PALETTE["weight"]]]
FADED_HIDDEN = "rgba(213, 94, 0, 0.35)"  # h_{t-1}: the hidden colour, faded
FADED_CELL = "rgba(0, 158, 115, 0.35)"  # c_{t-1}
UNREAD_VEIL = "rgba(255, 255, 255, 0.6)"  # over the heatmap's steps after t
STEP_CHART_HEIGHT = 480  # px: the control, this chart and the equation fit a 1280×720 screen
MAX_STEP_LABELS = 8  # timestep labels on the heatmap's axis (half of a 1280 px page)
_MAX_FEATURE_LABELS = 16  # one-hot inputs longer than this label every k-th id
_MAX_TEXT_BARS = 6  # more bars than this in a panel: no numbers on them
_MAX_TEXT_COLUMNS = 12  # heatmap columns with numbers in the cells
_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
GATE_NAMES = {"LSTM": ("i", "f", "o"), "GRU": ("z", "r")}


def sub(name: str, n: int) -> str:
    """``sub("h", 2) == "h₂"``: a name with a subscript number, for axis labels."""
    return f"{name}{str(n).translate(_SUBSCRIPTS)}"


def _short(token: str, limit: int = 12) -> str:
    return token if len(token) <= limit else token[: limit - 1] + "…"


def step_labels(tokens: Sequence[str], steps: Sequence[int], active: int | None = None,
                limit: int = 8) -> list[str]:
    """Axis labels of the given timesteps (1-based): the step number over its token, the active one bold."""
    labels = [f"{s}<br>{_short(tokens[s - 1], limit)}" for s in steps]
    return [f"<b>{label}</b>" if s == active else label for s, label in zip(steps, labels)]


def _bar_text(values, bars_in_panel: int):
    return [f"{v:.2f}" for v in values] if bars_in_panel <= _MAX_TEXT_BARS else None


def _time_heatmap(z, first: int, ylabels, zmax):
    """A (rows, n) heatmap over timesteps first .. first + n - 1; rows labelled from the top."""
    n_rows, n = z.shape
    show_text = n <= _MAX_TEXT_COLUMNS and n_rows <= 16
    return go.Heatmap(
        z=z, x=list(range(first, first + n)), y=list(range(1, n_rows + 1)), zmin=-zmax, zmax=zmax, zmid=0,
        colorscale=SIGNED_SCALE, xgap=1, ygap=1, colorbar=dict(thickness=12, len=0.5, y=0.25, yanchor="middle"),
        customdata=np.array([[lbl] * n for lbl in ylabels], dtype=object),
        hovertemplate="%{customdata} · t = %{x}: %{z:.3f}<extra></extra>",
        text=np.round(z, 2) if show_text else None, texttemplate="%{text:.2f}" if show_text else None,
        textfont=dict(size=FONT_SIZE - 4))


def _time_axes(fig, tokens, ylabels, first: int, active: int, max_labels: int, row: int) -> None:
    """The heatmap's axes: a few step labels (always the active one, in bold), the row names."""
    last = len(tokens)
    shown = labelled_steps(first, last, active, max_labels)
    fig.update_xaxes(tickmode="array", tickvals=shown, ticktext=step_labels(tokens, shown, active),
                     tickfont=dict(size=FONT_SIZE - 3),
                     range=[first - 0.5, last + 0.5], showgrid=False, zeroline=False, row=row, col=1)
    fig.update_yaxes(tickmode="array", tickvals=list(range(1, len(ylabels) + 1)), ticktext=ylabels,
                     range=[len(ylabels) + 0.5, 0.5], showgrid=False, zeroline=False, row=row, col=1)


def _mark_step(fig, active: int, last: int, n_rows: int, row: int) -> None:
    """A black box around the active step's column; a white veil over the steps after it (not read yet)."""
    y0, y1 = 0.5, n_rows + 0.5
    if active < last:
        fig.add_shape(type="rect", x0=active + 0.5, x1=last + 0.5, y0=y0, y1=y1, fillcolor=UNREAD_VEIL,
                      line=dict(width=0), layer="above", name="unread", row=row, col=1)
    fig.add_shape(type="rect", x0=active - 0.5, x1=active + 0.5, y0=y0, y1=y1, name="cursor",
                  line=dict(color=PALETTE["marker"], width=4), layer="above", row=row, col=1)


def _step_layout(fig, lang: str, active: int, tokens: Sequence[str]) -> None:
    """The shared look, titled with the step and its token (still readable in fullscreen)."""
    style(fig, t("step_chart_title", lang, t=active, token=tokens[active - 1]), height=STEP_CHART_HEIGHT)
    fig.update_layout(title=dict(x=0, xanchor="left", y=0.985, yanchor="top", font=dict(size=FONT_SIZE + 2)),
                      margin=dict(l=50, r=10, t=70, b=50), bargap=0.2, barmode="group",
                      legend=dict(orientation="h", x=1, xanchor="right", y=0.99, yanchor="top",
                                  yref="container", font=dict(size=FONT_SIZE - 3)))
    fig.update_annotations(font_size=FONT_SIZE - 1)  # the panel titles


# --------------------------------------------------------------------------- SimpleRNN


def hidden_step_figure(trace, tokens: Sequence[str], lang: str, active: int = 1, onehot: bool = False,
                       first: int = 1, max_labels: int = MAX_STEP_LABELS) -> go.Figure:
    """SimpleRNN at timestep `active`: x_t, and h_{t-1} beside h_t as bars, over the hidden-state heatmap.

    Traces, in order: the bars of x_t, h_{t-1} and h_t, then the heatmap of h (units, steps shown).

    Args:
        trace: ``cells.run(SimpleRNNCell, xs)`` with T >= 1 steps.
        tokens: the T tokens.
        lang: "ko" or "en".
        active: the timestep shown (first .. T), the page's ``step_t``.
        onehot: the inputs are one-hot vectors: label their entries with the ids 0, 1, ...
        first: the first timestep shown on the heatmap (the review page skips its padding).
        max_labels: about how many timesteps the heatmap's axis labels.
    """
    step = trace.steps[active - 1]
    units, input_dim = trace.h.shape[1], step.x_t.shape[0]
    fig = make_subplots(
        rows=2, cols=2, specs=[[{}, {}], [{"colspan": 2}, None]], row_heights=[0.42, 0.58],
        vertical_spacing=0.2, horizontal_spacing=0.12, column_widths=[0.45, 0.55],
        subplot_titles=[t("step_panel_x_onehot" if onehot else "step_panel_x", lang, x=sub("x", active)),
                        t("step_panel_h", lang, prev=sub("h", active - 1), h=sub("h", active)),
                        t("hidden_heatmap_title", lang)])
    feature_x, unit_x = list(range(1, input_dim + 1)), list(range(1, units + 1))
    fig.add_trace(go.Bar(x=feature_x, y=step.x_t, marker_color=PALETTE["input"], name=sub("x", active),
                         text=_bar_text(step.x_t, input_dim), textposition="outside", cliponaxis=False,
                         showlegend=False), row=1, col=1)
    for values, colour, name in ((step.h_tm1, FADED_HIDDEN, sub("h", active - 1)),
                                 (step.h_t, PALETTE["hidden"], sub("h", active))):
        fig.add_trace(go.Bar(x=unit_x, y=values, marker_color=colour, name=name, textposition="outside",
                             text=_bar_text(values, 2 * units), cliponaxis=False), row=1, col=2)
    ylabels = [sub("h", k) for k in unit_x]
    fig.add_trace(_time_heatmap(trace.h[first - 1:].T, first, ylabels, 1.0), row=2, col=1)  # (units, shown)

    top = max(1.0, float(np.abs(np.stack([s.x_t for s in trace.steps])).max()))  # one scale for every step
    fig.update_yaxes(range=[-1.3 * top, 1.3 * top], row=1, col=1)
    fig.update_yaxes(range=[-1.3, 1.3], row=1, col=2)
    if onehot and input_dim > _MAX_FEATURE_LABELS:  # a whole vocabulary (the review page): a few ids
        ticks = [k for k in feature_x if (k - 1) % math.ceil(input_dim / _MAX_FEATURE_LABELS) == 0]
    else:
        ticks = feature_x
    labels = [str(k - 1) for k in ticks] if onehot else [sub("x", k) for k in ticks]
    fig.update_xaxes(tickmode="array", tickvals=ticks, ticktext=labels, row=1, col=1)
    fig.update_xaxes(tickmode="array", tickvals=unit_x, ticktext=ylabels, row=1, col=2)
    _time_axes(fig, tokens, ylabels, first, active, max_labels, row=2)
    _mark_step(fig, active, len(tokens), units, row=2)
    _step_layout(fig, lang, active, tokens)
    return fig


def weights_figure(cell, lang: str, terms: Sequence[str], highlight_row: int | None = None,
                   row_labels: Sequence[str] | None = None) -> go.Figure:
    """W_x, W_h and b of a SimpleRNN cell as grey heatmaps with their numbers.

    Args:
        cell: a `SimpleRNNCell`.
        lang: "ko" or "en".
        terms: the ledger's three terms (e.g. ``("4×3", "3×3", "3")``), written in the titles
            so the parameter sum points at its matrices.
        highlight_row: a row of W_x to frame (one-hot input picks exactly that row), or None.
        row_labels: labels of W_x's rows (input features or ids); default x₁, x₂, ...
    """
    W, U, b = cell.kernel, cell.recurrent_kernel, cell.bias  # (d, u), (u, u), (u,)
    d, u = W.shape
    counts = (W.size, U.size, b.size)
    names = ("W_x", "W_h", "b")
    titles = [f"<b>{n}</b> · {term} = {c}" for n, term, c in zip(names, terms, counts)]
    fig = make_subplots(rows=1, cols=3, subplot_titles=titles, horizontal_spacing=0.08,
                        column_widths=[0.4, 0.4, 0.2])
    zmax = float(max(np.abs(W).max(), np.abs(U).max(), np.abs(b).max(), 1e-9))
    unit_labels = [sub("h", k) for k in range(1, u + 1)]
    row_labels = list(row_labels) if row_labels is not None else [sub("x", k) for k in range(1, d + 1)]
    for col, (m, rows) in enumerate(((W, row_labels), (U, unit_labels), (b[None, :], ["b"])), start=1):
        show_text = m.shape[0] <= 16
        fig.add_trace(go.Heatmap(
            z=m, x=unit_labels, y=rows, zmin=-zmax, zmax=zmax, colorscale=WEIGHT_SCALE,
            showscale=False, xgap=2, ygap=2, hovertemplate="%{y} → %{x}: %{z:.4f}<extra></extra>",
            text=np.round(m, 2) if show_text else None,
            texttemplate="%{text:.2f}" if show_text else None, textfont=dict(size=FONT_SIZE - 2)),
            row=1, col=col)
        fig.update_yaxes(autorange="reversed", type="category", row=1, col=col)
        fig.update_xaxes(type="category", side="bottom", row=1, col=col)
    if highlight_row is not None:
        fig.add_shape(type="rect", x0=-0.5, x1=u - 0.5, y0=highlight_row - 0.5, y1=highlight_row + 0.5,
                      line=dict(color=PALETTE["input"], width=4), row=1, col=1)
    fig.update_layout(showlegend=False)
    style(fig, "", height=max(260, 30 * max(d, u) + 150))
    fig.update_layout(margin=dict(l=60, r=20, t=60, b=40))
    return fig


# --------------------------------------------------------------------------- LSTM / GRU


def gate_values(kind: str, step) -> np.ndarray:
    """The gates of one step concatenated in display order: LSTM i, f, o; GRU z, r."""
    return np.concatenate([getattr(step, g) for g in GATE_NAMES[kind]])


def state_bars(kind: str, step) -> list[tuple[str, np.ndarray, str, str]]:
    """The state bars of one step: (i18n key, values, colour, pattern), in display order."""
    if kind == "LSTM":
        return [("cells_bar_c_hat", step.c_hat, FADED_CELL, "/"),
                ("cells_bar_c_prev", step.c_tm1, FADED_CELL, ""),
                ("cells_bar_c", step.c_t, PALETTE["cell"], ""),
                ("cells_bar_h", step.h_t, PALETTE["hidden"], "")]
    return [("cells_bar_h_prev", step.h_tm1, FADED_HIDDEN, ""),
            ("cells_bar_hh", step.hh, FADED_HIDDEN, "/"),
            ("cells_bar_h", step.h_t, PALETTE["hidden"], "")]


def state_symbol(key: str, t: int) -> str:
    """A state bar's short name at step t, as the equations write it: ``state_symbol("cells_bar_c", 4) == "c₄"``."""
    symbols = {"cells_bar_c_hat": "c̃", "cells_bar_c_prev": sub("c", t - 1), "cells_bar_c": sub("c", t),
               "cells_bar_h": sub("h", t), "cells_bar_h_prev": sub("h", t - 1), "cells_bar_hh": "h̃"}
    return symbols[key]


def states_over_time(kind: str, trace) -> tuple[np.ndarray, list[str]]:
    """Rows of the over-time heatmap: LSTM c then h, GRU h. Returns (z (rows, T), labels)."""
    units = trace.h.shape[1]
    if kind == "LSTM":
        z = np.concatenate([trace.c.T, trace.h.T])  # (2*units, T)
        labels = [sub("c", k) for k in range(1, units + 1)] + [sub("h", k) for k in range(1, units + 1)]
        return z, labels
    return trace.h.T, [sub("h", k) for k in range(1, units + 1)]


def cell_step_figure(kind: str, trace, tokens: Sequence[str], lang: str, active: int = 1, first: int = 1,
                     max_labels: int = MAX_STEP_LABELS) -> go.Figure:
    """LSTM or GRU at timestep `active`: gates (0..1 bars), states, and the states over time.

    Traces, in order: the gate bars (one trace, coloured on `GATE_SCALE`), one bar trace per
    state of `state_bars`, then the heatmap of `states_over_time` (rows, steps shown).

    Args:
        kind: "LSTM" or "GRU".
        trace: ``cells.run(cell, xs)`` with T >= 1 steps.
        tokens: the T tokens.
        lang: "ko" or "en".
        active: the timestep shown (first .. T).
        first: the first timestep shown on the heatmap (the review page skips its padding).
        max_labels: about how many timesteps the heatmap's axis labels.
    """
    step = trace.steps[active - 1]
    units = trace.h.shape[1]
    gate_x = [sub(g, k) for g in GATE_NAMES[kind] for k in range(1, units + 1)]
    unit_x = list(range(1, units + 1))
    z, ylabels = states_over_time(kind, trace)  # (rows, T)
    zmax = max(1.0, float(np.abs(z).max()))
    fig = make_subplots(
        rows=2, cols=2, specs=[[{}, {}], [{"colspan": 2}, None]], row_heights=[0.42, 0.58],
        vertical_spacing=0.2, horizontal_spacing=0.1, column_widths=[0.5, 0.5],
        subplot_titles=[t("cells_panel_gates", lang), t("cells_panel_states", lang),
                        t(f"cells_time_title_{kind}", lang)])
    outline = dict(color="#333333", width=1)
    gates = gate_values(kind, step)
    fig.add_trace(go.Bar(x=gate_x, y=gates, text=_bar_text(gates, len(gates)), textposition="outside",
                         cliponaxis=False, name=t("cells_panel_gates", lang), showlegend=False,
                         marker=dict(color=gates, colorscale=GATE_SCALE, cmin=0, cmax=1, line=outline)),
                  row=1, col=1)
    for key, values, colour, pattern in state_bars(kind, step):
        fig.add_trace(go.Bar(x=unit_x, y=values, name=state_symbol(key, active),
                             hovertemplate=f"{t(key, lang)} · %{{x}}: %{{y:.3f}}<extra></extra>",
                             marker=dict(color=colour, pattern_shape=pattern, line=outline)), row=1, col=2)
    fig.add_trace(_time_heatmap(z[:, first - 1:], first, ylabels, zmax), row=2, col=1)

    every = np.concatenate([np.concatenate([v for _, v, _, _ in state_bars(kind, s)]) for s in trace.steps])
    top = max(0.1, float(np.abs(every).max()))  # one scale for every step
    fig.update_yaxes(range=[0, 1.2], row=1, col=1)
    fig.update_yaxes(range=[-1.15 * top, 1.15 * top], row=1, col=2)
    fig.update_xaxes(tickfont=dict(size=FONT_SIZE - 4), row=1, col=1)  # i₁ i₂ ... f₁ ...: gate and unit
    fig.update_xaxes(tickmode="array", tickvals=unit_x, row=1, col=2)  # units 1, 2, ...: "states (per unit)"
    _time_axes(fig, tokens, ylabels, first, active, max_labels, row=2)
    _mark_step(fig, active, len(tokens), len(ylabels), row=2)
    _step_layout(fig, lang, active, tokens)
    return fig


# --------------------------------------------------------------------------- memory


def fading_figure(curves: Mapping[str, np.ndarray], lang: str) -> go.Figure:
    """Influence of every timestep on the final state, one line per cell kind, log y axis.

    Args:
        curves: ``{kind: influence array (T,)}`` as `fading.fading` returns.
        lang: "ko" or "en".
    """
    fig = go.Figure()
    for kind, values in curves.items():
        values = np.asarray(values, dtype=float)
        y = np.where(values > 0, values, np.nan)  # a log axis cannot show 0
        fig.add_trace(go.Scatter(
            x=list(range(1, len(values) + 1)), y=y, mode="lines", name=kind,
            line=dict(color=KIND_COLOURS[kind], dash=KIND_DASHES[kind], width=4),
            hovertemplate=f"{kind} · t = %{{x}}: %{{y:.2e}}<extra></extra>"))
    fig.update_yaxes(type="log", title=t("fade_axis_y", lang), exponentformat="power")
    fig.update_xaxes(title=t("fade_axis_x", lang))
    fig.update_layout(legend=dict(orientation="h", y=1.03, yanchor="bottom", x=1, xanchor="right"))
    style(fig, t("fade_title", lang), height=480)
    fig.update_layout(margin=dict(t=100))
    return fig


def activation_ranges(trace) -> tuple[float, float, float, float]:
    """What tanh squeezed in a SimpleRNN trace: (lowest, highest) pre-activation, (lowest, highest) h_t."""
    pre = np.array([step.pre for step in trace.steps])  # (T, units)
    return float(pre.min()), float(pre.max()), float(trace.h.min()), float(trace.h.max())


def tanh_figure(trace, lang: str) -> go.Figure:
    """The tanh curve with every (pre-activation, h_t) of a SimpleRNN trace on it: one dot per unit and step.

    Returns:
        The figure; traces ``tanh`` (the curve) and ``steps`` (the trace's dots).
    """
    low, high, _, _ = activation_ranges(trace)
    reach = max(3.0, abs(low), abs(high)) * 1.1  # at least the curve's bends, and every dot
    xs = np.linspace(-reach, reach, 121)
    pre = np.array([step.pre for step in trace.steps])  # (T, units)
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=xs, y=np.tanh(xs), mode="lines", name="tanh", line=dict(color=PALETTE["weight"], width=2),
                             hoverinfo="skip"))
    fig.add_trace(go.Scatter(x=pre.ravel(), y=trace.h.ravel(), mode="markers", name="steps",
                             marker=dict(color=PALETTE["hidden"], size=10, line=dict(color="white", width=1)),
                             hovertemplate="pre = %{x:.3f}<br>h = %{y:.3f}<extra></extra>"))
    for bound in (-1, 1):
        fig.add_hline(y=bound, line=dict(color=PALETTE["note"], dash="dot", width=1))
    fig.update_xaxes(title=t("hidden_tanh_x", lang), zeroline=True)
    fig.update_yaxes(title=t("hidden_tanh_y", lang), range=[-1.2, 1.2], zeroline=True)
    return style(fig, height=300).update_layout(showlegend=False)
