"""The Support & readiness page and its charts: services, reach among trading SMEs, export-readiness scores."""

TERMS = {
    "support.title": {"en": "Support & readiness", "pl": "Wsparcie i gotowość eksportowa"},
    "support.scope": {
        "en": "A service counts when it was given to a selected cluster or to an organisation that is a member of "
        "one, and took place in the selected years.",
        "pl": "Usługa się liczy, gdy udzielono jej wybranemu klastrowi lub organizacji będącej jego członkiem i "
        "odbyła się w wybranych latach.",
    },
    "support.services": {"en": "Services by type and year", "pl": "Usługi według rodzaju i roku"},
    "support.needs_services": {
        "en": "the services given to clusters and firms",
        "pl": "usługi świadczone klastrom i firmom",
    },
    "support.no_services": {
        "en": "No services for this selection: the support sheet has no rows for these clusters and years.",
        "pl": "Brak usług w tym wyborze: arkusz support nie ma wierszy dla tych klastrów i lat.",
    },
    "support.card.services": {"en": "Services", "pl": "Usługi"},
    "support.services_title": {"en": "services by type and year", "pl": "usługi według rodzaju i roku"},
    "support.services_definition": {
        "en": "Rows of the support sheet, by type and year of their date. {scope} A service given to a whole cluster "
        "is one service (cluster_services); one given to one organisation is one service (organisation_services).",
        "pl": "Wiersze arkusza support według rodzaju i roku daty. {scope} Usługa dla całego klastra to jedna usługa "
        "(cluster_services); usługa dla jednej organizacji to jedna usługa (organisation_services).",
    },
    "support.reach": {
        "en": "Which services the trading SMEs received",
        "pl": "Jakie usługi otrzymały MŚP handlujące za granicą",
    },
    "support.no_trading": {
        "en": "No trading SMEs for this selection, so there is no share to show.",
        "pl": "Brak MŚP handlujących za granicą w tym wyborze, więc nie ma udziału do pokazania.",
    },
    "support.reach_text": {
        "en": "Share of the trading SMEs that received each service, directly or **through their cluster: a service "
        "given to a cluster counts for each of its members**. Received at any time in the selected years, not "
        "necessarily before the firm exported; this describes who was reached, it does not show that a service "
        "caused exports.",
        "pl": "Udział MŚP handlujących za granicą, które otrzymały daną usługę bezpośrednio lub **przez swój klaster: "
        "usługa dla klastra liczy się dla każdego jego członka**. Otrzymaną w dowolnym momencie wybranych lat, "
        "niekoniecznie przed eksportem; opisuje to, do kogo dotarło wsparcie, a nie dowodzi, że usługa "
        "spowodowała eksport.",
    },
    "support.hidden": {"en": "hidden in public mode", "pl": "ukryte w trybie publicznym"},
    "support.reach_title": {
        "en": "share of trading SMEs reached by each service",
        "pl": "udział MŚP handlujących za granicą objętych każdą usługą",
    },
    "support.reach_definition": {
        "en": "k = trading SMEs (funnel stage 4) that received the service, given to the firm itself or to a cluster "
        "it is a member of (membership at any time); n = all trading SMEs of the selection. 95 % Wilson score "
        "interval. {scope}",
        "pl": "k = MŚP handlujące za granicą (etap 4 lejka), które otrzymały usługę — udzieloną samej firmie lub "
        "klastrowi, którego jest członkiem (członkostwo w dowolnym czasie); n = wszystkie MŚP handlujące za "
        "granicą w wyborze. Przedział Wilsona 95 %. {scope}",
    },
    "support.readiness": {"en": "Export readiness", "pl": "Gotowość eksportowa"},
    "support.needs_readiness": {"en": "export-readiness scores", "pl": "oceny gotowości eksportowej"},
    "support.no_readiness": {
        "en": "No readiness assessments of the selected clusters' members in the selected years.",
        "pl": "Brak ocen gotowości członków wybranych klastrów w wybranych latach.",
    },
    "support.readiness_text": {
        "en": "Mean score per dimension as a % of its maximum (`score ÷ max_score`). **First vs latest** compares "
        "the same firms: those scored on a dimension at least twice (n on each line). Firms assessed once appear "
        "in the table below and in the first-assessment mean of all firms.",
        "pl": "Średni wynik w każdym wymiarze jako % maksimum (`score ÷ max_score`). **Pierwsza a ostatnia** "
        "porównuje te same firmy: ocenione w danym wymiarze co najmniej dwa razy (n w każdym wierszu). Firmy "
        "ocenione raz są w tabeli poniżej i w średniej pierwszej oceny wszystkich firm.",
    },
    "support.no_change": {
        "en": "No firm was assessed twice on the same dimension, so there is no first-to-latest change yet.",
        "pl": "Żadnej firmy nie oceniono dwa razy w tym samym wymiarze, więc nie ma jeszcze zmiany.",
    },
    "support.readiness_title": {"en": "readiness by dimension", "pl": "gotowość według wymiarów"},
    "support.readiness_definition": {
        "en": "Per organisation and dimension, the first and the latest assessment in the selected years, as "
        "100 × score ÷ max_score; then averaged per dimension over the organisations (members of the selected "
        "clusters) scored at least twice on it (first_pct, latest_pct) and over all assessed (first_pct_all).",
        "pl": "Dla każdej organizacji i wymiaru pierwsza i ostatnia ocena w wybranych latach jako "
        "100 × score ÷ max_score; następnie średnia w wymiarze po organizacjach (członkach wybranych klastrów) "
        "ocenionych w nim co najmniej dwa razy (first_pct, latest_pct) i po wszystkich ocenionych (first_pct_all).",
    },
    "support.per_organisation": {
        "en": "**Per organisation**: mean over its dimensions of the first and the latest score.",
        "pl": "**Dla każdej organizacji**: średnia z jej wymiarów dla pierwszej i ostatniej oceny.",
    },
    "support.organisation_title": {"en": "readiness per organisation", "pl": "gotowość według organizacji"},
    "support.organisation_definition": {
        "en": "Per assessed member of the selected clusters: the dates of its first and latest assessment in the "
        "selected years and, averaged over its dimensions, the first and the latest score as % of max_score.",
        "pl": "Dla każdego ocenionego członka wybranych klastrów: daty pierwszej i ostatniej oceny w wybranych latach "
        "oraz — uśrednione po wymiarach — pierwszy i ostatni wynik jako % max_score.",
    },
    # ------------------------------------------------------------------ charts
    "chart.support.axis": {"en": "services", "pl": "usługi"},
    "chart.support.first": {"en": "first assessment", "pl": "pierwsza ocena"},
    "chart.support.latest": {"en": "latest assessment", "pl": "ostatnia ocena"},
    "chart.support.of_maximum": {"en": "% of the maximum at the {name}", "pl": "% maksimum przy: {name}"},
    "chart.support.score_axis": {"en": "mean score, % of the maximum", "pl": "średni wynik, % maksimum"},
    "chart.support.hidden": {"en": "hidden", "pl": "ukryte"},
    "chart.support.reach_axis": {
        "en": "% of trading SMEs (95 % Wilson interval)",
        "pl": "% MŚP handlujących za granicą (przedział Wilsona 95 %)",
    },
}
