"""Every user-visible term, keyed, in English and Polish: the one place to find or rename a word.

Terms live in the modules of this package, grouped by subject (one dict per module named
`TERMS`, key -> {"en": ..., "pl": ...}); `text(key, lang, **params)` renders one. Parameters
are filled with `str.format`, so a term may say "{count} of {base}". Pages, charts, reports,
the deck and the command line all render through here; a test checks that every key has every
language.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping

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


def text(key: str, lang: str = DEFAULT_LANGUAGE, /, **params: object) -> str:
    """The term `key` in `lang`, with `{name}` placeholders filled from `params`."""
    forms = TERMS[key]
    template = forms.get(lang) or forms[DEFAULT_LANGUAGE]
    return template.format(**params) if params else template


def missing_languages() -> dict[str, list[str]]:
    """Keys that lack a language (a test keeps this empty)."""
    return {
        key: [lang for lang in LANGUAGES if not forms.get(lang)]
        for key, forms in TERMS.items()
        if any(not forms.get(lang) for lang in LANGUAGES)
    }
