"""The terminal report of a store (`blocwatch report`) and of one pair (`blocwatch relations`).

`build_report` gathers the figures from the analysis functions; `render_report` prints them with
rich. Every figure is followed by the sentences behind it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
from rich.console import Console
from rich.table import Table

from .analysis.alignment import Evidence, alignment, evidence, to_evidence, weigh, window
from .analysis.blocs import BlocStructure, Tie, blocs
from .analysis.contradictions import Contradiction, contradictions
from .analysis.dyads import dyad_series, pair_filter, top_dyads
from .analysis.shifts import Period, Shift, default_periods, shifts
from .store.reader import EventFilter, StoreReader

QUAD_SHORT = {"verbal_cooperation": "v.coop", "material_cooperation": "m.coop", "verbal_conflict": "v.confl",
              "material_conflict": "m.confl"}


@dataclass(frozen=True)
class Report:
    counts: dict[str, int]
    stories: int
    dyads: pd.DataFrame
    scores: pd.DataFrame
    blocs: BlocStructure
    periods: tuple[Period, Period] | None
    shifts: list[Shift]
    contradictions: list[Contradiction]


def build_report(reader: StoreReader, since: date | None = None, until: date | None = None,
                 span: str = "auto", limit: int = 10) -> Report:
    """Everything `blocwatch report` shows."""
    where = window(since, until)
    periods = default_periods(reader, span, where)
    return Report(
        counts=reader.counts(), stories=len(reader.clusters()), dyads=top_dyads(reader, where, limit=limit),
        scores=alignment(reader, since, until), blocs=blocs(reader, since, until), periods=periods,
        shifts=shifts(reader, *periods, where=where, limit=limit) if periods else [],
        contradictions=contradictions(reader, since, until, limit=limit),
    )


def describe(item: Evidence) -> str:
    """One evidence line: date, who did what to whom, who says so, and the sentence."""
    voice = f" according to {' / '.join(item.attribution)}" if item.attribution else ""
    weight = "" if item.weight != item.weight else f", weight {item.weight:.2f}"  # NaN: not weighed
    flags = "".join([" (hedged)" if item.hedged else "", " (denied)" if item.negated else ""])
    copies = f", {item.articles} articles / {item.sources} sources" if item.articles > 1 else ""
    return (f"[dim]{item.date or 'undated'}[/] {item.source}→{item.target or '-'} {item.code} "
            f"({item.goldstein:+.1f}{weight}){voice}{flags}{copies} "
            f"[dim]({item.article_id})[/]\n      “{item.sentence.strip()}”")


def _tie(console: Console, tie: Tie) -> None:
    console.print(f"  {tie.a}–{tie.b}  score {tie.score:+.2f} over {tie.events} events")
    for item in tie.evidence:
        console.print(f"    {describe(item)}", highlight=False)


def _render_dyads(console: Console, report: Report) -> None:
    table = Table(title="Top dyads (events counted once per story)", title_justify="left")
    for column in ("pair", "n", *QUAD_SHORT.values(), "G sum", "G mean", "score"):
        table.add_column(column, justify="left" if column == "pair" else "right", no_wrap=True)
    scores = report.scores.set_index(["a", "b"])["score"] if not report.scores.empty else pd.Series(dtype=float)
    for _, row in report.dyads.iterrows():
        score = scores.get((row["a"], row["b"]))
        table.add_row(f"{row['a']}–{row['b']}", str(row["events"]), *(str(row[q]) for q in QUAD_SHORT),
                      f"{row['goldstein_sum']:+.1f}", f"{row['goldstein_mean']:+.2f}", "" if score is None else f"{score:+.2f}")
    console.print(table)


def _render_blocs(console: Console, structure: BlocStructure) -> None:
    console.rule("Blocs (signed alignment graph)")
    for bloc in structure.blocs:
        console.print(f"[bold]Bloc {bloc.number}[/]: {', '.join(bloc.members)}")
        for tie in bloc.ties:
            _tie(console, tie)
    if structure.oppositions:
        console.print("[bold]Against each other[/]:")
        for tie in structure.oppositions:
            _tie(console, tie)


def _render_shifts(console: Console, report: Report) -> None:
    if report.periods is None:
        return
    (b0, b1), (a0, a1) = report.periods
    console.rule(f"Shifts: {b0}..{b1} → {a0}..{a1}")
    for shift in report.shifts:
        console.print(f"  {shift.a}–{shift.b}  {shift.before:+.2f} → {shift.after:+.2f} ({shift.change:+.2f}; "
                      f"{shift.events_before} → {shift.events_after} events)")
        for item in shift.evidence[:2]:
            console.print(f"    {describe(item)}", highlight=False)


def _render_contradictions(console: Console, found: list[Contradiction]) -> None:
    console.rule("Contradictions")
    if not found:
        console.print("  none found")
    for item in found:
        console.print(f"  [bold]{item.a}–{item.b}[/] {item.kind}:")
        console.print(f"    {item.first.voice}: {describe(item.first.evidence)}", highlight=False)
        console.print(f"    {item.second.voice}: {describe(item.second.evidence)}", highlight=False)


def render_report(report: Report, console: Console) -> None:
    """Print the report."""
    counts = report.counts
    console.print(f"[bold]blocwatch report[/]: {counts['articles']} articles in {report.stories} stories, "
                  f"{counts['events']} events, {counts['duplicates']} duplicates, {counts['rejections']} rejected inputs; "
                  f"scores: +1 close cooperation, -1 conflict (see README)")
    _render_dyads(console, report)
    _render_blocs(console, report.blocs)
    _render_shifts(console, report)
    _render_contradictions(console, report.contradictions)


def render_events(frame: pd.DataFrame, console: Console) -> None:
    """Stored (or story) events, two lines each: who did what to whom, then the evidence sentence."""
    for _, row in frame.iterrows():
        console.print(describe(to_evidence(row)), highlight=False)
    console.print(f"[dim]{len(frame)} events[/]")


def render_relations(reader: StoreReader, a: str, b: str, console: Console, freq: str = "month",
                     where: EventFilter = EventFilter(), limit: int = 20) -> int:
    """Print the timeline and evidence of one pair; return its number of story events."""
    a, b = sorted((a.upper(), b.upper()))
    pair = pair_filter(a, b, where)
    weighted = weigh(reader.story_events(pair), where.until)
    scored = alignment(reader, where=pair)
    score = f"{scored.iloc[0]['score']:+.2f}" if not scored.empty else "none (no events)"
    console.print(f"[bold]{a}–{b}[/]: {len(weighted)} story events, alignment score {score}")
    if weighted.empty:
        return 0
    timeline = dyad_series(reader, freq, pair, directed=False)
    table = Table(title=f"Timeline per {freq}", title_justify="left")
    for column in ("period", "n", *QUAD_SHORT.values(), "G sum"):
        table.add_column(column, justify="right", no_wrap=True)
    for _, row in timeline.iterrows():
        table.add_row(str(pd.Timestamp(row["period"]).date()), str(row["events"]), *(str(row[q]) for q in QUAD_SHORT),
                      f"{row['goldstein_sum']:+.1f}")
    console.print(table)
    console.rule("Evidence, weightiest first")
    for item in evidence(weighted, a, b, limit):
        console.print(f"  {describe(item)}", highlight=False)
    return len(weighted)
