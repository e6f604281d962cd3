"""Charts drawn on the server as SVG, so they need no script and no outside resource.

Styling comes from classes in static/css/site.css and SVG presentation attributes only: the
pages carry no inline style, so a strict Content-Security-Policy can forbid it.
"""

import datetime
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from regiondev.dates import korean_active


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    href: str = ""
    css_class: str = ""


def _svg(chart_id, width, height, title, description, body: list[str], wide=False) -> SafeString:
    css_class = "chart wide timeline" if wide else "chart"
    return mark_safe(  # noqa: S308 -- every text in it is escaped, the rest are numbers
        f'<svg class="{css_class}" id="{chart_id}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>' + "".join(body) + "</svg>"
    )


def _linked(href: str, label: str, shape: str) -> str:
    if not href:
        return shape
    return f'<a href="{escape(href)}" aria-label="{escape(label)}">{shape}</a>'


def column_chart(
    bars: list[Bar], *, chart_id: str, title: str, target: int | None = None
) -> SafeString:
    """Vertical bars with their values on top; an optional dashed target line."""
    width, height, top, bottom, left = 360, 200, 22, 24, 6
    plot = height - top - bottom
    scale_max = max([bar.value for bar in bars] + [target or 0, 1])
    slot = (width - left * 2) / max(len(bars), 1)
    bar_width = slot * 0.7
    body = [
        f'<line class="axis" x1="{left}" y1="{height - bottom}" '
        f'x2="{width - left}" y2="{height - bottom}"/>'
    ]
    if target:
        y = height - bottom - plot * target / scale_max
        body.append(
            f'<line class="target" x1="{left}" y1="{y:.1f}" x2="{width - left}" y2="{y:.1f}"/>'
        )
        target_label = _("%(count)s a year") % {"count": target}
        body.append(
            f'<text class="target-label" x="{width - left}" y="{y - 4:.1f}" '
            f'text-anchor="end">{target_label}</text>'
        )
    for index, bar in enumerate(bars):
        x = left + slot * index + (slot - bar_width) / 2
        bar_height = plot * bar.value / scale_max
        y = height - bottom - bar_height
        centre = x + bar_width / 2
        described = f"{bar.label}: {bar.value}"
        rect = (
            f'<rect class="bar {escape(bar.css_class)}" x="{x:.1f}" y="{y:.1f}" '
            f'width="{bar_width:.1f}" height="{bar_height:.1f}"><title>{escape(described)}</title>'
            "</rect>"
        )
        body.append(_linked(bar.href, described, rect))
        body.append(
            f'<text class="value" x="{centre:.1f}" y="{y - 4:.1f}" text-anchor="middle">'
            f"{bar.value}</text>"
        )
        body.append(
            f'<text class="muted" x="{centre:.1f}" y="{height - 8}" text-anchor="middle">'
            f"{escape(bar.label)}</text>"
        )
    description = "; ".join(f"{bar.label}: {bar.value}" for bar in bars)
    return _svg(chart_id, width, height, title, description, body)


def bar_chart(bars: list[Bar], *, chart_id: str, title: str) -> SafeString:
    """Horizontal bars, one a row, label on the left and value at the end."""
    width, row, label_width, right = 360, 30, 124, 34
    height = row * max(len(bars), 1) + 6
    scale_max = max([bar.value for bar in bars] + [1])
    plot = width - label_width - right
    body = []
    for index, bar in enumerate(bars):
        y = 4 + row * index
        bar_width = plot * bar.value / scale_max
        described = f"{bar.label}: {bar.value}"
        rect = (
            f'<rect class="bar {escape(bar.css_class)}" x="{label_width}" y="{y + 4}" '
            f'width="{bar_width:.1f}" height="{row - 12}"><title>{escape(described)}</title></rect>'
        )
        body.append(
            f'<text x="{label_width - 8}" y="{y + row / 2 + 2:.1f}" text-anchor="end">'
            f"{escape(bar.label)}</text>"
        )
        body.append(_linked(bar.href, described, rect))
        body.append(
            f'<text class="value" x="{label_width + bar_width + 6:.1f}" '
            f'y="{y + row / 2 + 2:.1f}">{bar.value}</text>'
        )
    description = "; ".join(f"{bar.label}: {bar.value}" for bar in bars)
    return _svg(chart_id, width, height, title, description, body)


