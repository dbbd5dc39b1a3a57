"""Tests for rnnviz.layer_shapes: output shapes equal what Keras's model.output_shape reports."""

import os

os.environ.setdefault("KERAS_BACKEND", "jax")

import doctest

import pytest

from rnnviz import layer_shapes
from rnnviz.cells import CELLS

KINDS = sorted(CELLS)


def test_doctests_pass():
    assert doctest.testmod(layer_shapes).failed == 0


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("T, d, units", [(3, 4, 3), (7, 2, 5)])
@pytest.mark.keras
def test_output_shapes_equal_keras(kind, T, d, units):
    keras = pytest.importorskip("keras")
    layer = getattr(keras.layers, kind)
    shapes = layer_shapes.output_shapes(T, units, units2=2)
    last = keras.Sequential([keras.Input(shape=(T, d)), layer(units)])
    sequences = keras.Sequential([keras.Input(shape=(T, d)), layer(units, return_sequences=True)])
    stacked = keras.Sequential([keras.Input(shape=(T, d)), layer(units, return_sequences=True), layer(2)])
    assert shapes.last == tuple(last.output_shape)
    assert shapes.sequences == tuple(sequences.output_shape)
    assert shapes.stacked == tuple(tuple(lyr.output.shape) for lyr in stacked.layers)
    assert layer_shapes.shape_text(shapes.sequences) == f"(batch, {T}, {units})"
