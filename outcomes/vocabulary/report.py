"""The good-practice report (headings, tables, notices), the Report & deck page and the funder deck."""

_HEADINGS = {
    "title": ("Title", "Tytuł"),
    "about": ("About this good practice", "Opis dobrej praktyki"),
    "resources": ("Resources needed", "Potrzebne zasoby"),
    "evidence": ("Evidence of success", "Dowody sukcesu"),
    "transfer": ("Potential for learning or transfer", "Potencjał uczenia się i transferu"),
    "further": ("Further information", "Dodatkowe informacje"),
}
_WORDS = {
    "figure": ("Figure 1. The programme funnel", "Rysunek 1. Lejek programu"),
    "funnel_table": (
        "Table 1. The funnel: stages, counts and conversions",
        "Tabela 1. Lejek: etapy, liczby i konwersje",
    ),
    "money_table": ("Table 2. Co-financing (EUR)", "Tabela 2. Dofinansowanie (EUR)"),
    "stage": ("Stage", "Etap"),
    "count": ("Count", "Liczba"),
    "conversion": ("Conversion from the step before", "Konwersja z poprzedniego etapu"),
    "target": ("Target", "Wartość docelowa"),
    "first": ("first stage", "pierwszy etap"),
    "item": ("Item", "Pozycja"),
    "amount": ("EUR", "EUR"),
    "allocated": ("Allocated to the programme", "Alokacja programu"),
    "awarded": ("Awarded co-financing", "Przyznane dofinansowanie"),
    "paid": ("Paid", "Wypłacone"),
    "private": ("Private contribution of cluster members", "Wkład własny członków klastrów"),
    "source": ("Source", "Źródło"),
    "scope": ("Scope", "Zakres"),
    "generated": ("Generated", "Wygenerowano"),
    "page": ("Page", "Strona"),
    "imported": ("imported", "import"),
    "interval": ("95\u00a0% interval", "95-procentowy przedział ufności"),
}

