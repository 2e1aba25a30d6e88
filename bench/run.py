"""One benchmark run: for each size, generate the workbook, then measure both sides and check they agree."""

from __future__ import annotations

import ast
import json
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench import baseline, compare, synthetic
from outcomes import db, ui
from outcomes.filters import Filters

ROOT = Path(__file__).resolve().parent.parent
DASHBOARD = ROOT / "dashboard.py"
# The upload guard refuses workbooks over 50 MB (OUTCOMES_MAX_FILE_MB) or unpacking to over 500 MB
# (OUTCOMES_MAX_UNPACKED_MB), and reads them with at most 1 GB and 60 CPU seconds; the 1000x workbook
# (93 MB, 0.8 GB unpacked) is over the first two and needs more memory, so the benchmark raises them.
WORKER_ENV = {
    "OUTCOMES_MAX_FILE_MB": "100000",
    "OUTCOMES_MAX_UNPACKED_MB": "100000",
    "OUTCOMES_MAX_PARSE_MB": "8192",
    "OUTCOMES_MAX_PARSE_SECONDS": "3600",
    "PYTHONPATH": str(ROOT),
}
PAGE_TIMEOUT_S = 600.0
FILTERS = Filters()  # every figure is measured on the whole programme, as a page first opens
SHARED_MODULES = {"ui", "db", "filters", "charts", "exports", "metrics", "schema"}
FUNNEL_KEYS = ("supported_clusters", "implementation_grants", "exporting_clusters", "trading_smes")


def page_files() -> list[str]:
    """The pages the dashboard navigates to, in its order (paths relative to the project)."""
    return [f"pages/{stem}.py" for stem, _, _ in ui.PAGES]


