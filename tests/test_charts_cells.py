"""Tests for rnnviz.charts_cells: the figures hold exactly the traces' numbers."""

import numpy as np
import plotly.graph_objects as go
import pytest

from rnnviz import charts_cells as cc
from rnnviz.cells import make_cell, run
from rnnviz.fading import fading, fading_inputs
from rnnviz.inputs import build_inputs, feature_labels
from rnnviz.params import param_count
from rnnviz.charts import GATE_SCALE, PALETTE
from rnnviz.i18n import t

SENTENCE = "the cat saw the dog and the dog ran"


def _trace(kind, units=3, encoding="embedding", text=SENTENCE, seed=1):
    inputs = build_inputs(text, encoding, features=4, seed=seed)
    cell = make_cell(kind, inputs.input_dim, units, seed=seed)
    return inputs, cell, run(cell, inputs.xs)


def _by_type(fig, kind):
    return [trace for trace in fig.data if trace.type == kind]


# --------------------------------------------------------------------------- SimpleRNN


def _shape(fig, name):
    return next(shape for shape in fig.layout.shapes if shape.name == name)


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("units", [1, 3, 8])
def test_hidden_step_figure_shows_the_active_steps_values(lang, units):
    inputs, _, trace = _trace("SimpleRNN", units)
    for active in (1, 4, inputs.timesteps):
        fig = cc.hidden_step_figure(trace, inputs.tokens, lang, active=active)
        step = trace.steps[active - 1]
        x_bar, h_prev_bar, h_bar, heatmap = fig.data
        np.testing.assert_array_equal(x_bar.y, step.x_t)
        np.testing.assert_array_equal(h_prev_bar.y, step.h_tm1)
        np.testing.assert_array_equal(h_bar.y, trace.h[active - 1])
        np.testing.assert_array_equal(np.asarray(heatmap.z), trace.h.T)  # every step, (units, T)
        cursor = _shape(fig, "cursor")
        assert (cursor.x0, cursor.x1) == (active - 0.5, active + 0.5)  # the black box frames column t
        assert fig.layout.title.text == t("step_chart_title", lang, t=active, token=inputs.tokens[active - 1])
        assert [tr.name for tr in fig.data[1:3]] == [cc.sub("h", active - 1), cc.sub("h", active)]


def test_step_figures_hold_no_animation_of_their_own():
    """One control drives the page: no Plotly frames, play buttons or sliders in the figure."""
    inputs, _, trace = _trace("SimpleRNN")
    figures = [cc.hidden_step_figure(trace, inputs.tokens, "en", active=2)]
    for kind in ("LSTM", "GRU"):
        figures.append(cc.cell_step_figure(kind, _trace(kind)[2], inputs.tokens, "en", active=2))
    for fig in figures:
        assert not fig.frames
        assert not fig.layout.updatemenus and not fig.layout.sliders


def test_the_steps_not_read_yet_are_veiled():
    inputs, _, trace = _trace("SimpleRNN")
    T = inputs.timesteps
    fig = cc.hidden_step_figure(trace, inputs.tokens, "en", active=3)
    veil = _shape(fig, "unread")
    assert (veil.x0, veil.x1) == (3.5, T + 0.5)
    last = cc.hidden_step_figure(trace, inputs.tokens, "en", active=T)
    assert [shape.name for shape in last.layout.shapes] == ["cursor"]  # all read: nothing veiled


def test_one_hot_inputs_are_labelled_by_id():
    inputs, _, trace = _trace("SimpleRNN", encoding="onehot")
    fig = cc.hidden_step_figure(trace, inputs.tokens, "en", onehot=True)
    assert list(fig.layout.xaxis.ticktext) == [str(i) for i in range(inputs.input_dim)]
    assert "one-hot" in fig.layout.annotations[0].text
    assert list(cc.hidden_step_figure(trace, inputs.tokens, "en").layout.xaxis.ticktext)[:2] == ["x₁", "x₂"]


def test_a_whole_vocabulary_of_one_hot_inputs_labels_a_few_ids():
    """The review page's one-hot model reads 200-long vectors: 200 id labels would pile up."""
    xs = np.eye(200)[[1, 14, 22, 0]]  # (4, 200)
    trace = run(make_cell("SimpleRNN", 200, 3), xs)
    fig = cc.hidden_step_figure(trace, ["<start>", "a", "b", "c"], "en", onehot=True)
    ticks = list(fig.layout.xaxis.ticktext)
    assert len(ticks) <= 16 and ticks[:2] == ["0", "13"]  # every 13th id: 0, 13, 26, ...
    assert len(fig.data[0].y) == 200  # every entry is still drawn


