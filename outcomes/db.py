"""Where the data lives: the DuckDB file, its tables, the model layer and the named queries.

Everything about storage is in this module, so that the store can move (to DuckLake with a
PostgreSQL catalog, say) without touching the pages. One connection per database per
process; every query runs on a fresh cursor with `$named` parameters.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from outcomes.public import Pseudonyms
from outcomes.schema import SHEETS, ddl

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "queries"
MODEL = QUERIES / "model"
SAMPLE_WORKBOOK = ROOT / "data" / "sample" / "programme.xlsx"
PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")

_connections: dict[Path, duckdb.DuckDBPyConnection] = {}
_ready: set[Path] = set()  # databases known to hold a dataset
_lock = threading.Lock()


class DatabaseBusyError(Exception):
    """The database file is held by another process; the message says what to do."""


def default_path() -> Path:
    """`OUTCOMES_DB` if set, else data/outcomes.duckdb in the project."""
    return Path(os.environ.get("OUTCOMES_DB") or ROOT / "data" / "outcomes.duckdb")


def resolve(db_path: Path | str | None) -> Path:
    return Path(db_path).resolve() if db_path else default_path().resolve()


def connection(db_path: Path | str | None = None) -> duckdb.DuckDBPyConnection:
    """The process's one connection to the database, built from the sample workbook when empty."""
    path = resolve(db_path)
    con = _open(path)
    if path not in _ready:
        with _lock:
            if _has_data(con):
                # a database loaded by an older version gets this version's model macros
                _create_model(con.cursor())
            else:
                _build_from_sample(path, con)
            _ready.add(path)
    return con


def _create_model(cur: duckdb.DuckDBPyConnection) -> None:
    """(Re)create the model layer: the table macros of queries/model/, in file order."""
    for model_file in sorted(MODEL.glob("*.sql")):
        cur.execute(model_file.read_text(encoding="utf-8"))


def _open(path: Path) -> duckdb.DuckDBPyConnection:
    with _lock:
        if path not in _connections:
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                _connections[path] = duckdb.connect(str(path), config={"python_enable_replacements": False})
            except duckdb.IOException as error:
                raise DatabaseBusyError(
                    f"The database {path} is in use by another process (is the dashboard running?): {error}"
                ) from None
        return _connections[path]


def close(db_path: Path | str | None = None) -> None:
    """Close the process's connection (tests and the command line use it)."""
    path = resolve(db_path)
    with _lock:
        con = _connections.pop(path, None)
        _ready.discard(path)
    if con is not None:
        con.close()


def _has_data(con: duckdb.DuckDBPyConnection) -> bool:
    found = (
        con.cursor().execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'dataset'").fetchone()
    )
    return bool(found and found[0])


def _build_from_sample(path: Path, con: duckdb.DuckDBPyConnection) -> None:
    from outcomes import ingest

    result = ingest.validate(SAMPLE_WORKBOOK)
    if not result.ok:
        raise RuntimeError(f"The embedded sample workbook is invalid:\n{result.report()}")
    _replace(con, result.tables, result.extra_cells, result.source_name, result.sha256)
    log_import(path, result.source_name, result.sha256, result.rows_per_sheet, "loaded", 0, "embedded sample")


def replace_data(
    db_path: Path | str | None,
    tables: dict[str, pd.DataFrame],
    extra_cells: pd.DataFrame | None,
    source_name: str,
    sha256: str,
) -> None:
    """Replace every sheet's rows, the extra cells and the model in one transaction."""
    _replace(_open(resolve(db_path)), tables, extra_cells, source_name, sha256)


