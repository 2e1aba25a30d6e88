"""Terms shared by every page: the frame, navigation, filters, language, links, notices, provenance, downloads."""

TERMS = {
    "common.no_data": {"en": "Nothing to show for this selection.", "pl": "Brak danych dla tego wyboru."},
    "common.how_computed": {"en": "How is this computed? — {title}", "pl": "Jak to obliczono? — {title}"},
    # ------------------------------------------------------------------ the frame and navigation
    "app.title": {"en": "Programme outcomes", "pl": "Rezultaty programu"},
    "nav.home": {"en": "Home", "pl": "Start"},
    "nav.overview": {"en": "Overview", "pl": "Przegląd"},
    "nav.clusters": {"en": "Clusters", "pl": "Klastry"},
    "nav.smes_markets": {"en": "SMEs & markets", "pl": "MŚP i rynki"},
    "nav.finance": {"en": "Finance", "pl": "Finanse"},
    "nav.support_readiness": {"en": "Support & readiness", "pl": "Wsparcie i gotowość"},
    "nav.report": {"en": "Report & deck", "pl": "Raport i prezentacja"},
    "nav.data": {"en": "Data", "pl": "Dane"},
    "nav.methodology": {"en": "Methodology", "pl": "Metodologia"},
    "sample.banner": {
        "en": "**Illustrative sample data.** The clusters, firms and amounts are fictitious; they reproduce the "
        "published headline figures of the Co-operation Links Fund. Load your own workbook on the Data page.",
        "pl": "**Przykładowe dane ilustracyjne.** Klastry, firmy i kwoty są fikcyjne; odtwarzają opublikowane "
        "główne wskaźniki Funduszu Powiązań Kooperacyjnych. Własny skoroszyt wczytasz na stronie Dane.",
    },
    "sample.notice": {
        "en": "Illustrative sample data: the clusters, firms and amounts are fictitious.",
        "pl": "Przykładowe dane ilustracyjne: klastry, firmy i kwoty są fikcyjne.",
    },
    "public.notice": {
        "en": "Public version: organisation names are replaced by pseudonyms and counts of fewer than {threshold} "
        "firms are suppressed.",
        "pl": "Wersja publiczna: nazwy organizacji zastąpiono pseudonimami, a liczby firm mniejsze niż {threshold} "
        "ukryto.",
    },
    "public.suppressed_cells": {"en": "Empty cells here are suppressed.", "pl": "Puste komórki są tu ukryte."},
    "public.fewer_than": {
        "en": "Fewer than {threshold} firms: hidden in public mode.",
        "pl": "Liczba firm mniejsza niż {threshold}: ukryta w trybie publicznym.",
    },
    "public.hidden_count": {"en": "hidden (fewer than {threshold})", "pl": "ukryte (mniej niż {threshold})"},
    "public.share_hidden": {"en": "share hidden in public mode", "pl": "udział ukryty w trybie publicznym"},
    # ------------------------------------------------------------------ sidebar
    "sidebar.filters": {"en": "Filters", "pl": "Filtry"},
    "sidebar.call": {"en": "Call (of the strategy grant)", "pl": "Nabór (grantu na strategię)"},
    "sidebar.call_all": {"en": "All calls", "pl": "Wszystkie nabory"},
    "sidebar.call_help": {
        "en": "Selects clusters by the call of their strategy (stage I) application.",
        "pl": "Wybiera klastry według naboru, w którym złożyły wniosek o grant na strategię (etap I).",
    },
    "sidebar.sector": {"en": "Sector", "pl": "Sektor"},
    "sidebar.sector_all": {"en": "All sectors", "pl": "Wszystkie sektory"},
    "sidebar.subregion": {"en": "Subregion", "pl": "Subregion"},
    "sidebar.subregion_all": {"en": "All subregions", "pl": "Wszystkie subregiony"},
    "sidebar.years": {"en": "Years", "pl": "Lata"},
    "sidebar.years_help": {
        "en": "Keeps grants decided, deals dated and exports, support and assessments dated in these years.",
        "pl": "Uwzględnia granty rozstrzygnięte, transakcje zawarte oraz eksport, wsparcie i oceny datowane "
        "w tych latach.",
    },
    "sidebar.reset": {"en": "Reset filters", "pl": "Wyczyść filtry"},
    "sidebar.public": {"en": "Public mode", "pl": "Tryb publiczny"},
    "sidebar.public_help": {
        "en": "For presentations: firm names become pseudonyms and counts of fewer than {threshold} firms are "
        "hidden, on every page and in every download, report and deck.",
        "pl": "Do prezentacji: nazwy firm zastępują pseudonimy, a liczby firm mniejsze niż {threshold} są ukryte "
        "na każdej stronie oraz w każdym pobieranym pliku, raporcie i prezentacji.",
    },
    "sidebar.language": {"en": "Language", "pl": "Język"},
    "sidebar.data_source": {"en": "Data: {source}, imported {when}", "pl": "Dane: {source}, import {when}"},
    "sidebar.link": {"en": "Link to this view", "pl": "Link do tego widoku"},
    "language.en": {"en": "English", "pl": "English"},
    "language.pl": {"en": "Polski", "pl": "Polski"},
    # ------------------------------------------------------------------ links
    "link.dropped": {
        "en": "The link asked for {values}, which this data does not have; the rest of the view is shown.",
        "pl": "Link wskazywał {values}, których nie ma w tych danych; pokazano resztę widoku.",
    },
    "link.value": {"en": "{name} “{value}”", "pl": "{name} „{value}”"},
    "link.name.lang": {"en": "language", "pl": "język"},
    "link.name.as_of": {"en": "version", "pl": "wersję"},
    "link.name.call": {"en": "call", "pl": "nabór"},
    "link.name.sector": {"en": "sector", "pl": "sektor"},
    "link.name.subregion": {"en": "subregion", "pl": "subregion"},
    "link.name.years": {"en": "years", "pl": "lata"},
    "link.name.public": {"en": "public mode", "pl": "tryb publiczny"},
    # ------------------------------------------------------------------ filters described
    "filters.showing": {"en": "Showing {scope}.", "pl": "Zakres: {scope}."},
    "filters.all": {"en": "all clusters, all years", "pl": "wszystkie klastry, wszystkie lata"},
    "filters.call": {"en": "call: {values}", "pl": "nabór: {values}"},
    "filters.sector": {"en": "sector: {values}", "pl": "sektor: {values}"},
    "filters.subregion": {"en": "subregion: {values}", "pl": "subregion: {values}"},
    "filters.years": {"en": "years {years}", "pl": "lata {years}"},
    # ------------------------------------------------------------------ shared messages
    "sheet.missing": {
        "en": "No **{sheet}** sheet in this workbook, so {what} cannot be shown. Add the sheet and import again.",
        "pl": "W tym skoroszycie nie ma arkusza **{sheet}**, więc nie można pokazać: {what}. Dodaj arkusz i "
        "zaimportuj ponownie.",
    },
    "provenance.filters": {
        "en": "Filters: {scope}. Parameters: {parameters}.",
        "pl": "Filtry: {scope}. Parametry: {parameters}.",
    },
    "provenance.no_parameters": {"en": "none", "pl": "brak"},
    "provenance.rows_csv": {"en": "Rows as CSV", "pl": "Wiersze jako CSV"},
    "download.about_sheet": {"en": "about this table", "pl": "o tej tabeli"},
    "table.page": {"en": "Page (of {pages})", "pl": "Strona (z {pages})"},
    "table.rows_of": {
        "en": "Rows {first}–{last} of {total}. Sorting by a column sorts this page; the CSV and XLSX "
        "downloads hold every row.",
        "pl": "Wiersze {first}–{last} z {total}. Sortowanie według kolumny porządkuje tę stronę; pliki CSV "
        "i XLSX do pobrania zawierają wszystkie wiersze.",
    },
    # ------------------------------------------------------------------ formats
    "format.k_of_n": {"en": "{k} of {n}", "pl": "{k} z {n}"},
    "format.conversion": {
        "en": "{k_of_n} ({share}, 95 % CI {interval})",
        "pl": "{k_of_n} ({share}, przedział ufności 95 %: {interval})",
    },
    "format.ci": {"en": "95 % CI {interval}", "pl": "przedział ufności 95 %: {interval}"},
    "format.thousands": {"en": "k", "pl": "tys."},
    "format.millions": {"en": "m", "pl": "mln"},
    "format.billions": {"en": "bn", "pl": "mld"},
    "format.money_millions": {"en": "{currency}\u00a0{amount} million", "pl": "{amount}\u00a0mln\u00a0{currency}"},
    "format.listing": {"en": "{head} and {last}", "pl": "{head} i {last}"},
    "format.years": {
        "en": {"one": "{count} year", "other": "{count} years"},
        "pl": {"one": "{count} rok", "few": "{count} lata", "many": "{count} lat", "other": "{count} roku"},
    },
    "format.yes": {"en": "yes", "pl": "tak"},
    # a user-assigned code in common use, not part of ISO 3166-1 (other countries: pycountry, outcomes/geo.py)
    "country.XK": {"en": "Kosovo", "pl": "Kosowo"},
}
