"""One measured side in its own process, so that one side's memory never inflates the other's.

Run as `python -m bench.worker TASK ARGS_JSON RESULT_JSON`; the task writes its timings and the
process's peak resident memory to RESULT_JSON. Tasks: `ours-import`, `ours-queries`, `baseline`
and `pages` (see the functions below).
"""

from __future__ import annotations

import json
import os
import pickle
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

from outcomes.filters import Filters

ROOT = Path(__file__).resolve().parent.parent


def peak_rss_mb() -> float:
    """The process's peak resident set size (VmHWM), in MB."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(function: Callable[[], object], repeat: int = 1) -> tuple[object, float, float, float]:
    """The result, the first run's seconds, the best run's seconds and that run's CPU seconds (all threads).

    CPU seconds are kept beside wall-clock seconds because other work on the machine stretches the
    wall clock of both sides; it does not stretch the CPU time they spend.
    """
    runs = []
    result = None
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        result = function()
        runs.append((time.perf_counter() - start, time.process_time() - cpu))
    best = min(runs)
    return result, runs[0][0], best[0], best[1]


def ours_import(workbook: str, db_path: str) -> dict[str, object]:
    """Our import: guard, read and check in the capped child process, save as the first version of a new store.

    The reading server is started first (not timed), as a running app has it. CPU time is the
    app's plus the reading child's; peak memory is given per phase: the child that reads and
    checks, and the app process that loads (its VmHWM).
    """
    from outcomes import db, guard, ingest

    ingest.validate(db.SAMPLE_WORKBOOK)  # start the reading server, as the running app already has
    limits = guard.Limits.from_environment()
    _, guard_s, _, _ = _timed(lambda: guard.inspect(Path(workbook), limits))
    result, seconds, _, cpu = _timed(lambda: ingest.import_workbook(workbook, db_path))
    child = guard.last_usage
    db.close(db_path)
    return {
        "import_s": seconds,
        "import_cpu_s": cpu + child.cpu_s,
        "import_parent_cpu_s": cpu,
        "import_child_cpu_s": child.cpu_s,
        "guard_s": guard_s,
        "ok": result.ok,
        "problems": result.report(limit=5),
        "peak_rss_mb": max(peak_rss_mb(), child.peak_rss_mb),
        "peak_rss_mb_by_phase": {"read and check (child)": child.peak_rss_mb, "load (app)": peak_rss_mb()},
    }


def calamine(workbook: str, repeat: int) -> dict[str, object]:
    """The floor: every sheet read with calamine into Python rows, nothing else (best of `repeat`)."""
    from python_calamine import CalamineWorkbook

    def read() -> int:
        book = CalamineWorkbook.from_path(workbook)
        return sum(len(book.get_sheet_by_name(name).to_python(skip_empty_area=False)) for name in book.sheet_names)

    _, first, best, cpu = _timed(read, repeat)
    return {"calamine_s": best, "calamine_cpu_s": cpu, "calamine_first_s": first, "peak_rss_mb": peak_rss_mb()}


def ours_queries(db_path: str, queries: dict[str, dict[str, object]], repeat: int, results: str) -> dict[str, object]:
    """Our figures: each named query through `outcomes.db.run_query` on the imported database."""
    from outcomes import db

    db.dataset(db_path)  # opening the store and reading its version in are not part of any one query
    first, best, cpu, frames = {}, {}, {}, {}
    for name, params in queries.items():
        frames[name], first[name], best[name], cpu[name] = _timed(
            lambda n=name, p=params: db.run_query(n, db_path, **p), repeat
        )
    db.close(db_path)
    Path(results).write_bytes(pickle.dumps(frames))
    return {"first_s": first, "best_s": best, "cpu_s": cpu, "peak_rss_mb": peak_rss_mb()}


def baseline(workbook: str, queries: dict[str, dict[str, object]], repeat: int, results: str) -> dict[str, object]:
    """The peer: openpyxl + pandas import, then each figure's pandas twin on the loaded frames."""
    from bench import baseline as peer

    tables, import_s, _, import_cpu_s = _timed(lambda: peer.load(workbook))
    first, best, cpu, frames = {}, {}, {}, {}
    for name, params in queries.items():
        filters = _filters(params)
        extra = {key: value for key, value in params.items() if key not in Filters().params()}
        twin = peer.TWINS[name]
        frames[name], first[name], best[name], cpu[name] = _timed(
            lambda f=twin, x=filters, e=extra: f(tables, x, **e), repeat
        )
    Path(results).write_bytes(pickle.dumps(frames))
    return {
        "import_s": import_s,
        "import_cpu_s": import_cpu_s,
        "first_s": first,
        "best_s": best,
        "cpu_s": cpu,
        "peak_rss_mb": peak_rss_mb(),
    }


def _filters(params: dict[str, object]) -> Filters:
    return Filters(
        calls=tuple(params.get("calls") or ()),
        sectors=tuple(params.get("sectors") or ()),
        subregions=tuple(params.get("subregions") or ()),
        year_from=params.get("year_from"),
        year_to=params.get("year_to"),
    )


def pages(db_path: str, page_files: list[str], timeout_s: float) -> dict[str, object]:
    """Each page's full server-side run in AppTest: first with empty caches, then again with warm ones.

    A first run of the app imports the modules, as a running server already has, and starts the
    server's background warm-up of the version (its in-memory copy, model and unfiltered query rows:
    outcomes/db.py, keep_warm). Its end is `warm_up_s` from the first run's start, `first_run_s` the
    first run alone. Each page's run is timed after the warm-up; its CPU seconds (all threads of the
    process) are kept beside its wall-clock seconds, which other work on the machine stretches.
    """
    os.environ["OUTCOMES_STORE"] = db_path
    os.chdir(ROOT)
    from streamlit.testing.v1 import AppTest

    from outcomes import db, ui

    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=timeout_s)
    start, cpu = time.perf_counter(), time.process_time()
    app.run()
    first_run_s = time.perf_counter() - start
    db.wait_for_warming()
    warm_up_s, warm_up_cpu_s = time.perf_counter() - start, time.process_time() - cpu
    cold, cold_cpu, warm, errors = {}, {}, {}, {}
    for page in page_files:
        ui.clear_caches()
        try:
            app.switch_page(page)
            start, cpu = time.perf_counter(), time.process_time()
            app.run()
            cold[page] = time.perf_counter() - start
            cold_cpu[page] = time.process_time() - cpu
            start = time.perf_counter()
            app.run()
            warm[page] = time.perf_counter() - start
        except Exception as error:  # a broken page is reported, not fatal to the benchmark
            errors[page] = [f"{type(error).__name__}: {error}"]
            continue
        if app.exception:
            errors[page] = [e.message for e in app.exception]
    return {
        "first_run_s": first_run_s,
        "warm_up_s": warm_up_s,
        "warm_up_cpu_s": warm_up_cpu_s,
        "pages_s": cold,
        "pages_cpu_s": cold_cpu,
        "pages_cached_s": warm,
        "errors": errors,
        "peak_rss_mb": peak_rss_mb(),
    }


TASKS: dict[str, Callable[..., dict[str, object]]] = {
    "ours-import": ours_import,
    "calamine": calamine,
    "ours-queries": ours_queries,
    "baseline": baseline,
    "pages": pages,
}


def main(argv: list[str]) -> None:
    task, arguments, result_path = argv
    result = TASKS[task](**json.loads(arguments))
    Path(result_path).write_text(json.dumps(result), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
