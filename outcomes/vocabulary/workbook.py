"""The workbook contract in words: what each sheet and column holds, each column type, and the template's
instructions. outcomes/schema.py declares the structure (names, types, keys); the Methodology page and the
blank template (outcomes/template.py) say it in the reader's language from here."""

# sheet -> (what the sheet holds, {column: (English, Polish)}), in English and Polish
_SHEETS: dict[str, tuple[tuple[str, str], dict[str, tuple[str, str]]]] = {
    "programme": (
        ("The programme itself: exactly one row.", "Sam program: dokładnie jeden wiersz."),
        {
            "programme_id": ("Short identifier of the programme.", "Krótki identyfikator programu."),
            "name": ("Name of the programme.", "Nazwa programu."),
            "managing_body": ("The agency that runs it.", "Instytucja, która nim zarządza."),
            "region": ("Region the programme serves.", "Region, któremu służy program."),
            "country": ("Country of the programme.", "Kraj programu."),
            "currency": ("Currency of every amount in the workbook.", "Waluta wszystkich kwot w skoroszycie."),
            "fx_to_eur": (
                "EUR per one unit of the currency (1 for EUR).",
                "Ile EUR za jedną jednostkę waluty (1 dla EUR).",
            ),
            "start_date": ("Programme start.", "Początek programu."),
            "end_date": ("Programme end.", "Koniec programu."),
            "budget_allocated": (
                "Money allocated to the programme at launch.",
                "Środki przyznane programowi na starcie.",
            ),
        },
    ),
    "clusters": (
        ("Every cluster that took part or applied.", "Każdy klaster, który uczestniczył lub złożył wniosek."),
        {
            "cluster_id": ("Identifier of the cluster.", "Identyfikator klastra."),
            "name": ("Name of the cluster.", "Nazwa klastra."),
            "sector": ("Sector the cluster works in.", "Sektor, w którym działa klaster."),
            "nace": ("NACE code of the sector.", "Kod NACE (PKD) sektora."),
            "subregion": ("Subregion where the cluster is based.", "Subregion, w którym klaster ma siedzibę."),
            "founded": ("Year the cluster was founded.", "Rok założenia klastra."),
            "status": ("Whether the cluster is still working.", "Czy klaster nadal działa."),
        },
    ),
    "organisations": (
        (
            "Every organisation that is or was a cluster member (firms, universities, institutions).",
            "Każda organizacja, która jest lub była członkiem klastra (firmy, uczelnie, instytucje).",
        ),
        {
            "org_id": ("Identifier of the organisation.", "Identyfikator organizacji."),
            "name": (
                "Name of the organisation (hidden in public mode).",
                "Nazwa organizacji (ukryta w trybie publicznym).",
            ),
            "org_type": ("Kind of organisation.", "Rodzaj organizacji."),
            "size_class": ("Size of the firm.", "Wielkość firmy."),
            "nace": ("NACE code of its main activity.", "Kod NACE (PKD) jej głównej działalności."),
            "subregion": ("Subregion where it is based.", "Subregion, w którym ma siedzibę."),
            "sole_trader": (
                "Whether the firm is a sole trader.",
                "Czy firma jest jednoosobową działalnością gospodarczą.",
            ),
        },
    ),
    "memberships": (
        ("Which organisation belongs to which cluster.", "Która organizacja należy do którego klastra."),
        {
            "cluster_id": ("The cluster.", "Klaster."),
            "org_id": ("The member organisation.", "Organizacja członkowska."),
            "role": ("Role in the cluster.", "Rola w klastrze."),
            "joined": ("When it joined.", "Kiedy przystąpiła."),
            "left": ("When it left, if it did.", "Kiedy wystąpiła, jeśli wystąpiła."),
        },
    ),
    "grants": (
        (
            "Every grant application, awarded or not, at either stage.",
            "Każdy wniosek o grant, przyznany lub nie, na którymkolwiek etapie.",
        ),
        {
            "grant_id": ("Identifier of the application.", "Identyfikator wniosku."),
            "cluster_id": ("The applying cluster.", "Klaster składający wniosek."),
            "stage": (
                "strategy = stage I (write the strategy); implementation = stage II.",
                "strategy = etap I (opracowanie strategii); implementation = etap II (wdrożenie).",
            ),
            "call": ("The call for proposals.", "Nabór wniosków."),
            "applied": ("Date of application.", "Data złożenia wniosku."),
            "decision": ("Outcome of the application.", "Rozstrzygnięcie wniosku."),
            "decision_date": (
                "Date of the decision (required when awarded).",
                "Data decyzji (wymagana, gdy grant przyznano).",
            ),
            "contract_date": ("Date the grant contract was signed.", "Data podpisania umowy o dofinansowanie."),
            "end_date": ("End of the funded project.", "Koniec dofinansowanego projektu."),
            "eligible_cost": ("Eligible cost of the project.", "Koszty kwalifikowalne projektu."),
            "grant_amount": (
                "Co-financing awarded (contracted) by the agency.",
                "Dofinansowanie przyznane (zakontraktowane) przez instytucję.",
            ),
            "paid_amount": ("Co-financing paid out so far.", "Dofinansowanie dotychczas wypłacone."),
            "private_contribution": ("Contribution of the cluster's members.", "Wkład własny członków klastra."),
        },
    ),
    "support": (
        ("Services given to a cluster or to one organisation.", "Usługi udzielone klastrowi lub jednej organizacji."),
        {
            "support_id": ("Identifier of the service.", "Identyfikator usługi."),
            "cluster_id": ("The cluster served (this or org_id).", "Obsłużony klaster (to albo org_id)."),
            "org_id": (
                "The organisation served (this or cluster_id).",
                "Obsłużona organizacja (to albo cluster_id).",
            ),
            "type": ("Kind of service.", "Rodzaj usługi."),
            "date": ("When it took place.", "Kiedy się odbyła."),
            "country": ("Country of a mission, fair or event.", "Kraj misji, targów lub wydarzenia."),
            "provider": ("Who provided it.", "Kto jej udzielił."),
        },
    ),
    "readiness": (
        (
            "Export-readiness assessment scores, one row per organisation, date and dimension.",
            "Wyniki oceny gotowości eksportowej, jeden wiersz na organizację, datę i wymiar.",
        ),
        {
            "org_id": ("The assessed organisation.", "Oceniana organizacja."),
            "date": ("Date of the assessment.", "Data oceny."),
            "dimension": (
                "What was scored (e.g. strategy, marketing).",
                "Co oceniano (np. strategia, marketing).",
            ),
            "score": ("The score.", "Wynik."),
            "max_score": ("The highest score possible.", "Najwyższy możliwy wynik."),
        },
    ),
    "deals": (
        (
            "Business the clusters did or attempted abroad.",
            "Interesy, które klastry zawarły lub próbowały zawrzeć za granicą.",
        ),
        {
            "deal_id": ("Identifier of the deal.", "Identyfikator transakcji."),
            "cluster_id": ("The cluster.", "Klaster."),
            "type": ("Kind of deal.", "Rodzaj transakcji."),
            "partner_country": ("Country of the foreign partner.", "Kraj zagranicznego partnera."),
            "status": (
                "won or signed counts as business done.",
                "won (wygrana) lub signed (podpisana) liczy się jako zawarta transakcja.",
            ),
            "date": ("Date of the latest status.", "Data ostatniego statusu."),
            "value": ("Value of the deal.", "Wartość transakcji."),
            "via_een": (
                "Whether the partner was found through the Enterprise Europe Network.",
                "Czy partnera znaleziono przez sieć Enterprise Europe Network.",
            ),
        },
    ),
    "exports": (
        (
            "Foreign sales of member organisations, one row per organisation, year and country.",
            "Sprzedaż zagraniczna organizacji członkowskich, jeden wiersz na organizację, rok i kraj.",
        ),
        {
            "org_id": ("The exporting organisation.", "Organizacja eksportująca."),
            "year": ("Year of the sales.", "Rok sprzedaży."),
            "country": ("Destination country.", "Kraj docelowy."),
            "value": ("Value of the sales.", "Wartość sprzedaży."),
            "first_time": ("Whether this was the firm's first export.", "Czy był to pierwszy eksport firmy."),
            "source": ("Where the figure comes from.", "Skąd pochodzi wartość."),
            "verified": ("Whether the agency verified the figure.", "Czy instytucja zweryfikowała wartość."),
        },
    ),
    "targets": (
        ("Targets the programme set itself.", "Wartości docelowe, które program sam sobie wyznaczył."),
        {
            "indicator": (
                "Indicator key (a funnel stage such as trading_smes, or an EU common indicator code such as RCO01 "
                "or CO01) or name.",
                "Klucz wskaźnika (etap lejka, np. trading_smes, albo kod wspólnego wskaźnika UE, np. RCO01 lub "
                "CO01) albo jego nazwa.",
            ),
            "target": ("Target value.", "Wartość docelowa."),
            "baseline": ("Baseline value.", "Wartość bazowa."),
            "unit": ("Unit of the target.", "Jednostka wartości docelowej."),
        },
    ),
}

