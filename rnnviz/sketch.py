"""Diagrams drawn from boxes, arrows and labels placed in data units, gathered, then made into one Plotly figure.

The axes are hidden, so a diagram scales with the page column while its text keeps its size
in pixels. Every piece has a ``name``, so a test reads a label back by name.
"""

from __future__ import annotations

import dataclasses

import plotly.graph_objects as go

from rnnviz.charts import FONT_SIZE

DIAGRAM_HEIGHT = 420  # px: the page's caption, a diagram and the step control fit a 1280×720 screen
SMALL = FONT_SIZE - 2  # 14 px, the smallest text of a diagram (a projector's last row still reads it)
FRAME = "#999999"  # a box's outline by default (the chosen step's is black)


@dataclasses.dataclass
class Sketch:
    """A diagram being drawn: its shapes, annotations and traces, as plain lists.

    Plotly re-validates every annotation a figure holds on each ``add_annotation`` (a diagram
    of ~100 labels took seconds); gathered here, they are validated once, in `figure`.
    """

    shapes: list = dataclasses.field(default_factory=list)
    annotations: list = dataclasses.field(default_factory=list)
    traces: list = dataclasses.field(default_factory=list)

    def box(self, x0, y0, x1, y1, name: str, line: str = FRAME, width: float = 2, fill: str = "#FFFFFF",
            dash: str = "solid") -> None:
        self.shapes.append(dict(type="rect", x0=x0, y0=y0, x1=x1, y1=y1, name=name, layer="below",
                                line=dict(color=line, width=width, dash=dash), fillcolor=fill))

    def arrow(self, start, end, colour: str, name: str, width: float = 3) -> None:
        """An arrow from `start` to `end` (data units): an annotation with no text."""
        self.annotations.append(dict(x=end[0], y=end[1], ax=start[0], ay=start[1], xref="x", yref="y",
                                     axref="x", ayref="y", text="", showarrow=True, arrowhead=2,
                                     arrowsize=1.1, arrowwidth=width, arrowcolor=colour, name=name))

    def label(self, x, y, text: str, name: str, colour: str = "#000000", size: int = FONT_SIZE,
              xanchor: str = "center", background: bool = False, hover: str | None = None) -> None:
        self.annotations.append(dict(x=x, y=y, xref="x", yref="y", text=text, name=name, showarrow=False,
                                     xanchor=xanchor, yanchor="middle", font=dict(size=size, color=colour),
                                     bgcolor="rgba(255,255,255,0.9)" if background else None, hovertext=hover))

    def line(self, points, colour: str, name: str, width: float = 3, dash: str = "solid") -> None:
        """A polyline through `points` (data units), drawn as an SVG path."""
        path = "M " + " L ".join(f"{x} {y}" for x, y in points)
        self.path(path, colour, name, width, dash)

    def path(self, path: str, colour: str, name: str, width: float = 3, dash: str = "solid") -> None:
        self.shapes.append(dict(type="path", path=path, name=name, line=dict(color=colour, width=width, dash=dash)))

    def figure(self, x_range, y_range, height: int = DIAGRAM_HEIGHT, **meta) -> go.Figure:
        """The figure: hidden axes over the given data ranges, no title (the page's caption names it).

        One layout dict, validated once, with `charts.style`'s look (fonts; the default template).
        """
        axis = dict(visible=False, fixedrange=True)
        layout = dict(shapes=self.shapes, annotations=self.annotations, height=height, meta=meta,
                      font=dict(size=FONT_SIZE), hoverlabel=dict(font_size=FONT_SIZE), showlegend=False,
                      margin=dict(l=8, r=8, t=8, b=8), dragmode=False, plot_bgcolor="#FFFFFF",
                      xaxis=dict(axis, range=list(x_range)), yaxis=dict(axis, range=list(y_range)))
        return go.Figure(self.traces, layout)