@dataclass(frozen=True)
class Span:
    """One dated thing on a timeline: a day, or the days it may have been."""

    label: str
    lower: datetime.date
    upper: datetime.date
    css_class: str = ""


@dataclass(frozen=True)
class Band:
    """Construction, from the groundbreaking to the inauguration: the days it surely went on,
    and on either side the days an uncertain date leaves open."""

    label: str
    start: Span
    end: Span


def timeline_chart(
    spans: list[Span], *, chart_id: str, title: str, band: Band | None = None
) -> SafeString:
    """Dates on one axis: a day is a dot, an uncertain date a band over every day it may be;
    above them, construction as a band from groundbreaking to inauguration.

    Each label has a line of its own above its mark, so it never runs off a narrow screen,
    and the drawing is 400 units wide so that its 14-unit text stays legible at phone width.
    """
    width, label_height, mark_height, axis_height = 400, 18, 22, 22
    row = label_height + mark_height + 6
    rows = ([band] if band else []) + list(spans)
    start = min(span.lower for span in spans)
    end = max(span.upper for span in spans) + datetime.timedelta(days=1)
    # Pad to whole months so the axis ticks fall on the first of a month.
    start = start.replace(day=1)
    end = (end.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    total = max((end - start).days, 1)
    left, right = 8, width - 8
    height = row * len(rows) + axis_height + 10

    def x_of(day: datetime.date) -> float:
        return left + (right - left) * (day - start).days / total

    one_day = datetime.timedelta(days=1)
    body = []
    for index, item in enumerate(rows):
        top = 6 + row * index
        y = top + label_height + mark_height / 2
        if isinstance(item, Band):
            outer_x1, outer_x2 = x_of(item.start.lower), x_of(item.end.upper + one_day)
            sure_x1, sure_x2 = x_of(item.start.upper + one_day), x_of(item.end.lower)
            shape = (
                f'<rect class="band-open" x="{outer_x1:.1f}" y="{y - 8:.1f}" '
                f'width="{max(outer_x2 - outer_x1, 3):.1f}" height="16" rx="3"/>'
                f'<rect class="band" x="{sure_x1:.1f}" y="{y - 8:.1f}" '
                f'width="{max(sure_x2 - sure_x1, 0):.1f}" height="16"/>'
            )
            label_class = "band-label"
        else:
            x1, x2 = x_of(item.lower), x_of(item.upper + one_day)
            if item.lower == item.upper:
                shape = (
                    f'<circle class="point {escape(item.css_class)}" cx="{(x1 + x2) / 2:.1f}" '
                    f'cy="{y:.1f}" r="7"/>'
                )
            else:
                shape = (
                    f'<rect class="span {escape(item.css_class)}" x="{x1:.1f}" '
                    f'y="{y - 8:.1f}" width="{max(x2 - x1, 4):.1f}" height="16" rx="3"/>'
                )
            label_class = "label"
        body.append(f"<g><title>{escape(item.label)}</title>{shape}</g>")
        body.append(
            f'<text class="{label_class}" x="{left}" y="{top + label_height - 4}">'
            f"{escape(item.label)}</text>"
        )
    axis_y = height - axis_height
    body.append(f'<line class="axis" x1="{left}" y1="{axis_y}" x2="{right}" y2="{axis_y}"/>')
    months = _months_between(start, end)
    step = -(-len(months) // 4)  # at most four ticks, so labels never collide
    for index, month in enumerate(months[::step]):
        x = x_of(month)
        body.append(
            f'<line class="axis" x1="{x:.1f}" y1="{axis_y}" x2="{x:.1f}" y2="{axis_y + 4}"/>'
        )
        with_year = index == 0 or month.month == 1
        if korean_active():
            label = f"{month.year}년 {month.month}월" if with_year else f"{month.month}월"
        else:
            label = f"{month:%b %Y}" if with_year else f"{month:%b}"
        anchor = "start" if index == 0 else "middle"
        body.append(
            f'<text class="muted" x="{x:.1f}" y="{axis_y + 17}" text-anchor="{anchor}">'
            f"{label}</text>"
        )
    description = "; ".join(item.label for item in rows)
    return _svg(chart_id, width, height, title, description, body, wide=True)


def _months_between(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    months, month = [], start
    while month < end:
        months.append(month)
        month = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return months
