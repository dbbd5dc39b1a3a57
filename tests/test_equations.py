"""Tests for rnnviz.equations: the LaTeX of one step holds exactly the trace's numbers, rounded."""

import re

import numpy as np
import pytest

from rnnviz import equations, inputs
from rnnviz.cells import CELLS, make_cell, run

KINDS = sorted(CELLS)


_MATRIX = re.compile(r"\\begin\{bmatrix\}(.*?)\\end\{bmatrix\}")


def _vectors(latex):
    """Every bmatrix of a LaTeX string, as float arrays, in order."""
    return [np.array([float(x) for x in body.split("&")]) for body in _MATRIX.findall(latex)]


def _expected(kind, s):
    u = len(s.h_t)
    if kind == "SimpleRNN":
        return [s.x_t, s.h_tm1, s.xw, s.hw, s.b, s.pre, s.h_t]
    if kind == "LSTM":
        pre = [s.pre[k * u:(k + 1) * u] for k in range(4)]
        return [s.x_t, s.h_tm1, s.c_tm1, pre[0], s.i, pre[1], s.f, pre[2], s.c_hat, pre[3], s.o,
                s.f, s.c_tm1, s.i, s.c_hat, s.c_t, s.o, s.c_t, s.h_t]
    return [s.x_t, s.h_tm1, s.z_pre, s.z, s.r_pre, s.r, s.hh_pre, s.hh,
            s.z, s.h_tm1, 1 - s.z, s.hh, s.h_t]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("units", [3, 8])
def test_equation_numbers_are_the_trace_rounded(kind, units):
    seq = inputs.build_inputs("the cat saw the dog", features=4, seed=5)
    trace = run(make_cell(kind, seq.input_dim, units, seed=5), seq.xs)
    for t, step in enumerate(trace.steps, start=1):
        latex = equations.equation_latex(kind, step, t)
        shown, expected = _vectors(latex), _expected(kind, step)
        assert len(shown) == len(expected)
        for got, want in zip(shown, expected):
            np.testing.assert_allclose(got, want, atol=0.005 + 1e-12)
        assert rf"\mathbf{{h}}_{{{t}}}" in latex and rf"\mathbf{{h}}_{{{t - 1}}}" in latex


@pytest.mark.parametrize("kind", KINDS)
def test_a_narrow_equation_has_the_same_numbers_one_vector_a_line(kind):
    """Beside the chart (narrow=True) no line holds two results: ``= f(...)`` and ``= [...]`` split."""
    seq = inputs.build_inputs("the cat saw", features=4, seed=5)
    step = run(make_cell(kind, seq.input_dim, 3, seed=5), seq.xs).steps[1]
    wide, narrow = equations.equation_latex(kind, step, 2), equations.equation_latex(kind, step, 2, narrow=True)
    assert [v.tolist() for v in _vectors(narrow)] == [v.tolist() for v in _vectors(wide)]
    assert narrow.startswith(r"\small ") and not wide.startswith(r"\small")
    assert narrow.count(r"\\[4pt]") > wide.count(r"\\[4pt]")
    assert not any(line.count(r"\end{bmatrix}") > 2 for line in narrow.split(r"\\[4pt]"))


def test_equation_at_t1_shows_h0_as_zeros():
    seq = inputs.build_inputs(inputs.DEFAULT_SENTENCE)
    trace = run(make_cell("SimpleRNN", 4, 3), seq.xs)
    latex = equations.equation_latex("SimpleRNN", trace.steps[0], 1)
    assert r"\mathbf{h}_{0}" in latex
    np.testing.assert_array_equal(_vectors(latex)[1], np.zeros(3))


def test_long_one_hot_input_is_written_as_its_id():
    seq = inputs.build_inputs("a b c d e f g h i j", "onehot")  # 14 > MAX_SIZE entries
    trace = run(make_cell("GRU", seq.input_dim, 2), seq.xs)
    latex = equations.equation_latex("GRU", trace.steps[1], 2)
    assert rf"\text{{one-hot}}({seq.ids[1]})" in latex
    assert "-0.00" not in latex


def test_no_negative_zero():
    assert equations.vector_latex([-0.001, 0.004, -0.006]) == r"\begin{bmatrix}0.00 & 0.00 & -0.01\end{bmatrix}"
