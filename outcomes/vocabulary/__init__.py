"""Every user-visible term, keyed, in English and Polish: the one place to find or rename a word.

Terms live in the modules of this package, grouped by subject (one dict per module named
`TERMS`, key -> {"en": ..., "pl": ...}); `text(key, lang, **params)` renders one. Parameters
are filled with `str.format`, so a term may say "{count} of {base}". A term that depends on a
number gives its plural forms instead of one string ({"one": ..., "other": ...} in English,
{"one": ..., "few": ..., "many": ...} in Polish) and is rendered with `count=`. Pages, charts,
reports, the deck and the command line all render through here; a test checks that every key
has every language.

Values that came from a workbook or a user are passed as parameters, never built into a key, so
`escape` (outcomes/textsafe.py) can make them safe for the medium: Markdown on a page, HTML in a
chart.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from babel import Locale

LANGUAGES: tuple[str, ...] = ("en", "pl")
DEFAULT_LANGUAGE = "en"


def _collect() -> dict[str, Mapping[str, str]]:
    terms: dict[str, Mapping[str, str]] = {}
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for key, forms in getattr(module, "TERMS", {}).items():
            if key in terms:
                raise ValueError(f"vocabulary key {key!r} is defined twice (second time in {module.__name__})")
            terms[key] = forms
    return terms


TERMS: dict[str, Mapping[str, str]] = _collect()


_PLURAL_RULES = {lang: Locale.parse(lang).plural_form for lang in LANGUAGES}
# Where a language has no form of its own for a category, the nearest one it has.
_FALLBACK_FORMS = {"other": "many", "many": "other", "few": "many", "zero": "other", "two": "other"}


def plural_form(count: float, lang: str) -> str:
    """CLDR's plural category of `count` in `lang`: 'one', 'few', 'many' or 'other'."""
    return _PLURAL_RULES[lang](abs(count))


def text(
    key: str, lang: str = DEFAULT_LANGUAGE, /, *, escape: Callable[[object], str] | None = None, **params: object
) -> str:
    """The term `key` in `lang`, with `{name}` placeholders filled from `params`.

    A term with plural forms takes the one `count` needs. `escape`, when given, is applied to every
    text parameter (numbers pass unchanged): the caller says which medium the text is for.
    """
    forms = TERMS[key]
    template = forms.get(lang) or forms[DEFAULT_LANGUAGE]
    if isinstance(template, Mapping):
        category = plural_form(params["count"], lang)  # type: ignore[arg-type]
        template = template.get(category) or template[_FALLBACK_FORMS[category]]
    if not params:
        return template
    if escape is not None:
        params = {name: escape(value) if isinstance(value, str) else value for name, value in params.items()}
    return template.format(**params)


class _PolishNumber:
    """A number that formats itself as Polish writes it: a term's grouped format (`{:,.2f}`) through
    outcomes/formatting.py ('12 345,50', four digits ungrouped), any other with a decimal comma."""

    def __init__(self, value: float) -> None:
        self.value = value

    def __format__(self, spec: str) -> str:
        if "," in spec:
            from outcomes import formatting  # formatting renders its own words through this module

            decimals = re.search(r"\.(\d+)", spec)
            return formatting.number(self.value, "pl", int(decimals[1]) if decimals else 0)
        return format(self.value, spec).replace(".", ",")

    def __str__(self) -> str:
        return format(self)


@dataclass(frozen=True)
class Message:
    """A sentence kept as its key and parameters, to be rendered in whichever language the reader reads.

    Errors and import problems carry one, so the page and the command line can show them in the user's
    language; `str()` gives the English. Numbers in the parameters take the language's separators where
    the term formats them (`{amount:,.2f}`); a parameter that is itself a `Message` (a role's name, a
    reason) is rendered in the same language.
    """

    key: str
    params: Mapping[str, object] = field(default_factory=dict)

    def text(self, lang: str = DEFAULT_LANGUAGE, /, *, escape: Callable[[object], str] | None = None) -> str:
        """The sentence in `lang`."""
        params = {
            name: value.text(lang) if isinstance(value, Message) else value for name, value in self.params.items()
        }
        if lang == "pl":
            params = {
                name: _PolishNumber(value) if isinstance(value, int | float) and not isinstance(value, bool) else value
                for name, value in params.items()
            }
            if "count" in self.params:
                params["count"] = self.params["count"]
        return text(self.key, lang, escape=escape, **params)

    def __str__(self) -> str:
        return self.text()


class MessageError(Exception):
    """An error whose sentence for the user is a vocabulary `Message`: `str()` is the English, `.text(lang)` any."""

    def __init__(self, key: str | Message, /, **params: object) -> None:
        self.message = key if isinstance(key, Message) else Message(key, params)
        super().__init__(str(self.message))

    def text(self, lang: str = DEFAULT_LANGUAGE, /) -> str:
        """The error's sentence in `lang`."""
        return self.message.text(lang)

    def __reduce__(self) -> tuple:  # crosses process boundaries (the guard's reading process) whole
        return (type(self), (self.message,))


