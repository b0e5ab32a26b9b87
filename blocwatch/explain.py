"""Why each event was coded: its sentence with the actor, verb and attribution spans marked."""

from __future__ import annotations

from .cameo import lookup
from .model import Article, Event, Span

MARKS = {"source": ("[S ", "]"), "target": ("[T ", "]"), "verb": ("{", "}"), "attribution": ("<A ", ">")}


def marked_sentence(event: Event) -> str:
    """The evidence sentence with its spans bracketed: [S source] {verb} [T target] <A reporter>."""
    spans: list[tuple[Span, str]] = [(event.verb, "verb")] if event.verb else []
    spans += [(span, kind) for span, kind in ((event.source_span, "source"), (event.target_span, "target")) if span]
    spans += [(span, "attribution") for span in event.attribution_spans if event.start <= span.start < event.end]
    text, cursor, pieces = event.sentence, event.start, []
    for span, kind in sorted(spans, key=lambda item: item[0].start):
        if span.start < cursor:  # overlapping spans: keep the first
            continue
        opening, closing = MARKS[kind]
        pieces += [text[cursor - event.start:span.start - event.start], opening, span.text, closing]
        cursor = span.end
    pieces.append(text[cursor - event.start:])
    return "".join(pieces)


def describe(event: Event) -> list[str]:
    """The lines that explain one event."""
    name = lookup(event.code).name
    target = event.target or "-"
    modality = ", ".join(flag for flag, on in (("hedged", event.hedged), ("negated", event.negated)) if on) or "plain"
    date = event.date or "undated"
    if event.date_from_publication:
        date += " (publication date)"
    return [
        f"{event.source} -> {target}  {event.code} {name}  (root {event.root}, Goldstein {event.goldstein:+.1f}, quad {event.quad_class}, PLOVER {event.plover})",
        f"  sentence   {marked_sentence(event)}",
        f"  pattern    {event.pattern}",
        f"  said by    {' <- '.join(event.attribution) if event.attribution else 'the article itself'}",
        f"  modality   {modality}; mode {event.mode}",
        f"  date       {date}",
    ]


def explain_article(article: Article) -> str:
    """Every event of an article, explained."""
    header = f"{article.id} ({article.language}, published {article.published or 'unknown'}): {len(article.events)} events"
    lines = [header, "=" * len(header)]
    for number, event in enumerate(article.events, 1):
        lines.append(f"{number}. " + "\n".join(describe(event)))
    return "\n".join(lines)
