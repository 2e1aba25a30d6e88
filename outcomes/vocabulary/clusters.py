"""The Clusters page and its charts: the clusters table and one cluster's profile."""

TERMS = {
    "clusters.title": {"en": "Clusters", "pl": "Klastry"},
    "clusters.none": {
        "en": "No clusters match the filters. Widen the call, sector or subregion selection in the sidebar.",
        "pl": "Żaden klaster nie spełnia filtrów. Poszerz wybór naboru, sektora lub subregionu na pasku bocznym.",
    },
    "clusters.count": {
        "en": {"one": "{n} cluster", "other": "{n} clusters"},
        "pl": {"one": "{n} klaster", "few": "{n} klastry", "many": "{n} klastrów", "other": "{n} klastra"},
    },
    "clusters.table_title": {"en": "Clusters table", "pl": "Tabela klastrów"},
    "clusters.table_definition": {
        "en": "One row per cluster of the selection. Members are counted from the memberships sheet (all who ever "
        "joined); grants, deals and trading SMEs follow the funnel definitions under the filters. The trading SMEs "
        "of all rows may add up to more than the programme's total: an SME in two clusters counts in each row but "
        "once in the funnel.",
        "pl": "Jeden wiersz na każdy wybrany klaster. Członków liczy się z arkusza memberships (wszyscy, którzy "
        "kiedykolwiek przystąpili); granty, transakcje i MŚP handlujące za granicą liczy się według definicji "
        "lejka przy ustawionych filtrach. Suma MŚP ze wszystkich wierszy może przekroczyć łączną liczbę w "
        "programie: MŚP w dwóch klastrach liczy się w każdym wierszu, ale w lejku raz.",
    },
    "clusters.profile": {"en": "Cluster profile", "pl": "Profil klastra"},
    "clusters.pick": {"en": "Cluster", "pl": "Klaster"},
    "clusters.pick_help": {
        "en": "The table above is sorted by the furthest stage reached; pick any cluster to see its profile.",
        "pl": "Tabela powyżej jest uporządkowana według najdalszego etapu; wybierz klaster, aby zobaczyć jego profil.",
    },
    "clusters.detail.founded": {"en": "founded {value}", "pl": "założony w {value}"},
    "clusters.detail.status": {"en": "status {value}", "pl": "status {value}"},
    "clusters.detail.call": {"en": "call {value}", "pl": "nabór {value}"},
    "clusters.badge": {"en": "Furthest stage: {stage}", "pl": "Najdalszy etap: {stage}"},
    "clusters.card.members": {"en": "Members", "pl": "Członkowie"},
    "clusters.card.awarded": {"en": "Grants awarded", "pl": "Przyznane granty"},
    "clusters.card.deals": {"en": "Deals won or signed", "pl": "Transakcje wygrane lub podpisane"},
    "clusters.card.trading": {"en": "Trading SMEs", "pl": "MŚP z eksportem"},
    "clusters.card.trading_help": {
        "en": "Of the cluster's member SMEs, those counted among the programme's trading SMEs through this cluster.",
        "pl": "Spośród MŚP członkowskich klastra te, które liczą się przez ten klaster do MŚP handlujących za granicą.",
    },
    "clusters.tab.members": {"en": "Members", "pl": "Członkowie"},
    "clusters.tab.grants": {"en": "Grants", "pl": "Granty"},
    "clusters.tab.support": {"en": "Support received", "pl": "Otrzymane wsparcie"},
    "clusters.tab.deals": {"en": "Deals", "pl": "Transakcje"},
    "clusters.tab.exports": {"en": "Members' exports", "pl": "Eksport członków"},
    "clusters.members_caption": {"en": "{members}: {kinds}", "pl": "{members}: {kinds}"},
    "clusters.members_count": {
        "en": {"one": "{n} member", "other": "{n} members"},
        "pl": {"one": "{n} członek", "few": "{n} członków", "many": "{n} członków", "other": "{n} członka"},
    },
    "clusters.no_grants": {
        "en": "No grant applications of this cluster in the selected years.",
        "pl": "Brak wniosków grantowych tego klastra w wybranych latach.",
    },
    "clusters.grants_caption": {
        "en": "Each application: applied → decision → contract → end of the funded project.",
        "pl": "Każdy wniosek: złożenie → decyzja → umowa → koniec finansowanego projektu.",
    },
    "clusters.grants_title": {"en": "Grant timeline", "pl": "Przebieg grantów"},
    "clusters.grants_definition": {
        "en": "Every grant application of the cluster dated in the selected years (by its decision, else its "
        "application, else its contract), with its dates as the grants sheet records them.",
        "pl": "Każdy wniosek grantowy klastra datowany w wybranych latach (według decyzji, w jej braku złożenia, "
        "a w jego braku umowy), z datami zapisanymi w arkuszu grants.",
    },
    "clusters.no_support": {
        "en": "No support recorded for this cluster or its members in the selected years.",
        "pl": "Brak wsparcia zarejestrowanego dla tego klastra lub jego członków w wybranych latach.",
    },
    "clusters.support_what": {"en": "the support this cluster received", "pl": "wsparcie otrzymane przez klaster"},
    "clusters.services_count": {
        "en": {"one": "{n} service", "other": "{n} services"},
        "pl": {"one": "{n} usługa", "few": "{n} usługi", "many": "{n} usług", "other": "{n} usługi"},
    },
    "clusters.deals_what": {"en": "this cluster's deals", "pl": "transakcje tego klastra"},
    "clusters.no_deals": {
        "en": "No deals recorded for this cluster in the selected years.",
        "pl": "Brak transakcji tego klastra w wybranych latach.",
    },
    "clusters.deals_caption": {
        "en": "Deals by partner country; won and signed deals are business done.",
        "pl": "Transakcje według kraju partnera; wygrane i podpisane to transakcje zawarte.",
    },
    "clusters.deals_title": {"en": "Deals by partner country", "pl": "Transakcje według kraju partnera"},
    "clusters.deals_definition": {
        "en": "Every deal of the cluster dated in the selected years, by partner country and status. A won or "
        "signed deal after an implementation grant makes the cluster an exporting cluster.",
        "pl": "Każda transakcja klastra datowana w wybranych latach, według kraju partnera i statusu. Wygrana lub "
        "podpisana transakcja po grancie na wdrożenie czyni klaster eksportującym.",
    },
    "clusters.exports_what": {"en": "the members' exports", "pl": "eksport członków"},
    "clusters.no_exports": {
        "en": "No exports recorded for the members of this cluster in the selected years.",
        "pl": "Brak eksportu członków tego klastra w wybranych latach.",
    },
    "clusters.exports_caption": {
        "en": "Members with exports each year. SME exports from the year of the cluster's first award on can make "
        "the SME a trading SME.",
        "pl": "Członkowie z eksportem w kolejnych latach. Eksport MŚP od roku pierwszego grantu klastra może "
        "uczynić je MŚP handlującym za granicą.",
    },
    "clusters.exports_title": {"en": "Members exporting by year", "pl": "Członkowie eksportujący według lat"},
    "clusters.exports_definition": {
        "en": "Export rows of the cluster's members in the selected years; a member is counted once per year "
        "whatever the number of destination countries.",
        "pl": "Wiersze eksportu członków klastra w wybranych latach; członka liczy się raz w roku, niezależnie od "
        "liczby krajów docelowych.",
    },
    # ------------------------------------------------------------------ charts
    "chart.grants.application": {"en": "application", "pl": "wniosek"},
    "chart.grants.contracting": {"en": "contracting", "pl": "zawieranie umowy"},
    "chart.grants.project": {"en": "project", "pl": "projekt"},
    "chart.grants.decision": {"en": "decision (● awarded, ✕ not)", "pl": "decyzja (● przyznany, ✕ nie)"},
    "chart.grants.decision_hover": {"en": "decision", "pl": "decyzja"},
    "chart.deals.axis": {"en": "deals", "pl": "transakcje"},
    "chart.exports.after": {"en": "SMEs, from the award year", "pl": "MŚP, od roku grantu"},
    "chart.exports.before": {"en": "SMEs, before the award", "pl": "MŚP, przed grantem"},
    "chart.exports.other": {"en": "other members", "pl": "pozostali członkowie"},
    "chart.exports.year": {"en": "year", "pl": "rok"},
    "chart.exports.axis": {"en": "exporting members", "pl": "członkowie eksportujący"},
}
