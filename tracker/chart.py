"""A timeline chart as inline SVG, drawn on the server: no script, no CDN, works offline and in mail clients.

Two step series over days: governments advising their citizens to leave (cumulative) and governments that drew
down, moved or closed their embassy (cumulative). Pure: data in, markup out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape


@dataclass(frozen=True, slots=True)
class Point:
    day: date
    leave: int
    embassy: int


@dataclass(frozen=True, slots=True)
class Series:
    name: str
    css_class: str
    values: tuple[int, ...]


WIDTH, HEIGHT = 880, 320
LEFT, RIGHT, TOP, BOTTOM = 48, 40, 16, 64
LABEL_WIDTH = 80  # px a date label needs; fewer labels than that are drawn rather than overlapping ones


def _x(index: int, count: int) -> float:
    span = WIDTH - LEFT - RIGHT
    return LEFT + (span * index / (count - 1) if count > 1 else span / 2)


def _y(value: int, top: int) -> float:
    span = HEIGHT - TOP - BOTTOM
    return HEIGHT - BOTTOM - (span * value / top if top else 0)


def _step_path(values: tuple[int, ...], top: int) -> str:
    count = len(values)
    parts = [f"M{_x(0, count):.1f},{_y(values[0], top):.1f}"]
    for index in range(1, count):
        parts.append(f"H{_x(index, count):.1f}V{_y(values[index], top):.1f}")
    return " ".join(parts)


def timeline_svg(points: list[Point], title: str) -> str:
    """The chart, or a short note when there is nothing to draw."""
    if not points:
        return '<p class="empty">No events yet for this country.</p>'
    series = [
        Series("Governments advising citizens to leave", "leave", tuple(p.leave for p in points)),
        Series("Embassies drawn down, moved or closed", "embassy", tuple(p.embassy for p in points)),
    ]
    top = max(1, *(max(s.values) for s in series))
    count = len(points)
    out = [
        f'<svg class="timeline" role="img" aria-label="{escape(title)}" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="100%" xmlns="http://www.w3.org/2000/svg" data-days="{count}" data-max="{top}">',
        f"<title>{escape(title)}</title>",
    ]
    for tick in sorted({0, top // 2, top}):
        y = _y(tick, top)
        out.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>')
        out.append(f'<text class="axis" x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end">{tick}</text>')
    label_every = max(1, -(-count * LABEL_WIDTH // (WIDTH - LEFT - RIGHT)))
    for index, point in enumerate(points):
        if index % label_every == 0 or index == count - 1:
            out.append(
                f'<text class="axis" x="{_x(index, count):.1f}" y="{HEIGHT - BOTTOM + 18}" '
                f'text-anchor="middle">{point.day.isoformat()}</text>'
            )
    for s in series:
        out.append(f'<path class="series {s.css_class}" d="{_step_path(s.values, top)}"/>')
        for index, value in enumerate(s.values):
            out.append(
                f'<circle class="point {s.css_class}" cx="{_x(index, count):.1f}" cy="{_y(value, top):.1f}" r="3">'
                f"<title>{points[index].day.isoformat()}: {value} — {escape(s.name)}</title></circle>"
            )
    # The axis lists the days on which something happened, evenly spaced: a crisis's busy week stays readable next
    # to a lone event months away, at the price of time not being to scale; the chart says so.
    out.append(
        f'<text class="axis" x="{WIDTH - RIGHT}" y="{HEIGHT - 12}" text-anchor="end">'
        "days with events, not to scale</text>"
    )
    legend_y = HEIGHT - 12
    for offset, s in enumerate(series):
        x = LEFT + 12 + offset * 330
        out.append(f'<rect class="legend {s.css_class}" x="{x}" y="{legend_y - 8}" width="14" height="4"/>')
        out.append(f'<text class="legend-label" x="{x + 20}" y="{legend_y}">{escape(s.name)}</text>')
    out.append("</svg>")
    return "".join(out)
