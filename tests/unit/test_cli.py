"""The command line, as PRODUCT.md specifies it: `python -m outcomes import|validate|funnel [--json]|template`,
and the versions of part 2: `versions`, `funnel --as-of`, `diff`, `restore`, `compact`, `expire`."""

from __future__ import annotations

import ast
import hashlib
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from outcomes import __main__ as cli
from outcomes import db, formatting, indicators, ingest, public, vocabulary

from .workbooks import RULES_FUNNEL, rules_book, valid_book, write_xlsx

ROOT = Path(__file__).resolve().parents[2]


def outcomes(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run `python -m outcomes ARGS` from the project root, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "outcomes", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def funnel_counts(store: Path, version: int | None) -> dict[str, int]:
    frame = db.run_query("funnel", store, version=version)
    return dict(zip(frame["stage_key"], frame["units"].astype(int), strict=True))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess, Path]:
    """`import` of the rules workbook into a new database, run once for the module."""
    folder = tmp_path_factory.mktemp("cli")
    database = folder / "cli.duckdb"
    run = outcomes("import", write_xlsx(rules_book(), folder / "rules.xlsx"), "--db", database)
    return run, database


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    book = rules_book()
    book["grants"][2]["decision"] = "approved"  # spreadsheet row 4
    book["memberships"][4]["org_id"] = "F99"  # spreadsheet row 6
    return write_xlsx(book, tmp_path / "broken.xlsx")


def test_import_exits_0_and_says_what_it_loaded(imported: tuple[subprocess.CompletedProcess, Path]) -> None:
    run, database = imported
    assert run.returncode == 0, run.stderr
    assert "rules.xlsx: valid (" in run.stdout
    assert f"grants {len(rules_book()['grants'])}" in run.stdout
    assert f"saved as version 1 of the store {database}" in run.stdout
    assert db.import_log(database)["outcome"].tolist() == ["loaded"]
    assert db.import_log(database)["author"].tolist() == [db._os_user()]


def test_funnel_json_has_the_documented_shape(imported: tuple[subprocess.CompletedProcess, Path]) -> None:
    run = outcomes("funnel", "--json", "--db", imported[1])
    assert run.returncode == 0, run.stderr
    payload = json.loads(run.stdout)
    assert list(payload) == ["stages"]
    assert [list(stage) for stage in payload["stages"]] == [["key", "label", "unit", "count"]] * 4
    assert [stage["key"] for stage in payload["stages"]] == list(RULES_FUNNEL)
    assert {stage["key"]: stage["count"] for stage in payload["stages"]} == RULES_FUNNEL
    assert [stage["label"] for stage in payload["stages"]] == [s.label for s in indicators.FUNNEL_STAGES]
    assert [stage["unit"] for stage in payload["stages"]] == ["clusters", "clusters", "clusters", "SMEs"]


def test_funnel_on_the_default_database_shows_the_published_figures(fresh_sample_db: Path) -> None:
    """Without --db the command line uses $OUTCOMES_DB (here: a copy of the sample store)."""
    db.close(fresh_sample_db)
    run = outcomes("funnel", env={"OUTCOMES_DB": str(fresh_sample_db)})
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert [line.split("  ")[0] for line in lines] == [s.label for s in indicators.FUNNEL_STAGES]
    assert lines[0].split()[-2:] == ["29", "clusters"]
    assert formatting.conversion(14, 29, "en") in lines[1]
    assert formatting.conversion(10, 14, "en") in lines[2]
    trading, unit = lines[3].split("SMEs trading in foreign markets")[1].split()[:2]
    assert int(trading) > 80
    assert unit == "SMEs"


def test_validate_broken_workbook_prints_every_problem_and_exits_1(broken: Path, tmp_path: Path) -> None:
    run = outcomes("validate", broken)
    assert run.returncode == 1
    problems = run.stdout.splitlines()
    assert len(problems) == 2
    assert problems[0].startswith("memberships:6:org_id: 'F99' is not an org_id")
    assert problems[1].startswith("grants:4:decision: 'approved' is not a valid decision")
    assert "2 problems; nothing was loaded" in run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    assert not list(tmp_path.glob("*.duckdb"))


