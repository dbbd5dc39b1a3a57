"""The equations of one cell step with the trace's numbers written in, as LaTeX (book 9-1, 9-3).

SimpleRNN, LSTM and GRU each get one equation a line, symbols coloured as on the charts
(x blue, h vermillion, c green), every vector the trace's own numbers rounded to `DIGITS`.

Pure Python + numpy: it never imports streamlit, plotly, tensorflow, keras or jax.
"""

from __future__ import annotations

import numpy as np

from rnnviz.formatting import fixed
from rnnviz.inputs import MAX_SIZE

__all__ = ["DIGITS", "equation_latex", "vector_latex"]

DIGITS = 2  # decimals of the numbers written into equations

_X = "#0072B2"  # PALETTE["input"], repeated here so this module stays free of Plotly
_H = "#D55E00"  # PALETTE["hidden"]
_C = "#009E73"  # PALETTE["cell"]


def vector_latex(values, digits=DIGITS):
    """A row vector as LaTeX: ``\\begin{bmatrix} 0.12 & -0.50 \\end{bmatrix}``."""
    return r"\begin{bmatrix}" + " & ".join(fixed(v, digits) for v in values) + r"\end{bmatrix}"


def _sym(name, colour, t=None):
    sub = f"_{{{t}}}" if t is not None else ""
    return rf"\textcolor{{{colour}}}{{\mathbf{{{name}}}{sub}}}"


def _x_latex(x_t, digits):
    """x_t as a vector, or, for a long one-hot vector, which id holds the 1."""
    hot = np.flatnonzero(x_t)
    if len(x_t) > MAX_SIZE and len(hot) == 1 and x_t[hot[0]] == 1.0:
        return rf"\text{{one-hot}}({hot[0]}) \in \{{0, 1\}}^{{{len(x_t)}}}"
    return vector_latex(x_t, digits)


def _equation(lhs, symbolic, *numeric, wide=False):
    """``lhs = symbolic = numeric[0] = numeric[1] ...`` as aligned lines.

    The symbolic form gets a line of its own; the numbers follow on one line, or
    one line each when ``wide`` (many units would run off the screen).
    """
    if wide:
        return [rf"{lhs} &= {symbolic}"] + [rf"&= {n}" for n in numeric]
    return [rf"{lhs} &= {symbolic}", "&= " + " = ".join(numeric)]


def _sum_of_products(a, b, c, d, wide=False):
    """``= a ⊙ b + c ⊙ d`` as aligned lines: two, or one vector a line when ``wide``."""
    if wide:
        return [rf"&= {a}", rf"&\quad \odot {b}", rf"&\quad + {c}", rf"&\quad \odot {d}"]
    return [rf"&= {a} \odot {b}", rf"&\quad + {c} \odot {d}"]


def _simple_rnn_latex(s, t, digits, wide):
    v = lambda a: vector_latex(a, digits)  # noqa: E731
    x, h_prev, h = _sym("x", _X, t), _sym("h", _H, t - 1), _sym("h", _H, t)
    return [
        rf"{x} &= {_x_latex(s.x_t, digits)}",
        rf"{h_prev} &= {v(s.h_tm1)}",
        rf"{x} W_x &= {v(s.xw)}",
        rf"{h_prev} W_h &= {v(s.hw)}",
        rf"\mathbf{{b}} &= {v(s.b)}",
        *_equation(h, rf"\tanh({x} W_x + {h_prev} W_h + \mathbf{{b}})",
                   rf"\tanh\left({v(s.pre)}\right)", v(s.h_t), wide=wide),
    ]


