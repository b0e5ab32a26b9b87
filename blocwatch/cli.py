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
@click.pass_obj
def serve(settings, db: str | None, host: str, port: int, read_only: bool) -> None:
    """Serve the HTTP API and the dashboard; print the dashboard's address and the ingest token.

    Example: blocwatch serve --db blocwatch.duckdb --port 8000
    """
    from .api.server import serve as run_server

    try:
        run_server(db or settings.db, host=host, port=port, read_only=read_only, echo=lambda line: click.echo(line))
    except OSError as error:
        raise click.UsageError(f"cannot listen on {host}:{port} ({error.strerror or error}); choose another --port, or 0 for a free one") from None


def main() -> None:
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("blocwatch: interrupted", err=True)
        sys.exit(130)