def missing_languages() -> dict[str, list[str]]:
    """Keys that lack a language (a test keeps this empty)."""
    return {
        key: [lang for lang in LANGUAGES if not forms.get(lang)]
        for key, forms in TERMS.items()
        if any(not forms.get(lang) for lang in LANGUAGES)
    }


def code(kind: str, value: object, lang: str = DEFAULT_LANGUAGE, /, suffix: str = "name") -> str:
    """A workbook code in words ('een_promotion' -> 'EEN promotion'); a code the vocabulary does not know
    is shown as it is, with underscores as spaces (the caller escapes it for its medium, like any value)."""
    key = f"code.{kind}.{value}.{suffix}" if suffix else f"code.{kind}.{value}"
    if key in TERMS:
        return text(key, lang)
    return str(value).replace("_", " ")


def each(values: Iterable[object], word: Callable[[object], str]) -> list[str]:
    """`word(value)` for each value of a column, made once per distinct value: a long table's column of
    stage, reason or service names costs as many lookups as it has distinct codes, not rows."""
    if isinstance(values, pd.Series):  # a table's column, maybe 86,000 rows: no Python loop over its rows
        positions, distinct = pd.factorize(values, use_na_sentinel=False)
        return np.asarray([word(value) for value in distinct], dtype=object)[positions].tolist()
    words: dict[object, str] = {}
    return [words[value] if value in words else words.setdefault(value, word(value)) for value in values]


# Query columns that hold a code, and the keys that word a value of each ('{}' is the code), tried in order;
# a value no key words is shown as it is (a code the vocabulary does not know, a country, a value already
# in words). Several queries share a column name; its keys cover each query's codes.
CODE_COLUMNS: dict[str, tuple[str, ...]] = {
    "stage_key": ("stage.{}.label",),
    "furthest_stage": ("furthest.{}",),
    "stopped_before": ("stopped.{}",),
    "stage": ("code.grant_stage.{}",),
    "decision": ("code.decision.{}",),
    "decisions": ("code.decision.{}",),  # a list: 'awarded, rejected'
    "strategy_outcome": ("code.decision.{}",),
    "implementation_outcome": ("code.decision.{}",),
    "status": ("code.deal_status.{}", "code.cluster_status.{}"),
    "org_type": ("code.org_type.{}.name",),
    "size_class": ("evidence.size.{}",),
    "role": ("code.role.{}",),
    "recipient": ("code.recipient.{}",),
    "type": ("code.service.{}.name", "code.deal_type.{}"),
    "source": ("code.export_source.{}",),
    "exporter_kind": ("code.exporter.{}",),
    "reason_key": ("reason.{}",),
    "grp": ("evidence.group.{}",),
    "outcome": ("evidence.outcome.{}", "code.import_outcome.{}"),
    "indicator": ("stage.{}.label",),  # a targets row naming a funnel stage; RCO01 and the like stay codes
    "unit": ("unit.{}", "evidence.unit.{}"),
}
# The member_smes row of the funnel query is the base of the SME stage.
_CODE_KEYS = {("stage_key", "member_smes"): "stage.sme_base"}
# Columns of sentences a query writes in English, and the code column whose words stand for them there (the code
# column then stays as it is, beside them).
WORDED_FROM: dict[str, str] = {"reason": "reason_key"}


def code_word(column: str, value: object, lang: str = DEFAULT_LANGUAGE, /) -> object:
    """A value of the code column `column` (see CODE_COLUMNS) in words; a value no key words, as it is."""
    if not isinstance(value, str):
        return value  # a missing value stays missing
    if column == "decisions":
        return ", ".join(str(code_word("decision", part, lang)) for part in value.split(", "))
    keys = [_CODE_KEYS.get((column, value)), *(pattern.format(value) for pattern in CODE_COLUMNS.get(column, ()))]
    return next((text(key, lang) for key in keys if key in TERMS), value)


def code_and_word(column: str, code: str, lang: str = DEFAULT_LANGUAGE, /) -> str:
    """A code as a workbook must hold it, with its words where they say more than the code ('sme (MŚP)',
    'awarded (przyznany)'; 'training' in English stays 'training')."""
    word = str(code_word(column, code, lang))
    same = re.sub(r"[\W_]", "", word).casefold() == code.replace("_", "").casefold()
    return code if same else f"{code} ({word})"


def code_words(column: str, values: Iterable[object], lang: str = DEFAULT_LANGUAGE, /) -> list[object]:
    """Every value of the code column `column` in words (`code_word`), each distinct code looked up once."""
    return each(values, lambda value: code_word(column, value, lang))


def counted(kind: str, value: object, count: float, shown: str, lang: str = DEFAULT_LANGUAGE, /) -> str:
    """'135 export-readiness assessments', '4 uczelnie': a number (as `shown`) and the noun in its form."""
    key = f"code.{kind}.{value}.counted"
    if key in TERMS:
        return text(key, lang, count=round(count), n=shown)
    return f"{shown} {str(value).replace('_', ' ')}"
