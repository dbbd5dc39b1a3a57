"""Tests for rnnviz.charts_cells: the figures hold exactly the traces' numbers."""

import numpy as np
import plotly.graph_objects as go
import pytest

from rnnviz import charts_cells as cc
from rnnviz import stepper
from rnnviz.cells import param_count, run
from rnnviz.charts import GATE_SCALE, PALETTE

SENTENCE = "the cat saw the dog and the dog ran"


def _trace(kind, units=3, encoding="embedding", text=SENTENCE, seed=1):
    inputs = stepper.build_inputs(text, encoding, features=4, seed=seed)
    cell = stepper.make_cell(kind, inputs.input_dim, units, seed=seed)
    return inputs, cell, run(cell, inputs.xs)


def _by_type(fig, kind):
    return [trace for trace in fig.data if trace.type == kind]


# --------------------------------------------------------------------------- SimpleRNN


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("units", [1, 3, 8])
def test_hidden_animation_has_one_frame_per_timestep_with_the_traces_values(lang, units):
    inputs, _, trace = _trace("SimpleRNN", units)
    fig = cc.hidden_animation_figure(trace, inputs.tokens, lang)
    T = inputs.timesteps
    assert len(fig.frames) == T
    assert [f.name for f in fig.frames] == [str(t) for t in range(1, T + 1)]
    for k, frame in enumerate(fig.frames):
        step = trace.steps[k]
        x_bar, h_prev_bar, h_bar, cursor = frame.data
        np.testing.assert_array_equal(x_bar.y, step.x_t)
        np.testing.assert_array_equal(h_prev_bar.y, step.h_tm1)
        np.testing.assert_array_equal(h_bar.y, trace.h[k])
        assert min(cursor.x) == k + 0.5 and max(cursor.x) == k + 1.5  # frames column t = k + 1
        assert list(frame.traces) == [0, 1, 2, 4]


def test_hidden_animation_traces_line_up_with_the_frames():
    inputs, _, trace = _trace("SimpleRNN")
    fig = cc.hidden_animation_figure(trace, inputs.tokens, "en", active=4)
    heatmap = fig.data[3]
    assert heatmap.type == "heatmap"
    np.testing.assert_array_equal(np.asarray(heatmap.z), trace.h.T)
    for index in fig.frames[0].traces:  # the frames update traces of the same type
        assert fig.data[index].type == fig.frames[0].data[list(fig.frames[0].traces).index(index)].type
    np.testing.assert_array_equal(fig.data[2].y, trace.h[3])  # starts at the page's step
    assert fig.layout.sliders[0].active == 3
    assert len(fig.layout.sliders[0].steps) == inputs.timesteps
    assert list(fig.layout.sliders[0].steps[1].args[0]) == ["2"]
    methods = [b.method for b in fig.layout.updatemenus[0].buttons]
    assert methods == ["animate", "animate"]  # play and pause, in the browser
    assert fig.layout.updatemenus[0].buttons[0].args[1]["fromcurrent"] is True


def test_one_hot_inputs_are_labelled_by_id():
    inputs, _, trace = _trace("SimpleRNN", encoding="onehot")
    fig = cc.hidden_animation_figure(trace, inputs.tokens, "en", onehot=True)
    assert list(fig.layout.xaxis.ticktext) == [str(i) for i in range(inputs.input_dim)]
    assert list(cc.hidden_animation_figure(trace, inputs.tokens, "en").layout.xaxis.ticktext)[:2] == ["x₁", "x₂"]


def test_hidden_animation_colours():
    inputs, _, trace = _trace("SimpleRNN")
    fig = cc.hidden_animation_figure(trace, inputs.tokens, "en")
    assert fig.data[0].marker.color == PALETTE["input"]
    assert fig.data[2].marker.color == PALETTE["hidden"]


