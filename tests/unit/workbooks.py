"""Tiny workbooks for the tests: a dict of sheet -> rows, written as xlsx, a CSV folder or ods.

A book is `{sheet: [row, ...]}` with each row a dict `{column: value}`; the header is the
union of the rows' keys in first-seen order, so deleting a key from every row drops the
column. Row 1 is the header, so the n-th row of a sheet is spreadsheet row n + 1.

`valid_book()` is a small workbook that passes every check; `rules_book()` pins every funnel
rule and plants one offending row for each data-quality rule (see RULES_* below).
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

Row = dict[str, object]
Book = dict[str, list[Row]]

D = dt.date


def header(rows: list[Row]) -> list[str]:
    """The columns of a sheet: every key of its rows, in first-seen order."""
    return list(dict.fromkeys(key for row in rows for key in row))


def spreadsheet_row(index: int) -> int:
    """The row number a user sees for the index-th (0-based) data row: the header is row 1."""
    return index + 2


def write_xlsx(book: Book, path: Path, headers: dict[str, list[str]] | None = None) -> Path:
    """Write the book as xlsx; `headers` may override a sheet's header text (e.g. odd spacing)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in book.items():
        sheet = workbook.create_sheet(name)
        columns = header(rows) if rows else []
        sheet.append((headers or {}).get(name, columns))
        for row in rows:
            sheet.append([row.get(column) for column in columns])
    workbook.save(path)
    return path


def write_ods(book: Book, path: Path) -> Path:
    """Write the book as OpenDocument (pandas + odfpy), dates as real date cells."""
    with pd.ExcelWriter(path, engine="odf") as writer:
        for name, rows in book.items():
            frame = pd.DataFrame(rows, columns=header(rows), dtype=object)
            frame.to_excel(writer, sheet_name=name, index=False)
    return path


