"""One-hot vs. embedding inputs (book 9-2): shapes, memory, what was learned (counts: `rnnviz.params`).

Pure numpy (and scikit-learn's PCA); never imports streamlit or a deep-learning framework.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


FLOAT32_BYTES = 4  # what the layers compute with (Embedding outputs, the RNN's inputs)
FLOAT64_BYTES = 8  # Keras 3's to_categorical returns float64 numpy arrays (measured)
INT32_BYTES = 4  # pad_sequences returns int32 ids
BOOK_TRAIN_REVIEWS = 20_000  # the book's training split


@dataclass(frozen=True)
class InputCost:
    """Memory of the two inputs, per review and for a whole training set."""

    num_words: int
    maxlen: int
    embedding_dim: int
    reviews: int
    onehot_shape: tuple[int, int]  # (maxlen, num_words) per review
    embedded_shape: tuple[int, int]  # (maxlen, embedding_dim) per review, after the lookup
    onehot_bytes: int  # one review as one-hot float32
    ids_bytes: int  # one review as int32 ids
    table_bytes: int  # the Embedding's (num_words, embedding_dim) float32 table

    @property
    def onehot_total(self) -> int:
        """`to_categorical(train_seq)` for every review at once."""
        return self.onehot_bytes * self.reviews

    @property
    def to_categorical_total(self) -> int:
        """The same array as Keras 3's `to_categorical` makes it: float64, twice as big."""
        return self.onehot_total // FLOAT32_BYTES * FLOAT64_BYTES

    @property
    def ids_total(self) -> int:
        """The padded id matrix plus the one embedding table."""
        return self.ids_bytes * self.reviews + self.table_bytes

    @property
    def ratio(self) -> float:
        return self.onehot_total / self.ids_total


def input_cost(num_words: int, maxlen: int, embedding_dim: int,
               reviews: int = BOOK_TRAIN_REVIEWS) -> InputCost:
    """What one-hot and id inputs cost in memory (book: 500 words, maxlen 100, 16 dims).

    >>> cost = input_cost(500, 100, 16)
    >>> cost.onehot_bytes, cost.onehot_total, cost.ids_bytes, cost.table_bytes
    (200000, 4000000000, 400, 32000)
    """
    return InputCost(num_words=num_words, maxlen=maxlen, embedding_dim=embedding_dim, reviews=reviews,
                     onehot_shape=(maxlen, num_words), embedded_shape=(maxlen, embedding_dim),
                     onehot_bytes=maxlen * num_words * FLOAT32_BYTES, ids_bytes=maxlen * INT32_BYTES,
                     table_bytes=num_words * embedding_dim * FLOAT32_BYTES)


def onehot(ids, num_words: int) -> np.ndarray:
    """`keras.utils.to_categorical(ids, num_words)` for one review: (T,) -> (T, num_words) float32."""
    ids = np.asarray(ids, dtype=np.int64)
    if ids.size and (ids.min() < 0 or ids.max() >= num_words):
        raise ValueError(f"ids must lie in 0..{num_words - 1}")
    return np.eye(num_words, dtype=np.float32)[ids]


@dataclass(frozen=True)
class LookupIdentity:
    """one_hot(id) @ W_x == W_x[id]: the one-hot model's first product is a table lookup."""

    ids: np.ndarray  # (T,)
    product: np.ndarray  # (T, units) = onehot(ids) @ kernel
    rows: np.ndarray  # (T, units) = kernel[ids]

    @property
    def holds(self) -> bool:
        return bool(np.array_equal(self.product, self.rows))


def lookup_identity(ids, kernel: np.ndarray) -> LookupIdentity:
    """Multiply one-hot rows by a SimpleRNN kernel (num_words, units) and pick rows directly."""
    ids = np.asarray(ids, dtype=np.int64)
    kernel = np.asarray(kernel)
    product = onehot(ids, kernel.shape[0]).astype(kernel.dtype) @ kernel  # (T, units)
    return LookupIdentity(ids=ids, product=product, rows=kernel[ids])


@dataclass(frozen=True)
class Projection:
    coords: np.ndarray  # (n, 2)
    explained: tuple[float, float]  # share of the variance along each axis


def pca_2d(table: np.ndarray) -> Projection:
    """The 2-D PCA map of an embedding table (n_words, dim): scikit-learn's `PCA(n_components=2)`, in numpy.

    Centre the rows, take the SVD, and turn each component so that its largest loading
    is positive (scikit-learn's `svd_flip(u_based_decision=False)`), so the map is the one
    `PCA(n_components=2).fit_transform(table)` draws (a test compares them). Importing
    scikit-learn (and SciPy) took 3.5 s on the first visit of the one-hot page.
    """
    x = np.asarray(table, dtype=np.float64)
    centred = x - x.mean(axis=0)  # (n, dim)
    _, singular, components = np.linalg.svd(centred, full_matrices=False)  # (k,), (k, dim)
    biggest = np.argmax(np.abs(components), axis=1)  # (k,)
    components *= np.sign(components[np.arange(len(components)), biggest])[:, None]
    variance = singular ** 2
    share = variance / variance.sum() if variance.sum() > 0 else np.zeros_like(variance)
    coords = centred @ components[:2].T  # (n, 2)
    if coords.shape[1] < 2:  # a 1-feature table: the second axis is empty
        coords = np.pad(coords, ((0, 0), (0, 2 - coords.shape[1])))
        share = np.pad(share, (0, 2 - len(share)))
    return Projection(coords=coords, explained=(float(share[0]), float(share[1])))


def nearest_neighbours(table: np.ndarray, index: int, k: int = 8) -> list[tuple[int, float]]:
    """The k rows most similar to row `index` by cosine similarity, most similar first.

    >>> nearest_neighbours(np.array([[1.0, 0], [0.9, 0.1], [0, 1], [-1, 0]]), 0, k=2)
    [(1, 0.9939), (2, 0.0)]
    """
    table = np.asarray(table, dtype=np.float64)
    norms = np.linalg.norm(table, axis=1)
    norms[norms == 0] = 1.0  # an all-zero row is similar to nothing
    similarity = (table @ table[index]) / (norms * norms[index])  # (n,)
    similarity[index] = -np.inf  # not its own neighbour
    order = np.argsort(-similarity, kind="stable")[:k]
    return [(int(i), round(float(similarity[i]), 4)) for i in order]


def format_bytes(count: float) -> str:
    """Decimal units, as the book's arithmetic uses them: 200,000 B -> "200 KB".

    >>> format_bytes(400), format_bytes(200_000), format_bytes(4_000_000_000), format_bytes(8_032_000)
    ('400 B', '200 KB', '4 GB', '8.03 MB')
    """
    for unit, size in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if count >= size:
            return f"{count / size:.3g} {unit}"
    return f"{count:.0f} B"


def random_embedding(num_words: int, dim: int, seed: int = 42) -> np.ndarray:
    """An untrained table like Keras's Embedding initialiser: uniform(-0.05, 0.05), (num_words, dim)."""
    return np.random.default_rng(seed).uniform(-0.05, 0.05, size=(num_words, dim)).astype(np.float32)
