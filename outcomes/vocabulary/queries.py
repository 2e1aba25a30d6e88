"""The queries behind the pages (queries/*.sql) and the definitions they share (queries/model/*.sql), as the
Methodology page lists them. Each SQL file's header documents it for developers; the title a reader sees is
here, in their language (a test keeps one entry per file, in each language). The data-quality rules are in
rules.py."""

# query name -> (English, Polish)
_QUERIES = {
    "attrition": ("Where clusters stopped, and why", "Gdzie klastry się zatrzymały i dlaczego"),
    "cluster_deals": ("Deals of one cluster", "Transakcje jednego klastra"),
    "cluster_exports": ("Exports of one cluster's members", "Eksport członków jednego klastra"),
    "cluster_grants": ("Grants of one cluster", "Granty jednego klastra"),
    "cluster_members": ("Members of one cluster", "Członkowie jednego klastra"),
    "cluster_names": (
        "Cluster names (for public mode in free text)",
        "Nazwy klastrów (dla trybu publicznego w tekście swobodnym)",
    ),
    "cluster_profile": ("One cluster at a glance", "Jeden klaster w skrócie"),
    "cluster_support": (
        "Support received by one cluster and its members",
        "Wsparcie otrzymane przez jeden klaster i jego członków",
    ),
    "clusters_table": ("Clusters of the cohort", "Klastry kohorty"),
    "comparison_applicants": (
        "The applicants behind the funded vs not-funded comparison",
        "Wnioskodawcy w porównaniu finansowanych z niefinansowanymi",
    ),
    "comparison_counts": (
        "Funded vs not-funded applicants: k of n for each stage, group and outcome",
        "Finansowani a niefinansowani wnioskodawcy: k z n dla każdego etapu, grupy i rezultatu",
    ),
    "deals_summary": (
        "Business done abroad by clusters with an implementation grant",
        "Interesy za granicą klastrów z grantem na wdrożenie",
    ),
    "eu_enterprises": (
        "Enterprises behind the EU common indicators RCO01, RCO02 and RCO04",
        "Przedsiębiorstwa za wspólnymi wskaźnikami UE RCO01, RCO02 i RCO04",
    ),
    "eu_indicator_counts": (
        "EU common indicators on enterprises, by size class",
        "Wspólne wskaźniki UE dotyczące przedsiębiorstw według wielkości",
    ),
    "eu_private_investment": (
        "Private investment matching public support (CO06 / RCR02)",
        "Inwestycje prywatne uzupełniające wsparcie publiczne (CO06 / RCR02)",
    ),
    "filter_options": ("Values offered by the shared filters", "Wartości oferowane przez wspólne filtry"),
    "finance_by_stage": (
        "Co-financing by stage: awarded, paid and private contribution",
        "Dofinansowanie według etapów: przyznane, wypłacone i wkład własny",
    ),
    "finance_summary": (
        "Allocated, awarded and paid co-financing, private leverage and gross cost per outcome",
        "Alokacja, dofinansowanie przyznane i wypłacone, dźwignia prywatna i koszt brutto na rezultat",
    ),
    "funnel": ("Programme funnel", "Lejek programu"),
    "funnel_members": ("Units behind each funnel stage", "Jednostki za każdym etapem lejka"),
    "kpis": ("Headline money figures", "Główne kwoty"),
    "markets_by_year": ("Exports of trading SMEs by year", "Eksport MŚP handlujących za granicą według lat"),
    "markets_destinations": (
        "Destination countries of trading SMEs",
        "Kraje docelowe MŚP handlujących za granicą",
    ),
    "members_by_type": (
        "Members of supported clusters by kind of organisation",
        "Członkowie wspartych klastrów według rodzaju organizacji",
    ),
    "organisation_names": (
        "Organisation names (for public-mode pseudonyms)",
        "Nazwy organizacji (dla pseudonimów trybu publicznego)",
    ),
    "planner_cluster_smes": (
        "Trading SMEs per supported cluster, each SME once",
        "MŚP handlujące za granicą na wsparty klaster, każde MŚP raz",
    ),
    "planner_inputs": (
        "What the transfer planner learns from this programme",
        "Czego planer transferu uczy się z tego programu",
    ),
    "programme": ("The programme", "Program"),
    "readiness_by_dimension": (
        "Export-readiness scores by dimension, first and latest assessment",
        "Wyniki gotowości eksportowej według wymiarów, pierwsza i ostatnia ocena",
    ),
    "readiness_by_organisation": (
        "Export readiness per organisation, first and latest assessment",
        "Gotowość eksportowa według organizacji, pierwsza i ostatnia ocena",
    ),
    "smes_list": ("Trading SMEs", "MŚP handlujące za granicą"),
    "smes_summary": (
        "Trading SMEs, new exporters and the value they reported",
        "MŚP handlujące za granicą, nowi eksporterzy i zgłoszona wartość",
    ),
    "smes_time_to_export": (
        "Time from the cluster's award to a member's first export after it",
        "Czas od grantu klastra do pierwszego późniejszego eksportu członka",
    ),
    "stage_clusters": ("Clusters behind a funnel stage", "Klastry za etapem lejka"),
    "stage_smes": ("SMEs trading in foreign markets", "MŚP handlujące na rynkach zagranicznych"),
    "support_by_type_year": ("Services by type and year", "Usługi według rodzaju i roku"),
    "support_reach_trading": (
        "Share of trading SMEs that received each service",
        "Odsetek MŚP handlujących za granicą, które otrzymały każdą usługę",
    ),
    "targets": ("The programme's own targets", "Własne wartości docelowe programu"),
}

