"""The Finance page and its charts: allocated, awarded, paid, private contribution, leverage, cost per outcome."""

TERMS = {
    "finance.title": {"en": "Finance", "pl": "Finanse"},
    "finance.currency": {"en": "Amounts in", "pl": "Kwoty w"},
    "finance.none": {
        "en": "No awarded grants for this selection: nothing was co-financed. Widen the filters to see the money.",
        "pl": "Brak przyznanych grantów w tym wyborze: niczego nie dofinansowano. Poszerz filtry, aby zobaczyć kwoty.",
    },
    "finance.card.allocated": {"en": "Allocated, {currency}", "pl": "Alokacja, {currency}"},
    "finance.card.allocated_caption": {
        "en": "{amount}: the whole programme's allocation, which no filter narrows",
        "pl": "{amount}: alokacja całego programu, której filtry nie zawężają",
    },
    "finance.card.no_allocation": {
        "en": "no budget_allocated in the workbook",
        "pl": "brak budget_allocated w skoroszycie",
    },
    "finance.card.awarded": {"en": "Co-financing awarded, {currency}", "pl": "Przyznane dofinansowanie, {currency}"},
    "finance.card.awarded_caption": {"en": "{amount}, {share} of the allocation", "pl": "{amount}, {share} alokacji"},
    "finance.card.paid": {"en": "Paid, {currency}", "pl": "Wypłacono, {currency}"},
    "finance.card.paid_caption": {
        "en": "{amount}, {share} of the awarded co-financing",
        "pl": "{amount}, {share} przyznanego dofinansowania",
    },
    "finance.card.private": {"en": "Private contribution, {currency}", "pl": "Wkład własny, {currency}"},
    "finance.card.private_caption": {
        "en": "{amount}; leverage {leverage} (private ÷ public co-financing)",
        "pl": "{amount}; dźwignia {leverage} (wkład prywatny ÷ dofinansowanie publiczne)",
    },
    "finance.card.no_public": {
        "en": "no awarded co-financing to compare with",
        "pl": "brak przyznanego dofinansowania do porównania",
    },
    "finance.fx": {
        "en": "EUR = {currency} × {rate} (programme.fx_to_eur).",
        "pl": "EUR = {currency} × {rate} (programme.fx_to_eur).",
    },
    "finance.missing_amount": {
        "en": {
            "one": "{n} awarded grant has no grant_amount in the workbook, so the sums are lower bounds (see the "
            "data-quality rules on the Data page).",
            "other": "{n} awarded grants have no grant_amount in the workbook, so the sums are lower bounds (see the "
            "data-quality rules on the Data page).",
        },
        "pl": {
            "one": "{n} przyznany grant nie ma grant_amount w skoroszycie, więc sumy są dolnymi granicami (zob. "
            "reguły jakości danych na stronie Dane).",
            "few": "{n} przyznane granty nie mają grant_amount w skoroszycie, więc sumy są dolnymi granicami (zob. "
            "reguły jakości danych na stronie Dane).",
            "many": "{n} przyznanych grantów nie ma grant_amount w skoroszycie, więc sumy są dolnymi granicami (zob. "
            "reguły jakości danych na stronie Dane).",
        },
    },
    "finance.money_definition": {
        "en": "**Awarded** = sum of `grant_amount` of awarded grants (what the agency contracted); **paid** = sum of "
        "`paid_amount` of those grants; **private contribution** = sum of `private_contribution` of those grants; "
        "**leverage** = private contribution ÷ awarded co-financing. Grants count for the clusters the filters "
        "select and when decided in the selected years. EUR = programme currency × programme.fx_to_eur. "
        "**Allocated** = programme.budget_allocated: the whole programme's allocation, which no filter narrows.",
        "pl": "**Przyznano** = suma `grant_amount` przyznanych grantów (to, na co agencja zawarła umowy); "
        "**wypłacono** = suma `paid_amount` tych grantów; **wkład własny** = suma `private_contribution` tych "
        "grantów; **dźwignia** = wkład własny ÷ przyznane dofinansowanie. Granty liczą się dla klastrów wybranych "
        "filtrami i gdy decyzja zapadła w wybranych latach. EUR = waluta programu × programme.fx_to_eur. "
        "**Alokacja** = programme.budget_allocated: alokacja całego programu, której filtry nie zawężają.",
    },
    "finance.summary_title": {
        "en": "allocated, awarded, paid, private",
        "pl": "alokacja, przyznano, wypłacono, wkład własny",
    },
    "finance.flow": {
        "en": "Allocated → awarded → paid, by stage",
        "pl": "Alokacja → przyznano → wypłacono, według etapów",
    },
    "finance.col.eligible_cost": {"en": "eligible cost ({currency})", "pl": "koszty kwalifikowalne ({currency})"},
    "finance.col.awarded": {"en": "awarded ({currency})", "pl": "przyznano ({currency})"},
    "finance.col.paid": {"en": "paid ({currency})", "pl": "wypłacono ({currency})"},
    "finance.col.private": {"en": "private contribution ({currency})", "pl": "wkład własny ({currency})"},
    "finance.by_stage_title": {"en": "money by stage", "pl": "kwoty według etapów"},
    "finance.leverage": {"en": "Private contribution and leverage", "pl": "Wkład własny i dźwignia"},
    "finance.leverage_text": {
        "en": "For every {one} of public co-financing awarded, cluster members contributed **{leverage}** of their "
        "own money overall ({per_stage}).",
        "pl": "Na każde {one} przyznanego dofinansowania publicznego członkowie klastrów wnieśli łącznie "
        "**{leverage}** własnych środków ({per_stage}).",
    },
    "finance.leverage_stage": {"en": "{stage}: {amount}", "pl": "{stage}: {amount}"},
    "finance.leverage_title": {"en": "private contribution and leverage", "pl": "wkład własny i dźwignia"},
    "finance.leverage_definition": {
        "en": "Per stage: public co-financing awarded (sum of grant_amount of awarded grants) and the members' "
        "private contribution (sum of private_contribution of the same grants); leverage = private ÷ public.",
        "pl": "Dla każdego etapu: przyznane dofinansowanie publiczne (suma grant_amount przyznanych grantów) i wkład "
        "własny członków (suma private_contribution tych samych grantów); dźwignia = prywatne ÷ publiczne.",
    },
    "finance.cost": {"en": "Gross public cost per outcome", "pl": "Koszt publiczny brutto na rezultat"},
    "finance.gross_cost": {
        "en": "**Gross public cost**: all the agency's co-financing awarded to the selected clusters divided by the "
        "number of units that reached the outcome. It is not the cost of causing the outcome: the same money also "
        "paid for clusters that did not get that far, and some outcomes might have happened without the programme.",
        "pl": "**Koszt publiczny brutto**: całe dofinansowanie agencji przyznane wybranym klastrom podzielone przez "
        "liczbę jednostek, które osiągnęły rezultat. Nie jest to koszt wywołania rezultatu: te same pieniądze "
        "sfinansowały też klastry, które nie doszły tak daleko, a część rezultatów mogłaby nastąpić bez programu.",
    },
    "finance.outcome.supported_cluster": {"en": "supported cluster", "pl": "wsparty klaster"},
    "finance.outcome.exporting_cluster": {"en": "exporting cluster", "pl": "klaster eksportujący"},
    "finance.outcome.trading_sme": {"en": "trading SME", "pl": "MŚP handlujące za granicą"},
    "finance.cost_title": {"en": "gross public cost per outcome", "pl": "koszt publiczny brutto na rezultat"},
    "finance.cost_definition": {
        "en": "{gross}\n\nAwarded (and paid) co-financing in EUR of the selected clusters' awarded grants, divided by: "
        "supported clusters (awarded strategy grant), exporting clusters (implementation grant and a won or signed "
        "deal) and trading SMEs (funnel definitions on the Methodology page).",
        "pl": "{gross}\n\nPrzyznane (i wypłacone) dofinansowanie w EUR przyznanych grantów wybranych klastrów "
        "podzielone przez: wsparte klastry (przyznany grant na strategię), klastry eksportujące (grant na wdrożenie "
        "i wygrana lub podpisana transakcja) oraz MŚP handlujące za granicą (definicje lejka na stronie "
        "Metodologia).",
    },
    # ------------------------------------------------------------------ charts
    "chart.finance.allocated_whole": {"en": "allocated (whole programme)", "pl": "alokacja (cały program)"},
    "chart.finance.allocation": {"en": "allocation", "pl": "alokacja"},
    "chart.finance.allocated": {"en": "allocated", "pl": "alokacja"},
    "chart.finance.awarded": {"en": "awarded", "pl": "przyznano"},
    "chart.finance.paid": {"en": "paid", "pl": "wypłacono"},
    "chart.finance.public": {"en": "public co-financing awarded", "pl": "przyznane dofinansowanie publiczne"},
    "chart.finance.private": {"en": "private contribution", "pl": "wkład własny"},
    "chart.finance.ratio": {"en": "private / public = {leverage}", "pl": "prywatne / publiczne = {leverage}"},
    "chart.finance.per.supported_cluster": {"en": "per supported cluster", "pl": "na wsparty klaster"},
    "chart.finance.per.exporting_cluster": {"en": "per exporting cluster", "pl": "na klaster eksportujący"},
    "chart.finance.per.trading_sme": {"en": "per trading SME", "pl": "na MŚP handlujące za granicą"},
    "chart.finance.hidden": {"en": "hidden", "pl": "ukryte"},
    "chart.finance.cost_axis": {
        "en": "EUR of awarded co-financing per unit (gross)",
        "pl": "EUR przyznanego dofinansowania na jednostkę (brutto)",
    },
}
