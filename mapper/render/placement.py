"""Where things go on screen: the opening view, fanned-out coincident markers, place labels.

The page fits the view itself (``fitBounds``); here we predict that view for the
preview size so that permanent place labels can be put where they collide least
with markers and with each other.
"""
from __future__ import annotations

import math
from collections.abc import Sequence

__all__ = ["VIEW", "PADDING_TL", "PADDING_BR", "fit_zoom", "project", "fan_offsets",
           "Layout"]

#: the preview window, and room kept free for the panels (title, zoom, layers, legend)
VIEW = (1400, 900)
PADDING_TL = (60, 140)
PADDING_BR = (60, 60)
ZOOM_SNAP = 0.5
MAX_ZOOM = 10


def project(lat: float, lon: float, zoom: float) -> tuple[float, float]:
    """Web Mercator world pixel coordinates at ``zoom`` (as Leaflet computes them)."""
    scale = 256 * 2 ** zoom
    s = math.sin(math.radians(max(-85.0511, min(85.0511, lat))))
    x = (lon + 180) / 360 * scale
    y = (0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)) * scale
    return x, y


def fit_zoom(bounds: tuple[float, float, float, float], view: tuple[int, int] = VIEW) -> float:
    """The zoom at which Leaflet's ``fitBounds`` (with our padding and snap) shows ``bounds``."""
    w, s, e, n = bounds
    x0, y0 = project(n, w, 0)
    x1, y1 = project(s, e, 0)
    room_x = view[0] - PADDING_TL[0] - PADDING_BR[0]
    room_y = view[1] - PADDING_TL[1] - PADDING_BR[1]
    zx = math.log2(room_x / max(x1 - x0, 1e-9))
    zy = math.log2(room_y / max(y1 - y0, 1e-9))
    z = math.floor(min(zx, zy) / ZOOM_SNAP) * ZOOM_SNAP
    return max(2.0, min(MAX_ZOOM, z))


def fan_offsets(points: Sequence[tuple[float, float]], radius: int = 11
                ) -> list[tuple[int, int]]:
    """Pixel offsets that fan out markers sharing one position (the position is kept).

    Examples
    --------
    >>> fan_offsets([(1.0, 2.0), (1.0, 2.0), (5.0, 5.0)])
    [(-11, 0), (11, 0), (0, 0)]
    """
    groups: dict[tuple[float, float], list[int]] = {}
    for i, (lat, lon) in enumerate(points):
        groups.setdefault((round(lat, 4), round(lon, 4)), []).append(i)
    out = [(0, 0)] * len(points)
    for members in groups.values():
        k = len(members)
        if k < 2:
            continue
        r = radius if k <= 6 else radius + 2 * (k - 6) ** 0.5 * 4
        for j, i in enumerate(members):
            a = math.pi + 2 * math.pi * j / k
            out[i] = (round(r * math.cos(a)), round(r * math.sin(a)))
    return out


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


