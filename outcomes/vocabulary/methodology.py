"""The Methodology page: the programme, definitions, filters, statistics, queries and the workbook."""

TERMS = {
    "method.title": {"en": "Methodology", "pl": "Metodologia"},
    "method.intro": {
        "en": "Everything on this page is generated from the definitions, queries and workbook description that the "
        "dashboard itself runs on, so it cannot drift from the figures.",
        "pl": "Wszystko na tej stronie powstaje z definicji, zapytań i opisu skoroszytu, na których działa sam panel, "
        "więc nie może rozminąć się z liczbami.",
    },
    "method.programme": {"en": "The programme", "pl": "Program"},
    "method.programme_empty": {
        "en": "The programme sheet of this workbook is empty.",
        "pl": "Arkusz programme tego skoroszytu jest pusty.",
    },
    "method.fact.programme": {"en": "Programme", "pl": "Program"},
    "method.fact.managing_body": {"en": "Managing body", "pl": "Instytucja zarządzająca"},
    "method.fact.region": {"en": "Region", "pl": "Region"},
    "method.fact.period": {"en": "Period", "pl": "Okres"},
    "method.fact.currency": {"en": "Currency", "pl": "Waluta"},
    "method.fact.budget": {"en": "Budget allocated", "pl": "Alokacja"},
    "method.fact_line": {"en": "- **{label}:** {value}", "pl": "- **{label}:** {value}"},
    "method.currency_value": {
        "en": "{currency}, converted at {rate} EUR per {currency}",
        "pl": "{currency}, przeliczana po {rate} EUR za {currency}",
    },
    "method.budget_value": {"en": "{amount} ({eur})", "pl": "{amount} ({eur})"},
    "method.from_sheet": {
        "en": "From the programme sheet of {source}, imported {when}.",
        "pl": "Z arkusza programme pliku {source}, import {when}.",
    },
    "method.sample": {"en": "What “illustrative sample” means", "pl": "Co oznacza „przykład ilustracyjny”"},
    "method.sample_text": {
        "en": "The dashboard starts on a sample workbook (`data/sample/programme.xlsx`) so that it works with no "
        "set-up. Its clusters, organisations, people, amounts and dates are **invented** (every name carries "
        "“(sample)”); only the headline figures follow those published by Interreg Europe for the Co-operation "
        "Links Fund (Torun Regional Development Agency, good practice *Clustering for International Markets*). It "
        "shows what the dashboard does; it is not evidence about the real programme. While it is loaded, every page "
        "carries a banner saying so. Load your own workbook on the Data page to replace it.",
        "pl": "Panel startuje na przykładowym skoroszycie (`data/sample/programme.xlsx`), aby działał bez "
        "konfiguracji. Jego klastry, organizacje, osoby, kwoty i daty są **zmyślone** (każda nazwa ma dopisek "
        "„(sample)”); tylko główne wskaźniki odpowiadają opublikowanym przez Interreg Europe dla Funduszu Powiązań "
        "Kooperacyjnych (Toruńska Agencja Rozwoju Regionalnego, dobra praktyka *Clustering for International "
        "Markets*). Pokazuje, co robi panel; nie jest dowodem na temat rzeczywistego programu. Dopóki jest "
        "wczytany, każda strona ma baner z tą informacją. Wczytaj własny skoroszyt na stronie Dane, aby go "
        "zastąpić.",
    },
    "method.loaded_sample": {"en": "Loaded now: the illustrative sample.", "pl": "Wczytane: przykład ilustracyjny."},
    "method.loaded_user": {
        "en": "Loaded now: a workbook loaded by a user.",
        "pl": "Wczytane: skoroszyt wczytany przez użytkownika.",
    },
    "method.indicators": {"en": "The funnel indicators", "pl": "Wskaźniki lejka"},
    "method.indicator_line": {
        "en": "{number}. **{label}** — counted in {unit}. {definition}",
        "pl": "{number}. **{label}** — jednostka: {unit}. {definition}",
    },
    "method.units": {
        "en": "Stages 1–3 count clusters and stage 4 counts firms, so the SME stage cannot be a share of the clusters "
        "before it: its base (*n*) is the SME members of the supported clusters. Units that reach a later stage "
        "without an earlier one (a deal without an implementation grant, say) are not counted and are listed by the "
        "data-quality rules.",
        "pl": "Etapy 1–3 liczą klastry, a etap 4 liczy firmy, więc etap MŚP nie może być udziałem w klastrach "
        "przed nim: jego podstawą (*n*) są MŚP – członkowie wspartych klastrów. Jednostki, które osiągnęły "
        "późniejszy etap bez wcześniejszego (np. transakcja bez grantu na wdrożenie), nie są liczone i są "
        "wskazywane przez reguły jakości danych.",
    },
    "method.macros": {
        "en": "The definitions are written once, as DuckDB table macros created at every import; every page query "
        "reads them, so a definition means the same on every page:",
        "pl": "Definicje zapisano raz, jako makra tabelaryczne DuckDB tworzone przy każdym imporcie; czyta je każde "
        "zapytanie stron, więc definicja znaczy to samo na każdej stronie:",
    },
    "method.filters": {"en": "Filters", "pl": "Filtry"},
    "method.filters_text": {
        "en": "- **Call, sector, subregion** select the *cohort* of clusters. A cluster's call is the call of its "
        "strategy (stage I) application: the awarded one, else the latest.\n"
        "- **Years** keep only the rows dated within the range: grants by their decision (else application, else "
        "contract) date, deals by their date, exports by their year, support and readiness assessments by their "
        "date. The funnel definitions then apply unchanged — a cluster whose strategy grant was decided before the "
        "range is not a supported cluster of that range.\n"
        "- An empty selection means all. Filters apply to every page; the data-quality rules always check the whole "
        "workbook, and the programme's targets are compared only while no filter is set.\n"
        "- The address bar holds the view (page, language, filters, public mode), so a copied link opens the same "
        "view; a value the data does not have is dropped with a notice.",
        "pl": "- **Nabór, sektor, subregion** wybierają *kohortę* klastrów. Nabór klastra to nabór jego wniosku o "
        "grant na strategię (etap I): przyznanego, a w jego braku ostatniego.\n"
        "- **Lata** zostawiają tylko wiersze datowane w zakresie: granty według daty decyzji (w jej braku "
        "złożenia, a w jego braku umowy), transakcje według daty, eksport według roku, wsparcie i oceny gotowości "
        "według daty. Definicje lejka obowiązują bez zmian — klaster, którego grant na strategię rozstrzygnięto "
        "przed zakresem, nie jest wspartym klastrem tego zakresu.\n"
        "- Pusty wybór oznacza wszystko. Filtry działają na każdej stronie; reguły jakości danych zawsze "
        "sprawdzają cały skoroszyt, a wartości docelowe programu porównuje się tylko bez filtrów.\n"
        "- Pasek adresu zawiera widok (stronę, język, filtry, tryb publiczny), więc skopiowany link otwiera ten "
        "sam widok; wartość, której nie ma w danych, jest pomijana z komunikatem.",
    },
    "method.now": {"en": "Now: {scope}.", "pl": "Teraz: {scope}."},
    "method.statistics": {"en": "Statistics", "pl": "Statystyka"},
    "method.statistics_text": {
        "en": "Counts are small, so every conversion is shown as **k of n**, a percentage and a **95 % Wilson score "
        "interval** — the range of rates compatible with the data, which stays inside 0–100 % and behaves with "
        "small *n*, unlike the textbook ±1.96·√(p(1−p)/n).",
        "pl": "Liczby są małe, więc każde przejście pokazano jako **k z n**, procent i **przedział Wilsona 95 %** — "
        "zakres wskaźników zgodnych z danymi, który mieści się w 0–100\u00a0% i dobrze działa przy małym *n*, w "
        "przeciwieństwie do podręcznikowego ±1,96·√(p(1−p)/n).",
    },
    "method.on_data": {"en": "On the data shown now: {items}.", "pl": "Na obecnie pokazanych danych: {items}."},
    "method.on_data_item": {"en": "{label}: {conversion}", "pl": "{label}: {conversion}"},
    "method.money_text": {
        "en": "- **Money** is in the programme currency in the workbook and shown in EUR: amount × `fx_to_eur` from "
        "the programme sheet, computed in the query.\n"
        "- **Cost per outcome** is a *gross public cost*: all co-financing awarded divided by the number of units "
        "reaching the outcome. It does not net out what would have happened anyway or other funding, so it is an "
        "upper bound, not a price of one outcome.\n"
        "- **Public mode** replaces firm names by pseudonyms and suppresses counts of fewer than {threshold} firms.\n"
        "- **Numbers and dates** follow the chosen language: in Polish `3 399 861`, `3,40 mln EUR`, `48 %`, "
        "`5 marca 2026`, four-digit numbers ungrouped; downloaded CSV and XLSX files keep plain numbers.",
        "pl": "- **Kwoty** są w skoroszycie w walucie programu i pokazywane w EUR: kwota × `fx_to_eur` z arkusza "
        "programme, liczone w zapytaniu.\n"
        "- **Koszt na rezultat** to *koszt publiczny brutto*: całe przyznane dofinansowanie podzielone przez liczbę "
        "jednostek, które osiągnęły rezultat. Nie odlicza tego, co stałoby się i tak, ani innego finansowania, "
        "jest więc górną granicą, a nie ceną jednego rezultatu.\n"
        "- **Tryb publiczny** zastępuje nazwy firm pseudonimami i ukrywa liczby firm mniejsze niż {threshold}.\n"
        "- **Liczby i daty** są zapisywane zgodnie z wybranym językiem: po polsku `3 399 861`, `3,40 mln EUR`, "
        "`48 %`, `5 marca 2026`, liczby czterocyfrowe bez odstępu; pobierane pliki CSV i XLSX zawierają zwykłe "
        "liczby.",
    },
    "method.queries": {"en": "Every query", "pl": "Wszystkie zapytania"},
    "method.queries_text": {
        "en": "Each figure on the dashboard comes from one query file in `queries/`. Its header says what it returns "
        "and which parameters (the filters) it takes; values always reach the SQL as parameters.",
        "pl": "Każda liczba w panelu pochodzi z jednego pliku zapytania w `queries/`. Jego nagłówek mówi, co zwraca "
        "i jakie parametry (filtry) przyjmuje; wartości zawsze trafiają do SQL jako parametry.",
    },
    "method.show_query": {
        "en": "Show what a query returns, and its SQL",
        "pl": "Pokaż, co zwraca zapytanie, i jego SQL",
    },
    "method.returns": {
        "en": "**Returns:** {returns}",
        "pl": "**Zwraca** (nagłówek pliku, w języku kodu, jak nazwy kolumn): {returns}",
    },
    "method.not_stated": {"en": "not stated", "pl": "nie podano"},
    "method.rules": {"en": "Data-quality rules", "pl": "Reguły jakości danych"},
    "method.rules_note": {
        "en": "The Data page runs each rule and lists the rows that break it.",
        "pl": "Strona Dane uruchamia każdą regułę i wypisuje naruszające ją wiersze.",
    },
    "method.workbook": {"en": "The workbook", "pl": "Skoroszyt"},
    "method.workbook_text": {
        "en": "One workbook (xlsx, xls, ods, or a folder of `SHEET.csv` files) is the import format. Headers are "
        "matched case-insensitively; extra columns are kept but ignored. Sheets marked *required* must be present; "
        "pages that need an optional sheet say so when it is missing. Column descriptions below are the workbook "
        "contract as the template's instructions state it.",
        "pl": "Formatem importu jest jeden skoroszyt (xlsx, xls, ods lub folder plików `ARKUSZ.csv`). Nagłówki są "
        "dopasowywane bez względu na wielkość liter; dodatkowe kolumny są zachowywane, ale pomijane. Arkusze "
        "oznaczone jako *wymagane* muszą być obecne; strony potrzebujące arkusza opcjonalnego informują o jego "
        "braku. Opisy kolumn poniżej to kontrakt skoroszytu w brzmieniu instrukcji szablonu.",
    },
    "method.plausible": {
        "en": "Values must be plausible: years (of year columns and of dates) {first}–{last}, amounts and other "
        "numbers under {amount} either way. Identifiers may not hold invisible characters (a zero-width space, a "
        "no-break space) or mix alphabets (a Cyrillic “о” among Latin letters): such an identifier would look like "
        "another and silently count apart. Two sheets whose names differ only in spaces or capitals are refused, "
        "not merged. An upload may be at most {file_mb} MB, unpack to at most {unpacked_mb} MB, and declare at most "
        "{rows} rows and {cells} cells per sheet; it is read in a separate process with at most {parse_mb} MB of "
        "memory and {seconds} s of CPU time, so that no file can take the dashboard down. Each limit is an "
        "environment variable, named in the message that refuses a file.",
        "pl": "Wartości muszą być wiarygodne: lata (kolumn z rokiem i dat) {first}–{last}, kwoty i inne liczby "
        "poniżej {amount} w obie strony. Identyfikatory nie mogą zawierać niewidocznych znaków (spacji o zerowej "
        "szerokości, spacji niełamiącej) ani mieszać alfabetów (cyrylickie „о” wśród liter łacińskich): taki "
        "identyfikator wyglądałby jak inny i liczyłby się osobno bez ostrzeżenia. Dwa arkusze, których nazwy "
        "różnią się tylko spacjami lub wielkością liter, są odrzucane, a nie łączone. Plik może mieć najwyżej "
        "{file_mb} MB, rozpakowywać się do najwyżej {unpacked_mb} MB i deklarować najwyżej {rows} wierszy i {cells} "
        "komórek na arkusz; jest czytany w osobnym procesie z limitem {parse_mb} MB pamięci i {seconds} s czasu "
        "procesora, aby żaden plik nie mógł unieruchomić panelu. Każdy limit to zmienna środowiskowa, podana w "
        "komunikacie odrzucającym plik.",
    },
    "method.sheet_line": {
        "en": "**{sheet}** — {description} {required}{sheet_key}",
        "pl": "**{sheet}** — {description} {required}{sheet_key}",
    },
    "method.required": {"en": "*Required sheet.*", "pl": "*Arkusz wymagany.*"},
    "method.optional": {"en": "*Optional sheet.*", "pl": "*Arkusz opcjonalny.*"},
    "method.key": {"en": " Key: {columns}.", "pl": " Klucz: {columns}."},
    "method.value_of": {"en": "a value of {reference}", "pl": "wartość z {reference}"},
    "col.column": {"en": "column", "pl": "kolumna"},
    "col.required": {"en": "required", "pl": "wymagana"},
    "col.holds": {"en": "holds", "pl": "zawiera"},
    "col.allowed": {"en": "allowed values", "pl": "dozwolone wartości"},
    "col.meaning": {"en": "meaning", "pl": "znaczenie"},
}
