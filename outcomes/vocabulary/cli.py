"""The command line's own sentences (python -m outcomes): notes, errors, what a command did."""

TERMS = {
    # ------------------------------------------------------------------ --help: what each command and option does
    "cli.description": {
        "en": "Programme outcomes: import, check, report.",
        "pl": "Rezultaty programu: import, sprawdzanie, raporty.",
    },
    "cli.section.commands": {"en": "positional arguments", "pl": "polecenia"},
    "cli.section.positionals": {"en": "positional arguments", "pl": "argumenty pozycyjne"},
    "cli.section.options": {"en": "options", "pl": "opcje"},
    "cli.command.import": {
        "en": "validate a workbook or CSV folder and save it as a new version",
        "pl": "sprawdź skoroszyt lub folder plików CSV i zapisz go jako nową wersję",
    },
    "cli.command.validate": {
        "en": "run the import checks; load nothing",
        "pl": "wykonaj kontrole importu; niczego nie wczytuj",
    },
    "cli.command.funnel": {"en": "the four funnel stages", "pl": "cztery etapy lejka"},
    "cli.command.versions": {
        "en": "every version of the store, oldest first",
        "pl": "wszystkie wersje magazynu danych, od najstarszej",
    },
    "cli.command.diff": {
        "en": "what changed from version A to version B",
        "pl": "co się zmieniło od wersji A do wersji B",
    },
    "cli.command.restore": {
        "en": "make a new version whose data equals version N's",
        "pl": "utwórz nową wersję z danymi wersji N",
    },
    "cli.command.compact": {
        "en": "merge the store's small data files",
        "pl": "scal małe pliki danych magazynu",
    },
    "cli.command.expire": {
        "en": "drop the versions older than version N for good (see --dry-run first)",
        "pl": "trwale usuń wersje starsze niż wersja N (najpierw sprawdź z --dry-run)",
    },
    "cli.command.template": {"en": "write the blank workbook template", "pl": "zapisz pusty szablon skoroszytu"},
    "cli.command.report": {
        "en": "write the good-practice report or the funder deck",
        "pl": "zapisz raport o dobrej praktyce lub prezentację dla grantodawcy",
    },
    "cli.command.compare": {
        "en": "funded vs not-funded applicants, per stage",
        "pl": "wnioskodawcy finansowani a niefinansowani, według etapów",
    },
    "cli.command.indicators": {
        "en": "the EU common indicators against targets",
        "pl": "wspólne wskaźniki UE na tle wartości docelowych",
    },
    "cli.command.plan": {
        "en": "what a programme like this one could achieve",
        "pl": "co mógłby osiągnąć podobny program",
    },
    "cli.option.help": {"en": "show this help message and exit", "pl": "pokaż tę pomoc i zakończ"},
    "cli.option.store": {
        "en": "the store: a folder, or postgres:<conninfo> with $OUTCOMES_DATA_PATH (default: $OUTCOMES_STORE, "
        "else $OUTCOMES_DB, else data/store/, which starts with the sample workbook)",
        "pl": "magazyn danych: folder albo postgres:<conninfo> z $OUTCOMES_DATA_PATH (domyślnie: $OUTCOMES_STORE, "
        "potem $OUTCOMES_DB, a gdy żadna nie jest ustawiona – data/store/, który na początku zawiera przykładowy "
        "skoroszyt)",
    },
    "cli.option.lang": {
        "en": "language of the messages, and of a report or deck (default: $OUTCOMES_LANG, else en)",
        "pl": "język komunikatów oraz raportu lub prezentacji (domyślnie: $OUTCOMES_LANG, a w jego braku en)",
    },
    "cli.option.json": {"en": "machine-readable output", "pl": "wynik do odczytu maszynowego (JSON)"},
    "cli.option.as_of": {
        "en": "version N of the store (default: the latest)",
        "pl": "wersja N magazynu danych (domyślnie: najnowsza)",
    },
    "cli.option.before": {"en": "keep version N and every later one", "pl": "zachowaj wersję N i wszystkie późniejsze"},
    "cli.option.dry_run": {
        "en": "list what would go; change nothing",
        "pl": "wypisz, co zostałoby usunięte; niczego nie zmieniaj",
    },
    "cli.option.format": {"en": "pptx is the deck", "pl": "pptx to prezentacja"},
    "cli.option.out": {"en": "file to write", "pl": "plik do zapisania"},
    "cli.option.public": {
        "en": "pseudonyms for names, firm counts below {threshold} suppressed",
        "pl": "pseudonimy zamiast nazw, liczby firm mniejsze niż {threshold} ukryte",
    },
    "cli.option.plan_budget": {
        "en": "EUR: cite a transfer plan for this budget in the report",
        "pl": "EUR: przytocz w raporcie plan transferu dla tego budżetu",
    },
    "cli.option.budget": {"en": "budget in EUR", "pl": "budżet w EUR"},
    "cli.option.seed": {
        "en": "random seed (default: the planner's fixed seed)",
        "pl": "ziarno losowania (domyślnie: stałe ziarno planera)",
    },
    # what --help shows in place of a value the user types (A, B and N read the same in both languages)
    "cli.metavar.path": {"en": "path", "pl": "ścieżka"},
    "cli.metavar.store": {"en": "STORE", "pl": "MAGAZYN"},
    "cli.metavar.out": {"en": "OUT", "pl": "PLIK"},
    "cli.metavar.budget": {"en": "BUDGET", "pl": "BUDŻET"},
    "cli.metavar.plan_budget": {"en": "PLAN_BUDGET", "pl": "BUDŻET_PLANU"},
    "cli.metavar.seed": {"en": "SEED", "pl": "ZIARNO"},
    # ------------------------------------------------------------------ what a command says
    "cli.note": {"en": "note: {text}", "pl": "uwaga: {text}"},
    "cli.error": {"en": "error: {text}", "pl": "błąd: {text}"},
    "cli.valid": {"en": "{source}: valid ({rows})", "pl": "{source}: poprawny ({rows})"},
    "cli.problems": {
        "en": {
            "one": "{source}: {n} problem; nothing was loaded",
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