def _lstm_latex(s, t, digits, wide):
    u = len(s.h_t)
    v = lambda a: vector_latex(a, digits)  # noqa: E731
    x, h_prev = _sym("x", _X, t), _sym("h", _H, t - 1)
    c_prev, c, h = _sym("c", _C, t - 1), _sym("c", _C, t), _sym("h", _H, t)
    pre = {name: s.pre[k * u:(k + 1) * u] for k, name in enumerate("ifco")}  # (units,) per block

    def gate(sym, fn, name, value):
        return _equation(sym, rf"{fn}({x} W_{name} + {h_prev} U_{name} + \mathbf{{b}}_{name})",
                         rf"{fn}\left({v(pre[name])}\right)", v(value), wide=wide)

    return [
        rf"{x} &= {_x_latex(s.x_t, digits)}",
        rf"{h_prev} &= {v(s.h_tm1)}",
        rf"{c_prev} &= {v(s.c_tm1)}",
        *gate(r"\mathbf{i}", r"\sigma", "i", s.i),
        *gate(r"\mathbf{f}", r"\sigma", "f", s.f),
        *gate(r"\tilde{\mathbf{c}}", r"\tanh", "c", s.c_hat),
        *gate(r"\mathbf{o}", r"\sigma", "o", s.o),
        rf"{c} &= \mathbf{{f}} \odot {c_prev} + \mathbf{{i}} \odot \tilde{{\mathbf{{c}}}}",
        *_sum_of_products(v(s.f), v(s.c_tm1), v(s.i), v(s.c_hat), wide=wide),
        rf"&= {v(s.c_t)}",
        *_equation(h, rf"\mathbf{{o}} \odot \tanh({c})",
                   rf"{v(s.o)} \odot \tanh\left({v(s.c_t)}\right)", v(s.h_t), wide=wide),
    ]


def _gru_latex(s, t, digits, wide):
    v = lambda a: vector_latex(a, digits)  # noqa: E731
    x, h_prev, h = _sym("x", _X, t), _sym("h", _H, t - 1), _sym("h", _H, t)
    hh = r"\tilde{\mathbf{h}}"

    def gate(sym, name, pre, value):
        return _equation(sym, rf"\sigma({x} W_{name} + \mathbf{{b}}_{name} + {h_prev} U_{name} + "
                              rf"\mathbf{{b}}'_{name})",
                         rf"\sigma\left({v(pre)}\right)", v(value), wide=wide)

    return [
        rf"{x} &= {_x_latex(s.x_t, digits)}",
        rf"{h_prev} &= {v(s.h_tm1)}",
        *gate(r"\mathbf{z}", "z", s.z_pre, s.z),
        *gate(r"\mathbf{r}", "r", s.r_pre, s.r),
        *_equation(hh, rf"\tanh({x} W_h + \mathbf{{b}}_h + \mathbf{{r}} \odot ({h_prev} U_h + "
                       rf"\mathbf{{b}}'_h))", rf"\tanh\left({v(s.hh_pre)}\right)", v(s.hh), wide=wide),
        rf"{h} &= \mathbf{{z}} \odot {h_prev} + (1 - \mathbf{{z}}) \odot {hh}",
        *_sum_of_products(v(s.z), v(s.h_tm1), v(1.0 - s.z), v(s.hh), wide=wide),
        rf"&= {v(s.h_t)}",
    ]


_EQUATIONS = {"SimpleRNN": _simple_rnn_latex, "LSTM": _lstm_latex, "GRU": _gru_latex}


def equation_latex(kind, step, t, digits=DIGITS, narrow=False):
    """The equations of one step with the trace's numbers written in, for ``st.latex``.

    Args:
        kind: "SimpleRNN", "LSTM" or "GRU".
        step: that cell's trace of step ``t`` (``run(...).steps[t - 1]``).
        t: the timestep, counted from 1 as in the book (``h_0`` is the zero state).
        digits: decimals shown.
        narrow: for a column beside a chart: every vector on a line of its own, smaller type.

    Returns:
        One LaTeX ``aligned`` block, one equation per line; x is blue, h vermillion, c green;
        smaller type for more than 4 units.
    """
    many = len(step.h_t) > 4  # 8 numbers a vector must fit the page
    lines = _EQUATIONS[kind](step, t, digits, wide=many or narrow)
    size = r"\footnotesize " if many else r"\small " if narrow else ""
    return size + r"\begin{aligned}" + r" \\[4pt] ".join(lines) + r"\end{aligned}"
