"""Derive `sites/geodata/map.json` from the boundary polygons in `sites/geodata/boundaries/`.

The map is drawn on every request from this file alone: the projection, the rounding of every
vertex, the province borders and each county's label anchor are worked out here, once, when
the boundaries change. Run `python manage.py build_map` and commit the file it writes.

Needs shapely (requirements-dev.txt); the site itself does not.
"""

import csv
import itertools
import json
import math
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from sites import maps
from sites.search import southern_hangul

# Map units across the whole country, margin included; a vertex is kept to a tenth of one
# (about 50 m), finer than the boundaries' own 200 m simplification.
WIDTH = 1000
MARGIN = 0.08  # degrees around the country
GAZETTEER = settings.BASE_DIR / "seed" / "gazetteer.csv"


class Command(BaseCommand):
    help = "Project the county and province boundaries into sites/geodata/map.json."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, default=maps.GEODATA)

    def handle(self, *args, output: Path, **options):
        from shapely import affinity, line_merge, ops, unary_union
        from shapely.geometry import MultiLineString, shape

        known = gazetteer_keys()
        counties = read(maps.BOUNDARIES / "counties.geojson")
        provinces = read(maps.BOUNDARIES / "provinces.geojson")
        country = unary_union([shape(f["geometry"]) for f in provinces])
        west, south, east, north = country.bounds
        west, south, east, north = west - MARGIN, south - MARGIN, east + MARGIN, north + MARGIN
        # Equirectangular about the country's middle latitude: at this size the shapes stay
        # true to a few per cent without a projection library.
        x_scale = math.cos(math.radians((south + north) / 2))
        scale = WIDTH / ((east - west) * x_scale)

        def project(geometry):
            moved = affinity.translate(geometry, -west, -north)
            return affinity.scale(moved, x_scale * scale, -scale, origin=(0, 0))

        areas = []
        for feature in counties:
            geometry = project(shape(feature["geometry"]))
            largest = max(getattr(geometry, "geoms", [geometry]), key=lambda part: part.area)
            anchor = ops.polylabel(largest, tolerance=0.5)
            properties = feature["properties"]
            areas.append(
                {
                    "name": properties["name"],
                    "own": in_gazetteer(
                        f"{properties['hangul']}|{properties['province_iso']}", known
                    )
                    if properties["hangul"]
                    else None,
                    "covers": [in_gazetteer(key, known) for key in properties["gazetteer"]],
                    "province": properties["province_iso"],
                    "box": rounded_box(geometry.bounds),
                    "anchor": [round(anchor.x, 1), round(anchor.y, 1)],
                    "d": path(
                        ring
                        for polygon in getattr(geometry, "geoms", [geometry])
                        for ring in (polygon.exterior, *polygon.interiors)
                    ),
                }
            )
        # Each border between two provinces once, with the coast and the frontier.
        outlines = [project(shape(feature["geometry"])).boundary for feature in provinces]
        borders = line_merge(unary_union(outlines))
        lines = borders.geoms if isinstance(borders, MultiLineString) else [borders]
        data = {
            "source": "Who's On First (CC0), see geodata/boundaries/README.md",
            "projection": {
                "west": west,
                "north": north,
                "x_scale": x_scale,
                "scale": scale,
            },
            "width": WIDTH,
            "height": round((north - south) * scale, 1),
            "provinces": {
                f["properties"]["province_iso"]: rounded_box(project(shape(f["geometry"])).bounds)
                for f in provinces
            },
            "borders": [{"box": rounded_box(line.bounds), "d": path([line])} for line in lines],
            "counties": areas,
        }
        output.write_text(encoded(data))
        self.stdout.write(f"Wrote {output} ({output.stat().st_size:,} bytes).")


def gazetteer_keys() -> set[str]:
    with GAZETTEER.open(newline="") as rows:
        return {
            f"{row['hangul']}|{row['province_iso']}"
            for row in csv.DictReader(rows)
            if row["level"] == "county"
        }


def in_gazetteer(key: str, known: set[str]) -> str:
    """The gazetteer's key for a boundary's "hangul|province": the same, or the same name in
    the other orthography (락원군 and 낙원군 read alike by the search rule's southern_hangul)."""
    if key in known:
        return key
    alike = {southern_hangul(other): other for other in known}
    if southern_hangul(key) not in alike:
        raise CommandError(f"{key} is in no row of {GAZETTEER}.")
    return alike[southern_hangul(key)]


def read(path):
    return json.loads(path.read_text())["features"]


def rounded_box(bounds):
    return [round(value, 1) for value in bounds]


def path(lines) -> str:
    """SVG path data: each line's first vertex absolute, the rest relative, in tenths rounded
    before they are differenced, so that neighbours' shared edges stay identical."""
    parts = []
    for line in lines:
        tenths = []
        for x, y in line.coords:
            vertex = (round(x * 10), round(y * 10))
            if not tenths or vertex != tenths[-1]:
                tenths.append(vertex)
        closed = len(tenths) > 2 and tenths[0] == tenths[-1]
        if closed:
            tenths.pop()
        steps = [(b[0] - a[0], b[1] - a[1]) for a, b in itertools.pairwise(tenths)]
        parts.append(
            f"M{number(tenths[0][0])} {number(tenths[0][1])}"
            + ("l" + " ".join(f"{number(dx)} {number(dy)}" for dx, dy in steps) if steps else "")
            + ("z" if closed else "")
        )
    return "".join(parts)


def number(tenths: int) -> str:
    """A tenth-count as the shortest decimal: 12 -> "1.2", 5 -> ".5", -30 -> "-3"."""
    whole, tenth = divmod(abs(tenths), 10)
    digits = f"{whole or ''}.{tenth}" if tenth else f"{whole}"
    return f"-{digits}" if tenths < 0 else digits


def encoded(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
