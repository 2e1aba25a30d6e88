"""The SMEs & markets page and its charts: trading SMEs, new exporters, destinations, exports by year."""

TERMS = {
    "markets.title": {"en": "SMEs & markets", "pl": "MŚP i rynki"},
    "markets.needs": {
        "en": "trading SMEs, their destination countries and their exports",
        "pl": "MŚP handlujące za granicą, ich kraje docelowe i ich eksport",
    },
    "markets.none": {
        "en": "No trading SMEs for this selection: no SME member of a supported cluster reported exports in or "
        "after the year of its cluster's first award. Widen the filters to see some.",
        "pl": "Brak MŚP handlujących za granicą w tym wyborze: żadne MŚP – członek wspartego klastra – nie zgłosiło "
        "eksportu w roku pierwszego grantu klastra ani później. Poszerz filtry.",
    },
    "markets.lower_bound": {
        "en": "Values are **as reported** by the firms (survey, report or registry); rows without a value add "
        "nothing, so every sum is a lower bound. Unverified values are counted and shown as such.",
        "pl": "Wartości są **takie, jak zgłosiły je firmy** (ankieta, sprawozdanie lub rejestr); wiersze bez "
        "wartości nic nie dodają, więc każda suma jest dolną granicą. Wartości niezweryfikowane są liczone i tak "
        "oznaczone.",
    },
    "markets.card.trading": {"en": "Trading SMEs", "pl": "MŚP z eksportem"},
    "markets.card.trading_caption": {
        "en": "{k_of_n} of the SME members of supported clusters",
        "pl": "{k_of_n} MŚP – członków wspartych klastrów",
    },
    "markets.card.new": {"en": "New exporters", "pl": "Nowi eksporterzy"},
    "markets.card.new_help": {
        "en": "Trading SMEs with an exports row marked first_time = TRUE after the award.",
        "pl": "MŚP handlujące za granicą z wierszem eksportu oznaczonym first_time = TRUE po przyznaniu grantu.",
    },
    "markets.card.new_caption": {"en": "{k_of_n} of the trading SMEs", "pl": "{k_of_n} MŚP handlujących za granicą"},
    "markets.card.countries": {"en": "Destination countries", "pl": "Kraje docelowe"},
    "markets.card.countries_caption": {
        "en": "countries in the counted export rows",
        "pl": "kraje w liczonych wierszach eksportu",
    },
    "markets.card.value": {"en": "Exports reported, EUR", "pl": "Zgłoszony eksport, EUR"},
    "markets.card.value_caption": {
        "en": "{amount}, a lower bound: {unverified} of {rows} rows not verified, {without} without a value",
        "pl": "{amount}, dolna granica: {unverified} z {rows} wierszy niezweryfikowanych, {without} bez wartości",
    },
    "markets.summary_title": {
        "en": "trading SMEs, new exporters, destinations and value",
        "pl": "MŚP handlujące za granicą, nowi eksporterzy, kraje docelowe i wartość",
    },
    "markets.summary_definition": {
        "en": "**Trading SMEs** — {trading}\n\n**Counted export rows** — the exports rows of trading SMEs dated in "
        "or after their award year (the year of the earliest first award among their supported clusters).\n\n"
        "**New exporter** — a trading SME with a counted row marked `first_time` = TRUE; **already exporting** — "
        "one with a counted row marked FALSE or any exports row before its award year; **not stated** — neither."
        "\n\n{lower_bound}",
        "pl": "**MŚP handlujące za granicą** — {trading}\n\n**Liczone wiersze eksportu** — wiersze eksportu MŚP "
        "handlujących za granicą z roku grantu lub późniejsze (rok najwcześniejszego pierwszego grantu wśród ich "
        "wspartych klastrów).\n\n**Nowy eksporter** — MŚP z liczonym wierszem oznaczonym `first_time` = TRUE; "
        "**eksportujące już wcześniej** — z liczonym wierszem oznaczonym FALSE lub z jakimkolwiek wierszem eksportu "
        "sprzed roku grantu; **nie podano** — żadne z nich.\n\n{lower_bound}",
    },
    "markets.time": {"en": "New exporters and time to first export", "pl": "Nowi eksporterzy i czas do eksportu"},
    "markets.time_text": {
        "en": "**Time to first export** = the year of a trading SME's first export in or after its award year, "
        "minus the award year (the year of its cluster's first award). Exports are reported per calendar year, so "
        "the gap is counted in whole years; 0 means in the award year itself. Median for the new exporters: "
        "**{median_new}**; for all trading SMEs: **{median_all}** (firms already exporting mostly export in the "
        "award year itself).",
        "pl": "**Czas do pierwszego eksportu** = rok pierwszego eksportu MŚP w roku grantu lub później minus rok "
        "grantu (rok pierwszego grantu jego klastra). Eksport zgłasza się za lata kalendarzowe, więc odstęp liczy "
        "się w pełnych latach; 0 oznacza sam rok grantu. Mediana dla nowych eksporterów: **{median_new}**; dla "
        "wszystkich MŚP handlujących za granicą: **{median_all}** (firmy eksportujące już wcześniej eksportują "
        "zwykle w samym roku grantu).",
    },
    "markets.none_in_selection": {"en": "none in this selection", "pl": "brak w tym wyborze"},
    "markets.all_hidden": {
        "en": "Every count behind this chart is of fewer than {threshold} firms, so public mode hides them.",
        "pl": "Każda liczba na tym wykresie dotyczy mniej niż {threshold} firm, więc tryb publiczny je ukrywa.",
    },
    "markets.time_title": {"en": "time from award to first export", "pl": "czas od grantu do pierwszego eksportu"},
    "markets.time_definition": {
        "en": "For each trading SME: the first year, not before its award year, with an exports row, minus the "
        "award year (the year of the earliest first award among its supported clusters). Counted in calendar "
        "years because exports are reported per year. Split by exporter kind (new: a counted row has first_time "
        "= TRUE).",
        "pl": "Dla każdego MŚP handlującego za granicą: pierwszy rok z wierszem eksportu, nie wcześniejszy niż rok "
        "grantu, minus rok grantu (rok najwcześniejszego pierwszego grantu wśród jego wspartych klastrów). Liczone "
        "w latach kalendarzowych, bo eksport zgłasza się za lata. Z podziałem na rodzaj eksportera (nowy: liczony "
        "wiersz ma first_time = TRUE).",
    },
    "markets.destinations": {"en": "Destination countries", "pl": "Kraje docelowe"},
    "markets.rank_by": {"en": "Rank countries by", "pl": "Uszereguj kraje według"},
    "markets.measure.exporting_smes": {"en": "trading SMEs exporting there", "pl": "MŚP eksportujących tam"},
    "markets.measure.export_value_eur": {"en": "export value reported (EUR)", "pl": "zgłoszona wartość eksportu (EUR)"},
    "markets.map_frame": {"en": "Map frame", "pl": "Kadr mapy"},
    "markets.frame.europe": {"en": "Europe", "pl": "Europa"},
    "markets.frame.all": {"en": "all destinations", "pl": "wszystkie kraje"},
    "markets.outside": {"en": "Outside the frame: {countries}.", "pl": "Poza kadrem: {countries}."},
    "markets.destinations_title": {"en": "destination countries", "pl": "kraje docelowe"},
    "markets.destinations_definition": {
        "en": "Per destination country of the counted export rows: the trading SMEs that reported exports there "
        "and the value they reported, in EUR (× programme.fx_to_eur). {lower_bound} Map outlines: Natural Earth "
        "1:50m (public domain), shipped with the app.",
        "pl": "Dla każdego kraju docelowego liczonych wierszy eksportu: MŚP handlujące za granicą, które zgłosiły "
        "tam eksport, i zgłoszona wartość w EUR (× programme.fx_to_eur). {lower_bound} Kontury mapy: Natural "
        "Earth 1:50m (domena publiczna), dołączone do aplikacji.",
    },
    "markets.by_year": {"en": "Exports by year", "pl": "Eksport według lat"},
    "markets.by_year_title": {"en": "exports by year", "pl": "eksport według lat"},
    "markets.by_year_definition": {
        "en": "Per year of the counted export rows: the value reported (verified by the agency or not) in EUR and "
        "the trading SMEs that exported, of which those whose first export was that year. {lower_bound}",
        "pl": "Dla każdego roku liczonych wierszy eksportu: zgłoszona wartość (zweryfikowana przez agencję lub nie) "
        "w EUR i MŚP handlujące za granicą, które eksportowały, w tym te, których pierwszy eksport przypadł na ten "
        "rok. {lower_bound}",
    },
    "markets.list": {"en": "The trading SMEs", "pl": "MŚP handlujące za granicą"},
    "markets.list_title": {"en": "the trading SMEs", "pl": "MŚP handlujące za granicą"},
    "markets.list_definition": {
        "en": "One row per trading SME. {trading} {lower_bound}",
        "pl": "Jeden wiersz na każde MŚP handlujące za granicą. {trading} {lower_bound}",
    },
    "markets.col.org_name": {"en": "SME", "pl": "MŚP"},
    # ------------------------------------------------------------------ charts
    "chart.markets.trading_smes": {"en": "trading SMEs", "pl": "MŚP handlujące za granicą"},
    "chart.markets.hidden": {"en": "hidden", "pl": "ukryte"},
    "chart.markets.value_axis": {
        "en": "export value reported, EUR (a lower bound)",
        "pl": "zgłoszona wartość eksportu, EUR (dolna granica)",
    },
    "chart.markets.smes_axis": {"en": "trading SMEs exporting there", "pl": "MŚP eksportujące tam"},
    "chart.markets.reported": {"en": "reported", "pl": "zgłoszono"},
    "chart.markets.eur_reported": {"en": "EUR reported", "pl": "EUR zgłoszono"},
    "chart.markets.value_panel": {
        "en": "Export value reported, EUR (a lower bound)",
        "pl": "Zgłoszona wartość eksportu, EUR (dolna granica)",
    },
    "chart.markets.smes_panel": {"en": "Trading SMEs that exported", "pl": "MŚP handlujące, które eksportowały"},
    "chart.markets.verified": {"en": "verified by the agency", "pl": "zweryfikowane przez agencję"},
    "chart.markets.unverified": {"en": "not verified", "pl": "niezweryfikowane"},
    "chart.markets.value_group": {"en": "value", "pl": "wartość"},
    "chart.markets.smes_group": {"en": "SMEs", "pl": "MŚP"},
    "chart.markets.first_that_year": {"en": "first export that year", "pl": "pierwszy eksport w tym roku"},
    "chart.markets.exported_before": {"en": "had exported before", "pl": "eksportowały wcześniej"},
    "chart.markets.split_hidden": {"en": "split hidden (public mode)", "pl": "podział ukryty (tryb publiczny)"},
    "chart.markets.award_year": {"en": "award year", "pl": "rok grantu"},
    "chart.markets.years_after": {
        "en": {"one": "+{count} year", "other": "+{count} years"},
        "pl": {"one": "+{count} rok", "few": "+{count} lata", "many": "+{count} lat", "other": "+{count} roku"},
    },
    "chart.markets.median": {
        "en": "median for new exporters: {years}",
        "pl": "mediana dla nowych eksporterów: {years}",
    },
    "chart.markets.time_axis": {
        "en": "first export after the award, counted in calendar years",
        "pl": "pierwszy eksport po grancie, w latach kalendarzowych",
    },
}
