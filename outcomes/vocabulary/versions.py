"""Terms of the versioned store: the version selector, "What changed", the import log, restore, the command line."""

TERMS = {
    "versions.of_store": {"en": "version {version} of the store", "pl": "wersja {version} magazynu danych"},
    "versions.cli_imported": {
        "en": "saved as version {version} of the store {store}",
        "pl": "zapisano jako wersję {version} magazynu {store}",
    },
    "versions.cli_none": {
        "en": "The store {store} holds no version yet.",
        "pl": "Magazyn {store} nie ma jeszcze żadnej wersji.",
    },
    "versions.cli_diff_title": {
        "en": "From version {source} to version {target}:",
        "pl": "Od wersji {source} do wersji {target}:",
    },
    "versions.cli_diff_sheet": {
        "en": "  {sheet}: {added} added, {removed} removed, {changed} changed",
        "pl": "  {sheet}: dodane {added}, usunięte {removed}, zmienione {changed}",
    },
    "versions.cli_diff_stage": {
        "en": "  {stage}: {before} → {after} (entered: {entered}; left: {left})",
        "pl": "  {stage}: {before} → {after} (weszły: {entered}; wypadły: {left})",
    },
    "versions.cli_restored": {
        "en": "version {version} made, with the data of version {restored}",
        "pl": "utworzono wersję {version} z danymi wersji {restored}",
    },
    "versions.cli_compacted": {
        "en": "compacted: {merged} data files merged; history kept",
        "pl": "scalone pliki danych: {merged}; historia zachowana",
    },
    "versions.cli_expire_none": {
        "en": "No version is older than version {before}; nothing to expire.",
        "pl": "Żadna wersja nie jest starsza niż wersja {before}; nie ma czego usuwać.",
    },
    "versions.cli_expire_would": {
        "en": "These {count} versions would be expired (dry run; nothing changed):",
        "pl": "Te wersje ({count}) zostałyby usunięte (próba; nic nie zmieniono):",
    },
    "versions.cli_expire_done": {
        "en": "These {count} versions were expired for good:",
        "pl": "Te wersje ({count}) zostały trwale usunięte:",
    },
    "versions.label": {
        "en": "version {version} — {source}, imported {imported} by {author}",
        "pl": "wersja {version} — {source}, import {imported}, {author}",
    },
    "versions.sample_author": {"en": "embedded sample", "pl": "przykład wbudowany"},
    "versions.as_of": {"en": "As of {label}.", "pl": "Stan na: {label}."},
    "versions.selector": {"en": "As of version", "pl": "Wersja danych"},
    "versions.latest": {"en": "Latest: {label}", "pl": "Najnowsza: {label}"},
    "versions.selector_help": {
        "en": "Every import is a version; nothing is overwritten. Pick an older one to see the figures as they "
        "were; every page, download, report and deck then names it.",
        "pl": "Każdy import to nowa wersja; nic nie jest nadpisywane. Wybierz starszą, by zobaczyć ówczesne "
        "liczby; każda strona, plik, raport i prezentacja ją wtedy podaje.",
    },
    "versions.page": {"en": "What changed", "pl": "Co się zmieniło"},
    "versions.page_intro": {
        "en": "Pick two versions of the data: the headline figures, the clusters and firms that entered or left "
        "each funnel stage, and the rows added, removed and changed in each sheet (rows are matched by the "
        "sheet's key).",
        "pl": "Wybierz dwie wersje danych: główne liczby, klastry i firmy, które weszły do etapu lejka lub z "
        "niego wypadły, oraz wiersze dodane, usunięte i zmienione w każdym arkuszu (dopasowane po kluczu).",
    },
    "versions.only_one": {
        "en": "The store holds one version so far. Import another workbook on the Data page (or with "
        "`python -m outcomes import`) to see what changed.",
        "pl": "Magazyn ma na razie jedną wersję. Zaimportuj kolejny skoroszyt na stronie Dane (lub poleceniem "
        "`python -m outcomes import`), by zobaczyć zmiany.",
    },
    "versions.from": {"en": "From version", "pl": "Od wersji"},
    "versions.to": {"en": "To version", "pl": "Do wersji"},
    "versions.same": {
        "en": "Pick two different versions.",
        "pl": "Wybierz dwie różne wersje.",
    },
    "versions.headline": {"en": "Headline figures", "pl": "Główne liczby"},
    "versions.over_time": {"en": "The funnel over versions", "pl": "Lejek w kolejnych wersjach"},
    "versions.over_time_caption": {
        "en": "Each stage's count in every version held, unfiltered: progress across reporting periods.",
        "pl": "Liczebność każdego etapu w każdej wersji, bez filtrów: postęp w kolejnych okresach.",
    },
    "versions.axis_version": {"en": "Version", "pl": "Wersja"},
    "versions.axis_units": {"en": "Clusters or SMEs", "pl": "Klastry lub MŚP"},
    "versions.stages": {"en": "Who entered or left each stage", "pl": "Kto wszedł do etapu lub z niego wypadł"},
    "versions.stage_line": {
        "en": "{stage}: {before} → {after} {unit}",
        "pl": "{stage}: {before} → {after} ({unit})",
    },
    "versions.entered": {"en": "Entered ({count})", "pl": "Weszły ({count})"},
    "versions.left": {"en": "Left ({count})", "pl": "Wypadły ({count})"},
    "versions.nobody": {"en": "None.", "pl": "Brak."},
    "versions.open_profile": {"en": "Open a cluster's profile", "pl": "Otwórz profil klastra"},
    "versions.open": {"en": "Open the profile", "pl": "Otwórz profil"},
    "versions.sheets": {"en": "Rows per sheet", "pl": "Wiersze w arkuszach"},
    "versions.sheet_summary": {
        "en": "{sheet}: {added} added, {removed} removed, {changed} changed",
        "pl": "{sheet}: dodane {added}, usunięte {removed}, zmienione {changed}",
    },
    "versions.no_change": {
        "en": "No rows changed in any sheet.",
        "pl": "W żadnym arkuszu nie zmienił się żaden wiersz.",
    },
    "versions.added_rows": {"en": "Added rows", "pl": "Dodane wiersze"},
    "versions.removed_rows": {"en": "Removed rows", "pl": "Usunięte wiersze"},
    "versions.changed_cells": {"en": "Changed cells (old → new)", "pl": "Zmienione komórki (było → jest)"},
    "versions.col_key": {"en": "key", "pl": "klucz"},
    "versions.col_column": {"en": "column", "pl": "kolumna"},
    "versions.col_old": {"en": "old", "pl": "było"},
    "versions.col_new": {"en": "new", "pl": "jest"},
    "versions.col_sheet": {"en": "sheet", "pl": "arkusz"},
    "versions.col_from": {"en": "rows in version {version}", "pl": "wiersze w wersji {version}"},
    "versions.col_to": {"en": "rows in version {version}", "pl": "wiersze w wersji {version}"},
    "versions.tab": {"en": "Versions and restore", "pl": "Wersje i przywracanie"},
    "versions.list_intro": {
        "en": "Every valid import is a version; nothing is overwritten. Restoring a version makes a new version "
        "with its data, so the history stays whole.",
        "pl": "Każdy poprawny import to wersja; nic nie jest nadpisywane. Przywrócenie wersji tworzy nową wersję "
        "z jej danymi, więc historia zostaje cała.",
    },
    "versions.restore_pick": {"en": "Version to restore", "pl": "Wersja do przywrócenia"},
    "versions.restore_confirm": {
        "en": "Yes, make a new version with the data of version {version}",
        "pl": "Tak, utwórz nową wersję z danymi wersji {version}",
    },
    "versions.restore_button": {"en": "Restore", "pl": "Przywróć"},
    "versions.restored": {
        "en": "Version {version} made with the data of version {restored}; every page now shows it.",
        "pl": "Utworzono wersję {version} z danymi wersji {restored}; wszystkie strony ją teraz pokazują.",
    },
    "versions.restore_latest": {
        "en": "Version {version} is already the latest; pick an older one to restore.",
        "pl": "Wersja {version} jest już najnowsza; wybierz starszą.",
    },
    "versions.log_title": {"en": "Import log", "pl": "Dziennik importów"},
    "versions.col_version": {"en": "version", "pl": "wersja"},
    "versions.col_author": {"en": "author", "pl": "autor"},
    "versions.col_outcome": {"en": "outcome", "pl": "wynik"},
    "versions.col_imported": {"en": "imported (UTC)", "pl": "import (UTC)"},
    "versions.col_file": {"en": "file", "pl": "plik"},
    "versions.col_rows": {"en": "rows", "pl": "wiersze"},
    "versions.col_restored_from": {"en": "restores version", "pl": "przywraca wersję"},
    # what became of an import attempt (the import log's outcome column)
    "code.import_outcome.loaded": {"en": "loaded", "pl": "wczytany"},
    "code.import_outcome.restored": {"en": "restored", "pl": "przywrócony"},
    "code.import_outcome.rejected": {"en": "rejected", "pl": "odrzucony"},
    "code.import_outcome.unreadable": {"en": "unreadable", "pl": "nieczytelny"},
    "code.import_outcome.failed": {"en": "failed", "pl": "nieudany"},
    "versions.imported_as": {
        "en": "Imported **{file}** as version {version} ({rows}). Every page now shows it.",
        "pl": "Zaimportowano **{file}** jako wersję {version} ({rows}). Wszystkie strony ją teraz pokazują.",
    },
}