TERMS = {
    **{f"report.heading.{key}": {"en": en, "pl": pl} for key, (en, pl) in _HEADINGS.items()},
    **{f"report.word.{key}": {"en": en, "pl": pl} for key, (en, pl) in _WORDS.items()},
    "report.word.not_shown": {
        "en": "Not shown in the public version: fewer than {threshold} firms.",
        "pl": "Nie pokazano w wersji publicznej: liczba firm mniejsza niż {threshold}.",
    },
    "report.word.share_interval": {"en": "{share}, {interval} {bounds}", "pl": "{share}, {interval} {bounds}"},
    # ------------------------------------------------------------------ the page
    "report.title": {"en": "Good-practice report and funder deck", "pl": "Raport o dobrej praktyce i prezentacja"},
    "report.intro": {
        "en": "The sections of the Interreg Europe good-practice form, drafted from the data with live figures. Edit "
        "a section and save it: your text is kept in the database, also when a new workbook is imported. Figures "
        "you type are not updated by later imports — restore the draft to get the current ones.",
        "pl": "Sekcje formularza dobrej praktyki Interreg Europe, przygotowane z danych z bieżącymi liczbami. "
        "Zmień sekcję i zapisz ją: tekst zostaje w bazie danych, także po imporcie nowego skoroszytu. Liczby "
        "wpisane ręcznie nie aktualizują się przy kolejnych importach — przywróć szkic, aby uzyskać bieżące.",
    },
    "report.gathering": {"en": "Gathering the figures…", "pl": "Zbieranie danych…"},
    "report.language": {"en": "Language of the report", "pl": "Język raportu"},
    "report.limits": {"en": "Character limits of the form", "pl": "Limity znaków formularza"},
    "report.public_locked": {
        "en": "{notice} The text cannot be edited in public mode: what you saved would lose the real names.",
        "pl": "{notice} W trybie publicznym tekstu nie można edytować: zapis utraciłby prawdziwe nazwy.",
    },
    "report.sections": {"en": "Sections", "pl": "Sekcje"},
    "report.edited": {"en": "Edited by you", "pl": "Zmienione przez Ciebie"},
    "report.over": {"en": "Over the limit", "pl": "Ponad limit"},
    "report.counter": {"en": "{length} / {limit} characters", "pl": "{length} / {limit} znaków"},
    "report.saved": {"en": "your text, saved {when}", "pl": "Twój tekst, zapisany {when}"},
    "report.draft": {"en": "draft from the data", "pl": "szkic z danych"},
    "report.save": {"en": "Save", "pl": "Zapisz"},
    "report.restore": {"en": "Restore the draft", "pl": "Przywróć szkic"},
    "report.draft_now": {"en": "The draft from the current data", "pl": "Szkic z bieżących danych"},
    "report.formatting": {
        "en": "Paragraphs, **bold text** and lists (lines starting with “- ” or “1. ”) are kept; links, images and "
        "other markup are shown as text.",
        "pl": "Zachowywane są akapity, **pogrubienia** i listy (wiersze zaczynające się od „- ” lub „1. ”); linki, "
        "obrazy i inne znaczniki są pokazywane jako tekst.",
    },
    "report.downloads": {"en": "Downloads", "pl": "Pliki do pobrania"},
    "report.downloads_caption": {
        "en": "Word and PDF include the funnel chart (drawn when you click, a few seconds). The deck has a title "
        "slide, five chart slides (funnel, clusters by stage, destination countries, finance, support) and the "
        "headline figures; definitions are in its speaker notes.",
        "pl": "Word i PDF zawierają wykres lejka (rysowany po kliknięciu, kilka sekund). Prezentacja ma slajd "
        "tytułowy, pięć slajdów z wykresami (lejek, klastry według etapów, kraje docelowe, finanse, wsparcie) i "
        "główne wskaźniki; definicje są w notatkach prelegenta.",
    },
    "report.downloads_public": {
        "en": " Every file is marked as the public version.",
        "pl": " Każdy plik jest oznaczony jako wersja publiczna.",
    },
    "report.markdown": {"en": "Markdown", "pl": "Markdown"},
    "report.word_file": {"en": "Word (.docx)", "pl": "Word (.docx)"},
    "report.pdf": {"en": "PDF", "pl": "PDF"},
    "report.deck": {"en": "Deck (.pptx)", "pl": "Prezentacja (.pptx)"},
    "report.preview": {"en": "Preview of the whole report (Markdown)", "pl": "Podgląd całego raportu (Markdown)"},
    "report.over_limit_note": {
        "en": "{heading}: {length} characters, over the limit of {limit}",
        "pl": "{heading}: liczba znaków {length}, ponad limit {limit}",
    },
    # ------------------------------------------------------------------ the deck
    "deck.source": {"en": "Source: {source} · {scope}", "pl": "Źródło: {source} · {scope}"},
    "deck.as_of": {"en": "Programme outcomes as of {date}", "pl": "Rezultaty programu na dzień {date}"},
    "deck.outcomes": {"en": "Programme outcomes", "pl": "Rezultaty programu"},
    "deck.title_notes": {
        "en": "Figures computed by the Programme Outcomes Dashboard from {source} ({scope}). Every figure's "
        "definition is on the dashboard's Methodology page.",
        "pl": "Liczby obliczone przez panel rezultatów programu z: {source} ({scope}). Definicja każdej liczby jest "
        "na stronie Metodologia.",
    },
    "deck.funnel_title": {
        "en": "{s2} of {s1} strategy clusters reached implementation; {s3} did business abroad",
        "pl": "Klastry ze strategią, które doszły do wdrożenia: {s2} z {s1}; prowadzące interesy za granicą: {s3}",
    },
    "deck.funnel_caption": {
        "en": "Conversions: implementation {c2}; doing business abroad {c3}. Brackets: share and 95 % Wilson interval "
        "of the step before. Clusters and SMEs are different units.",
        "pl": "Przejścia: wdrożenie {c2}; interesy za granicą {c3}. W nawiasach: udział i przedział Wilsona 95 % "
        "względem poprzedniego kroku. Klastry i MŚP to różne jednostki.",
    },
    "deck.query": {"en": "Query: {query}.", "pl": "Zapytanie: {query}."},
    "deck.queries": {"en": "Queries: {queries}.", "pl": "Zapytania: {queries}."},
    "deck.smes_detail": {
        "en": "after their cluster's first award, of {base} SME members of supported clusters",
        "pl": "po pierwszym grancie klastra, spośród {base} MŚP – członków wspartych klastrów",
    },
    "deck.smes_abroad": {"en": "SMEs trading abroad", "pl": "MŚP handlujące za granicą"},
    "deck.clusters_title": {
        "en": "{supported} supported clusters in {sectors} sectors, and how far each sector's clusters got",
        "pl": "Wsparte klastry: {supported}, sektory: {sectors} — jak daleko doszły klastry w każdym sektorze",
    },
    "deck.clusters_caption": {
        "en": "Each bar is a sector; colours show the furthest funnel stage its {clusters} clusters reached (a cluster "
        "counts once, at its furthest stage).",
        "pl": "Każdy słupek to sektor; kolory pokazują najdalszy etap lejka, do którego doszły jego klastry "
        "(łącznie: {clusters}; klaster liczy się raz, na najdalszym etapie).",
    },
    "deck.no_clusters": {"en": "No clusters in the selection.", "pl": "Brak klastrów w wyborze."},
    "deck.series.none": {"en": "no strategy grant", "pl": "bez grantu na strategię"},
    "deck.series.supported_clusters": {"en": "strategy grant only", "pl": "tylko grant na strategię"},
    "deck.series.implementation_grants": {
        "en": "implementation grant, no won deal",
        "pl": "grant na wdrożenie, bez wygranej transakcji",
    },
    "deck.series.exporting_clusters": {"en": "doing business abroad", "pl": "interesy za granicą"},
    "deck.destinations_title": {
        "en": "Trading SMEs sold to {countries} countries; most to {country} ({firms} firms)",
        "pl": "MŚP sprzedawały do krajów: {countries}; najwięcej do: {country} ({firms} MŚP)",
    },
    "deck.destinations_plain": {"en": "Destination countries of trading SMEs", "pl": "Kraje docelowe MŚP"},
    "deck.destinations_caption": {
        "en": "The {top} countries with most trading SMEs (firms exporting there from their cluster's first award on; "
        "a firm counts in every country it sold to).",
        "pl": "Kraje z największą liczbą MŚP handlujących za granicą (pierwsze {top}; firmy eksportujące tam od "
        "pierwszego grantu klastra; firma liczy się w każdym kraju, do którego sprzedawała).",
    },
    "deck.destinations_hidden": {
        "en": " Not shown: {hidden} countries with fewer than {threshold} firms, or hidden so that no total gives such "
        "a count away.",
        "pl": " Nie pokazano krajów: {hidden} — liczba firm mniejsza niż {threshold} albo ukryte, aby żadna suma nie "
        "ujawniła takiej liczby.",
    },
    "deck.no_exports": {
        "en": "No exports sheet in this workbook, so destination countries cannot be shown.",
        "pl": "W tym skoroszycie nie ma arkusza exports, więc nie można pokazać krajów docelowych.",
    },
    "deck.no_trading": {"en": "No trading SME in the selection.", "pl": "Brak MŚP handlujących za granicą w wyborze."},
    "deck.all_hidden": {
        "en": "Every destination has fewer than {threshold} firms: not shown in the public version.",
        "pl": "W każdym kraju docelowym liczba firm jest mniejsza niż {threshold}: nie pokazano ich w wersji "
        "publicznej.",
    },
    "deck.series.trading": {"en": "trading SMEs", "pl": "MŚP handlujące za granicą"},
    "deck.finance_title": {
        "en": "{awarded} awarded, {paid} paid; members added {private}",
        "pl": "Przyznano {awarded}, wypłacono {paid}; członkowie wnieśli {private}",
    },
    "deck.allocation": {"en": "Programme allocation {amount}. ", "pl": "Alokacja programu {amount}. "},
    "deck.cost_cluster": {
        "en": "Gross public cost {amount} per cluster doing business abroad",
        "pl": "Koszt publiczny brutto {amount} na klaster prowadzący interesy za granicą",
    },
    "deck.cost_sme": {"en": ", {amount} per trading SME", "pl": ", {amount} na MŚP handlujące za granicą"},
    "deck.cost_note": {
        "en": " (all co-financing ÷ one outcome; not additive).",
        "pl": " (całe dofinansowanie ÷ jeden rezultat; nie sumuje się).",
    },
    "deck.finance_notes": {
        "en": "Awarded: sum of grant_amount of awarded grants of the selected clusters, decided in the year range; "
        "paid: paid_amount; private: private_contribution of those grants. All converted to EUR with "
        "programme.fx_to_eur.",
        "pl": "Przyznano: suma grant_amount przyznanych grantów wybranych klastrów, rozstrzygniętych w zakresie lat; "
        "wypłacono: paid_amount; wkład własny: private_contribution tych grantów. Wszystko przeliczone na EUR "
        "kursem programme.fx_to_eur.",
    },
    "deck.series.awarded": {"en": "awarded (EUR)", "pl": "przyznano (EUR)"},
    "deck.series.paid": {"en": "paid (EUR)", "pl": "wypłacono (EUR)"},
    "deck.series.private": {"en": "private contribution (EUR)", "pl": "wkład własny (EUR)"},
    "deck.support_title": {
        "en": "{total} support services alongside the grants",
        "pl": "Usługi wsparcia obok grantów: {total}",
    },
    "deck.support_most": {"en": "; most often {service}", "pl": "; najczęściej: {service}"},
    "deck.support_caption": {
        "en": "Services given to the selected clusters or their members, by type.",
        "pl": "Usługi dla wybranych klastrów lub ich członków, według rodzaju.",
    },
    "deck.support_reach": {
        "en": " {received} of the {trading} trading SMEs received at least one (directly or through their cluster).",
        "pl": " MŚP handlujące za granicą, które otrzymały co najmniej jedną usługę (bezpośrednio lub przez klaster): "
        "{received} z {trading}.",
    },
    "deck.support_notes": {
        "en": "A service counts when it was given to a selected cluster or to an organisation that is a member of "
        "one, dated in the year range.",
        "pl": "Usługa się liczy, gdy udzielono jej wybranemu klastrowi lub organizacji będącej jego członkiem, w "
        "zakresie lat.",
    },
    "deck.no_support": {
        "en": "No support sheet in this workbook, so the services cannot be shown.",
        "pl": "W tym skoroszycie nie ma arkusza support, więc nie można pokazać usług.",
    },
    "deck.no_services": {"en": "No services in the selection.", "pl": "Brak usług w wyborze."},
    "deck.series.services": {"en": "services", "pl": "usługi"},
    "deck.closing_title": {"en": "The programme in figures", "pl": "Program w liczbach"},
    "deck.closing_caption": {
        "en": "Definitions in the speaker notes and on the dashboard's Methodology page.",
        "pl": "Definicje w notatkach prelegenta i na stronie Metodologia.",
    },
    "deck.tile.awarded": {"en": "co-financing awarded", "pl": "przyznane dofinansowanie"},
    "deck.tile.countries": {"en": "destination countries", "pl": "kraje docelowe"},
    "deck.definition": {"en": "{label}: {definition}", "pl": "{label}: {definition}"},
}