def test_hidden_step_colours():
    inputs, _, trace = _trace("SimpleRNN")
    fig = cc.hidden_step_figure(trace, inputs.tokens, "en")
    assert fig.data[0].marker.color == PALETTE["input"]
    assert fig.data[1].marker.color == cc.FADED_HIDDEN
    assert fig.data[2].marker.color == PALETTE["hidden"]


def test_hidden_heatmap_is_h_transposed_with_tokens_on_x():
    inputs, cell, trace = _trace("SimpleRNN", units=5)
    fig = cc.hidden_step_figure(trace, inputs.tokens, "ko", active=2)
    heatmap = _by_type(fig, "heatmap")[0]
    np.testing.assert_array_equal(np.asarray(heatmap.z), run(cell, inputs.xs).h.T)
    assert (heatmap.zmin, heatmap.zmax) == (-1, 1)
    assert list(fig.layout.xaxis3.tickvals) == [2, 5, 7, 9]  # 9 steps, about 8 labels: every 2nd, and t = 2
    assert list(fig.layout.xaxis3.ticktext)[:2] == ["<b>2<br>cat</b>", "5<br>dog"]  # the active step in bold
    assert list(fig.layout.yaxis3.ticktext) == ["h₁", "h₂", "h₃", "h₄", "h₅"]


def test_step_labels_shorten_long_tokens():
    tokens = ["a", "brachiosaurusrex", "c"]
    assert cc.step_labels(tokens, [1, 2], limit=12) == ["1<br>a", "2<br>brachiosaur…"]
    assert cc.step_labels(tokens, [2, 3], active=3) == ["2<br>brachio…", "<b>3<br>c</b>"]


def test_a_window_from_first_shows_only_those_steps():
    """The review page hides its padding: the heatmap starts at `first`, numbered as the real steps."""
    xs = fading_inputs(100, 4, seed=0)
    tokens = ["<pad>"] * 60 + ["<start>"] + [f"w{i}" for i in range(39)]
    for kind in ("SimpleRNN", "LSTM"):
        trace = run(make_cell(kind, 4, 3), xs)
        if kind == "SimpleRNN":
            fig = cc.hidden_step_figure(trace, tokens, "en", active=61, first=61, max_labels=12)
        else:
            fig = cc.cell_step_figure(kind, trace, tokens, "en", active=61, first=61, max_labels=12)
        heatmap = _by_type(fig, "heatmap")[0]
        assert list(heatmap.x) == list(range(61, 101))
        assert np.asarray(heatmap.z).shape[1] == 40
        axis = fig.layout.xaxis3
        assert tuple(axis.range) == (60.5, 100.5)
        assert axis.ticktext[0] == "<b>61<br><start></b>"
        assert "<pad>" not in " ".join(axis.ticktext)


@pytest.mark.parametrize("active", [1, 37, 61, 100])
def test_a_100_step_axis_labels_few_steps_never_crowded(active):
    """Tokens at maxlen=100: at most about 12 labels, at least k steps apart, the active one among them."""
    xs = fading_inputs(100, 4, seed=0)
    trace = run(make_cell("GRU", 4, 3), xs)
    tokens = [f"word{i}" for i in range(100)]
    fig = cc.cell_step_figure("GRU", trace, tokens, "en", active=active, max_labels=12)
    steps = list(fig.layout.xaxis3.tickvals)
    assert active in steps and len(steps) <= 13
    assert min(np.diff(steps)) >= 9  # ceil(100 / 12) = 9 steps between labels
    assert fig.layout.xaxis3.ticktext[steps.index(active)].startswith("<b>")


def test_weights_figure_shows_the_cells_weights_under_the_ledger_terms():
    inputs, cell, _ = _trace("SimpleRNN", units=3, encoding="onehot")
    terms = param_count("SimpleRNN", inputs.input_dim, 3).terms
    fig = cc.weights_figure(cell, "en", terms, highlight_row=4, row_labels=feature_labels(inputs))
    w_x, w_h, b = _by_type(fig, "heatmap")
    np.testing.assert_array_equal(np.asarray(w_x.z), cell.kernel)
    np.testing.assert_array_equal(np.asarray(w_h.z), cell.recurrent_kernel)
    np.testing.assert_array_equal(np.asarray(b.z), cell.bias[None, :])
    titles = [a.text for a in fig.layout.annotations]
    assert titles == [f"<b>W_x</b> · {terms[0]} = {cell.kernel.size}",
                      f"<b>W_h</b> · {terms[1]} = {cell.recurrent_kernel.size}", f"<b>b</b> · {terms[2]} = 3"]
    assert len(fig.layout.shapes) == 1 and fig.layout.shapes[0].y0 == 3.5  # row id 4 framed


