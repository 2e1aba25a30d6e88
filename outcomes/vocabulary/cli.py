"""The command line's own sentences (python -m outcomes): notes, errors, what a command did."""

TERMS = {
    "cli.lang_help": {
        "en": "language of the messages, and of a report or deck (default: $OUTCOMES_LANG, else en)",
        "pl": "język komunikatów oraz raportu lub prezentacji (domyślnie: $OUTCOMES_LANG, a w jego braku en)",
    },
    "cli.note": {"en": "note: {text}", "pl": "uwaga: {text}"},
    "cli.error": {"en": "error: {text}", "pl": "błąd: {text}"},
    "cli.valid": {"en": "{source}: valid ({rows})", "pl": "{source}: poprawny ({rows})"},
    "cli.problems": {
        "en": {
            "one": "{source}: {n} problems; nothing was loaded",
            "other": "{source}: {n} problems; nothing was loaded",
        },
        "pl": {
            "one": "{source}: {n} problem; niczego nie wczytano",
            "few": "{source}: {n} problemy; niczego nie wczytano",
            "many": "{source}: {n} problemów; niczego nie wczytano",
        },
    },
    "cli.restores": {"en": " (restores version {version})", "pl": " (przywraca wersję {version})"},
    "cli.rows": {
        "en": {"one": "{n:,} rows", "other": "{n:,} rows"},
        "pl": {"one": "{n:,} wiersz", "few": "{n:,} wiersze", "many": "{n:,} wierszy"},
    },
    "cli.template_written": {"en": "template written to {path}", "pl": "szablon zapisano w {path}"},
    "cli.written": {"en": "{format} written to {path}{marks}", "pl": "{format} zapisano w {path}{marks}"},
    "cli.public_version": {"en": " (public version)", "pl": " (wersja publiczna)"},
    "cli.over_limit": {
        "en": {
            "one": "{heading}: {n} characters, over the limit of {limit}",
            "other": "{heading}: {n} characters, over the limit of {limit}",
        },
        "pl": {
            "one": "{heading}: {n} znak, ponad limit {limit}",
            "few": "{heading}: {n} znaki, ponad limit {limit}",
            "many": "{heading}: {n} znaków, ponad limit {limit}",
        },
    },
    "cli.cannot_plan": {"en": "cannot plan: {reason}", "pl": "nie można sporządzić planu: {reason}"},
}
