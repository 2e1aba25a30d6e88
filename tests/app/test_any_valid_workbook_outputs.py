"""Every query, the report in both languages and every output format on every valid workbook.

The workbooks are the variants of tests/app/variants.py; test_any_valid_workbook.py runs every page
on the same ones.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from outcomes import __main__ as cli
from outcomes import db

from .variants import VARIANTS


@pytest.mark.parametrize("variant_db", list(VARIANTS), indirect=True)
def test_every_query_and_the_report_on_every_valid_workbook(variant_db: Path, tmp_path: Path) -> None:
    for name in db.query_names():
        db.run_query(name, variant_db)  # every page's figures come from these; none may fail
    for lang in ("en", "pl"):
        out = tmp_path / f"report.{lang}.md"
        assert cli.main(["report", "--db", str(variant_db), "--format", "md", "--lang", lang, "--out", str(out)]) == 0
        assert out.read_text(encoding="utf-8").strip()
    assert cli.main(["funnel", "--db", str(variant_db), "--json"]) == 0


@pytest.mark.slow
@pytest.mark.parametrize("variant_db", ["everything optional dropped", "no awarded grant"], indirect=True)
@pytest.mark.parametrize("fmt", ["docx", "pdf", "pptx"])
def test_every_output_format_on_the_sparsest_workbooks(variant_db: Path, fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"report.{fmt}"
    assert cli.main(["report", "--db", str(variant_db), "--format", fmt, "--out", str(out)]) == 0
    assert out.stat().st_size > 1000
