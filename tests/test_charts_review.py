"""Figures and names of the "Try a review" page (rnnviz.charts_review)."""

import re
import shutil

import pytest

from model_helpers import STRANGER, VISITOR, set_owner
from rnnviz import charts_review, charts_train, review, run_choice, runs

RUN_ID = re.compile(r"\d{8}-\d{6}-[0-9a-f]{6}")
REFERENCES = run_choice.available_models([runs.RunStore(runs.REFERENCE_RUNS_DIR)])


def test_verdict_values_stand_beside_the_plot_horizontal_never_inside_a_bar():
    groups = [review.VariantScore("lstm@500", [0.90, 0.92, 0.91]),
              review.VariantScore("gru@500", [0.03, 0.05, 0.04]),  # a thin bar: its "0.04" once stood in it, rotated
              review.VariantScore("run:x", [0.20], reference=False)]
    fig = charts_review.verdicts_figure(groups, ["LSTM", "GRU", "mine"], ["LSTM", "GRU", "LSTM"], "en")
    bars, diamonds = fig.data[:2]
    assert bars.text is None  # no value drawn in a bar
    values = {a.y: a for a in fig.layout.annotations if a.xref == "paper" and a.y in ("LSTM", "GRU", "mine")}
    assert {k: v.text for k, v in values.items()} == {"LSTM": "<b>0.91</b>", "GRU": "<b>0.04</b>",
                                                      "mine": "<b>0.20</b>"}
    assert all(a.x == 1.0 and a.xanchor == "left" and a.textangle == 0 for a in values.values())  # right of x=1
    assert list(diamonds.y) == ["LSTM"] * 3 + ["GRU"] * 3  # a visitor's single run has no seed diamonds
    assert list(bars.marker.pattern.shape) == ["", "", "/"]  # the visitor's run: hatched
    assert any(shape.y0 == 1.5 for shape in fig.layout.shapes)  # the rule between reference and yours


def test_model_labels_are_readable_and_tell_reference_yours_and_another_visitors_apart(tmp_path):
    reference = REFERENCES[0]
    shutil.copytree(reference.path, tmp_path / "20991231-235959-abcdef")
    set_owner(tmp_path / "20991231-235959-abcdef", VISITOR)
    mine = runs.RunStore(tmp_path).get("20991231-235959-abcdef")
    for lang, ours, yours, another in (("en", "reference run", "your run", "another visitor"),
                                       ("ko", "참고 실행", "내 실행", "다른 방문자")):
        name = charts_train.run_label(reference, lang, visitor=VISITOR)
        assert name.startswith(ours) and f"seed {reference.config.seed}" in name and not RUN_ID.search(name)
        own = charts_train.run_label(mine, lang, visitor=VISITOR)
        assert own.startswith(yours) and charts_train.launched_text(mine) in own and not RUN_ID.search(own)
        assert charts_train.run_label(mine, lang) == own.removeprefix(f"{yours} · ")  # one name, whose or not
        # the same run, seen by another browser: never "yours"
        assert charts_train.run_label(mine, lang, visitor=STRANGER) == own.replace(yours, another, 1)
        assert charts_train.short_label(mine, lang, STRANGER).startswith(another)
        assert charts_train.short_label(reference, lang, VISITOR) != charts_train.short_label(mine, lang, VISITOR)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_reference_model_has_its_own_label(lang):
    labels = [charts_train.run_label(m, lang, visitor=VISITOR) for m in REFERENCES]
    assert len(set(labels)) == len(labels)


def test_a_trained_one_hot_models_animation_labels_at_most_20_ids():
    """500 x-axis labels (one per id) took Chromium 6 s to draw (bench/bench_review_onehot.py)."""
    from rnnviz import charts_cells
    from rnnviz import weights as weights_file
    from rnnviz import text as tx

    onehot = next(m for m in REFERENCES if m.config.inputs == "onehot" and m.config.num_words == 500)
    weights, vocabulary = review.load_model_files(onehot)
    reading = review.read_text("a great film", vocabulary, 100)
    tokens = [tx.MARKERS[tx.PAD]] * 96 + [row.token for row in reading.rows]
    fig = charts_cells.hidden_step_figure(weights_file.first_layer_trace(weights, reading.padded), tokens, "en",
                                          onehot=True)
    axis = fig.layout.xaxis
    assert len(fig.data[0].x) == 500 and 2 <= len(axis.tickvals) <= 20
    assert [int(text) for text in axis.ticktext] == [v - 1 for v in axis.tickvals]  # the labels are the ids
    assert axis.ticktext[0] == "0"