def _replace(
    con: duckdb.DuckDBPyConnection,
    tables: dict[str, pd.DataFrame],
    extra_cells: pd.DataFrame | None,
    source_name: str,
    sha256: str,
) -> None:
    cur = con.cursor()
    cur.execute("BEGIN TRANSACTION")
    try:
        for sheet in SHEETS:
            cur.execute(f'DROP TABLE IF EXISTS "{sheet.name}"')
        for statement in ddl():
            cur.execute(statement)
        for sheet in SHEETS:
            frame = tables.get(sheet.name)
            if frame is None or frame.empty:
                continue
            columns = [*sheet.column_names, "source_row"]
            types = [*(c.sql_type for c in sheet.columns), "INTEGER"]
            select = ", ".join(f'CAST("{c}" AS {t})' for c, t in zip(columns, types, strict=True))
            cur.register("incoming", frame[columns])
            cur.execute(f'INSERT INTO "{sheet.name}" SELECT {select} FROM incoming')
            cur.unregister("incoming")
        cur.execute(
            "CREATE OR REPLACE TABLE extra_cells "
            "(sheet VARCHAR, source_row INTEGER, column_name VARCHAR, value VARCHAR)"
        )
        if extra_cells is not None and not extra_cells.empty:
            cur.register("incoming", extra_cells)
            cur.execute("INSERT INTO extra_cells SELECT * FROM incoming")
            cur.unregister("incoming")
        cur.execute(
            "CREATE OR REPLACE TABLE dataset (source_name VARCHAR, sha256 VARCHAR, imported_at TIMESTAMP, "
            "sheets_present VARCHAR[], rows_per_sheet JSON)"
        )
        present = list(tables)
        rows = json.dumps({name: len(frame) for name, frame in tables.items()})
        cur.execute(
            "INSERT INTO dataset VALUES ($source_name, $sha256, $imported_at, $present, $rows)",
            {
                "source_name": source_name,
                "sha256": sha256,
                "imported_at": dt.datetime.now().replace(microsecond=0),
                "present": present,
                "rows": rows,
            },
        )
        _create_model(cur)
        cur.execute("COMMIT")
    except BaseException:
        cur.execute("ROLLBACK")
        raise
    # another cursor may be mid-read; the commit is durable in the WAL already and a later checkpoint folds it in
    with contextlib.suppress(duckdb.TransactionException):
        con.execute("CHECKPOINT")


# --------------------------------------------------------------------------- named queries


@dataclass(frozen=True)
class Query:
    """A file in queries/: its SQL, the parameters it takes and its header comment."""

    name: str
    sql: str
    parameters: tuple[str, ...]
    header: dict[str, str]


def query_names() -> list[str]:
    return sorted(p.stem for p in QUERIES.glob("*.sql"))


def query(name: str) -> Query:
    """The named query; only names of files in queries/ are accepted."""
    if name not in query_names():
        raise KeyError(f"no query named {name!r}")
    sql = (QUERIES / f"{name}.sql").read_text(encoding="utf-8")
    header: dict[str, str] = {}
    last = None
    for line in sql.splitlines():
        if not line.startswith("--"):
            break
        text = line[2:].strip()
        key, sep, value = text.partition(":")
        if sep and key.isidentifier():
            last = key
            header[key] = value.strip()
        elif last:
            header[last] = f"{header[last]} {text}".strip()
    parameters = tuple(dict.fromkeys(PARAMETER.findall(_without_comments(sql))))
    return Query(name, sql, parameters, header)


def _without_comments(sql: str) -> str:
    return "\n".join(line.split("--", 1)[0] for line in sql.splitlines())


def run_query(name: str, db_path: Path | str | None = None, **params: object) -> pd.DataFrame:
    """Run queries/NAME.sql on a fresh cursor; parameters it does not name are ignored, missing ones are NULL."""
    q = query(name)
    values = {p: params.get(p) for p in q.parameters}
    return connection(db_path).cursor().execute(q.sql, values).df()


def dataset(db_path: Path | str | None = None) -> dict[str, object]:
    """What is loaded: source file name, SHA-256, import time, sheets present and rows per sheet."""
    cur = connection(db_path).cursor()
    row = cur.execute("SELECT source_name, sha256, imported_at, sheets_present, rows_per_sheet FROM dataset").fetchone()
    if row is None:
        return {}
    return {
        "source_name": row[0],
        "sha256": row[1],
        "imported_at": row[2],
        "sheets_present": list(row[3]),
        "rows_per_sheet": json.loads(row[4]),
    }


def is_sample(db_path: Path | str | None = None) -> bool:
    """Whether what is loaded is the embedded illustrative sample workbook."""
    from outcomes.ingest import fingerprint

    return dataset(db_path).get("sha256") == fingerprint(SAMPLE_WORKBOOK)


# --------------------------------------------------------------------------- import log


def _log_path(db_path: Path | str | None) -> Path:
    path = resolve(db_path)
    return path.with_name(path.name + ".imports.jsonl")


