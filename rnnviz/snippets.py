"""Runnable Keras code for what a page shows, generated from its current settings.

Tokens and padding (`tokens_code`), the two 9-2 models (`two_models_code`), reading a
review with a trained run (`review_code`), the timestep pages' layer with its weights
(`layer_code`) and output shapes (`shapes_code`), and the training lab's run
(`training_code`; `settings_code` and `data_code` for the notebooks of rnnviz.notebooks). The text is tested by running it (tests/test_snippets.py), so it
cannot drift from what the page computes.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from rnnviz.config import BOOK_TRAIN_SIZE, BOOK_VAL_SIZE, TEST_SIZE, RunConfig
from rnnviz.formatting import fixed, short_float
from rnnviz.params import param_count

_TOKENIZE = '''def tokenize(text):
    # IMDB's tokenization: punctuation becomes a space, the apostrophe stays
    for mark in '!"#$%&()*+,-./:;<=>?@[\\\\]^_`{|}~\\t\\n':
        text = text.replace(mark, " ")
    return [word for word in text.lower().split(" ") if word]
'''

_IMDB_VOCABULARY = '''# IMDB's word -> frequency rank table (1 = "the"); Keras downloads it once
word_index = keras.datasets.imdb.get_word_index()
num_words = {num_words}
'''

_OWN_VOCABULARY = '''# a vocabulary from these sentences: most frequent word = rank 1
counts = Counter(word for text in texts for word in tokenize(text))
word_index = {{word: rank for rank, (word, _) in enumerate(counts.most_common(), start=1)}}
num_words = len(word_index) + 4  # every word fits: ids run from 4 to len + 3
'''

_ENCODE_AND_PAD = '''def encode(text):
    ids = [word_index.get(word, num_words) + 3 for word in tokenize(text)]
    return [1] + [i if i < num_words else 2 for i in ids]  # 1 = start, 2 = OOV

sequences = [encode(text) for text in texts]
padded = keras.utils.pad_sequences(sequences, maxlen={maxlen}, padding="{padding}", truncating="{truncating}")
print(padded.shape)
print(padded)
'''


def tokens_code(texts: Sequence[str], num_words: int | None, maxlen: int,
                padding: str, truncating: str) -> str:
    """Keras code that turns `texts` into the padded matrix the tokens page draws.

    Args:
        texts: the sentences.
        num_words: IMDB's vocabulary cut; None builds the vocabulary from `texts`.
        maxlen, padding, truncating: as `keras.utils.pad_sequences`.
    """
    imports = "import keras\n" if num_words else "from collections import Counter\n\nimport keras\n"
    listed = "".join(f"    {text!r},\n" for text in texts)
    vocabulary = (_IMDB_VOCABULARY.format(num_words=num_words) if num_words
                  else _OWN_VOCABULARY.format())
    return (f"{imports}\ntexts = [\n{listed}]\n\n{_TOKENIZE}\n{vocabulary}\n"
            + _ENCODE_AND_PAD.format(maxlen=maxlen, padding=padding, truncating=truncating))


_TWO_MODELS = '''import keras

num_words, maxlen = {num_words}, {maxlen}

# 9-2, first model: one-hot vectors in. The book makes them with
# train_oh = keras.utils.to_categorical(train_seq)   # (reviews, {maxlen}, {num_words})
model = keras.Sequential()
model.add(keras.Input(shape=(maxlen, num_words)))
model.add(keras.layers.SimpleRNN({units}))
model.add(keras.layers.Dense(1, activation="sigmoid"))
model.summary()

# 9-2, second model: integer ids in, an Embedding layer learns {dim} numbers per word
model2 = keras.Sequential()
model2.add(keras.Input(shape=(maxlen,)))
model2.add(keras.layers.Embedding(num_words, {dim}))
model2.add(keras.layers.SimpleRNN({units}))
model2.add(keras.layers.Dense(1, activation="sigmoid"))
model2.summary()
print(model.count_params(), model2.count_params())
'''


def two_models_code(num_words: int, maxlen: int, embedding_dim: int, units: int) -> str:
    """The book's two 9-2 models (one-hot and embedding inputs), with model.summary()."""
    return _TWO_MODELS.format(num_words=num_words, maxlen=maxlen, dim=embedding_dim, units=units)