def page_queries() -> dict[str, list[str]]:
    """The named queries each page runs, read from its source.

    A page names a query as a string literal (`ui.query("funnel", ...)`, `ui.provenance(..., "funnel", ...)`)
    or by a prefix it filters `db.query_names()` with (`"dq_"`); `ui.funnel(...)` runs the funnel query.
    Literals in the outcomes modules a page imports count too (the report page runs its queries through
    outcomes.report), except in the shared glue every page imports. The dashboard frame itself (its
    sidebar) counts as the page "dashboard".
    """
    names = db.query_names()
    found: dict[str, list[str]] = {}
    for path in [DASHBOARD, *(ROOT / p for p in page_files())]:
        if not path.exists():
            continue
        used: set[str] = set()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        helpers = [
            ast.parse((ROOT / "outcomes" / f"{alias.name}.py").read_text(encoding="utf-8"))
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module == "outcomes"
            for alias in node.names
            if alias.name not in SHARED_MODULES and (ROOT / "outcomes" / f"{alias.name}.py").exists()
        ]
        for node in (n for t in (tree, *helpers) for n in ast.walk(t)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
                if text in names:
                    used.add(text)
                elif text.endswith("_") and len(text) > 2:
                    used.update(n for n in names if n.startswith(text))
            elif isinstance(node, ast.Attribute) and node.attr == "funnel":
                used.add("funnel")
            elif isinstance(node, ast.Attribute) and node.attr == "filter_options":
                used.add("filter_options")
        found[path.stem] = sorted(used)
    return found


def _worker(task: str, arguments: dict[str, object], work_dir: Path) -> dict[str, object]:
    result_path = work_dir / f"{task}.result.json"
    result_path.unlink(missing_ok=True)
    command = [sys.executable, "-m", "bench.worker", task, json.dumps(arguments), str(result_path)]
    completed = subprocess.run(
        command, cwd=ROOT, env={**os.environ, **WORKER_ENV}, capture_output=True, text=True, check=False
    )
    if completed.returncode != 0 or not result_path.exists():
        raise RuntimeError(f"bench worker {task} failed:\n{completed.stderr[-4000:]}")
    return json.loads(result_path.read_text(encoding="utf-8"))


def _fresh_db(path: Path) -> None:
    """An empty store folder at `path` (a store from an earlier run is removed)."""
    shutil.rmtree(path, ignore_errors=True)


def sample_funnel() -> dict[str, int]:
    """The funnel of the sample workbook, computed by the baseline: what each replica adds."""
    counts = baseline.funnel(baseline.load(db.SAMPLE_WORKBOOK), FILTERS)
    return dict(zip(counts["stage_key"], counts["units"].astype(int), strict=True))


def extra_params() -> dict[str, object]:
    """Values for the parameters some queries take besides the filters, as the pages first show them:
    the clusters page opens on the first cluster of its table (furthest stage first, then by id), and the
    overview lists the clusters behind the first funnel stage."""
    progress = baseline.cluster_progress(baseline.load(db.SAMPLE_WORKBOOK), FILTERS)
    furthest = progress.sort_values(
        ["is_exporting", "has_implementation", "is_supported", "cluster_id"], ascending=[False, False, False, True]
    )
    return {"cluster_id": furthest["cluster_id"].iloc[0], "stage": FUNNEL_KEYS[0]}


def run_size(size: int, work_dir: Path, repeat: int, log: Callable[[str], None] = print) -> dict[str, object]:
    """Everything measured at one size; see BENCHMARKS.md for what each figure means."""
    start = time.perf_counter()
    load_before = os.getloadavg()
    workbook, rows_per_sheet, generated = synthetic.workbook_for(size, work_dir)
    log(
        f"[{size}x] workbook {workbook.name}: {sum(rows_per_sheet.values()):,} rows"
        + (f", generated in {time.perf_counter() - start:.1f} s" if generated else " (cached)")
    )
    db_path = work_dir / f"store_x{size}"
    _fresh_db(db_path)

    by_page = page_queries()
    measured = sorted({name for names in by_page.values() for name in names})
    extra = extra_params()
    params = {
        name: {**FILTERS.params(), **{p: extra[p] for p in db.query(name).parameters if p in extra}}
        for name in measured
    }
    twinned = {name: p for name, p in params.items() if name in baseline.TWINS}

    log(f"[{size}x] import: ours")
    ours_import = _worker("ours-import", {"workbook": str(workbook), "db_path": str(db_path)}, work_dir)
    if not ours_import["ok"]:
        raise RuntimeError(f"the {size}x workbook does not import:\n{ours_import['problems']}")
    log(f"[{size}x] the floor: calamine alone")
    floor = _worker("calamine", {"workbook": str(workbook), "repeat": repeat}, work_dir)
    log(f"[{size}x] queries: ours ({len(measured)})")
    ours_results = work_dir / "ours.pickle"
    ours = _worker(
        "ours-queries",
        {"db_path": str(db_path), "queries": params, "repeat": repeat, "results": str(ours_results)},
        work_dir,
    )
    log(f"[{size}x] import and figures: baseline (openpyxl + pandas)")
    baseline_results = work_dir / "baseline.pickle"
    peer = _worker(
        "baseline",
        {"workbook": str(workbook), "queries": twinned, "repeat": repeat, "results": str(baseline_results)},
        work_dir,
    )
    log(f"[{size}x] pages in AppTest")
    pages = _worker(
        "pages", {"db_path": str(db_path), "page_files": page_files(), "timeout_s": PAGE_TIMEOUT_S}, work_dir
    )

    our_frames = pickle.loads(ours_results.read_bytes())
    peer_frames = pickle.loads(baseline_results.read_bytes())
    queries = {}
    for name in measured:
        entry: dict[str, object] = {
            "s": ours["best_s"][name],
            "cpu_s": ours["cpu_s"][name],
            "first_s": ours["first_s"][name],
            "pages": [page for page, names in by_page.items() if name in names],
        }
        if name in twinned:
            difference = compare.difference(our_frames[name], peer_frames[name])
            entry.update(
                baseline_s=peer["best_s"][name],
                baseline_cpu_s=peer["cpu_s"][name],
                baseline_first_s=peer["first_s"][name],
                agree=difference is None,
                difference=difference,
            )
        queries[name] = entry
    funnel = our_frames.get("funnel")
    funnel_counts = (
        {k: int(v) for k, v in zip(funnel["stage_key"], funnel["units"], strict=True)} if funnel is not None else {}
    )
    expected = {key: count * size for key, count in sample_funnel().items()}

    query_s = sum(ours["best_s"][n] for n in twinned)
    query_cpu_s = sum(ours["cpu_s"][n] for n in twinned)
    baseline_query_cpu_s = sum(peer["cpu_s"][n] for n in twinned)
    baseline_query_s = sum(peer["best_s"][n] for n in twinned)
    steps = {"import": ours_import["peak_rss_mb"], "queries": ours["peak_rss_mb"], "pages": pages["peak_rss_mb"]}
    phases = {
        "calamine alone": floor["peak_rss_mb"],
        **ours_import["peak_rss_mb_by_phase"],
        "queries": ours["peak_rss_mb"],
        "pages": pages["peak_rss_mb"],
    }
    return {
        "size": size,
        "rows": sum(rows_per_sheet.values()),
        "import_s": ours_import["import_s"],
        "baseline_import_s": peer["import_s"],
        "import_ratio": peer["import_s"] / ours_import["import_s"],
        "query_s": query_s,
        "baseline_query_s": baseline_query_s,
        "query_ratio": baseline_query_s / query_s if query_s else None,
        "pages_s": {Path(p).stem: s for p, s in pages["pages_s"].items()},
        "peak_rss_mb": max(steps.values()),
        "rows_per_sheet": rows_per_sheet,
        "workbook_mb": workbook.stat().st_size / 1e6,
        "import_cpu_s": ours_import["import_cpu_s"],
        "import_parent_cpu_s": ours_import["import_parent_cpu_s"],
        "import_child_cpu_s": ours_import["import_child_cpu_s"],
        "guard_s": ours_import["guard_s"],
        "calamine_s": floor["calamine_s"],
        "calamine_cpu_s": floor["calamine_cpu_s"],
        "import_vs_calamine": ours_import["import_s"] / floor["calamine_s"],
        "import_vs_calamine_cpu": ours_import["import_cpu_s"] / floor["calamine_cpu_s"],
        "peak_rss_mb_by_phase": phases,
        "baseline_import_cpu_s": peer["import_cpu_s"],
        "import_cpu_ratio": peer["import_cpu_s"] / ours_import["import_cpu_s"],
        "query_cpu_s": query_cpu_s,
        "baseline_query_cpu_s": baseline_query_cpu_s,
        "query_cpu_ratio": baseline_query_cpu_s / query_cpu_s if query_cpu_s else None,
        "load_average": {"before": [round(x, 2) for x in load_before], "after": [round(x, 2) for x in os.getloadavg()]},
        "query_first_s": sum(ours["first_s"][n] for n in twinned),
        "baseline_query_first_s": sum(peer["first_s"][n] for n in twinned),
        "pages_cached_s": {Path(p).stem: s for p, s in pages["pages_cached_s"].items()},
        "pages_cpu_s": {Path(p).stem: s for p, s in pages["pages_cpu_s"].items()},
        "pages_first_run_s": pages["first_run_s"],
        "pages_warm_up_s": pages["warm_up_s"],
        "pages_warm_up_cpu_s": pages["warm_up_cpu_s"],
        "page_errors": {Path(p).stem: e for p, e in pages["errors"].items()},
        "peak_rss_mb_by_step": steps,
        "baseline_peak_rss_mb": peer["peak_rss_mb"],
        "queries": queries,
        "not_compared": sorted(set(measured) - set(twinned)),
        "all_agree": all(q.get("agree", True) for q in queries.values()),
        "funnel": funnel_counts,
        "funnel_scales": {k: funnel_counts.get(k) for k in FUNNEL_KEYS} == {k: expected.get(k) for k in FUNNEL_KEYS},
    }


def run(
    sizes: list[int], work_dir: Path | None = None, repeat: int = 3, log: Callable[[str], None] = print
) -> list[dict]:
    """Measure every size in turn (smallest first); workbooks are cached in `work_dir` between runs."""
    work_dir = Path(work_dir or Path(tempfile.gettempdir()) / "outcomes-bench")
    work_dir.mkdir(parents=True, exist_ok=True)
    return [run_size(size, work_dir, repeat, log) for size in sorted(sizes)]
