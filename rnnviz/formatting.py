"""Numbers written as text the same way everywhere: in equations and in generated code."""

from __future__ import annotations

__all__ = ["fixed", "short_float"]


def fixed(value, digits=2):
    """``value`` with ``digits`` decimals, never ``-0.00`` (a rounded-away sign only distracts).

    >>> fixed(0.125), fixed(-0.001), fixed(-1.5, 1)
    ('0.12', '0.00', '-1.5')
    """
    text = f"{value:.{digits}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def short_float(value):
    """A small float as the book writes it (``1e-4``); other values as Python prints them.

    >>> short_float(1e-4), short_float(0.001), short_float(0.3)
    ('1e-4', '1e-3', '0.3')
    """
    short = f"{value:.0e}".replace("e-0", "e-").replace("e+0", "e")
    return short if float(short) == value and value < 1e-2 else repr(value)
