"""Command line: python -m outcomes COMMAND (see PRODUCT.md, "Command line")."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from outcomes import db, formatting, indicators, ingest, public, vocabulary


def _language(argv: list[str] | None) -> str:
    """The language asked for with --lang (or $OUTCOMES_LANG), so that even --help speaks it."""
    probe = argparse.ArgumentParser(add_help=False)
    probe.add_argument("--lang", choices=vocabulary.LANGUAGES, default=None)
    known, _ = probe.parse_known_args(argv)
    chosen = known.lang or os.environ.get("OUTCOMES_LANG", vocabulary.DEFAULT_LANGUAGE)
    return chosen if chosen in vocabulary.LANGUAGES else vocabulary.DEFAULT_LANGUAGE


def _print_validation(result: ingest.Validation, lang: str) -> None:
    for note in result.notes:
        print(vocabulary.text("cli.note", lang, message=note))
    if result.ok:
        rows = ", ".join(f"{name} {count}" for name, count in result.rows_per_sheet.items())
        print(vocabulary.text("cli.valid", lang, file=result.source_name, rows=rows))
    else:
        print(result.report())
        count = len(result.problems)
        message = vocabulary.text("cli.problems", lang, count=count, n=count, file=result.source_name)
        print(message, file=sys.stderr)


def cmd_validate(args: argparse.Namespace) -> int:
    result = ingest.validate(args.path)
    _print_validation(result, args.lang)
    return 0 if result.ok else 1


def cmd_import(args: argparse.Namespace) -> int:
    result = ingest.import_workbook(args.path, args.db)
    _print_validation(result, args.lang)
    if result.ok:
        print(vocabulary.text("cli.loaded", args.lang, path=db.resolve(args.db)))
    return 0 if result.ok else 1


def cmd_funnel(args: argparse.Namespace) -> int:
    stages = indicators.funnel(db_path=args.db)
    labels = {s.key: vocabulary.text(f"stage.{s.key}.label", args.lang) for s in stages}
    if args.json:
        payload = {"stages": [{"key": s.key, "label": labels[s.key], "unit": s.unit, "count": s.count} for s in stages]}
        print(json.dumps(payload, indent=1, ensure_ascii=False))
        return 0
    width = max(len(label) for label in labels.values())
    for stage in stages:
        conversion = formatting.conversion(stage.count, stage.base, args.lang) if stage.base is not None else ""
        unit = vocabulary.text(f"unit.{stage.unit}", args.lang)
        print(f"{labels[stage.key]:<{width}}  {stage.count:>6} {unit:<8}  {conversion}")
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from outcomes.template import build_template

    Path(args.path).write_bytes(build_template())
    print(vocabulary.text("cli.template_written", args.lang, path=args.path))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from outcomes.outputs import deck, drafts, markdown, pdf, word
    from outcomes.outputs.facts import gather

    facts = gather(db_path=args.db, public_mode=args.public)
    if args.format == "pptx":
        data = deck.build(facts, args.lang)
    else:
        saved = db.narratives(drafts.programme_key(facts), args.lang, args.db)
        built = drafts.build(facts, args.lang, saved)
        for section in built.sections:
            if section.over_limit:
                note = vocabulary.text(
                    "report.over_limit_note",
                    args.lang,
                    heading=section.heading,
                    length=section.length,
                    limit=section.limit,
                )
                print(vocabulary.text("cli.note", args.lang, message=note))
        if args.format == "md":
            data = markdown.to_markdown(built)
        else:
            write = word.to_docx if args.format == "docx" else pdf.to_pdf
            data = write(built, drafts.funnel_png(built))
    Path(args.out).write_bytes(data)
    marks = vocabulary.text("cli.public_version", args.lang) if args.public else ""
    print(vocabulary.text("cli.written", args.lang, format=args.format, path=args.out, marks=marks))
    return 0


def parser(lang: str = vocabulary.DEFAULT_LANGUAGE) -> argparse.ArgumentParser:
    def say(key: str, **params: object) -> str:
        return vocabulary.text(key, lang, **params)

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", help=say("cli.help.db"))
    common.add_argument("--lang", choices=vocabulary.LANGUAGES, default=lang, help=say("cli.help.lang"))
    main = argparse.ArgumentParser(prog="python -m outcomes", description=say("cli.description"))
    commands = main.add_subparsers(dest="command", required=True)
    for name, handler in (("import", cmd_import), ("validate", cmd_validate)):
        sub = commands.add_parser(name, parents=[common], help=say(f"cli.help.{name}"))
        sub.add_argument("path", type=Path)
        sub.set_defaults(handler=handler)
    sub = commands.add_parser("funnel", parents=[common], help=say("cli.help.funnel"))
    sub.add_argument("--json", action="store_true", help=say("cli.help.json"))
    sub.set_defaults(handler=cmd_funnel)
    sub = commands.add_parser("template", parents=[common], help=say("cli.help.template"))
    sub.add_argument("path", type=Path)
    sub.set_defaults(handler=cmd_template)
    sub = commands.add_parser("report", parents=[common], help=say("cli.help.report"))
    sub.add_argument("--format", required=True, choices=("md", "docx", "pdf", "pptx"), help=say("cli.help.format"))
    sub.add_argument("--out", required=True, type=Path, help=say("cli.help.out"))
    sub.add_argument("--public", action="store_true", help=say("cli.help.public", threshold=public.THRESHOLD))
    sub.set_defaults(handler=cmd_report)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser(_language(argv)).parse_args(argv)
    try:
        return args.handler(args)
    except ingest.UnreadableSourceError as error:
        print(vocabulary.text("cli.error", args.lang, message=error), file=sys.stderr)
        return 1
    except db.DatabaseBusyError as error:
        print(vocabulary.text("cli.error", args.lang, message=error), file=sys.stderr)
        return 2
    finally:
        db.close(args.db)


if __name__ == "__main__":
    sys.exit(main())