_READ_REVIEW = '''import json

import keras

review = {review!r}

{tokenize}
# the model and the words it was trained with (vocab.json: rank 1 first, so id = rank + 3)
model = keras.models.load_model("{folder}/best.keras", safe_mode=True)  # never runs code from the file
with open("{folder}/vocab.json", encoding="utf-8") as handle:
    words = json.load(handle)["words"]
word_ids = {{word: rank + 3 for rank, word in enumerate(words, start=1)}}

sequence = [1] + [word_ids.get(word, 2) for word in tokenize(review)]  # 1 = start, 2 = OOV
padded = keras.utils.pad_sequences([sequence], maxlen={maxlen})  # (1, {maxlen}), padding and truncating "pre"
print(padded)
print("positive probability:", round(float(model.predict(padded, verbose=0)[0, 0]), 4))
'''


def review_code(review: str, folder: str, maxlen: int) -> str:
    """Keras code that reads `review` with the run in `folder` (relative to the app) and prints its verdict."""
    return _READ_REVIEW.format(review=review, tokenize=_TOKENIZE, folder=folder, maxlen=maxlen)


# --- the timestep pages: the layer, its weights and its shapes ---------------------------


def _literal(a, digits):
    """A numpy array as a Python list literal, one row per line."""
    a = np.asarray(a)
    if a.ndim == 1:
        return "[" + ", ".join(fixed(x, digits) for x in a) + "]"
    rows = ",\n        ".join(_literal(row, digits) for row in a)
    return "[\n        " + rows + ",\n    ]"


_WEIGHT_NAMES = {
    "SimpleRNN": ("W_x", "W_h", "b"),
    "LSTM": ("W: blocks i, f, c, o", "U: blocks i, f, c, o", "b: blocks i, f, c, o"),
    "GRU": ("W: blocks z, r, h", "U: blocks z, r, h", "b: row 0 input side, row 1 recurrent side"),
}


