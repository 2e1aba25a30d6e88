"""What the store says when it cannot do what was asked (folders, versions, a busy catalog)."""

TERMS = {
    "store.postgres_needs_path": {
        "en": "A PostgreSQL store needs OUTCOMES_DATA_PATH: the shared folder or object-store URL for its data files.",
        "pl": "Magazyn PostgreSQL wymaga OUTCOMES_DATA_PATH: wspólnego folderu lub adresu URL magazynu obiektów na "
        "swoje pliki danych.",
    },
    "store.is_file": {
        "en": "{path} is a file, not a store folder; give a folder (it is made when missing).",
        "pl": "{path} jest plikiem, a nie folderem magazynu; podaj folder (zostanie utworzony, jeśli go brak).",
    },
    "store.no_extension": {
        "en": "duckdb-extension-{name} has no build for DuckDB {version}; reinstall it.",
        "pl": "duckdb-extension-{name} nie ma wersji dla DuckDB {version}; zainstaluj go ponownie.",
    },
    "store.not_writable": {
        "en": "The store folder {folder} cannot be written ({reason}).",
        "pl": "Nie można zapisywać w folderze magazynu {folder} ({reason}).",
    },
    "store.cannot_open": {
        "en": "The store {name} cannot be opened: {reason}",
        "pl": "Nie można otworzyć magazynu {name}: {reason}",
    },
    "store.catalog_cannot_open": {
        "en": "The store catalog {catalog} cannot be opened: {reason}.",
        "pl": "Nie można otworzyć katalogu magazynu {catalog}: {reason}.",
    },
    "store.no_version_yet": {
        "en": "The store {store} holds no version yet; import a workbook first.",
        "pl": "Magazyn {store} nie zawiera jeszcze żadnej wersji; najpierw zaimportuj skoroszyt.",
    },
    "store.no_such_version": {
        "en": "There is no version {version} in the store {store} (it holds versions {first}–{last}).",
        "pl": "W magazynie {store} nie ma wersji {version} (zawiera wersje {first}–{last}).",
    },
    "store.no_such_version_empty": {
        "en": "There is no version {version} in the store {store} (it holds no version yet).",
        "pl": "W magazynie {store} nie ma wersji {version} (nie zawiera jeszcze żadnej wersji).",
    },
    "store.busy": {
        "en": "Another import or change was being saved to the store {name} at the same moment; nothing was changed, "
        "try again.",
        "pl": "W tej samej chwili zapisywano w magazynie {name} inny import lub zmianę; niczego nie zmieniono, spróbuj "
        "ponownie.",
    },
    "store.legacy_unreadable": {
        "en": "The previous release's database {legacy} cannot be read: {reason}",
        "pl": "Nie można odczytać bazy danych poprzedniego wydania {legacy}: {reason}",
    },
    "store.legacy_empty": {
        "en": "{legacy} holds no imported workbook; import one with `python -m outcomes import`.",
        "pl": "{legacy} nie zawiera zaimportowanego skoroszytu; zaimportuj go poleceniem `python -m outcomes import`.",
    },
    "store.migrated": {
        "en": "Brought the previous release's database {legacy} in as version 1 of the store {name}.",
        "pl": "Bazę danych poprzedniego wydania {legacy} wczytano jako wersję 1 magazynu {name}.",
    },
    "store.log_restored": {"en": "restored version {version}", "pl": "przywrócono wersję {version}"},
    "store.same_version": {
        "en": "Version {version} compared with itself shows no change; give two different versions.",
        "pl": "Wersja {version} porównana sama ze sobą nie wykazuje zmian; podaj dwie różne wersje.",
    },
}
