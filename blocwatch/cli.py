"""The `blocwatch` command: thin wrappers over importable functions.

Exit codes: 0 every input was used; 1 an unexpected failure; 2 a usage error;
3 some inputs were skipped (each reported on standard error with its reason).
"""

from __future__ import annotations

import json
import sys

import click

from .settings import from_environment

EXIT_SKIPPED = 3


def report_rejection(origin: str, reason: str) -> None:
    click.echo(f"blocwatch: skipped {origin}: {reason}", err=True)


@click.group()
@click.version_option(package_name="blocwatch")
@click.option("--set", "overrides", multiple=True, metavar="NAME=VALUE", help="Override a setting (see README).")
@click.pass_context
def cli(context: click.Context, overrides: tuple[str, ...]) -> None:
    """blocwatch: who did what to whom in the news, who says so, and how the blocs move."""
    values = dict(item.split("=", 1) for item in overrides if "=" in item)
    context.obj = from_environment().with_values(**values)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("--stages", default=None, metavar="NAME,...", help="Stages to run after extraction (default: all: clean,language,sentences,actors,events).")
@click.pass_obj
def extract(settings, paths: tuple[str, ...], output_format: str, stages: str | None) -> None:
    """Extract, clean and code articles; print one interchange object per article.

    PATHS are files (.txt, .html, .jsonl, .rss/.atom/.xml, .warc/.warc.gz), directories (read
    recursively; other extensions skipped) or - for standard input.

    Example: blocwatch extract --format jsonl examples/seeds/
    """
    from .errors import PipelineError
    from .extracting import extract_paths
    from .interchange import to_interchange
    from .model import Rejection
    from .pipeline import DEFAULT_STAGES, build

    names = tuple(name.strip() for name in stages.split(",") if name.strip()) if stages else DEFAULT_STAGES
    try:
        build(settings, names)
    except PipelineError as error:
        raise click.UsageError(str(error)) from None
    skipped = 0
    for result in extract_paths(paths, settings, names):
        if isinstance(result, Rejection):
            skipped += 1
            report_rejection(result.origin, result.reason)
            continue
        click.echo(json.dumps(to_interchange(result), ensure_ascii=False))
    if skipped:
        sys.exit(EXIT_SKIPPED)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.pass_obj
def actors(settings, paths: tuple[str, ...]) -> None:
    """Print the actor mentions of each input (offsets in the cleaned text, text, code, kind, role,
    gazetteer entry): for tuning the gazetteer. PATHS as for `extract`; - reads standard input.

    Example: echo "Moscow and Pyongyang signed a treaty." | blocwatch actors -
    """
    from .extracting import extract_paths
    from .model import Rejection
    from .stages.actors import mention_table

    skipped = 0
    for result in extract_paths(paths, settings, ("clean", "language", "sentences", "actors")):
        if isinstance(result, Rejection):
            skipped += 1
            report_rejection(result.origin, result.reason)
            continue
        click.echo(f"# {result.origin}\n{mention_table(result.mentions)}\n")
    if skipped:
        sys.exit(EXIT_SKIPPED)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.pass_obj
def explain(settings, paths: tuple[str, ...]) -> None:
    """Print each event with its sentence, the actor [S ...] [T ...], verb {...} and reporter <A ...>
    spans marked, the pattern that fired, attribution, modality and date.

    Example: blocwatch explain examples/seeds/000_7160d0badd2f3691.txt
    """
    from .explain import explain_article
    from .extracting import extract_paths
    from .model import Rejection

    skipped = 0
    for result in extract_paths(paths, settings):
        if isinstance(result, Rejection):
            skipped += 1
            report_rejection(result.origin, result.reason)
            continue
        click.echo(explain_article(result) + "\n")
    if skipped:
        sys.exit(EXIT_SKIPPED)


@cli.command()
@click.option("--db", "db", default=None, metavar="PATH", help="The store to serve (default: the `db` setting, ./blocwatch.duckdb).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on; anything but loopback makes the store reachable from other machines.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on; 0 picks a free one.")
@click.option("--read-only", is_flag=True, help="Refuse POST /api/articles (no ingest token).")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Server processes; more answer more requests at once on more cores.")
@click.pass_obj
def serve(settings, db: str | None, host: str, port: int, read_only: bool, workers: int) -> None:
    """Serve the HTTP API and the dashboard; print the dashboard's address and the ingest token.

    Example: blocwatch serve --db blocwatch.duckdb --port 8000
    """
    from .api.server import serve as run_server

    try:
        run_server(db or settings.db, host=host, port=port, read_only=read_only, echo=lambda line: click.echo(line), workers=workers)
    except OSError as error:
        raise click.UsageError(f"cannot listen on {host}:{port} ({error.strerror or error}); choose another --port, or 0 for a free one") from None