def layer_code(kind, inputs, cell, digits=4):
    """Runnable Keras code that rebuilds the page's layer, weights and input.

    Running it prints the layer's parameter count (the same as `params.param_count`)
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


# --- the training lab: the book-style code of a run --------------------------------------

_LOAD = '''import keras
from sklearn.model_selection import train_test_split

{seed}(train_input, train_target), (test_input, test_target) = keras.datasets.imdb.load_data(num_words={num_words})
train_input, val_input, train_target, val_target = train_test_split(
    train_input, train_target, test_size=0.2, random_state=42)
'''

_PAD = '''train_seq = keras.utils.pad_sequences(train_input, maxlen={maxlen})
val_seq = keras.utils.pad_sequences(val_input, maxlen={maxlen})
test_seq = keras.utils.pad_sequences(test_input, maxlen={maxlen})
'''

_SUBSET = '''# a smaller run: the first {n_train} training and {n_val} validation reviews
train_input, train_target = train_input[:{n_train}], train_target[:{n_train}]
val_input, val_target = val_input[:{n_val}], val_target[:{n_val}]
'''
_TEST_SUBSET = '''test_input, test_target = test_input[:{n_test}], test_target[:{n_test}]
'''

# A notebook's first code cell holds the sizes under these names; its data code reads them.
SIZE_NAMES = {"train": "TRAIN_SAMPLES", "val": "VAL_SAMPLES", "test": "TEST_SAMPLES", "epochs": "EPOCHS"}

_SETTINGS = '''# The sizes of the run. Smaller numbers give a quick first run (e.g. 2000 reviews, 5 epochs).
{train} = {n_train}  # training reviews (the book: all {book_train:,})
{val} = {n_val}  # validation reviews (the book: all {book_val:,})
{test} = {n_test}  # test reviews (all: {book_test:,})
{epochs} = {n_epochs}  # at most (the book: 100; early stopping usually ends sooner)
'''

_FIT = '''model.summary()

rmsprop = keras.optimizers.RMSprop(learning_rate={learning_rate})
model.compile(optimizer=rmsprop, loss='binary_crossentropy', metrics=['accuracy'])
checkpoint_cb = keras.callbacks.ModelCheckpoint('best-{file}-model.keras', save_best_only=True)
early_stopping_cb = keras.callbacks.EarlyStopping(patience={patience}, restore_best_weights=True)
history = model.fit(train_seq, train_target, epochs={epochs}, batch_size={batch_size},
                    validation_data=(val_seq, val_target),
                    callbacks=[checkpoint_cb, early_stopping_cb])
model.evaluate(test_seq, test_target)
'''


def settings_code(config: RunConfig) -> str:
    """A notebook's settings cell: the run's sizes under `SIZE_NAMES`, which the `sized` code reads."""
    return _SETTINGS.format(**SIZE_NAMES, n_train=config.train_samples, n_val=config.val_samples,
                            n_test=config.test_samples, n_epochs=config.epochs, book_train=BOOK_TRAIN_SIZE,
                            book_val=BOOK_VAL_SIZE, book_test=TEST_SIZE)


def data_code(num_words: int, maxlen: int, seed: int | None = None, subset: str = "") -> str:
    """The book's data: load_data, the 80/20 split (random_state=42), `subset`, then pad_sequences.

    Args:
        seed: `keras.utils.set_random_seed` first when given (a training run's seed).
        subset: code that cuts the split arrays (a smaller run), "" for the book's sizes.
    """
    seed_line = "" if seed is None else f"keras.utils.set_random_seed({seed})\n"
    return (_LOAD.format(seed=seed_line, num_words=num_words) + subset
            + _PAD.format(maxlen=maxlen))


def sized_subset() -> str:
    """Code that cuts the split to the sizes of a notebook's settings cell (`settings_code`)."""
    return (_SUBSET.format(n_train=SIZE_NAMES["train"], n_val=SIZE_NAMES["val"])
            + _TEST_SUBSET.format(n_test=SIZE_NAMES["test"]))


def training_code(config: RunConfig, sized: bool = False) -> str:
    """Book-style Keras code (chapter 9-2 / 9-3) that trains the same model as the worker.

    The one difference from the book's one-hot model: the book writes
    `train_oh = keras.utils.to_categorical(train_seq)`; here a
    `CategoryEncoding` layer encodes each batch, so the code runs in little memory.

    Args:
        sized: read the sizes and epochs from a notebook's settings cell (`settings_code`)
            instead of writing the config's numbers.
    """
    if sized:
        subset, epochs = sized_subset(), SIZE_NAMES["epochs"]
    else:
        subset, epochs = "", config.epochs
        if config.max_train_samples is not None:
            subset = _SUBSET.format(n_train=config.train_samples, n_val=config.val_samples)
        if config.max_test_samples is not None:
            subset += _TEST_SUBSET.format(n_test=config.test_samples)
    lines = [data_code(config.num_words, config.maxlen, config.seed, subset),
             "model = keras.Sequential()",
             f"model.add(keras.layers.Input(shape=({config.maxlen},)))"]
    if config.inputs == "onehot":
        lines.append(f"# one-hot, batch by batch (the book: to_categorical(train_seq), "
                     f"{config.train_samples:,}×{config.maxlen}×{config.num_words} numbers at once)")
        lines.append(f"model.add(keras.layers.CategoryEncoding({config.num_words}, output_mode='one_hot'))")
    else:
        lines.append(f"model.add(keras.layers.Embedding({config.num_words}, {config.embedding_dim}))")
    for i in range(config.layers):
        args = [str(config.units)]
        if config.dropout:
            args.append(f"dropout={config.dropout!r}")
        if i < config.layers - 1:
            args.append("return_sequences=True")
        lines.append(f"model.add(keras.layers.{config.cell}({', '.join(args)}))")
    lines.append("model.add(keras.layers.Dense(1, activation='sigmoid'))")
    file = config.cell.lower() if config.inputs == "embedding" else "onehot"
    fit = _FIT.format(learning_rate=short_float(config.learning_rate), patience=config.patience, epochs=epochs,
                      batch_size=config.batch_size, file=file)
    return "\n".join(lines) + "\n" + fit