# --------------------------------------------------------------------------- LSTM / GRU


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("kind", ["LSTM", "GRU"])
def test_cell_step_figure_holds_the_active_steps_gates_and_states(kind, lang):
    inputs, _, trace = _trace(kind, units=3)
    names = cc.GATE_NAMES[kind]
    for active in (1, 2, inputs.timesteps):
        fig = cc.cell_step_figure(kind, trace, inputs.tokens, lang, active=active)
        step = trace.steps[active - 1]
        gates = fig.data[0]
        np.testing.assert_array_equal(gates.y, np.concatenate([getattr(step, g) for g in names]))
        np.testing.assert_array_equal(gates.marker.color, gates.y)  # coloured by value
        bars = fig.data[1:-1]
        expected = cc.state_bars(kind, step)
        assert len(bars) == len(expected)
        for bar, (key, values, _, _) in zip(bars, expected):
            np.testing.assert_array_equal(bar.y, values)
            assert bar.name == cc.state_symbol(key, active)
        np.testing.assert_array_equal(bars[-1].y, trace.h[active - 1])  # the last state bar is h_t
        if kind == "LSTM":
            np.testing.assert_array_equal(bars[2].y, trace.c[active - 1])
        assert (_shape(fig, "cursor").x0, _shape(fig, "cursor").x1) == (active - 0.5, active + 0.5)
        assert fig.layout.title.text.startswith(t("step_chart_title", lang, t=active, token=""))
    assert fig.data[0].marker.cmin == 0 and fig.data[0].marker.cmax == 1  # gates on 0..1
    heatmap = _by_type(fig, "heatmap")[0]
    z, labels = cc.states_over_time(kind, trace)
    np.testing.assert_array_equal(np.asarray(heatmap.z), z)
    if kind == "LSTM":
        np.testing.assert_array_equal(z, np.concatenate([trace.c.T, trace.h.T]))
        assert labels[0] == "c₁" and labels[3] == "h₁"
    else:
        np.testing.assert_array_equal(z, trace.h.T)


def test_gate_colour_scale_is_the_apps():
    inputs, _, trace = _trace("LSTM")
    fig = cc.cell_step_figure("LSTM", trace, inputs.tokens, "en")
    scale = go.Figure(go.Bar(marker=dict(colorscale=GATE_SCALE))).data[0].marker.colorscale
    assert fig.data[0].marker.colorscale == scale


# --------------------------------------------------------------------------- memory


def test_fading_figure_has_one_line_per_kind_on_a_log_axis():
    curves = fading(60)
    curves["GRU"] = curves["GRU"].copy()
    curves["GRU"][0] = 0.0  # a log axis cannot show 0: it becomes a gap
    fig = cc.fading_figure(curves, "ko")
    assert fig.layout.yaxis.type == "log"
    assert [trace.name for trace in fig.data] == list(curves)
    for trace in fig.data:
        assert trace.line.color == cc.KIND_COLOURS[trace.name]
        np.testing.assert_array_equal(trace.x, np.arange(1, 61))
    np.testing.assert_array_equal(fig.data[0].y, curves["SimpleRNN"])
    assert np.isnan(fig.data[2].y[0])
    np.testing.assert_array_equal(fig.data[2].y[1:], curves["GRU"][1:])


# --------------------------------------------------------------------------- size


@pytest.mark.parametrize("kind", ["SimpleRNN", "LSTM", "GRU"])
def test_a_100_step_figure_is_small(kind):
    """Redrawn for every step while playing, so a figure of 100 steps stays far under 100 kB."""
    xs = fading_inputs(100, 8, seed=0)
    trace = run(make_cell(kind, 8, 8), xs)
    tokens = [f"w{i}" for i in range(100)]
    if kind == "SimpleRNN":
        fig = cc.hidden_step_figure(trace, tokens, "en", active=50)
    else:
        fig = cc.cell_step_figure(kind, trace, tokens, "en", active=50)
    assert len(fig.to_json()) <= 100_000


def test_the_tanh_figure_puts_every_units_pre_activation_on_the_curve():
    inputs = build_inputs("i like brachiosaurus", "embedding", 4, 0)
    trace = run(make_cell("SimpleRNN", 4, 3, 0), inputs.xs)
    fig = cc.tanh_figure(trace, "en")
    dots = next(tr for tr in fig.data if tr.name == "steps")
    pre = np.array([step.pre for step in trace.steps]).ravel()  # (T × units,)
    assert np.allclose(dots.x, pre) and np.allclose(dots.y, np.tanh(pre))
    curve = next(tr for tr in fig.data if tr.name == "tanh")
    assert min(curve.x) <= min(-3, pre.min()) and max(curve.x) >= max(3, pre.max())  # the bends and every dot
    assert cc.activation_ranges(trace) == pytest.approx((pre.min(), pre.max(), trace.h.min(), trace.h.max()))
    assert fig.layout.yaxis.title.text == t("hidden_tanh_y", "en")
