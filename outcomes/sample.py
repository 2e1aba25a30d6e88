"""The embedded sample workbook as the first version of an empty store, so the app starts with no set-up.

Above both `db` (which stores versions) and `ingest` (which reads workbooks): the store itself never
reads a workbook.
"""

from __future__ import annotations

from pathlib import Path

from outcomes import db, ingest

AUTHOR = "embedded sample"  # the author of the version the sample makes (ui.author_text words it)


def ensure_data(store: Path | str | None = None) -> int:
    """The latest version's number; an empty store first gets the sample workbook as version 1."""
    latest = db.latest_version(store)
    if latest is not None:
        return latest
    result = ingest.validate(db.SAMPLE_WORKBOOK)
    if not result.ok:
        raise RuntimeError(f"The embedded sample workbook is invalid:\n{result.report()}")
    return db.write_version(result.tables, result.extra_cells, result.source_name, result.sha256, store, author=AUTHOR)
