"""Contradictions: claims about the same pair in the same period that point opposite ways, from
different voices, side by side.

A claim is a story event between two actors. Its voice is who says so: the outermost name of its
attribution chain, else the outlet that published it (spellings of one name count as one voice,
see `voice_key`). Two claims about one unordered pair
contradict when their voices differ and their dates (when both are known) lie within `max_gap_days`,
and either
- one is cooperation (Goldstein > 0) and the other conflict (Goldstein < 0), neither negated
  ("cooperation vs conflict"), or
- both are of the same CAMEO root and one is negated or denied ("asserted vs denied").
For each pair, kind and pair of voices only the weightiest opposition is kept (|Goldstein| summed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from itertools import combinations

import pandas as pd

from ..store.reader import EventFilter, StoreReader
from .alignment import Evidence, to_evidence, weigh, window

COOPERATION_VS_CONFLICT = "cooperation vs conflict"
ASSERTED_VS_DENIED = "asserted vs denied"
ALIAS = re.compile(r"\(([^()]+)\)")
KEEP = 5  # claims per voice, polarity and root compared on one pair


@dataclass(frozen=True)
class Claim:
    voice: str
    evidence: Evidence


@dataclass(frozen=True)
class Contradiction:
    a: str
    b: str
    kind: str
    first: Claim  # the cooperative (or asserted) claim
    second: Claim  # the conflictual (or denied) claim

    @property
    def strength(self) -> float:
        return abs(self.first.evidence.goldstein) + abs(self.second.evidence.goldstein)


def voice(row: pd.Series) -> str:
    """Who makes a claim: the outermost attribution, else the outlet."""
    chain = row["attribution"]
    return str(chain[0]) if chain is not None and len(chain) else str(row["outlets"][0])


def voice_key(name: str) -> str:
    """What identifies a voice across spellings: the last parenthesised alias if any ("американский
    Институт изучения войны (ISW) (Institute for the Study of War)" and "ISW (Institute for the Study
    of War)" are one voice), case-folded, without a leading "the"."""
    aliases = ALIAS.findall(name)
    key = (aliases[-1] if aliases else name).strip().casefold()
    return key.removeprefix("the ").strip()


def _denied(row: pd.Series) -> bool:
    return bool(row["negated"]) or row["mode"] == "denied"


def _kind(first: pd.Series, second: pd.Series) -> str | None:
    """How two claims about one pair oppose each other, if they do."""
    if _denied(first) != _denied(second) and first["root"] == second["root"]:
        return ASSERTED_VS_DENIED
    if not _denied(first) and not _denied(second) and first["goldstein"] * second["goldstein"] < 0:
        return COOPERATION_VS_CONFLICT
    return None


def _close_in_time(first: pd.Series, second: pd.Series, max_gap_days: int) -> bool:
    if pd.isna(first["event_date"]) or pd.isna(second["event_date"]):
        return True
    return abs((pd.Timestamp(first["event_date"]) - pd.Timestamp(second["event_date"])).days) <= max_gap_days


def _ordered(kind: str, first: pd.Series, second: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Cooperative (or asserted) claim first."""
    if kind == ASSERTED_VS_DENIED:
        return (second, first) if _denied(first) else (first, second)
    return (first, second) if first["goldstein"] > 0 else (second, first)


def strongest(claims: pd.DataFrame, keep: int = KEEP) -> pd.DataFrame:
    """At most `keep` claims per voice, polarity and root, the weightiest (|Goldstein|, then newest):
    bounds the pairwise comparison on busy pairs without losing the oppositions worth showing."""
    frame = claims.assign(
        _voice=[voice_key(voice(row)) for _, row in claims.iterrows()],
        _polarity=claims["goldstein"].gt(0).astype(int) - claims["goldstein"].lt(0).astype(int),
        _denied=claims["negated"].astype(bool) | (claims["mode"] == "denied"),
        _strength=claims["goldstein"].abs(),
    )
    frame = frame.sort_values(["_strength", "event_date"], ascending=[False, False], kind="stable", na_position="last")
    return frame.groupby(["_voice", "_polarity", "_denied", "root"], sort=False).head(keep)


def pair_contradictions(claims: pd.DataFrame, max_gap_days: int) -> list[Contradiction]:
    """The contradictions among the claims about one pair."""
    best: dict[tuple[str, str, str], Contradiction] = {}
    rows = [row for _, row in strongest(claims).iterrows()]
    for first, second in combinations(rows, 2):
        kind = _kind(first, second)
        if kind is None or voice_key(voice(first)) == voice_key(voice(second)) or not _close_in_time(first, second, max_gap_days):
            continue
        one, other = _ordered(kind, first, second)
        found = Contradiction(first["a"], first["b"], kind, Claim(voice(one), to_evidence(one)), Claim(voice(other), to_evidence(other)))
        key = (kind, voice_key(found.first.voice), voice_key(found.second.voice))
        if key not in best or found.strength > best[key].strength:
            best[key] = found
    return list(best.values())


def contradictions(reader: StoreReader, since: date | None = None, until: date | None = None,
                   where: EventFilter = EventFilter(), max_gap_days: int = 365, limit: int | None = 20) -> list[Contradiction]:
    """Opposite claims about the same pair from different voices, strongest first."""
    claims = weigh(reader.story_events(window(since, until, where)), until)
    found = []
    for _, group in claims.groupby(["a", "b"], sort=True):
        found.extend(pair_contradictions(group, max_gap_days))
    found.sort(key=lambda c: (-c.strength, c.a, c.b, c.kind, c.first.voice, c.second.voice))
    return found if limit is None else found[:limit]


def contradictions_frame(found: list[Contradiction]) -> pd.DataFrame:
    """Contradictions as a DataFrame, the two claims side by side."""
    return pd.DataFrame([{
        "a": c.a, "b": c.b, "kind": c.kind,
        "voice": c.first.voice, "claim": c.first.evidence.sentence, "code": c.first.evidence.code,
        "date": c.first.evidence.date, "article_id": c.first.evidence.article_id,
        "other_voice": c.second.voice, "other_claim": c.second.evidence.sentence, "other_code": c.second.evidence.code,
        "other_date": c.second.evidence.date, "other_article_id": c.second.evidence.article_id,
    } for c in found], columns=["a", "b", "kind", "voice", "claim", "code", "date", "article_id", "other_voice",
                                "other_claim", "other_code", "other_date", "other_article_id"])
