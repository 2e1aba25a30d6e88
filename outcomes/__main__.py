"""Command line: python -m outcomes COMMAND (see PRODUCT.md, "Command line")."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from outcomes import changes, db, formatting, indicators, ingest, public, sample, vocabulary


def default_language() -> str:
    """The command line's language when --lang is not given: $OUTCOMES_LANG if it names one, else English."""
    wanted = os.environ.get("OUTCOMES_LANG", "").strip().lower()
    return wanted if wanted in vocabulary.LANGUAGES else vocabulary.DEFAULT_LANGUAGE


def _words(key: str, lang: str, **params: object) -> str:
    """The term `key` in `lang`, numbers written as that language writes them."""
    return vocabulary.Message(key, params).text(lang)


def _say(key: str, lang: str, **params: object) -> None:
    print(_words(key, lang, **params))


def _print_validation(result: ingest.Validation, lang: str) -> None:
    for note in result.notes:
        _say("cli.note", lang, text=note.text(lang))
    if result.ok:
        rows = ", ".join(f"{name} {count}" for name, count in result.rows_per_sheet.items())
        _say("cli.valid", lang, source=result.source_name, rows=rows)
    else:
        print(result.report(lang=lang))
        count = len(result.problems)
        print(_words("cli.problems", lang, source=result.source_name, count=count, n=count), file=sys.stderr)


def cmd_validate(args: argparse.Namespace) -> int:
    result = ingest.validate(args.path)
    _print_validation(result, args.lang)
    return 0 if result.ok else 1


def _notes(store: str | None, lang: str) -> None:
    """What opening the store did by itself (bringing in an old database file), one line each."""
    for notice in db.notices(store):
        print(_words("cli.note", lang, text=notice.text(lang)), file=sys.stderr)


def _data(store: str | None, lang: str) -> None:
    """A store about to be read: an empty one gets the embedded sample as version 1."""
    _notes(store, lang)
    sample.ensure_data(store)


def cmd_import(args: argparse.Namespace) -> int:
    _notes(args.store, args.lang)
    result = ingest.import_workbook(args.path, args.store)
    _print_validation(result, args.lang)
    if result.ok:
        _say("versions.cli_imported", args.lang, version=result.version, store=db.resolve(args.store))
    return 0 if result.ok else 1


def cmd_versions(args: argparse.Namespace) -> int:
    _notes(args.store, args.lang)
    found = db.versions(args.store)
    if args.json:
        print(json.dumps({"versions": [v.as_json() for v in found]}, indent=1, ensure_ascii=False))
        return 0
    if not found:
        _say("versions.cli_none", args.lang, store=db.resolve(args.store))
    for v in found:
        rows = sum(v.rows.values())
        restored = _words("cli.restores", args.lang, version=v.restored_from) if v.restored_from else ""
        when = f"{v.imported_at:%Y-%m-%d %H:%M} UTC"
        rows_text = _words("cli.rows", args.lang, count=rows, n=rows)
        print(f"{v.version:>4}  {when}  {v.author:<16} {v.source_name}{restored}  {rows_text}")
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    _notes(args.store, args.lang)
    found = changes.diff(args.source, args.target, args.store)
    if args.json:
        print(json.dumps(found.as_json(), indent=1, ensure_ascii=False))
        return 0
    _say("versions.cli_diff_title", args.lang, source=found.source, target=found.target)
    for name, sheet in found.sheets.items():
        if len(sheet.added) or len(sheet.removed) or len(sheet.changed):
            _say(
                "versions.cli_diff_sheet",
                args.lang,
                sheet=name,
                added=len(sheet.added),
                removed=len(sheet.removed),
                changed=len(sheet.changed_keys),
            )
    for stage in found.stages.values():
        label = vocabulary.text(f"stage.{stage.key}.label", args.lang)
        entered = ", ".join(stage.entered["unit_id"]) or "–"
        left = ", ".join(stage.left["unit_id"]) or "–"
        _say(
            "versions.cli_diff_stage",
            args.lang,
            stage=label,
            before=stage.count_from,
            after=stage.count_to,
            entered=entered,
            left=left,
        )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    _notes(args.store, args.lang)
    number = db.restore(args.version, args.store)
    _say("versions.cli_restored", args.lang, version=number, restored=args.version)
    return 0


def cmd_compact(args: argparse.Namespace) -> int:
    _notes(args.store, args.lang)
    merged = db.compact(args.store)
    _say("versions.cli_compacted", args.lang, merged=merged)
    return 0


def cmd_expire(args: argparse.Namespace) -> int:
    _notes(args.store, args.lang)
    going = db.expire(args.before, args.store, dry_run=args.dry_run)
    if not going:
        _say("versions.cli_expire_none", args.lang, before=args.before)
        return 0
    _say("versions.cli_expire_would" if args.dry_run else "versions.cli_expire_done", args.lang, count=len(going))
    for v in going:
        print(f"{v.version:>4}  {v.imported_at:%Y-%m-%d %H:%M} UTC  {v.author:<16} {v.source_name}")
    return 0


