"""Tests for rnnviz.url_values: a link's text -> a setting's value, or ValueError."""

import doctest

import pytest

from rnnviz import url_values


def test_doctests_pass():
    result = doctest.testmod(url_values)
    assert result.attempted >= 2 and result.failed == 0


def test_url_parsers_clamp_and_reject():
    parse = url_values.bounded_int(1, 8)
    assert (parse("0"), parse("5"), parse("99")) == (1, 5, 8)
    with pytest.raises(ValueError):
        parse("many")
    assert url_values.one_of(("a", "b"))("b") == "b"
    with pytest.raises(ValueError):
        url_values.one_of(("a", "b"))("c")


def test_bounded_int_keeps_to_the_sliders_step():
    parse = url_values.bounded_int(10, 200, step=10)
    assert (parse("5000"), parse("-3"), parse("44"), parse("200")) == (200, 10, 40, 200)


def test_one_of_converts_before_it_compares():
    assert url_values.one_of((2, 4, 8), int)("4") == 4
    with pytest.raises(ValueError):
        url_values.one_of((2, 4, 8), int)("5")
