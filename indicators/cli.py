"""The command line (INTERFACES.md section 6): `python -m indicators <command>`.
Exit status 0 success, 1 refused input (nothing written), 2 usage error."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from indicators import export, metrics
from indicators import repository as repo
from indicators.config import Settings
from indicators.db import get_engine, init_db
from indicators.filters import FilterError, FilterState
from indicators.records import QUALIFIER_WORDS
from indicators.validation import ValidationError

FILTER_FLAGS = ("programme", "indicator", "kind", "sdg", "region", "country", "year-from", "year-to", "lang")


def _add_filters(parser: argparse.ArgumentParser, *, skip: tuple[str, ...] = ()) -> None:
    group = parser.add_argument_group("filters (lists are comma-separated)")
    for flag in FILTER_FLAGS:
        if flag not in skip:
            group.add_argument(f"--{flag}", dest=flag.replace("-", "_"))


def _filters(args: argparse.Namespace) -> FilterState:
    query = {name.replace("-", "_"): getattr(args, name.replace("-", "_"), None) for name in FILTER_FLAGS}
    return FilterState.from_query({k: v for k, v in query.items() if v is not None}, strict=True)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m indicators", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    p = commands.add_parser("init-db", help="create or migrate the schema and load data/ into an empty database")
    p.add_argument("--reload-seed", action="store_true", help="re-import data/ as a recorded, revertible batch")

    p = commands.add_parser("export", help="write records as CSV, XLSX or JSON")
    p.add_argument("--table", choices=list(export.TABLE_FIELDS), default="observations")
    p.add_argument("--format", choices=["csv", "xlsx", "json"], default="csv")
    p.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
    _add_filters(p)

    p = commands.add_parser("summary", help="one indicator aggregated by its own rule")
    p.add_argument("--by", choices=list(metrics.GROUPINGS))
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    _add_filters(p)

    p = commands.add_parser("demo-data", help="add (or remove) synthetic DEMO- programmes for benchmarks")
    p.add_argument("--observations", type=int, help="how many synthetic observations to add")
    p.add_argument("--random-seed", type=int, default=1)
    p.add_argument("--remove", action="store_true", help="delete the synthetic programmes and their rows")

    p = commands.add_parser("history", help="list the recorded change batches")
    p.add_argument("--format", choices=["table", "json"], default="table")
    return parser


def _engine():
    return get_engine(Settings.from_env().database_url)


def cmd_init_db(args) -> int:
    print(init_db(_engine(), reload_seed=args.reload_seed, progress=sys.stderr.isatty()))
    return 0


def cmd_export(args) -> int:
    filters = _filters(args)
    engine = _engine()
    if args.table == "observations":
        frame = repo.observations(engine, filters)
    elif args.table == "events":
        frame = repo.events(engine, filters)
    elif args.table == "programmes":
        frame = repo.programmes(engine, filters)
    else:
        frame = repo.sources(engine)
    data = export.render(frame, args.table, args.format)
    if args.output:
        args.output.write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
    return 0


def format_value(value: float, qualifier: str) -> str:
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,g}"
    word = QUALIFIER_WORDS.get(qualifier, "")
    return f"{word} {number}".strip()


def cmd_summary(args) -> int:
    filters = _filters(args)
    if len(filters.indicator) != 1:
        raise FilterError("indicator", "summary needs exactly one --indicator")
    if len(filters.kind) > 1:
        raise FilterError("kind", "summary takes one kind")
    kind = filters.kind[0] if filters.kind else "actual"
    summary = metrics.summarise(_engine(), filters.indicator[0], by=args.by, kind=kind,
                                filters=filters.with_changes(indicator=(), kind=()))
    records = summary.records()
    if args.format == "json":
        print(json.dumps(records, ensure_ascii=False, indent=1))
    elif args.format == "csv":
        sys.stdout.write(summary.rows.to_csv(index=False, lineterminator="\n"))
    else:
        header = (f"{summary.indicator} ({summary.kind}, rule: {summary.rule}, unit: {summary.unit})"
                  f"{' by ' + summary.by if summary.by else ''}")
        print(header)
        table = [(str(r["key"]) if r["key"] is not None else "(not stated)", r["label"] or "",
                  format_value(r["value"], r["qualifier"]), str(r["observations"])) for r in records]
        table.insert(0, ("key", "label", "value", "observations"))
        widths = [max(len(row[i]) for row in table) for i in range(4)]
        for row in table:
            print("  ".join(cell.ljust(widths[i]) if i < 3 else cell for i, cell in enumerate(row)))
        if not records:
            print("(no figure reported)")
        for note in summary.notes:
            print(f"note: {note.message}")
    return 0


def cmd_history(args) -> int:
    frame = repo.history(_engine())
    if args.format == "json":
        frame["created_at"] = frame["created_at"].astype(str)
        print(json.dumps(frame.to_dict("records"), ensure_ascii=False, indent=1, default=str))
    else:
        print(frame.to_string(index=False) if len(frame) else "(no changes recorded)")
    return 0


def cmd_demo_data(args) -> int:
    from indicators.demo import add_demo_data, remove_demo_data

    if args.remove:
        print(remove_demo_data(_engine()))
        return 0
    if not args.observations or args.observations < 1:
        print("error: --observations N (a positive number) or --remove is required", file=sys.stderr)
        return 2
    try:
        print(add_demo_data(_engine(), args.observations, random_seed=args.random_seed, progress=True))
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


COMMANDS = {"init-db": cmd_init_db, "export": cmd_export, "summary": cmd_summary, "history": cmd_history,
            "demo-data": cmd_demo_data}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except FilterError as error:
        print(f"error: --{error.parameter.replace('_', '-')}: {error.message}", file=sys.stderr)
        return 2
    except metrics.UnknownIndicator as error:
        print(f"error: --indicator: unknown indicator {error.args[0]!r}", file=sys.stderr)
        return 2
    except ValidationError as error:
        print(error.as_table(), file=sys.stderr)
        return 1
