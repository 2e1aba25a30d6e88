"""Writes the illustrative sample workbook ``data/sample/programme.xlsx`` in the canonical format.

The workbook is a fictitious reconstruction of the Co-operation Links Fund (Fundusz Powiązań
Kooperacyjnych) of the Torun Regional Development Agency (TARR), Kujawsko-Pomorskie, Poland, published
by Interreg Europe as the good practice "Clustering for International Markets". Every cluster, firm
and person is invented and marked "(sample)"; only the headline figures follow the published ones:
29 clusters with a strategy grant, 14 with an implementation grant, 10 doing business abroad, more than
80 trading SMEs and about EUR 3.4 m of agency co-financing (funnel definitions: docs PRODUCT.md).

Run ``python data/sample/make_sample.py`` or call ``write_sample(path)``. Everything is drawn from
``random.Random(SEED)`` and the file's timestamps are fixed, so the same seed gives the same bytes.
The rows are checked against the published figures and the fund's rules before anything is written.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import random
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

SEED = 2014
FX_TO_EUR = 0.2336  # EUR per PLN, about the 2014-2019 average rate
ALLOCATION_PLN = 20_120_000  # the EUR 4.7 m launch allocation
AWARDED_TARGET_PLN = 14_555_000  # about EUR 3.40 m of awarded grants
TRADING_SMES = 86
PROGRAMME_START, PROGRAMME_END = dt.date(2014, 1, 1), dt.date(2019, 12, 31)
FILE_TIMESTAMP = dt.datetime(2019, 12, 31, 12, 0, 0)

COLUMNS = {
    "programme": [
        "programme_id",
        "name",
        "managing_body",
        "region",
        "country",
        "currency",
        "fx_to_eur",
        "start_date",
        "end_date",
        "budget_allocated",
    ],
    "clusters": ["cluster_id", "name", "sector", "nace", "subregion", "founded", "status"],
    "organisations": ["org_id", "name", "org_type", "size_class", "nace", "subregion", "sole_trader"],
    "memberships": ["cluster_id", "org_id", "role", "joined", "left"],
    "grants": [
        "grant_id",
        "cluster_id",
        "stage",
        "call",
        "applied",
        "decision",
        "decision_date",
        "contract_date",
        "end_date",
        "eligible_cost",
        "grant_amount",
        "paid_amount",
        "private_contribution",
    ],
    "support": ["support_id", "cluster_id", "org_id", "type", "date", "country", "provider"],
    "readiness": ["org_id", "date", "dimension", "score", "max_score"],
    "deals": ["deal_id", "cluster_id", "type", "partner_country", "status", "date", "value", "via_een"],
    "exports": ["org_id", "year", "country", "value", "first_time", "source", "verified"],
    "targets": ["indicator", "target", "baseline", "unit"],
}
MONEY_COLUMNS = {"budget_allocated", "eligible_cost", "grant_amount", "paid_amount", "private_contribution", "value"}

# name, sector, NACE Rev. 2, subregion, word used in member firms' names
CLUSTER_PROFILES = [
    ("Vistula Plastics Cluster (sample)", "plastics", "22.29", "Bydgoszcz", "Plast"),
    ("Polymer Meadow Cluster (sample)", "plastics", "22.21", "Toruń", "Polimer"),
    ("Brda Tooling and Moulds Cluster (sample)", "metal processing", "25.73", "Bydgoszcz", "Narzędzia"),
    ("Kujawy Harvest Food Cluster (sample)", "food processing", "10.39", "Inowrocław", "Food"),
    ("Gingerbread Lane Confectionery Cluster (sample)", "food processing", "10.82", "Toruń", "Słodycz"),
    ("Lakeside Dairy Cluster (sample)", "food processing", "10.51", "Brodnica", "Mleko"),
    ("Meadowfield Meat and Poultry Cluster (sample)", "food processing", "10.13", "Rypin", "Mięso"),
    ("Gothic Code ICT Cluster (sample)", "ICT", "62.01", "Toruń", "Soft"),
    ("Riverside Software Cluster (sample)", "ICT", "62.02", "Bydgoszcz", "Data"),
    ("Crossroads Logistics Cluster (sample)", "logistics", "52.29", "Świecie", "Trans"),
    ("Amber Route Freight Cluster (sample)", "logistics", "49.41", "Grudziądz", "Cargo"),
    ("Pinewood Furniture Cluster (sample)", "furniture", "31.09", "Tuchola", "Meble"),
    ("Krajna Woodcraft Cluster (sample)", "wood products", "16.23", "Sępólno Krajeńskie", "Drewno"),
    ("MedTech Meander Cluster (sample)", "medical devices", "32.50", "Bydgoszcz", "Med"),
    ("Brine Spa Health Tourism Cluster (sample)", "tourism", "55.10", "Aleksandrów Kujawski", "Spa"),
    ("Lake District Tourism Cluster (sample)", "tourism", "79.90", "Brodnica", "Tour"),
    ("Green Current Energy Cluster (sample)", "energy", "35.11", "Włocławek", "Energia"),
    ("Biogas Fields Cluster (sample)", "energy", "35.21", "Rypin", "Bio"),
    ("Anvil and Lathe Metalworks Cluster (sample)", "metal processing", "25.62", "Grudziądz", "Metal"),
    ("Cast Iron Works Cluster (sample)", "metal processing", "24.51", "Chełmno", "Odlew"),
    ("Building Envelope Cluster (sample)", "construction", "43.29", "Toruń", "Bud"),
    ("Timber Frame Housing Cluster (sample)", "construction", "41.20", "Chełmno", "Dom"),
    ("Soda Valley Chemicals Cluster (sample)", "chemicals", "20.13", "Inowrocław", "Chem"),
    ("Lower Vistula Chemistry Cluster (sample)", "chemicals", "20.16", "Włocławek", "Syntez"),
    ("Herbal Meadow Cosmetics Cluster (sample)", "chemicals", "20.42", "Mogilno", "Kosmetyk"),
    ("Print and Pack Cluster (sample)", "printing and packaging", "18.12", "Bydgoszcz", "Print"),
    ("Smart Carton Packaging Cluster (sample)", "printing and packaging", "17.21", "Świecie", "Pak"),
    ("Agro-Machinery Cluster (sample)", "machinery", "28.30", "Golub-Dobrzyń", "Agro"),
    ("Greenhouse Growers Cluster (sample)", "horticulture", "01.13", "Żnin", "Ogród"),
    ("Signal and Sensor Electronics Cluster (sample)", "electronics", "26.51", "Toruń", "Elektro"),
    ("Axle and Gear Automotive Cluster (sample)", "automotive parts", "29.32", "Włocławek", "Auto"),
    ("Creative Yard Design Cluster (sample)", "creative industries", "74.10", "Toruń", "Design"),
    ("Clearwater Environment Cluster (sample)", "environmental technology", "39.00", "Bydgoszcz", "Eko"),
    ("Canal Boatbuilders Cluster (sample)", "boatbuilding", "30.12", "Nakło nad Notecią", "Jacht"),
]
SUBREGIONS = sorted({profile[3] for profile in CLUSTER_PROFILES} | {"Lipno", "Wąbrzeźno", "Radziejów"})

# What happens to each cluster; the first two fates reach stage II, the first five stage I.
FATES = {
    "exporting": 10,
    "implemented": 4,
    "implementation_rejected": 7,
    "implementation_withdrawn": 2,
    "strategy_only": 6,
    "strategy_rejected": 3,
    "strategy_withdrawn": 1,
    "never_applied": 1,
}
STAGE_TWO = ("exporting", "implemented")
STAGE_ONE = (*STAGE_TWO, "implementation_rejected", "implementation_withdrawn", "strategy_only")
LATE_STRATEGY_CLUSTERS = 9  # stage-I clusters funded in the second strategy call

# call: stage, application window, decision window
CALLS = {
    "2014/I": (
        "strategy",
        (dt.date(2014, 3, 3), dt.date(2014, 4, 30)),
        (dt.date(2014, 6, 2), dt.date(2014, 7, 31)),
    ),
    "2015/I": (
        "strategy",
        (dt.date(2015, 2, 2), dt.date(2015, 3, 31)),
        (dt.date(2015, 5, 4), dt.date(2015, 6, 30)),
    ),
    "2015/II": (
        "implementation",
        (dt.date(2015, 9, 1), dt.date(2015, 10, 30)),
        (dt.date(2016, 1, 11), dt.date(2016, 3, 31)),
    ),
    "2016/II": (
        "implementation",
        (dt.date(2016, 9, 1), dt.date(2016, 10, 31)),
        (dt.date(2017, 1, 9), dt.date(2017, 3, 31)),
    ),
}
# stage: highest grant, highest co-financing rate
GRANT_RULES = {"strategy": (100_000, 0.95), "implementation": (3_000_000, 0.85)}

UNIVERSITIES = [
    ("Brda Valley University of Technology (sample)", "Bydgoszcz", 4),
    ("Riverbend University (sample)", "Toruń", 3),
    ("Kujawy School of Economics and Trade (sample)", "Włocławek", 2),
    ("Gopło Academy of Applied Sciences (sample)", "Inowrocław", 1),
]
RESEARCH_ORGS = [
    ("Institute of Polymer Trials (sample)", "Toruń"),
    ("Food Quality Mock Institute (sample)", "Bydgoszcz"),
    ("Kujawy Energy Research Centre (sample)", "Włocławek"),
    ("Timber and Furniture Test Lab (sample)", "Tuchola"),
    ("Applied Chemistry Invented Institute (sample)", "Inowrocław"),
]
BUSINESS_SUPPORT = [
    ("Technopark Wzorcowo (sample)", "Toruń"),
    ("Przykładowa Izba Gospodarcza (sample)", "Bydgoszcz"),
    ("Fundacja Klastrów Fikcyjnych (sample)", "Toruń"),
    ("Inkubator Próbka (sample)", "Włocławek"),
    ("Grudziądz Make-Believe Enterprise Centre (sample)", "Grudziądz"),
    ("Export Bridge Association (sample)", "Bydgoszcz"),
    ("Brodnica Imaginary Business Hub (sample)", "Brodnica"),
    ("Kujawy Placeholder Chamber of Crafts (sample)", "Inowrocław"),
    ("Lower Vistula Mock Development Foundation (sample)", "Chełmno"),
    ("Tuchola Forest Invented Business Centre (sample)", "Tuchola"),
]
LOCAL_AUTHORITIES = [
    "Gmina Przykładowo",
    "Gmina Wzorcowo",
    "Gmina Próbna Wola",
    "Powiat Fikcyjny",
    "Gmina Zmyślone Pole",
    "Gmina Nowa Próbka",
    "Miasto Makietowo",
    "Gmina Testowice",
]
# name, NACE, subregion, sector of the clusters it joins
LARGE_ENTERPRISES = [
    ("Wzorcowe Zakłady Chemiczne S.A. (sample)", "20.15", "Włocławek", "chemicals"),
    ("Fikcja Foods Polska S.A. (sample)", "10.39", "Inowrocław", "food processing"),
    ("Przykład Logistics S.A. (sample)", "52.10", "Świecie", "logistics"),
    ("Makieta Steel Structures S.A. (sample)", "25.11", "Grudziądz", "metal processing"),
    ("Atrapa Paper and Board S.A. (sample)", "17.12", "Świecie", "printing and packaging"),
    ("Demo Power Grid S.A. (sample)", "35.12", "Bydgoszcz", "energy"),
]
OTHER_ORGS = [
    ("Stowarzyszenie Przykładowych Eksporterów (sample)", "94.12", "Toruń"),
    ("Zespół Szkół Zmyślonych (sample)", "85.32", "Grudziądz"),
    ("Fundacja Wzorcowa (sample)", "94.99", "Bydgoszcz"),
    ("Cech Rzemiosł Próbnych (sample)", "94.12", "Włocławek"),
]
UNATTACHED_OTHER = ("Bank Spółdzielczy Makieta (sample)", "64.19", "Rypin")

FIRM_STEMS = [
    "Przykład",
    "Wzorzec",
    "Próbka",
    "Makieta",
    "Szkic",
    "Atrapa",
    "Fikcja",
    "Zmyśl",
    "Pozór",
    "Projekt",
    "Mockup",
    "Placeholder",
    "Examplo",
    "Fictiva",
    "Inventa",
    "Madeup",
    "Pretendo",
    "Imagino",
    "Demo",
    "Prototyp",
    "Wirtual",
    "Test",
    "Ersatz",
    "Iluzja",
    "Fantom",
    "Bajka",
    "Kukła",
    "Wydmuszka",
    "Zamysł",
    "Dummy",
]
LEGAL_FORMS = ["Sp. z o.o."] * 6 + ["sp.j."] * 2 + ["sp.k."]
FIRST_NAMES = {
    "m": ["Jan", "Piotr", "Marek", "Tomasz", "Krzysztof", "Paweł"],
    "f": ["Anna", "Katarzyna", "Małgorzata", "Agnieszka", "Ewa", "Joanna"],
}
SURNAMES = {
    "m": ["Przykładowski", "Zmyślony", "Fikcyjny", "Wzorcowy", "Próbkowski", "Testowy"],
    "f": ["Przykładowska", "Zmyślona", "Fikcyjna", "Wzorcowa", "Próbkowska", "Testowa"],
}

COUNTRY_WEIGHTS = {
    "DE": 22,
    "CZ": 9,
    "UA": 8,
    "LT": 6,
    "SE": 6,
    "SK": 5,
    "DK": 5,
    "NO": 5,
    "NL": 5,
    "LV": 4,
    "FR": 4,
    "GB": 4,
    "FI": 3,
    "IT": 3,
    "AT": 3,
    "BY": 3,
    "US": 3,
    "EE": 2,
    "ES": 2,
    "HU": 2,
    "BE": 2,
    "CN": 2,
}
DEAL_TYPES_BY_STATUS = {
    "won": ["contract", "joint_bid"],
    "lost": ["contract", "joint_bid"],
    "signed": ["contract", "mou", "distribution_agreement", "partnership_agreement"],
    "submitted": ["contract", "joint_bid", "mou", "distribution_agreement", "partnership_agreement"],
}
# deal statuses of the stage-II clusters that did no business abroad
UNSUCCESSFUL_DEALS = [["lost", "submitted"], ["lost"], ["submitted"], []]
DIMENSIONS = ["strategy", "marketing", "finance", "production", "languages", "logistics"]
CONSULTANCIES = [
    "Export Compass Advisers (sample)",
    "Przykład Consulting (sample)",
    "Northbound Trade Partners (sample)",
]
TARGETS = [
    ("supported_clusters", 25, 0, "clusters"),
    ("implementation_grants", 12, 0, "clusters"),
    ("exporting_clusters", 8, 0, "clusters"),
    ("trading_smes", 80, 0, "SMEs"),
    ("assessed_smes", 80, 0, "SMEs"),
    ("cofinancing_eur", 4_700_000, 0, "EUR"),
    # EU common indicators (PRODUCT.md part 2): a target may name the 2021-2027 or the 2014-2020 code
    ("RCO01", 250, 0, "enterprises"),
    ("CO02", 220, 0, "enterprises"),
    ("RCO04", 240, 0, "enterprises"),
    ("RCR02", 1_000_000, 0, "EUR"),
]


@dataclass
class Cluster:
    """A cluster and the internal plan of what happens to it (only the contract columns are written)."""

    cluster_id: str
    name: str
    sector: str
    nace: str
    subregion: str
    word: str
    fate: str
    founded: int
    strategy_call: str | None = None
    award_date: dt.date | None = None
    strategy_period: tuple[dt.date, dt.date] | None = None
    implementation_period: tuple[dt.date, dt.date] | None = None


def random_date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    """A uniformly drawn day from start to end, both included."""
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def log_uniform(rng: random.Random, low: float, high: float, step: int = 1000) -> int:
    """An amount between low and high, evenly spread on a log scale, rounded to step."""
    return round(math.exp(rng.uniform(math.log(low), math.log(high))) / step) * step


def pick_countries(rng: random.Random, count: int) -> list[str]:
    """count distinct destination countries, weighted towards the fund's main markets."""
    chosen: list[str] = []
    while len(chosen) < count:
        country = rng.choices(list(COUNTRY_WEIGHTS), weights=list(COUNTRY_WEIGHTS.values()))[0]
        if country not in chosen:
            chosen.append(country)
    return chosen


