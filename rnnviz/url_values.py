"""Parsers of URL values: a link's text -> a setting's value, or ValueError (then `ui.setting` keeps the default).

Each parser takes the raw query string and returns the value a widget can show, so a
hand-edited link can never put a widget outside its range or choices.
"""

from __future__ import annotations

__all__ = ["bounded_int", "one_of"]


def bounded_int(low, high, step=1):
    """An int clamped to ``low .. high``, on the slider's ``step`` grid.

    >>> bounded_int(10, 200, step=10)("5000"), bounded_int(10, 200, step=10)("-3"), bounded_int(10, 200, 10)("44")
    (200, 10, 40)
    """
    def parse(raw):
        value = min(max(int(raw), low), high)
        return low + (value - low) // step * step
    return parse


def one_of(options, convert=str):
    """The value (converted) if it is one of ``options``, else ValueError.

    >>> one_of((2, 4, 8), int)("4")
    4
    """
    def parse(raw):
        value = convert(raw)
        if value not in options:
            raise ValueError(f"{raw!r} is not one of {options}")
        return value
    return parse
