"""The DPRK's outline with its counties' points, drawn on the server as SVG.

No tiles, no script, nothing from another host: the outline is Natural Earth's (public
domain), derived once into `geodata/dprk-outline.geojson` (see `geodata/README.md`), and each
point is a county's seat from the gazetteer (GeoNames, CC BY 4.0, and Who's On First). Like the
charts, styling comes from classes in static/css/site.css only.
"""

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from sites.choices import FactoryStatus

OUTLINE_PATH = Path(__file__).parent / "geodata" / "dprk-outline.geojson"
OUTLINE_CREDIT = "Outline: Natural Earth (public domain)."
POINTS_CREDIT = "County points: GeoNames (CC BY 4.0) and Who's On First."
MARGIN = 0.15  # degrees around the outline
# One degree of longitude is cos(latitude) of a degree of latitude; the middle of the country
# keeps the shape true enough at this scale without a projection library.
MIDDLE_LATITUDE = 40.0
X_SCALE = math.cos(math.radians(MIDDLE_LATITUDE))


@dataclass(frozen=True)
class Point:
    label: str
    latitude: float
    longitude: float
    href: str = ""
    programme_year: int | None = None
    status: str = ""  # the furthest any of its factories has come, or "" for none
    current: bool = False


@functools.cache
def outline_rings() -> tuple[tuple[tuple[float, float], ...], ...]:
    """The outline's rings as (longitude, latitude) pairs, read once per process."""
    geometry = json.loads(OUTLINE_PATH.read_text())["features"][0]["geometry"]
    polygons = (
        geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    )
    return tuple(tuple(map(tuple, ring)) for polygon in polygons for ring in polygon)


@functools.cache
def bounds() -> tuple[float, float, float, float]:
    """West, south, east, north of the outline, with a margin."""
    points = [point for ring in outline_rings() for point in ring]
    return (
        min(lon for lon, _ in points) - MARGIN,
        min(lat for _, lat in points) - MARGIN,
        max(lon for lon, _ in points) + MARGIN,
        max(lat for _, lat in points) + MARGIN,
    )


def inside_outline(longitude: float, latitude: float) -> bool:
    """Whether a point falls inside the outline (even-odd rule over every ring)."""
    inside = False
    for ring in outline_rings():
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y1 > latitude) != (y2 > latitude):
                crossing = x1 + (latitude - y1) * (x2 - x1) / (y2 - y1)
                if longitude < crossing:
                    inside = not inside
    return inside


class Projection:
    """Degrees to the SVG's user units, `width` wide."""

    def __init__(self, width: int):
        west, south, east, north = bounds()
        self.west, self.north = west, north
        self.scale = width / ((east - west) * X_SCALE)
        self.width = width
        self.height = round((north - south) * self.scale)

    def __call__(self, longitude: float, latitude: float) -> tuple[float, float]:
        return (
            (longitude - self.west) * X_SCALE * self.scale,
            (self.north - latitude) * self.scale,
        )


def _outline_path(project: Projection) -> str:
    return "".join(
        "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in (project(*p) for p in ring)) + "Z"
        for ring in outline_rings()
    )


def _marker(point: Point, project: Projection, radius: float) -> str:
    x, y = project(point.longitude, point.latitude)
    if point.programme_year is None and not point.current:
        return f'<circle class="place" cx="{x:.1f}" cy="{y:.1f}" r="{radius / 2.5:.1f}"/>'
    classes = ["point"]
    if point.programme_year:
        classes.append(f"y{point.programme_year}")
    if point.status:
        classes.append(point.status.replace(" ", "-"))
    if point.current:
        classes.append("current")
    described = point.label
    if point.programme_year:
        described += ": " + _("programme year %(year)s") % {"year": point.programme_year}
        described += ", " + (_(point.status) if point.status else _("no factory recorded yet"))
    shape = (
        f'<circle class="{" ".join(classes)}" cx="{x:.1f}" cy="{y:.1f}" r="{radius}">'
        f"<title>{escape(described)}</title></circle>"
    )
    if not point.href:
        return shape
    return f'<a href="{escape(point.href)}" aria-label="{escape(described)}">{shape}</a>'


def county_map(points: list[Point], *, map_id: str, title: str, width: int = 360) -> SafeString:
    """The outline, every point, and programme counties marked by year and status."""
    project = Projection(width)
    radius = 5 if width >= 300 else 4
    # Programme counties last, so they lie on top of the plain places they sit among.
    ordered = sorted(points, key=lambda p: p.programme_year is not None or p.current)
    marked = sum(1 for p in points if p.programme_year or p.current)
    description = (
        f"Map of the DPRK with {len(points)} county point{'s' if len(points) != 1 else ''}, "
        f"{marked} of them marked. {OUTLINE_CREDIT} {POINTS_CREDIT}"
    )
    body = [f'<path class="land" d="{_outline_path(project)}"/>']
    body += [_marker(point, project, radius) for point in ordered]
    return mark_safe(  # noqa: S308 -- every text in it is escaped, the rest are numbers
        f'<svg class="map" id="{map_id}" viewBox="0 0 {project.width} {project.height}" '
        f'width="{project.width}" height="{project.height}" role="img" '
        f'aria-labelledby="{map_id}-title {map_id}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{map_id}-title">{escape(title)}</title>'
        f'<desc id="{map_id}-desc">{escape(description)}</desc>' + "".join(body) + "</svg>"
    )


def furthest_status(operating: int, building: int, planned: int) -> str:
    """A county's status on the map: the furthest any of its factories has come."""
    if operating:
        return FactoryStatus.OPERATING
    if building:
        return FactoryStatus.UNDER_CONSTRUCTION
    if planned:
        return FactoryStatus.PLANNED
    return ""
