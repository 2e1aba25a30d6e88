"""The shared filters (call, sector, subregion, year range) and how they become query parameters."""

from __future__ import annotations

from dataclasses import dataclass


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

    def describe(self) -> str:
        """One line for captions and reports, e.g. 'sector: ICT; years 2015–2017'."""
        parts = [
            f"{label}: {', '.join(values)}"
            for label, values in (("call", self.calls), ("sector", self.sectors), ("subregion", self.subregions))
            if values
        ]
        if self.year_from is not None or self.year_to is not None:
            parts.append(f"years {self.year_from or '…'}–{self.year_to or '…'}")
        return "; ".join(parts) or "all clusters, all years"
