"""What the timestep pages compute around the cells (book sections 9-1 and 9-3).

The cells themselves live in `rnnviz.cells`; this module builds what the
"Hidden state, step by step" and "LSTM and GRU cells" pages show around them:

* the input sequence of a typed sentence: one vector per token, from a seeded
  embedding table or a one-hot encoding over the sentence's own vocabulary
  (`text.Vocabulary.fit`, so ids follow Keras's IMDB convention, 0/1/2 reserved);
* the equations of one step with the numbers of the trace written in (LaTeX);
* the output shapes of a recurrent layer with and without ``return_sequences`` and
  of two stacked layers, as Keras's ``model.output_shape`` reports them;
* runnable Keras code that rebuilds the page's model with the page's weights;
* memory fading: `cells.influence` of every timestep for the three cells, at the book's
  layer size, with both gated cells' keep gates starting equally open (`fading_cell`).

Pure Python + numpy: it never imports streamlit, tensorflow, keras or jax.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from rnnviz.cells import CELLS, influence, param_count, run
from rnnviz.text import INDEX_FROM, Vocabulary, tokenize

__all__ = [
    "bounded_int",
    "one_of",
    "onehot_text",
    "DEFAULT_SENTENCE",
    "ENCODINGS",
    "FADE_RANGE",
    "InputSequence",
    "MAX_CHARS",
    "MAX_SIZE",
    "MAX_STEPS",
    "OutputShapes",
    "RESERVED_IDS",
    "build_inputs",
    "embedding_table",
    "equation_latex",
    "fading",
    "fading_cell",
    "fading_inputs",
    "feature_labels",
    "gate_memory",
    "gru_quiz",
    "keras_code",
    "ledger_terms",
    "long_trace",
    "make_cell",
    "output_shapes",
    "quiz_param_options",
    "repeated_token",
    "shape_text",
    "shapes_code",
    "vector_latex",
]

DEFAULT_SENTENCE = "i like brachiosaurus"  # the book's one sample of 3 timesteps
ENCODINGS = ("embedding", "onehot")
MAX_STEPS = 30  # longer sentences are cut here: more columns no longer read on a projector
MAX_CHARS = 2_000  # a pasted novel is cut here before tokenizing
MAX_SIZE = 8  # features and units sliders go 1 .. MAX_SIZE
FADE_RANGE = (30, 100, 50)  # memory-fading sequence length: min, max, default
FADE_INPUT_DIM, FADE_UNITS = 16, 8  # memory-fading cells: the book's Embedding(500, 16) -> LSTM(8) / GRU(8)
FADE_KEEP_BIAS = 1.0  # keep-gate bias of both gated cells: LSTM's f (Keras) and GRU's z (here, to match)
DIGITS = 2  # decimals of the numbers written into equations
RESERVED_IDS = INDEX_FROM + 1  # ids 0 padding, 1 start, 2 OOV, 3 unused: one-hot has these too


# --------------------------------------------------------------------------- inputs


@dataclasses.dataclass(frozen=True, eq=False)
class InputSequence:
    """A sentence turned into the input of a recurrent layer.

    Attributes:
        tokens: the tokens, one per timestep (at most `MAX_STEPS`).
        ids: their ids in the sentence's own vocabulary (rank + 3, as in IMDB).
        xs: the input vectors ``x_1 .. x_T``, shape ``(T, input_dim)``.
        encoding: ``"embedding"`` or ``"onehot"``.
        vocabulary: `text.Vocabulary` fitted on the kept tokens.
        table: the embedding table ``(vocabulary.size, features)``; ``None`` for one-hot.
        notes: ``(i18n key, params)`` pairs saying what was cut or why nothing is left.
    """

    tokens: tuple[str, ...]
    ids: tuple[int, ...]
    xs: np.ndarray  # (T, input_dim)
    encoding: str
    vocabulary: Vocabulary
    table: np.ndarray | None  # (vocabulary.size, features)
    notes: tuple[tuple[str, dict], ...] = ()

    @property
    def timesteps(self) -> int:
        """``T``, the number of timesteps."""
        return len(self.tokens)

    @property
    def input_dim(self) -> int:
        """Features per timestep: the embedding size, or the vocabulary size for one-hot."""
        return self.xs.shape[1]


def embedding_table(vocab_size, features, seed=0):
    """A seeded stand-in for a trained ``Embedding(vocab_size, features)`` table.

    Values are uniform in [-1, 1] and rounded to 2 decimals, so the vectors shown
    are exactly the vectors used.

    Args:
        vocab_size: rows (one per id, reserved ids included).
        features: columns, the embedding size.
        seed: seed; the table differs from the cell's weights of the same seed.

    Returns:
        Array of shape ``(vocab_size, features)``.
    """
    rng = np.random.default_rng([seed, 9])  # a stream of its own, apart from the weights'
    return np.round(rng.uniform(-1.0, 1.0, size=(vocab_size, features)), 2)  # (V, features)


def build_inputs(sentence, encoding="embedding", features=4, seed=0,
                 max_steps=MAX_STEPS, max_chars=MAX_CHARS):
    """The input sequence of a sentence, one vector per token.

    The vocabulary is fitted on the sentence itself (`text.Vocabulary.fit`), so its
    words get ids 4, 5, ... in order of frequency; ids 0-3 stay reserved (padding,
    start, OOV, unused) as in Keras's IMDB data. ``"embedding"`` looks each id up in
    `embedding_table`; ``"onehot"`` makes a vector of ``vocabulary.size`` zeros with a 1
    at the id, as ``keras.utils.to_categorical`` does, so ``input_dim`` is then the
    vocabulary size and ``features`` is ignored.

    Args:
        sentence: any text; cut to ``max_chars`` characters, then to ``max_steps`` tokens.
        encoding: ``"embedding"`` or ``"onehot"``.
        features: embedding size, >= 1.
        seed: seed of the embedding table.
        max_steps: most timesteps kept (the first ones).
        max_chars: most characters read.

    Returns:
        An `InputSequence`; with no tokens, ``xs`` has shape ``(0, input_dim)`` and
        ``notes`` holds ``"step_empty"`` or ``"step_no_tokens"``.

    Raises:
        ValueError: unknown ``encoding``.
    """
    if encoding not in ENCODINGS:
        raise ValueError(f"encoding must be one of {ENCODINGS}, got {encoding!r}")
    notes = []
    text = sentence or ""
    if len(text) > max_chars:
        notes.append(("step_cut_chars", {"n": len(text), "limit": max_chars}))
        text = text[:max_chars]
    tokens = tokenize(text)
    if len(tokens) > max_steps:
        notes.append(("step_cut_steps", {"n": len(tokens), "limit": max_steps}))
        tokens = tokens[:max_steps]
    if not tokens:
        notes.append(("step_no_tokens", {}) if text.strip() else ("step_empty", {}))
    vocabulary = Vocabulary.fit([" ".join(tokens)])
    ids = vocabulary.encode(tokens, start=False)
    if encoding == "onehot":
        table = None
        xs = np.eye(vocabulary.size)[ids] if ids else np.zeros((0, vocabulary.size))
    else:
        table = embedding_table(vocabulary.size, features, seed)  # (V, features)
        xs = table[ids] if ids else np.zeros((0, features))  # (T, features)
    xs.setflags(write=False)
    return InputSequence(tuple(tokens), tuple(ids), xs, encoding, vocabulary, table, tuple(notes))


def feature_labels(inputs):
    """Names of the input features: ``x1, x2, ...``; for one-hot, each id with its word.

    >>> feature_labels(build_inputs("b a b", "onehot"))
    ['id 0 <pad>', 'id 1 <start>', 'id 2 <oov>', 'id 3', 'id 4 b', 'id 5 a']
    """
    if inputs.encoding != "onehot":
        return [f"x{k}" for k in range(1, inputs.input_dim + 1)]
    words = inputs.vocabulary.decode(range(inputs.input_dim))
    return [f"id {i}" if i == INDEX_FROM else f"id {i} {w}" for i, w in enumerate(words)]


def onehot_text(x_t):
    """A one-hot vector as one short line: a dot for each 0, its 1 where it is, a gap every 5 places.

    >>> onehot_text([0, 0, 0, 0, 1, 0, 0])
    '····1 ··'
    """
    marks = ["1" if v == 1 else "·" if v == 0 else f"{v:g}" for v in np.asarray(x_t).tolist()]
    return " ".join("".join(marks[i:i + 5]) for i in range(0, len(marks), 5))


def bounded_int(low, high, step=1):
    """A URL parser for `ui.setting`: an int clamped to ``low .. high``, on the slider's ``step`` grid.

    >>> bounded_int(10, 200, step=10)("5000"), bounded_int(10, 200, step=10)("-3"), bounded_int(10, 200, 10)("44")
    (200, 10, 40)
    """
    def parse(raw):
        value = min(max(int(raw), low), high)
        return low + (value - low) // step * step
    return parse


def one_of(options, convert=str):
    """A URL parser for `ui.setting`: the value (converted) if it is one of ``options``, else ValueError."""
    def parse(raw):
        value = convert(raw)
        if value not in options:
            raise ValueError(f"{raw!r} is not one of {options}")
        return value
    return parse


def repeated_token(tokens):
    """The first token that occurs more than once, with its timesteps (from 1); or None.

    >>> repeated_token(["the", "cat", "saw", "the", "dog"])
    ('the', [1, 4])
    """
    for token in dict.fromkeys(tokens):
        where = [i for i, tok in enumerate(tokens, start=1) if tok == token]
        if len(where) > 1:
            return token, where
    return None


def make_cell(kind, input_dim, units, seed=0):
    """A cell of ``kind`` ("SimpleRNN", "LSTM", "GRU") with Keras-style seeded weights."""
    return CELLS[kind].random(input_dim, units, seed=seed)


# --------------------------------------------------------------------------- equations

_X = "#0072B2"  # PALETTE["input"], repeated here so this module stays free of Plotly
_H = "#D55E00"  # PALETTE["hidden"]
_C = "#009E73"  # PALETTE["cell"]


def _num(value, digits=DIGITS):
    text = f"{value:.{digits}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text  # no "-0.00"


def vector_latex(values, digits=DIGITS):
    """A row vector as LaTeX: ``\\begin{bmatrix} 0.12 & -0.50 \\end{bmatrix}``."""
    return r"\begin{bmatrix}" + " & ".join(_num(v, digits) for v in values) + r"\end{bmatrix}"


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
                   rf"\tanh\left({v(s.z_pre)}\right)", v(s.h_t), wide=wide),
    ]


def _lstm_latex(s, t, digits, wide):
    u = len(s.h_t)
    v = lambda a: vector_latex(a, digits)  # noqa: E731
    x, h_prev = _sym("x", _X, t), _sym("h", _H, t - 1)
    c_prev, c, h = _sym("c", _C, t - 1), _sym("c", _C, t), _sym("h", _H, t)
    pre = {name: s.z_pre[k * u:(k + 1) * u] for k, name in enumerate("ifco")}

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


def ledger_terms(pc):
    """The three terms of ``pc.formula``: kernel, recurrent kernel and bias.

    >>> ledger_terms(param_count("SimpleRNN", 4, 3))
    ('4×3', '3×3', '3')
    """
    width = pc.gates * pc.units
    rows = pc.bias // width
    return (f"{pc.input_dim}×{width}", f"{pc.units}×{width}",
            f"{rows}×{width}" if rows > 1 else f"{width}")


# --------------------------------------------------------------------------- shapes


@dataclasses.dataclass(frozen=True)
class OutputShapes:
    """Output shapes as Keras's ``model.output_shape`` reports them (batch is ``None``).

    Attributes:
        last: ``SimpleRNN(units)``: the last hidden state only, ``(None, units)``.
        sequences: ``return_sequences=True``: every ``h_t``, ``(None, timesteps, units)``.
        stacked: two stacked layers: the first returns sequences, the second only its
            last state: ``((None, timesteps, units), (None, units2))``.
    """

    last: tuple
    sequences: tuple
    stacked: tuple[tuple, tuple]


def output_shapes(timesteps, units, units2=None):
    """Output shapes of one recurrent layer and of two stacked ones.

    Args:
        timesteps: sequence length ``T``.
        units: units of the (first) layer.
        units2: units of the second stacked layer; ``units`` if ``None``.

    Returns:
        An `OutputShapes`.
    """
    units2 = units if units2 is None else units2
    return OutputShapes(
        last=(None, units),
        sequences=(None, timesteps, units),
        stacked=((None, timesteps, units), (None, units2)),
    )


def shape_text(shape, batch="batch"):
    """``(None, 3, 3)`` written with a word for the batch: ``(batch, 3, 3)``."""
    return "(" + ", ".join(batch if d is None else str(d) for d in shape) + ")"


# --------------------------------------------------------------------------- Keras code


def _literal(a, digits):
    """A numpy array as a Python list literal, one row per line."""
    a = np.asarray(a)
    if a.ndim == 1:
        return "[" + ", ".join(_num(x, digits) for x in a) + "]"
    rows = ",\n        ".join(_literal(row, digits) for row in a)
    return "[\n        " + rows + ",\n    ]"


_WEIGHT_NAMES = {
    "SimpleRNN": ("W_x", "W_h", "b"),
    "LSTM": ("W: blocks i, f, c, o", "U: blocks i, f, c, o", "b: blocks i, f, c, o"),
    "GRU": ("W: blocks z, r, h", "U: blocks z, r, h", "b: row 0 input side, row 1 recurrent side"),
}


def keras_code(kind, inputs, cell, digits=4):
    """Runnable Keras code that rebuilds the page's layer, weights and input.

    Running it prints the layer's parameter count (the same as `cells.param_count`)
    and ``h_T``, the last hidden state, which equals the page's to about 3 decimals
    (the weights are written with ``digits`` decimals).

    Args:
        kind: "SimpleRNN", "LSTM" or "GRU".
        inputs: the page's `InputSequence` (at least one token).
        cell: the page's cell.
        digits: decimals of the weights written out.

    Returns:
        Python source that imports numpy and keras, nothing else.
    """
    T, units = inputs.timesteps, cell.units
    pc = param_count(kind, inputs.input_dim, units)
    words = " ".join(inputs.tokens)
    sample = words if len(words) <= 60 else words[:57] + "..."
    ids = "[[" + ", ".join(str(i) for i in inputs.ids) + "]]"
    V = inputs.vocabulary.size
    lines = ["import numpy as np", "import keras", "",
             f"# {sample!r}: 1 sample, {T} timesteps; ids from the sentence's own vocabulary"]
    if inputs.encoding == "onehot":
        lines += [f"x = keras.utils.to_categorical({ids}, num_classes={V})  # (1, {T}, {V}): one-hot",
                  "", f"rnn = keras.layers.{kind}({units})  # returns only the last h_t",
                  f"model = keras.Sequential([keras.Input(shape=({T}, {V})), rnn])"]
    else:
        lines += [f"x = np.array({ids})  # (1, {T}): token ids", "",
                  f"embedding = keras.layers.Embedding({V}, {inputs.input_dim})  # id -> {inputs.input_dim} features",
                  f"rnn = keras.layers.{kind}({units})  # returns only the last h_t",
                  f"model = keras.Sequential([keras.Input(shape=({T},)), embedding, rnn])",
                  f"embedding.set_weights([np.array({_literal(inputs.table, 2)})])  # ({V}, {inputs.input_dim})"]
    names = _WEIGHT_NAMES[kind]
    weights = cell.get_weights()
    lines += ["rnn.set_weights(["]
    for name, w in zip(names, weights):
        lines += [f"    # {name}, shape {w.shape}", f"    np.array({_literal(w, digits)}),"]
    lines += ["])",
              f"print(rnn.count_params())  # {pc.formula}",
              f"print(model.predict(x, verbose=0))  # h_{T}, the last hidden state"]
    return "\n".join(lines) + "\n"


def shapes_code(kind, timesteps, input_dim, units):
    """Runnable Keras code printing the output shapes of `output_shapes`.

    Returns:
        Python source; it defines ``last``, ``sequences`` and ``stacked`` (models).
    """
    inp = f"keras.Input(shape=({timesteps}, {input_dim}))"
    return "\n".join([
        "import keras",
        "",
        f"last = keras.Sequential([{inp}, keras.layers.{kind}({units})])",
        f"sequences = keras.Sequential([{inp}, keras.layers.{kind}({units}, return_sequences=True)])",
        "stacked = keras.Sequential([",
        f"    {inp},",
        f"    keras.layers.{kind}({units}, return_sequences=True),  # every h_t: a sequence again",
        f"    keras.layers.{kind}({units}),  # only the last h_t",
        "    keras.layers.Dense(1, activation='sigmoid'),  # no Flatten needed",
        "])",
        "print(last.output_shape)",
        "print(sequences.output_shape)",
        "print([layer.output.shape for layer in stacked.layers])",
    ]) + "\n"


# --------------------------------------------------------------------------- memory


def fading_inputs(timesteps, input_dim=FADE_INPUT_DIM, seed=0):
    """Seeded random inputs N(0, 1) of shape ``(timesteps, input_dim)``."""
    return np.random.default_rng([seed, 7]).normal(size=(timesteps, input_dim))


def fading_cell(kind, input_dim=FADE_INPUT_DIM, units=FADE_UNITS, seed=0):
    """The cell of the memory-fading chart: Keras's initialisation, keep gates equally open.

    Keras starts LSTM's forget-gate bias at 1 (``unit_forget_bias=True``), so f is about
    sigmoid(1) = 0.73 before training, but GRU's update-gate bias at 0, so z is about
    0.5 and an untrained GRU forgets faster than an untrained LSTM or even SimpleRNN.
    For a fair comparison of the architectures, GRU's z bias (the input-side row)
    starts at `FADE_KEEP_BIAS` as LSTM's f does; everything else is Keras's default
    (glorot-uniform kernel, orthogonal recurrent kernel, zero bias).
    """
    cell = make_cell(kind, input_dim, units, seed)
    if kind != "GRU":
        return cell
    bias = cell.get_weights()[2]  # (2, 3*units): rows input side, recurrent side; blocks z, r, h
    bias[0, :units] += FADE_KEEP_BIAS  # z = sigmoid(... + 1) ~ 0.73, like LSTM's f
    return type(cell)(cell.kernel, cell.recurrent_kernel, bias)


def fading(timesteps, input_dim=FADE_INPUT_DIM, units=FADE_UNITS, seed=0, kinds=tuple(CELLS)):
    """How much each timestep still moves the final hidden state, per cell kind.

    Every kind gets a `fading_cell` of the same size and seed and reads the same
    `fading_inputs`; see `cells.influence`. The size defaults to the book's
    (16 embedding features, 8 units), not the page's sliders: with 1 or 2 units an
    orthogonal 1x1 recurrent kernel (+-1) can keep a SimpleRNN's memory as long as
    any gate, which teaches nothing about the architectures.

    Returns:
        ``{kind: array (timesteps,)}``, the norm of ``dh_T/dx_t`` for t = 1 .. T.
    """
    xs = fading_inputs(timesteps, input_dim, seed)  # (T, input_dim)
    return {kind: influence(fading_cell(kind, input_dim, units, seed), xs) for kind in kinds}


def gate_memory(kind, trace):
    """The mean of the gate that keeps the old state: LSTM's f, GRU's z; None otherwise.

    ``c_t = f*c_tm1 + ...`` (LSTM) and ``h_t = z*h_tm1 + ...`` (GRU): along this path
    an old value is multiplied by the gate once per step.
    """
    name = {"LSTM": "f", "GRU": "z"}.get(kind)
    if name is None or not trace.steps:
        return None
    return float(np.mean([getattr(s, name) for s in trace.steps]))


def long_trace(kind, timesteps, input_dim=FADE_INPUT_DIM, units=FADE_UNITS, seed=0):
    """`cells.run` of the `fading_cell` of ``kind`` over `fading_inputs` (the cells of the fading chart)."""
    cell = fading_cell(kind, input_dim, units, seed)
    return run(cell, fading_inputs(timesteps, input_dim, seed))


# --------------------------------------------------------------------------- quiz


def quiz_param_options(input_dim, units):
    """Answers for "how many parameters does SimpleRNN(units) on input_dim features have?".

    Returns:
        ``(options, answer)``: four increasing counts -- kernel only, + recurrent kernel,
        the right total (+ bias), and one bias too many -- and the index of the right one.
    """
    pc = param_count("SimpleRNN", input_dim, units)
    options = [pc.input, pc.input + pc.recurrent, pc.total, pc.total + units]
    return options, 2


def gru_quiz(input_dim, units):
    """Numbers for "LSTM(units) has N parameters; how many does GRU(units) have?".

    Returns:
        A dict: ``options`` (increasing: GRU with ``reset_after=False``, the right GRU count,
        the LSTM count), ``answer`` (index of the right one), and the parts of the
        explanation: ``weights`` (GRU kernel + recurrent kernel), ``n_b`` (GRU biases),
        ``gru``, ``lstm`` and ``three`` (3 SimpleRNN blocks: ``reset_after=False``).
    """
    simple = param_count("SimpleRNN", input_dim, units)
    gru = param_count("GRU", input_dim, units)
    lstm = param_count("LSTM", input_dim, units)
    three = 3 * simple.total  # one bias row: reset_after=False
    return dict(options=[three, gru.total, lstm.total], answer=1, weights=gru.input + gru.recurrent,
                n_b=gru.bias, gru=gru.total, lstm=lstm.total, three=three)
