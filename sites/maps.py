"""The DPRK's counties drawn from their own shapes, on the server, as SVG.

No tiles, no script, nothing from another host. The county polygons are Who's On First's
(CC0, `geodata/boundaries/`); `manage.py build_map` projects them once into
`geodata/map.json`, which this module reads on first use and only draws from. A county the
gazetteer has but no polygon of its own (the inner districts of Pyongyang, Rason and Nampho,
Sungho) is drawn as a point at its seat, or in the middle of the polygon it shares. Like the
charts, styling comes from classes in static/css/site.css only.

Each county with a record is a link named for it. The programme's counties are filled by
year and numbered; the numbers are the keys of the list beside the map, and sit where no
two of them touch, each big enough to tap on a phone.
"""

import functools
import hashlib
import json
import math
from dataclasses import dataclass
from pathlib import Path

from django.core.cache import cache
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from sites.choices import FactoryStatus
from sites.templatetags.pages import named

GEODATA_DIR = Path(__file__).parent / "geodata"
BOUNDARIES = GEODATA_DIR / "boundaries"
GEODATA = GEODATA_DIR / "map.json"
# A number's disc is at least a finger's 24 px wide however wide the map is drawn. Its size
# scales with the map, so the numbers are placed twice: for the narrowest map (a 390 px
# phone less the page's margins) and for a map from WIDE_PX up; the stylesheet shows the set
# that fits the map's width (a container query on .map-figure).
NARROWEST_PX = 358
WIDE_PX = 560
KEY_PX = 26
CROP_MARGIN = 0.06  # of the province's larger side, around a province view
CACHE_SECONDS = 3600


@dataclass(frozen=True)
class Place:
    """A county as the map shows it. `key` is the gazetteer's "hangul|province ISO"."""

    key: str
    label: str
    province: str = ""  # ISO code
    latitude: float | None = None
    longitude: float | None = None
    href: str = ""
    programme_year: int | None = None
    status: str = ""  # the furthest any of its factories has come, or "" for none
    current: bool = False

    @property
    def marked(self) -> bool:
        return self.programme_year is not None or self.current

    def described(self) -> str:
        """The accessible name: the county, its year and how far it has come."""
        if not self.programme_year:
            return self.label
        return "{}: {}, {}".format(
            self.label,
            _("programme year %(year)s") % {"year": self.programme_year},
            _(self.status) if self.status else _("no factory recorded yet"),
        )


def place_of(county, **marks) -> Place:
    """A county record (its province read with it) as the map shows it; `marks` give its
    link, programme year, status or whether it is the page's own county."""
    return Place(
        key=f"{county.name_ko}|{county.province.iso_code}",
        label=f"{named(county)}, {named(county.province)}",
        province=county.province.iso_code or "",
        latitude=None if county.latitude is None else float(county.latitude),
        longitude=None if county.longitude is None else float(county.longitude),
        **marks,
    )


@functools.cache
def geodata() -> dict:
    """The projected boundaries, read once per process on first use."""
    return json.loads(GEODATA.read_text())


@functools.cache
def own_polygons() -> dict[str, dict]:
    """Each polygon by the gazetteer key of the one county it is the shape of."""
    return {area["own"]: area for area in geodata()["counties"] if area["own"]}


@functools.cache
def shared_polygons() -> dict[str, dict]:
    """The polygon each county lies in that has none of its own (Pyongyang's inner districts
    share the city's), by the county's gazetteer key."""
    return {
        key: area for area in geodata()["counties"] for key in area["covers"] if key != area["own"]
    }


def seat(place: Place) -> tuple[float, float] | None:
    """Where a county without a polygon of its own is drawn: its seat, or, when the gazetteer
    has none, the middle of the polygon it shares."""
    if place.latitude is not None:
        return project(place.longitude, place.latitude)
    area = shared_polygons().get(place.key)
    return tuple(area["anchor"]) if area else None


def drawn(places: list[Place]) -> list[Place]:
    """The places the map can draw: those with a polygon of their own or a point."""
    return [p for p in places if p.key in own_polygons() or seat(p) is not None]


def numbered(places: list[Place], *, province: str | None = None) -> list[Place]:
    """The programme's counties the map marks, in the order of their numbers (by year, then
    name): the list beside the map is this list."""
    return sorted(
        (
            p
            for p in drawn(places)
            if p.programme_year is not None and province in (None, p.province)
        ),
        key=lambda p: (p.programme_year, p.label),
    )


def project(longitude: float, latitude: float) -> tuple[float, float]:
    projection = geodata()["projection"]
    return (
        (longitude - projection["west"]) * projection["x_scale"] * projection["scale"],
        (projection["north"] - latitude) * projection["scale"],
    )


