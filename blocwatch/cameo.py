"""CAMEO event codes: names, roots, Goldstein values, quad classes and PLOVER types.

The data live in `data/cameo.yaml` (written from the CAMEO 1.1b3 codebook, the standard Goldstein
table and the PLOVER codebook); this module only loads and checks them, once per process.

    >>> lookup("057").goldstein
    8.0
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

DATA_FILE = "cameo.yaml"


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code (a two-digit root or a 3- or 4-digit code) and what it carries."""

    code: str  # "057"
    name: str  # "Sign formal agreement"
    root: str  # "05"
    goldstein: float  # -10.0 (most conflictual) .. +10.0 (most cooperative)
    quad_class: int  # 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
    plover: str  # PLOVER event type: "SUPPORT"


@dataclass(frozen=True)
class PloverType:
    """One PLOVER event type with its quad class, codebook score (None when it has none) and meaning."""

    name: str
    quad_class: int
    score: float | None
    definition: str


def _read() -> dict[str, Any]:
    """The parsed data file."""
    text = files("blocwatch").joinpath("data", DATA_FILE).read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _root_codes(root: str, entry: dict[str, Any]) -> list[CameoCode]:
    """The root itself and every code listed under it."""
    quad = int(entry["quad_class"])
    found = [CameoCode(root, entry["name"], root, float(entry["goldstein"]), quad, entry["plover"])]
    for code, (name, goldstein, plover) in entry["codes"].items():
        found.append(CameoCode(str(code), name, root, float(goldstein), quad, plover))
    return found


@cache
def plover_types() -> dict[str, PloverType]:
    """Every PLOVER event type the data use, by name."""
    raw = _read()["plover_types"]
    return {name: PloverType(name, int(quad), None if score is None else float(score), meaning) for name, (quad, score, meaning) in raw.items()}


@cache
def codes() -> dict[str, CameoCode]:
    """Every CAMEO code, roots included, by code string."""
    table: dict[str, CameoCode] = {}
    for root, entry in _read()["roots"].items():
        for found in _root_codes(str(root), entry):
            if found.code in table:
                raise ValueError(f"{DATA_FILE}: CAMEO code {found.code} is listed twice; keep one entry")
            table[found.code] = found
    return table


def lookup(code: str) -> CameoCode:
    """The CameoCode for `code` ("057", "19"); KeyError with a readable message when unknown."""
    table = codes()
    if code in table:
        return table[code]
    hint = ""
    if code.isdigit() and len(code) in (1, 2, 3) and code.zfill(len(code) + 1) in table:
        hint = f"; did you mean {code.zfill(len(code) + 1)!r}? CAMEO codes keep their leading zero"
    raise KeyError(f"unknown CAMEO event code {code!r}{hint}; codes are strings such as '057' or '1823' (see blocwatch/data/{DATA_FILE})")