def cmd_funnel(args: argparse.Namespace) -> int:
    _data(args.store, args.lang)
    stages = indicators.funnel(db_path=args.store, version=args.as_of)
    if args.json:
        payload = {"stages": [{"key": s.key, "label": s.label, "unit": s.unit, "count": s.count} for s in stages]}
        print(json.dumps(payload, indent=1))
        return 0
    labels = {s.key: vocabulary.text(f"stage.{s.key}.label", args.lang) for s in stages}
    width = max(map(len, labels.values()))
    for stage in stages:
        conversion = formatting.conversion(stage.count, stage.base, args.lang) if stage.base is not None else ""
        unit = vocabulary.text(f"unit.{stage.unit}", args.lang)
        print(f"{labels[stage.key]:<{width}}  {stage.count:>6} {unit:<8}  {conversion}")
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from outcomes.template import build_template

    Path(args.path).write_bytes(build_template(args.lang))
    _say("cli.template_written", args.lang, path=str(args.path))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from outcomes.outputs import deck, drafts, markdown, pdf, word
    from outcomes.outputs.facts import gather

    _data(args.store, args.lang)
    facts = gather(db_path=args.store, public_mode=args.public, version=args.as_of, plan_budget=args.plan_budget)
    if args.format == "pptx":
        data = deck.build(facts, args.lang)
    else:
        saved = db.narratives(drafts.programme_key(facts), args.lang, args.store)
        built = drafts.build(facts, args.lang, saved)
        for section in built.sections:
            if section.over_limit:
                over = _words(
                    "cli.over_limit",
                    args.lang,
                    heading=section.heading,
                    count=section.length,
                    n=section.length,
                    limit=section.limit,
                )
                _say("cli.note", args.lang, text=over)
        if args.format == "md":
            data = markdown.to_markdown(built)
        else:
            write = word.to_docx if args.format == "docx" else pdf.to_pdf
            data = write(built, drafts.funnel_png(built))
    Path(args.out).write_bytes(data)
    marks = _words("cli.public_version", args.lang) if args.public else ""
    _say("cli.written", args.lang, format=args.format, path=str(args.out), marks=marks)
    return 0


# --------------------------------------------------------------------------- evidence: compare, indicators, plan


def cmd_compare(args: argparse.Namespace) -> int:
    from outcomes.evidence import comparison, wording

    _data(args.store, args.lang)
    found = comparison.compare(db_path=args.store, version=args.as_of)
    if args.json:
        print(json.dumps({"comparisons": [c.as_json() for c in found]}, indent=1))
    else:
        print("\n".join(wording.comparison_lines(found, args.lang)))
    return 0


def cmd_indicators(args: argparse.Namespace) -> int:
    from outcomes.evidence import common_indicators, wording

    _data(args.store, args.lang)
    found = common_indicators.compute(db_path=args.store, version=args.as_of)
    if args.json:
        print(json.dumps({"indicators": [i.as_json() for i in found]}, indent=1))
    else:
        print("\n".join(wording.indicator_lines(found, args.lang)))
    return 0


def cmd_plan(args: argparse.Namespace) -> int:
    from outcomes.evidence import planner, wording

    _data(args.store, args.lang)
    try:
        assumptions = planner.load_assumptions(db_path=args.store, version=args.as_of)
    except planner.PlanUnavailableError as error:
        reason = _words("cli.cannot_plan", args.lang, reason=error.text(args.lang))
        print(_words("cli.error", args.lang, text=reason), file=sys.stderr)
        return 1
    result = planner.plan(assumptions, args.budget, seed=planner.SEED if args.seed is None else args.seed)
    if args.json:
        print(json.dumps(result.as_json(), indent=1))
    else:
        print("\n".join(wording.plan_lines(result, args.lang)))
    return 0


def help_language(argv: list[str]) -> str:
    """The language of --help and of the messages: the last --lang X (or --lang=X) in `argv` when it names one,
    else default_language(). argparse writes a command's help before it parses, so this reads argv first."""
    scan = argparse.ArgumentParser(add_help=False)
    scan.add_argument("--lang", nargs="?")  # a --lang without its value is left for the real parser to refuse
    asked = scan.parse_known_args(argv)[0].lang
    return asked if asked in vocabulary.LANGUAGES else default_language()


def _sections(parser: argparse.ArgumentParser, lang: str) -> tuple[Any, Any]:
    """`parser`'s positionals and options under section titles from the vocabulary, with an -h of its own, so
    that --help reads in `lang` (public argparse only: argument groups with titles; the "usage:" prefix and
    argparse's own error messages stay argparse's, which has no public way to word them)."""
    positionals = parser.add_argument_group(vocabulary.text("cli.section.positionals", lang))
    options = parser.add_argument_group(vocabulary.text("cli.section.options", lang))
    options.add_argument("-h", "--help", action="help", help=vocabulary.text("cli.option.help", lang))
    return positionals, options


def _lang_option(options: Any, lang: str) -> None:
    options.add_argument(
        "--lang", choices=vocabulary.LANGUAGES, default=lang, help=vocabulary.text("cli.option.lang", lang)
    )


