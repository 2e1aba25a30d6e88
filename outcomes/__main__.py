"""Command line: python -m outcomes COMMAND (see PRODUCT.md, "Command line")."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from outcomes import db, indicators, ingest
from outcomes.metrics import k_of_n


def _print_validation(result: ingest.Validation) -> None:
    for note in result.notes:
        print(f"note: {note}")
    if result.ok:
        rows = ", ".join(f"{name} {count}" for name, count in result.rows_per_sheet.items())
        print(f"{result.source_name}: valid ({rows})")
    else:
        print(result.report())
        print(f"{result.source_name}: {len(result.problems)} problems; nothing was loaded", file=sys.stderr)


def cmd_validate(args: argparse.Namespace) -> int:
    result = ingest.validate(args.path)
    _print_validation(result)
    return 0 if result.ok else 1


def cmd_import(args: argparse.Namespace) -> int:
    result = ingest.import_workbook(args.path, args.db)
    _print_validation(result)
    if result.ok:
        print(f"loaded into {db.resolve(args.db)}")
    return 0 if result.ok else 1


def cmd_funnel(args: argparse.Namespace) -> int:
    stages = indicators.funnel(db_path=args.db)
    if args.json:
        payload = {"stages": [{"key": s.key, "label": s.label, "unit": s.unit, "count": s.count} for s in stages]}
        print(json.dumps(payload, indent=1))
        return 0
    width = max(len(s.label) for s in stages)
    for stage in stages:
        conversion = k_of_n(stage.count, stage.base) if stage.base is not None else ""
        print(f"{stage.label:<{width}}  {stage.count:>6} {stage.unit:<8}  {conversion}")
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from outcomes.template import build_template

    Path(args.path).write_bytes(build_template())
    print(f"template written to {args.path}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from outcomes.outputs import deck, drafts, markdown, pdf, word
    from outcomes.outputs.facts import gather

    facts = gather(db_path=args.db, public_mode=args.public)
    if args.format == "pptx":
        data = deck.build(facts)
    else:
        saved = db.narratives(drafts.programme_key(facts), args.lang, args.db)
        built = drafts.build(facts, args.lang, saved)
        for section in built.sections:
            if section.over_limit:
                print(f"note: {section.heading}: {section.length} characters, over the limit of {section.limit}")
        if args.format == "md":
            data = markdown.to_markdown(built)
        else:
            write = word.to_docx if args.format == "docx" else pdf.to_pdf
            data = write(built, drafts.funnel_png(built))
    Path(args.out).write_bytes(data)
    marks = " (public version)" if args.public else ""
    print(f"{args.format} written to {args.out}{marks}")
    return 0


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", help="database file (default: $OUTCOMES_DB, else data/outcomes.duckdb, built from the sample)"
    )
    main = argparse.ArgumentParser(prog="python -m outcomes", description="Programme outcomes: import, check, report.")
    commands = main.add_subparsers(dest="command", required=True)
    for name, handler, help_text in (
        ("import", cmd_import, "validate and load a workbook or CSV folder"),
        ("validate", cmd_validate, "run the import checks; load nothing"),
    ):
        sub = commands.add_parser(name, parents=[common], help=help_text)
        sub.add_argument("path", type=Path)
        sub.set_defaults(handler=handler)
    sub = commands.add_parser("funnel", parents=[common], help="the four funnel stages")
    sub.add_argument("--json", action="store_true", help="machine-readable output")
    sub.set_defaults(handler=cmd_funnel)
    sub = commands.add_parser("template", parents=[common], help="write the blank workbook template")
    sub.add_argument("path", type=Path)
    sub.set_defaults(handler=cmd_template)
    sub = commands.add_parser("report", parents=[common], help="write the good-practice report or the funder deck")
    sub.add_argument("--format", required=True, choices=("md", "docx", "pdf", "pptx"), help="pptx is the deck")
    sub.add_argument("--out", required=True, type=Path, help="file to write")
    sub.add_argument("--public", action="store_true", help="pseudonyms for names, firm counts below 3 suppressed")
    sub.add_argument("--lang", choices=("en", "pl"), default="en", help="language of the report (default en)")
    sub.set_defaults(handler=cmd_report)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.handler(args)
    except ingest.UnreadableSourceError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except db.DatabaseBusyError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    finally:
        db.close(args.db)


if __name__ == "__main__":
    sys.exit(main())
