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
    return _voice(row["attribution"], row["outlets"])


def _voice(chain, outlets) -> str:
    return str(chain[0]) if chain is not None and len(chain) else str(outlets[0])


def voice_key(name: str) -> str:
    """What identifies a voice across spellings: the last parenthesised alias if any ("американский
    Институт изучения войны (ISW) (Institute for the Study of War)" and "ISW (Institute for the Study
    of War)" are one voice), case-folded, without a leading "the"."""
    aliases = ALIAS.findall(name)
    key = (aliases[-1] if aliases else name).strip().casefold()
    return key.removeprefix("the ").strip()


def claims_frame(weighted: pd.DataFrame) -> pd.DataFrame:
    """Story events between two actors with their voice, its key, polarity, denial and strength."""
    voices = [_voice(chain, outlets) for chain, outlets in zip(weighted["attribution"], weighted["outlets"])]
    return weighted.assign(
        voice=voices, vkey=[voice_key(v) for v in voices],
        denied=weighted["negated"].astype(bool) | (weighted["mode"] == "denied"),
        strength=weighted["goldstein"].abs(), day=pd.to_datetime(weighted["event_date"]),
    ).reset_index(drop=True)


def strongest(claims: pd.DataFrame, keys: list[str], keep: int = KEEP) -> pd.DataFrame:
    """At most `keep` claims per group of `keys`, the weightiest (|Goldstein|, then newest): bounds the
    pairwise comparison on busy pairs without losing the oppositions worth showing."""
    ordered = claims.sort_values(["strength", "day"], ascending=[False, False], kind="stable", na_position="last")
    return ordered.groupby(keys, sort=False).head(keep)


def _opposed(one: pd.DataFrame, other: pd.DataFrame, on: list[str], kind: str, max_gap_days: int) -> pd.DataFrame:
    """Every pairing of a claim in `one` with a claim in `other` about the same pair, by different
    voices, close enough in time; the weightiest per pair of voices."""
    merged = one.reset_index().merge(other.reset_index(), on=on, suffixes=("_1", "_2"))
    gap = (merged["day_1"] - merged["day_2"]).abs().dt.days
    merged = merged[(merged["vkey_1"] != merged["vkey_2"]) & (gap.isna() | (gap <= max_gap_days))]
    merged = merged.assign(kind=kind, total=merged["strength_1"] + merged["strength_2"])
    merged = merged.sort_values("total", ascending=False, kind="stable")
    return merged.drop_duplicates(["a", "b", "vkey_1", "vkey_2"])[["a", "b", "kind", "index_1", "index_2", "total"]]


def find_oppositions(claims: pd.DataFrame, max_gap_days: int) -> pd.DataFrame:
    """Cooperation against conflict, and asserted against denied, as pairs of row positions in `claims`."""
    asserted = claims[~claims["denied"]]
    cooperation = strongest(asserted[asserted["goldstein"] > 0], ["a", "b", "vkey"])
    conflict = strongest(asserted[asserted["goldstein"] < 0], ["a", "b", "vkey"])
    denied = strongest(claims[claims["denied"]], ["a", "b", "vkey", "root"])
    affirmed = strongest(asserted, ["a", "b", "vkey", "root"])
    return pd.concat([
        _opposed(cooperation, conflict, ["a", "b"], COOPERATION_VS_CONFLICT, max_gap_days),
        _opposed(affirmed, denied, ["a", "b", "root"], ASSERTED_VS_DENIED, max_gap_days),
    ], ignore_index=True)


def contradictions(reader: StoreReader, since: date | None = None, until: date | None = None,
                   where: EventFilter = EventFilter(), max_gap_days: int = 365, limit: int | None = 20,
                   per_pair: int | None = 3) -> list[Contradiction]:
    """Opposite claims about the same pair from different voices, strongest first, at most
    `per_pair` for one pair (so that one busy pair does not hide the others)."""
    claims = claims_frame(weigh(reader.story_events(window(since, until, where)), until))
    if claims.empty:
        return []
    found = find_oppositions(claims, max_gap_days)
    found = found.assign(v1=claims["voice"].to_numpy()[found["index_1"]], v2=claims["voice"].to_numpy()[found["index_2"]])
    found = found.sort_values(["total", "a", "b", "kind", "v1", "v2"], ascending=[False, True, True, True, True, True], kind="stable")
    if per_pair is not None:
        found = found.groupby(["a", "b"], sort=False).head(per_pair)
    chosen = found if limit is None else found.head(limit)
    return [
        Contradiction(row.a, row.b, row.kind, _claim(claims.iloc[row.index_1]), _claim(claims.iloc[row.index_2]))
        for row in chosen.itertuples(index=False)
    ]


def _claim(row: pd.Series) -> Claim:
    return Claim(row["voice"], to_evidence(row))


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