def _csv_cell(value: object, decimal_comma: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        text = repr(value)
        return text.replace(".", ",") if decimal_comma else text
    return str(value)


def write_csv_folder(
    book: Book, folder: Path, encoding: str = "utf-8", delimiter: str = ",", decimal_comma: bool = False
) -> Path:
    """Write one SHEET.csv per sheet. encoding: utf-8, utf-8-sig (with BOM) or cp1250."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in book.items():
        columns = header(rows)
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_csv_cell(row.get(column), decimal_comma) for column in columns])
        (folder / f"{name}.csv").write_bytes(buffer.getvalue().encode(encoding))
    return folder


def copy_book(book: Book) -> Book:
    return copy.deepcopy(book)


# --------------------------------------------------------------------------- a valid workbook


def valid_book() -> Book:
    """Every sheet, every column type, Polish letters and a fractional amount; passes every check."""
    return {
        "programme": [
            {
                "programme_id": "FPK",
                "name": "Fundusz Powiązań Kooperacyjnych (test)",
                "managing_body": "Toruńska Agencja Rozwoju Regionalnego",
                "region": "Kujawsko-Pomorskie",
                "country": "PL",
                "currency": "PLN",
                "fx_to_eur": 0.25,
                "start_date": D(2013, 1, 1),
                "end_date": D(2020, 12, 31),
                "budget_allocated": 1_000_000.5,
            }
        ],
        "clusters": [
            {"cluster_id": "K1", "name": "Klaster Żywności", "sector": "Food", "subregion": "Toruń", "founded": 2012},
            {"cluster_id": "K2", "name": "ICT Łódka", "sector": "ICT", "subregion": "Bydgoszcz", "founded": 2010},
        ],
        "organisations": [
            {"org_id": "O1", "name": "Piekarnia Źródło", "org_type": "sme", "size_class": "micro", "sole_trader": True},
            {"org_id": "O2", "name": "Uniwersytet Testowy", "org_type": "university", "sole_trader": False},
            {"org_id": "O3", "name": "Softwarehouse Ćma", "org_type": "sme", "size_class": "small"},
        ],
        "memberships": [
            {"cluster_id": "K1", "org_id": "O1", "role": "coordinator", "joined": D(2014, 1, 1)},
            {"cluster_id": "K1", "org_id": "O2", "role": "member", "joined": D(2014, 1, 1)},
            {"cluster_id": "K2", "org_id": "O3", "role": "coordinator", "joined": D(2014, 2, 1)},
        ],
        "grants": [
            {
                "grant_id": "G1",
                "cluster_id": "K1",
                "stage": "strategy",
                "call": "2014/1",
                "applied": D(2014, 3, 1),
                "decision": "awarded",
                "decision_date": D(2014, 5, 1),
                "contract_date": D(2014, 6, 1),
                "end_date": D(2014, 12, 31),
                "eligible_cost": 100_000.0,
                "grant_amount": 95_000.0,
                "paid_amount": 90_000.5,
                "private_contribution": 5_000.0,
            },
            {
                "grant_id": "G2",
                "cluster_id": "K1",
                "stage": "implementation",
                "call": "2015/1",
                "decision": "awarded",
                "decision_date": D(2015, 6, 1),
                "grant_amount": 800_000.0,
            },
            {"grant_id": "G3", "cluster_id": "K2", "stage": "strategy", "call": "2014/1", "decision": "rejected"},
        ],
        "support": [
            {"support_id": "S1", "cluster_id": "K1", "type": "een_promotion", "date": D(2015, 3, 1), "country": "DE"},
            {"support_id": "S2", "org_id": "O1", "type": "trade_fair", "date": D(2015, 9, 1), "provider": "EEN"},
        ],
        "readiness": [
            {"org_id": "O1", "date": D(2014, 7, 1), "dimension": "strategy", "score": 3.5, "max_score": 5.0},
        ],
        "deals": [
            {
                "deal_id": "DL1",
                "cluster_id": "K1",
                "type": "contract",
                "partner_country": "DE",
                "status": "won",
                "date": D(2016, 2, 1),
                "value": 12_500.75,
                "via_een": True,
            },
        ],
        "exports": [
            {"org_id": "O1", "year": 2016, "country": "DE", "value": 5_000.0, "first_time": True, "source": "survey"},
        ],
        "targets": [{"indicator": "trading_smes", "target": 80.0, "baseline": 0.0, "unit": "SMEs"}],
    }


# --------------------------------------------------------------------------- the funnel rules


def rules_book() -> Book:
    """Eight clusters and thirteen organisations that pin every funnel rule (see the table below).

    cluster  sector subregion call  strategy            implementation        deals
    A        Food   North     C1    awarded 2015        awarded 2016          won DE, lost FR
    B        ICT    South     C1    awarded 2015        awarded 2016          submitted CZ, lost SK
    C        Food   South     C2    rejected 2014 (C0), withdrawn 2016        -
                                    awarded 2016
    D        ICT    North     C1    rejected 2015       -                     won UA
    E        Food   North     C2    withdrawn 2016      awarded 2016 (no      signed US
                                                        amount)
    F        ICT    South     C2    awarded 2016        -                     won NO
    G        Food   North     -     -                   -                     -
    H        ICT    North     C2    awarded 2016        awarded 2017          -

    organisation  type   clusters         exports
    S1            sme    A (coord.), B    2015 DE, 2017 DE
    S2            sme    A                2014 CZ (before A's award)
    U1            univ.  A (coord.)       2017 DE
    L1            large  A                2018 FR
    S9            sme    B                -
    S3            sme    C (coord.)       2016 SK (the award year itself)
    S4            sme    C                2015 UA (before C's award; C's 2014 decision was a rejection)
    S5            sme    D (coord.)       2017 DE twice
    S6            sme    E (coord.)       2017 DE
    S8            sme    F                2017 NO
    S10           sme    H (coord.)       2018 IT
    S7            sme    none             2017 DE
    """
    clusters = [
        ("A", "Food", "North"),
        ("B", "ICT", "South"),
        ("C", "Food", "South"),
        ("D", "ICT", "North"),
        ("E", "Food", "North"),
        ("F", "ICT", "South"),
        ("G", "Food", "North"),
        ("H", "ICT", "North"),
    ]
    organisations = [
        ("S1", "sme"),
        ("S2", "sme"),
        ("U1", "university"),
        ("L1", "large_enterprise"),
        ("S9", "sme"),
        ("S3", "sme"),
        ("S4", "sme"),
        ("S5", "sme"),
        ("S6", "sme"),
        ("S8", "sme"),
        ("S10", "sme"),
        ("S7", "sme"),
    ]
    memberships = [
        ("A", "S1", "coordinator"),
        ("A", "U1", "coordinator"),
        ("A", "S2", "member"),
        ("A", "L1", "member"),
        ("B", "S1", "coordinator"),
        ("B", "S9", "member"),
        ("C", "S3", "coordinator"),
        ("C", "S4", "member"),
        ("D", "S5", "coordinator"),
        ("E", "S6", "coordinator"),
        ("F", "S8", "member"),
        ("H", "S10", "coordinator"),
    ]
    grants = [
        ("GA1", "A", "strategy", "C1", "awarded", D(2015, 5, 10), 90_000.0),
        ("GA2", "A", "implementation", "C3", "awarded", D(2016, 6, 15), 2_000_000.0),
        ("GB1", "B", "strategy", "C1", "awarded", D(2015, 5, 10), 80_000.0),
        ("GB2", "B", "implementation", "C3", "awarded", D(2016, 6, 15), 1_000_000.0),
        ("GC0", "C", "strategy", "C0", "rejected", D(2014, 5, 10), None),
        ("GC1", "C", "strategy", "C2", "awarded", D(2016, 5, 10), 95_000.0),
        ("GC2", "C", "implementation", "C4", "withdrawn", D(2016, 11, 1), None),
        ("GD1", "D", "strategy", "C1", "rejected", D(2015, 5, 10), None),
        ("GE1", "E", "strategy", "C2", "withdrawn", None, None),
        ("GE2", "E", "implementation", "C3", "awarded", D(2016, 6, 15), None),
        ("GF1", "F", "strategy", "C2", "awarded", D(2016, 5, 10), 70_000.0),
        ("GH1", "H", "strategy", "C2", "awarded", D(2016, 5, 10), 60_000.0),
        ("GH2", "H", "implementation", "C4", "awarded", D(2017, 3, 1), 400_000.0),
    ]
    deals = [
        ("DA1", "A", "contract", "DE", "won", D(2017, 3, 1)),
        ("DA2", "A", "joint_bid", "FR", "lost", D(2017, 4, 1)),
        ("DB1", "B", "mou", "CZ", "submitted", D(2017, 5, 1)),
        ("DB2", "B", "contract", "SK", "lost", D(2017, 6, 1)),
        ("DD1", "D", "contract", "UA", "won", D(2017, 2, 1)),
        ("DE1", "E", "distribution_agreement", "US", "signed", D(2017, 7, 1)),
        ("DF1", "F", "contract", "NO", "won", D(2017, 8, 1)),
    ]
    exports = [
        ("S1", 2015, "DE"),
        ("S1", 2017, "DE"),
        ("S2", 2014, "CZ"),
        ("U1", 2017, "DE"),
        ("L1", 2018, "FR"),
        ("S3", 2016, "SK"),
        ("S4", 2015, "UA"),
        ("S5", 2017, "DE"),
        ("S5", 2017, "DE"),
        ("S6", 2017, "DE"),
        ("S8", 2017, "NO"),
        ("S10", 2018, "IT"),
        ("S7", 2017, "DE"),
    ]
    return {
        "programme": [{"programme_id": "R", "name": "Rules programme", "currency": "PLN", "fx_to_eur": 0.25}],
        "clusters": [
            {"cluster_id": cid, "name": f"Cluster {cid}", "sector": sector, "subregion": subregion}
            for cid, sector, subregion in clusters
        ],
        "organisations": [
            {
                "org_id": oid,
                "name": f"Organisation {oid}",
                "org_type": kind,
                "size_class": "small" if kind == "sme" else None,
            }
            for oid, kind in organisations
        ],
        "memberships": [{"cluster_id": cid, "org_id": oid, "role": role} for cid, oid, role in memberships],
        "grants": [
            {
                "grant_id": gid,
                "cluster_id": cid,
                "stage": stage,
                "call": call,
                # a withdrawn application without a decision date is dated by its application
                "applied": D(2016, 2, 1) if decision_date is None else None,
                "decision": decision,
                "decision_date": decision_date,
                "grant_amount": amount,
            }
            for gid, cid, stage, call, decision, decision_date, amount in grants
        ],
        "deals": [
            {"deal_id": did, "cluster_id": cid, "type": kind, "partner_country": country, "status": status, "date": day}
            for did, cid, kind, country, status, day in deals
        ],
        "exports": [{"org_id": oid, "year": year, "country": country} for oid, year, country in exports],
    }


# What rules_book() gives: (supported clusters, implementation, exporting clusters, trading SMEs).
RULES_FUNNEL = {"supported_clusters": 5, "implementation_grants": 3, "exporting_clusters": 1, "trading_smes": 4}
RULES_MEMBERS = {
    "supported_clusters": ["A", "B", "C", "F", "H"],
    "implementation_grants": ["A", "B", "H"],
    "exporting_clusters": ["A"],
    "trading_smes": ["S1", "S10", "S3", "S8"],
}
RULES_MEMBER_SMES = 7  # SMEs in supported clusters: S1 S2 S9 S3 S4 S8 S10

# The offending rows each data-quality rule must return on rules_book(): query -> (column, values).
RULES_DQ: dict[str, tuple[str, list[object]]] = {
    "dq_awarded_without_amount": ("grant_id", ["GE2"]),
    "dq_clusters_without_one_coordinator": ("cluster_id", ["A", "F", "G"]),
    "dq_deal_without_implementation": ("deal_id", ["DD1", "DF1"]),
    "dq_exports_only_before_award": ("org_id", ["S2", "S4"]),
    "dq_exports_outside_clusters": ("org_id", ["S7"]),
    "dq_implementation_without_strategy": ("grant_id", ["GE2"]),
    "dq_repeated_exports": ("org_id", ["S5"]),
    "dq_smes_in_several_clusters": ("org_id", ["S1"]),
}
