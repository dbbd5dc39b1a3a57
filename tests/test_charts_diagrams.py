"""Tests for rnnviz.charts_diagrams and rnnviz.charts_cell_diagrams: the book's diagrams print the trace's numbers.

Numbers are read back from the figures' labels (as a learner reads them) and compared with the
trace, or with values computed here from the cell's weights.
"""

import json
import re

import numpy as np
import pytest
from plotly.colors import sample_colorscale

from rnnviz import charts_cell_diagrams as ccd
from rnnviz import charts_diagrams as cd
from rnnviz.cells import make_cell, run
from rnnviz.charts import GATE_SCALE, PALETTE
from rnnviz.charts_cells import sub
from rnnviz.i18n import t
from rnnviz.inputs import REPEATED_WORD_SENTENCE, build_inputs, repeated_word

WORDS = ("the quick brown fox jumps over the lazy dog and then it runs far away into the deep dark forest").split()
SENTENCES = {1: "hello", 3: "i like brachiosaurus", 20: " ".join(WORDS)}


def _run(kind, units, n_tokens, encoding="embedding", seed=3):
    inputs = build_inputs(SENTENCES[n_tokens], encoding, features=4, seed=seed)
    cell = make_cell(kind, inputs.input_dim, units, seed=seed)
    return inputs, cell, run(cell, inputs.xs)


def _annotation(fig, name):
    found = [a for a in fig.layout.annotations if a.name == name]
    assert len(found) == 1, (name, len(found))
    return found[0]


def _shape(fig, name):
    return next(s for s in fig.layout.shapes if s.name == name)


def _numbers(text):
    """The decimal numbers a label prints (the "id 4" of a one-hot label is no decimal)."""
    return [float(x) for x in re.findall(r"-?\d+\.\d+", text)]


def _assert_prints(text, values):
    """The label prints the vector's first values, each within the 2-decimal rounding, '…' if cut."""
    values = np.asarray(values, dtype=float).ravel()
    printed = _numbers(text)
    shown = len(values) if len(values) <= cd.MAX_VECTOR_VALUES else cd.MAX_VECTOR_VALUES - 1
    assert len(printed) == shown, (text, values)
    np.testing.assert_allclose(printed, values[:shown], atol=0.005 + 1e-9)
    assert ("…" in text) == (shown < len(values))