def floor_hundred(amount: float) -> int:
    """The amount rounded down to whole hundreds (grants are never rounded up past a cap or rate)."""
    return int(amount // 100) * 100


def plan_clusters(rng: random.Random) -> list[Cluster]:
    """Gives each cluster profile a fate, a founding year and (for stage-I clusters) its strategy call."""
    fates = [fate for fate, count in FATES.items() for _ in range(count)]
    rng.shuffle(fates)
    clusters = [
        Cluster(f"CL{i:02d}", name, sector, nace, subregion, word, fate, rng.randint(2006, 2013))
        for i, ((name, sector, nace, subregion, word), fate) in enumerate(zip(CLUSTER_PROFILES, fates, strict=True), 1)
    ]
    stage_one = [c for c in clusters if c.fate in STAGE_ONE]
    late = {c.cluster_id for c in rng.sample(stage_one, LATE_STRATEGY_CLUSTERS)}
    for cluster in stage_one:
        cluster.strategy_call = "2015/I" if cluster.cluster_id in late else "2014/I"
    return clusters


def plan_applications(rng: random.Random, clusters: list[Cluster]) -> list[tuple[Cluster, str, str]]:
    """(cluster, call, decision) for every application, including resubmissions after a rejection."""
    applications = []
    late = [c for c in clusters if c.strategy_call == "2015/I"]
    resubmitted_strategy = late[0]
    early_stage_two = [c for c in clusters if c.fate in STAGE_TWO and c.strategy_call == "2014/I"]
    resubmitted_implementation = early_stage_two[:2]
    for cluster in clusters:
        if cluster is resubmitted_strategy:
            applications.append((cluster, "2014/I", "rejected"))
        if cluster.fate in STAGE_ONE:
            applications.append((cluster, cluster.strategy_call, "awarded"))
        elif cluster.fate == "strategy_rejected":
            applications.append((cluster, "2014/I", "rejected"))
        elif cluster.fate == "strategy_withdrawn":
            applications.append((cluster, "2014/I", "withdrawn"))
        second_call = "2016/II" if cluster.strategy_call == "2015/I" else rng.choice(["2015/II", "2015/II", "2016/II"])
        if cluster in resubmitted_implementation:
            applications.append((cluster, "2015/II", "rejected"))
            second_call = "2016/II"
        if cluster.fate in STAGE_TWO:
            applications.append((cluster, second_call, "awarded"))
        elif cluster.fate == "implementation_rejected":
            applications.append((cluster, second_call, "rejected"))
        elif cluster.fate == "implementation_withdrawn":
            applications.append((cluster, second_call, "withdrawn"))
    rejected_twice = next(c for c in clusters if c.fate == "strategy_rejected")
    applications.append((rejected_twice, "2015/I", "rejected"))
    return sorted(applications, key=lambda app: (list(CALLS).index(app[1]), app[0].cluster_id))


def make_grants(rng: random.Random, clusters: list[Cluster]) -> list[dict]:
    """Grant rows in PLN within the fund's caps and rates; awarded grants add up to AWARDED_TARGET_PLN."""
    rows = []
    numbers: dict[str, int] = defaultdict(int)
    for cluster, call, decision in plan_applications(rng, clusters):
        stage, applied_window, decision_window = CALLS[call]
        numbers[call] += 1
        row = {
            "grant_id": f"FPK-{call.replace('/', '-')}-{numbers[call]:02d}",
            "cluster_id": cluster.cluster_id,
            "stage": stage,
            "call": call,
            "applied": random_date(rng, *applied_window),
            "decision": decision,
        }
        if decision != "withdrawn":
            row["decision_date"] = random_date(rng, *decision_window)
        if stage == "strategy":
            row["eligible_cost"] = rng.randint(700, 1120) * 100
        elif decision != "awarded":  # awarded implementation costs follow from the grant (set_amounts)
            row["eligible_cost"] = log_uniform(rng, 500_000, 3_500_000, 100)
        if decision == "awarded":
            schedule_awarded(rng, cluster, row)
        rows.append(row)
    set_amounts(rng, [row for row in rows if row["decision"] == "awarded"])
    return rows


def schedule_awarded(rng: random.Random, cluster: Cluster, row: dict) -> None:
    """Contract and end dates of an awarded grant, remembered on the cluster for later events."""
    contract = row["decision_date"] + dt.timedelta(days=rng.randint(14, 75))
    if row["stage"] == "strategy":
        end = contract + dt.timedelta(days=rng.randint(180, 300))
        cluster.award_date = row["decision_date"]
        cluster.strategy_period = (contract, end)
    else:
        end = min(PROGRAMME_END, contract + dt.timedelta(days=rng.randint(540, 900)))
        cluster.implementation_period = (contract, end)
    row["contract_date"], row["end_date"] = contract, end


def set_amounts(rng: random.Random, awarded: list[dict]) -> None:
    """Grant, paid and private amounts; implementation grants share what strategy grants leave of the target."""
    for row in awarded:
        if row["stage"] == "strategy":
            rate = rng.choice([0.95, 0.95, 0.95, 0.9, 0.85])
            row["grant_amount"] = min(GRANT_RULES["strategy"][0], floor_hundred(row["eligible_cost"] * rate))
    implementation = [row for row in awarded if row["stage"] == "implementation"]
    remaining = AWARDED_TARGET_PLN - sum(row["grant_amount"] for row in awarded if row["stage"] == "strategy")
    weights = [rng.uniform(0.4, 1.8) for _ in implementation]
    for row, weight in zip(implementation, weights, strict=True):
        row["grant_amount"] = min(GRANT_RULES["implementation"][0], floor_hundred(remaining * weight / sum(weights)))
        row["eligible_cost"] = math.ceil(row["grant_amount"] / rng.uniform(0.6, 0.85) / 100) * 100
    for row in awarded:
        fully_paid = rng.random() < (0.85 if row["stage"] == "strategy" else 0.65)
        row["paid_amount"] = (
            row["grant_amount"] if fully_paid else floor_hundred(row["grant_amount"] * rng.uniform(0.86, 0.99))
        )
        row["private_contribution"] = row["eligible_cost"] - row["grant_amount"]


class Registry:
    """Organisation rows with sequential IDs and unique names."""

    def __init__(self) -> None:
        self.rows: list[dict] = []
        self.names: set[str] = set()

    def add(
        self,
        name: str,
        org_type: str,
        nace: str,
        subregion: str,
        size_class: str | None = None,
        sole_trader: bool = False,
    ) -> str:
        org_id = f"O{len(self.rows) + 1:03d}"
        self.names.add(name)
        self.rows.append(
            {
                "org_id": org_id,
                "name": name,
                "org_type": org_type,
                "size_class": size_class,
                "nace": nace,
                "subregion": subregion,
                "sole_trader": sole_trader,
            }
        )
        return org_id

    def add_sme(self, rng: random.Random, cluster: Cluster, size_class: str | None = None) -> str:
        """An invented firm in the cluster's sector, mostly in the cluster's subregion."""
        size_class = size_class or rng.choices(["micro", "small", "medium"], weights=[45, 35, 20])[0]
        sole_trader = size_class == "micro" and rng.random() < 0.2
        name = ""
        while not name or name in self.names:
            if sole_trader:
                sex = rng.choice("mf")
                name = f"{cluster.word}-Serwis {rng.choice(FIRST_NAMES[sex])} {rng.choice(SURNAMES[sex])} (sample)"
            else:
                legal = "S.A." if size_class == "medium" and rng.random() < 0.15 else rng.choice(LEGAL_FORMS)
                name = f"{rng.choice(FIRM_STEMS)}-{cluster.word} {legal} (sample)"
        subregion = cluster.subregion if rng.random() < 0.75 else rng.choice(SUBREGIONS)
        return self.add(name, "sme", cluster.nace, subregion, size_class, sole_trader)


def make_institutions(registry: Registry) -> dict[str, list[str]]:
    """The universities, research bodies, support institutions, authorities, large firms and others."""
    ids: dict[str, list[str]] = defaultdict(list)
    for name, subregion, _ in UNIVERSITIES:
        ids["university"].append(registry.add(name, "university", "85.42", subregion))
    for name, subregion in RESEARCH_ORGS:
        ids["research_org"].append(registry.add(name, "research_org", "72.19", subregion))
    for name, subregion in BUSINESS_SUPPORT:
        ids["business_support"].append(registry.add(name, "business_support", "70.22", subregion))
    for i, name in enumerate(LOCAL_AUTHORITIES):
        ids["local_authority"].append(registry.add(f"{name} (sample)", "local_authority", "84.11", SUBREGIONS[i * 2]))
    for name, nace, subregion, _ in LARGE_ENTERPRISES:
        ids["large_enterprise"].append(registry.add(name, "large_enterprise", nace, subregion, "large"))
    for name, nace, subregion in OTHER_ORGS:
        ids["other"].append(registry.add(name, "other", nace, subregion))
    return ids


def cluster_members(
    rng: random.Random, registry: Registry, cluster: Cluster, institutions: dict[str, list[str]]
) -> list[tuple[str, str]]:
    """(org_id, role) for one cluster: a coordinator, 6-15 members in all, mostly SMEs."""
    if rng.random() < 0.7:
        coordinator = rng.choice(institutions["business_support"])
    else:
        coordinator = registry.add_sme(rng, cluster, rng.choice(["small", "medium"]))
    others = []
    if rng.random() < 0.65:
        others.append(rng.choices(institutions["university"], weights=[u[2] for u in UNIVERSITIES])[0])
    for org_type, chance in [
        ("research_org", 0.3),
        ("local_authority", 0.35),
        ("other", 0.15),
        ("business_support", 0.15),
    ]:
        candidate = rng.choice(institutions[org_type])
        if rng.random() < chance and candidate != coordinator:
            others.append(candidate)
    for org_id, (_, _, _, sector) in zip(institutions["large_enterprise"], LARGE_ENTERPRISES, strict=True):
        if sector == cluster.sector and rng.random() < 0.75:
            others.append(org_id)
    smes = max(3, rng.randint(6, 15) - 1 - len(others))
    others += [registry.add_sme(rng, cluster) for _ in range(smes)]
    return [(coordinator, "coordinator")] + [(org_id, "member") for org_id in others]


def make_memberships(rng: random.Random, clusters: list[Cluster]) -> tuple[Registry, list[dict], list[str]]:
    """Organisations and memberships; returns the SMEs that belong to two clusters as well."""
    registry = Registry()
    institutions = make_institutions(registry)
    rows = []
    for cluster in clusters:
        start = dt.date(cluster.founded, 1, 1)
        latest_join = cluster.award_date or dt.date(2014, 12, 31)
        for org_id, role in cluster_members(rng, registry, cluster, institutions):
            if role == "coordinator":
                joined = start + dt.timedelta(days=rng.randint(0, 180))
            elif cluster.award_date and rng.random() < 0.15:  # joined once the cluster was funded
                joined = random_date(rng, latest_join, dt.date(2016, 12, 31))
            else:
                joined = random_date(rng, start, latest_join)
            rows.append({"cluster_id": cluster.cluster_id, "org_id": org_id, "role": role, "joined": joined})
    in_a_cluster = {row["org_id"] for row in rows}
    for org_id in sorted(set().union(*institutions.values()) - in_a_cluster):
        join_another_cluster(rng, clusters, rows, org_id)
    doubles = add_second_memberships(rng, registry, clusters, rows)
    for _, _, nace, subregion, word in CLUSTER_PROFILES[:4]:  # firms in no cluster
        registry.add(f"Samotnik-{word} Sp. z o.o. (sample)", "sme", nace, subregion, rng.choice(["micro", "small"]))
    name, nace, subregion = UNATTACHED_OTHER
    registry.add(name, "other", nace, subregion)
    return registry, rows, doubles


def join_another_cluster(rng: random.Random, clusters: list[Cluster], rows: list[dict], org_id: str) -> None:
    """The organisation joins, in 2014-2016, a cluster it is not yet in that has fewer than 15 members."""
    sizes: dict[str, int] = defaultdict(int)
    for row in rows:
        sizes[row["cluster_id"]] += 1
    already = {row["cluster_id"] for row in rows if row["org_id"] == org_id}
    cluster = rng.choice([c for c in clusters if c.cluster_id not in already and sizes[c.cluster_id] < 15])
    joined = random_date(rng, dt.date(2014, 1, 1), dt.date(2016, 6, 30))
    rows.append({"cluster_id": cluster.cluster_id, "org_id": org_id, "role": "member", "joined": joined})


def add_second_memberships(
    rng: random.Random, registry: Registry, clusters: list[Cluster], rows: list[dict]
) -> list[str]:
    """Six SMEs of stage-I clusters also join a second cluster."""
    sme_ids = {row["org_id"] for row in registry.rows if row["org_type"] == "sme"}
    stage_one = {c.cluster_id for c in clusters if c.fate in STAGE_ONE}
    candidates = [
        row["org_id"]
        for row in rows
        if row["org_id"] in sme_ids and row["role"] == "member" and row["cluster_id"] in stage_one
    ]
    doubles = rng.sample(candidates, 6)
    for org_id in doubles:
        join_another_cluster(rng, clusters, rows, org_id)
    return doubles


def export_rows(
    rng: random.Random, org_id: str, years: list[int], countries: list[str], base: int, first_time: bool
) -> list[dict]:
    """Yearly export rows to the given countries; later countries are added over the years."""
    rows = []
    for n, year in enumerate(years):
        for k, country in enumerate(countries):
            if k and n < k:
                continue
            source = rng.choices(["survey", "report", "registry"], weights=[55, 35, 10])[0]
            rows.append(
                {
                    "org_id": org_id,
                    "year": year,
                    "country": country,
                    "value": round(base * (1.12**n) * rng.uniform(0.5, 1.2) / 1000) * 1000,
                    "first_time": first_time and n == 0,
                    "source": source,
                    "verified": source != "survey" or rng.random() < 0.4,
                }
            )
    return rows


def first_award_years(clusters: list[Cluster], memberships: list[dict]) -> dict[str, int]:
    """For each organisation in a stage-I cluster, the earliest award year among its clusters."""
    award_year = {c.cluster_id: c.award_date.year for c in clusters if c.award_date}
    years: dict[str, int] = {}
    for row in memberships:
        if row["cluster_id"] in award_year:
            years[row["org_id"]] = min(years.get(row["org_id"], 9999), award_year[row["cluster_id"]])
    return years


def choose_trading(
    rng: random.Random, clusters: list[Cluster], memberships: list[dict], smes: set[str], doubles: list[str]
) -> list[str]:
    """TRADING_SMES SMEs of stage-I clusters, members of stage-II clusters more likely, two double members."""
    fate = {c.cluster_id: c.fate for c in clusters}
    weight: dict[str, float] = {}
    for row in memberships:
        if row["org_id"] in smes and fate[row["cluster_id"]] in STAGE_ONE:
            w = {"exporting": 3.0, "implemented": 2.0}.get(fate[row["cluster_id"]], 1.0)
            weight[row["org_id"]] = max(w, weight.get(row["org_id"], 0))
    forced = [org_id for org_id in doubles if org_id in weight][:2]
    pool = sorted(org_id for org_id in weight if org_id not in forced)
    keys = {org_id: rng.random() ** (1 / weight[org_id]) for org_id in pool}
    return forced + sorted(pool, key=lambda org_id: -keys[org_id])[: TRADING_SMES - len(forced)]


def make_exports(
    rng: random.Random,
    clusters: list[Cluster],
    registry: Registry,
    memberships: list[dict],
    doubles: list[str],
) -> tuple[list[dict], list[str], dict[str, list[str]]]:
    """Export rows for trading SMEs and for the cases the funnel must not count."""
    orgs = {row["org_id"]: row for row in registry.rows}
    smes = {org_id for org_id, row in orgs.items() if row["org_type"] == "sme"}
    award_years = first_award_years(clusters, memberships)
    trading = choose_trading(rng, clusters, memberships, smes, doubles)
    base_value = {"micro": (15_000, 250_000), "small": (60_000, 900_000), "medium": (250_000, 4_000_000)}
    rows = []
    for org_id in trading:
        countries = pick_countries(rng, rng.choice([1, 1, 2, 2, 3, 4]))
        base = log_uniform(rng, *base_value[orgs[org_id]["size_class"]])
        if rng.random() < 0.35:  # exported before the programme
            rows += export_rows(rng, org_id, list(range(2014, 2020)), countries, base, first_time=False)
        else:
            first = min(2019, award_years[org_id] + rng.choice([0, 1, 1, 2, 2, 3, 4]))
            years = [first] + [year for year in range(first + 1, 2020) if rng.random() < 0.8]
            rows += export_rows(rng, org_id, years, countries, base, first_time=True)
    members = sorted({row["org_id"] for row in memberships})
    late_only = [o for o in members if o in smes and award_years.get(o) == 2015 and o not in trading]
    outside = [o for o in members if o in smes and o not in award_years]
    cases = {
        "exported_before_award": rng.sample(late_only, 6),
        "sme_of_non_awarded_cluster": rng.sample(outside, 4),
        "non_sme_member": [o for o in members if orgs[o]["org_type"] == "large_enterprise"]
        + [
            next(o for o in members if orgs[o]["org_type"] == "university"),
            next(o for o in members if orgs[o]["org_type"] == "research_org"),
        ],
        "in_no_cluster": [o for o in sorted(smes) if o not in members][:3],
    }
    for org_id in cases["exported_before_award"]:
        rows += export_rows(
            rng,
            org_id,
            [2014],
            pick_countries(rng, rng.choice([1, 2])),
            log_uniform(rng, 20_000, 300_000),
            first_time=False,
        )
    for org_id in cases["sme_of_non_awarded_cluster"] + cases["in_no_cluster"]:
        rows += export_rows(
            rng,
            org_id,
            list(range(rng.randint(2015, 2018), 2020)),
            pick_countries(rng, 2),
            log_uniform(rng, 30_000, 600_000),
            first_time=False,
        )
    for org_id in cases["non_sme_member"]:
        large = orgs[org_id]["org_type"] == "large_enterprise"
        rows += export_rows(
            rng,
            org_id,
            list(range(2014 if large else 2017, 2020)),
            pick_countries(rng, rng.randint(3, 5) if large else 2),
            log_uniform(rng, *((5_000_000, 60_000_000) if large else (150_000, 600_000))),
            first_time=False,
        )
    return sorted(rows, key=lambda r: (r["org_id"], r["year"], r["country"])), trading, cases


def mark_leavers(rng: random.Random, memberships: list[dict], smes: set[str], exporters: set[str]) -> None:
    """A few non-exporting SME members leave their cluster in 2016-2019."""
    for row in memberships:
        stays = row["org_id"] not in smes or row["org_id"] in exporters or row["role"] == "coordinator"
        if not stays and rng.random() < 0.06:
            row["left"] = random_date(rng, max(row["joined"], dt.date(2016, 1, 1)), PROGRAMME_END)


def make_deals(rng: random.Random, clusters: list[Cluster]) -> tuple[list[dict], str]:
    """Deals of stage-II clusters, plus one signed deal of a cluster without an implementation grant."""
    rows = []
    unsuccessful = iter(UNSUCCESSFUL_DEALS)
    for cluster in clusters:
        if cluster.fate == "exporting":
            more = rng.choices(["won", "signed", "lost", "submitted"], weights=[3, 3, 2, 2], k=rng.randint(1, 4))
            statuses = [rng.choice(["won", "signed"]), *more]
        elif cluster.fate == "implemented":
            statuses = next(unsuccessful)
        else:
            continue
        start = cluster.implementation_period[0]
        for status in statuses:
            rows.append(deal(rng, cluster, status, random_date(rng, start + dt.timedelta(days=60), PROGRAMME_END)))
    orphan = next(c for c in clusters if c.fate == "implementation_rejected")
    rows.append(deal(rng, orphan, "signed", random_date(rng, dt.date(2018, 5, 1), dt.date(2018, 10, 31))))
    rows.sort(key=lambda r: (r["date"], r["cluster_id"]))
    for i, row in enumerate(rows, 1):
        row["deal_id"] = f"DL{i:03d}"
    return rows, orphan.cluster_id


def deal(rng: random.Random, cluster: Cluster, status: str, date: dt.date) -> dict:
    """One deal with a type that fits its status and a value in PLN where one is usual."""
    deal_type = rng.choice(DEAL_TYPES_BY_STATUS[status])
    value = {
        "contract": (80_000, 4_000_000),
        "joint_bid": (150_000, 6_000_000),
        "distribution_agreement": (100_000, 1_500_000),
    }.get(deal_type)
    return {
        "cluster_id": cluster.cluster_id,
        "type": deal_type,
        "partner_country": pick_countries(rng, 1)[0],
        "status": status,
        "date": date,
        "value": log_uniform(rng, *value) if value else None,
        "via_een": rng.random() < 0.3,
    }


def make_readiness(
    rng: random.Random, clusters: list[Cluster], memberships: list[dict], smes: set[str], trading: list[str]
) -> list[dict]:
    """Export-readiness scores: a first assessment after the award, a later one for most firms."""
    award = {c.cluster_id: c.award_date for c in clusters if c.award_date}
    first_award: dict[str, dt.date] = {}
    for row in memberships:
        if row["org_id"] in smes and row["cluster_id"] in award:
            first_award[row["org_id"]] = min(first_award.get(row["org_id"], dt.date.max), award[row["cluster_id"]])
    others = sorted(o for o in first_award if o not in trading)
    assessed = sorted(rng.sample(sorted(trading), round(len(trading) * 0.7)) + rng.sample(others, 25))
    rows = []
    for org_id in assessed:
        max_score = rng.choice([5, 5, 10])
        dimensions = sorted(rng.sample(DIMENSIONS, rng.randint(4, 6)), key=DIMENSIONS.index)
        level = rng.uniform(0.3, 0.7)
        first = min(dt.date(2017, 12, 31), first_award[org_id] + dt.timedelta(days=rng.randint(30, 240)))
        scores = {
            d: min(max_score, max(1, round(level * max_score + rng.gauss(0, max_score * 0.12)))) for d in dimensions
        }
        rows += [
            {"org_id": org_id, "date": first, "dimension": d, "score": s, "max_score": max_score}
            for d, s in scores.items()
        ]
        second = first + dt.timedelta(days=rng.randint(365, 900))
        if rng.random() < 0.65 and second <= PROGRAMME_END:
            step = max_score // 5
            rows += [
                {
                    "org_id": org_id,
                    "date": second,
                    "dimension": d,
                    "score": min(max_score, max(1, s + step * rng.choice([-1, 0, 1, 1, 1, 2]))),
                    "max_score": max_score,
                }
                for d, s in scores.items()
            ]
    return rows


def make_support(
    rng: random.Random,
    clusters: list[Cluster],
    memberships: list[dict],
    smes: set[str],
    readiness: list[dict],
) -> list[dict]:
    """Trainings, EEN promotion, matchmaking, missions, fairs, B2B meetings, advice and assessments."""
    rows = []

    def add(
        date: dt.date,
        kind: str,
        provider: str,
        cluster_id: str | None = None,
        org_id: str | None = None,
        country: str | None = None,
    ) -> None:
        rows.append(
            {
                "cluster_id": cluster_id,
                "org_id": org_id,
                "type": kind,
                "date": date,
                "country": country,
                "provider": provider,
            }
        )

    for cluster in clusters:
        cid = cluster.cluster_id
        if not cluster.strategy_period:
            add(random_date(rng, dt.date(2014, 1, 13), dt.date(2014, 2, 28)), "training", "TARR", cid)
            continue
        start, end = cluster.strategy_period
        for _ in range(rng.randint(1, 3)):
            add(random_date(rng, start, end), "training", rng.choice(CONSULTANCIES), cid)
        add(end + dt.timedelta(days=rng.randint(0, 90)), "een_promotion", "TARR / EEN", cid)
        if cluster.implementation_period:
            start, end = cluster.implementation_period
            for kind, low, high, provider in [
                ("matchmaking_event", 1, 3, "TARR / EEN"),
                ("trade_mission", 0, 2, "TARR"),
                ("trade_fair", 1, 2, "Fair Ways Promotion (sample)"),
            ]:
                for _ in range(rng.randint(low, high)):
                    country = "PL" if kind == "matchmaking_event" and rng.random() < 0.4 else pick_countries(rng, 1)[0]
                    add(random_date(rng, start, end), kind, provider, cid, country=country)
    for org_id, date in sorted({(r["org_id"], r["date"]) for r in readiness}):
        add(date, "export_readiness_assessment", "TARR / EEN", org_id=org_id)
        if rng.random() < 0.3:
            promoted = min(PROGRAMME_END, date + dt.timedelta(days=rng.randint(30, 180)))
            add(promoted, "een_promotion", "TARR / EEN", org_id=org_id)
    periods = {c.cluster_id: c.implementation_period for c in clusters if c.implementation_period}
    for row in memberships:
        period = periods.get(row["cluster_id"])
        if row["org_id"] in smes and period and rng.random() < 0.35:
            for _ in range(rng.randint(1, 2)):
                add(
                    random_date(rng, *period),
                    "b2b_meeting",
                    "TARR / EEN",
                    org_id=row["org_id"],
                    country=pick_countries(rng, 1)[0],
                )
        if row["org_id"] in smes and rng.random() < 0.12:
            add(
                random_date(rng, dt.date(2015, 1, 1), PROGRAMME_END),
                "advice",
                rng.choice(CONSULTANCIES),
                org_id=row["org_id"],
            )
    rows.sort(key=lambda r: (r["date"], r["type"], r["cluster_id"] or "", r["org_id"] or ""))
    for i, row in enumerate(rows, 1):
        row["support_id"] = f"SP{i:04d}"
    return rows


def cluster_rows(rng: random.Random, clusters: list[Cluster], deals: list[dict]) -> list[dict]:
    """Cluster rows; clusters with deals are active, the others active, dormant or dissolved."""
    dealing = {row["cluster_id"] for row in deals}
    rows = []
    for cluster in clusters:
        if cluster.fate in STAGE_TWO or cluster.cluster_id in dealing:
            status = "active"
        elif cluster.award_date:
            status = rng.choice(["active", "active", "dormant"])
        else:
            status = rng.choice(["dormant", "dissolved"])
        rows.append(
            {
                "cluster_id": cluster.cluster_id,
                "name": cluster.name,
                "sector": cluster.sector,
                "nace": cluster.nace,
                "subregion": cluster.subregion,
                "founded": cluster.founded,
                "status": status,
            }
        )
    return rows


def build_sample(seed: int = SEED) -> tuple[dict[str, list[dict]], dict[str, list[str]]]:
    """All sheets as lists of row dicts, and the planted cases worth knowing about."""
    rng = random.Random(seed)
    clusters = plan_clusters(rng)
    grants = make_grants(rng, clusters)
    registry, memberships, doubles = make_memberships(rng, clusters)
    smes = {row["org_id"] for row in registry.rows if row["org_type"] == "sme"}
    exports, trading, cases = make_exports(rng, clusters, registry, memberships, doubles)
    mark_leavers(rng, memberships, smes, {row["org_id"] for row in exports})
    deals, orphan_deal_cluster = make_deals(rng, clusters)
    readiness = make_readiness(rng, clusters, memberships, smes, trading)
    sheets = {
        "programme": [
            {
                "programme_id": "FPK-2014",
                "name": "Co-operation Links Fund (illustrative sample)",
                "managing_body": "Torun Regional Development Agency (TARR)",
                "region": "Kujawsko-Pomorskie",
                "country": "PL",
                "currency": "PLN",
                "fx_to_eur": FX_TO_EUR,
                "start_date": PROGRAMME_START,
                "end_date": PROGRAMME_END,
                "budget_allocated": ALLOCATION_PLN,
            }
        ],
        "clusters": cluster_rows(rng, clusters, deals),
        "organisations": registry.rows,
        "memberships": sorted(memberships, key=lambda r: (r["cluster_id"], r["role"] != "coordinator", r["org_id"])),
        "grants": grants,
        "support": make_support(rng, clusters, memberships, smes, readiness),
        "readiness": readiness,
        "deals": deals,
        "exports": exports,
        "targets": [dict(zip(COLUMNS["targets"], target, strict=True)) for target in TARGETS],
    }
    cases |= {"signed_deal_without_implementation_grant": [orphan_deal_cluster], "in_two_clusters": doubles}
    return sheets, cases


def funnel_figures(sheets: dict[str, list[dict]]) -> dict[str, object]:
    """The four funnel stages and the awarded co-financing in EUR, computed from the rows (PRODUCT.md)."""
    awarded = [g for g in sheets["grants"] if g["decision"] == "awarded"]
    stage_one = {g["cluster_id"] for g in awarded if g["stage"] == "strategy"}
    stage_two = {g["cluster_id"] for g in awarded if g["stage"] == "implementation"} & stage_one
    with_business = {d["cluster_id"] for d in sheets["deals"] if d["status"] in ("won", "signed")}
    first_award_year: dict[str, int] = {}
    for grant in awarded:
        if grant["cluster_id"] in stage_one:
            year = grant["decision_date"].year
            first_award_year[grant["cluster_id"]] = min(first_award_year.get(grant["cluster_id"], year), year)
    smes = {o["org_id"] for o in sheets["organisations"] if o["org_type"] == "sme"}
    export_years = defaultdict(set)
    for row in sheets["exports"]:
        export_years[row["org_id"]].add(row["year"])
    trading = {
        m["org_id"]
        for m in sheets["memberships"]
        if m["org_id"] in smes
        and m["cluster_id"] in stage_one
        and any(year >= first_award_year[m["cluster_id"]] for year in export_years[m["org_id"]])
    }
    return {
        "supported_clusters": len(stage_one),
        "implementation_grants": len(stage_two),
        "exporting_clusters": len(stage_two & with_business),
        "trading_smes": len(trading),
        "cofinancing_eur": sum(g["grant_amount"] for g in awarded) * FX_TO_EUR,
        "clusters_with_business_outside_funnel": sorted(with_business - stage_two),
    }


def check_sample(sheets: dict[str, list[dict]], figures: dict[str, object]) -> None:
    """Raises ValueError unless the rows give the published figures and follow the fund's rules."""
    problems = []
    expected = {"supported_clusters": 29, "implementation_grants": 14, "exporting_clusters": 10}
    problems += [f"{key} is {figures[key]}, not {value}" for key, value in expected.items() if figures[key] != value]
    if not 82 <= figures["trading_smes"] <= 90:
        problems.append(f"trading_smes is {figures['trading_smes']}, not 82-90")
    if len(figures["clusters_with_business_outside_funnel"]) != 1:
        problems.append(
            f"clusters with deals but no implementation grant: {figures['clusters_with_business_outside_funnel']}"
        )
    if not 3_350_000 <= figures["cofinancing_eur"] <= 3_450_000:
        problems.append(f"co-financing is EUR {figures['cofinancing_eur']:,.0f}, not 3.35-3.45 m")
    for g in sheets["grants"]:
        cap, rate = GRANT_RULES[g["stage"]]
        dates = [g[k] for k in ("applied", "decision_date", "contract_date", "end_date") if g.get(k)]
        if dates != sorted(dates) or (g["decision"] == "awarded") != bool(g.get("grant_amount")):
            problems.append(f"grant {g['grant_id']}: dates out of order or amount without award")
        elif g.get("grant_amount") and not (
            g["grant_amount"] <= min(cap, rate * g["eligible_cost"]) and g["paid_amount"] <= g["grant_amount"]
        ):
            problems.append(f"grant {g['grant_id']}: over the cap, the rate or the grant paid")
    org_ids = {o["org_id"] for o in sheets["organisations"]}
    by_cluster = defaultdict(list)
    for m in sheets["memberships"]:
        by_cluster[m["cluster_id"]].append(m["role"])
        if m["org_id"] not in org_ids:
            problems.append(f"membership of unknown organisation {m['org_id']}")
    for cluster_id, roles in by_cluster.items():
        if not 6 <= len(roles) <= 15 or roles.count("coordinator") != 1:
            problems.append(f"cluster {cluster_id}: {len(roles)} members, {roles.count('coordinator')} coordinators")
    dated = [
        (sheet, r.get("date") or r.get("joined"))
        for sheet in ("support", "deals", "readiness", "memberships")
        for r in sheets[sheet]
    ]
    problems += [f"{sheet}: date {date} after the programme" for sheet, date in dated if date > PROGRAMME_END]
    if problems:
        raise ValueError("sample does not hold:\n" + "\n".join(problems))


def about_rows(figures: dict[str, object], cases: dict[str, list[str]], seed: int) -> list[list[object]]:
    """The explanatory first sheet: what this is, how it was made, which figures it reproduces."""
    eur = figures["cofinancing_eur"]
    listed = {key: ", ".join(sorted(ids)) for key, ids in cases.items()}
    what = (
        "Not real programme records. A fictitious reconstruction of the fund run by the Torun Regional "
        "Development Agency (TARR), Kujawsko-Pomorskie, Poland: Interreg Europe good practice "
        "'Clustering for International Markets' (16 April 2018)."
    )
    names = (
        "Every cluster, organisation and person name is invented and marked '(sample)'; amounts, dates, "
        "deals, exports and scores are invented too."
    )
    origin = (
        f"Generated by data/sample/make_sample.py with seed {seed}: the same seed gives the same workbook. "
        "Importers ignore this sheet."
    )
    conventions = (
        f"Money in PLN (fx_to_eur {FX_TO_EUR}). exports.first_time is TRUE on a new exporter's first export "
        "year; firms that already exported in 2014 have it FALSE."
    )
    return [
        ["Illustrative sample data: Co-operation Links Fund (Fundusz Powiązań Kooperacyjnych)"],
        [what],
        [names],
        [origin],
        [conventions],
        [],
        ["figure", "published", "this sample"],
        ["clusters that received a strategy grant", "29", figures["supported_clusters"]],
        ["clusters that received an implementation grant", "14", figures["implementation_grants"]],
        ["clusters that did business internationally", "10", figures["exporting_clusters"]],
        ["SMEs that actively traded in foreign markets", "more than 80", figures["trading_smes"]],
        ["agency co-financing (awarded grants)", "about EUR 3.4 m", f"EUR {eur / 1e6:.2f} m"],
        [
            "launch allocation (programme.budget_allocated)",
            "EUR 4.7 m",
            f"EUR {ALLOCATION_PLN * FX_TO_EUR / 1e6:.2f} m",
        ],
        [],
        ["Planted cases", "ids"],
        [
            "signed deal but no implementation grant (data-quality page, not in the funnel)",
            listed["signed_deal_without_implementation_grant"],
        ],
        ["exporting SMEs in no cluster (data-quality page, not counted)", listed["in_no_cluster"]],
        [
            "SMEs that exported only before their cluster's award year (not counted)",
            listed["exported_before_award"],
        ],
        [
            "exporting SMEs of clusters without a strategy grant (not counted)",
            listed["sme_of_non_awarded_cluster"],
        ],
        ["exporting members that are not SMEs (not counted)", listed["non_sme_member"]],
        ["SMEs in two clusters (counted once)", listed["in_two_clusters"]],
    ]


def write_workbook(path: Path, about: list[list[object]], sheets: dict[str, list[dict]]) -> None:
    """The about sheet, then the contract sheets with a bold header row, written with fixed timestamps."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "about"
    for row in about:
        sheet.append(row)
    sheet.column_dimensions["A"].width = 80
    sheet.column_dimensions["B"].width = 40
    for name, columns in COLUMNS.items():
        sheet = workbook.create_sheet(name)
        sheet.append(columns)
        for row in sheets[name]:
            sheet.append([row.get(column) for column in columns])
        format_sheet(sheet, columns)
    save_reproducibly(workbook, path)


def format_sheet(sheet: Worksheet, columns: list[str]) -> None:
    """Bold frozen header, thousands separators on money, widths that fit the content."""
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns, 1):
        cells = next(sheet.iter_cols(min_col=index, max_col=index))
        cells[0].font = Font(bold=True)
        for cell in cells[1:]:
            if column in MONEY_COLUMNS:
                cell.number_format = "#,##0"
        width = max(len(str(cell.value)) if cell.value is not None else 0 for cell in cells)
        sheet.column_dimensions[get_column_letter(index)].width = min(50, max(10, width + 2))


def save_reproducibly(workbook: Workbook, path: Path) -> None:
    """Saves with fixed document and zip-entry timestamps (openpyxl's own save stamps the current time)."""
    workbook.properties.created = workbook.properties.modified = FILE_TIMESTAMP
    buffer = io.BytesIO()
    ExcelWriter(workbook, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            entry = zipfile.ZipInfo(item.filename, date_time=FILE_TIMESTAMP.timetuple()[:6])
            target.writestr(entry, source.read(item), compress_type=zipfile.ZIP_DEFLATED)


def write_sample(path: str | Path, seed: int = SEED) -> dict[str, object]:
    """Builds, checks and writes the sample workbook; returns the funnel figures it reproduces."""
    sheets, cases = build_sample(seed)
    figures = funnel_figures(sheets)
    check_sample(sheets, figures)
    write_workbook(Path(path), about_rows(figures, cases, seed), sheets)
    return figures


if __name__ == "__main__":
    target = Path(__file__).with_name("programme.xlsx")
    result = write_sample(target)
    print(f"wrote {target}")
    for key, value in result.items():
        print(f"  {key}: {value:,.0f}" if isinstance(value, float) else f"  {key}: {value}")
