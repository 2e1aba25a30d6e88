"""Writes ``data/geo/countries.geojson``, the country outlines the destination map draws offline.

Source: the ``world-atlas`` npm package (version 2.0.2), which redistributes Natural Earth 1:50m
Admin 0 countries (version 4.1.0, public domain) as TopoJSON. Fetch it with the npm client and
point this script at ``countries-50m.json``::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python data/geo/make_countries.py package/countries-50m.json

The TopoJSON arcs are simplified (Douglas–Peucker) before they are assembled into polygons, so
neighbouring countries keep exactly the same shared border; coordinates are rounded to 0.01°.
Features carry ``iso_a2`` (ISO 3166-1 alpha-2, the workbook's country codes) and ``name``.
Rings that cross the antimeridian continue past 180°. Territories without an ISO code
(Northern Cyprus, Somaliland, …) are dropped, Kosovo gets ``XK``.
"""

from __future__ import annotations

import json
import sys
from itertools import pairwise
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parent / "countries.geojson"
TOLERANCE_DEG = 0.06  # about 6 km: invisible on a map of Europe drawn at dashboard size
DECIMALS = 2
USER_ASSIGNED = {"Kosovo": "XK"}  # not in ISO 3166-1, but the code everyone uses
DROPPED = {"AQ"}  # Antarctica: nothing is exported there and it stretches a world view


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute longitude/latitude points of every arc (TopoJSON stores quantised deltas)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas–Peucker keeping both ends (the ends are where arcs meet, so borders stay shared)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = (dx * dx + dy * dy) ** 0.5
        farthest, distance = None, tolerance
        for i in range(first + 1, last):
            px, py = points[i]
            if length:
                d = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / length
            else:
                d = ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
            if d > distance:
                farthest, distance = i, d
        if farthest is not None:
            keep[farthest] = True
            stack.extend([(first, farthest), (farthest, last)])
    return [p for p, k in zip(points, keep, strict=True) if k]


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    """A closed ring from arc indexes (a negative index ~i means arc i reversed)."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    if any(abs(a[0] - b[0]) > 180 for a, b in pairwise(points)):
        # The ring crosses the antimeridian (eastern Russia): continue it past 180° instead of
        # jumping back to -180°, which would draw a band across the whole map.
        points = [(x + 360 if x < 0 else x, y) for x, y in points]
    rounded: list[list[float]] = []
    for x, y in points:
        point = [round(x, DECIMALS), round(y, DECIMALS)]
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    return rounded


def polygons(geometry: dict, arcs: list[list[tuple[float, float]]]) -> list[list[list[list[float]]]]:
    """The geometry's polygons, without rings that simplification collapsed."""
    parts = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    result = []
    for part in parts:
        rings = [ring(r, arcs) for r in part]
        if len(rings[0]) >= 4:
            result.append([r for r in rings if len(r) >= 4])
    return result


def iso_a2(geometry: dict) -> str | None:
    name = geometry.get("properties", {}).get("name", "")
    if name in USER_ASSIGNED:
        return USER_ASSIGNED[name]
    country = pycountry.countries.get(numeric=geometry["id"]) if "id" in geometry else None
    return country.alpha_2 if country else None


def build(topology: dict) -> dict:
    """A GeoJSON FeatureCollection of the countries with an ISO alpha-2 code."""
    raw = decode_arcs(topology)
    simplified = [simplify(a, TOLERANCE_DEG) for a in raw]
    shapes: dict[str, list] = {}
    names: dict[str, str] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = iso_a2(geometry)
        if code is None or code in DROPPED:
            continue
        # Some codes have several Natural Earth units (Australia and the Ashmore and Cartier Islands).
        shapes.setdefault(code, []).extend(polygons(geometry, simplified) or polygons(geometry, raw))
        names.setdefault(code, geometry["properties"]["name"])
    features = [
        {
            "type": "Feature",
            "id": code,
            "properties": {"iso_a2": code, "name": names[code]},
            "geometry": {"type": "MultiPolygon", "coordinates": shapes[code]},
        }
        for code in sorted(shapes)
    ]
    return {"type": "FeatureCollection", "features": features}


def main(source: str) -> None:
    collection = build(json.loads(Path(source).read_text(encoding="utf-8")))
    OUT.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    print(f"{OUT}: {len(collection['features'])} countries, {OUT.stat().st_size / 1024:.0f} KiB")


if __name__ == "__main__":
    main(sys.argv[1])
