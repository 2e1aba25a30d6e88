"""Numbers, money, percentages, dates, k of n and intervals, written the way each language writes them.

The one place for formats (Babel's locale data): English `3,399,861`, `EUR 3.40 m`, `5 March 2026`;
Polish `3 399 861`, `3,40 mln EUR`, `48 %`, `5 marca 2026`, four-digit numbers ungrouped (`1234`),
as Polish style guides write them. A missing value is a dash. CSV and XLSX downloads keep plain
numbers and never pass through here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd
from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal

from outcomes import vocabulary
from outcomes.metrics import wilson_interval

LOCALES = {"en": "en_GB", "pl": "pl_PL"}
MISSING = "–"
NBSP = "\u00a0"
# Plotly's `separators` layout attribute: decimal mark, then thousands separator.
PLOTLY_SEPARATORS = {"en": ".,", "pl": ",\u00a0"}
# Streamlit's date columns (moment.js tokens): the Polish administrative 05.03.2026.
DATE_COLUMN = {"en": "D MMM YYYY", "pl": "DD.MM.YYYY"}


def missing(value: object) -> bool:
    """None, NaN, NaT and pandas' NA."""
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def number(value: float | None, lang: str, decimals: int = 0) -> str:
    """'3,399,861' / '3 399 861'; Polish leaves four-digit numbers ungrouped ('1234')."""
    if missing(value):
        return MISSING
    value = float(value)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    grouped = not (lang == "pl" and abs(value) < 10_000)
    return format_decimal(value, pattern, locale=LOCALES[lang], group_separator=grouped)


def rate(value: float | None, lang: str) -> str:
    """An exchange rate or a ratio with as many decimals as it has (up to six): '0.2345' / '0,2345'."""
    return MISSING if missing(value) else format_decimal(float(value), "#,##0.######", locale=LOCALES[lang])


def count(value: object, lang: str) -> str:
    """A count as a whole number; a missing (suppressed) one as a dash."""
    return MISSING if missing(value) else number(round(float(value)), lang)


def percent(share: float | None, lang: str, decimals: int = 0) -> str:
    """A share (0.48) as '48 %': both languages put a space before the sign, as the programme's reports do."""
    return MISSING if missing(share) else f"{number(float(share) * 100, lang, decimals)}{NBSP}%"


def p_value(p: float | None, lang: str) -> str:
    """Two significant digits below 0.01, two decimals above; '< 0.001' / '< 0,001' below that."""
    if missing(p):
        return MISSING
    if p < 0.001:
        return f"<{NBSP}{format_decimal(0.001, '0.000', locale=LOCALES[lang])}"
    return format_decimal(float(p), "0.0###" if p < 0.01 else "0.00", locale=LOCALES[lang])


def interval(bounds: tuple[float, float] | None, lang: str) -> str:
    """A 95 % interval of a share as '31–66 %'."""
    if bounds is None:
        return MISSING
    low, high = bounds
    return f"{number(low * 100, lang)}–{number(high * 100, lang)}{NBSP}%"


def k_of_n(k: object, n: object, lang: str) -> str:
    """'14 of 29' / '14 z 29'."""
    return vocabulary.text("format.k_of_n", lang, k=count(k, lang), n=count(n, lang))


def conversion(k: int, n: int, lang: str) -> str:
    """'14 of 29 (48 %, 95 % CI 31–66 %)': how the product shows a small-count share."""
    bounds = wilson_interval(k, n)
    if bounds is None:
        return k_of_n(k, n, lang)
    return vocabulary.text(
        "format.conversion",
        lang,
        k_of_n=k_of_n(k, n, lang),
        share=percent(k / n, lang),
        interval=interval(bounds, lang),
    )


def money(amount: float | None, lang: str, currency: str = "EUR", decimals: int = 0) -> str:
    """An amount with its currency, whole units unless told: 'EUR 3,399,861' / '3 399 861 EUR'."""
    if missing(amount):
        return MISSING
    digits = number(amount, lang, decimals)
    return f"{currency}{NBSP}{digits}" if lang == "en" else f"{digits}{NBSP}{currency}"


_SCALES = ((1e9, "format.billions"), (1e6, "format.millions"), (1e3, "format.thousands"))


def money_compact(amount: float | None, lang: str, currency: str = "") -> str:
    """Short enough for a card: '3.40 m' / '3,40 mln', with the currency when given ('3,40 mln EUR')."""
    if missing(amount):
        return MISSING
    amount = float(amount)
    text = number(amount, lang)
    for size, key in _SCALES:
        if abs(amount) >= size:
            scaled = amount / size
            decimals = 2 if abs(scaled) < 10 else 1 if abs(scaled) < 100 else 0
            text = f"{number(scaled, lang, decimals)}{NBSP}{vocabulary.text(key, lang)}"
            break
    if not currency:
        return text
    return f"{currency}{NBSP}{text}" if lang == "en" else f"{text}{NBSP}{currency}"


def money_words(amount: float | None, lang: str, currency: str = "EUR") -> str:
    """For running text: 'EUR 3.40 million' / '3,40 mln EUR'; below a million the whole amount."""
    if missing(amount):
        return MISSING
    if abs(float(amount)) >= 1_000_000:
        millions = number(float(amount) / 1_000_000, lang, 2)
        return vocabulary.text("format.money_millions", lang, amount=millions, currency=currency)
    return money(amount, lang, currency)


def date(day: dt.date | dt.datetime | None, lang: str) -> str:
    """'5 March 2026' / '5 marca 2026'."""
    return MISSING if missing(day) else format_date(pd.Timestamp(day).date(), "d MMMM y", locale=LOCALES[lang])


def date_time(moment: dt.datetime | None, lang: str) -> str:
    """'5 March 2026, 14:03' / '5 marca 2026, 14:03'."""
    if missing(moment):
        return MISSING
    return format_datetime(pd.Timestamp(moment).to_pydatetime(), "d MMMM y, HH:mm", locale=LOCALES[lang])


def years(first: int | None, last: int | None) -> str:
    """'2015–2018', with an open end as '…'."""
    return f"{first if first is not None else '…'}–{last if last is not None else '…'}"


def listing(items: Sequence[str], lang: str) -> str:
    """'a, b and c' / 'a, b i c'."""
    items = [str(item) for item in items]
    if len(items) <= 1:
        return "".join(items)
    return vocabulary.text("format.listing", lang, head=", ".join(items[:-1]), last=items[-1])
