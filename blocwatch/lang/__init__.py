"""Per-language data files: `lang/<language>/<name>.yaml`, loaded once and cached.

Dictionaries (cleaning rules, reporting verbs, hedges, ...) are data a person reviews in a diff,
not code. `load_language_data("en", "cleaning")` reads `blocwatch/lang/en/cleaning.yaml`;
`"common"` holds data shared by every language.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import BlocwatchError

LANG_DIR = Path(__file__).resolve().parent


class LanguageDataError(BlocwatchError):
    """A language data file is missing or is not a YAML mapping."""


def language_data_path(language: str, name: str) -> Path:
    """Where the data file `name` of `language` lives."""
    return LANG_DIR / language / f"{name}.yaml"


@lru_cache(maxsize=None)
def load_language_data(language: str, name: str) -> dict[str, Any]:
    """The YAML mapping `lang/<language>/<name>.yaml`; an empty dict when the file does not exist.

    A missing file is normal (a language without, say, hedges); a file that is not a mapping is a
    packaging mistake and raises LanguageDataError naming the file to fix. The result is cached and
    shared by every caller: read it, never change it.
    """
    path = language_data_path(language, name)
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise LanguageDataError(f"{path}: expected a YAML mapping at the top level, found {type(data).__name__}; fix the file")
    return data


def available_languages(name: str) -> tuple[str, ...]:
    """Languages (and "common") that have a data file called `name`, sorted."""
    return tuple(sorted(p.parent.name for p in LANG_DIR.glob(f"*/{name}.yaml")))
