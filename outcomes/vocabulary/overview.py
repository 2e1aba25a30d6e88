"""The Overview page and its charts: headline cards, the funnel, where clusters dropped out."""

TERMS = {
    "overview.title": {"en": "Programme overview", "pl": "Przegląd programu"},
    "overview.headline": {"en": "Headline figures", "pl": "Główne wskaźniki"},
    "overview.card_help": {"en": "**{label}.** {definition}", "pl": "**{label}.** {definition}"},
    "overview.no_sheet_stage": {
        "en": "No **{sheet}** sheet in this workbook, so this stage cannot be counted.",
        "pl": "W tym skoroszycie nie ma arkusza **{sheet}**, więc tego etapu nie można policzyć.",
    },
    "overview.stage_caption": {
        "en": "{k_of_n}{of_what} · {share} ({interval})",
        "pl": "{k_of_n}{of_what} · {share} ({interval})",
    },
    "overview.target_caption": {
        "en": " · target {target} ({share} reached)",
        "pl": " · wartość docelowa {target} (osiągnięto {share})",
    },
    "overview.nothing_to_convert": {
        "en": "nothing reached the stage before, so there is nothing to convert",
        "pl": "poprzedniego etapu nic nie osiągnęło, więc nie ma czego przeliczać",
    },
    "overview.no_supported": {
        "en": "No cluster in this selection has an awarded strategy grant, so no cluster entered the funnel. The "
        "applications are listed on the Clusters page.",
        "pl": "Żaden klaster w tym wyborze nie ma przyznanego grantu na strategię, więc żaden nie wszedł do lejka. "
        "Wnioski są wymienione na stronie Klastry.",
    },
    "overview.awarded": {"en": "Co-financing awarded (EUR)", "pl": "Przyznane dofinansowanie (EUR)"},
    "overview.awarded_title": {"en": "Co-financing awarded", "pl": "Przyznane dofinansowanie"},
    "overview.awarded_caption": {
        "en": "{amount} in {grants} awarded grants, at {rate} EUR per {currency}",
        "pl": "{amount} (przyznane granty: {grants}), po kursie {rate} EUR za {currency}",
    },
    "overview.awarded_definition": {
        "en": "Sum of `grant_amount` of every **awarded** grant (both stages) of the selected clusters whose "
        "decision falls in the selected years, converted to EUR with the programme's `fx_to_eur`.",
        "pl": "Suma `grant_amount` wszystkich **przyznanych** grantów (obu etapów) wybranych klastrów, których "
        "decyzja przypada na wybrane lata, przeliczona na EUR kursem programu `fx_to_eur`.",
    },
    "overview.cost": {"en": "Cost per trading SME (EUR)", "pl": "Koszt na MŚP z eksportem (EUR)"},
    "overview.cost_title": {"en": "Cost per trading SME", "pl": "Koszt na MŚP handlujące za granicą"},
    "overview.cost_definition": {
        "en": "**Gross public cost**: all co-financing awarded (as in the card before) divided by the number of "
        "trading SMEs. It charges the whole programme to this one outcome, so it is an upper bound, not the cost "
        "of an export.",
        "pl": "**Koszt publiczny brutto**: całe przyznane dofinansowanie (jak na poprzedniej karcie) podzielone "
        "przez liczbę MŚP handlujących za granicą. Przypisuje cały program temu jednemu rezultatowi, jest więc "
        "górną granicą, a nie kosztem eksportu.",
    },
    "overview.cost_caption": {
        "en": "gross public cost: co-financing awarded ÷ {count} trading SMEs",
        "pl": "koszt publiczny brutto: przyznane dofinansowanie ÷ liczba MŚP handlujących za granicą ({count})",
    },
    "overview.cost_no_sheet": {
        "en": "No **{sheet}** sheet in this workbook, so there are no trading SMEs.",
        "pl": "W tym skoroszycie nie ma arkusza **{sheet}**, więc nie ma MŚP handlujących za granicą.",
    },
    "overview.funnel": {"en": "The funnel: how far clusters got", "pl": "Lejek: jak daleko doszły klastry"},
    "overview.funnel_missing": {
        "en": "{card}: no **{sheet}** sheet in this workbook, shown as 0",
        "pl": "{card}: brak arkusza **{sheet}** w tym skoroszycie, pokazano 0",
    },
    "overview.funnel_caption": {
        "en": "Stages 1–3 count clusters, stage 4 counts firms (SMEs), so the last panel has its own scale. Under "
        "each bar: k of n, % and the 95 % Wilson interval of the conversion from the step before (for SMEs: from "
        "all {base}); the whisker shows that interval on the count scale.",
        "pl": "Etapy 1–3 liczą klastry, etap 4 liczy firmy (MŚP), więc ostatni panel ma własną skalę. Pod każdym "
        "słupkiem: k z n, % i przedział Wilsona 95 % dla przejścia z poprzedniego kroku (dla MŚP: spośród "
        "wszystkich: {base}); wąs pokazuje ten przedział na skali liczby.",
    },
    "overview.funnel_targets": {
        "en": " Diamonds: the programme's targets.",
        "pl": " Romby: wartości docelowe programu.",
    },
    "overview.funnel_title": {"en": "The funnel", "pl": "Lejek"},
    "overview.funnel_item": {
        "en": "{number}. **{label}** ({unit}) — {definition}",
        "pl": "{number}. **{label}** ({unit}) — {definition}",
    },
    "overview.funnel_base": {
        "en": "The row `member_smes` is the base of the SME stage: the {base}.",
        "pl": "Wiersz `member_smes` to podstawa etapu MŚP: {base}.",
    },
    "overview.targets_hidden": {
        "en": "Programme targets are hidden while filters are set: they apply to the whole programme.",
        "pl": "Wartości docelowe programu są ukryte, gdy ustawiono filtry: dotyczą całego programu.",
    },
    "overview.targets": {"en": "Programme targets against actuals", "pl": "Wartości docelowe programu a wykonanie"},
    "overview.targets_note": {
        "en": "Actuals are shown for the funnel stages; other targets are listed as the workbook states them.",
        "pl": "Wykonanie pokazano dla etapów lejka; pozostałe wartości docelowe podano tak, jak zapisano je "
        "w skoroszycie.",
    },
    "overview.dropout": {"en": "Where clusters dropped out, and why", "pl": "Gdzie klastry odpadały i dlaczego"},
    "overview.no_clusters": {"en": "No clusters match the filters.", "pl": "Żaden klaster nie spełnia filtrów."},
    "overview.all_reached": {
        "en": "Every selected cluster reached the last cluster stage.",
        "pl": "Każdy wybrany klaster doszedł do ostatniego etapu klastrów.",
    },
    "overview.stopped_caption": {
        "en": "{k_of_n} clusters stopped before the last cluster stage.",
        "pl": "Klastry, które zatrzymały się przed ostatnim etapem klastrów: {k_of_n}.",
    },
    "overview.stopped_title": {"en": "Where clusters stopped", "pl": "Gdzie klastry się zatrzymały"},
    "overview.stopped_definition": {
        "en": "Each cluster of the selection is placed at the furthest funnel stage it reached; the reason is the "
        "latest decision on its application for the next stage (rejected, withdrawn), that it never applied, or, "
        "after an implementation grant, that none of its deals was won or signed.",
        "pl": "Każdy wybrany klaster umieszczono na najdalszym etapie lejka, do którego doszedł; przyczyną jest "
        "ostatnia decyzja w sprawie jego wniosku na kolejny etap (odrzucony, wycofany), brak wniosku albo — po "
        "grancie na wdrożenie — brak wygranej lub podpisanej transakcji.",
    },
    # ------------------------------------------------------------------ charts
    "chart.funnel.panel_first": {"en": "Counted in {unit}", "pl": "Liczone: {unit}"},
    "chart.funnel.panel_other": {
        "en": "Counted in {unit} — a different unit",
        "pl": "Liczone: {unit} — inna jednostka",
    },
    "chart.funnel.target": {"en": "programme target", "pl": "wartość docelowa programu"},
    "chart.funnel.target_hover": {"en": "Target for {label}", "pl": "Wartość docelowa: {label}"},
    "chart.attrition.not_reached": {"en": "did not reach: {stage}", "pl": "nie osiągnął: {stage}"},
    "chart.attrition.clusters": {"en": "clusters", "pl": "klastry"},
}
