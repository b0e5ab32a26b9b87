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
@click.pass_obj
def extract(settings, paths: tuple[str, ...], output_format: str) -> None:
    """Extract, clean and code articles; print one interchange object per article.

    Example: blocwatch extract --format jsonl examples/seeds/
    """
    from .extracting import extract_paths
    from .interchange import to_interchange
    from .model import Rejection

    skipped = 0
    for result in extract_paths(paths, settings):
        if isinstance(result, Rejection):
            skipped += 1
            report_rejection(result.origin, result.reason)
            continue
        click.echo(json.dumps(to_interchange(result), ensure_ascii=False))
    if skipped:
        sys.exit(EXIT_SKIPPED)


def main() -> None:
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("blocwatch: interrupted", err=True)
        sys.exit(130)
