import numpy as np

from rnnviz import charts, charts_encoding, encoding


def test_onehot_figure_puts_one_marker_per_timestep_at_its_id():
    ids = [0, 0, 1, 14, 22, 2]
    tokens = ["<pad>", "<pad>", "<start>", "this", "film", "<oov>"]
    fig = charts_encoding.onehot_figure(ids, tokens, 500, "en")
    scatter = fig.data[0]
    assert list(scatter.x) == ids and list(scatter.y) == list(range(6))
    assert list(scatter.customdata) == tokens
    assert tuple(fig.layout.xaxis.range) == (-0.5, 499.5)
    assert scatter.marker.color[0] == charts.PALETTE["pad"] and scatter.marker.color[3] == charts.PALETTE["input"]
    assert "(6 × 500)" in fig.layout.title.text


def test_embedded_figure_shows_the_looked_up_rows():
    table = encoding.random_embedding(50, 4)
    ids = np.array([0, 1, 7, 7])
    fig = charts_encoding.embedded_figure(table[ids], ["<pad>", "<start>", "w", "w"], "ko")
    np.testing.assert_array_equal(np.array(fig.data[0].z), table[ids])
    assert fig.data[0].zmid == 0 and "(4 × 4)" in fig.layout.title.text


def test_embedding_map_places_words_at_their_pca_coordinates_coloured_by_score():
    rng = np.random.default_rng(1)
    table = rng.normal(size=(20, 6))
    projection = encoding.pca_2d(table)
    scores = rng.uniform(size=20)
    words = [f"w{i}" for i in range(20)]
    fig = charts_encoding.embedding_map_figure(projection, words, scores, "en", highlight=[3, 5])
    dots, marks = fig.data
    np.testing.assert_allclose(dots.x, projection.coords[:, 0])
    np.testing.assert_allclose(dots.marker.color, scores)
    reach = np.max(np.abs(scores - 0.5))  # symmetric around 0.5, as far as the furthest score
    assert (dots.marker.cmin, dots.marker.cmax, dots.marker.cmid) == (0.5 - reach, 0.5 + reach, 0.5)
    assert list(marks.text) == ["w3", "w5"]
    assert "principal component 1" in fig.layout.xaxis.title.text
