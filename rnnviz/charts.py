"""Pure Plotly figure builders. One palette for the whole app, so a colour means
the same thing on every page (docs/book.md, "Look and voice").

Colours are from the Okabe-Ito set, which stays distinct under the common
colour-vision deficiencies; fonts are large enough for a classroom projector.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio

from rnnviz.data import LengthStats
from rnnviz.i18n import t
from rnnviz.text import KIND_CUT, KIND_OOV, KIND_PAD, KIND_START, KIND_WORD, PaddedCell

PALETTE = {
    "input": "#0072B2",  # x_t and the tokens it comes from: blue
    "hidden": "#D55E00",  # h_t: vermillion
    "cell": "#009E73",  # c_t: bluish green
    "weight": "#595959",  # weights: neutral grey
    "start": "#56B4E9",  # the start id 1: sky blue
    "pad": "#E3E3E3",  # padding 0: light grey
    "oov": "#F0E442",  # out of vocabulary 2: warning yellow
    "cut": "#9DC3E6",  # tokens truncation cut away: faded input blue, darker than padding's grey
    "marker": "#000000",  # a chosen value (maxlen, a best epoch): black
    "note": "#7F7F7F",  # secondary reference lines (mean, median)
}
# The three cell kinds (memory-fading curves and the like): hues that mean nothing else here,
# so a green line is never mistaken for the cell state c_t.
KIND_COLOURS = {"SimpleRNN": "#E69F00", "LSTM": "#CC79A7", "GRU": "#332288"}  # orange, purple, indigo
# Training runs side by side: the same free hues first, then more colour-blind-safe ones (Paul Tol).
RUN_COLOURS = ("#E69F00", "#CC79A7", "#332288", "#999933", "#882255", "#44AA99", "#595959")
GATE_SCALE = "Cividis"  # gates live on 0..1
SIGNED_SCALE = "RdBu"  # tanh outputs live on -1..1
FONT_SIZE = 16

_KIND_ORDER = (KIND_PAD, KIND_START, KIND_WORD, KIND_OOV, KIND_CUT)
_KIND_COLOUR = {KIND_PAD: PALETTE["pad"], KIND_START: PALETTE["start"], KIND_WORD: PALETTE["input"],
                KIND_OOV: PALETTE["oov"], KIND_CUT: PALETTE["cut"]}
_DARK_TEXT_KINDS = {KIND_PAD, KIND_OOV, KIND_CUT, KIND_START}
_MAX_COLUMNS_WITH_TEXT = 40  # beyond this the ids no longer fit in their cells
_MIN_RUN_LABEL = 0.12  # a long grid labels every run of one kind wider than this share of the columns


TEMPLATE = "plotly_white"
# Every figure of the app uses this template. Naming it in each figure's layout made Plotly build and
# validate a copy of the whole template per figure (about a third of building a page's figures); as
# the default it is filled in once, when the figure is serialised, with the same JSON as a result.
pio.templates.default = TEMPLATE


def style(fig: go.Figure, title: str = "", height: int = 420) -> go.Figure:
    """The shared look: large fonts, white background (`TEMPLATE`), a title."""
    if pio.templates.default != TEMPLATE:  # someone changed the default: name it, as before
        fig.update_layout(template=TEMPLATE)
    fig.update_layout(title=dict(text=title, font=dict(size=FONT_SIZE + 4)), height=height,
                      font=dict(size=FONT_SIZE), margin=dict(l=60, r=20, t=60 if title else 20, b=50),
                      hoverlabel=dict(font_size=FONT_SIZE))
    return fig


def row_style(kind: str) -> str:
    """CSS for a table row of a START or OOV token, in the grid's colours (words stay plain)."""
    return f"background-color: {_KIND_COLOUR[kind]}" if kind in (KIND_OOV, KIND_START) else ""


def number_text(value, digits: int = 3) -> str:
    """A table cell's number: fixed decimals, "–" where there is none (None, NaN).

    >>> number_text(0.80412), number_text(None), number_text(float("nan"), 0)
    ('0.804', '–', '–')
    """
    return "–" if value is None or not math.isfinite(value) else f"{float(value):.{digits}f}"