def test_unreadable_file_is_one_sentence_without_traceback(tmp_path: Path) -> None:
    """Over the size limit, set in the environment: exit 1, one line on stderr, nothing created."""
    big = tmp_path / "big.xlsx"
    big.write_bytes(bytes(1_500_000))
    run = outcomes("import", big, "--db", tmp_path / "db.duckdb", env={"OUTCOMES_MAX_FILE_MB": "1"})
    assert run.returncode == 1
    assert run.stdout == ""
    assert run.stderr.splitlines() == ["error: big.xlsx is 2 MB; the limit is 1 MB (OUTCOMES_MAX_FILE_MB)."]
    assert db.versions(tmp_path / "db.duckdb") == []
    assert db.import_log(tmp_path / "db.duckdb")["outcome"].tolist() == ["unreadable"]


def test_template_writes_a_workbook_that_validates(tmp_path: Path) -> None:
    target = tmp_path / "blank.xlsx"
    run = outcomes("template", target)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == f"template written to {target}"
    result = ingest.validate(target)
    assert [str(p) for p in result.problems] == ["programme:2:-: must have exactly one row, it has 0"]


def test_template_in_polish_has_polish_instructions_and_the_same_sheets(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from outcomes.schema import SHEETS
    from outcomes.template import INSTRUCTIONS_SHEET

    target = tmp_path / "szablon.xlsx"
    run = outcomes("template", target, "--lang", "pl")
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == f"szablon zapisano w {target}"
    workbook = load_workbook(target)
    guide = workbook[INSTRUCTIONS_SHEET]
    assert guide["A1"].value == "Skoroszyt rezultatów programu: jak go wypełnić"
    meanings = {(row[0], row[1]): row[5] for row in guide.iter_rows(values_only=True) if row[0] and row[1]}
    assert meanings[("grants", "paid_amount")] == "Dofinansowanie dotychczas wypłacone."
    for sheet in SHEETS:  # the names the import reads stay as they are
        assert [cell.value for cell in workbook[sheet.name][1]] == sheet.column_names


# --------------------------------------------------------------------------- in-process: the rarer paths


def test_import_broken_workbook_changes_nothing(
    broken: Path, fresh_sample_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = db.versions(fresh_sample_db)
    funnel = db.run_query("funnel", fresh_sample_db)
    assert cli.main(["import", str(broken), "--db", str(fresh_sample_db)]) == 1
    out = capsys.readouterr().out
    assert "memberships:6:org_id: " in out
    assert "grants:4:decision: " in out
    assert "saved as version" not in out
    assert db.versions(fresh_sample_db) == before
    assert db.run_query("funnel", fresh_sample_db).equals(funnel)
    log = db.import_log(fresh_sample_db)
    assert (log["outcome"][0], log["problems"][0], log["version"][0]) == ("rejected", 2, pd.NA)


def test_password_protected_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = tmp_path / "locked.xlsx"
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2048))
    assert cli.main(["import", str(locked), "--db", str(tmp_path / "db.duckdb")]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        "error: locked.xlsx is password-protected or encrypted; save it without a password and import it again."
    ]


