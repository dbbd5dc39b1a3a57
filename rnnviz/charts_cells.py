"""Plotly figure builders of the timestep pages (book 9-1 and 9-3).

They only read traces (`rnnviz.cells.SequenceTrace`) and use the app's one visual
language from `rnnviz.charts`: x_t blue, h_t vermillion, c_t green, weights grey,
gates on `GATE_SCALE` (0..1), tanh outputs on `SIGNED_SCALE` (-1..1).

The animations run in the browser: every timestep is a Plotly frame, played by the
figure's own play / pause buttons and slider, with no round-trip to the server. Only
bars and lines change between frames (both animate smoothly); heatmaps stay fixed and
a black frame (a line trace) moves over them as the cursor.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from rnnviz.charts import FONT_SIZE, GATE_SCALE, KIND_COLOURS, PALETTE, SIGNED_SCALE, style
from rnnviz.i18n import t

KIND_DASHES = {"SimpleRNN": "solid", "LSTM": "dash", "GRU": "dot"}  # apart without colour too
# Weights are neutral: white at 0, the weight grey at either end; the number in the
# cell gives the sign.
WEIGHT_SCALE = [[0.0, PALETTE["weight"]], [0.5, "#FFFFFF"], [1.0, PALETTE["weight"]]]
FADED_HIDDEN = "rgba(213, 94, 0, 0.35)"  # h_{t-1}: the hidden colour, faded
FADED_CELL = "rgba(0, 158, 115, 0.35)"  # c_{t-1}
_MAX_TEXT_BARS = 12  # more bars than this: no numbers on them
_MAX_TEXT_COLUMNS = 20  # heatmap columns with numbers in the cells
_MAX_ID_TICKS = 20  # one-hot x_t panel: labelled ids (a trained model's x_t has num_words entries)
_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_FRAME_MS, _TRANSITION_MS = 900, 450
GATE_NAMES = {"LSTM": ("i", "f", "o"), "GRU": ("z", "r")}


def sub(name: str, n: int) -> str:
    """``sub("h", 2) == "h₂"``: a name with a subscript number, for axis labels."""
    return f"{name}{str(n).translate(_SUBSCRIPTS)}"


def _short(token: str, limit: int = 12) -> str:
    return token if len(token) <= limit else token[: limit - 1] + "…"


def step_labels(tokens: Sequence[str]) -> list[str]:
    """Axis labels of timesteps: the step number over its token."""
    return [f"{i}<br>{_short(tok)}" for i, tok in enumerate(tokens, start=1)]


def _bar_text(values):
    return [f"{v:.2f}" for v in values] if len(values) <= _MAX_TEXT_BARS else None


def _cursor(t: int, n_rows: int) -> dict:
    """A black box around column t of a heatmap with n_rows rows (as line-trace data)."""
    x0, x1, y0, y1 = t - 0.5, t + 0.5, 0.5, n_rows + 0.5
    return dict(x=[x0, x1, x1, x0, x0], y=[y0, y0, y1, y1, y0])


def _cursor_trace() -> dict:
    """How the cursor box looks; its x and y come from each frame."""
    return dict(type="scatter", mode="lines", hoverinfo="skip", line=dict(color=PALETTE["marker"], width=4),
                showlegend=False)


def _merge(base: dict, update: dict) -> dict:
    """``base`` updated by ``update``, nested dicts merged (as Plotly merges a frame into a trace)."""
    merged = dict(base)
    for key, value in update.items():
        merged[key] = _merge(base[key], value) if isinstance(value, dict) and key in base else value
    return merged


def _animation_controls(fig: go.Figure, tokens: Sequence[str], active: int, lang: str) -> None:
    """Play / pause buttons and a timestep slider, all handled by Plotly in the browser."""
    play = dict(frame=dict(duration=_FRAME_MS, redraw=True), fromcurrent=True,
                transition=dict(duration=_TRANSITION_MS, easing="cubic-in-out"), mode="immediate")
    pause = dict(frame=dict(duration=0, redraw=False), transition=dict(duration=0), mode="immediate")
    jump = dict(frame=dict(duration=0, redraw=True), transition=dict(duration=_TRANSITION_MS),
                mode="immediate")
    fig.update_layout(
        updatemenus=[dict(
            type="buttons", direction="left", showactive=False, x=0, y=-0.17, xanchor="left",
            yanchor="top", pad=dict(t=0, r=10), font=dict(size=FONT_SIZE),
            buttons=[dict(label=t("step_play", lang), method="animate", args=[None, play]),
                     dict(label=t("step_pause", lang), method="animate", args=[[None], pause])])],
        sliders=[dict(
            active=active - 1, x=0.22, len=0.78, y=-0.12, yanchor="top", pad=dict(t=0),
            currentvalue=dict(prefix=t("step_slider_prefix", lang), font=dict(size=FONT_SIZE + 2)),
            font=dict(size=FONT_SIZE - 2),
            steps=[dict(label=f"{i} {_short(tok, 8)}", method="animate", args=[[str(i)], jump])
                   for i, tok in enumerate(tokens, start=1)])],
    )


def _time_heatmap(z, tokens, ylabels, zmax, name, colorbar_y=None):
    """A (rows, T) heatmap over timesteps 1..T; rows labelled from the top."""
    n_rows, T = z.shape
    show_text = T <= _MAX_TEXT_COLUMNS and n_rows <= 16
    return go.Heatmap(
        z=z, x=list(range(1, T + 1)), y=list(range(1, n_rows + 1)), zmin=-zmax, zmax=zmax, zmid=0,
        colorscale=SIGNED_SCALE, name=name, xgap=1, ygap=1,
        colorbar=dict(thickness=14, len=0.45, y=colorbar_y, yanchor="middle") if colorbar_y else
        dict(thickness=14),
        customdata=np.array([[lbl] * T for lbl in ylabels], dtype=object),
        hovertemplate="%{customdata} · t = %{x}: %{z:.3f}<extra></extra>",
        text=np.round(z, 2) if show_text else None, texttemplate="%{text:.2f}" if show_text else None,
        textfont=dict(size=FONT_SIZE - 3))


def _time_axes(fig, tokens, ylabels, row, col=1):
    T = len(tokens)
    fig.update_xaxes(tickmode="array", tickvals=list(range(1, T + 1)), ticktext=step_labels(tokens),
                     range=[0.5, T + 0.5], showgrid=False, zeroline=False, row=row, col=col)
    fig.update_yaxes(tickmode="array", tickvals=list(range(1, len(ylabels) + 1)), ticktext=ylabels,
                     range=[len(ylabels) + 0.5, 0.5], showgrid=False, zeroline=False, row=row, col=col)


# --------------------------------------------------------------------------- SimpleRNN


def hidden_animation_figure(trace, tokens: Sequence[str], lang: str, active: int = 1,
                            onehot: bool = False) -> go.Figure:
    """SimpleRNN step by step: x_t, h_{t-1} and h_t as bars, over the hidden-state heatmap.

    One frame per timestep (named "1" .. "T"); each frame carries, in this order, the
    bars of x_t, h_{t-1} and h_t and the cursor box over the heatmap's column t.

    Args:
        trace: ``cells.run(SimpleRNNCell, xs)`` with T >= 1 steps.
        tokens: the T tokens.
        lang: "ko" or "en".
        active: the timestep shown first (1..T), e.g. the page's slider.
        onehot: the inputs are one-hot vectors: label their entries with the ids 0, 1, ...
    """
    steps, T = trace.steps, len(trace.steps)
    units, input_dim = trace.h.shape[1], steps[0].x_t.shape[0]
    xs = np.stack([s.x_t for s in steps])  # (T, input_dim)
    fig = make_subplots(
        rows=2, cols=3, specs=[[{}, {}, {}], [{"colspan": 3}, None, None]],
        row_heights=[0.45, 0.55], vertical_spacing=0.2, horizontal_spacing=0.07,
        subplot_titles=[t("step_panel_x", lang), t("step_panel_hprev", lang), t("step_panel_h", lang),
                        t("hidden_heatmap_title", lang)])
    feature_x = list(range(1, input_dim + 1))
    unit_x = list(range(1, units + 1))

    bar = dict(type="bar", textposition="outside", cliponaxis=False)
    looks = [  # what stays the same in every frame
        dict(bar, x=feature_x, marker_color=PALETTE["input"], name=t("step_panel_x", lang)),
        dict(bar, x=unit_x, marker_color=FADED_HIDDEN, name=t("step_panel_hprev", lang)),
        dict(bar, x=unit_x, marker_color=PALETTE["hidden"], name=t("step_panel_h", lang)),
        _cursor_trace(),
    ]

    def frame_data(k):  # k: 0-based step; only what changes (Plotly merges it into the traces)
        s = steps[k]
        return [dict(type="bar", y=s.x_t, text=_bar_text(s.x_t)),
                dict(type="bar", y=s.h_tm1, text=_bar_text(s.h_tm1)),
                dict(type="bar", y=s.h_t, text=_bar_text(s.h_t)),
                dict(type="scatter", **_cursor(k + 1, units))]

    first = [_merge(look, data) for look, data in zip(looks, frame_data(active - 1))]
    for col, bar_trace in enumerate(first[:3], start=1):
        fig.add_trace(bar_trace, row=1, col=col)
    ylabels = [sub("h", k) for k in unit_x]
    fig.add_trace(_time_heatmap(trace.h.T, tokens, ylabels, 1.0, "h", colorbar_y=0.27), row=2, col=1)
    fig.add_trace(first[3], row=2, col=1)
    # Plain dicts: Plotly validates them once here, several times faster than go.Frame(go.Bar(...)).
    fig.frames = [dict(name=str(k + 1), data=frame_data(k), traces=[0, 1, 2, 4]) for k in range(T)]

    top = max(1.0, float(np.abs(xs).max()))
    fig.update_yaxes(range=[-1.25 * top, 1.25 * top], row=1, col=1)
    fig.update_yaxes(range=[-1.3, 1.3], row=1, col=2)
    fig.update_yaxes(range=[-1.3, 1.3], row=1, col=3)
    if onehot:  # one label per id, but ~20 at most: 500 tick labels take Chromium seconds to lay out
        every = max(1, -(-input_dim // _MAX_ID_TICKS))
        fig.update_xaxes(tickmode="array", tickvals=feature_x[::every],
                         ticktext=[str(k - 1) for k in feature_x[::every]],
                         title=t("step_axis_onehot", lang), row=1, col=1)
    else:
        fig.update_xaxes(tickmode="array", tickvals=feature_x, ticktext=[sub("x", k) for k in feature_x],
                         title=t("step_axis_feature", lang), row=1, col=1)
    for col in (2, 3):
        fig.update_xaxes(tickmode="array", tickvals=unit_x, ticktext=[sub("h", k) for k in unit_x],
                         row=1, col=col, title=t("step_axis_unit", lang))
    _time_axes(fig, tokens, ylabels, row=2)
    _animation_controls(fig, tokens, active, lang)
    fig.update_layout(showlegend=False, bargap=0.25)
    style(fig, "", height=max(680, 40 * units + 600))
    fig.update_layout(margin=dict(l=60, r=20, t=50, b=170))
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


def states_over_time(kind: str, trace) -> tuple[np.ndarray, list[str]]:
    """Rows of the over-time heatmap: LSTM c then h, GRU h. Returns (z (rows, T), labels)."""
    units = trace.h.shape[1]
    if kind == "LSTM":
        z = np.concatenate([trace.c.T, trace.h.T])  # (2*units, T)
        labels = [sub("c", k) for k in range(1, units + 1)] + [sub("h", k) for k in range(1, units + 1)]
        return z, labels
    return trace.h.T, [sub("h", k) for k in range(1, units + 1)]


def cell_animation_figure(kind: str, trace, tokens: Sequence[str], lang: str, active: int = 1
                          ) -> go.Figure:
    """LSTM or GRU step by step: gates (0..1 bars), states, and the states over time.

    One frame per timestep (named "1" .. "T"); each frame carries the gate bars (one
    trace, coloured on `GATE_SCALE`), one bar trace per state of `state_bars`, and the
    cursor box over the heatmap's column t.

    Args:
        kind: "LSTM" or "GRU".
        trace: ``cells.run(cell, xs)`` with T >= 1 steps.
        tokens: the T tokens.
        lang: "ko" or "en".
        active: the timestep shown first (1..T).
    """
    steps, T = trace.steps, len(trace.steps)
    units = trace.h.shape[1]
    gates = GATE_NAMES[kind]
    gate_x = [sub(g, k) for g in gates for k in range(1, units + 1)]
    unit_x = list(range(1, units + 1))
    z, ylabels = states_over_time(kind, trace)
    zmax = max(1.0, float(np.abs(z).max()))
    fig = make_subplots(
        rows=2, cols=2, specs=[[{}, {}], [{"colspan": 2}, None]], row_heights=[0.45, 0.55],
        vertical_spacing=0.2, horizontal_spacing=0.18, column_widths=[0.5, 0.5],
        subplot_titles=[t("cells_panel_gates", lang), t("cells_panel_states", lang),
                        t(f"cells_time_title_{kind}", lang)])

    outline = dict(color="#333333", width=1)
    looks = [dict(type="bar", x=gate_x, textposition="outside", cliponaxis=False,  # same in every frame
                  name=t("cells_panel_gates", lang), showlegend=False,
                  marker=dict(colorscale=GATE_SCALE, cmin=0, cmax=1, showscale=True, line=outline,
                              colorbar=dict(thickness=14, len=0.4, y=0.78, x=0.42, xanchor="left")))]
    looks += [dict(type="bar", x=unit_x, name=t(key, lang), hovertemplate="%{y:.3f}<extra>%{fullData.name}</extra>",
                   marker=dict(color=colour, pattern_shape=pattern, line=outline))
              for key, _, colour, pattern in state_bars(kind, steps[0])]
    looks.append(_cursor_trace())

    def frame_data(k):  # only what changes; Plotly merges it into the traces
        s = steps[k]
        g = gate_values(kind, s)
        data = [dict(type="bar", y=g, text=_bar_text(g), marker=dict(color=g))]
        data += [dict(type="bar", y=values) for _, values, _, _ in state_bars(kind, s)]
        data.append(dict(type="scatter", **_cursor(k + 1, len(ylabels))))
        return data

    first = [_merge(look, data) for look, data in zip(looks, frame_data(active - 1))]
    n_states = len(first) - 2
    fig.add_trace(first[0], row=1, col=1)
    for bar in first[1:-1]:
        fig.add_trace(bar, row=1, col=2)
    fig.add_trace(_time_heatmap(z, tokens, ylabels, zmax, "state", colorbar_y=0.27), row=2, col=1)
    fig.add_trace(first[-1], row=2, col=1)
    heatmap_index = 1 + n_states
    frame_traces = list(range(heatmap_index)) + [heatmap_index + 1]
    fig.frames = [dict(name=str(k + 1), data=frame_data(k), traces=frame_traces) for k in range(T)]

    bars = np.concatenate([np.concatenate([v for _, v, _, _ in state_bars(kind, s)]) for s in steps])
    top = max(0.1, float(np.abs(bars).max()))
    fig.update_yaxes(range=[0, 1.2], row=1, col=1)
    fig.update_yaxes(range=[-1.15 * top, 1.15 * top], row=1, col=2)
    fig.update_xaxes(title=t("cells_axis_gate", lang), row=1, col=1)
    fig.update_xaxes(title=t("step_axis_unit", lang), tickmode="array", tickvals=unit_x, row=1, col=2)
    _time_axes(fig, tokens, ylabels, row=2)
    _animation_controls(fig, tokens, active, lang)
    fig.update_layout(barmode="group", bargap=0.2,
                      legend=dict(orientation="h", x=1, y=1.1, yanchor="bottom", xanchor="right"))
    style(fig, "", height=max(720, 30 * len(ylabels) + 640))
    fig.update_layout(margin=dict(l=60, r=20, t=110, b=170))
    return fig


# --------------------------------------------------------------------------- memory


def fading_figure(curves: Mapping[str, np.ndarray], lang: str) -> go.Figure:
    """Influence of every timestep on the final state, one line per cell kind, log y axis.

    Args:
        curves: ``{kind: influence array (T,)}`` as `stepper.fading` returns.
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