def _command(commands: Any, name: str, handler: Callable[[argparse.Namespace], int], lang: str) -> tuple[Any, Any]:
    """The command `name` with --store and --lang, running `handler`: its positionals and options groups."""
    summary = vocabulary.text(f"cli.command.{name}", lang)
    sub = commands.add_parser(name, help=summary, description=summary, add_help=False)
    positionals, options = _sections(sub, lang)
    options.add_argument(
        "--store",
        "--db",
        dest="store",
        metavar=vocabulary.text("cli.metavar.store", lang),
        help=vocabulary.text("cli.option.store", lang),
    )
    _lang_option(options, lang)
    sub.set_defaults(handler=handler)
    return positionals, options


def _json_option(options: Any, lang: str) -> None:
    options.add_argument("--json", action="store_true", help=vocabulary.text("cli.option.json", lang))


def _as_of_option(options: Any, lang: str) -> None:
    options.add_argument("--as-of", type=int, metavar="N", help=vocabulary.text("cli.option.as_of", lang))


def _add_evidence_commands(commands: Any, lang: str) -> None:  # commands: add_subparsers()
    """compare, indicators and plan (PRODUCT.md part 2)."""
    for name, handler in (("compare", cmd_compare), ("indicators", cmd_indicators)):
        _, options = _command(commands, name, handler, lang)
        _json_option(options, lang)
        _as_of_option(options, lang)
    _, options = _command(commands, "plan", cmd_plan, lang)
    options.add_argument(
        "--budget",
        required=True,
        type=float,
        metavar=vocabulary.text("cli.metavar.budget", lang),
        help=vocabulary.text("cli.option.budget", lang),
    )
    options.add_argument(
        "--seed",
        type=int,
        metavar=vocabulary.text("cli.metavar.seed", lang),
        help=vocabulary.text("cli.option.seed", lang),
    )
    _as_of_option(options, lang)
    _json_option(options, lang)


def parser(lang: str = vocabulary.DEFAULT_LANGUAGE) -> argparse.ArgumentParser:
    """The command line, its --help in `lang`."""
    main = argparse.ArgumentParser(
        prog="python -m outcomes", description=vocabulary.text("cli.description", lang), add_help=False
    )
    commands = main.add_subparsers(dest="command", required=True, title=vocabulary.text("cli.section.commands", lang))
    _, options = _sections(main, lang)
    _lang_option(options, lang)
    path = vocabulary.text("cli.metavar.path", lang)
    for name, handler in (("import", cmd_import), ("validate", cmd_validate)):
        positionals, _ = _command(commands, name, handler, lang)
        positionals.add_argument("path", type=Path, metavar=path)
    _, options = _command(commands, "funnel", cmd_funnel, lang)
    _json_option(options, lang)
    _as_of_option(options, lang)
    _, options = _command(commands, "versions", cmd_versions, lang)
    _json_option(options, lang)
    positionals, options = _command(commands, "diff", cmd_diff, lang)
    positionals.add_argument("source", type=int, metavar="A")
    positionals.add_argument("target", type=int, metavar="B")
    _json_option(options, lang)
    positionals, _ = _command(commands, "restore", cmd_restore, lang)
    positionals.add_argument("version", type=int, metavar="N")
    _command(commands, "compact", cmd_compact, lang)
    _, options = _command(commands, "expire", cmd_expire, lang)
    options.add_argument(
        "--before", type=int, required=True, metavar="N", help=vocabulary.text("cli.option.before", lang)
    )
    options.add_argument("--dry-run", action="store_true", help=vocabulary.text("cli.option.dry_run", lang))
    positionals, _ = _command(commands, "template", cmd_template, lang)
    positionals.add_argument("path", type=Path, metavar=path)
    _, options = _command(commands, "report", cmd_report, lang)
    options.add_argument(
        "--format",
        required=True,
        choices=("md", "docx", "pdf", "pptx"),
        help=vocabulary.text("cli.option.format", lang),
    )
    options.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar=vocabulary.text("cli.metavar.out", lang),
        help=vocabulary.text("cli.option.out", lang),
    )
    options.add_argument(
        "--public", action="store_true", help=vocabulary.text("cli.option.public", lang, threshold=public.THRESHOLD)
    )
    _as_of_option(options, lang)
    options.add_argument(
        "--plan-budget",
        type=float,
        metavar=vocabulary.text("cli.metavar.plan_budget", lang),
        help=vocabulary.text("cli.option.plan_budget", lang),
    )
    _add_evidence_commands(commands, lang)
    return main


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parser(help_language(argv)).parse_args(argv)
    try:
        return args.handler(args)
    except ingest.UnreadableSourceError as error:
        print(_words("cli.error", args.lang, text=error.text(args.lang)), file=sys.stderr)
        return 1
    except db.StoreError as error:
        print(_words("cli.error", args.lang, text=error.text(args.lang)), file=sys.stderr)
        return 2
    finally:
        db.close(args.store)


if __name__ == "__main__":
    sys.exit(main())