# model file (queries/model/NN_name.sql) -> what it defines, in one sentence (English, Polish)
_MODEL = {
    "10_cohort": (
        "The clusters the shared filters select, with the call of their strategy (stage I) application",
        "Klastry wybrane wspólnymi filtrami, z naborem ich wniosku o grant na strategię (etap I)",
    ),
    "20_in_years": (
        "Rows dated within the year range (NULL bounds = open)",
        "Wiersze z datą w zakresie lat (granica NULL = otwarta)",
    ),
    "30_cluster_progress": (
        "One row per cluster of the cohort: how far it got in the funnel and what happened at each stage",
        "Jeden wiersz na klaster kohorty: jak daleko doszedł w lejku i co działo się na każdym etapie",
    ),
    "40_trading_smes": (
        "SMEs trading in foreign markets: distinct organisations with org_type = 'sme', members of a supported "
        "cluster, with an exports row whose year is not before the year of that cluster's first award",
        "MŚP handlujące na rynkach zagranicznych: różne organizacje z org_type = 'sme', członkowie wspartego "
        "klastra, z wierszem eksportu z roku nie wcześniejszego niż rok pierwszego grantu tego klastra",
    ),
    "50_funnel_units": (
        "The units behind each funnel stage: clusters for the first three stages, SMEs for the fourth",
        "Jednostki za każdym etapem lejka: klastry dla pierwszych trzech etapów, MŚP dla czwartego",
    ),
    "60_sme_exports": (
        "The exports behind the trading-SME count, and one profile per trading SME",
        "Eksport za liczbą MŚP handlujących za granicą i jeden profil na każde takie MŚP",
    ),
    "70_eu_enterprises": (
        "Enterprises (org_type sme or large_enterprise) behind the EU common indicators, one row each",
        "Przedsiębiorstwa (org_type sme lub large_enterprise) za wspólnymi wskaźnikami UE, po jednym wierszu",
    ),
}

TERMS = {
    **{f"query.{name}.title": {"en": en, "pl": pl} for name, (en, pl) in _QUERIES.items()},
    **{f"model.{stem}": {"en": en, "pl": pl} for stem, (en, pl) in _MODEL.items()},
}
