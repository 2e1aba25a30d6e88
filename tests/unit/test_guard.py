"""The guard's own arithmetic: CSV lines counted across read boundaries, limits from the environment, names."""

from __future__ import annotations

from pathlib import Path

import pytest

from outcomes import guard


@pytest.mark.parametrize(
    ("content", "lines", "longest"),
    [
        (b"", 0, 0),
        (b"a,b\n", 1, 3),
        (b"a,b\nlast line without end", 2, 21),
        (b"x" * 1_500_000 + b"\nshort\n", 2, 1_500_000),  # a line across the 1 MB reads
        (b"ab\n" * 700_000, 700_000, 2),
        (b"\n" * 5, 5, 0),
    ],
)
def test_csv_lines_and_longest_line(tmp_path: Path, content: bytes, lines: int, longest: int) -> None:
    path = tmp_path / "sheet.csv"
    path.write_bytes(content)
    assert guard._line_stats(path) == (lines, longest)


def test_limits_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert guard.Limits.from_environment() == guard.Limits()
    monkeypatch.setenv("OUTCOMES_MAX_UNPACKED_MB", "20")
    monkeypatch.setenv("OUTCOMES_MAX_ROWS", "1000")
    monkeypatch.setenv("OUTCOMES_MAX_PARSE_SECONDS", "5")
    limits = guard.Limits.from_environment()
    assert (limits.unpacked_mb, limits.rows, limits.parse_seconds) == (20.0, 1000, 5.0)


def test_the_row_limit_applies_to_csv_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "book"
    folder.mkdir()
    (folder / "clusters.csv").write_bytes(b"cluster_id,name,sector\n" + b"K,n,s\n" * 20)
    monkeypatch.setenv("OUTCOMES_MAX_ROWS", "10")
    with pytest.raises(guard.UnreadableSourceError) as caught:
        guard.inspect(folder, guard.Limits.from_environment())
    assert str(caught.value) == "clusters.csv has 21 lines; the limit is 10 rows (OUTCOMES_MAX_ROWS)."


def test_names_in_messages_are_one_line() -> None:
    assert guard.shown_name(Path("a\nb\u202ec.xlsx")) == "a?b?c.xlsx"
    assert len(guard.shown_name(Path("x" * 300 + ".xlsx"))) == 78