# --- the store: ingest, report, relations, events, export (thin wrappers; see ingest.py, report.py, export.py)

def db_option(command):
    """`--db PATH`, shared by every command that uses the store."""
    return click.option("--db", "db", default=None, metavar="PATH",
                        help="The DuckDB store (default: the `db` setting, ./blocwatch.duckdb).")(command)


def window_options(command):
    """`--since DATE` and `--until DATE`."""
    command = click.option("--until", default=None, metavar="DATE", help="Last day of the window (YYYY-MM-DD, YYYY-MM or YYYY).")(command)
    return click.option("--since", default=None, metavar="DATE", help="First day of the window (YYYY-MM-DD, YYYY-MM or YYYY).")(command)


def filter_options(command):
    """Event filters: actor, pair, code, root, quad class, window, language, source, hedged, negated."""
    options = [
        click.option("--actor", default=None, metavar="CODE", help="Events with this actor as source or target (RUS, NATO)."),
        click.option("--pair", nargs=2, default=None, metavar="A B", help="Events between two actors, either direction."),
        click.option("--code", default=None, metavar="CAMEO", help="CAMEO code or prefix (057, 05)."),
        click.option("--root", default=None, metavar="NN", help="CAMEO root (01..20)."),
        click.option("--quad", "quad_class", type=click.IntRange(1, 4), default=None, help="Quad class: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict."),
        click.option("--language", default=None, metavar="LANG", help="Article language (en, ru)."),
        click.option("--source", default=None, metavar="NAME", help="Outlet or attributed source (substring, any case)."),
        click.option("--hedged/--not-hedged", default=None, help="Only hedged (or only unhedged) claims."),
        click.option("--negated/--not-negated", default=None, help="Only negated (or only asserted) events."),
    ]
    for option in reversed(options):
        command = option(command)
    return window_options(command)


def _filter(conditions: dict):
    from .database import event_filter

    try:
        return event_filter(**{k: v for k, v in conditions.items() if v is not None})
    except ValueError as error:
        raise click.UsageError(str(error)) from None


def _reader(settings, db: str | None):
    """The store's reader; a usage error when there is no store yet."""
    from pathlib import Path

    from .store.reader import StoreReader

    path = Path(db or settings.db)
    if not path.exists():
        raise click.UsageError(f"no store at {path}: run `blocwatch ingest --db {path} PATH...` first")
    return StoreReader(path)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--executor", type=click.Choice(["local", "process", "dask"]), default="local", show_default=True, help="Where the pipeline runs: this process, a local process pool, or Dask.")
@click.option("--workers", type=click.IntRange(1), default=2, show_default=True, help="Worker processes (process and dask executors).")
@click.option("--scheduler", default=None, metavar="ADDRESS", help="Address of a running Dask scheduler (tcp://host:8786) instead of a local cluster.")
@click.option("--batch-size", type=click.IntRange(1), default=16, show_default=True, help="Articles per transaction.")
@click.option("--force", is_flag=True, help="Re-code inputs that are already stored unchanged (after a dictionary change).")
@click.option("--stages", default=None, metavar="NAME,...", help="Stages to run after extraction (default: all).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary (rejections are still reported).")
@click.pass_obj
def ingest(settings, paths, db, executor, workers, scheduler, batch_size, force, stages, quiet) -> None:
    """Run inputs through the whole pipeline into the store, idempotently.

    Inputs already stored unchanged are skipped; a changed version of an id replaces the old one;
    copies of a stored text are recorded as duplicates. Exit status 3 when some inputs were skipped.

    Example: blocwatch ingest --db blocwatch.duckdb examples/seeds
    """
    from .errors import BlocwatchError
    from .executors import make_executor
    from .ingest import ingest as run_ingest
    from .pipeline import DEFAULT_STAGES
    from .progress import ingest_progress

    names = tuple(name.strip() for name in stages.split(",") if name.strip()) if stages else DEFAULT_STAGES
    try:
        with ingest_progress(quiet) as progress:
            summary = run_ingest(paths, settings, db, make_executor(executor, workers, scheduler), batch_size,
                                 force=force, progress=progress, stages=names)
    except BlocwatchError as error:
        raise click.ClickException(str(error)) from None
    for rejection in summary.rejections:
        report_rejection(rejection.origin, rejection.reason)
    if not quiet:
        click.echo(summary.line())
    if summary.rejections:
        sys.exit(EXIT_SKIPPED)


