"""Tests for rnnviz.formatting: numbers written as text on pages and in generated code."""

import doctest

from rnnviz import formatting
from rnnviz.formatting import fixed, short_float


def test_doctests_pass():
    result = doctest.testmod(formatting)
    assert result.attempted >= 2 and result.failed == 0


def test_fixed_never_writes_a_negative_zero():
    assert [fixed(v) for v in (-0.001, 0.004, -0.006, -0.0)] == ["0.00", "0.00", "-0.01", "0.00"]
    assert fixed(-0.00004, 4) == "0.0000" and fixed(-0.00005, 4) == "-0.0001"


def test_short_float_writes_the_books_learning_rate():
    assert short_float(1e-4) == "1e-4" and float(short_float(1e-4)) == 1e-4
    assert short_float(2.5e-4) == "0.00025"  # not exact in one digit: as Python prints it
    assert short_float(0.01) == "0.01"
