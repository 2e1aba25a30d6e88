"""The checks of the valid-workbook sweep (issue: any valid workbook on every page), shared by its two files.

tests/app/test_any_valid_workbook.py and tests/app/test_any_valid_workbook_second_half.py each run
them on one half of the variants of tests/app/variants.py: a test file runs on one worker, so two
files let the two workers of `make test` share the sweep, and each worker imports only its half.
"""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from outcomes import __main__ as cli
from outcomes import db

from .variants import VARIANTS

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = str(ROOT / "dashboard.py")
PAGES = sorted(f"pages/{path.name}" for path in (ROOT / "pages").glob("*.py"))
DEFAULT_PAGE = "pages/overview.py"
HALF = (len(VARIANTS) + 1) // 2  # the second file also makes every output format of two sparse variants
FIRST_HALF = list(VARIANTS)[:HALF]
SECOND_HALF = list(VARIANTS)[HALF:]


def assert_healthy(at: AppTest, page: str) -> None:
    assert not at.exception, (page, [e.value for e in at.exception])
    assert not at.error, (page, [e.value for e in at.error])


def assert_every_page_shows() -> None:
    """Every page runs in AppTest on the app's store without an exception or an error box."""
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.run()  # the root URL runs the default page, the Overview; then every other page, so each runs once
    assert_healthy(at, DEFAULT_PAGE)
    assert at.title[0].value == "Programme overview"
    for page in PAGES:
        if page != DEFAULT_PAGE:
            assert_healthy(at.switch_page(page).run(), page)


def assert_every_query_and_the_report(store: Path, tmp_path: Path) -> None:
    """Every named query runs on `store`, and the command line makes the report in both languages and the funnel."""
    for name in db.query_names():
        db.run_query(name, store)  # every page's figures come from these; none may fail
    for lang in ("en", "pl"):
        out = tmp_path / f"report.{lang}.md"
        assert cli.main(["report", "--db", str(store), "--format", "md", "--lang", lang, "--out", str(out)]) == 0
        assert out.read_text(encoding="utf-8").strip()
    assert cli.main(["funnel", "--db", str(store), "--json"]) == 0