def test_validate_valid_workbook_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["validate", str(write_xlsx(valid_book(), tmp_path / "ok.xlsx"))]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ok.xlsx: valid (programme 1, clusters 2, organisations 3")


def test_cli_shows_200_problems_and_counts_the_rest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = valid_book()
    book["clusters"] += [{"cluster_id": f"X{i}", "name": "X", "sector": "F", "status": "?"} for i in range(230)]
    assert cli.main(["validate", str(write_xlsx(book, tmp_path / "many.xlsx"))]) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert len(lines) == 201
    assert all(line.startswith("clusters:") for line in lines[:200])
    assert lines[200] == "… and 30 more problems"
    assert "230 problems" in captured.err


def test_store_folder_that_cannot_be_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the store folder should be made")
    store = blocked / "store"
    assert cli.main(["import", str(write_xlsx(valid_book(), tmp_path / "ok.xlsx")), "--store", str(store)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1
    assert err[0].startswith(f"error: The store folder {store} cannot be written")


def test_unreachable_postgres_catalog(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    env = {"OUTCOMES_DATA_PATH": str(tmp_path / "files")}
    run = outcomes("versions", "--store", "postgres:host=127.0.0.1 port=9 dbname=x user=x connect_timeout=3", env=env)
    assert run.returncode == 2
    assert run.stdout == ""
    assert len(run.stderr.splitlines()) == 1
    assert run.stderr.startswith("error: The store postgres:host=127.0.0.1 port=9")
    assert not (tmp_path / "files").exists()


def test_postgres_store_needs_a_data_path(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OUTCOMES_DATA_PATH", raising=False)
    assert cli.main(["versions", "--store", "postgres:dbname=outcomes"]) == 2
    assert "OUTCOMES_DATA_PATH" in capsys.readouterr().err


# --------------------------------------------------------------------------- versions


@pytest.fixture
def two_versions(tmp_path: Path) -> Path:
    """A store holding the rules workbook (version 1) and the same with one cluster renamed and a lost deal of B won."""
    store = tmp_path / "store"
    assert ingest.import_workbook(write_xlsx(rules_book(), tmp_path / "q1.xlsx"), store).version == 1
    book = rules_book()
    book["clusters"][0]["name"] = "Renamed cluster"
    lost = next(deal for deal in book["deals"] if deal["status"] == "lost" and deal["cluster_id"] == "B")
    lost["status"] = "won"
    assert ingest.import_workbook(write_xlsx(book, tmp_path / "q2.xlsx"), store).version == 2
    db.close(store)
    return store


def test_versions_json_lists_every_version_oldest_first(two_versions: Path) -> None:
    run = outcomes("versions", "--json", "--store", two_versions)
    assert run.returncode == 0, run.stderr
    listed = json.loads(run.stdout)["versions"]
    assert [v["version"] for v in listed] == [1, 2]
    assert [v["source_name"] for v in listed] == ["q1.xlsx", "q2.xlsx"]
    assert all(v["author"] == db._os_user() for v in listed)
    assert listed[0]["sha256"] == digest(two_versions.parent / "q1.xlsx")
    assert listed[0]["rows"] == {name: len(rows) for name, rows in rules_book().items()}
    assert listed[0]["imported_at"] <= listed[1]["imported_at"]


def test_funnel_as_of_reads_the_older_version(two_versions: Path) -> None:
    first = json.loads(outcomes("funnel", "--json", "--as-of", 1, "--store", two_versions).stdout)
    latest = json.loads(outcomes("funnel", "--json", "--store", two_versions).stdout)
    counts = {s["key"]: s["count"] for s in first["stages"]}
    assert counts == RULES_FUNNEL
    changed = {s["key"]: s["count"] for s in latest["stages"]}
    assert changed["exporting_clusters"] == RULES_FUNNEL["exporting_clusters"] + 1


def test_diff_names_the_rows_and_the_clusters_that_moved(two_versions: Path) -> None:
    run = outcomes("diff", 1, 2, "--json", "--store", two_versions)
    assert run.returncode == 0, run.stderr
    found = json.loads(run.stdout)
    assert (found["from"], found["to"]) == (1, 2)
    assert found["sheets"]["clusters"] == {"added": 0, "removed": 0, "changed": 1}
    assert found["sheets"]["deals"] == {"added": 0, "removed": 0, "changed": 1}
    assert found["sheets"]["grants"] == {"added": 0, "removed": 0, "changed": 0}
    exporting = found["stages"]["exporting_clusters"]
    assert exporting["to"] == exporting["from"] + 1
    assert len(exporting["entered"]) == 1
    assert exporting["left"] == []
    assert found["stages"]["supported_clusters"]["entered"] == []


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["funnel", "--as-of", "7"], "There is no version 7"),
        (["diff", "1", "9"], "There is no version 9"),
        (["diff", "2", "2"], "Version 2 compared with itself"),
        (["restore", "5"], "There is no version 5"),
        (["report", "--format", "md", "--out", "r.md", "--as-of", "3"], "There is no version 3"),
    ],
)
def test_unknown_version_is_one_sentence_exit_2_nothing_changed(
    two_versions: Path, args: list[str], named: str, tmp_path: Path
) -> None:
    before = db.versions(two_versions)
    db.close(two_versions)
    run = outcomes(*args, "--store", two_versions)
    assert run.returncode == 2
    assert run.stderr.splitlines() == [run.stderr.strip()]
    assert named in run.stderr
    assert "Traceback" not in run.stderr
    assert db.versions(two_versions) == before
    assert not (tmp_path / "r.md").exists()


def test_restore_makes_a_new_version_with_the_old_data(two_versions: Path) -> None:
    run = outcomes("restore", 1, "--store", two_versions)
    assert run.returncode == 0, run.stderr
    assert "version 3 made, with the data of version 1" in run.stdout
    held = db.versions(two_versions)
    assert [(v.version, v.kind, v.restored_from) for v in held] == [
        (1, "import", None),
        (2, "import", None),
        (3, "restore", 1),
    ]
    for sheet in ("clusters", "deals", "memberships"):
        assert db.sheet_rows(sheet, 3, two_versions).equals(db.sheet_rows(sheet, 1, two_versions))
    assert funnel_counts(two_versions, None) == funnel_counts(two_versions, 1)
    assert db.import_log(two_versions)["outcome"][0] == "restored"


def test_expire_lists_first_and_drops_only_when_asked(two_versions: Path) -> None:
    dry = outcomes("expire", "--before", 2, "--dry-run", "--store", two_versions)
    assert dry.returncode == 0, dry.stderr
    assert "would be expired (dry run; nothing changed)" in dry.stdout
    assert "q1.xlsx" in dry.stdout
    assert [v.version for v in db.versions(two_versions)] == [1, 2]
    db.close(two_versions)
    done = outcomes("expire", "--before", 2, "--store", two_versions)
    assert done.returncode == 0, done.stderr
    assert [v.version for v in db.versions(two_versions)] == [2]
    assert outcomes("funnel", "--as-of", 1, "--store", two_versions).returncode == 2
    assert outcomes("compact", "--store", two_versions).returncode == 0
    assert db.run_query("funnel", two_versions).shape[0] == 5


def test_compact_deletes_the_files_a_killed_import_left_once_they_are_a_day_old(two_versions: Path) -> None:
    """An import writes its sheets' data files while it still reads; killed before its commit, it leaves
    files no snapshot lists. `compact` deletes those older than a day, never a younger one (it may be an
    import still running), and every version still reads the same."""
    funnel = {version: funnel_counts(two_versions, version) for version in (1, 2)}
    listed = set((two_versions / "files").rglob("*.parquet"))
    folder = next(iter(listed)).parent
    left_by_a_killed_import = folder / "ducklake-left-by-a-killed-import.parquet"
    still_being_written = folder / "ducklake-still-being-written.parquet"
    for orphan in (left_by_a_killed_import, still_being_written):
        orphan.write_bytes(next(iter(listed)).read_bytes())
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(left_by_a_killed_import, (two_days_ago, two_days_ago))
    db.close(two_versions)
    assert outcomes("compact", "--store", two_versions).returncode == 0
    assert not left_by_a_killed_import.exists()
    assert still_being_written.exists()
    assert {version: funnel_counts(two_versions, version) for version in (1, 2)} == funnel


def test_old_database_file_comes_in_as_version_1(tmp_path: Path) -> None:
    """A database file of the previous release (tables of the sheets, dataset, narratives) is brought in."""
    import duckdb

    legacy = tmp_path / "outcomes.duckdb"
    source = db.connection(_sample_store(tmp_path)).cursor()
    source.execute(f"ATTACH '{legacy}' AS old")
    for table in [*db.VERSIONED[:-1]]:
        source.execute(f'CREATE TABLE old."{table}" AS SELECT * FROM lake."{table}"')
    # the previous release had no author column
    source.execute(
        "CREATE TABLE old.narratives AS SELECT programme_id, section, lang, text, saved_at FROM lake.narratives"
    )
    source.execute("INSERT INTO old.narratives VALUES ('FPK-2014', 'about', 'en', 'Kept text.', now()::TIMESTAMP)")
    source.execute("DETACH old")
    duckdb.connect(str(legacy)).close()
    run = outcomes("funnel", "--json", "--db", legacy)
    assert run.returncode == 0, run.stderr
    assert run.stderr.strip() == (
        f"note: Brought the previous release's database {legacy} in as version 1 of the store "
        f"{tmp_path / 'outcomes-store'}."
    )
    assert {s["key"]: s["count"] for s in json.loads(run.stdout)["stages"]}["supported_clusters"] == 29
    store = tmp_path / "outcomes-store"
    assert [v.kind for v in db.versions(legacy)] == ["migration"]
    assert db.narratives("FPK-2014", "en", legacy)["about"].text == "Kept text."
    assert db.narratives("FPK-2014", "en", legacy)["about"].author is None
    assert outcomes("versions", "--db", legacy).stderr == ""  # said once
    assert store.is_dir()


def _sample_store(tmp_path: Path) -> Path:
    store = tmp_path / "from-sample"
    assert ingest.import_workbook(db.SAMPLE_WORKBOOK, store).ok
    return store


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(["report-all"])
    assert exit_.value.code == 2
    assert "usage: python -m outcomes" in capsys.readouterr().err


# --------------------------------------------------------------------------- the command line's language


POLISH_PROBLEMS = [
    "memberships:6:org_id: 'F99' nie występuje jako org_id w arkuszu organisations",
    "grants:4:decision: 'approved' nie jest poprawną wartością decision; użyj jednej z: awarded, rejected, withdrawn",
]


def test_lang_pl_prints_the_problems_in_polish(broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["validate", str(broken), "--lang", "pl"]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == POLISH_PROBLEMS
    assert captured.err.splitlines() == ["broken.xlsx: 2 problemy; niczego nie wczytano"]


def test_outcomes_lang_sets_the_language_and_lang_overrides_it(broken: Path, tmp_path: Path) -> None:
    polish = outcomes("validate", broken, env={"OUTCOMES_LANG": "pl"})
    assert polish.returncode == 1
    assert polish.stdout.splitlines() == POLISH_PROBLEMS
    assert "2 problemy; niczego nie wczytano" in polish.stderr
    english = outcomes("validate", broken, "--lang", "en", env={"OUTCOMES_LANG": "pl"})
    assert english.stdout.splitlines()[0] == "memberships:6:org_id: 'F99' is not an org_id in the organisations sheet"
    big = tmp_path / "big.xlsx"
    big.write_bytes(bytes(1_500_000))
    refused = outcomes(
        "import", big, "--db", tmp_path / "db.duckdb", env={"OUTCOMES_MAX_FILE_MB": "1", "OUTCOMES_LANG": "pl"}
    )
    assert refused.returncode == 1
    assert refused.stderr.splitlines() == ["błąd: big.xlsx ma 2 MB; limit wynosi 1 MB (OUTCOMES_MAX_FILE_MB)."]


def test_polish_store_errors_and_listings(two_versions: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["funnel", "--as-of", "9", "--store", str(two_versions), "--lang", "pl"]) == 2
    assert capsys.readouterr().err.startswith("błąd: W magazynie ")
    assert cli.main(["versions", "--store", str(two_versions), "--lang", "pl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert all(line.endswith(("wierszy", "wiersze")) for line in lines)


def test_json_output_does_not_depend_on_the_language(two_versions: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for command in (["funnel", "--json"], ["versions", "--json"], ["diff", "1", "2", "--json"]):
        outputs = []
        for lang in ("en", "pl"):
            assert cli.main([*command, "--store", str(two_versions), "--lang", lang]) == 0
            outputs.append(capsys.readouterr().out)
        assert outputs[0] == outputs[1], command


# --------------------------------------------------------------------------- --help in the command line's language

COMMANDS = sorted(key.removeprefix("cli.command.") for key in vocabulary.TERMS if key.startswith("cli.command."))
# The vocabulary's families that --help is written from.
HELP_FAMILIES = ("cli.description", "cli.section.", "cli.command.", "cli.option.", "cli.metavar.")


def _help(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """What `python -m outcomes ARGV` prints for --help, on one line (argparse wraps at the terminal's width)."""
    with pytest.raises(SystemExit) as exit_:
        cli.main(list(argv))
    assert exit_.value.code == 0
    return " ".join(capsys.readouterr().out.split())


def _help_terms(lang: str) -> list[str]:
    """Every --help term in `lang`, on one line; the public-mode option's threshold as --help fills it in."""
    return [
        " ".join(vocabulary.text(key, lang, threshold=public.THRESHOLD).split())
        for key in vocabulary.TERMS
        if key.startswith(HELP_FAMILIES)
    ]


def test_every_help_text_is_a_vocabulary_term_not_a_literal() -> None:
    """No help=, description= or title= in outcomes/__main__.py is a literal; a metavar literal is a letter (N)."""
    tree = ast.parse((ROOT / "outcomes" / "__main__.py").read_text(encoding="utf-8"))
    literals = [
        f"{node.lineno}: {kw.arg}={ast.unparse(kw.value)}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        for kw in node.keywords
        if kw.arg in ("help", "description", "title", "epilog", "usage", "metavar")
        and isinstance(kw.value, ast.Constant | ast.JoinedStr)
        and not (kw.arg == "metavar" and re.fullmatch(r"[A-Z]", str(getattr(kw.value, "value", ""))))
    ]
    assert literals == []


# The arguments a command needs to parse.
ARGS = {
    "import": ["x.xlsx"],
    "validate": ["x.xlsx"],
    "template": ["x.xlsx"],
    "diff": ["1", "2"],
    "restore": ["1"],
    "expire": ["--before", "2"],
    "report": ["--format", "md", "--out", "x.md"],
    "plan": ["--budget", "1000"],
}


def test_every_help_term_has_its_own_polish() -> None:
    keys = [key for key in vocabulary.TERMS if key.startswith(HELP_FAMILIES)]
    assert len(keys) > 30
    same = [key for key in keys if vocabulary.TERMS[key].get("pl") in (None, "", vocabulary.TERMS[key]["en"])]
    assert same == []
    assert {cli.parser().parse_args([c, *ARGS.get(c, [])]).command for c in COMMANDS} == set(COMMANDS)


def _says(help_text: str, term: str) -> bool:
    """Whether `term` is in `help_text` as words of its own (STORE is not in $OUTCOMES_STORE)."""
    return re.search(rf"(?<![\w$]){re.escape(term)}(?!\w)", help_text) is not None


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_of_every_command_reads_in_polish(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    """`--lang pl [COMMAND] --help`: every help text the English help shows is there in Polish, none in English."""
    words = [command] if command else []
    english = _help(capsys, *words, "--help")
    polish = _help(capsys, "--lang", "pl", *words, "--help")
    pairs = list(zip(_help_terms("en"), _help_terms("pl"), strict=True))
    shown = {en for en, _ in pairs if _says(english, en)}
    assert len(shown) >= (16 if not command else 4)  # the summaries, the sections, -h, --store, --lang at least
    assert sorted(en for en in shown if _says(polish, en)) == []
    assert sorted(en for en in shown if not any(_says(polish, pl) for term, pl in pairs if term == en)) == []
    if command:
        assert _help(capsys, *words, "--lang=pl", "--help") == polish  # the option after the command


def test_help_in_polish_from_the_environment_and_from_lang() -> None:
    """As a user runs it: OUTCOMES_LANG=pl (or --lang pl) gives Polish help; without either it stays English."""
    main_help = outcomes("--lang", "pl", "--help")
    assert main_help.returncode == 0, main_help.stderr
    assert vocabulary.text("cli.description", "pl") in main_help.stdout
    assert "polecenia:" in main_help.stdout
    assert "pokaż tę pomoc i zakończ" in main_help.stdout
    import_help = outcomes("import", "--help", env={"OUTCOMES_LANG": "pl"})
    assert import_help.returncode == 0, import_help.stderr
    assert "argumenty pozycyjne:" in import_help.stdout
    assert "opcje:" in import_help.stdout
    assert "show this help message" not in import_help.stdout
    english = outcomes("import", "--help", env={"OUTCOMES_LANG": ""})
    assert "show this help message and exit" in english.stdout
    assert "validate a workbook or CSV folder and save it as a new version" in " ".join(english.stdout.split())


def test_lang_before_the_command_sets_the_messages_language(broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--lang", "pl", "validate", str(broken)]) == 1
    assert capsys.readouterr().out.splitlines() == POLISH_PROBLEMS