def epochs_text(run) -> str:
    """A run's best epoch of its epochs run, e.g. "22 / 25" ("– / 3" before a best epoch)."""
    return f"{run.best_epoch or '–'} / {run.epochs_run}"


def kind_label(kind: str, lang: str) -> str:
    return t(f"kind_{kind}", lang)


def kind_runs(codes: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Runs of equal kind codes in each row of the grid: ``(row, start, stop, code)``, stop exclusive.

    >>> kind_runs(np.array([[0, 0, 2, np.nan, 2]]))
    [(0, 0, 2, 0), (0, 2, 3, 2), (0, 4, 5, 2)]
    """
    runs = []
    for row, values in enumerate(codes):  # values: (columns,), NaN where a row has no cell
        start = 0
        for column in range(1, len(values) + 1):
            if column == len(values) or values[column] != values[start]:
                if not np.isnan(values[start]):
                    runs.append((row, start, column, int(values[start])))
                start = column
    return runs


_RUN_GROUP = {KIND_PAD: "pad", KIND_START: "tokens", KIND_WORD: "tokens", KIND_OOV: "tokens", KIND_CUT: "cut"}


def _label_runs(fig: go.Figure, codes: np.ndarray, first: int, width: int, lang: str) -> None:
    """Say what each run of a long grid is: padding, the kept tokens, the cut tokens, with counts.

    A wide run gets its label inside; a narrow run of tokens (a few pixels at maxlen 300) gets
    it beside, with an arrow, so the words are found and never mistaken for padding.
    """
    groups = np.full(codes.shape, np.nan)  # (rows, columns): 0 padding, 1 kept tokens, 2 cut
    names = ("pad", "tokens", "cut")
    for code, kind in enumerate(_KIND_ORDER):
        groups[codes == code] = names.index(_RUN_GROUP[kind])
    for row, start, stop, group in kind_runs(groups):
        n, centre = stop - start, first + (start + stop - 1) / 2
        name = names[group]
        text = t("grid_run_tokens", lang, n=n) if name == "tokens" else f"{kind_label(name, lang)} × {n}"
        if n >= _MIN_RUN_LABEL * width:
            dark = name == "tokens"  # white on the word blue, black on the pale padding and cut colours
            fig.add_annotation(x=centre, y=row, text=text, showarrow=False,
                               font=dict(size=FONT_SIZE - 2, color="#FFFFFF" if dark else "#000000"))
        elif name != "pad":
            towards_left = start > width / 2  # the label sits on the roomier side
            fig.add_annotation(x=centre, y=row, text=text, showarrow=True, arrowhead=2, arrowwidth=2,
                               ax=-70 if towards_left else 70, ay=0, bgcolor="rgba(255,255,255,0.9)",
                               font=dict(size=FONT_SIZE - 2, color="#000000"))


def padding_grid_figure(cells: Sequence[PaddedCell], n_rows: int, maxlen: int, lang: str) -> go.Figure:
    """The padded matrix as a colour grid, with the tokens truncation cut away beside it.

    Args:
        cells: from `text.padding_layout`; columns < 0 or >= maxlen are cut tokens.
        n_rows: number of sentences.
        maxlen: the matrix width; a black frame marks it.
        lang: "ko" or "en".
    """
    columns = [c.column for c in cells] or [0]
    first, last = min(min(columns), 0), max(max(columns), maxlen - 1)
    width = last - first + 1
    codes = np.full((n_rows, width), np.nan)  # (rows, columns): index into _KIND_ORDER
    ids = np.full((n_rows, width), "", dtype=object)
    hover = np.full((n_rows, width), "", dtype=object)
    for cell in cells:
        x = cell.column - first
        codes[cell.row, x] = _KIND_ORDER.index(cell.kind)
        ids[cell.row, x] = str(cell.token_id)
        where = t("kind_cut", lang) if cell.kind == KIND_CUT else f"{t('grid_column', lang)} {cell.column}"
        hover[cell.row, x] = f"<b>{cell.token}</b><br>id = {cell.token_id}<br>{kind_label(cell.kind, lang)} · {where}"
    n_kinds = len(_KIND_ORDER)
    colorscale = [[bound, _KIND_COLOUR[kind]] for i, kind in enumerate(_KIND_ORDER)
                  for bound in (i / n_kinds, (i + 1) / n_kinds)]
    show_text = width <= _MAX_COLUMNS_WITH_TEXT
    # A long grid (maxlen up to 300) has cells a few pixels wide: white gaps between them would wash
    # every colour out, so runs of one kind are drawn solid and the wide ones say what they are.
    gap = 2 if show_text else 0
    fig = go.Figure(go.Heatmap(
        z=codes, x=list(range(first, last + 1)), y=list(range(n_rows)),
        zmin=-0.5, zmax=n_kinds - 0.5, colorscale=colorscale, showscale=False,
        xgap=gap, ygap=2, customdata=hover, hovertemplate="%{customdata}<extra></extra>",
        text=ids if show_text else None, texttemplate="%{text}" if show_text else None,
        textfont=dict(size=FONT_SIZE - 2)))
    if not show_text:
        _label_runs(fig, codes, first, width, lang)
    # The matrix pad_sequences returns: columns 0 .. maxlen-1, framed in black.
    fig.add_shape(type="rect", x0=-0.5, x1=maxlen - 0.5, y0=-0.5, y1=n_rows - 0.5,
                  line=dict(color=PALETTE["marker"], width=3))
    for kind in _KIND_ORDER:  # a legend of coloured squares
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=kind_label(kind, lang),
                                 marker=dict(size=16, symbol="square", color=_KIND_COLOUR[kind],
                                             line=dict(color="#999999", width=1))))
    fig.update_yaxes(autorange="reversed", tickmode="array", tickvals=list(range(n_rows)),
                     ticktext=[f"{t('grid_row', lang)} {r + 1}" for r in range(n_rows)], showgrid=False)
    fig.update_xaxes(title=t("grid_column", lang), showgrid=False, zeroline=False)
    height = max(300, 70 * n_rows + 210)
    fig.update_layout(legend=dict(orientation="h", yanchor="top", y=-75 / (height - 110)))  # below the axis title
    return style(fig, t("grid_title", lang), height=height)


HIST_BIN = 20  # review-length histogram: tokens per bar


def length_histogram_figure(lengths: np.ndarray, stats: LengthStats, lang: str) -> go.Figure:
    """Review lengths with the maxlen line (black), the mean and the median (grey).

    The bars are counted here (`numpy.histogram`, `HIST_BIN` tokens wide from 0), not in the
    browser: the figure carries ~60 counts instead of 20,000 lengths, on every rerun.
    """
    lengths = np.asarray(lengths)
    top = int(lengths.max()) + 1 if len(lengths) else 1
    counts, edges = np.histogram(lengths, bins=np.arange(0, top + HIST_BIN, HIST_BIN))  # (bins,), (bins+1,)
    starts = edges[:-1].astype(int)
    fig = go.Figure(go.Bar(x=starts + HIST_BIN / 2, y=counts, width=HIST_BIN * 0.95,
                           marker_color=PALETTE["input"], opacity=0.8, name=t("tokens_hist_y", lang),
                           customdata=np.stack([starts, starts + HIST_BIN - 1], axis=-1),
                           hovertemplate="%{customdata[0]}–%{customdata[1]}: %{y:,}<extra></extra>"))
    lines = ((stats.maxlen, f"maxlen = {stats.maxlen}", PALETTE["marker"], "solid", 3),
             (stats.mean, f"{t('tokens_hist_mean', lang)} {stats.mean:.1f}", PALETTE["note"], "dash", 2),
             (stats.median, f"{t('tokens_hist_median', lang)} {stats.median:.0f}", PALETTE["note"], "dot", 2))
    for position, (x, label, colour, dash, width) in enumerate(lines):
        fig.add_vline(x=x, line=dict(color=colour, dash=dash, width=width))
        fig.add_annotation(x=x, y=1 - 0.08 * position, yref="paper", text=label, showarrow=False,
                           xanchor="left", xshift=4, font=dict(color=colour, size=FONT_SIZE),
                           bgcolor="rgba(255,255,255,0.8)")
    fig.update_xaxes(title=t("tokens_hist_x", lang), range=[0, min(int(np.max(lengths)) + 20, 1000)]
                     if len(lengths) else None)
    fig.update_yaxes(title=t("tokens_hist_y", lang))
    fig.update_layout(showlegend=False)
    return style(fig)  # the page's subheader names it
