"""Tests for rnnviz.sketch: what is drawn lands in one figure, by name, on hidden axes."""

import json

from rnnviz.sketch import DIAGRAM_HEIGHT, SMALL, Sketch


def test_a_sketch_becomes_one_figure_with_named_pieces():
    sketch = Sketch()
    sketch.box(0, 0, 1, 1, "cell")
    sketch.arrow((0, 2), (1, 2), "#D55E00", "h")
    sketch.label(0.5, 0.5, "W<sub>x</sub>", "weights", size=SMALL, background=True)
    sketch.line([(0, 3), (1, 3), (1, 4)], "#000000", "bus")
    fig = sketch.figure((0, 2), (-1, 5), kind="test")
    assert [s.name for s in fig.layout.shapes] == ["cell", "bus"]
    assert fig.layout.shapes[1].path == "M 0 3 L 1 3 L 1 4"
    arrow, label = fig.layout.annotations
    assert (arrow.name, arrow.showarrow, arrow.ax, arrow.x) == ("h", True, 0, 1)  # from (0, 2) to (1, 2)
    assert (label.name, label.text, label.font.size, label.showarrow) == ("weights", "W<sub>x</sub>", SMALL, False)
    assert list(fig.layout.xaxis.range) == [0, 2] and not fig.layout.xaxis.visible
    assert fig.layout.height == DIAGRAM_HEIGHT and fig.layout.meta == {"kind": "test"}
    assert not fig.layout.title.text
    json.loads(fig.to_json())
