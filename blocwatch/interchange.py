"""The interchange format (version 1): one JSON object per article, see README "Output format"."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from typing import Any

from .model import Article, Event, Mention

# Organisations that keep their own code in the interchange `actors` list; other organisations are
# recognised but listed under `other_actors`.
LISTED_ORGANISATIONS = frozenset({"NATO", "EU", "UN", "G7", "AUKUS", "ASEAN", "SCO", "BRICS", "CSTO", "IAEA"})


def is_listed_actor(mention: Mention) -> bool:
    """States and the listed organisations: the actors events are about."""
    if mention.code is None:
        return False
    return mention.kind == "state" or (mention.kind == "organisation" and mention.code in LISTED_ORGANISATIONS)


def actor_summaries(mentions: tuple[Mention, ...], keep) -> list[dict[str, Any]]:
    """One entry per code, in order of first mention, with counts, roles and mention offsets."""
    grouped: dict[str, list[Mention]] = {}
    for mention in mentions:
        if keep(mention):
            grouped.setdefault(mention.code, []).append(mention)
    summaries = []
    for code, group in grouped.items():
        roles = Counter(m.role for m in group if m.role)
        states = [m for m in group if m.entry and m.entry.startswith(("state:", "org:"))]
        summaries.append({
            "code": code,
            "name": (states or group)[0].name,
            "role": roles.most_common(1)[0][0] if roles else None,
            "mentions": len(group),
            "spans": [{"start": m.start, "end": m.end, "text": m.text, "role": m.role} for m in group],
        })
    return summaries


def event_record(event: Event) -> dict[str, Any]:
    record = asdict(event)
    record["attribution"] = list(event.attribution)
    record["attribution_spans"] = [asdict(span) for span in event.attribution_spans]
    return record


def to_interchange(article: Article) -> dict[str, Any]:
    """The article as one interchange object."""
    return {
        "id": article.id,
        "language": article.language,
        "title": article.title,
        "published": article.published,
        "url": article.url,
        "site": article.site,
        "text": article.text,
        "actors": actor_summaries(article.mentions, is_listed_actor),
        "other_actors": actor_summaries(article.mentions, lambda m: m.code is not None and not is_listed_actor(m)),
        "sources": sorted({m.name for m in article.mentions if m.kind == "media"}),
        "events": [event_record(event) for event in article.events],
        "removed": [asdict(removal) for removal in article.removals],
    }