class Layout:
    """Screen boxes already taken at one zoom; labels go where they overlap least.

    Examples
    --------
    >>> lay = Layout(6)
    >>> lay.add_point(14.0, -11.0, 5)
    >>> lay.add_box(*lay.screen_to_world(0, 0), *lay.screen_to_world(1e6, 1e6))  # no origin: no-op
    >>> lay.label_side(14.0, -11.0, "Kobri")
    'right'
    """

    def __init__(self, zoom: float, char_px: float = 6.9, height: float = 17,
                 origin: tuple[float, float] | None = None):
        self.zoom = zoom
        self.char_px = char_px
        self.height = height
        self.origin = origin
        self.boxes: list[tuple[float, float, float, float]] = []

    @classmethod
    def for_view(cls, bounds: tuple[float, float, float, float],
                 view: tuple[int, int] = VIEW) -> Layout:
        """The layout of the opening view that ``fitBounds`` gives ``bounds`` in ``view``."""
        zoom = fit_zoom(bounds, view)
        w, s, e, n = bounds
        x0, y0 = project(n, w, zoom)
        x1, y1 = project(s, e, zoom)
        cx = (x0 + x1) / 2 + (PADDING_BR[0] - PADDING_TL[0]) / 2
        cy = (y0 + y1) / 2 + (PADDING_BR[1] - PADDING_TL[1]) / 2
        return cls(zoom, origin=(cx - view[0] / 2, cy - view[1] / 2))

    def screen_to_world(self, x: float, y: float) -> tuple[float, float]:
        if self.origin is None:
            return math.nan, math.nan
        return self.origin[0] + x, self.origin[1] + y

    def add_box(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """Reserve a box in world pixels (NaN boxes, from an unknown view, are ignored)."""
        if not any(math.isnan(v) for v in (x0, y0, x1, y1)):
            self.boxes.append((x0, y0, x1, y1))

    def add_panel(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """Reserve a box given in screen pixels of the opening view (a fixed panel)."""
        self.add_box(*self.screen_to_world(x0, y0), *self.screen_to_world(x1, y1))

    def add_text(self, lat: float, lon: float, text: str, char_px: float = 9.5) -> None:
        """Reserve a centred one-line text box (e.g. a country name)."""
        x, y = project(lat, lon, self.zoom)
        w = char_px * len(text)
        self.boxes.append((x - w / 2, y - 9, x + w / 2, y + 9))

    def _cost(self, box: tuple[float, float, float, float]) -> float:
        return sum(_overlap(box, b) for b in self.boxes)

    def add_point(self, lat: float, lon: float, half: float, dx: float = 0,
                  dy: float = 0) -> None:
        x, y = project(lat, lon, self.zoom)
        x, y = x + dx, y + dy
        self.boxes.append((x - half, y - half, x + half, y + half))

    def width(self, text: str) -> float:
        return self.char_px * len(text) + 12

    def label_side(self, lat: float, lon: float, text: str) -> str:
        """The side of a point (right/left/top/bottom) where ``text`` hides least; reserves it."""
        x, y = project(lat, lon, self.zoom)
        w, h = self.width(text), self.height
        cands = {
            "right": (x + 7, y - h / 2, x + 7 + w, y + h / 2),
            "left": (x - 7 - w, y - h / 2, x - 7, y + h / 2),
            "top": (x - w / 2, y - 8 - h, x + w / 2, y - 8),
            "bottom": (x - w / 2, y + 8, x + w / 2, y + 8 + h),
        }
        best = min(cands, key=lambda k: (self._cost(cands[k]), list(cands).index(k)))
        self.boxes.append(cands[best])
        return best

    def along(self, coords: Sequence[tuple[float, float]], text: str,
              fractions: Sequence[float] = (0.3, 0.2, 0.4, 0.12, 0.5, 0.6)) -> list[float]:
        """``[lat, lon]`` on a (lon, lat) line where a centred ``text`` box hides least."""
        w, h = self.width(text), self.height + 4
        best, best_cost = None, math.inf
        for f in fractions:
            lat, lon = point_along(coords, f)
            x, y = project(lat, lon, self.zoom)
            box = (x - w / 2, y - h / 2, x + w / 2, y + h / 2)
            cost = self._cost(box)
            if cost < best_cost - 1e-6:
                best, best_cost, best_box = [round(lat, 5), round(lon, 5)], cost, box
        self.boxes.append(best_box)
        return best


def point_along(coords: Sequence[tuple[float, float]], at: float) -> tuple[float, float]:
    """``(lat, lon)`` at fraction ``at`` of a (lon, lat) line's length from its start."""
    seg = [math.dist(a, b) for a, b in zip(coords, coords[1:], strict=False)]
    goal, done = sum(seg) * at, 0.0
    for (a, b), d in zip(zip(coords, coords[1:], strict=False), seg, strict=True):
        if d and done + d >= goal:
            t = (goal - done) / d
            return a[1] + t * (b[1] - a[1]), a[0] + t * (b[0] - a[0])
        done += d
    return coords[-1][1], coords[-1][0]
