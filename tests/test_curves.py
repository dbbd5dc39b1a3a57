"""rnnviz.curves: where the validation loss turns up, the train/validation gap, one prediction's loss; and the
arrow the training lab's loss chart draws there."""

import math

import pytest

from rnnviz import charts_train, curves
from rnnviz.i18n import t
from rnnviz.runs import RunStore
from test_page_train import fake_run

# A hand-made history, as a Run reads history.csv (epochs from 1): the validation loss falls to 0.55 at
# epoch 3, then rises for three epochs while the training loss keeps falling.
HISTORY = {"epoch": [1, 2, 3, 4, 5, 6],
           "loss": [0.70, 0.58, 0.50, 0.44, 0.40, 0.35],
           "val_loss": [0.69, 0.60, 0.55, 0.56, 0.58, 0.61]}


def test_the_turn_is_the_lowest_validation_loss_with_higher_ones_after_it():
    turn = curves.overfitting_point(HISTORY)
    assert (turn.epoch, turn.val_loss, turn.last_val_loss, turn.train_loss) == (3, 0.55, 0.61, 0.50)
    assert turn.gap == pytest.approx(0.05)


@pytest.mark.parametrize("val_loss, epoch", [
    ([0.69, 0.60, 0.55, 0.52], None),  # still falling: no overfitting yet
    ([0.69, 0.60, 0.55, 0.55], None),  # flat at its lowest: it has not turned up
    ([0.60, 0.50, 0.50, 0.55], 3),  # equal minima: it turns up after the last one
    ([0.60, math.nan, 0.50, 0.70], 3),  # a diverged epoch is skipped
    ([0.50, 0.40, 0.45, 0.39], None),  # a new lowest at the end: falling again
    ([], None),
])
def test_the_turn_in_edge_cases(val_loss, epoch):
    turn = curves.overfitting_point({"epoch": list(range(1, len(val_loss) + 1)), "val_loss": val_loss})
    assert (turn.epoch if turn else None) == epoch
    assert turn is None or turn.gap is None  # no training loss in these histories


def test_the_gap_at_the_lowest_validation_loss_and_its_mean_over_seeds():
    assert curves.gap_at_lowest(HISTORY) == pytest.approx(0.55 - 0.50)
    other = {"loss": [0.6, 0.3], "val_loss": [0.62, 0.40]}  # lowest at the last epoch: 0.40 - 0.30
    assert curves.mean_gap_at_lowest([HISTORY, other]) == pytest.approx((0.05 + 0.10) / 2)
    assert curves.mean_gap_at_lowest([{"loss": [], "val_loss": []}]) is None


def test_binary_crossentropy_is_keras_s():
    import keras

    loss = keras.losses.BinaryCrossentropy()
    for target, p in [(1, 0.9), (0, 0.9), (1, 0.5), (0, 0.02)]:
        expected = float(loss([[float(target)]], [[p]]))
        assert curves.binary_crossentropy(target, p) == pytest.approx(expected, rel=1e-4)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_loss_chart_points_at_the_turn(tmp_path, lang):
    rows = list(zip([0.5] * 6, HISTORY["loss"], [0.6] * 6, HISTORY["val_loss"]))  # (acc, loss, val_acc, val_loss)
    store = RunStore(tmp_path)
    turned, falling = fake_run(tmp_path, history=rows), fake_run(tmp_path, history=rows[:3])
    fig = charts_train.history_figure([store.get(turned), store.get(falling)], lang)
    arrows = [a for a in fig.layout.annotations if a.name == "turn_up"]
    assert [(a.x, a.y, a.text) for a in arrows] == [(3, 0.55, t("train_overfit_mark", lang))]  # only the run that turned
    assert arrows[0].xref == "x" and arrows[0].yref == "y"  # on the loss chart (left), not the accuracy chart
