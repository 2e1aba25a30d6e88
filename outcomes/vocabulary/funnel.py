"""The funnel: stage names, units, definitions, how far a cluster got, where it stopped."""

TERMS = {
    # ------------------------------------------------------------------ stage names (full, and on a card)
    "stage.supported_clusters.label": {
        "en": "Clusters with a strategy grant",
        "pl": "Klastry z grantem na strategię",
    },
    "stage.implementation_grants.label": {
        "en": "Clusters with an implementation grant",
        "pl": "Klastry z grantem na wdrożenie",
    },
    "stage.exporting_clusters.label": {
        "en": "Clusters doing business abroad",
        "pl": "Klastry prowadzące interesy za granicą",
    },
    "stage.trading_smes.label": {
        "en": "SMEs trading in foreign markets",
        "pl": "MŚP handlujące na rynkach zagranicznych",
    },
    "stage.supported_clusters.card": {"en": "Supported clusters", "pl": "Wsparte klastry"},
    "stage.implementation_grants.card": {"en": "Implementation grants", "pl": "Granty na wdrożenie"},
    "stage.exporting_clusters.card": {"en": "Exporting clusters", "pl": "Klastry eksportujące"},
    "stage.trading_smes.card": {"en": "Trading SMEs", "pl": "MŚP z eksportem"},
    "stage.supported_clusters.definition": {
        "en": "Clusters with an awarded strategy (stage I) grant.",
        "pl": "Klastry, którym przyznano grant na strategię (etap I).",
    },
    "stage.implementation_grants.definition": {
        "en": "Clusters with a strategy grant that were also awarded an implementation (stage II) grant.",
        "pl": "Klastry z grantem na strategię, którym przyznano także grant na wdrożenie (etap II).",
    },
    "stage.exporting_clusters.definition": {
        "en": "Clusters with an implementation grant and at least one deal whose status is won or signed.",
        "pl": "Klastry z grantem na wdrożenie i co najmniej jedną transakcją o statusie wygrana lub podpisana.",
    },
    "stage.trading_smes.definition": {
        "en": "Distinct organisations of type sme, members of a cluster with a strategy grant, with at least one "
        "exports row whose year is not before the year of that cluster's first award. An SME in two clusters "
        "counts once.",
        "pl": "Odrębne organizacje typu sme, członkowie klastra z grantem na strategię, z co najmniej jednym "
        "wierszem eksportu z roku nie wcześniejszego niż rok pierwszego grantu tego klastra. MŚP należące do "
        "dwóch klastrów liczy się raz.",
    },
    "unit.clusters": {"en": "clusters", "pl": "klastry"},
    "unit.SMEs": {"en": "SMEs", "pl": "MŚP"},
    "stage.sme_base": {"en": "SME members of supported clusters", "pl": "MŚP – członkowie wspartych klastrów"},
    "stage.first": {"en": "first stage of the funnel", "pl": "pierwszy etap lejka"},
    "stage.counted_in": {"en": "{label} — counted in {unit}", "pl": "{label} — liczone w jednostkach: {unit}"},
    # ------------------------------------------------------------------ how far a cluster got
    "furthest.none": {"en": "no strategy grant", "pl": "bez grantu na strategię"},
    "furthest.supported_clusters": {"en": "strategy grant", "pl": "grant na strategię"},
    "furthest.implementation_grants": {"en": "implementation grant", "pl": "grant na wdrożenie"},
    "furthest.exporting_clusters": {"en": "doing business abroad", "pl": "interesy za granicą"},
    # ------------------------------------------------------------------ where it stopped
    "stopped.supported_clusters": {"en": "stage 1 (strategy grant)", "pl": "etap 1 (grant na strategię)"},
    "stopped.implementation_grants": {"en": "stage 2 (implementation grant)", "pl": "etap 2 (grant na wdrożenie)"},
    "stopped.exporting_clusters": {
        "en": "stage 3 (won or signed deal)",
        "pl": "etap 3 (wygrana lub podpisana transakcja)",
    },
}
