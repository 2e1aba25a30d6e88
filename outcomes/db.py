"""Where the data lives: a DuckLake store of versions, its tables, the model layer and the named queries.

Everything about storage is in this module; pages and queries see tables and a version number, never
the catalog behind them. The store is DuckLake (a SQL catalog plus Parquet data files):

- one machine: a folder (default data/store/) holding the catalog in SQLite and the data files;
- shared: `postgres:<libpq conninfo>` for the catalog and `$OUTCOMES_DATA_PATH` for the data files.

Every valid import is one DuckLake snapshot, committed atomically with its metadata (the commit's
author and extra info). Pages read a version through an in-memory copy of its tables with the model
macros on top (one schema per version, made on first use), so a page is as fast as on a local file
and two versions can be open at once. One attached connection per store per process; every query
runs on a fresh cursor with `$named` parameters.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import hashlib
import importlib
import json
import os
import re
import secrets
import sqlite3
import threading
import time
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from outcomes.public import Pseudonyms
from outcomes.schema import SHEETS, SHEETS_BY_NAME, ddl
from outcomes.vocabulary import TERMS, Message, MessageError

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "queries"
MODEL = QUERIES / "model"
SAMPLE_WORKBOOK = ROOT / "data" / "sample" / "programme.xlsx"
DEFAULT_STORE = ROOT / "data" / "store"
LEGACY_DATABASE = ROOT / "data" / "outcomes.duckdb"  # where the previous release kept its one database file
PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
EXTENSIONS = {"folder": ("sqlite", "ducklake"), "postgres": ("postgres", "ducklake")}
# The in-memory database holding the versions' copies: compressed once each copy is complete (a sixth of
# the memory at 1000x the sample, and scans as fast).
COPIES = "copies"
MATERIALISED_VERSIONS = 4  # versions kept in memory per process (least recently used and unread goes first)
WRITE_ATTEMPTS = 8  # a write that meets another process's write is tried again this many times
# The model macros whose unfiltered rows each in-memory version keeps as a table (in this order: each
# one's rows are computed from the tables kept before it). A page's first view is unfiltered, and
# at 1000x the sample computing trading_sme_profiles alone takes seconds; with a filter set the
# macro computes its rows as before (queries/model/, the `_computed` macros).
UNFILTERED = ("cluster_progress", "trading_smes", "sme_exports", "trading_sme_profiles", "eu_enterprises")
FILTER_PARAMETERS = ("calls", "sectors", "subregions", "year_from", "year_to")
NO_FILTER = " AND ".join(f"{name} IS NULL" for name in FILTER_PARAMETERS)
# Warmed first after an import: what every page reads (the frame, the Overview), then the other queries.
WARM_FIRST = ("filter_options", "programme", "funnel", "kpis")

# The tables of one version (replaced as a whole by every import), and what outlives every import.
VERSIONED = [*(sheet.name for sheet in SHEETS), "extra_cells", "dataset", "funnel_members"]
EXTRA_CELLS_DDL = "CREATE TABLE extra_cells (sheet VARCHAR, source_row INTEGER, column_name VARCHAR, value VARCHAR)"
DATASET_DDL = (
    "CREATE TABLE dataset (source_name VARCHAR, sha256 VARCHAR, imported_at TIMESTAMP, "
    "sheets_present VARCHAR[], rows_per_sheet VARCHAR)"
)
FUNNEL_MEMBERS_DDL = "CREATE TABLE funnel_members (stage_key VARCHAR, unit_id VARCHAR, unit_name VARCHAR)"
FUNNEL_MEMBERS_FROM_MODEL = (
    "INSERT INTO funnel_members SELECT stage_key, unit_id, unit_name FROM funnel_units(NULL, NULL, NULL, NULL, NULL)"
)
KEPT_DDL = [
    "CREATE TABLE import_log (time TIMESTAMP, author VARCHAR, source_name VARCHAR, sha256 VARCHAR, "
    "outcome VARCHAR, problems INTEGER, rows_per_sheet VARCHAR, message VARCHAR, version INTEGER)",
    "CREATE TABLE narratives "
    "(programme_id VARCHAR, section VARCHAR, lang VARCHAR, text VARCHAR, saved_at TIMESTAMP, author VARCHAR)",
    "CREATE TABLE settings (name VARCHAR, value VARCHAR, made_at TIMESTAMP)",
    # the funnel's units per version, appended at each write: the funnel over versions and a diff's stages
    "CREATE TABLE version_funnel (version INTEGER, stage_key VARCHAR, unit_id VARCHAR, unit_name VARCHAR)",
    # one row, replaced by every new version: two writers both delete it, so DuckLake sees their conflict
    # and one of them starts again (appends alone would both commit, into one mixed version)
    "CREATE TABLE head (version INTEGER)",
]


class StoreError(MessageError):
    """The store cannot do what was asked; the message is one sentence for the user, in their language."""


class StoreBusyError(StoreError):
    """Another process was writing to the store at the same moment; trying again will work."""


class UnknownVersionError(StoreError):
    """A version number the store does not hold."""


# --------------------------------------------------------------------------- where the store is


@dataclass(frozen=True)
class Location:
    """Where a store lives: a local folder, or a PostgreSQL catalog with a data path."""

    kind: str  # "folder" or "postgres"
    target: str  # the folder, or the libpq conninfo
    data_path: str
    legacy: Path | None = None  # a database file of the previous release to bring in as version 1

    @property
    def name(self) -> str:
        """How messages name the store (a conninfo's password is never shown)."""
        if self.kind == "folder":
            return self.target
        return "postgres:" + re.sub(r"password=\S+", "password=…", self.target)


def location(store: Path | str | None = None) -> Location:
    """The store named by `store`, else `$OUTCOMES_STORE`, else `$OUTCOMES_DB`, else data/store/.

    `postgres:<conninfo>` is a shared catalog whose data files are in `$OUTCOMES_DATA_PATH`. A path to
    a `.duckdb` file of the previous release names the store folder beside it (`<name>-store`), into
    which that file is brought as version 1.
    """
    given = store or os.environ.get("OUTCOMES_STORE") or os.environ.get("OUTCOMES_DB")
    if given and str(given).startswith("postgres:"):
        data_path = os.environ.get("OUTCOMES_DATA_PATH")
        if not data_path:
            raise StoreError("store.postgres_needs_path")
        return Location("postgres", str(given).removeprefix("postgres:"), data_path.rstrip("/") + "/")
    if not given:
        folder = DEFAULT_STORE.resolve()
        return Location("folder", str(folder), str(folder / "files") + "/", LEGACY_DATABASE.resolve())
    path = Path(given).expanduser().resolve()
    if path.is_file():
        if path.suffix != ".duckdb":
            raise StoreError("store.is_file", path=str(path))
        folder = path.with_name(f"{path.stem}-store")
        return Location("folder", str(folder), str(folder / "files") + "/", path)
    return Location("folder", str(path), str(path / "files") + "/")


def resolve(store: Path | str | None = None) -> str:
    """How messages name the store."""
    return location(store).name


# --------------------------------------------------------------------------- one attached store per process


@dataclass
class _Store:
    location: Location
    con: duckdb.DuckDBPyConnection
    schemas: OrderedDict[int, str] = field(default_factory=OrderedDict)  # snapshot id -> in-memory schema
    readers: Counter[int] = field(default_factory=Counter)  # snapshot id -> queries reading its schema now
    unfiltered: set[int] = field(default_factory=set)  # snapshot ids whose schema keeps the unfiltered model
    keeping: dict[int, threading.Lock] = field(default_factory=dict)  # snapshot id -> held while it is kept
    kept: dict[int, set[str]] = field(default_factory=dict)  # snapshot id -> queries whose unfiltered rows it keeps
    keeping_results: dict[tuple[int, str], threading.Lock] = field(default_factory=dict)  # held while one is kept
    warming: list[threading.Thread] = field(default_factory=list)  # background readers started by keep_warm
    warmed: set[int] = field(default_factory=set)  # snapshot ids keep_warm has been asked for
    lock: threading.Lock = field(default_factory=threading.Lock)
    notices: list[Message] = field(default_factory=list)
    known: dict[int, Version] = field(default_factory=dict)  # versions seen, by number
    listing: tuple[tuple, list[Version]] | None = None  # the catalog's last snapshot and count, and its versions


_stores: dict[Location, _Store] = {}
_stores_lock = threading.Lock()


def _extension_file(name: str) -> str:
    """The extension's file inside its PyPI wheel (duckdb-extension-NAME), so nothing is downloaded."""
    package = importlib.import_module(f"duckdb_extension_{name}")
    found = sorted(Path(package.__file__).parent.glob(f"extensions/v{duckdb.__version__}/*.duckdb_extension"))
    if not found:
        raise StoreError("store.no_extension", name=name, version=duckdb.__version__)
    return str(found[0])


def _load_extensions(con: duckdb.DuckDBPyConnection, names: tuple[str, ...]) -> None:
    installed = {
        row[0] for row in con.execute("SELECT extension_name FROM duckdb_extensions() WHERE installed").fetchall()
    }
    for name in names:
        if name not in installed and not (name == "sqlite" and "sqlite_scanner" in installed):
            con.execute(f"INSTALL '{_extension_file(name)}'")
        con.execute(f"LOAD {name}")


def _literal(text: str) -> str:
    """A SQL string literal; ATTACH takes no parameters, so its path is quoted here."""
    return "'" + text.replace("'", "''") + "'"


def _connect(where: Location) -> duckdb.DuckDBPyConnection:
    if where.kind == "folder":
        folder = Path(where.target)
        try:
            (folder / "files").mkdir(parents=True, exist_ok=True)
            probe = folder / ".writable"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as error:
            raise StoreError("store.not_writable", folder=str(folder), reason=str(error.strerror)) from None
        _write_ahead_log(folder / "catalog.sqlite")
        catalog = f"ducklake:sqlite:{folder / 'catalog.sqlite'}"
    else:
        catalog = f"ducklake:postgres:{where.target}"
    con = duckdb.connect(
        config={
            "python_enable_replacements": False,
            "autoinstall_known_extensions": False,
            "autoload_known_extensions": False,
        }
    )
    try:
        _load_extensions(con, EXTENSIONS[where.kind])
        # no data inlining: every version's rows go to Parquet files at once (duckdb/ducklake#1413); a
        # folder's data files are always in its files/ folder, so a store folder can be moved or copied
        override = ", OVERRIDE_DATA_PATH true" if where.kind == "folder" else ""
        attach = (
            f"ATTACH {_literal(catalog)} AS lake "
            f"(DATA_PATH {_literal(where.data_path)}, DATA_INLINING_ROW_LIMIT 0{override})"
        )
        con.execute(f"ATTACH ':memory:' AS {COPIES} (COMPRESS)")
        for attempt in range(WRITE_ATTEMPTS):
            try:
                con.execute(attach)
                break
            except duckdb.Error as error:
                # two processes making a new catalog at once: one of them finds the other's tables half made
                if attempt == WRITE_ATTEMPTS - 1 or not _is_contention(error):
                    raise
                time.sleep(0.1 * 1.6**attempt)
    except duckdb.Error as error:
        con.close()
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise StoreError("store.cannot_open", name=where.name, reason=first_line) from None
    return con


def _write_ahead_log(catalog: Path) -> None:
    """Keep the SQLite catalog in write-ahead-log mode (a setting stored in the file): a page's open read
    then never holds up an import in another process, nor an import a read."""
    try:
        with contextlib.closing(sqlite3.connect(catalog, timeout=30)) as catalog_db:
            if catalog_db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                catalog_db.execute("PRAGMA journal_mode=WAL")
    except sqlite3.Error as error:
        raise StoreError("store.catalog_cannot_open", catalog=str(catalog), reason=str(error)) from None


def _store(store: Path | str | None) -> _Store:
    where = location(store)
    with _stores_lock:
        opened = _stores.get(where)
        if opened is None:
            opened = _Store(where, _connect(where))
            try:
                _create_tables(opened)
                if where.legacy is not None and where.legacy.is_file() and _latest_snapshot(opened) is None:
                    opened.notices.append(_migrate(opened, where.legacy))
            except BaseException:
                opened.con.close()
                raise
            _stores[where] = opened
    return opened


def connection(store: Path | str | None = None) -> duckdb.DuckDBPyConnection:
    """The process's connection with the store attached as `lake` (for maintenance and tests)."""
    return _store(store).con


def close(store: Path | str | None = None) -> None:
    """Close the process's connection to the store (tests and the command line use it)."""
    try:
        where = location(store)
    except StoreError:
        return
    with _stores_lock:
        opened = _stores.get(where)
    if opened is None:
        return
    wait_for_warming(store)
    with _stores_lock:
        _stores.pop(where, None)
    opened.con.close()


def notices(store: Path | str | None = None) -> list[Message]:
    """One-line messages about what opening the store did (bringing in an old database), once each."""
    opened = _store(store)
    taken, opened.notices = opened.notices, []
    return taken


def _is_contention(error: duckdb.Error) -> bool:
    text = str(error).lower()
    clashes = ("conflict", "locked", "busy", "could not serialize", "deadlock", "duplicate key", "already exists")
    return any(word in text for word in clashes)


def _write(opened: _Store, body: Callable[[duckdb.DuckDBPyConnection], None], message: str) -> None:
    """One change to the kept tables, committed with the OS user as author and `message`."""

    def with_note(cur: duckdb.DuckDBPyConnection) -> None:
        body(cur)
        _commit_note(cur, message)

    _retrying(opened, with_note)


def _create_tables(opened: _Store) -> None:
    """Make the store's tables on first use (one snapshot), or add the ones a newer release needs."""
    wanted = {
        **{sheet.name: statement for sheet, statement in zip(SHEETS, ddl(), strict=True)},
        "extra_cells": EXTRA_CELLS_DDL,
        "dataset": DATASET_DDL,
        "funnel_members": FUNNEL_MEMBERS_DDL,
        **{statement.split()[2]: statement for statement in KEPT_DDL},
    }

    def missing() -> dict[str, str]:
        present = {
            row[0]
            for row in opened.con.cursor()
            .execute("SELECT table_name FROM duckdb_tables() WHERE database_name = 'lake'")
            .fetchall()
        }
        return {name: statement for name, statement in wanted.items() if name not in present}

    if not missing():
        return

    def create(cur: duckdb.DuckDBPyConnection) -> None:
        cur.execute("USE lake")
        for name, statement in missing().items():
            cur.execute(statement)
            if name == "head":
                cur.execute("INSERT INTO head SELECT coalesce(max(version), 0) FROM import_log")

    _write(opened, create, "store created")


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


# --------------------------------------------------------------------------- versions


@dataclass(frozen=True)
class Version:
    """One version of the programme's data: what was imported (or restored), when and by whom."""

    version: int
    snapshot_id: int
    imported_at: dt.datetime
    author: str
    source_name: str
    sha256: str
    rows: dict[str, int]
    kind: str  # "import", "restore" or "migration"
    restored_from: int | None = None

    def as_json(self) -> dict[str, object]:
        return {
            "version": self.version,
            "imported_at": self.imported_at.isoformat(timespec="seconds"),
            "author": self.author,
            "source_name": self.source_name,
            "sha256": self.sha256,
            "rows": self.rows,
            "kind": self.kind,
            "restored_from": self.restored_from,
        }


def _versions(opened: _Store) -> list[Version]:
    # The snapshot table of the DuckLake catalog (ducklake_snapshot in the DuckLake specification) says
    # cheaply whether anything was committed or expired since the last listing; every page run asks.
    mark = (
        opened.con.cursor()
        .execute("SELECT max(snapshot_id), count(*) FROM __ducklake_metadata_lake.ducklake_snapshot")
        .fetchone()
    )
    if opened.listing is not None and opened.listing[0] == mark:
        return list(opened.listing[1])
    rows = (
        opened.con.cursor()
        .execute(
            "SELECT snapshot_id, snapshot_time, author, commit_extra_info FROM lake.snapshots() "
            "WHERE commit_extra_info IS NOT NULL ORDER BY snapshot_id"
        )
        .fetchall()
    )
    found = []
    for snapshot_id, moment, author, extra in rows:
        info = json.loads(extra)
        if "version" not in info:
            continue
        found.append(
            Version(
                version=int(info["version"]),
                snapshot_id=int(snapshot_id),
                imported_at=moment.astimezone(dt.UTC),
                author=author or "",
                source_name=info.get("source_name", ""),
                sha256=info.get("sha256", ""),
                rows=info.get("rows", {}),
                kind=info.get("kind", "import"),
                restored_from=info.get("restored_from"),
            )
        )
    opened.listing = (mark, found)
    return list(found)


def versions(store: Path | str | None = None) -> list[Version]:
    """Every version the store holds, oldest first."""
    return _versions(_store(store))


def latest_version(store: Path | str | None = None) -> int | None:
    """The newest version's number, or None while the store holds none."""
    found = versions(store)
    return found[-1].version if found else None


def version_info(version: int | None = None, store: Path | str | None = None) -> Version:
    """One version (the latest when `version` is None); UnknownVersionError names a version not held."""
    opened = _store(store)
    known = opened.known.get(version) if version is not None else None
    if known is not None:
        return known  # a version never changes once written (until it is expired here)
    found = _versions(opened)
    opened.known.update({entry.version: entry for entry in found})
    if version is None:
        if not found:
            raise UnknownVersionError("store.no_version_yet", store=resolve(store))
        return found[-1]
    for entry in found:
        if entry.version == version:
            return entry
    if not found:
        raise UnknownVersionError("store.no_such_version_empty", version=version, store=resolve(store))
    raise UnknownVersionError(
        "store.no_such_version", version=version, store=resolve(store), first=found[0].version, last=found[-1].version
    )


def _latest_snapshot(opened: _Store) -> int | None:
    found = _versions(opened)
    return found[-1].snapshot_id if found else None


# --------------------------------------------------------------------------- writing a version


def _build_schema(
    cur: duckdb.DuckDBPyConnection, schema: str, fill: Callable[[duckdb.DuckDBPyConnection], None]
) -> None:
    """An in-memory schema with every versioned table (filled by `fill`) and the model macros on top."""
    _new_schema(cur, schema)
    fill(cur)
    _create_model(cur)


def _new_schema(cur: duckdb.DuckDBPyConnection, schema: str) -> None:
    """An empty in-memory schema with every versioned table, made the cursor's current schema."""
    cur.execute(f'CREATE SCHEMA {COPIES}."{schema}"')
    cur.execute(f'USE {COPIES}."{schema}"')
    for statement in [*ddl(), EXTRA_CELLS_DDL, DATASET_DDL, FUNNEL_MEMBERS_DDL]:
        cur.execute(statement)


def _create_model(cur: duckdb.DuckDBPyConnection) -> None:
    """(Re)create the model layer in the cursor's schema: the table macros of queries/model/, in file order."""
    for model_file in sorted(MODEL.glob("*.sql")):
        cur.execute(model_file.read_text(encoding="utf-8"))


def _drop_schema(cur: duckdb.DuckDBPyConnection, schema: str) -> None:
    cur.execute(f"USE {COPIES}.main")
    cur.execute(f'DROP SCHEMA IF EXISTS {COPIES}."{schema}" CASCADE')


class StagedVersion:
    """A checked workbook's next version, staged in memory a sheet at a time and saved in one snapshot.

    The import stages each sheet as the reading process delivers it, so staging overlaps reading.
    Nothing reaches the store before `save`: it gives the funnel's units from the model, replaces
    every versioned table, appends the version's funnel and logs the import, all in one commit. The
    staged schema then serves as the new version's in-memory copy, so the pages that follow an
    import do not read it back from the store. `discard` drops a version that is not saved.
    """

    def __init__(self, store: Path | str | None = None) -> None:
        self._store = store
        self._opened = _store(store)
        self._schema = f"staging_{secrets.token_hex(6)}"
        self._cur = self._opened.con.cursor()
        self._done = False
        _new_schema(self._cur, self._schema)
        self._ahead: _WrittenAhead | None = _WrittenAhead(self._opened.con.cursor(), set())
        self._ahead.cursor.execute("BEGIN TRANSACTION")

    def add_sheet(self, name: str, table: pa.Table) -> None:
        """Stage one checked sheet (its schema columns and source_row, as the import typed them), and
        write it to the store's data files ahead, in the transaction `save` commits."""
        sheet = SHEETS_BY_NAME[name]
        if table.num_rows == 0:
            return
        columns = [*sheet.column_names, "source_row"]
        types = [*(c.sql_type for c in sheet.columns), "INTEGER"]
        select = ", ".join(f'CAST("{c}" AS {t})' for c, t in zip(columns, types, strict=True))
        incoming = table.select(columns)
        self._cur.register("incoming", incoming)
        self._cur.execute(f'INSERT INTO "{sheet.name}" SELECT {select} FROM incoming')
        self._cur.unregister("incoming")
        if self._ahead is None:
            return
        # from the delivered rows, not the staged copy: this transaction began before the copy was filled
        ahead = self._ahead.cursor
        try:
            ahead.execute(f'DELETE FROM lake."{sheet.name}"')
            ahead.register("incoming", incoming)
            ahead.execute(f'INSERT INTO lake."{sheet.name}" SELECT {select} FROM incoming')
            ahead.unregister("incoming")
        except duckdb.Error:
            self._stop_writing_ahead()  # only a head start: `save` writes this sheet in its own transaction
            return
        self._ahead.tables.add(sheet.name)

    def _stop_writing_ahead(self) -> None:
        if self._ahead is not None:
            _rollback(self._ahead.cursor)  # the data files written ahead are deleted with it
            self._ahead = None

    def save(
        self,
        extra_cells: pd.DataFrame | None,
        source_name: str,
        sha256: str,
        rows: dict[str, int],
        author: str | None = None,
    ) -> int:
        """Save the staged sheets (`rows`: every present sheet's row count) as the next version; its number."""
        cur = self._cur
        try:
            if extra_cells is not None and not extra_cells.empty:
                cur.register("incoming", extra_cells)
                cur.execute("INSERT INTO extra_cells SELECT * FROM incoming")
                cur.unregister("incoming")
            cur.execute(
                "INSERT INTO dataset VALUES ($source_name, $sha256, $imported_at, $present, $rows)",
                {
                    "source_name": source_name,
                    "sha256": sha256,
                    "imported_at": dt.datetime.now().replace(microsecond=0),
                    "present": list(rows),
                    "rows": json.dumps(rows),
                },
            )
            _create_model(cur)
            cur.execute(FUNNEL_MEMBERS_FROM_MODEL)
            number = _commit_version(
                self._opened, self._schema, author or _os_user(), "import", source_name, sha256, rows, begun=self._ahead
            )
        except BaseException:
            self.discard()
            raise
        self._ahead = None
        self._done = True
        snapshot_id = version_info(number, self._store).snapshot_id
        with self._opened.lock:
            _keep_materialised(self._opened, snapshot_id, self._schema)
        return number

    def discard(self) -> None:
        """Drop what was staged, and the data files written ahead (nothing, once saved)."""
        if not self._done:
            self._done = True
            self._stop_writing_ahead()
            _drop_schema(self._cur, self._schema)


@dataclass
class _WrittenAhead:
    """An open store transaction in which a staged version's `tables` are already written."""

    cursor: duckdb.DuckDBPyConnection
    tables: set[str]


def write_version(
    tables: dict[str, pd.DataFrame],
    extra_cells: pd.DataFrame | None,
    source_name: str,
    sha256: str,
    store: Path | str | None = None,
    author: str | None = None,
) -> int:
    """Save a checked workbook's typed frames as the store's next version, in one snapshot; its number."""
    staged = StagedVersion(store)
    try:
        for name, frame in tables.items():
            staged.add_sheet(name, pa.table({c: pa.array(frame[c]) for c in frame.columns}))
    except BaseException:
        staged.discard()
        raise
    return staged.save(extra_cells, source_name, sha256, {name: len(frame) for name, frame in tables.items()}, author)


def _commit_version(
    opened: _Store,
    source_schema: str | None,
    author: str,
    kind: str,
    source_name: str,
    sha256: str,
    rows: dict[str, int],
    restored: Version | None = None,
    message: Message | None = None,
    begun: _WrittenAhead | None = None,
) -> int:
    """Replace every versioned table from an in-memory schema (or, for a restore, from an older snapshot).

    With `begun`, the first attempt finishes that open transaction, whose tables are already written.
    """
    number: list[int] = []

    def body(cur: duckdb.DuckDBPyConnection) -> None:
        # two writers that meet conflict on the head row, and one of them starts again from here
        cur.execute("DELETE FROM lake.head")
        latest = cur.execute("SELECT coalesce(max(version), 0) FROM lake.import_log").fetchone()[0]
        version = int(latest) + 1
        number[:] = [version]
        cur.execute("INSERT INTO lake.head VALUES ($version)", {"version": version})
        written = begun.tables if begun is not None and cur is begun.cursor else set()
        for table in VERSIONED:
            if table in written:
                continue
            cur.execute(f'DELETE FROM lake."{table}"')
            if restored is None:
                cur.execute(f'INSERT INTO lake."{table}" SELECT * FROM {COPIES}."{source_schema}"."{table}"')
            else:
                cur.execute(
                    f'INSERT INTO lake."{table}" SELECT * FROM lake."{table}" AT (VERSION => $snapshot)',
                    {"snapshot": restored.snapshot_id},
                )
        cur.execute(
            "INSERT INTO lake.version_funnel SELECT $version, stage_key, unit_id, unit_name FROM lake.funnel_members",
            {"version": version},
        )
        _insert_log(cur, author, source_name, sha256, "restored" if restored else "loaded", 0, rows, message, version)
        cur.execute(
            "CALL lake.set_commit_message($author, $message, extra_info => $extra)",
            {
                "author": author,
                "message": f"version {version}: {kind} of {source_name}",
                "extra": json.dumps(
                    {
                        "version": version,
                        "kind": kind,
                        "source_name": source_name,
                        "sha256": sha256,
                        "rows": rows,
                        "restored_from": restored.version if restored else None,
                    }
                ),
            },
        )

    _retrying(opened, body, begun.cursor if begun is not None else None)
    return number[0]


def _retrying(
    opened: _Store, body: Callable[[duckdb.DuckDBPyConnection], None], begun: duckdb.DuckDBPyConnection | None = None
) -> None:
    """Run `body` in one store transaction and commit; a clash with another process's write is tried again.

    `begun`, a cursor whose transaction is already open, serves the first attempt.
    """
    for attempt in range(WRITE_ATTEMPTS):
        if attempt == 0 and begun is not None:
            cur = begun
        else:
            cur = opened.con.cursor()
            cur.execute("BEGIN TRANSACTION")
        try:
            body(cur)
            cur.execute("COMMIT")
            return
        except duckdb.Error as error:
            _rollback(cur)
            if not _is_contention(error):
                raise
            if attempt == WRITE_ATTEMPTS - 1:
                raise StoreBusyError("store.busy", name=opened.location.name) from None
            time.sleep(0.1 * 1.6**attempt)
        except BaseException:
            _rollback(cur)
            raise


def _rollback(cur: duckdb.DuckDBPyConnection) -> None:
    with contextlib.suppress(duckdb.Error):  # a failed COMMIT has already ended the transaction
        cur.execute("ROLLBACK")


def _insert_log(
    cur: duckdb.DuckDBPyConnection,
    author: str,
    source_name: str,
    sha256: str | None,
    outcome: str,
    problems: int,
    rows: dict[str, int],
    message: str | Message | None,
    version: int | None,
) -> None:
    cur.execute(
        "INSERT INTO lake.import_log VALUES ($time, $author, $source, $sha, $outcome, $problems, $rows, $message, "
        "$version)",
        {
            "time": dt.datetime.now(),
            "author": author,
            "source": source_name,
            "sha": sha256,
            "outcome": outcome,
            "problems": problems,
            "rows": json.dumps(rows),
            "message": _log_text(message),
            "version": version,
        },
    )


def restore(version: int, store: Path | str | None = None, author: str | None = None) -> int:
    """Make a new version whose data equals version `version`'s; the new version's number."""
    opened = _store(store)
    old = version_info(version, store)
    return _commit_version(
        opened,
        None,
        author or _os_user(),
        "restore",
        old.source_name,
        old.sha256,
        old.rows,
        restored=old,
        message=Message("store.log_restored", {"version": old.version}),
    )


def _migrate(opened: _Store, legacy: Path) -> Message:
    """Bring a database file of the previous release in as version 1; the one-line message saying so."""
    cur = opened.con.cursor()
    try:
        cur.execute(f"ATTACH {_literal(str(legacy))} AS legacy (READ_ONLY)")
    except duckdb.Error as error:
        raise StoreError("store.legacy_unreadable", legacy=str(legacy), reason=str(error).splitlines()[0]) from None
    staging = f"staging_{secrets.token_hex(6)}"
    try:
        present = {
            row[0]
            for row in cur.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = 'legacy'").fetchall()
        }
        if "dataset" not in present:
            raise StoreError("store.legacy_empty", legacy=str(legacy))
        source_name, sha256, rows = cur.execute(
            "SELECT source_name, sha256, rows_per_sheet FROM legacy.dataset"
        ).fetchone()

        def fill(stage: duckdb.DuckDBPyConnection) -> None:
            for table in [*(sheet.name for sheet in SHEETS), "extra_cells", "dataset"]:
                if table in present:
                    stage.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM legacy."{table}"')

        _build_schema(cur, staging, fill)
        cur.execute(FUNNEL_MEMBERS_FROM_MODEL)
        message = Message("store.migrated", {"legacy": str(legacy), "name": opened.location.name})
        _commit_version(
            opened, staging, _os_user(), "migration", source_name, sha256, json.loads(rows), message=message
        )
        kept = [name for name in ("narratives", "settings") if name in present]

        def keep(write: duckdb.DuckDBPyConnection) -> None:
            if "narratives" in kept:
                write.execute(
                    "INSERT INTO lake.narratives (programme_id, section, lang, text, saved_at) "
                    "SELECT programme_id, section, lang, text, saved_at FROM legacy.narratives"
                )
            if "settings" in kept:
                write.execute("INSERT INTO lake.settings SELECT name, value, now()::TIMESTAMP FROM legacy.settings")

        if kept:
            _write(opened, keep, "report texts and settings brought in")
        return message
    finally:
        _drop_schema(cur, staging)
        cur.execute("DETACH legacy")


def _commit_note(cur: duckdb.DuckDBPyConnection, message: str) -> None:
    cur.execute("CALL lake.set_commit_message($author, $message)", {"author": _os_user(), "message": message})


# --------------------------------------------------------------------------- reading a version


def _keep_materialised(opened: _Store, snapshot_id: int, schema: str) -> None:
    """Remember `schema` as the in-memory copy of snapshot `snapshot_id` (the caller holds the store's
    lock), then trim the copies to MATERIALISED_VERSIONS."""
    cur = opened.con.cursor()
    if snapshot_id in opened.schemas:
        _drop_schema(cur, schema)
        return
    opened.schemas[snapshot_id] = schema
    _trim_materialised(opened)


def _trim_materialised(opened: _Store) -> None:
    """Drop the least recently used copies beyond MATERIALISED_VERSIONS, never one a query is reading
    (the caller holds the store's lock); while every copy is being read, there are more for a moment."""
    idle = [snapshot for snapshot in opened.schemas if not opened.readers[snapshot]]
    cur = opened.con.cursor()
    for snapshot in idle[: max(0, len(opened.schemas) - MATERIALISED_VERSIONS)]:
        _forget_schema(opened, cur, snapshot)


def _forget_schema(opened: _Store, cur: duckdb.DuckDBPyConnection, snapshot_id: int) -> None:
    """Drop a version's in-memory copy (the caller holds the store's lock)."""
    _drop_schema(cur, opened.schemas.pop(snapshot_id))
    opened.unfiltered.discard(snapshot_id)
    opened.keeping.pop(snapshot_id, None)
    opened.kept.pop(snapshot_id, None)
    opened.warmed.discard(snapshot_id)
    for held in [held for held in opened.keeping_results if held[0] == snapshot_id]:
        del opened.keeping_results[held]


def _keep_unfiltered(opened: _Store, snapshot_id: int, schema: str) -> None:
    """Make the version's copy keep the unfiltered rows of each UNFILTERED macro as a table, and replace
    the macro with one that reads that table when no filter is set (once per copy; the caller reads
    the copy, so it stays while this runs)."""
    if snapshot_id in opened.unfiltered:
        return
    with opened.lock:
        guard = opened.keeping.setdefault(snapshot_id, threading.Lock())
    with guard:
        if snapshot_id in opened.unfiltered:
            return
        cur = opened.con.cursor()
        cur.execute(f'USE {COPIES}."{schema}"')
        for name in UNFILTERED:
            cur.execute(
                f'CREATE OR REPLACE TABLE "unfiltered_{name}" AS SELECT * FROM "{name}"(NULL, NULL, NULL, NULL, NULL)'
            )
            cur.execute(
                f'CREATE OR REPLACE MACRO "{name}"(calls, sectors, subregions, year_from, year_to) AS TABLE '
                f'SELECT * FROM "unfiltered_{name}" WHERE {NO_FILTER} UNION ALL '
                f'SELECT * FROM "{name}_computed"(calls, sectors, subregions, year_from, year_to) '
                f"WHERE NOT ({NO_FILTER})"
            )
        opened.unfiltered.add(snapshot_id)


def _schema(opened: _Store, snapshot_id: int) -> str:
    """The in-memory schema holding the version of snapshot `snapshot_id`, made on first use; the
    caller is counted as its reader until it calls `_done_reading`."""
    with opened.lock:
        opened.readers[snapshot_id] += 1
        schema = opened.schemas.get(snapshot_id)
        if schema is not None:
            opened.schemas.move_to_end(snapshot_id)
            return schema
        schema = f"v{snapshot_id}"
        cur = opened.con.cursor()

        def fill(copy: duckdb.DuckDBPyConnection) -> None:
            for table in VERSIONED:
                copy.execute(
                    f'INSERT INTO "{table}" SELECT * FROM lake."{table}" AT (VERSION => $snapshot)',
                    {"snapshot": snapshot_id},
                )

        _drop_schema(cur, schema)
        try:
            _build_schema(cur, schema, fill)
        except BaseException:
            _drop_schema(cur, schema)
            opened.readers[snapshot_id] -= 1
            raise
        _keep_materialised(opened, snapshot_id, schema)
        return schema


def _done_reading(opened: _Store, snapshot_id: int) -> None:
    with opened.lock:
        opened.readers[snapshot_id] -= 1
        if opened.readers[snapshot_id] <= 0:
            del opened.readers[snapshot_id]
        _trim_materialised(opened)


def keep_warm(version: int, store: Path | str | None = None) -> None:
    """Make the version's in-memory copy, its unfiltered model and the unfiltered rows of every query
    that takes only the filters (`keeps_result`) in a background thread, once per version and process:
    the app calls it after an import and when it first sees a version, so that the first view of
    each page does not wait for them (a query that comes first waits for the same work instead of
    repeating it)."""
    opened = _store(store)
    snapshot_id = version_info(version, store).snapshot_id
    with opened.lock:
        if snapshot_id in opened.warmed:
            return
        opened.warmed.add(snapshot_id)
        opened.warming = [thread for thread in opened.warming if thread.is_alive()]
        thread = threading.Thread(target=_warm, args=(store, version), name=f"outcomes-warm-{version}", daemon=True)
        opened.warming.append(thread)
    thread.start()


def wait_for_warming(store: Path | str | None = None) -> None:
    """Return when the background work keep_warm started has finished (closing the store and the
    benchmark wait for it)."""
    for thread in list(_store(store).warming):
        thread.join()


def _warm(store: Path | str | None, version: int) -> None:
    names = [*WARM_FIRST, *(name for name in query_names() if name not in WARM_FIRST)]
    with _reading(store, version) as (opened, snapshot_id, cur):
        for name in names:
            if keeps_result(query(name)):
                try:
                    _keep_result(opened, snapshot_id, query(name), cur)
                except duckdb.Error:  # the page that asks for it meets the same error where it can say so
                    continue


@contextlib.contextmanager
def _reading(store: Path | str | None, version: int | None) -> Iterator[tuple[_Store, int, duckdb.DuckDBPyConnection]]:
    opened = _store(store)
    snapshot_id = version_info(version, store).snapshot_id
    schema = _schema(opened, snapshot_id)
    try:
        _keep_unfiltered(opened, snapshot_id, schema)
        cur = opened.con.cursor()
        cur.execute(f'USE {COPIES}."{schema}"')
        yield opened, snapshot_id, cur
    finally:
        _done_reading(opened, snapshot_id)


@contextlib.contextmanager
def reading(store: Path | str | None = None, version: int | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A fresh cursor reading `version` (default: the latest) by its unqualified table and macro names.
    The version's in-memory copy stays until the block ends, however many other versions other
    sessions open meanwhile."""
    with _reading(store, version) as (_, _, cur):
        yield cur


def keeps_result(q: Query) -> bool:
    """Whether the version's copy keeps the query's unfiltered rows: it takes no parameter but the filters."""
    return set(q.parameters) <= set(FILTER_PARAMETERS)


def _keep_result(opened: _Store, snapshot_id: int, q: Query, cur: duckdb.DuckDBPyConnection) -> str:
    """The table in the version's copy (`cur` reads it) holding the query's unfiltered rows, in its
    order; made once per copy, by whichever reader asks first (the others wait for it)."""
    table = f"kept_{q.name}"
    if q.name in opened.kept.get(snapshot_id, ()):
        return table
    with opened.lock:
        guard = opened.keeping_results.setdefault((snapshot_id, q.name), threading.Lock())
    with guard:
        if q.name not in opened.kept.get(snapshot_id, ()):
            cur.execute(f'CREATE OR REPLACE TABLE "{table}" AS {q.sql}', dict.fromkeys(q.parameters))
            with opened.lock:
                opened.kept.setdefault(snapshot_id, set()).add(q.name)
    return table


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


def run_query(
    name: str, store: Path | str | None = None, *, version: int | None = None, **params: object
) -> pd.DataFrame:
    """Run queries/NAME.sql on `version` (default: the latest); parameters it does not name are ignored,
    missing ones are NULL. With no filter set, the rows come from the version's copy, computed once."""
    q = query(name)
    values = {p: params.get(p) for p in q.parameters}
    with _reading(store, version) as (opened, snapshot_id, cur):
        if keeps_result(q) and all(value is None for value in values.values()):
            return cur.execute(f'SELECT * FROM "{_keep_result(opened, snapshot_id, q, cur)}"').df()
        return cur.execute(q.sql, values).df()


def dataset(store: Path | str | None = None, version: int | None = None) -> dict[str, object]:
    """What a version holds: its number and author, source file name, SHA-256, import time, sheets present
    and rows per sheet."""
    info = version_info(version, store)
    with reading(store, info.version) as cur:
        row = cur.execute(
            "SELECT source_name, sha256, imported_at, sheets_present, rows_per_sheet FROM dataset"
        ).fetchone()
    if row is None:
        return {}
    return {
        "version": info.version,
        "author": info.author,
        "source_name": row[0],
        "sha256": row[1],
        "imported_at": row[2],
        "sheets_present": list(row[3]),
        "rows_per_sheet": json.loads(row[4]),
    }


@cache
def _sample_digest() -> str:
    return hashlib.sha256(SAMPLE_WORKBOOK.read_bytes()).hexdigest()


def is_sample(store: Path | str | None = None, version: int | None = None) -> bool:
    """Whether a version holds the embedded illustrative sample workbook."""
    return version_info(version, store).sha256 == _sample_digest()


def funnel_by_version(store: Path | str | None = None) -> pd.DataFrame:
    """The unfiltered funnel of every version held: version, stage_key, units."""
    opened = _store(store)
    held = [v.version for v in _versions(opened)]
    return (
        opened.con.cursor()
        .execute(
            "SELECT version, stage_key, count(DISTINCT unit_id) AS units FROM lake.version_funnel "
            "WHERE list_contains($held, version) GROUP BY ALL ORDER BY version, stage_key",
            {"held": held},
        )
        .df()
    )


def funnel_members(version: int, store: Path | str | None = None) -> pd.DataFrame:
    """The units of each funnel stage of a version, unfiltered: stage_key, unit_id, unit_name."""
    info = version_info(version, store)
    return (
        _store(store)
        .con.cursor()
        .execute(
            "SELECT stage_key, unit_id, unit_name FROM lake.version_funnel WHERE version = $version",
            {"version": info.version},
        )
        .df()
    )


def sheet_rows(sheet: str, version: int, store: Path | str | None = None) -> pd.DataFrame:
    """Every row of one sheet as a version holds it (without the spreadsheet row numbers)."""
    if sheet not in SHEETS_BY_NAME:
        raise KeyError(f"no sheet named {sheet!r}")
    with reading(store, version) as cur:
        return cur.execute(f'SELECT * EXCLUDE (source_row) FROM "{sheet}"').df()


# --------------------------------------------------------------------------- import log


def log_import(
    store: Path | str | None,
    source_name: str,
    sha256: str | None,
    rows_per_sheet: dict[str, int],
    outcome: str,
    problem_count: int,
    message: str | Message = "",
    author: str | None = None,
) -> None:
    """Record an import attempt that made no version (rejected, unreadable, failed) in the store's log.

    A `Message` is kept as its key and parameters, so the log reads in whichever language its reader reads.
    """
    opened = _store(store)
    _write(
        opened,
        lambda cur: _insert_log(
            cur, author or _os_user(), source_name, sha256, outcome, problem_count, rows_per_sheet, message, None
        ),
        f"{outcome} import of {source_name}",
    )


def import_log(store: Path | str | None = None) -> pd.DataFrame:
    """Every import attempt, newest first: time, author, file, version, outcome, problems, rows, sha256, message."""
    frame = (
        _store(store)
        .con.cursor()
        .execute(
            "SELECT time, author, source_name AS file, version, outcome, problems, rows_per_sheet AS rows, sha256, "
            "message FROM lake.import_log ORDER BY time DESC, coalesce(version, 0) DESC"
        )
        .df()
    )
    frame["rows"] = frame["rows"].map(lambda text: json.loads(text) if isinstance(text, str) else {})
    frame["message"] = frame["message"].map(_log_message)
    return frame.astype({"version": "Int64", "problems": "Int64"})


def _log_text(message: str | Message | None) -> str:
    """A log entry's message as the catalog keeps it: a `Message` as JSON of its key and parameters."""
    if isinstance(message, Message):
        return json.dumps({"key": message.key, "params": dict(message.params)}, ensure_ascii=False)
    return message or ""


def _log_message(text: object) -> Message | str:
    """A log entry's message as kept (see _log_text): a `Message` again, or the text as it was recorded."""
    if isinstance(text, str) and text.startswith('{"key": '):
        with contextlib.suppress(ValueError, TypeError):
            kept = json.loads(text)
            if kept.get("key") in TERMS and isinstance(kept.get("params"), dict):
                return Message(kept["key"], kept["params"])
    return text if isinstance(text, str) else ""


# --------------------------------------------------------------------------- kept across imports
# What evaluators write (report narratives) and the public-mode key are kept tables of the store,
# read at the latest snapshot whatever version the pages show.


@dataclass(frozen=True)
class Narrative:
    """An evaluator's text for one report section, when it was saved and by whom (None: no sign-in)."""

    text: str
    saved_at: dt.datetime
    author: str | None = None


def save_narrative(
    programme_id: str,
    section: str,
    lang: str,
    text: str,
    store: Path | str | None = None,
    author: str | None = None,
) -> dt.datetime:
    """Store a section's text and who saved it (every version is kept; the latest counts).

    Empty text means: use the draft. `author` is the signed-in e-mail address, None without sign-in.
    """
    saved_at = dt.datetime.now().replace(microsecond=0)
    _write(
        _store(store),
        lambda cur: cur.execute(
            "INSERT INTO lake.narratives (programme_id, section, lang, text, saved_at, author) "
            "VALUES ($programme_id, $section, $lang, $text, $saved_at, $author)",
            {
                "programme_id": programme_id,
                "section": section,
                "lang": lang,
                "text": text,
                "saved_at": saved_at,
                "author": author,
            },
        ),
        f"report section {section} ({lang}) saved",
    )
    return saved_at


def narratives(programme_id: str, lang: str, store: Path | str | None = None) -> dict[str, Narrative]:
    """The latest saved text of each section of the programme's report in one language, when not empty."""
    rows = (
        _store(store)
        .con.cursor()
        .execute(
            "SELECT section, arg_max(text, saved_at), max(saved_at), arg_max(author, saved_at) FROM lake.narratives "
            "WHERE programme_id = $programme_id AND lang = $lang GROUP BY section",
            {"programme_id": programme_id, "lang": lang},
        )
        .fetchall()
    )
    return {
        section: Narrative(text, saved_at, author) for section, text, saved_at, author in rows if text and text.strip()
    }


def setting(name: str, make: Callable[[], str], store: Path | str | None = None) -> str:
    """A stored setting; made with `make` and stored the first time it is asked for.

    The store has no unique keys: when two processes make it at once both rows are kept and the
    first made wins for everyone.
    """
    opened = _store(store)
    select = "SELECT arg_min(value, made_at) FROM lake.settings WHERE name = $name"
    row = opened.con.cursor().execute(select, {"name": name}).fetchone()
    if row is None or row[0] is None:
        _write(
            opened,
            lambda cur: cur.execute(
                "INSERT INTO lake.settings VALUES ($name, $value, $made_at)",
                {"name": name, "value": make(), "made_at": dt.datetime.now()},
            ),
            f"setting {name} made",
        )
        row = opened.con.cursor().execute(select, {"name": name}).fetchone()
    return row[0]


def pseudonyms(store: Path | str | None = None, version: int | None = None, also: tuple[int, ...] = ()) -> Pseudonyms:
    """Public-mode pseudonyms of a version's organisations (and of the versions `also`, for a page that
    shows two), keyed by $OUTCOMES_PSEUDONYM_KEY or else by a random key made once and kept in the store,
    so a firm keeps its pseudonym across runs and imports."""
    key = os.environ.get("OUTCOMES_PSEUDONYM_KEY") or setting("pseudonym_key", lambda: secrets.token_hex(32), store)
    numbers = (version, *also)
    organisations = pd.concat(
        [run_query("organisation_names", store, version=number) for number in numbers], ignore_index=True
    ).drop_duplicates()
    clusters = pd.concat(
        [run_query("cluster_names", store, version=number) for number in numbers], ignore_index=True
    ).drop_duplicates()
    return Pseudonyms.build(organisations, key.encode("utf-8"), clusters)


# --------------------------------------------------------------------------- maintenance


ORPHANS_AFTER = dt.timedelta(days=1)  # a data file no snapshot lists, this old, was left by a killed import


def compact(store: Path | str | None = None) -> int:
    """Merge the store's small data files and delete the files no snapshot needs; how many files were merged.

    Also deleted: data files that no snapshot ever listed and are older than ORPHANS_AFTER. An import
    writes its sheets' files while it still reads, and one killed before its commit leaves them
    behind; a younger one may belong to an import still running in another process.
    """
    opened = _store(store)
    cur = opened.con.cursor()
    merged = cur.execute("CALL ducklake_merge_adjacent_files('lake')").fetchall()
    cur.execute("CALL ducklake_cleanup_old_files('lake', cleanup_all => true)").fetchall()
    cur.execute(
        "CALL ducklake_delete_orphaned_files('lake', older_than => $older_than)",
        {"older_than": dt.datetime.now(dt.UTC) - ORPHANS_AFTER},
    ).fetchall()
    return len(merged)


def expire(before: int, store: Path | str | None = None, dry_run: bool = True) -> list[Version]:
    """The versions older than version `before` (and every other snapshot before it) are expired; the
    versions that go. With dry_run nothing changes: the list says what would go."""
    opened = _store(store)
    keep_from = version_info(before, store)
    going = [v for v in _versions(opened) if v.version < keep_from.version]
    snapshots = [
        row[0]
        for row in opened.con.cursor()
        .execute(
            "SELECT snapshot_id FROM lake.snapshots() WHERE snapshot_id < $first ORDER BY snapshot_id",
            {"first": keep_from.snapshot_id},
        )
        .fetchall()
    ]
    if not dry_run and snapshots:
        cur = opened.con.cursor()
        cur.execute("CALL ducklake_expire_snapshots('lake', versions => $ids)", {"ids": snapshots}).fetchall()
        cur.execute("CALL ducklake_cleanup_old_files('lake', cleanup_all => true)").fetchall()
        with opened.lock:
            for entry in going:
                opened.known.pop(entry.version, None)
            for snapshot_id in [s for s in opened.schemas if s in snapshots]:
                _forget_schema(opened, cur, snapshot_id)
    return going
