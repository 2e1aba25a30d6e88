"""Countries: names for ISO 3166-1 alpha-2 codes and the outlines shipped for the offline map.

Plotly's own maps download their outlines from a CDN when drawn, which fails without internet;
the destination map draws `data/geo/countries.geojson` instead (Natural Earth, public domain;
see data/geo/README.md).
"""

from __future__ import annotations

import functools
import gettext
import json
from pathlib import Path

import pandas as pd
import pycountry

from outcomes import vocabulary

GEOJSON_PATH = Path(__file__).resolve().parent.parent / "data" / "geo" / "countries.geojson"
FEATURE_ID_KEY = "properties.iso_a2"


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
def _translations(lang: str) -> gettext.NullTranslations:
    """pycountry's translations of the ISO 3166-1 names (Polish ones ship with it)."""
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)


@functools.cache
def country_name(code: str, lang: str = "en") -> str:
    """The short name of an alpha-2 code in `lang` ('CZ' -> 'Czechia' / 'Czechy'); the code itself when unknown.

    The one place for country names: pages, charts, the report and the deck all call it.
    """
    code = code.upper()
    if f"country.{code}" in vocabulary.TERMS:  # in common use but not part of ISO 3166-1 (Kosovo)
        return vocabulary.text(f"country.{code}", lang)
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    if lang == "en":
        return getattr(country, "common_name", None) or country.name
    return _translations(lang).gettext(country.name)


def with_country_names(
    frame: pd.DataFrame, lang: str = "en", code_column: str = "country", name_column: str = "country_name"
) -> pd.DataFrame:
    """A copy of `frame` with the country's name in `lang` beside its code (inserted right after it)."""
    named = frame.copy()
    names = [country_name(str(code), lang) if pd.notna(code) else "" for code in named[code_column]]
    named.insert(named.columns.get_loc(code_column) + 1, name_column, names)
    return named
