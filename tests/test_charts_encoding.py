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
    dots, sample, marks = fig.data
    np.testing.assert_allclose(dots.x, projection.coords[:, 0])
    np.testing.assert_allclose(dots.marker.color, scores)
    reach = np.max(np.abs(scores - 0.5))  # symmetric around 0.5, as far as the furthest score
    assert (dots.marker.cmin, dots.marker.cmax, dots.marker.cmid) == (0.5 - reach, 0.5 + reach, 0.5)
    assert list(marks.text)[0] == "<b>w3</b>" and list(marks.customdata) == ["w3", "w5"]
    assert "w3" not in sample.text and "w5" not in sample.text
    assert "principal component 1" in fig.layout.xaxis.title.text


def test_map_labels_never_overlap_and_always_name_the_chosen_word():
    rng = np.random.default_rng(0)
    coords = rng.normal(size=(496, 2))  # as many words as the book's vocabulary, crowded in the middle
    words = [f"word{i:03d}" for i in range(496)]
    scores = rng.uniform(size=496)
    neighbours = list(np.argsort(np.linalg.norm(coords - coords[7], axis=1))[1:9])  # crowded around word 7
    labels = charts_encoding.map_labels(coords, words, [7, *neighbours], scores)
    assert labels.indices[0] == 7 and len(labels.indices) <= charts_encoding.MAP_MAX_LABELS
    assert len(labels.indices) >= 15  # a sample of the other words too, not just the chosen ones
    boxes = labels.boxes
    assert len(boxes) == len(labels.indices)
    for box, index in zip(boxes, labels.indices):  # each box sits beside its word's dot, as wide as the word
        assert box[2] - box[0] > 0.5 * (charts.FONT_SIZE - 3) * len(words[index])
    for k, box in enumerate(boxes):  # no two labels share a pixel
        assert not charts_encoding._overlaps(box, boxes[:k] + boxes[k + 1:]), words[labels.indices[k]]
    low, high = coords.min(axis=0), coords.max(axis=0)
    pixels = (coords - low) / (high - low) * np.array(charts_encoding.MAP_AREA_PX)
    for box, index in list(zip(boxes, labels.indices))[9:]:  # the sample writes into no crowd
        assert not charts_encoding._covers_a_dot(box, pixels, index), words[index]
    # Every word keeps its name on hover, labelled or not.
    projection = encoding.Projection(coords=coords, explained=(0.3, 0.2))
    fig = charts_encoding.embedding_map_figure(projection, words, scores, "en", highlight=[7, *neighbours])
    assert list(fig.data[0].customdata[:, 0]) == words


def test_results_table_fits_six_columns_and_names_runs_readably():
    from rnnviz import runs

    reference = [r for r in runs.RunStore(runs.REFERENCE_RUNS_DIR).list() if r.config.inputs == "onehot"][:2]
    table = charts_encoding.results_table(reference, ["a", "b"], "en")
    assert list(table.columns) == ["run", "best / all epochs", "val accuracy", "test accuracy", "s / epoch",
                                   "peak memory (MB)"]
    assert list(table.iloc[:, 1]) == [f"{r.best_epoch} / {r.epochs_run}" for r in reference]
    assert list(table.iloc[:, 2]) == [f"{r.best_val_accuracy:.3f}" for r in reference]
