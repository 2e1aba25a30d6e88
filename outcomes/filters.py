"""The shared filters (call, sector, subregion, year range) and how they become query parameters."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from outcomes import vocabulary


@dataclass(frozen=True)
class Filters:
    """What the user selected; an empty selection means "all"."""

    calls: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    subregions: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None

    def params(self) -> dict[str, object]:
        """Query parameters: lists for the selections (NULL = all), integers for the years (NULL = open)."""
        return {
            "calls": list(self.calls) or None,
            "sectors": list(self.sectors) or None,
            "subregions": list(self.subregions) or None,
            "year_from": self.year_from,
            "year_to": self.year_to,
        }

    @property
    def is_all(self) -> bool:
        return self == Filters()

    def describe(self, lang: str = vocabulary.DEFAULT_LANGUAGE, escape: Callable[[object], str] | None = None) -> str:
        """One line for captions, reports and the deck, e.g. 'sector: ICT; years 2015–2017'.

        The selected values came from the workbook: `escape` makes them safe for the medium.
        """
        parts = [
            vocabulary.text(key, lang, escape=escape, values=", ".join(values))
            for key, values in (
                ("filters.call", self.calls),
                ("filters.sector", self.sectors),
                ("filters.subregion", self.subregions),
            )
            if values
        ]
        if self.year_from is not None or self.year_to is not None:
            years = f"{self.year_from or '…'}–{self.year_to or '…'}"
            parts.append(vocabulary.text("filters.years", lang, years=years))
        return "; ".join(parts) or vocabulary.text("filters.all", lang)
