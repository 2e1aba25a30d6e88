"""Terms of the evidence pages: funded vs not funded, the EU common indicators, the transfer planner."""

TERMS = {
    # ------------------------------------------------------------------ shared
    "evidence.stage.strategy": {"en": "Strategy grants (stage I)", "pl": "Granty na strategię (etap I)"},
    "evidence.stage.implementation": {"en": "Implementation grants (stage II)", "pl": "Granty na wdrożenie (etap II)"},
    "evidence.outcome.exporting_cluster": {
        "en": "Clusters doing business abroad (a deal won or signed)",
        "pl": "Klastry prowadzące interesy za granicą (wygrana lub podpisana transakcja)",
    },
    "evidence.outcome.sme_members_trading": {
        "en": "SME members trading abroad (an exports row)",
        "pl": "MŚP członkowskie handlujące za granicą (wiersz w arkuszu exports)",
    },
    "evidence.outcome.exporting_cluster.unit": {"en": "clusters", "pl": "klastry"},
    "evidence.outcome.sme_members_trading.unit": {"en": "SME members", "pl": "MŚP członkowskie"},
    "evidence.group.funded": {"en": "Funded", "pl": "Finansowane"},
    "evidence.group.not_funded": {"en": "Not funded", "pl": "Niefinansowane"},
    "evidence.unit.enterprises": {"en": "enterprises", "pl": "przedsiębiorstwa"},
    "evidence.unit.eur": {"en": "EUR", "pl": "EUR"},
    "evidence.unit.clusters": {"en": "clusters", "pl": "klastry"},
    "evidence.unit.smes": {"en": "SMEs", "pl": "MŚP"},
    "evidence.unbounded": {"en": "unbounded", "pl": "nieograniczony"},
    # ------------------------------------------------------------------ funded vs not funded
    "evidence.compare.title": {"en": "Funded vs not funded", "pl": "Finansowane a niefinansowane"},
    "evidence.nav.compare": {"en": "Funded vs not funded", "pl": "Finansowane a nie"},
    "evidence.nav.indicators": {"en": "EU indicators", "pl": "Wskaźniki UE"},
    "evidence.nav.plan": {"en": "Transfer planner", "pl": "Planer transferu"},
    "evidence.compare.caveat": {
        "en": (
            "**A descriptive comparison, not an effect estimate.** The groups are the applicants the agency "
            "funded and those it rejected or that withdrew. Rejected applicants were scored lower, so the groups "
            "differed before any grant: a difference here does not show what the grant caused, and no "
            "difference would not show that it caused nothing. Read **n** first: with a handful of applicants "
            "in a group, the intervals are wide and a p-value says little."
        ),
        "pl": (
            "**Porównanie opisowe, a nie oszacowanie efektu.** Grupy to wnioskodawcy, którym agencja przyznała "
            "grant, oraz ci, których wnioski odrzucono lub wycofano. Odrzucone wnioski oceniono niżej, więc grupy "
            "różniły się jeszcze przed jakimkolwiek grantem: różnica nie pokazuje, co spowodował grant, a jej brak "
            "nie dowodzi, że nie spowodował niczego. Najpierw sprawdź **n**: przy kilku wnioskodawcach w grupie "
            "przedziały są szerokie, a wartość p niewiele mówi."
        ),
    },
    "evidence.compare.wider_than_funnel": {
        "en": (
            "The outcomes here count deals and exports of any date, because a not-funded cluster has no award "
            "date to count from. The funnel on the Overview counts only what came after the award, so the "
            "funded group's figures here can be larger than the funnel's."
        ),
        "pl": (
            "Rezultaty liczone są tu z umów i eksportu z dowolnej daty, bo klaster bez grantu nie ma daty "
            "przyznania, od której można by liczyć. Lejek na stronie Przegląd liczy tylko to, co nastąpiło po "
            "przyznaniu grantu, więc liczby grupy finansowanej mogą tu być większe niż w lejku."
        ),
    },
    "evidence.compare.definition": {
        "en": (
            "**Applicants** of a stage: the selected clusters with at least one grant row of that stage (dated in "
            "the year range). **Funded**: an awarded grant of that stage; **not funded**: the other applicants "
            "(rejected or withdrawn only). **Clusters doing business abroad**: at least one deal won or signed, "
            "any date (a not-funded cluster has no award date). **SME members trading abroad**: the SME members "
            "of the group's clusters, each counted once per group, with at least one exports row (any year). "
            "Shares with 95 % Wilson intervals. Up to {exact_or} units in both groups together the odds ratio is "
            "the conditional maximum-likelihood estimate with its exact 95 % interval; above that (where the "
            "exact interval becomes slow and agrees with the approximation) the sample odds ratio with Woolf's "
            "interval, unless a cell is empty. The p-value, two-sided (SciPy), is Boschloo's exact test up to "
            "{exact_test} units; above that Pearson's chi-squared test without continuity correction when every "
            "expected count is at least {min_expected}, else Fisher's exact test. Fisher's p is shown beside it."
        ),
        "pl": (
            "**Wnioskodawcy** na danym etapie: wybrane klastry z co najmniej jednym wierszem grantu tego etapu "
            "(z datą w zakresie lat). **Finansowane**: przyznany grant tego etapu; **niefinansowane**: pozostali "
            "wnioskodawcy (wyłącznie wnioski odrzucone lub wycofane). **Klastry prowadzące interesy za granicą**: "
            "co najmniej jedna wygrana lub podpisana transakcja, w dowolnym terminie (klaster bez grantu nie ma daty "
            "przyznania). **MŚP handlujące za granicą**: MŚP członkowskie klastrów grupy, każde liczone raz w "
            "grupie, z co najmniej jednym wierszem eksportu (dowolny rok). Udziały z 95-procentowymi przedziałami "
            "Wilsona. Do {exact_or} jednostek w obu grupach łącznie iloraz szans to warunkowy estymator "
            "największej wiarygodności z dokładnym 95-procentowym przedziałem; powyżej (gdzie dokładny przedział "
            "liczy się długo i zgadza się z przybliżeniem) iloraz szans z próby z przedziałem Woolfa, chyba że "
            "któraś komórka jest pusta. Wartość p, dwustronna (SciPy), pochodzi z dokładnego testu Boschloo do "
            "{exact_test} jednostek; powyżej z testu chi-kwadrat Pearsona bez poprawki na ciągłość, gdy każda "
            "liczebność oczekiwana wynosi co najmniej {min_expected}, a w przeciwnym razie z dokładnego testu "
            "Fishera. Obok podano wartość p testu Fishera."
        ),
    },
    "evidence.compare.k_of_n": {
        "en": "{k} of {n} · {share} (95 % CI {low}–{high})",
        "pl": "{k} z {n} · {share} (95\u00a0% PU {low}–{high})",
    },
    "evidence.compare.n": {"en": "n = {n}", "pl": "n = {n}"},
    "evidence.compare.empty_group": {"en": "no applicants", "pl": "brak wnioskodawców"},
    "evidence.compare.cannot": {
        "en": "Cannot compare: the {group} group has no {unit} at this stage, so there is no ratio and no p-value.",
        "pl": "Nie można porównać: grupa „{group}” nie ma na tym etapie jednostek ({unit}), więc nie ma ilorazu "
        "szans ani wartości p.",
    },
    "evidence.compare.difference": {
        "en": "Difference (funded − not funded)",
        "pl": "Różnica (finansowane − niefinansowane)",
    },
    "evidence.compare.points": {"en": "{value} percentage points", "pl": "{value} pkt proc."},
    "evidence.compare.odds_ratio.conditional": {
        "en": "Odds ratio (exact 95 % CI)",
        "pl": "Iloraz szans (dokładny 95\u00a0% PU)",
    },
    "evidence.compare.odds_ratio.sample": {
        "en": "Odds ratio (95 % CI, Woolf)",
        "pl": "Iloraz szans (95\u00a0% PU, Woolf)",
    },
    "evidence.compare.odds_value": {"en": "{ratio} ({low}–{high})", "pl": "{ratio} ({low}–{high})"},
    "evidence.compare.p.boschloo": {"en": "Boschloo's exact test, p", "pl": "Dokładny test Boschloo, p"},
    "evidence.compare.p.pearson_chi2": {
        "en": "Pearson's chi-squared test (large groups), p",
        "pl": "Test chi-kwadrat Pearsona (duże grupy), p",
    },
    "evidence.compare.p.fisher": {"en": "Fisher's exact test, p", "pl": "Dokładny test Fishera, p"},
    "evidence.test.boschloo": {"en": "Boschloo", "pl": "Boschloo"},
    "evidence.test.pearson_chi2": {"en": "Pearson χ²", "pl": "χ² Pearsona"},
    "evidence.test.fisher": {"en": "Fisher", "pl": "Fisher"},
    "evidence.compare.public_hidden": {
        "en": "Hidden in public mode: a count of fewer than {threshold} firms.",
        "pl": "Ukryte w trybie publicznym: liczba firm mniejsza niż {threshold}.",
    },
    "evidence.compare.table": {"en": "All comparisons", "pl": "Wszystkie porównania"},
    "evidence.compare.rows_title": {"en": "applicants and their outcomes", "pl": "wnioskodawcy i ich rezultaty"},
    "evidence.compare.counts_title": {"en": "k and n of each group", "pl": "k i n w każdej grupie"},
    "evidence.compare.no_applicants": {
        "en": "No grant applications in this selection, so there is nothing to compare. Widen the filters.",
        "pl": "Brak wniosków o granty w tym wyborze, więc nie ma czego porównać. Poszerz filtry.",
    },
    "evidence.col.stage": {"en": "stage", "pl": "etap"},
    "evidence.col.outcome": {"en": "outcome", "pl": "rezultat"},
    "evidence.col.funded_k": {"en": "funded: k", "pl": "finansowane: k"},
    "evidence.col.funded_n": {"en": "funded: n", "pl": "finansowane: n"},
    "evidence.col.not_funded_k": {"en": "not funded: k", "pl": "niefinansowane: k"},
    "evidence.col.not_funded_n": {"en": "not funded: n", "pl": "niefinansowane: n"},
    "evidence.col.difference": {"en": "difference (pp)", "pl": "różnica (pkt proc.)"},
    "evidence.col.odds_ratio": {"en": "odds ratio", "pl": "iloraz szans"},
    "evidence.col.ci_low": {"en": "95 % CI low", "pl": "95\u00a0% PU od"},
    "evidence.col.ci_high": {"en": "95 % CI high", "pl": "95\u00a0% PU do"},
    "evidence.col.test": {"en": "test", "pl": "test"},
    "evidence.col.p_value": {"en": "p", "pl": "p"},
    "evidence.col.p_fisher": {"en": "p (Fisher)", "pl": "p (Fisher)"},
    # ------------------------------------------------------------------ EU common indicators
    "evidence.indicators.title": {"en": "EU common indicators", "pl": "Wspólne wskaźniki UE"},
    "evidence.indicators.intro": {
        "en": (
            "The output and result indicators of the 2014–2020 and 2021–2027 periods, side by side, computed from "
            "the imported rows with the definitions below; enterprises are organisations of type sme or "
            "large_enterprise, each counted once. Targets come from `targets` rows naming either code."
        ),
        "pl": (
            "Wskaźniki produktu i rezultatu z okresów 2014–2020 i 2021–2027, obok siebie, obliczone z "
            "zaimportowanych wierszy według poniższych definicji; przedsiębiorstwa to organizacje typu sme lub "
            "large_enterprise, każda liczona raz. Wartości docelowe pochodzą z wierszy arkusza `targets` z "
            "którymkolwiek z kodów."
        ),
    },
    "evidence.indicators.targets_filtered": {
        "en": "Targets are set for the whole programme, so they are not shown for a filtered selection.",
        "pl": "Wartości docelowe dotyczą całego programu, więc nie są pokazywane dla zawężonego wyboru.",
    },
    "evidence.indicators.no_targets": {
        "en": "No `targets` row names these codes: add rows (indicator = RCO01, CO02, …) to compare with targets.",
        "pl": "Żaden wiersz arkusza `targets` nie wskazuje tych kodów: dodaj wiersze (indicator = RCO01, CO02, …).",
    },
    "evidence.indicators.breakdown": {
        "en": "RCO01 and RCO02 by size class",
        "pl": "RCO01 i RCO02 według wielkości przedsiębiorstwa",
    },
    "evidence.indicators.programme_specific": {"en": "programme-specific", "pl": "specyficzny dla programu"},
    "evidence.indicators.reached": {"en": "{share} of the target", "pl": "{share} wartości docelowej"},
    "evidence.indicators.private_lower_bound": {
        "en": "{count} awarded grant(s) have no private_contribution, so RCR02 is a lower bound.",
        "pl": "Przyznane granty bez private_contribution: {count}, więc RCR02 jest dolnym oszacowaniem.",
    },
    "evidence.indicators.rows_title": {"en": "enterprises counted", "pl": "policzone przedsiębiorstwa"},
    "evidence.indicators.private_title": {"en": "RCR02 private investment", "pl": "RCR02 inwestycje prywatne"},
    "evidence.indicators.funnel_title": {"en": "programme-specific indicators", "pl": "wskaźniki programu"},
    "evidence.col.code_2021_2027": {"en": "2021–2027", "pl": "2021–2027"},
    "evidence.col.code_2014_2020": {"en": "2014–2020", "pl": "2014–2020"},
    "evidence.col.indicator": {"en": "indicator", "pl": "wskaźnik"},
    "evidence.col.unit": {"en": "unit", "pl": "jednostka"},
    "evidence.col.value": {"en": "value", "pl": "wartość"},
    "evidence.col.target": {"en": "target", "pl": "wartość docelowa"},
    "evidence.col.reached": {"en": "% reached", "pl": "% osiągnięcia"},
    "evidence.size.micro": {"en": "micro", "pl": "mikro"},
    "evidence.size.small": {"en": "small", "pl": "małe"},
    "evidence.size.medium": {"en": "medium", "pl": "średnie"},
    "evidence.size.large": {"en": "large", "pl": "duże"},
    "evidence.size.unknown": {"en": "unknown", "pl": "nieznana"},
    "evidence.indicator.RCO01": {"en": "Enterprises supported", "pl": "Przedsiębiorstwa objęte wsparciem"},
    "evidence.indicator.RCO02": {
        "en": "Enterprises supported by grants",
        "pl": "Przedsiębiorstwa objęte wsparciem w formie dotacji",
    },
    "evidence.indicator.RCO04": {
        "en": "Enterprises with non-financial support",
        "pl": "Przedsiębiorstwa objęte wsparciem niefinansowym",
    },
    "evidence.indicator.RCR02": {
        "en": "Private investments matching public support (grants)",
        "pl": "Inwestycje prywatne uzupełniające wsparcie publiczne (dotacje)",
    },
    "evidence.indicator.exporting_clusters": {
        "en": "Clusters doing business abroad",
        "pl": "Klastry prowadzące interesy za granicą",
    },
    "evidence.indicator.trading_smes": {
        "en": "SMEs trading in foreign markets",
        "pl": "MŚP handlujące na rynkach zagranicznych",
    },
    "evidence.indicator.RCO01.definition": {
        "en": "Enterprises in RCO02 or RCO04, each counted once.",
        "pl": "Przedsiębiorstwa ujęte w RCO02 lub RCO04, każde liczone raz.",
    },
    "evidence.indicator.RCO02.definition": {
        "en": "Enterprises (sme or large_enterprise) that are members of a cluster with an awarded grant of "
        "either stage, decided in the year range; each counted once.",
        "pl": "Przedsiębiorstwa (sme lub large_enterprise) będące członkami klastra z przyznanym grantem "
        "dowolnego etapu, z decyzją w zakresie lat; każde liczone raz.",
    },
    "evidence.indicator.RCO04.definition": {
        "en": "Enterprises with a support row of their own, or members of a cluster with a support row, dated in "
        "the year range; each counted once. An enterprise's own support row counts when it is a member of a "
        "selected cluster, or when no call, sector or subregion is selected.",
        "pl": "Przedsiębiorstwa z własnym wierszem wsparcia lub członkowie klastra z wierszem wsparcia, z datą w "
        "zakresie lat; każde liczone raz. Własny wiersz wsparcia przedsiębiorstwa liczy się, gdy jest ono "
        "członkiem wybranego klastra albo gdy nie wybrano naboru, sektora ani subregionu.",
    },
    "evidence.indicator.RCR02.definition": {
        "en": "Sum of private_contribution of the selected clusters' awarded grants decided in the year range, "
        "converted to EUR with programme.fx_to_eur.",
        "pl": "Suma private_contribution przyznanych grantów wybranych klastrów, z decyzją w zakresie lat, "
        "przeliczona na EUR kursem programme.fx_to_eur.",
    },
    "evidence.indicator.exporting_clusters.definition": {
        "en": "Funnel stage 3: clusters with an implementation grant and at least one deal won or signed.",
        "pl": "Etap 3 lejka: klastry z grantem na wdrożenie i co najmniej jedną wygraną lub podpisaną transakcją.",
    },
    "evidence.indicator.trading_smes.definition": {
        "en": "Funnel stage 4: distinct SMEs, members of a cluster with a strategy grant, with an exports row "
        "not before the year of that cluster's first award.",
        "pl": "Etap 4 lejka: różne MŚP, członkowie klastra z grantem na strategię, z wierszem eksportu nie "
        "wcześniejszym niż rok pierwszego grantu tego klastra.",
    },
    # ------------------------------------------------------------------ transfer planner
    "evidence.plan.title": {"en": "Transfer planner", "pl": "Planer transferu"},
    "evidence.plan.intro": {
        "en": (
            "What a region could expect from a programme like this one with its own budget: a simulation from "
            "this programme's cost per grant and its conversions, with their uncertainty. The figures are a "
            "median and the ranges that hold 80 % and 95 % of {runs} simulated programmes (seed {seed}: the same "
            "inputs always give the same figures)."
        ),
        "pl": (
            "Czego region mógłby się spodziewać po podobnym programie z własnym budżetem: symulacja na podstawie "
            "kosztu grantu i konwersji tego programu, z ich niepewnością. Wyniki to mediana oraz przedziały "
            "obejmujące 80\u00a0% i 95\u00a0% z {runs} symulowanych programów (ziarno {seed}: te same dane "
            "wejściowe dają zawsze te same wyniki)."
        ),
    },
    "evidence.plan.budget": {"en": "Budget (EUR)", "pl": "Budżet (EUR)"},
    "evidence.plan.simulating": {"en": "Simulating…", "pl": "Symulacja…"},
    "evidence.plan.split": {
        "en": "Share of the budget for strategy grants (%)",
        "pl": "Udział budżetu na granty na strategię (%)",
    },
    "evidence.plan.rate_implementation": {
        "en": "Supported clusters that get an implementation grant (%)",
        "pl": "Wsparte klastry, które otrzymują grant na wdrożenie (%)",
    },
    "evidence.plan.rate_exporting": {
        "en": "Implementation clusters that do business abroad (%)",
        "pl": "Klastry z grantem na wdrożenie prowadzące interesy za granicą (%)",
    },
    "evidence.plan.smes_per_cluster": {
        "en": "Trading SMEs per supported cluster (average)",
        "pl": "MŚP handlujące za granicą na wsparty klaster (średnio)",
    },
    "evidence.plan.reset": {"en": "Back to this programme's values", "pl": "Przywróć wartości tego programu"},
    "evidence.plan.stage.supported_clusters": {
        "en": "Clusters with a strategy grant",
        "pl": "Klastry z grantem na strategię",
    },
    "evidence.plan.stage.implementation_grants": {
        "en": "Clusters with an implementation grant",
        "pl": "Klastry z grantem na wdrożenie",
    },
    "evidence.plan.stage.exporting_clusters": {
        "en": "Clusters doing business abroad",
        "pl": "Klastry prowadzące interesy za granicą",
    },
    "evidence.plan.stage.trading_smes": {
        "en": "SMEs trading in foreign markets",
        "pl": "MŚP handlujące na rynkach zagranicznych",
    },
    "evidence.plan.interval_80": {"en": "80 % interval {low}–{high}", "pl": "przedział 80\u00a0%: {low}–{high}"},
    "evidence.plan.interval_95": {"en": "95 % interval {low}–{high}", "pl": "przedział 95\u00a0%: {low}–{high}"},
    "evidence.plan.assumptions": {"en": "Assumptions", "pl": "Założenia"},
    "evidence.plan.assume.strategy_cost": {
        "en": "A strategy grant costs EUR {cost} (this programme's mean of {count} awarded grants).",
        "pl": "Grant na strategię kosztuje {cost} EUR (średnia z {count} przyznanych grantów tego programu).",
    },
    "evidence.plan.assume.implementation_cost": {
        "en": "An implementation grant costs EUR {cost} (this programme's mean of {count} awarded grants).",
        "pl": "Grant na wdrożenie kosztuje {cost} EUR (średnia z {count} przyznanych grantów tego programu).",
    },
    "evidence.plan.assume.no_implementation": {
        "en": "This programme awarded no implementation grant with an amount, so none is planned.",
        "pl": "Program nie przyznał żadnego grantu na wdrożenie z kwotą, więc żaden nie jest planowany.",
    },
    "evidence.plan.assume.split": {
        "en": "{share} of the budget pays for strategy grants, the rest for implementation grants "
        "(this programme: {observed}).",
        "pl": "{share} budżetu finansuje granty na strategię, reszta granty na wdrożenie (ten program: {observed}).",
    },
    "evidence.plan.assume.rate_implementation": {
        "en": "{rate} of supported clusters get an implementation grant, if the money allows (this programme: "
        "{k} of {n}; uncertainty Beta({a}, {b})).",
        "pl": "{rate} wspartych klastrów otrzymuje grant na wdrożenie, jeśli wystarczy pieniędzy (ten program: "
        "{k} z {n}; niepewność Beta({a}, {b})).",
    },
    "evidence.plan.assume.rate_exporting": {
        "en": "{rate} of implementation clusters do business abroad (this programme: {k} of {n}; uncertainty "
        "Beta({a}, {b})).",
        "pl": "{rate} klastrów z grantem na wdrożenie prowadzi interesy za granicą (ten program: {k} z {n}; "
        "niepewność Beta({a}, {b})).",
    },
    "evidence.plan.assume.smes": {
        "en": "Each supported cluster brings {mean} trading SMEs on average, resampled from this programme's "
        "{clusters} supported clusters (observed {observed}; an SME in two clusters counted once).",
        "pl": "Każdy wsparty klaster daje średnio {mean} MŚP handlujących za granicą, losowanych z {clusters} "
        "wspartych klastrów tego programu (zaobserwowano {observed}; MŚP w dwóch klastrach liczone raz).",
    },
    "evidence.plan.assume.same_region": {
        "en": "The region's clusters, firms and markets are like this programme's; costs are the recorded EUR "
        "amounts, not adjusted for inflation.",
        "pl": "Klastry, firmy i rynki regionu są podobne do tych z programu; koszty w EUR jak w danych, bez inflacji.",
    },
    "evidence.plan.assume.missing_amounts": {
        "en": "{count} awarded grant(s) without grant_amount are left out of the costs.",
        "pl": "Przyznane granty bez grant_amount ({count}) pominięto w kosztach.",
    },
    "evidence.plan.fan_title": {"en": "Expected results by budget", "pl": "Oczekiwane rezultaty według budżetu"},
    "evidence.plan.fan_stage": {"en": "Stage in the chart", "pl": "Etap na wykresie"},
    "evidence.plan.fan_caption": {
        "en": "Median (line) with the 80 % and 95 % intervals (bands) for budgets from 0 to twice the chosen "
        "budget; the dot is the chosen budget.",
        "pl": "Mediana (linia) z przedziałami 80\u00a0% i 95\u00a0% (pasma) dla budżetów od 0 do dwukrotności "
        "wybranego; punkt to wybrany budżet.",
    },
    "evidence.plan.axis_budget": {"en": "Budget (EUR)", "pl": "Budżet (EUR)"},
    "evidence.plan.median": {"en": "median", "pl": "mediana"},
    "evidence.plan.band_80": {"en": "80 % interval", "pl": "przedział 80\u00a0%"},
    "evidence.plan.band_95": {"en": "95 % interval", "pl": "przedział 95\u00a0%"},
    "evidence.plan.chosen": {"en": "chosen budget", "pl": "wybrany budżet"},
    "evidence.plan.unavailable": {
        "en": "No plan can be made from this selection: {reason}.",
        "pl": "Nie można sporządzić planu dla tego wyboru: {reason}.",
    },
    "evidence.plan.reason.no_strategy_amount": {
        "en": "no awarded strategy grant with a grant_amount",
        "pl": "brak przyznanego grantu na strategię z kwotą (grant_amount)",
    },
    "evidence.plan.definition": {
        "en": (
            "Seeded Monte Carlo simulation (outcomes/evidence/planner.py). Per run: strategy grants = "
            "floor(budget × share / mean strategy grant); implementation grants = the supported clusters that "
            "convert (binomial, rate drawn from its Beta posterior), at most what the rest of the budget pays for; "
            "clusters doing business abroad = the implementation clusters that convert (the same way); trading "
            "SMEs = the sum over supported clusters of a resampled count of trading SMEs per cluster. Median and "
            "equal-tailed 80 % and 95 % intervals over the runs."
        ),
        "pl": (
            "Symulacja Monte Carlo z ustalonym ziarnem (outcomes/evidence/planner.py). W każdym przebiegu: granty "
            "na strategię = część całkowita (budżet × udział / średni grant na strategię); granty na wdrożenie = "
            "wsparte klastry, które przechodzą dalej (rozkład dwumianowy, stopa z rozkładu a posteriori Beta), "
            "najwyżej tyle, ile pokrywa reszta budżetu; klastry prowadzące interesy za granicą = klastry z grantem "
            "na wdrożenie, które przechodzą dalej (tak samo); MŚP handlujące = suma po wspartych klastrach "
            "losowanych liczb MŚP na klaster. Mediana i symetryczne przedziały 80\u00a0% i 95\u00a0% z przebiegów."
        ),
    },
    "evidence.plan.inputs_title": {"en": "awarded grants used", "pl": "wykorzystane przyznane granty"},
    "evidence.plan.smes_title": {"en": "trading SMEs per cluster", "pl": "MŚP handlujące na klaster"},
    "evidence.plan.table_title": {"en": "The plan", "pl": "Plan"},
    "evidence.col.median": {"en": "median", "pl": "mediana"},
    "evidence.col.low_80": {"en": "80 % low", "pl": "80\u00a0% od"},
    "evidence.col.high_80": {"en": "80 % high", "pl": "80\u00a0% do"},
    "evidence.col.low_95": {"en": "95 % low", "pl": "95\u00a0% od"},
    "evidence.col.high_95": {"en": "95 % high", "pl": "95\u00a0% do"},
    # ------------------------------------------------------------------ report and deck
    "evidence.report.comparison": {
        "en": (
            "Funded applicants reached these outcomes more often than those not funded: {sentences}. "
            "This is a descriptive comparison, not an effect estimate: rejected applicants were scored lower, "
            "so the groups differed before any grant."
        ),
        "pl": (
            "Wnioskodawcy z grantem częściej osiągali te rezultaty niż pozostali: {sentences}. "
            "To porównanie opisowe, a nie oszacowanie efektu: odrzucone wnioski oceniono niżej, więc grupy "
            "różniły się jeszcze przed grantem."
        ),
    },
    "evidence.report.comparison_neutral": {
        "en": (
            "Funded and not-funded applicants compared: {sentences}. "
            "This is a descriptive comparison, not an effect estimate: rejected applicants were scored lower, "
            "so the groups differed before any grant."
        ),
        "pl": (
            "Porównanie wnioskodawców z grantem i bez: {sentences}. "
            "To porównanie opisowe, a nie oszacowanie efektu: odrzucone wnioski oceniono niżej, więc grupy "
            "różniły się jeszcze przed grantem."
        ),
    },
    "evidence.report.comparison_item": {
        "en": "{what} at the {stage} stage, {funded_k} of {funded_n} funded against {not_k} of {not_n} not "
        "funded ({test} p = {p})",
        "pl": "{what} na etapie {stage}: {funded_k} z {funded_n} finansowanych wobec {not_k} z {not_n} "
        "niefinansowanych (test: {test}, p = {p})",
    },
    "evidence.report.stage.strategy": {"en": "strategy", "pl": "strategii"},
    "evidence.report.stage.implementation": {"en": "implementation", "pl": "wdrożenia"},
    "evidence.report.what.exporting_cluster": {
        "en": "clusters doing business abroad",
        "pl": "klastry prowadzące interesy za granicą",
    },
    "evidence.report.what.sme_members_trading": {
        "en": "SME members trading abroad",
        "pl": "MŚP członkowskie handlujące za granicą",
    },
    "evidence.report.plan": {
        "en": (
            "A region with {budget} could expect about {supported} strategy clusters, {implemented} implementation "
            "grants, {exporting} clusters doing business abroad (80 % interval {exporting_low}–{exporting_high}) "
            "and {smes} SMEs trading abroad (80 % interval {smes_low}–{smes_high}), if its clusters convert as "
            "these did (simulation, seed {seed})."
        ),
        "pl": (
            "Region z budżetem {budget} mógłby oczekiwać około {supported} klastrów ze strategią, {implemented} "
            "grantów na wdrożenie, {exporting} klastrów prowadzących interesy za granicą (przedział 80\u00a0%: "
            "{exporting_low}–{exporting_high}) i {smes} MŚP handlujących za granicą (przedział 80\u00a0%: "
            "{smes_low}–{smes_high}), jeśli jego klastry będą przechodzić kolejne etapy jak te (symulacja, "
            "ziarno {seed})."
        ),
    },
    "evidence.report.plan_budget": {
        "en": "Transfer plan for a budget of (EUR, optional)",
        "pl": "Plan transferu dla budżetu (EUR, opcjonalnie)",
    },
    "evidence.report.plan_budget_help": {
        "en": "“Potential for learning or transfer” then cites what a region could expect with this budget "
        "(see the Transfer planner page).",
        "pl": "Sekcja „Potencjał uczenia się i transferu” poda wtedy, czego region mógłby oczekiwać przy takim "
        "budżecie (zob. stronę Planer transferu).",
    },
    "evidence.report.indicators_table": {
        "en": "Table 3. EU common indicators",
        "pl": "Tabela 3. Wspólne wskaźniki UE",
    },
    "evidence.deck.indicators_title": {
        "en": "EU common indicators: {enterprises} enterprises supported",
        "pl": "Wspólne wskaźniki UE: przedsiębiorstwa objęte wsparciem – {enterprises}",
    },
    "evidence.deck.indicators_caption": {
        "en": "2014–2020 and 2021–2027 codes side by side; value against the programme's targets.",
        "pl": "Kody z okresów 2014–2020 i 2021–2027 obok siebie; wartość wobec wartości docelowych programu.",
    },
    "evidence.deck.indicators_notes": {
        "en": "Definitions: {definitions}\nQueries: queries/eu_indicator_counts.sql, "
        "queries/eu_private_investment.sql, queries/funnel.sql.",
        "pl": "Definicje: {definitions}\nZapytania: queries/eu_indicator_counts.sql, "
        "queries/eu_private_investment.sql, queries/funnel.sql.",
    },
    # ------------------------------------------------------------------ methodology
    "evidence.method.header": {"en": "Evidence beyond the funnel", "pl": "Dowody poza lejkiem"},
    "evidence.method.compare": {
        "en": (
            "**Funded vs not funded** (page *Funded vs not funded*, `compare`). For each stage the applicants are "
            "split into funded and not funded and two outcomes are counted in each group. Per stage and outcome: "
            "k of n with 95 % Wilson intervals, the difference in shares, the odds ratio (funded vs not funded; "
            "conditional maximum-likelihood estimate, SciPy `odds_ratio(kind='conditional')`) with its exact 95 % "
            "interval, and the two-sided p-values of Boschloo's exact test (the headline) and Fisher's exact test. "
            "A group without units cannot be compared: no ratio, no p-value. When nobody (or everybody) in both "
            "groups reached the outcome the table is the only one possible under its margins, so p = 1 and the "
            "odds ratio is undefined; an infinite ratio or bound is written as unbounded (null in JSON). This is "
            "a descriptive comparison: rejected applicants were scored lower, so the groups differ before any "
            "grant and the difference is not an effect of the grant."
        ),
        "pl": (
            "**Finansowane a niefinansowane** (strona *Finansowane a nie*, `compare`). Na każdym etapie "
            "wnioskodawców dzieli się na finansowanych i niefinansowanych i w każdej grupie liczy się dwa "
            "rezultaty. Dla każdego etapu i rezultatu: k z n z 95-procentowymi przedziałami Wilsona, różnica "
            "udziałów, iloraz szans (finansowani wobec niefinansowanych; warunkowy estymator największej "
            "wiarygodności, SciPy `odds_ratio(kind='conditional')`) z dokładnym 95-procentowym przedziałem oraz "
            "dwustronne wartości p dokładnego testu Boschloo (główna) i Fishera. Grupy bez jednostek nie można "
            "porównać: brak ilorazu i wartości p. Gdy nikt (albo wszyscy) w obu grupach nie osiągnął rezultatu, "
            "tabela jest jedyną możliwą przy danych brzegach, więc p = 1, a iloraz szans jest nieokreślony; "
            "nieskończony iloraz lub granicę zapisuje się jako nieograniczone (null w JSON). To porównanie "
            "opisowe: odrzucone wnioski oceniono niżej, więc grupy różnią się jeszcze przed grantem, a różnica "
            "nie jest efektem grantu."
        ),
    },
    "evidence.method.indicators": {
        "en": (
            "**EU common indicators** (page *EU indicators*, `indicators`). Enterprises are organisations of type "
            "sme or large_enterprise, each counted once; RCO01 and RCO02 are broken down by size_class, an empty "
            "size_class counting as unknown (a large_enterprise without one is not assumed large). A targets row "
            "whose indicator is either code (case and surrounding spaces ignored; the first such row) is the "
            "target; targets are shown only for the whole programme, not for a filtered selection. In public "
            "mode, enterprise counts of one or two are hidden with the cells that would reveal them."
        ),
        "pl": (
            "**Wspólne wskaźniki UE** (strona *Wskaźniki UE*, `indicators`). Przedsiębiorstwa to organizacje typu "
            "sme lub large_enterprise, każda liczona raz; RCO01 i RCO02 dzieli się według size_class, a puste "
            "size_class liczy się jako nieznaną wielkość (large_enterprise bez niej nie jest uznawane za duże). "
            "Wartością docelową jest pierwszy wiersz arkusza targets z którymkolwiek kodem (bez względu na "
            "wielkość liter i spacje wokół); wartości docelowe pokazuje się tylko dla całego programu. W trybie "
            "publicznym liczby jednego lub dwóch przedsiębiorstw są ukryte wraz z komórkami, które by je zdradziły."
        ),
    },
    "evidence.method.planner": {
        "en": (
            "**Transfer planner** (page *Transfer planner*, `plan`). A grant's size is the region's choice, so "
            "each stage's cost is this programme's mean awarded amount (EUR), not drawn at random. Conversions "
            "carry their uncertainty as Beta(k + 1, n − k + 1), the posterior of k of n under a uniform prior; a "
            "slider moves the rate and keeps the weight n. Trading SMEs are resampled per supported cluster (each "
            "SME attributed to one cluster, the first by id, so the counts add up to the funnel's) rather than "
            "per exporting cluster, because many trading SMEs are in clusters that never did a deal. The random "
            "numbers of a run do not depend on the budget, so with one seed every simulated programme grows "
            "with the budget; intervals are equal-tailed quantiles of {runs} runs (seed {seed}). Each count of a "
            "run is its exact distribution's quantile at a uniform random number of the run's own (the binomial of "
            "the run's drawn rate; for trading SMEs the distribution of the sum of that many resampled counts, "
            "computed as a convolution), so nothing is drawn cluster by cluster and a large programme is planned "
            "as quickly as a small one."
        ),
        "pl": (
            "**Planer transferu** (strona *Planer transferu*, `plan`). Wielkość grantu wybiera region, więc koszt "
            "każdego etapu to średnia przyznana kwota tego programu (EUR), a nie wartość losowa. Konwersje mają "
            "niepewność Beta(k + 1, n − k + 1), rozkład a posteriori k z n przy rozkładzie a priori jednostajnym; "
            "suwak przesuwa stopę, zachowując wagę n. MŚP handlujące za granicą losuje się dla każdego wspartego "
            "klastra (każde MŚP przypisane do jednego klastra, pierwszego według id, więc liczby sumują się do "
            "lejka), a nie dla klastra eksportującego, bo wiele takich MŚP należy do klastrów bez żadnej transakcji. "
            "Liczby losowe przebiegu nie zależą od budżetu, więc przy jednym ziarnie każdy symulowany program "
            "rośnie z budżetem; przedziały to symetryczne kwantyle z {runs} przebiegów (ziarno {seed}). Każda "
            "liczba przebiegu to kwantyl jej dokładnego rozkładu w liczbie losowej z rozkładu jednostajnego, "
            "własnej dla przebiegu (rozkład dwumianowy z wylosowaną w przebiegu stopą; dla MŚP handlujących za "
            "granicą rozkład sumy tylu wylosowanych liczb, obliczony jako splot), więc nic nie jest losowane "
            "klaster po klastrze, a plan dużego programu powstaje równie szybko jak małego."
        ),
    },
    "evidence.method.public_text": {
        "en": (
            "**Public mode in free text.** A report section shown or exported in public mode (page, Markdown, "
            "Word, PDF) is checked against every organisation and cluster name loosely: any case, with or "
            "without diacritics, with or without a trailing note such as “(sample)”, with or without its legal "
            "form (sp. z o.o., S.A., sp.j., Ltd, GmbH, …); spaces, hyphens and dashes are interchangeable. A hit "
            "becomes the pseudonym (“Firm 1A2B”, “Cluster 3C4D”); a short name that two firms share (one name, "
            "two legal forms) becomes “[…]”. A name left with fewer than four letters once its legal form is "
            "removed is only looked for in full."
        ),
        "pl": (
            "**Tryb publiczny w tekście.** Sekcję raportu pokazywaną lub eksportowaną w trybie publicznym "
            "(strona, Markdown, Word, PDF) sprawdza się pod kątem nazw wszystkich organizacji i klastrów w "
            "luźny sposób: dowolna wielkość liter, z polskimi znakami lub bez, z dopiskiem takim jak „(sample)” "
            "lub bez, z formą prawną (sp. z o.o., S.A., sp.j., Ltd, GmbH, …) lub bez; spacje, łączniki i "
            "myślniki są zamienne. Trafienie zastępuje pseudonim („Firm 1A2B”, „Cluster 3C4D”); krótką nazwę "
            "wspólną dla dwóch firm (jedna nazwa, dwie formy prawne) zastępuje „[…]”. Nazwy, z której po "
            "usunięciu formy prawnej zostają mniej niż cztery litery, szuka się tylko w pełnym brzmieniu."
        ),
    },
}
