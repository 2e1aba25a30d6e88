"""The data-quality rules (queries/dq_*.sql) as the Data and Methodology pages name them: what each one finds
and why it matters. The SQL file's own `-- title:` / `-- why:` header documents the query for developers;
what a user reads comes from here, in their language (a test keeps one entry per rule file, in each language)."""

# query name -> ((title, why) in English, (title, why) in Polish)
_RULES = {
    "dq_awarded_without_amount": (
        (
            "Awarded grants without an amount",
            "co-financing and cost per outcome are understated while grant_amount is empty",
        ),
        (
            "Przyznane granty bez kwoty",
            "dofinansowanie i koszt rezultatu są zaniżone, dopóki grant_amount jest puste",
        ),
    ),
    "dq_clusters_without_one_coordinator": (
        (
            "Clusters without exactly one coordinator",
            "every cluster should name one coordinator as the grant's contact",
        ),
        (
            "Klastry bez dokładnie jednego koordynatora",
            "każdy klaster powinien wskazać jednego koordynatora jako kontakt w sprawie grantu",
        ),
    ),
    "dq_deal_without_implementation": (
        (
            "Won or signed deal without an implementation grant",
            "business done by a cluster that never reached stage II; not counted as an exporting cluster",
        ),
        (
            "Wygrana lub podpisana transakcja bez grantu na wdrożenie",
            "interesy klastra, który nigdy nie doszedł do etapu II; nie jest liczony jako klaster eksportujący",
        ),
    ),
    "dq_exports_only_before_award": (
        (
            "SMEs that exported only before their cluster's first award",
            "members of a supported cluster whose exports all precede the award year; not counted as trading SMEs",
        ),
        (
            "MŚP, które eksportowały tylko przed pierwszym grantem swojego klastra",
            "członkowie wspartego klastra, których cały eksport poprzedza rok grantu; nie są liczeni jako MŚP "
            "handlujące za granicą",
        ),
    ),
    "dq_exports_outside_clusters": (
        ("Exports by organisations in no cluster", "these exports cannot count for the programme"),
        (
            "Eksport organizacji spoza klastrów",
            "ten eksport nie może być zaliczony do rezultatów programu",
        ),
    ),
    "dq_implementation_without_strategy": (
        (
            "Implementation grant without a strategy grant",
            "stage II without stage I; the cluster is not counted in the funnel",
        ),
        (
            "Grant na wdrożenie bez grantu na strategię",
            "etap II bez etapu I; klaster nie jest liczony w lejku",
        ),
    ),
    "dq_repeated_exports": (
        (
            "Export rows repeated for the same organisation, year and country",
            "export values would be counted twice",
        ),
        (
            "Powtórzone wiersze eksportu dla tej samej organizacji, roku i kraju",
            "wartości eksportu zostałyby policzone dwukrotnie",
        ),
    ),
    "dq_smes_in_several_clusters": (
        (
            "SMEs in several clusters",
            "counted once among trading SMEs; listed so that per-cluster figures are read with care",
        ),
        (
            "MŚP w kilku klastrach",
            "liczone raz wśród MŚP handlujących za granicą; wymienione, aby dane dla poszczególnych klastrów "
            "czytać ostrożnie",
        ),
    ),
}

TERMS = {
    **{f"rule.{name}.title": {"en": en[0], "pl": pl[0]} for name, (en, pl) in _RULES.items()},
    **{f"rule.{name}.why": {"en": en[1], "pl": pl[1]} for name, (en, pl) in _RULES.items()},
}