def view_box(province: str | None) -> tuple[float, float, float, float]:
    """x, y, width, height of the whole country, or of one province with a margin."""
    data = geodata()
    if province not in data["provinces"]:
        return (0.0, 0.0, float(data["width"]), float(data["height"]))
    west, north, east, south = data["provinces"][province]
    margin = CROP_MARGIN * max(east - west, south - north)
    return (
        west - margin,
        north - margin,
        east - west + 2 * margin,
        south - north + 2 * margin,
    )


def overlaps(a, b) -> bool:
    """Whether two boxes (x0, y0, x1, y1) share any area."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_keys(
    anchors: list[tuple[float, float]], radius: float, frame: tuple[float, float, float, float]
) -> list[tuple[float, float]]:
    """Where each numbered disc goes, in the order given: on its county's anchor if that is
    free, else on the nearest free spot of rings around it (nearest ring first, then clockwise
    from north). A spot is free inside the frame and clear of every disc already placed; the
    first choice, if it is at most two rings further, is also one whose leader line crosses no
    disc or line placed before it and that hides no other county's anchor."""
    x, y, width, height = frame
    step = 2.2 * radius
    spots = [(0.0, 0.0)] + [
        (ring * step * math.sin(angle), -ring * step * math.cos(angle))
        for ring in range(1, 14)
        for angle in (2 * math.pi * k / (8 * ring) for k in range(8 * ring))
    ]
    gap = radius * 0.08
    discs: list[tuple[float, float]] = []
    leaders: list[tuple[tuple[float, float], tuple[float, float]]] = []
    for index, here in enumerate(anchors):
        others = [a for i, a in enumerate(anchors) if i != index]

        def free(centre):
            cx, cy = centre
            return (
                x + radius <= cx <= x + width - radius
                and y + radius <= cy <= y + height - radius
                and all(max(abs(cx - dx), abs(cy - dy)) >= 2 * radius + gap for dx, dy in discs)
            )

        def tidy(centre, here=here, others=others):
            return (
                all(distance(other, centre) > radius * 1.2 for other in others)
                and all(segment_distance(disc, here, centre) > radius for disc in discs)
                and not any(crosses((here, centre), leader) for leader in leaders)
                and all(segment_distance(centre, *leader) > radius for leader in leaders)
            )

        nearest = chosen = None
        for centre in ((here[0] + dx, here[1] + dy) for dx, dy in spots):
            if not free(centre):
                continue
            nearest = nearest or centre
            # A tidy spot is worth a little detour, not a line across the map.
            if distance(centre, here) > distance(nearest, here) + 2 * step:
                break
            if tidy(centre):
                chosen = centre
                break
        centre = chosen or nearest or here
        discs.append(centre)
        if centre != here:
            leaders.append((here, centre))
    return discs


def distance(a, b) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


def segment_distance(point, start, end) -> float:
    """How far `point` is from the segment from `start` to `end`."""
    (px, py), (sx, sy), (ex, ey) = point, start, end
    length = (ex - sx) ** 2 + (ey - sy) ** 2
    if not length:
        return distance(point, start)
    t = max(0.0, min(1.0, ((px - sx) * (ex - sx) + (py - sy) * (ey - sy)) / length))
    return distance(point, (sx + t * (ex - sx), sy + t * (ey - sy)))


def crosses(first, second) -> bool:
    """Whether two segments cross (touching ends do not count)."""

    def side(a, b, c):
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    (p, q), (r, s) = first, second
    return side(p, q, r) * side(p, q, s) < 0 and side(r, s, p) * side(r, s, q) < 0


def county_map(
    places: list[Place],
    *,
    map_id: str,
    title: str,
    province: str | None = None,
    numbers: bool = True,
) -> SafeString:
    """Every county's shape, those with a record as links, the programme's filled by year;
    the province borders; numbered keys for `numbered(places, province=...)` when `numbers`.
    Cropped to one province (an ISO code) when asked. Drawn once per distinct input."""
    digest = hashlib.blake2b(
        repr((places, map_id, title, province, numbers, get_language())).encode(),
        digest_size=16,
    ).hexdigest()
    key = f"map-svg:{GEODATA.stat().st_mtime_ns}:{digest}"
    svg = cache.get(key)
    if svg is None:
        svg = draw(places, map_id=map_id, title=title, province=province, numbers=numbers)
        cache.set(key, svg, CACHE_SECONDS)
    return mark_safe(svg)  # noqa: S308 -- every text in it is escaped, the rest are numbers