# What a value of each column type (outcomes/schema.py, ColumnType) must look like.
_TYPE_HINTS = {
    "id": (
        "text identifier (trimmed; case matters)",
        "identyfikator tekstowy (bez spacji na brzegach; wielkość liter ma znaczenie)",
    ),
    "text": ("text", "tekst"),
    "code": ("one of the listed codes (any case)", "jeden z wymienionych kodów (dowolna wielkość liter)"),
    "country": ("ISO 3166-1 alpha-2 country code, e.g. DE", "kod kraju ISO 3166-1 alpha-2, np. DE"),
    "currency": ("ISO 4217 currency code, e.g. PLN", "kod waluty ISO 4217, np. PLN"),
    "int": ("whole number", "liczba całkowita"),
    "year": ("four-digit year", "rok zapisany czterema cyframi"),
    "number": ("number", "liczba"),
    "money": (
        "amount in the programme currency, not negative",
        "kwota w walucie programu, nieujemna",
    ),
    "date": ("spreadsheet date or YYYY-MM-DD", "data arkusza kalkulacyjnego lub RRRR-MM-DD"),
    "bool": ("TRUE/FALSE, yes/no, 1/0 or tak/nie", "TRUE/FALSE, yes/no, 1/0 lub tak/nie"),
}

TERMS = {
    **{f"workbook.sheet.{sheet}": {"en": en, "pl": pl} for sheet, ((en, pl), _) in _SHEETS.items()},
    **{
        f"workbook.column.{sheet}.{column}": {"en": en, "pl": pl}
        for sheet, (_, columns) in _SHEETS.items()
        for column, (en, pl) in columns.items()
    },
    **{f"workbook.type.{kind}": {"en": en, "pl": pl} for kind, (en, pl) in _TYPE_HINTS.items()},
    "workbook.template.title": {
        "en": "Programme outcomes workbook: how to fill it in",
        "pl": "Skoroszyt rezultatów programu: jak go wypełnić",
    },
    "workbook.template.rules": {
        "en": "One row per record from row 2. Header names are matched ignoring case and spaces; extra columns are "
        "kept aside. Columns in dark red are required. Dates: spreadsheet dates or YYYY-MM-DD. Booleans: "
        "TRUE/FALSE, yes/no, 1/0, tak/nie. Money: in the programme currency (programme.currency).",
        "pl": "Jeden wiersz na rekord, od wiersza 2. Nazwy nagłówków są dopasowywane bez względu na wielkość liter i "
        "spacje; dodatkowe kolumny są odkładane na bok. Kolumny w kolorze ciemnoczerwonym są wymagane. Daty: daty "
        "arkusza kalkulacyjnego lub RRRR-MM-DD. Wartości logiczne: TRUE/FALSE, yes/no, 1/0, tak/nie. Kwoty: w "
        "walucie programu (programme.currency). Nazw arkuszy, kolumn i kodów nie tłumacz: są częścią formatu.",
    },
    "workbook.template.required_sheets": {
        "en": "Required sheets: {sheets}. The others may be left empty or deleted; the pages that need them will "
        "say so.",
        "pl": "Wymagane arkusze: {sheets}. Pozostałe można zostawić puste lub usunąć; strony, które ich potrzebują, "
        "powiedzą o tym.",
    },
    "workbook.template.sheet_required": {"en": "sheet required", "pl": "arkusz wymagany"},
    "workbook.template.sheet_optional": {"en": "optional", "pl": "opcjonalny"},
    "workbook.template.reference": {"en": "a {key} from the {sheet} sheet", "pl": "{key} z arkusza {sheet}"},
    "workbook.template.unique_by": {
        "en": "Each row is unique by: {columns}.",
        "pl": "Każdy wiersz jest jednoznaczny według: {columns}.",
    },
    "workbook.template.date_order": {
        "en": "{earlier} must not be after {later}.",
        "pl": "{earlier} nie może być późniejsza niż {later}.",
    },
    "workbook.template.use_listed": {
        "en": "Use one of the listed values for {column}.",
        "pl": "Użyj jednej z wymienionych wartości w kolumnie {column}.",
    },
}
