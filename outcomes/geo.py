"""Countries: names for ISO 3166-1 alpha-2 codes and the outlines shipped for the offline map.

Plotly's own maps download their outlines from a CDN when drawn, which fails without internet;
the destination map draws `data/geo/countries.geojson` instead (Natural Earth, public domain;
see data/geo/README.md).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pandas as pd
import pycountry

GEOJSON_PATH = Path(__file__).resolve().parent.parent / "data" / "geo" / "countries.geojson"
FEATURE_ID_KEY = "properties.iso_a2"
USER_ASSIGNED_NAMES = {"XK": "Kosovo"}  # in common use but not part of ISO 3166-1


@functools.cache
def countries() -> dict:
    """The shipped country outlines: a GeoJSON FeatureCollection keyed by `properties.iso_a2`."""
    return json.loads(GEOJSON_PATH.read_text(encoding="utf-8"))


@functools.cache
def outlined_codes() -> frozenset[str]:
    """The alpha-2 codes the shipped geometry can draw."""
    return frozenset(feature["properties"]["iso_a2"] for feature in countries()["features"])


@functools.cache
def centre(code: str) -> tuple[float, float] | None:
    """Longitude and latitude of the middle of a country's largest polygon; None when not drawable."""
    feature = next((f for f in countries()["features"] if f["properties"]["iso_a2"] == code.upper()), None)
    if feature is None:
        return None
    rings = [polygon[0] for polygon in feature["geometry"]["coordinates"]]
    largest = max(rings, key=_span)
    lons = [point[0] for point in largest]
    lats = [point[1] for point in largest]
    return (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2


def _span(ring: list[list[float]]) -> float:
    lons = [point[0] for point in ring]
    lats = [point[1] for point in ring]
    return (max(lons) - min(lons)) * (max(lats) - min(lats))


@functools.cache
def country_name(code: str) -> str:
    """The short English name of an alpha-2 code ('CZ' -> 'Czechia'); the code itself when unknown."""
    code = code.upper()
    if code in USER_ASSIGNED_NAMES:
        return USER_ASSIGNED_NAMES[code]
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


def with_country_names(
    frame: pd.DataFrame, code_column: str = "country", name_column: str = "country_name"
) -> pd.DataFrame:
    """A copy of `frame` with the country's name beside its code (inserted right after it)."""
    named = frame.copy()
    names = [country_name(str(code)) if pd.notna(code) else "" for code in named[code_column]]
    named.insert(named.columns.get_loc(code_column) + 1, name_column, names)
    return named
