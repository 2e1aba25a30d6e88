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
        "pl": "  {sheet}: {added} dodanych, {removed} usuniętych, {changed} zmienionych",
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
        "pl": "scalono {merged} plików danych; historia zachowana",
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
}
