"""Tests for rnnviz.player: where play starts, what a tick does, which steps a long axis labels."""

import pytest

from rnnviz import player


@pytest.mark.parametrize("step, expected", [(1, 1), (3, 3), (4, 4), (5, 1)])
def test_play_starts_at_the_current_step_and_at_the_end_starts_over(step, expected):
    assert player.play_from(step, 1, 5) == expected


def test_play_on_the_review_page_starts_over_at_the_first_word_not_at_the_padding():
    assert player.play_from(100, 61, 100) == 61
    assert player.play_from(10, 61, 100) == 61  # a step hidden with the padding: the first shown one


def test_ticks_walk_on_from_the_step_shown_to_the_last_and_stop_there():
    shown, seen = 2, [2]
    while (following := player.tick(shown, 5)) is not None:
        shown = following
        seen.append(shown)
    assert seen == [2, 3, 4, 5]  # the last step is shown for a tick, then play stops (never past it)
    assert player.tick(5, 5) is None


@pytest.mark.parametrize("first, last, max_labels", [(1, 3, 8), (1, 30, 8), (61, 100, 12), (1, 100, 12)])
def test_labelled_steps_are_few_apart_and_include_the_active_one(first, last, max_labels):
    for active in range(first, last + 1):
        steps = player.labelled_steps(first, last, active, max_labels)
        k = -(-(last - first + 1) // max_labels)
        assert active in steps
        assert steps == sorted(set(steps)) and first <= steps[0] and steps[-1] <= last
        assert len(steps) <= max_labels + 1
        assert all(b - a >= k for a, b in zip(steps, steps[1:])) or k == 1
