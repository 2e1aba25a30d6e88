"""What an import says about a workbook: refusals of a file that cannot be read, problems in its cells, notes.

Sheet, column and file names are parameters (they are spelled as the workbook spells them); `{shown}` is
the cell's value as the user typed it. Environment variable names stay as they are: the reader sets them.
"""

TERMS = {
    # ------------------------------------------------------------------ files that cannot be read at all
    "unreadable.missing": {"en": "{name} does not exist.", "pl": "{name} nie istnieje."},
    "unreadable.too_big": {
        "en": "{name} is {size:.0f} MB; the limit is {limit:.0f} MB (OUTCOMES_MAX_FILE_MB).",
        "pl": "{name} ma {size:.0f} MB; limit wynosi {limit:.0f} MB (OUTCOMES_MAX_FILE_MB).",
    },
    "unreadable.empty": {"en": "{name} is empty.", "pl": "{name} jest pusty."},
    "unreadable.damaged": {
        "en": "{name} is damaged or not really a spreadsheet.",
        "pl": "{name} jest uszkodzony albo nie jest arkuszem kalkulacyjnym.",
    },
    "unreadable.parts": {
        "en": "{name} holds {parts:,} parts; a workbook holds a few dozen.",
        "pl": "{name} zawiera {parts:,} części; skoroszyt ma ich kilkadziesiąt.",
    },
    "unreadable.encrypted": {
        "en": "{name} is password-protected or encrypted; save it without a password and import it again.",
        "pl": "{name} jest chroniony hasłem lub zaszyfrowany; zapisz go bez hasła i zaimportuj ponownie.",
    },
    "unreadable.unpacked": {
        "en": "{name} unpacks to {size:,.0f} MB; the limit is {limit:,.0f} MB (OUTCOMES_MAX_UNPACKED_MB).",
        "pl": "{name} po rozpakowaniu zajmuje {size:,.0f} MB; limit wynosi {limit:,.0f} MB (OUTCOMES_MAX_UNPACKED_MB).",
    },
    "unreadable.bomb": {
        "en": "{name} holds a part that unpacks {ratio:,.0f} times its packed size (at most {most} is accepted): it "
        "looks like a decompression bomb.",
        "pl": "{name} zawiera część, która po rozpakowaniu jest {ratio:,.0f} razy większa (dopuszczalne jest najwyżej "
        "{most} razy): wygląda na bombę dekompresyjną.",
    },
    "unreadable.zip_not_workbook": {
        "en": "{name} is a zip archive but not a workbook (no workbook part in it).",
        "pl": "{name} jest archiwum zip, ale nie skoroszytem (nie zawiera części skoroszytu).",
    },
    "unreadable.entities": {
        "en": "{name} declares XML entities in {part}; spreadsheet programs never write them, so it is refused.",
        "pl": "{name} deklaruje encje XML w {part}; programy arkuszowe nigdy ich nie zapisują, dlatego plik odrzucono.",
    },
    "unreadable.directory": {
        "en": "{name} has a workbook directory of implausible size.",
        "pl": "{name} ma katalog skoroszytu o nieprawdopodobnym rozmiarze.",
    },
    "unreadable.sheet_rows": {
        "en": "{name}, sheet {sheet!r}, declares {rows:,} rows; the limit is {limit:,} (OUTCOMES_MAX_ROWS).",
        "pl": "{name}, arkusz {sheet!r}, deklaruje {rows:,} wierszy; limit wynosi {limit:,} (OUTCOMES_MAX_ROWS).",
    },
    "unreadable.sheet_cells": {
        "en": "{name}, sheet {sheet!r}, reaches cell {cell} ({rows:,} rows x {columns:,} columns); the limit is "
        "{limit:,} cells (OUTCOMES_MAX_CELLS). Delete what is beyond the data and save it again.",
        "pl": "{name}, arkusz {sheet!r}, sięga komórki {cell} ({rows:,} wierszy x {columns:,} kolumn); limit wynosi "
        "{limit:,} komórek (OUTCOMES_MAX_CELLS). Usuń wszystko poza danymi i zapisz plik ponownie.",
    },
    "unreadable.csv_total": {
        "en": "The CSV files in {name} are {size:.0f} MB together; the limit is {limit:.0f} MB (OUTCOMES_MAX_FILE_MB).",
        "pl": "Pliki CSV w {name} zajmują razem {size:.0f} MB; limit wynosi {limit:.0f} MB (OUTCOMES_MAX_FILE_MB).",
    },
    "unreadable.csv_lines": {
        "en": "{name} has {rows:,} lines; the limit is {limit:,} rows (OUTCOMES_MAX_ROWS).",
        "pl": "{name} ma {rows:,} wierszy; limit wynosi {limit:,} wierszy (OUTCOMES_MAX_ROWS).",
    },
    "unreadable.csv_line": {
        "en": "{name} has a line of {size:,} bytes; at most {limit:,} are accepted.",
        "pl": "{name} ma wiersz o długości {size:,} bajtów; dopuszczalne jest najwyżej {limit:,}.",
    },
    "unreadable.time": {
        "en": "{name} took longer than {limit:.0f} s to read and was stopped (OUTCOMES_MAX_PARSE_SECONDS); is it far "
        "larger than it looks?",
        "pl": "Odczyt {name} trwał dłużej niż {limit:.0f} s i został przerwany (OUTCOMES_MAX_PARSE_SECONDS); czy plik "
        "nie jest znacznie większy, niż się wydaje?",
    },
    "unreadable.memory": {
        "en": "{name} needs more than {limit:,} MB of memory to read and was stopped (OUTCOMES_MAX_PARSE_MB); is it "
        "far larger than it looks?",
        "pl": "Odczyt {name} wymaga ponad {limit:,} MB pamięci i został przerwany (OUTCOMES_MAX_PARSE_MB); czy plik "
        "nie jest znacznie większy, niż się wydaje?",
    },
    "unreadable.no_csv": {
        "en": "The folder {name} holds no .csv files (expected one SHEET.csv per sheet).",
        "pl": "Folder {name} nie zawiera plików .csv (oczekiwano po jednym ARKUSZ.csv na arkusz).",
    },
    "unreadable.single_csv": {
        "en": "{name} is a single CSV file; put one SHEET.csv per sheet in a folder and import the folder.",
        "pl": "{name} to pojedynczy plik CSV; umieść w folderze po jednym ARKUSZ.csv na arkusz i zaimportuj folder.",
    },
    "unreadable.not_spreadsheet": {
        "en": "{name} is not a spreadsheet; use xlsx, xls, ods or a folder of CSV files.",
        "pl": "{name} nie jest arkuszem kalkulacyjnym; użyj pliku xlsx, xls, ods albo folderu plików CSV.",
    },
    "unreadable.same_name": {
        "en": "{name} has two sheets named {first!r} and {second!r}, the same name once spaces and capitals are "
        "ignored; keep one of them.",
        "pl": "{name} ma dwa arkusze o nazwach {first!r} i {second!r}, które po pominięciu spacji i wielkości liter "
        "są takie same; zostaw jeden z nich.",
    },
    "unreadable.bad_csv": {
        "en": "{name} is not well-formed CSV; save it as CSV UTF-8.",
        "pl": "{name} nie jest poprawnym plikiem CSV; zapisz go jako CSV UTF-8.",
    },
    "unreadable.encoding": {
        "en": "{name} is neither UTF-8 nor Windows-1250 text; save it as CSV UTF-8.",
        "pl": "{name} nie jest tekstem w kodowaniu UTF-8 ani Windows-1250; zapisz go jako CSV UTF-8.",
    },
    "unreadable.binary": {
        "en": "{name} holds binary data, not CSV text; save it as CSV UTF-8.",
        "pl": "{name} zawiera dane binarne, a nie tekst CSV; zapisz go jako CSV UTF-8.",
    },
    "unreadable.no_sheets": {
        "en": "{name} has none of the sheets {sheets}: is it a programme workbook?",
        "pl": "{name} nie ma żadnego z arkuszy {sheets}: czy to skoroszyt programu?",
    },
    # ------------------------------------------------------------------ notes
    "note.encoding": {"en": "{name} was read as {encoding}.", "pl": "{name} odczytano jako {encoding}."},
    "note.ignored_sheets": {
        "en": "Sheets not in the canonical workbook were ignored: {sheets}.",
        "pl": "Pominięto arkusze spoza wzorcowego skoroszytu: {sheets}.",
    },
    # ------------------------------------------------------------------ problems: the header and the sheets
    "problem.sheet_missing": {
        "en": "required sheet is missing from the workbook",
        "pl": "w skoroszycie brakuje wymaganego arkusza",
    },
    "problem.header_twice": {
        "en": "this column header appears twice",
        "pl": "ten nagłówek kolumny występuje dwukrotnie",
    },
    "problem.column_missing": {
        "en": "required column is missing from the header row",
        "pl": "w wierszu nagłówka brakuje wymaganej kolumny",
    },
    "problem.required_empty": {"en": "is required but empty", "pl": "jest wymagana, a jest pusta"},
    # ------------------------------------------------------------------ problems: one cell that cannot be typed
    "problem.bool_not_number": {
        "en": "'{shown}' is TRUE/FALSE, not a number",
        "pl": "'{shown}' jest wartością PRAWDA/FAŁSZ, a nie liczbą",
    },
    "problem.date_not_number": {"en": "'{shown}' is a date, not a number", "pl": "'{shown}' jest datą, a nie liczbą"},
    "problem.not_number": {"en": "'{shown}' is not a number", "pl": "'{shown}' nie jest liczbą"},
    "problem.not_number_comma": {
        "en": "'{shown}' is not a number; use a dot as the decimal separator",
        "pl": "'{shown}' nie jest liczbą; jako separatora dziesiętnego użyj kropki",
    },
    "problem.not_finite": {"en": "'{shown}' is not a finite number", "pl": "'{shown}' nie jest liczbą skończoną"},
    "problem.not_whole": {"en": "'{shown}' is not a whole number", "pl": "'{shown}' nie jest liczbą całkowitą"},
    "problem.number_not_date": {
        "en": "'{shown}' is a number, not a date; format the cell as a date or write YYYY-MM-DD",
        "pl": "'{shown}' jest liczbą, a nie datą; sformatuj komórkę jako datę albo wpisz RRRR-MM-DD",
    },
    "problem.not_date": {
        "en": "'{shown}' is not a date; write it as YYYY-MM-DD",
        "pl": "'{shown}' nie jest datą; wpisz ją jako RRRR-MM-DD",
    },
    "problem.not_calendar_date": {
        "en": "'{shown}' is not a real calendar date",
        "pl": "'{shown}' nie jest istniejącą datą kalendarzową",
    },
    "problem.not_bool": {
        "en": "'{shown}' is not TRUE/FALSE (yes/no, 1/0 and tak/nie work too)",
        "pl": "'{shown}' nie jest wartością TRUE/FALSE (można też użyć tak/nie, yes/no, 1/0)",
    },
    "problem.not_code": {
        "en": "'{shown}' is not a valid {column}; use one of: {codes}",
        "pl": "'{shown}' nie jest poprawną wartością {column}; użyj jednej z: {codes}",
    },
    "problem.not_country": {
        "en": "'{shown}' is not an ISO 3166-1 alpha-2 country code (e.g. DE, CZ, UA)",
        "pl": "'{shown}' nie jest kodem kraju ISO 3166-1 alpha-2 (np. DE, CZ, UA)",
    },
    "problem.not_currency": {
        "en": "'{shown}' is not an ISO 4217 currency code (e.g. PLN, EUR)",
        "pl": "'{shown}' nie jest kodem waluty ISO 4217 (np. PLN, EUR)",
    },
    "problem.not_year": {
        "en": "'{shown}' is not a plausible year ({first}–{last})",
        "pl": "'{shown}' nie jest wiarygodnym rokiem ({first}–{last})",
    },
    "problem.negative": {"en": "'{shown}' must not be negative", "pl": "'{shown}' nie może być ujemna"},
    # ------------------------------------------------------------------ problems: values out of bounds or alike
    "problem.implausible_amount": {
        "en": "'{shown}' is not plausible: numbers must stay under {limit:,.0f} (OUTCOMES_MAX_AMOUNT)",
        "pl": "'{shown}' nie jest wiarygodna: liczby muszą być mniejsze niż {limit:,.0f} (OUTCOMES_MAX_AMOUNT)",
    },
    "problem.implausible_date": {
        "en": "'{shown}' is not a plausible date: years {first}–{last} are accepted (OUTCOMES_FIRST_YEAR, "
        "OUTCOMES_LAST_YEAR)",
        "pl": "'{shown}' nie jest wiarygodną datą: akceptowane są lata {first}–{last} (OUTCOMES_FIRST_YEAR, "
        "OUTCOMES_LAST_YEAR)",
    },
    "problem.invisible": {
        "en": "'{shown}' holds an invisible character ({character}); retype the identifier so that it matches the "
        "same identifier elsewhere",
        "pl": "'{shown}' zawiera niewidoczny znak ({character}); wpisz identyfikator ponownie, tak aby zgadzał się "
        "z tym samym identyfikatorem w innych miejscach",
    },
    "problem.mixed_scripts": {
        "en": "'{shown}' mixes {scripts} letters, which can look alike; retype the identifier in one alphabet",
        "pl": "'{shown}' łączy litery różnych pism Unicode ({scripts}), które mogą wyglądać podobnie; wpisz "
        "identyfikator ponownie w jednym alfabecie",
    },
    "problem.repeated": {
        "en": "'{shown}' is repeated (first at row {first})",
        "pl": "'{shown}' się powtarza (po raz pierwszy w wierszu {first})",
    },
    # ------------------------------------------------------------------ problems: across rows and sheets
    "problem.unknown_reference_a": {
        "en": "'{value}' is not a {column} in the {sheet} sheet",
        "pl": "'{value}' nie występuje jako {column} w arkuszu {sheet}",
    },
    "problem.unknown_reference_an": {
        "en": "'{value}' is not an {column} in the {sheet} sheet",
        "pl": "'{value}' nie występuje jako {column} w arkuszu {sheet}",
    },
    "problem.date_order": {
        "en": "{later} {second} is before {earlier} {first}",
        "pl": "{later} {second} jest wcześniejsza niż {earlier} {first}",
    },
    "problem.decision_date": {
        "en": "is required when the grant is awarded",
        "pl": "jest wymagana, gdy grant został przyznany",
    },
    "problem.paid_over": {
        "en": "paid {paid:,.2f} is more than the grant {granted:,.2f}",
        "pl": "wypłacono {paid:,.2f}, więcej niż wynosi grant {granted:,.2f}",
    },
    "problem.support_owner": {
        "en": "give a cluster_id or an org_id",
        "pl": "podaj cluster_id albo org_id",
    },
    "problem.positive": {"en": "must be more than 0", "pl": "musi być większa od 0"},
    "problem.score_range": {
        "en": "must be between 0 and max_score {top:g}",
        "pl": "musi mieścić się między 0 a max_score {top:g}",
    },
    "problem.programme_rows": {
        "en": {"one": "must have exactly one row, it has {n}", "other": "must have exactly one row, it has {n}"},
        "pl": {
            "one": "musi mieć dokładnie jeden wiersz, ma {n}",
            "few": "musi mieć dokładnie jeden wiersz, ma {n} wiersze",
            "many": "musi mieć dokładnie jeden wiersz, ma {n} wierszy",
        },
    },
    "problem.more": {
        "en": {"one": "… and {n} more problems", "other": "… and {n} more problems"},
        "pl": {
            "one": "… i jeszcze {n} problem",
            "few": "… i jeszcze {n} problemy",
            "many": "… i jeszcze {n} problemów",
        },
    },
}