@cli.command()
@db_option
@window_options
@click.option("--period", type=click.Choice(["auto", "month", "quarter", "year"]), default="auto", show_default=True, help="Calendar periods compared by the shifts (auto: the shortest with events in both).")
@click.option("--limit", type=click.IntRange(1), default=10, show_default=True, help="Rows per section.")
@click.option("--html", "html_path", default=None, metavar="FILE", help="Also write the dashboard's views (graph, pair timelines, contradictions, evidence) as one self-contained HTML file.")
@click.pass_obj
def report(settings, db, since, until, period, limit, html_path) -> None:
    """Print a summary of the store: top dyads, blocs, shifts and contradictions, with evidence.

    Example: blocwatch report --db blocwatch.duckdb --since 2024-01 --html report.html
    """
    from rich.console import Console

    from .report import build_report, render_report

    reader = _reader(settings, db)
    built = build_report(reader, _date(since), _date(until), period, limit)
    render_report(built, Console(highlight=False))
    if html_path:
        from .report_html import write_html_report

        written = write_html_report(reader, html_path, _date(since), _date(until))
        click.echo(f"blocwatch: wrote the HTML report to {written} (open it in a browser; it needs no network)")


def _date(value):
    from .database import as_date

    try:
        return as_date(value)
    except ValueError as error:
        raise click.UsageError(str(error)) from None


@cli.command()
@click.argument("a")
@click.argument("b")
@db_option
@window_options
@click.option("--freq", type=click.Choice(["day", "week", "month", "quarter", "year"]), default="month", show_default=True, help="Period of the timeline.")
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True, help="Evidence sentences to show.")
@click.pass_obj
def relations(settings, a, b, db, since, until, freq, limit) -> None:
    """Show the timeline, alignment score and evidence of one pair of actors.

    Example: blocwatch relations RUS PRK --freq month
    """
    from rich.console import Console

    from .report import render_relations

    reader = _reader(settings, db)
    render_relations(reader, a, b, Console(highlight=False), freq, _filter({"since": since, "until": until}), limit)


@cli.command()
@db_option
@filter_options
@click.option("--stories", is_flag=True, help="Count each event once per story (with its numbers of articles and sources).")
@click.option("--format", "output_format", type=click.Choice(["text", "jsonl", "csv"]), default="text", show_default=True, help="text: two lines per event for people; jsonl/csv for scripts.")
@click.option("--limit", type=click.IntRange(0), default=50, show_default=True, help="Rows to print (0: all).")
@click.pass_obj
def events(settings, db, stories, output_format, limit, **conditions) -> None:
    """List stored events, filtered.

    Example: blocwatch events --pair RUS CHN --quad 3 --since 2023
    """
    from .export import write_csv, write_jsonl

    reader = _reader(settings, db)
    where = _filter(conditions)
    frame = reader.story_events(where) if stories else reader.events(where)
    frame = frame if limit == 0 else frame.head(limit)
    if output_format == "jsonl":
        write_jsonl(frame, sys.stdout.buffer)
    elif output_format == "csv":
        write_csv(frame, sys.stdout.buffer)
    else:
        from rich.console import Console

        from .report import render_events

        render_events(frame, Console(highlight=False))


@cli.command(name="export")
@db_option
@filter_options
@click.option("--format", "output_format", type=click.Choice(["jsonl", "csv", "parquet", "graphml", "gdelt"]), required=True, help="gdelt: the GDELT 2.0 event table (tab-separated, 61 columns).")
@click.option("--output", "-o", default="-", show_default=True, metavar="PATH", help="File to write; - for standard output.")
@click.option("--stories", is_flag=True, help="jsonl/csv/parquet: one row per story event instead of per stored event.")
@click.option("--header/--no-header", default=True, show_default=True, help="gdelt: write the column names first (raw GDELT files have none).")
@click.pass_obj
def export_command(settings, db, output_format, output, stories, header, **conditions) -> None:
    """Export events (or the alignment graph) for other tools.

    Example: blocwatch export --format gdelt -o events.tsv
    """
    from .export import export_to

    reader = _reader(settings, db)
    options = {"where": _filter(conditions)}
    if output_format in ("jsonl", "csv", "parquet"):
        options["stories"] = stories
    if output_format == "gdelt":
        options["header"] = header
    count = export_to(reader, output_format, output, **options)
    if output != "-":
        click.echo(f"wrote {count} records to {output}", err=True)


def main() -> None:
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("blocwatch: interrupted", err=True)
        sys.exit(130)