def draw(places, *, map_id, title, province, numbers) -> str:
    data = geodata()
    frame = view_box(province)
    x, y, width, height = frame
    visible = (x, y, x + width, y + height)
    by_key = {p.key: p for p in places}
    quiet, filled = [], []
    for area in data["counties"]:
        if not overlaps(area["box"], visible):
            continue
        place = by_key.get(area["own"])
        classes = shape_class(place, province, area["province"])
        drawn_shape = linked(place, f'<path class="{classes}" d="{area["d"]}"/>')
        on_top = place is not None and (place.current or filled_by_year(place, province))
        (filled if on_top else quiet).append(drawn_shape)
    borders = "".join(b["d"] for b in data["borders"] if overlaps(b["box"], visible))
    points = [
        point(p, width, province)
        for p in sorted(places, key=lambda p: p.marked)
        if p.key not in own_polygons() and seat(p) is not None
    ]
    keys = numbered(places, province=province) if numbers else []
    description = (
        _(
            "Map of the DPRK's counties, %(marked)s of them in the programme and numbered as "
            "in the list beside it. Boundaries: Who's On First."
        )
        % {"marked": len(keys)}
        if numbers
        else _("Map of the DPRK's counties. Boundaries: Who's On First.")
    )
    scale = 640 / width
    return (
        f'<svg class="map" id="{map_id}" viewBox="{x:.1f} {y:.1f} {width:.1f} {height:.1f}" '
        f'width="640" height="{height * scale:.0f}" '
        f'aria-labelledby="{map_id}-title {map_id}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{map_id}-title">{escape(title)}</title>'
        f'<desc id="{map_id}-desc">{escape(description)}</desc>'
        f'<g class="counties">{"".join(quiet)}</g>'
        f'<g class="counties programme">{"".join(filled)}</g>'
        f'<path class="borders" d="{borders}"/>'
        f"{''.join(points)}{key_layer(keys, frame, NARROWEST_PX, 'narrow')}"
        f"{key_layer(keys, frame, WIDE_PX, 'wide')}</svg>"
    )


def shape_class(place: Place | None, province: str | None, area_province: str) -> str:
    """A county's classes: filled by its year when it is in the programme and in the view's
    province (or the view is the whole country), dimmed outside the view's province."""
    classes = ["county"]
    if province not in (None, area_province):
        classes.append("outside")
    elif place is not None and filled_by_year(place, province):
        classes.append(f"y{place.programme_year}")
    if place is not None and place.current:
        classes.append("current")
    return " ".join(classes)


def filled_by_year(place: Place, province: str | None) -> bool:
    return place.programme_year is not None and province in (None, place.province)


def linked(place: Place | None, shape: str) -> str:
    """The shape as a link to the county's page, named for the county, when it has one."""
    if place is None or not place.href:
        return shape
    return (
        f'<a href="{escape(place.href)}" data-key="{escape(place.key)}" '
        f'aria-label="{escape(place.described())}">'
        f"<title>{escape(place.described())}</title>{shape}</a>"
    )


def point(place: Place, width: float, province: str | None) -> str:
    """A county without a polygon of its own, at its seat."""
    cx, cy = seat(place)
    radius = width / NARROWEST_PX * (4 if place.marked else 2)
    classes = shape_class(place, province, place.province)
    return linked(
        place, f'<circle class="{classes} point" cx="{cx:.1f}" cy="{cy:.1f}" r="{radius:.1f}"/>'
    )


def anchor(place: Place) -> tuple[float, float]:
    area = own_polygons().get(place.key)
    return tuple(area["anchor"]) if area else seat(place)


def key_layer(keys: list[Place], frame, map_px: int, size: str) -> str:
    """The numbers as drawn on a map `map_px` wide or wider, each a second way into its
    county for a finger, so hidden from screen readers and the keyboard (the county's shape
    is their link)."""
    if not keys:
        return ""
    radius = KEY_PX / 2 * frame[2] / map_px
    anchors = [anchor(place) for place in keys]
    leaders, discs = [], []
    for number, (place, (ax, ay), (cx, cy)) in enumerate(
        zip(keys, anchors, place_keys(anchors, radius, frame), strict=True), start=1
    ):
        if (ax, ay) != (cx, cy):
            leaders.append(
                f'<line x1="{ax:.1f}" y1="{ay:.1f}" x2="{cx:.1f}" y2="{cy:.1f}"/>'
                f'<circle cx="{ax:.1f}" cy="{ay:.1f}" r="{radius / 6:.2f}"/>'
            )
        discs.append(
            f'<a href="{escape(place.href)}" tabindex="-1" class="key y{place.programme_year}" '
            f'data-key="{escape(place.key)}">'
            f'<circle class="disc" cx="{cx:.1f}" cy="{cy:.1f}" r="{radius:.1f}"/>'
            f'<text x="{cx:.1f}" y="{cy:.1f}" font-size="{radius:.1f}">{number}</text></a>'
        )
    # Every line under every number, so that no line crosses a number's digits.
    return (
        f'<g class="keys {size}" aria-hidden="true">'
        f'<g class="leaders">{"".join(leaders)}</g>{"".join(discs)}</g>'
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