def log_import(
    db_path: Path | str | None,
    source_name: str,
    sha256: str | None,
    rows_per_sheet: dict[str, int],
    outcome: str,
    problem_count: int,
    message: str = "",
) -> None:
    """Append one import attempt to the log beside the database.

    The log is kept outside the database file so that a rejected import leaves the
    database byte-for-byte as it was.
    """
    entry = {
        "time": dt.datetime.now().isoformat(timespec="seconds"),
        "file": source_name,
        "sha256": sha256,
        "outcome": outcome,
        "problems": problem_count,
        "rows": rows_per_sheet,
        "message": message,
    }
    log = _log_path(db_path)
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry, ensure_ascii=False) + "\n")


def import_log(db_path: Path | str | None = None) -> pd.DataFrame:
    """Every import attempt, newest first."""
    log = _log_path(db_path)
    columns = ["time", "file", "sha256", "outcome", "problems", "rows", "message"]
    if not log.exists():
        return pd.DataFrame(columns=columns)
    entries = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines() if line.strip()]
    return pd.DataFrame(entries, columns=columns).iloc[::-1].reset_index(drop=True)


# --------------------------------------------------------------------------- kept across imports
# The import replaces the sheets' tables only; the tables below are never dropped, so what
# evaluators write (report narratives) and the public-mode key outlive every re-import.


@dataclass(frozen=True)
class Narrative:
    """An evaluator's text for one report section, and when it was saved."""

    text: str
    saved_at: dt.datetime


def _kept_tables(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    cur = con.cursor()
    cur.execute(
        "CREATE TABLE IF NOT EXISTS narratives "
        "(programme_id VARCHAR, section VARCHAR, lang VARCHAR, text VARCHAR, saved_at TIMESTAMP)"
    )
    cur.execute("CREATE TABLE IF NOT EXISTS settings (name VARCHAR PRIMARY KEY, value VARCHAR)")
    return cur


def save_narrative(
    programme_id: str, section: str, lang: str, text: str, db_path: Path | str | None = None
) -> dt.datetime:
    """Store a section's text (every version is kept; the latest counts). Empty text means: use the draft."""
    saved_at = dt.datetime.now().replace(microsecond=0)
    _kept_tables(connection(db_path)).execute(
        "INSERT INTO narratives VALUES ($programme_id, $section, $lang, $text, $saved_at)",
        {"programme_id": programme_id, "section": section, "lang": lang, "text": text, "saved_at": saved_at},
    )
    return saved_at


def narratives(programme_id: str, lang: str, db_path: Path | str | None = None) -> dict[str, Narrative]:
    """The latest saved text of each section of the programme's report in one language, when not empty."""
    rows = (
        _kept_tables(connection(db_path))
        .execute(
            "SELECT section, arg_max(text, saved_at), max(saved_at) FROM narratives "
            "WHERE programme_id = $programme_id AND lang = $lang GROUP BY section",
            {"programme_id": programme_id, "lang": lang},
        )
        .fetchall()
    )
    return {section: Narrative(text, saved_at) for section, text, saved_at in rows if text and text.strip()}


def setting(name: str, make: Callable[[], str], db_path: Path | str | None = None) -> str:
    """A stored setting; made with `make` and stored the first time it is asked for."""
    cur = _kept_tables(connection(db_path))
    select = "SELECT value FROM settings WHERE name = $name"
    row = cur.execute(select, {"name": name}).fetchone()
    if row is None:
        cur.execute("INSERT OR IGNORE INTO settings VALUES ($name, $value)", {"name": name, "value": make()})
        row = cur.execute(select, {"name": name}).fetchone()
    return row[0]


def pseudonyms(db_path: Path | str | None = None) -> Pseudonyms:
    """Public-mode pseudonyms of the loaded organisations, keyed by $OUTCOMES_PSEUDONYM_KEY or else by a
    random key made once and kept in the database, so a firm keeps its pseudonym across runs and imports."""
    key = os.environ.get("OUTCOMES_PSEUDONYM_KEY") or setting("pseudonym_key", lambda: secrets.token_hex(32), db_path)
    return Pseudonyms.build(
        run_query("organisation_names", db_path), key.encode("utf-8"), run_query("cluster_names", db_path)
    )
