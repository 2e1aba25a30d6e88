"""The command line's messages (python -m outcomes)."""

TERMS = {
    "cli.description": {
        "en": "Programme outcomes: import, check, report.",
        "pl": "Rezultaty programu: import, kontrola, raport.",
    },
    "cli.note": {"en": "note: {message}", "pl": "uwaga: {message}"},
    "cli.valid": {"en": "{file}: valid ({rows})", "pl": "{file}: poprawny ({rows})"},
    "cli.problems": {
        "en": {"one": "{file}: {n} problem; nothing was loaded", "other": "{file}: {n} problems; nothing was loaded"},
        "pl": {
            "one": "{file}: {n} problem; niczego nie wczytano",
            "few": "{file}: {n} problemy; niczego nie wczytano",
            "many": "{file}: {n} problemów; niczego nie wczytano",
        },
    },
    "cli.loaded": {"en": "loaded into {path}", "pl": "wczytano do {path}"},
    "cli.template_written": {"en": "template written to {path}", "pl": "szablon zapisano w {path}"},
    "cli.written": {"en": "{format} written to {path}{marks}", "pl": "{format} zapisano w {path}{marks}"},
    "cli.public_version": {"en": " (public version)", "pl": " (wersja publiczna)"},
    "cli.error": {"en": "error: {message}", "pl": "błąd: {message}"},
    "cli.help.db": {
        "en": "database file (default: $OUTCOMES_DB, else data/outcomes.duckdb, built from the sample)",
        "pl": "plik bazy danych (domyślnie: $OUTCOMES_DB, w przeciwnym razie data/outcomes.duckdb, zbudowany z "
        "przykładu)",
    },
    "cli.help.lang": {
        "en": "language of messages and outputs (default: $OUTCOMES_LANG, else en)",
        "pl": "język komunikatów i wyników (domyślnie: $OUTCOMES_LANG, w przeciwnym razie en)",
    },
    "cli.help.import": {
        "en": "validate and load a workbook or CSV folder",
        "pl": "sprawdź i wczytaj skoroszyt lub folder CSV",
    },
    "cli.help.validate": {
        "en": "run the import checks; load nothing",
        "pl": "uruchom kontrole importu; niczego nie wczytuj",
    },
    "cli.help.funnel": {"en": "the four funnel stages", "pl": "cztery etapy lejka"},
    "cli.help.json": {"en": "machine-readable output", "pl": "wynik do odczytu maszynowego"},
    "cli.help.template": {"en": "write the blank workbook template", "pl": "zapisz pusty szablon skoroszytu"},
    "cli.help.report": {
        "en": "write the good-practice report or the funder deck",
        "pl": "zapisz raport o dobrej praktyce lub prezentację dla grantodawcy",
    },
    "cli.help.format": {"en": "pptx is the deck", "pl": "pptx to prezentacja"},
    "cli.help.out": {"en": "file to write", "pl": "plik do zapisania"},
    "cli.help.public": {
        "en": "pseudonyms for names, firm counts below {threshold} suppressed",
        "pl": "pseudonimy zamiast nazw, liczby firm poniżej {threshold} ukryte",
    },
}
