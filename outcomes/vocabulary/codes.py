"""The workbook's codes in words: organisation, service and deal types, statuses, decisions, stages, kinds.

A code's noun has plural forms (rendered with `count=`) where a sentence counts it; `code.*.name` is the
label for a legend, a table or a list.
"""

_ORG_TYPES = {  # code: English one/other, Polish one/few/many
    "sme": (("SME", "SMEs"), ("MŚP", "MŚP", "MŚP")),
    "large_enterprise": (
        ("large firm", "large firms"),
        ("duże przedsiębiorstwo", "duże przedsiębiorstwa", "dużych przedsiębiorstw"),
    ),
    "university": (("university", "universities"), ("uczelnia", "uczelnie", "uczelni")),
    "research_org": (
        ("research organisation", "research organisations"),
        ("instytut badawczy", "instytuty badawcze", "instytutów badawczych"),
    ),
    "business_support": (
        ("business support institution", "business support institutions"),
        ("instytucja otoczenia biznesu", "instytucje otoczenia biznesu", "instytucji otoczenia biznesu"),
    ),
    "local_authority": (("local authority", "local authorities"), ("samorząd", "samorządy", "samorządów")),
    "other": (
        ("other organisation", "other organisations"),
        ("inna organizacja", "inne organizacje", "innych organizacji"),
    ),
}
_SERVICES = {
    "export_readiness_assessment": (
        ("export-readiness assessment", "export-readiness assessments"),
        ("ocena gotowości eksportowej", "oceny gotowości eksportowej", "ocen gotowości eksportowej"),
        ("Export-readiness assessment", "Ocena gotowości eksportowej"),
    ),
    "een_promotion": (
        ("promotion through the EEN", "promotions through the EEN"),
        ("promocja w sieci EEN", "promocje w sieci EEN", "promocji w sieci EEN"),
        ("EEN promotion", "Promocja w sieci EEN"),
    ),
    "matchmaking_event": (
        ("matchmaking event", "matchmaking events"),
        ("spotkanie kojarzące", "spotkania kojarzące", "spotkań kojarzących"),
        ("Matchmaking event", "Spotkanie kojarzące"),
    ),
    "b2b_meeting": (
        ("B2B meeting", "B2B meetings"),
        ("spotkanie B2B", "spotkania B2B", "spotkań B2B"),
        ("B2B meeting", "Spotkanie B2B"),
    ),
    "trade_mission": (
        ("trade mission", "trade missions"),
        ("misja gospodarcza", "misje gospodarcze", "misji gospodarczych"),
        ("Trade mission", "Misja gospodarcza"),
    ),
    "trade_fair": (
        ("trade fair", "trade fairs"),
        ("udział w targach", "udziały w targach", "udziałów w targach"),
        ("Trade fair", "Targi"),
    ),
    "training": (
        ("training session", "training sessions"),
        ("szkolenie", "szkolenia", "szkoleń"),
        ("Training", "Szkolenie"),
    ),
    "advice": (("advisory service", "advisory services"), ("porada", "porady", "porad"), ("Advice", "Doradztwo")),
}


def _counted(en: tuple[str, str], pl: tuple[str, str, str]) -> dict:
    return {
        "en": {"one": "{n} " + en[0], "other": "{n} " + en[1]},
        "pl": {"one": "{n} " + pl[0], "few": "{n} " + pl[1], "many": "{n} " + pl[2], "other": "{n} " + pl[1]},
    }


