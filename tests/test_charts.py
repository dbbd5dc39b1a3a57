import numpy as np
import plotly.graph_objects as go

from rnnviz import charts, data
from rnnviz import text as tx


def grid(sentences, maxlen, padding="pre", truncating="pre", lang="en"):
    vocabulary = tx.Vocabulary.fit(["the movie was good", "i like brachiosaurus"], num_words=8)
    explained = [tx.explain(vocabulary, s) for s in sentences]
    cells = tx.padding_layout(explained, maxlen, padding, truncating)
    return cells, charts.padding_grid_figure(cells, len(sentences), maxlen, lang)


def test_padding_grid_shows_every_cell_with_its_token_on_hover():
    cells, fig = grid(["the movie was good", "i like"], maxlen=4)
    heatmap = fig.data[0]
    assert isinstance(heatmap, go.Heatmap)
    z = np.array(heatmap.z, dtype=float)
    xs = list(heatmap.x)
    assert z.shape == (2, len(xs)) and xs[0] == -1 and xs[-1] == 3  # one cut column before 0
    for cell in cells:
        column = xs.index(cell.column)
        assert z[cell.row, column] == charts._KIND_ORDER.index(cell.kind)
        assert cell.token in heatmap.customdata[cell.row][column]
        assert heatmap.text[cell.row][column] == str(cell.token_id)
    kinds = {c.kind for c in cells}
    assert kinds == {tx.KIND_CUT, tx.KIND_WORD, tx.KIND_PAD, tx.KIND_START, tx.KIND_OOV}
    frame = fig.layout.shapes[0]
    assert (frame.x0, frame.x1) == (-0.5, 3.5)
    legend = [trace.name for trace in fig.data[1:]]
    assert legend == ["padding 0", "start 1", "word", "OOV 2", "cut away"]


def test_padding_grid_has_no_cell_text_when_too_wide_and_korean_labels():
    _, fig = grid(["i like brachiosaurus"], maxlen=60, lang="ko")
    assert fig.data[0].text is None
    assert fig.layout.title.text == "pad_sequences의 결과"
    assert "패딩 0" in [trace.name for trace in fig.data[1:]]


def test_colours_come_from_the_one_palette():
    _, fig = grid(["the movie"], maxlen=5)
    colours = {trace.marker.color for trace in fig.data[1:]}
    assert colours == {charts.PALETTE[k] for k in ("pad", "start", "input", "oov", "cut")}


def test_length_histogram_marks_maxlen_mean_and_median():
    lengths = np.array([10, 20, 30, 200])
    stats = data.length_stats(lengths, maxlen=100)
    fig = charts.length_histogram_figure(lengths, stats, "en")
    bars = fig.data[0]
    assert isinstance(bars, go.Bar)  # counted on the server: 20,000 lengths never travel to the browser
    assert sum(bars.y) == len(lengths)
    np.testing.assert_array_equal(bars.y[:2], [1, 2])  # 0-19: the 10; 20-39: the 20 and the 30
    np.testing.assert_array_equal(bars.x[:2], [10, 30])  # bar centres, 20 tokens wide
    line_xs = sorted(shape.x0 for shape in fig.layout.shapes)
    assert line_xs == sorted([100, stats.mean, stats.median])
    texts = [a.text for a in fig.layout.annotations]
    assert "maxlen = 100" in texts and "mean 65.0" in texts and "median 25" in texts


def test_length_histogram_counts_every_review_in_20_token_bars():
    lengths = np.random.default_rng(0).integers(1, 900, size=2_000)
    bars = charts.length_histogram_figure(lengths, data.length_stats(lengths, 100), "ko").data[0]
    expected, _ = np.histogram(lengths, bins=np.arange(0, 920, 20))
    np.testing.assert_array_equal(bars.y, expected)
    assert list(bars.customdata[0]) == [0, 19]  # hover names the bar's range


def test_figures_get_the_white_template_once_serialised():
    import json
    fig = charts.length_histogram_figure(np.array([5, 50]), data.length_stats(np.array([5, 50]), 10), "en")
    spec = json.loads(fig.to_json())
    assert spec["layout"]["template"]["layout"]["plot_bgcolor"] == "white"


def test_cell_kinds_and_runs_never_borrow_the_colours_of_x_h_and_c():
    meanings = {charts.PALETTE[k] for k in ("input", "hidden", "cell", "pad", "oov", "start")}
    assert not meanings & set(charts.KIND_COLOURS.values())
    assert not meanings & set(charts.RUN_COLOURS)
    assert len(set(charts.RUN_COLOURS)) == len(charts.RUN_COLOURS)


def luminance(colour):
    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_a_long_grid_keeps_every_kind_distinguishable_and_says_what_each_run_is():
    sentences = ["i like brachiosaurus", "the movie was good " * 80]  # 4 and 321 tokens
    cells, fig = grid(sentences, maxlen=285)
    heatmap = fig.data[0]
    assert heatmap.xgap == 0  # no white gaps washing out cells a few pixels wide
    notes = [a.text for a in fig.layout.annotations]
    n_cut = sum(c.kind == tx.KIND_CUT for c in cells)
    assert n_cut == 321 - 285
    assert "padding 0 × 281" in notes and "4 tokens" in notes and "285 tokens" in notes
    assert f"cut away × {n_cut}" in notes
    arrows = [a for a in fig.layout.annotations if a.showarrow]
    assert [a.text for a in arrows] == ["4 tokens", f"cut away × {n_cut}"]  # narrow runs are pointed at
    # padding, cut tokens and words stay apart in lightness, not only in hue
    pad, cut, word = (luminance(charts.PALETTE[k]) for k in ("pad", "cut", "input"))
    assert pad - cut > 0.1 and cut - word > 0.2


def test_a_short_grid_keeps_gaps_and_ids_and_no_run_labels():
    _, fig = grid(["i like brachiosaurus"], maxlen=8)
    assert fig.data[0].xgap == 2 and not fig.layout.annotations


def test_the_live_runs_line_says_the_epoch_the_batch_and_the_time_left(tmp_path):
    import os
    import time

    from rnnviz import charts_train, runs
    from test_page_train import fake_run

    store = runs.RunStore(tmp_path)
    started = dict(state=runs.RUNNING, pid=os.getpid(), started=time.time() - 75.2,  # 75 s ago, as the page counts
                   heartbeat=time.time())
    mid_epoch = store.get(fake_run(tmp_path, phase="training", batch=3, batches=79, **started))
    assert charts_train.progress_text(mid_epoch, "en") == \
        "Epoch 4 / 20 running · batch 3 / 79 · elapsed 1 min 15 s"  # 3 epochs in history.csv, the 4th going
    between = store.get(fake_run(tmp_path, phase="testing", **started))  # 0.4 s an epoch, 17 to go at most
    assert charts_train.progress_text(between, "ko") == "에포크 3 / 20 · 경과 1 분 15 초 · 남은 시간 최대 6.8 초"
    first = store.get(fake_run(tmp_path, phase="preparing", history=[], **started))
    assert charts_train.progress_text(first, "en") == "Epoch 0 / 20 · elapsed 1 min 15 s"