def test_hidden_heatmap_is_h_transposed_with_tokens_on_x():
    inputs, cell, trace = _trace("SimpleRNN", units=5)
    fig = cc.hidden_animation_figure(trace, inputs.tokens, "ko", active=2)
    heatmap = _by_type(fig, "heatmap")[0]
    np.testing.assert_array_equal(np.asarray(heatmap.z), run(cell, inputs.xs).h.T)
    assert (heatmap.zmin, heatmap.zmax) == (-1, 1)
    assert fig.layout.xaxis4.ticktext[1] == "2<br>cat"
    assert list(fig.layout.yaxis4.ticktext) == ["h₁", "h₂", "h₃", "h₄", "h₅"]


def test_step_labels_shorten_long_tokens():
    assert cc.step_labels(["a", "brachiosaurusrex"]) == ["1<br>a", "2<br>brachiosaur…"]


def test_weights_figure_shows_the_cells_weights_under_the_ledger_terms():
    inputs, cell, _ = _trace("SimpleRNN", units=3, encoding="onehot")
    terms = stepper.ledger_terms(param_count("SimpleRNN", inputs.input_dim, 3))
    fig = cc.weights_figure(cell, "en", terms, highlight_row=4, row_labels=stepper.feature_labels(inputs))
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
def test_cell_animation_frames_hold_the_gates_and_states(kind, lang):
    inputs, _, trace = _trace(kind, units=3)
    fig = cc.cell_animation_figure(kind, trace, inputs.tokens, lang, active=2)
    assert len(fig.frames) == inputs.timesteps
    names = cc.GATE_NAMES[kind]
    for k, frame in enumerate(fig.frames):
        step = trace.steps[k]
        gates = frame.data[0]
        np.testing.assert_array_equal(gates.y, np.concatenate([getattr(step, g) for g in names]))
        np.testing.assert_array_equal(gates.marker.color, gates.y)  # coloured by value
        bars = frame.data[1:-1]
        expected = cc.state_bars(kind, step)
        assert len(bars) == len(expected)
        for bar, (_, values, _, _) in zip(bars, expected):
            np.testing.assert_array_equal(bar.y, values)
        np.testing.assert_array_equal(bars[-1].y, trace.h[k])  # the last state bar is h_t
        if kind == "LSTM":
            np.testing.assert_array_equal(bars[2].y, trace.c[k])
    assert fig.data[0].marker.cmin == 0 and fig.data[0].marker.cmax == 1  # gates on 0..1
    heatmap = _by_type(fig, "heatmap")[0]
    z, labels = cc.states_over_time(kind, trace)
    np.testing.assert_array_equal(np.asarray(heatmap.z), z)
    if kind == "LSTM":
        np.testing.assert_array_equal(z, np.concatenate([trace.c.T, trace.h.T]))
        assert labels[0] == "c₁" and labels[3] == "h₁"
    else:
        np.testing.assert_array_equal(z, trace.h.T)
    # the traces the frames name are the traces of the same kind in fig.data
    for position, index in enumerate(fig.frames[0].traces):
        assert fig.data[index].type == fig.frames[0].data[position].type
    np.testing.assert_array_equal(fig.data[0].y, fig.frames[1].data[0].y)  # starts at `active`


def test_gate_colour_scale_is_the_apps():
    inputs, _, trace = _trace("LSTM")
    fig = cc.cell_animation_figure("LSTM", trace, inputs.tokens, "en")
    scale = go.Figure(go.Bar(marker=dict(colorscale=GATE_SCALE))).data[0].marker.colorscale
    assert fig.data[0].marker.colorscale == scale


# --------------------------------------------------------------------------- memory


def test_fading_figure_has_one_line_per_kind_on_a_log_axis():
    curves = stepper.fading(60)
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
def test_a_100_step_animation_stays_under_a_megabyte(kind):
    xs = stepper.fading_inputs(100, 8, seed=0)
    trace = run(stepper.make_cell(kind, 8, 8), xs)
    tokens = [f"w{i}" for i in range(100)]
    if kind == "SimpleRNN":
        fig = cc.hidden_animation_figure(trace, tokens, "en")
    else:
        fig = cc.cell_animation_figure(kind, trace, tokens, "en")
    assert len(fig.frames) == 100
    assert len(fig.to_json()) <= 1_000_000