TERMS = {
    **{f"code.org_type.{code}.counted": _counted(en, pl) for code, (en, pl) in _ORG_TYPES.items()},
    **{f"code.org_type.{code}.name": {"en": en[1], "pl": pl[1]} for code, (en, pl) in _ORG_TYPES.items()},
    **{f"code.service.{code}.counted": _counted(en, pl) for code, (en, pl, _) in _SERVICES.items()},
    **{f"code.service.{code}.plural": {"en": en[1], "pl": pl[1]} for code, (en, pl, _) in _SERVICES.items()},
    **{f"code.service.{code}.name": {"en": name[0], "pl": name[1]} for code, (_, _, name) in _SERVICES.items()},
    "code.service.any service.name": {"en": "Any service", "pl": "Dowolna usługa"},
    "code.service.headline.een_promotion": {"en": "EEN promotions", "pl": "Promocje w sieci EEN"},
    "code.service.headline.export_readiness_assessment": {"en": "Readiness assessments", "pl": "Oceny gotowości"},
    "code.service.headline.matchmaking_event": {"en": "Matchmaking events", "pl": "Spotkania kojarzące"},
    # ------------------------------------------------------------------ grants
    "code.grant_stage.strategy": {"en": "strategy", "pl": "strategia"},
    "code.grant_stage.implementation": {"en": "implementation", "pl": "wdrożenie"},
    "code.grant_stage.strategy.grants": {"en": "strategy grants", "pl": "granty na strategię"},
    "code.grant_stage.implementation.grants": {"en": "implementation grants", "pl": "granty na wdrożenie"},
    "code.decision.awarded": {"en": "awarded", "pl": "przyznany"},
    "code.decision.rejected": {"en": "rejected", "pl": "odrzucony"},
    "code.decision.withdrawn": {"en": "withdrawn", "pl": "wycofany"},
    # ------------------------------------------------------------------ clusters and memberships
    "code.cluster_status.active": {"en": "active", "pl": "aktywny"},
    "code.cluster_status.dormant": {"en": "dormant", "pl": "uśpiony"},
    "code.cluster_status.dissolved": {"en": "dissolved", "pl": "rozwiązany"},
    "code.role.coordinator": {"en": "coordinator", "pl": "koordynator"},
    "code.role.member": {"en": "member", "pl": "członek"},
    # ------------------------------------------------------------------ support: who received a service
    "code.recipient.cluster": {"en": "the cluster", "pl": "klaster"},
    "code.recipient.member": {"en": "a member", "pl": "członek klastra"},
    # ------------------------------------------------------------------ deals
    "code.deal_type.contract": {"en": "contract", "pl": "kontrakt"},
    "code.deal_type.joint_bid": {"en": "joint bid", "pl": "wspólna oferta"},
    "code.deal_type.mou": {"en": "memorandum of understanding", "pl": "list intencyjny"},
    "code.deal_type.distribution_agreement": {"en": "distribution agreement", "pl": "umowa dystrybucyjna"},
    "code.deal_type.partnership_agreement": {"en": "partnership agreement", "pl": "umowa partnerska"},
    "code.deal_status.submitted": {"en": "submitted", "pl": "złożona"},
    "code.deal_status.won": {"en": "won", "pl": "wygrana"},
    "code.deal_status.lost": {"en": "lost", "pl": "przegrana"},
    "code.deal_status.signed": {"en": "signed", "pl": "podpisana"},
    # ------------------------------------------------------------------ exports
    "code.export_source.survey": {"en": "survey", "pl": "ankieta"},
    "code.export_source.report": {"en": "report", "pl": "sprawozdanie"},
    "code.export_source.registry": {"en": "registry", "pl": "rejestr"},
    # ------------------------------------------------------------------ exporters
    "code.exporter.new": {
        "en": "new exporters (first export after the award)",
        "pl": "nowi eksporterzy (pierwszy eksport po przyznaniu grantu)",
    },
    "code.exporter.existing": {"en": "already exporting", "pl": "eksportujący już wcześniej"},
    "code.exporter.not stated": {"en": "not stated", "pl": "nie podano"},
    # ------------------------------------------------------------------ why a cluster stopped
    "reason.no_deals": {"en": "no deals recorded", "pl": "brak zarejestrowanych transakcji"},
    "reason.no_won_deal": {"en": "no won or signed deal", "pl": "brak wygranej lub podpisanej transakcji"},
    "reason.implementation_never_applied": {
        "en": "never applied for implementation",
        "pl": "nie złożył wniosku o grant na wdrożenie",
    },
    "reason.implementation_rejected": {
        "en": "implementation application rejected",
        "pl": "wniosek o grant na wdrożenie odrzucony",
    },
    "reason.implementation_withdrawn": {
        "en": "implementation application withdrawn",
        "pl": "wniosek o grant na wdrożenie wycofany",
    },
    "reason.strategy_never_applied": {
        "en": "never applied for a strategy grant",
        "pl": "nie złożył wniosku o grant na strategię",
    },
    "reason.strategy_rejected": {"en": "strategy application rejected", "pl": "wniosek o grant na strategię odrzucony"},
    "reason.strategy_withdrawn": {
        "en": "strategy application withdrawn",
        "pl": "wniosek o grant na strategię wycofany",
    },
}
