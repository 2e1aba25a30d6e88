"""The Data page: loading a workbook, the import log, data-quality rules, the blank template."""

TERMS = {
    "data.title": {"en": "Data", "pl": "Dane"},
    "data.loaded": {
        "en": "Loaded now: **{source}** (imported {when}; SHA-256 `{sha}…`){sample}",
        "pl": "Wczytane dane: **{source}** (import {when}; SHA-256 `{sha}…`){sample}",
    },
    "data.loaded_sample": {"en": " — the illustrative sample.", "pl": " — przykład ilustracyjny."},
    "data.tab.load": {"en": "Load a workbook", "pl": "Wczytaj skoroszyt"},
    "data.tab.log": {"en": "Import log", "pl": "Dziennik importów"},
    "data.tab.rules": {"en": "Data-quality rules", "pl": "Reguły jakości danych"},
    "data.tab.template": {"en": "Blank template", "pl": "Pusty szablon"},
    "data.new_funnel": {"en": "**The funnel on the new data**", "pl": "**Lejek na nowych danych**"},
    "data.stage_metric": {"en": "{label} ({unit})", "pl": "{label} ({unit})"},
    "data.upload_help": {
        "en": "Upload the programme workbook (xlsx, xls or ods), or the CSV files of one workbook at once (one "
        "`SHEET.csv` per sheet). Required sheets: {sheets}. Every problem is listed before anything is loaded; a "
        "workbook with problems changes nothing.",
        "pl": "Wgraj skoroszyt programu (xlsx, xls lub ods) albo jednocześnie pliki CSV jednego skoroszytu (po "
        "jednym `ARKUSZ.csv` na arkusz). Wymagane arkusze: {sheets}. Wszystkie problemy są wypisywane przed "
        "wczytaniem; skoroszyt z problemami niczego nie zmienia.",
    },
    "data.uploader": {"en": "Workbook or CSV files", "pl": "Skoroszyt lub pliki CSV"},
    "data.passed": {
        "en": "**{file}** passed every check ({rows}).",
        "pl": "**{file}** przeszedł wszystkie kontrole ({rows}).",
    },
    "data.optional_missing": {
        "en": "Optional sheets not in this workbook (their pages will say so): {sheets}.",
        "pl": "Arkusze opcjonalne, których brak w tym skoroszycie (strony to zaznaczą): {sheets}.",
    },
    "data.import_button": {"en": "Import {new}, replacing {old}", "pl": "Importuj {new} w miejsce {old}"},
    "data.problems": {
        "en": {
            "one": "**{file}** has {n} problem; nothing was loaded. Correct it in the workbook and upload it again.",
            "other": "**{file}** has {n} problems; nothing was loaded. Correct them in the workbook and upload it "
            "again.",
        },
        "pl": {
            "one": "**{file}** ma {n} problem; niczego nie wczytano. Popraw go w skoroszycie i wgraj ponownie.",
            "few": "**{file}** ma {n} problemy; niczego nie wczytano. Popraw je w skoroszycie i wgraj ponownie.",
            "many": "**{file}** ma {n} problemów; niczego nie wczytano. Popraw je w skoroszycie i wgraj ponownie.",
        },
    },
    "data.not_passed": {
        "en": "{file} did not pass the checks; nothing changed.",
        "pl": "{file} nie przeszedł kontroli; nic się nie zmieniło.",
    },
    "data.mixed_upload": {
        "en": "Upload either one workbook or the CSV files of one workbook (one SHEET.csv per sheet), not both.",
        "pl": "Wgraj albo jeden skoroszyt, albo pliki CSV jednego skoroszytu (po jednym ARKUSZ.csv na arkusz), nie "
        "jedno i drugie.",
    },
    "data.one_workbook": {"en": "Upload one workbook at a time.", "pl": "Wgrywaj jeden skoroszyt naraz."},
    "data.no_log": {"en": "No import has been recorded yet.", "pl": "Nie zarejestrowano jeszcze żadnego importu."},
    "data.rules_text": {
        "en": "Each rule is a query that returns the rows breaking it. The rules check the whole workbook, whatever "
        "the filters. Rows they list do not stop an import: they are counted as the funnel definitions say.",
        "pl": "Każda reguła to zapytanie zwracające naruszające ją wiersze. Reguły sprawdzają cały skoroszyt, "
        "niezależnie od filtrów. Wskazane wiersze nie blokują importu: liczy się je zgodnie z definicjami lejka.",
    },
    "data.rule_rows": {
        "en": {"one": "{title} — {n} row", "other": "{title} — {n} rows"},
        "pl": {"one": "{title} — {n} wiersz", "few": "{title} — {n} wiersze", "many": "{title} — {n} wierszy"},
    },
    "data.rule_clean": {"en": "No rows break this rule.", "pl": "Żaden wiersz nie narusza tej reguły."},
    "data.template_text": {
        "en": "The blank workbook has one sheet per table with the column headers, an instructions sheet saying "
        "what each column holds, drop-downs for the codes and date formats. Fill it in and load it above.",
        "pl": "Pusty skoroszyt ma po jednym arkuszu na tabelę z nagłówkami kolumn, arkusz z instrukcją opisującą "
        "każdą kolumnę oraz listy rozwijane dla kodów i formatów dat. Wypełnij go i wczytaj powyżej.",
    },
    "data.template_button": {"en": "Blank workbook template (xlsx)", "pl": "Pusty szablon skoroszytu (xlsx)"},
}
