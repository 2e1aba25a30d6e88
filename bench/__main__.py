"""`python -m bench --sizes 1,10,100,1000 --json OUT.json`: the benchmark against pandas + openpyxl."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
from pathlib import Path

from bench import report, run

DEFAULT_PLOT = Path(__file__).resolve().parent / "results.png"


def _sizes(text: str) -> list[int]:
    sizes = [int(part) for part in text.split(",") if part.strip()]
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes are whole multiples of the sample, e.g. 1,10,100")
    return sizes


def plot_path(plot: Path | None, json_path: Path | None) -> Path:
    """Where the plot goes: as asked; else beside the JSON (same name, .png); else the committed bench/results.png.

    So a run that writes its JSON elsewhere never overwrites the committed plot.
    """
    if plot is not None:
        return plot
    return json_path.with_suffix(".png") if json_path is not None else DEFAULT_PLOT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--sizes", type=_sizes, default=[1, 10, 100], help="multiples of the sample, e.g. 1,10,100")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument(
        "--plot", type=Path, help=f"PNG plot (default: beside --json, with .png; without --json, {DEFAULT_PLOT})"
    )
    parser.add_argument("--no-plot", action="store_true", help="do not draw the plot")
    parser.add_argument("--work-dir", type=Path, help="where workbooks and databases go (kept between runs)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure; the best counts (default 3)")
    parser.add_argument("--from-json", type=Path, help="print the table and draw the plot of an earlier run")
    args = parser.parse_args(argv)

    started = dt.datetime.now()
    if args.from_json:
        results = json.loads(args.from_json.read_text(encoding="utf-8"))["results"]
    else:
        results = run.run(args.sizes, args.work_dir, args.repeat, log=lambda line: print(line, file=sys.stderr))
    print(report.table(results))
    print()
    if all("calamine_s" in r for r in results):
        print(report.import_table(results))
        print()
    print(report.pages_table(results))
    for r in results:
        for name, query in r["queries"].items():
            if query.get("agree") is False:
                print(f"{r['size']}x {name}: ours and the baseline DISAGREE: {query['difference']}")
        if not r["funnel_scales"]:
            print(f"{r['size']}x: the funnel {r['funnel']} is not {r['size']} times the sample's")
        for page, errors in r["page_errors"].items():
            print(f"{r['size']}x page {page} raised: {errors}")
    if args.json and not args.from_json:
        meta = {
            "date": started.isoformat(timespec="seconds"),
            "command": "python -m bench " + " ".join(sys.argv[1:] if argv is None else argv),
            "machine": f"{platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} CPUs",
        }
        args.json.write_text(json.dumps({**meta, "results": results}, indent=2), encoding="utf-8")
    if not args.no_plot:
        report.write_plot(results, plot_path(args.plot, args.json or args.from_json))
    agree = all(r["all_agree"] and r["funnel_scales"] for r in results)
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