def _actives(n_tokens):
    return sorted({1, (n_tokens + 1) // 2, n_tokens})


# --------------------------------------------------------------------------- the unrolled view


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("units", [1, 3, 8])
@pytest.mark.parametrize("n_tokens", [1, 3, 20])
def test_the_active_steps_arrows_print_its_vectors(lang, units, n_tokens):
    inputs, _, trace = _run("SimpleRNN", units, n_tokens)
    for active in _actives(n_tokens):
        fig = cd.unrolled_figure(trace, inputs.tokens, lang, active)
        step = trace.steps[active - 1]
        for name, symbol, values in (("value_x", sub("x", active), step.x_t),
                                     ("value_h_prev", sub("h", active - 1), step.h_tm1),
                                     ("value_h", sub("h", active), trace.h[active - 1])):
            text = _annotation(fig, name).text
            assert text.startswith(f"{symbol} = ["), text
            _assert_prints(text, values)
        assert fig.layout.meta["active"] == active
        steps = fig.layout.meta["steps"]
        assert active in steps and len(steps) <= cd.UNROLLED_STEPS
        assert steps == list(range(steps[0], steps[-1] + 1))  # one run of consecutive steps


def test_the_first_step_reads_h0_zero():
    inputs, _, trace = _run("SimpleRNN", 3, 3)
    fig = cd.unrolled_figure(trace, inputs.tokens, "en", 1)
    assert _annotation(fig, "h_start").text == "h₀ = 0"
    assert _numbers(_annotation(fig, "value_h_prev").text) == [0.0, 0.0, 0.0]


def test_moving_the_step_moves_the_frame_and_the_numbers():
    inputs, _, trace = _run("SimpleRNN", 3, 20)
    texts = set()
    for active in (2, 9, 17):
        fig = cd.unrolled_figure(trace, inputs.tokens, "en", active)
        framed = [s.name for s in fig.layout.shapes if s.name and s.name.startswith("box_")
                  and s.line.color == PALETTE["marker"]]
        assert framed == [f"box_{active}"]
        widths = {s.name: s.line.width for s in fig.layout.shapes if s.name and s.name.startswith("box_")}
        assert widths.pop(f"box_{active}") > max(widths.values())  # the chosen step's frame is the thickest
        dotted = sorted(int(s.name[4:]) for s in fig.layout.shapes
                        if s.name and s.name.startswith("box_") and s.line.dash == "dot")
        assert dotted == [s for s in fig.layout.meta["steps"] if s > active]  # not read yet
        assert inputs.tokens[active - 1] in _annotation(fig, f"token_{active}").text
        texts.add(_annotation(fig, "value_h").text)
    assert len(texts) == 3


def test_every_unrolled_box_shows_the_same_weights():
    inputs, _, trace = _run("SimpleRNN", 3, 20)
    fig = cd.unrolled_figure(trace, inputs.tokens, "ko", 10)
    steps = fig.layout.meta["steps"]
    labels = {_annotation(fig, f"weights_{s}").text for s in steps}
    assert labels == {_annotation(fig, "folded_weights").text} == {cd.WEIGHTS_LABEL}
    assert all(name in cd.WEIGHTS_LABEL for name in ("W<sub>x</sub>", "W<sub>h</sub>", "b"))
    boxes = [s for s in fig.layout.shapes if s.name and s.name.startswith("box_")]
    assert len(boxes) == len(steps) == cd.UNROLLED_STEPS


def test_a_long_sentence_shows_a_window_with_ellipses():
    inputs, _, trace = _run("SimpleRNN", 3, 20)
    fig = cd.unrolled_figure(trace, inputs.tokens, "en", 10)
    steps = fig.layout.meta["steps"]
    assert steps[0] > 1 and steps[-1] < 20
    assert _annotation(fig, "h_start").text == "…" and _annotation(fig, "h_end").text == "…"
    end = cd.unrolled_figure(trace, inputs.tokens, "en", 20)
    assert end.layout.meta["steps"][-1] == 20
    assert not [a for a in end.layout.annotations if a.name == "h_end"]  # nothing after the last step
    assert cd.step_window(1, 3, 2, cd.UNROLLED_STEPS) == range(1, 4)


def test_one_hot_inputs_say_where_their_one_is():
    inputs, _, trace = _run("SimpleRNN", 3, 3, encoding="onehot")
    fig = cd.unrolled_figure(trace, inputs.tokens, "en", 2)
    assert f"(id {inputs.ids[1]})" in _annotation(fig, "value_x").text


# --------------------------------------------------------------------------- Dense vs. SimpleRNN


def _outputs(fig, row):
    trace = next(tr for tr in fig.data if tr.name == f"{row}_outputs")
    colours = np.asarray(trace.marker.color, dtype=float)
    steps = [int(c[0]) for c in trace.customdata]
    return {s: colours[[i for i, x in enumerate(steps) if x == s]] for s in dict.fromkeys(steps)}


@pytest.mark.parametrize("units", [1, 3, 8])
def test_dense_repeats_for_a_repeated_word_and_simplernn_does_not(units):
    inputs = build_inputs(REPEATED_WORD_SENTENCE, features=4, seed=0)
    cell = make_cell("SimpleRNN", inputs.input_dim, units, seed=0)
    trace = run(cell, inputs.xs)
    fig = cd.feedforward_vs_recurrent_figure(trace, inputs.tokens, "en", 6)
    dense, rnn = _outputs(fig, "dense"), _outputs(fig, "rnn")
    expected = np.tanh(inputs.xs @ cell.kernel + cell.bias)  # (T, units): the cell without W_h
    np.testing.assert_allclose(np.stack([dense[s] for s in range(1, 10)]), expected)
    np.testing.assert_allclose(np.stack([rnn[s] for s in range(1, 10)]), trace.h)
    for first, again in ((1, 6), (2, 7)):  # "i" and "like"
        np.testing.assert_array_equal(dense[first], dense[again])
        assert not np.allclose(rnn[first], rnn[again])
    _assert_prints(_annotation(fig, "dense_value").text, expected[5])
    _assert_prints(_annotation(fig, "rnn_value").text, trace.h[5])
    # Only the SimpleRNN passes h from step to step; both show the whole example.
    names = [a.name for a in fig.layout.annotations]
    assert not [n for n in names if n.startswith("dense_arrow_h")]
    assert [n for n in names if n.startswith("rnn_arrow_h")] == [f"rnn_arrow_h_{s}" for s in range(0, 9)]
    assert fig.layout.meta["steps"] == list(range(1, 10))
    same = [s.name for s in fig.layout.shapes if s.line.dash == "dash"]
    assert same == ["dense_box_1", "rnn_box_1"]  # the other "i", framed dashed


def test_dense_vs_recurrent_windows_a_long_sentence():
    inputs, _, trace = _run("SimpleRNN", 3, 20)
    fig = cd.feedforward_vs_recurrent_figure(trace, inputs.tokens, "ko", 15)
    steps = fig.layout.meta["steps"]
    assert 15 in steps and len(steps) == cd.COMPARED_STEPS
    assert _annotation(fig, "rnn_h_start").text == "…"
    assert _annotation(fig, "dense_title").text == t("diagrams_dense", "ko")


# --------------------------------------------------------------------------- LSTM and GRU cells


GATES = {"LSTM": ("f", "i", "o", "c_hat"), "GRU": ("z", "r", "hh")}


@pytest.mark.parametrize("kind", ["LSTM", "GRU"])
@pytest.mark.parametrize("units", [1, 3, 8])
@pytest.mark.parametrize("n_tokens", [1, 3, 20])
def test_gate_boxes_show_the_steps_gate_values(kind, units, n_tokens):
    inputs, _, trace = _run(kind, units, n_tokens)
    for active in _actives(n_tokens):
        step = trace.steps[active - 1]
        fig = ccd.cell_diagram_figure(kind, step, active, "en")
        assert fig.layout.meta["kind"] == kind and fig.layout.meta["t"] == active
        for gate in GATES[kind]:
            values = getattr(step, gate)
            text = _annotation(fig, f"gate_{gate}").text
            if units <= ccd.MAX_GATE_VALUES:
                np.testing.assert_allclose(_numbers(text), values, atol=0.005 + 1e-9)
            else:
                assert text.startswith("mean ")
                np.testing.assert_allclose(_numbers(text), [values.mean()], atol=0.005 + 1e-9)
            if gate not in ("c_hat", "hh"):  # a gate's box is filled with its mean on the 0..1 scale
                assert _shape(fig, f"gate_box_{gate}").fillcolor == sample_colorscale(GATE_SCALE, [values.mean()])[0]
        _assert_prints(_annotation(fig, "value_x").text, step.x_t)
        _assert_prints(_annotation(fig, "value_h_prev").text, step.h_tm1)
        _assert_prints(_annotation(fig, "value_h").text, step.h_t)


def test_lstm_arrows_carry_the_cell_state_and_its_parts():
    inputs, _, trace = _run("LSTM", 3, 3)
    step = trace.steps[2]
    fig = ccd.lstm_cell_figure(step, 3, "ko")
    _assert_prints(_annotation(fig, "value_c_prev").text, step.c_tm1)
    _assert_prints(_annotation(fig, "value_c").text, step.c_t)
    fc, ic = (np.array(_numbers(_annotation(fig, n).text)) for n in ("value_fc", "value_ic"))
    np.testing.assert_allclose(fc, step.f * step.c_tm1, atol=0.005 + 1e-9)
    np.testing.assert_allclose(ic, step.i * step.c_hat, atol=0.005 + 1e-9)
    np.testing.assert_allclose(fc + ic, step.c_t, atol=0.01 + 1e-9)  # c_t = f ⊙ c_(t−1) + i ⊙ c̃, as drawn
    tanh_c = np.array(_numbers(_annotation(fig, "value_tanh_c").text))
    np.testing.assert_allclose(step.o * tanh_c, step.h_t, atol=0.01)  # h_t = o ⊙ tanh(c_t)
    assert t("diagrams_gate_f", "ko") in _annotation(fig, "gate_title_f").text
    assert _annotation(fig, "value_c_prev").text.startswith(f"{sub('c', 2)} = ")


def test_gru_draws_keras_convention_z_keeps_the_old_state():
    inputs, _, trace = _run("GRU", 3, 3)
    step = trace.steps[1]
    fig = ccd.gru_cell_figure(step, 2, "en")
    kept = np.array(_numbers(_annotation(fig, "value_zh").text))
    new = np.array(_numbers(_annotation(fig, "value_zhh").text))
    one_minus_z = np.array(_numbers(_annotation(fig, "value_one_minus_z").text))
    np.testing.assert_allclose(kept, step.z * step.h_tm1, atol=0.005 + 1e-9)
    np.testing.assert_allclose(one_minus_z, 1 - step.z, atol=0.005 + 1e-9)
    np.testing.assert_allclose(new, (1 - step.z) * step.hh, atol=0.005 + 1e-9)
    np.testing.assert_allclose(kept + new, step.h_t, atol=0.01 + 1e-9)  # the two arrows into + make h_t


# --------------------------------------------------------------------------- the same word twice


@pytest.mark.parametrize("kind", ["SimpleRNN", "LSTM", "GRU"])
def test_the_same_word_shows_the_same_input_and_different_states(kind):
    inputs = build_inputs(REPEATED_WORD_SENTENCE, features=4, seed=0)
    trace = run(make_cell(kind, inputs.input_dim, 3, seed=0), inputs.xs)
    repeat = repeated_word(trace, inputs.tokens, "like")
    fig = cd.repeated_word_figure(repeat, "en")
    bars = {(tr.meta["field"], tr.meta["step"]): np.asarray(tr.y) for tr in fig.data}
    assert fig.layout.meta["steps"] == [2, 7] and fig.layout.meta["token"] == "like"
    np.testing.assert_array_equal(bars["x_t", 2], bars["x_t", 7])
    np.testing.assert_array_equal(bars["x_t", 2], inputs.xs[1])
    np.testing.assert_array_equal(bars["h_tm1", 7], trace.h[5])
    np.testing.assert_array_equal(bars["h_t", 7], trace.h[6])
    assert not np.allclose(bars["h_t", 2], bars["h_t", 7])
    assert [a.text for a in fig.layout.annotations] == [t(k, "en") for k in
                                                       ("diagrams_same_x", "diagrams_prev_h", "diagrams_new_h")]


# --------------------------------------------------------------------------- every figure


def _every_figure(lang="en", units=8):
    inputs, _, simple = _run("SimpleRNN", units, 20)
    rep_inputs = build_inputs(REPEATED_WORD_SENTENCE)
    rep_trace = run(make_cell("SimpleRNN", rep_inputs.input_dim, units), rep_inputs.xs)
    figures = {"unrolled": cd.unrolled_figure(simple, inputs.tokens, lang, 5),
               "dense": cd.feedforward_vs_recurrent_figure(simple, inputs.tokens, lang, 5),
               "repeat": cd.repeated_word_figure(repeated_word(rep_trace, rep_inputs.tokens), lang)}
    for kind in ("LSTM", "GRU"):
        trace = _run(kind, units, 3)[2]
        figures[kind] = ccd.cell_diagram_figure(kind, trace.steps[1], 2, lang)
    return figures


def _font_sizes(fig):
    spec = json.loads(fig.to_json())  # the figure as the browser gets it: valid JSON
    sizes = [spec["layout"]["font"]["size"]]
    sizes += [a["font"]["size"] for a in spec["layout"].get("annotations", []) if "size" in a.get("font", {})]
    for trace in spec["data"]:
        if "size" in trace.get("textfont", {}):
            sizes.append(trace["textfont"]["size"])
        colorbar = trace.get("marker", {}).get("colorbar", {})
        sizes += [colorbar[k]["size"] for k in ("tickfont",) if k in colorbar]
    return sizes


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_figure_is_valid_large_and_untitled(lang):
    for name, fig in _every_figure(lang).items():
        assert min(_font_sizes(fig)) >= 14, name
        assert 380 <= fig.layout.height <= 460, name
        assert not fig.layout.title.text, name  # the page's caption names it
        assert not fig.frames and not fig.layout.sliders, name  # the page's one step control drives it


def test_first_skips_the_steps_before_it():
    """The review page starts after its padding: nothing before `first` is drawn."""
    inputs, _, trace = _run("SimpleRNN", 3, 20)
    for figure in (cd.unrolled_figure, cd.feedforward_vs_recurrent_figure):
        fig = figure(trace, inputs.tokens, "en", 5, first=4)
        assert fig.layout.meta["steps"][0] == 4, figure.__name__
