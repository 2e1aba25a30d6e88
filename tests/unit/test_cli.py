"""The command line, as PRODUCT.md specifies it: `python -m outcomes import|validate|funnel [--json]|template`."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from outcomes import __main__ as cli
from outcomes import db, formatting, indicators, ingest

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
    assert f"loaded into {database}" in run.stdout
    assert db.import_log(database)["outcome"].tolist() == ["loaded"]


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
    """Without --db the command line uses $OUTCOMES_DB (here: a copy of the sample database)."""
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
    assert run.stderr.splitlines() == ["error: big.xlsx is 2 MB; the limit is 1 MB."]
    assert not (tmp_path / "db.duckdb").exists()
    assert db.import_log(tmp_path / "db.duckdb")["outcome"].tolist() == ["unreadable"]


def test_template_writes_a_workbook_that_validates(tmp_path: Path) -> None:
    target = tmp_path / "blank.xlsx"
    run = outcomes("template", target)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == f"template written to {target}"
    result = ingest.validate(target)
    assert [str(p) for p in result.problems] == ["programme:2:-: must have exactly one row, it has 0"]


# --------------------------------------------------------------------------- in-process: the rarer paths


def test_import_broken_workbook_changes_nothing(
    broken: Path, fresh_sample_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db.close(fresh_sample_db)
    before = digest(fresh_sample_db)
    assert cli.main(["import", str(broken), "--db", str(fresh_sample_db)]) == 1
    out = capsys.readouterr().out
    assert "memberships:6:org_id: " in out
    assert "grants:4:decision: " in out
    assert "loaded into" not in out
    assert digest(fresh_sample_db) == before
    assert db.import_log(fresh_sample_db)["outcome"][0] == "rejected"


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


def test_database_in_use_by_another_process(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database = tmp_path / "held.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, sys; c = duckdb.connect({str(database)!r}); print('held', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        assert cli.main(["import", str(write_xlsx(valid_book(), tmp_path / "ok.xlsx")), "--db", str(database)]) == 2
        assert "is in use by another process" in capsys.readouterr().err
    finally:
        holder.communicate("")


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(["report-all"])
    assert exit_.value.code == 2
    assert "usage: python -m outcomes" in capsys.readouterr().err


def test_polish_messages_and_funnel(fresh_sample_db: Path) -> None:
    db.close(fresh_sample_db)
    run = outcomes("funnel", "--lang", "pl", env={"OUTCOMES_DB": str(fresh_sample_db)})
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("Klastry z grantem na strategię")
    assert formatting.conversion(14, 29, "pl") in lines[1]
    run = outcomes("funnel", "--json", env={"OUTCOMES_DB": str(fresh_sample_db), "OUTCOMES_LANG": "pl"})
    assert json.loads(run.stdout)["stages"][3]["label"] == "MŚP handlujące na rynkach zagranicznych"
