"""Runnable Keras code for what a page shows, generated from its current settings.

The text is tested by running it (tests/test_snippets.py), so it cannot drift
from what the page computes.
"""

from __future__ import annotations

from collections.abc import Sequence

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
