"""Event dates: when an event happened, from its sentence, resolved against the publication date.

`resolve_event_date(text, language, published)` finds the date expressions of a sentence with a
grammar built from the word lists in `lang/<language>/dates.yaml` ("in June", "19 марта",
"last year", "в конце января", "Tuesday (26/9/2023)", "between 2013 and 2014", ...), picks one and
resolves it at the precision the text allows:

- a year ("in 2021", "в прошлом году", "осенью 2023 г.", "between 2013 and 2014": the start) -> "2021";
- a month ("in late June", "last December", "earlier this month", "в июне") -> "2024-06", the most
  recent such month on or before publication unless the text says otherwise ("next June");
- a day ("on Aug. 27", "26/9/2023", "yesterday", "on Monday", "19 марта") -> "2024-08-27";
  weekdays are the most recent such day on or before publication.

Explicit day expressions are parsed by dateparser, restricted to the article's language and
resolved towards the past from the publication date; dateparser is never run over a whole sentence
(its search finds dates in "a 2,615-mile border" and "Tu 95-9"), only over what the grammar matched.
A cheap regular-expression pre-check skips sentences without any date word or digit.

Deliberately not dates: decades ("the 2030s", "1990-х"), centuries ("19th century"), bare numbers
("82 key targets", "2000 troops": a year needs a preposition, a month, a range or "году" next to it),
and "the last year" / "the previous year" (a duration, or relative to the story, not to publication).
Future expressions ("next month", "by 2030") keep their future value: they date planned events.

When the sentence gives no date, the publication date is used (`from_publication=True`, precision
"day"); without a publication date the value is None.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Callable, Iterable

import dateparser

from .lang import LanguageDataError, load_language_data
from .model import DatePrecision

ABSOLUTE_KINDS = frozenset({"numeric", "day_month", "month_day", "month_year", "month", "month_relyear", "year_range", "year", "season_year"})


@dataclass(frozen=True)
class EventDate:
    """When an event happened: an ISO value at some precision, and where the text says so."""

    value: str | None  # "2024", "2024-06" or "2024-06-19"
    precision: DatePrecision | None
    from_publication: bool  # the text gave no date; the publication date was used
    span: tuple[int, int] | None  # offsets of the date expression in the text


@dataclass(frozen=True)
class Lexicon:
    """The date words of one language, from `lang/<language>/dates.yaml`."""

    language: str
    months: dict[str, int]
    weekdays: dict[str, int]
    day_words: dict[str, int]
    seasons: dict[str, int]
    relative: dict[str, int]
    units: dict[str, str]  # form -> "day" | "week" | "month" | "year"
    numbers: dict[str, int | None]
    capitalised: bool  # month and weekday names start with a capital letter
    month_first: bool  # "August 27" as well as "27 August"
    weekday_needs_prefix: bool
    lists: dict[str, tuple[str, ...]]  # context, parts, weekday_prefixes, relative_prefixes, ago, ...


@dataclass(frozen=True)
class Found:
    """One date expression the grammar matched."""

    kind: str
    start: int
    end: int
    fields: tuple[tuple[str, str], ...]  # the named groups that matched

    def get(self, name: str) -> str | None:
        """The text of a named group, or None."""
        return dict(self.fields).get(name)


@dataclass(frozen=True)
class Grammar:
    """The compiled date grammar of one language."""

    lexicon: Lexicon
    trigger_words: frozenset[str]  # a sentence without one of these (or a number) has no date
    patterns: tuple[tuple[str, re.Pattern[str]], ...]


# ---------------------------------------------------------------- loading the word lists

LIST_KEYS = ("context", "parts", "weekday_prefixes", "relative_prefixes", "ago", "year_suffixes", "range_starts", "range_joiners", "season_adverbs")


def _words(items: Iterable[Any], where: str) -> tuple[str, ...]:
    """Lower-cased words; YAML reads a bare on/no/yes as a boolean, which must be quoted."""
    words = []
    for item in items:
        if not isinstance(item, str):
            raise LanguageDataError(f"{where}: {item!r} is not a word; quote it in the YAML file (\"on\", \"no\")")
        words.append(item.lower())
    return tuple(words)


def _invert(table: dict[Any, list[Any]], where: str) -> dict[str, int]:
    """{number: [forms]} -> {form: number}."""
    return {form: int(number) for number, forms in table.items() for form in _words(forms, where)}


def _numbered(table: dict[Any, Any], where: str) -> dict[str, Any]:
    """{word: number} with the words checked and lower-cased."""
    return dict(zip(_words(table.keys(), where), table.values()))


@cache
def lexicon(language: str) -> Lexicon:
    """The date words of `language`; LanguageDataError saying what to add when there are none."""
    raw = load_language_data(language, "dates")
    if not raw:
        raise LanguageDataError(f"no date words for language {language!r}; add blocwatch/lang/{language}/dates.yaml (see lang/en/dates.yaml)")
    where = f"blocwatch/lang/{language}/dates.yaml"
    return Lexicon(
        language=language,
        months=_invert(raw["months"], where),
        weekdays=_invert(raw["weekdays"], where),
        day_words=_numbered(raw["day_words"], where),
        seasons=_numbered(raw["seasons"], where),
        relative=_numbered(raw["relative"], where),
        units={form: unit for unit, forms in raw["units"].items() for form in _words(forms, where)},
        numbers=_numbered(raw["numbers"], where),
        capitalised=bool(raw["capitalised"]),
        month_first=bool(raw.get("month_first", False)),
        weekday_needs_prefix=bool(raw["weekday_needs_prefix"]),
        lists={key: _words(raw.get(key) or (), where) for key in LIST_KEYS},
    )


# ---------------------------------------------------------------- building the grammar


def _alt(words: Iterable[str], capital: bool = False) -> str:
    """A non-capturing alternation of `words`, longest first; spaces match any whitespace.

    With `capital`, each word must start with a capital letter (English month and weekday names).
    """
    forms = sorted(set(words), key=len, reverse=True)
    if capital:
        forms = [form[:1].upper() + form[1:] for form in forms]
    body = "|".join(r"\s+".join(re.escape(part) for part in form.split()) for form in forms)
    return f"(?-i:{body})" if capital else f"(?:{body})"


def _month_alt(lex: Lexicon) -> str:
    """Month names; an abbreviation (a prefix of a longer name of the same month) may take a dot."""
    forms = []
    for form, number in lex.months.items():
        longer = any(other != form and other.startswith(form) and lex.months[other] == number for other in lex.months)
        forms.append((form, longer))
    forms.sort(key=lambda item: len(item[0]), reverse=True)
    parts = []
    for form, abbreviation in forms:
        text = (form[:1].upper() + form[1:]) if lex.capitalised else form
        piece = re.escape(text) + (r"\.?" if abbreviation else "")
        parts.append(piece)
    body = "|".join(parts)
    return f"(?-i:{body})" if lex.capitalised else f"(?:{body})"


# A year: not part of a longer number ("2,615"), not a decade ("the 1990s", "1990-е", "2000-х").
YEAR = r"(?<![\d.,/:])(?<!\d-)(?<!\d–)(?P<year>(?:1[89]|20)\d\d)(?!\d)(?!s\b)(?![’']s\b)(?!-(?:е|х|ые|ых)(?!\w))(?![.,]\d)"
DAY = r"(?<![\d.,/:])(?P<day>[0-3]?\d)(?:st|nd|rd|th|-?го|-?е)?(?!\d)"
NUMERIC = r"(?<![\d./-])(?P<numeric>\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2}))(?![\d./]\d)"


def _pieces(lex: Lexicon) -> dict[str, str]:
    """The regular-expression pieces the patterns are made of."""
    lists = lex.lists
    year_units = [form for form, unit in lex.units.items() if unit == "year"]
    suffix = _alt(lists["year_suffixes"]) if lists["year_suffixes"] else None
    return {
        "MONTH": f"(?P<month>{_month_alt(lex)})",
        "WEEKDAY": f"(?P<weekday>{_alt(lex.weekdays, lex.capitalised)})",
        "PREFIX": rf"(?:(?<!\w)(?P<ctx>{_alt(lists['context'])})\s+)?(?:(?<!\w)(?P<parts>{_alt(lists['parts'])})[\s-]+)?",
        "REL": f"(?P<rel>{_alt(lex.relative)})",
        "YREL": rf"(?P<yrel>{_alt(lex.relative)})\s+(?:of\s+)?(?P<yunit>{_alt(year_units)})\b",
        "YEARSUF": rf"(?:\s*(?P<suffix>{suffix})(?!\w))?" if suffix else "",
        "SEASON": f"(?P<season>{_alt(lex.seasons)})",
        "UNIT": f"(?P<unit>{_alt(lex.units)})",
        "NUM": rf"(?P<num>\d{{1,2}}|{_alt(lex.numbers)})",
        "AGO": _alt(lists["ago"]),
        "RANGE": rf"(?P<range>{_alt(lists['range_starts'])})",
        "JOIN": _alt(lists["range_joiners"]),
        "WPREFIX": rf"(?P<wprefix>{_alt(lists['weekday_prefixes'])})",
        "RPREFIX": rf"(?P<rprefix>{_alt(lists['relative_prefixes'])})",
        "DAYWORD": f"(?P<dayword>{_alt(lex.day_words)})",
    }


def _pattern_sources(lex: Lexicon) -> list[tuple[str, str]]:
    """(kind, regular expression) for every date construction, most specific first."""
    p = _pieces(lex)
    optional_year = rf"(?:,?\s+{YEAR}{p['YEARSUF']}|\s+{p['YREL']})?"
    weekday_then = rf"(?:{p['WEEKDAY']},?\s+)?"
    sources = [
        ("numeric", NUMERIC),
        ("day_month", rf"{p['PREFIX']}{weekday_then}{DAY}(?:\s+of)?\s+{p['MONTH']}{optional_year}(?!\w)"),
        ("month_year", rf"{p['PREFIX']}{p['MONTH']},?\s+(?:of\s+)?{YEAR}{p['YEARSUF']}"),
        ("month_relyear", rf"{p['PREFIX']}{p['MONTH']}\s+(?:of\s+)?{p['YREL']}"),
        ("month", rf"{p['PREFIX']}(?:{p['REL']}\s+)?{p['MONTH']}(?!\w)(?!\s*\d)"),
        ("year_range", rf"(?<!\w){p['RANGE']}\s+{YEAR}(?:{p['YEARSUF']})?\s*{p['JOIN']}\s*(?P<year2>(?:1[89]|20)?\d\d)(?!\d)(?!s\b){p['YEARSUF'].replace('suffix', 'suffix2')}"),
        ("year_range", rf"{p['PREFIX']}{YEAR}\s*[-–—]\s*(?P<year2>(?:1[89]|20)?\d\d)(?!\d)(?!s\b){p['YEARSUF']}"),
        ("season_year", rf"{p['PREFIX']}(?:the\s+)?(?:{p['REL']}\s+)?{p['SEASON']}(?:\s+of)?(?:\s+{YEAR}{p['YEARSUF']}|\s+{p['YREL']})"),
        ("season", rf"(?<!\w){p['PREFIX']}(?:the\s+)?(?:{p['REL']}\s+)?{p['SEASON']}(?!\w)(?!\s+of\b)"),
        ("year", rf"{p['PREFIX']}(?P<paren>\()?{YEAR}{p['YEARSUF']}"),
        ("relative", rf"(?<!\w)(?:{p['RPREFIX']}\s+)?(?<!the\s){p['REL']}\s+{p['UNIT']}(?!\w)"),
        ("ago", rf"(?<!\w)(?:{p['NUM']}\s+)?{p['UNIT']}\s+{p['AGO']}(?!\w)"),
        ("weekday", rf"(?<!\w)(?:{p['WPREFIX']}\s+)?{p['WEEKDAY']}(?!\w)"),
        ("day_word", rf"(?<!\w){p['DAYWORD']}(?!\w)"),
    ]
    if not lex.month_first:  # only languages that also write "August 27, 2024"
        return sources
    month_day = ("month_day", rf"{p['PREFIX']}{weekday_then}{p['MONTH']}\s+{DAY}(?!\s*[:%])(?:,?\s+{YEAR})?(?!\w)")
    return [sources[0], month_day, *sources[1:]]


@cache
def grammar(language: str) -> Grammar:
    """The compiled date grammar of `language`, built once."""
    lex = lexicon(language)
    entries = [*lex.months, *lex.weekdays, *lex.day_words, *lex.seasons, *lex.units]
    trigger_words = frozenset(WORD.findall(entry)[-1] for entry in entries)  # "this morning" -> "morning"
    # Every expression starts at a word start; saying so first lets the engine skip mid-word positions.
    patterns = tuple((kind, re.compile(rf"(?<!\w){source}", re.IGNORECASE)) for kind, source in _pattern_sources(lex))
    return Grammar(lex, trigger_words, patterns)


# ---------------------------------------------------------------- finding expressions


def _accepted(kind: str, found: re.Match[str], lex: Lexicon) -> bool:
    """Whether a match is a date and not an ordinary word or number."""
    groups = found.groupdict()
    if kind == "month":
        return bool(groups.get("ctx") or groups.get("parts") or groups.get("rel"))
    if kind == "year":
        paren = groups.get("paren") and found.string[found.end() : found.end() + 1] == ")"
        return bool(groups.get("ctx") or groups.get("parts") or groups.get("suffix") or paren)
    if kind == "season":
        season = (groups.get("season") or "").lower()
        return bool(groups.get("ctx") or groups.get("rel") or season in lex.lists["season_adverbs"])
    if kind == "weekday" and not groups.get("wprefix"):  # "The Sunday Times" is a name
        following = found.string[found.end() :].lstrip()
        return not lex.weekday_needs_prefix and not (lex.capitalised and following[:1].isupper())
    if kind == "day_word" and lex.capitalised and found.group(0)[:1].isupper():
        before = found.string[: found.start()].rstrip()  # "Russia Today", "USA Today" are names
        return not before or before[-1] in ".!?:;\"“«(—–-"
    return True


def find_expressions(text: str, language: str) -> list[Found]:
    """Every date expression in `text`, in order, overlaps resolved in favour of the longest."""
    gram = grammar(language)
    candidates = []
    for low, high in _windows(text, gram.trigger_words):
        for kind, pattern in gram.patterns:
            for found in pattern.finditer(text, low, high):
                if found.end() > found.start() and _accepted(kind, found, gram.lexicon):
                    fields = tuple((name, value) for name, value in found.groupdict().items() if value is not None)
                    candidates.append(Found(kind, found.start(), found.end(), fields))
    return _merge_adjacent(_without_overlaps(candidates), text)


WINDOW = 45  # characters on either side of a date word that a date expression can reach
WORD = re.compile(r"\w+")


def _windows(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """The stretches of text around date words and numbers: the only places worth the full grammar.

    A plain word scan with set look-ups is several times faster than one big case-insensitive
    alternation, and most sentences have no date word at all.
    """
    windows: list[tuple[int, int]] = []
    for hit in WORD.finditer(text):
        word = hit.group()
        if not (word[0].isdigit() or word.lower() in words):
            continue
        low, high = max(0, hit.start() - WINDOW), hit.end() + WINDOW
        space = text.find(" ", high)  # end on a word boundary, so "(?!\w)" sees the real next character
        high = len(text) if space < 0 else space
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], high))
        else:
            windows.append((low, high))
    return windows


def _without_overlaps(candidates: list[Found]) -> list[Found]:
    """Keep the longest of overlapping expressions (the earlier pattern on a tie)."""
    kept: list[Found] = []
    for candidate in sorted(candidates, key=lambda c: c.start - c.end):
        if all(candidate.end <= other.start or candidate.start >= other.end for other in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


def _merge_adjacent(found: list[Found], text: str) -> list[Found]:
    """"Tuesday (26/9/2023)", "в пятницу, 18 июля": a weekday or day word beside an explicit date is one expression."""
    merged: list[Found] = []
    for current in found:
        previous = merged[-1] if merged else None
        if previous is not None and re.fullmatch(r"[\s,(]*", text[previous.end : current.start]):
            kinds = {previous.kind in ABSOLUTE_KINDS, current.kind in ABSOLUTE_KINDS}
            if kinds == {True, False}:
                explicit = previous if previous.kind in ABSOLUTE_KINDS else current
                end = current.end + (1 if text[current.end : current.end + 1] == ")" and "(" in text[previous.end : current.start] else 0)
                merged[-1] = Found(explicit.kind, previous.start, end, explicit.fields)
                continue
        merged.append(current)
    return merged


# ---------------------------------------------------------------- resolving one expression

Resolved = tuple[str, DatePrecision]


def _month_value(year: int, month: int) -> str:
    """"2024-06"."""
    return f"{year:04d}-{month:02d}"


def _most_recent_month(month: int, base: dt.date, offset: int | None) -> tuple[int, int]:
    """The year of `month`: the most recent one on or before `base`, or as "last/this/next" says."""
    if offset is None:
        return (base.year if month <= base.month else base.year - 1), month
    if offset < 0:  # "last December": the most recent one before the current month
        year = base.year if month < base.month else base.year - 1
        return year + offset + 1, month
    if offset > 0:  # "next June": the first one after the current month
        year = base.year if month > base.month else base.year + 1
        return year + offset - 1, month
    return base.year, month  # "this June"


def _year_of(found: Found, lex: Lexicon, base: dt.date | None) -> int | None:
    """The year an expression names: explicit ("2024"), relative ("прошлого года"), or None."""
    if found.get("year"):
        return int(found.get("year") or 0)
    if found.get("yrel") and base is not None:
        return base.year + lex.relative.get((found.get("yrel") or "").lower(), 0)
    return None


def _resolve_month(found: Found, lex: Lexicon, text: str, base: dt.date | None) -> Resolved | None:
    """A month: explicit or relative year, else the most recent such month ("last/next" adjust it)."""
    month = lex.months[(found.get("month") or "").lower().rstrip(".")]
    year = _year_of(found, lex, base)
    if year is not None:
        return _month_value(year, month), "month"
    if base is None:
        return None
    offset = lex.relative.get((found.get("rel") or "").lower()) if found.get("rel") else None
    year, month = _most_recent_month(month, base, offset)
    return _month_value(year, month), "month"


@lru_cache(maxsize=4096)
def _parse_with_dateparser(text: str, language: str, base: dt.date | None) -> dt.date | None:
    """dateparser on one matched expression, towards the past from `base` (cached: it is slow)."""
    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    parsed = dateparser.parse(text, languages=[language], settings=settings)
    return parsed.date() if parsed is not None else None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None for an impossible one ("30 February")."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _resolve_day_month(found: Found, lex: Lexicon, text: str, base: dt.date | None) -> Resolved | None:
    """A day and month ("19 марта", "Aug. 27"), by dateparser towards the past, checked against the match."""
    month = lex.months[(found.get("month") or "").lower().rstrip(".")]
    day = int(found.get("day") or 0)
    year = _year_of(found, lex, base)
    if year is None:
        if base is None:
            return None
        parsed = _parse_with_dateparser(_core_text(found, text), lex.language, base)
        if parsed is not None and parsed.month == month and parsed.day == day:
            return parsed.isoformat(), "day"
        year = base.year if (month, day) <= (base.month, base.day) else base.year - 1  # dateparser disagreed
    value = _safe_date(year, month, day)
    return (value.isoformat(), "day") if value else None


def _core_text(found: Found, text: str) -> str:
    """The expression without its leading context word and weekday, for dateparser."""
    core = text[found.start : found.end]
    for name in ("ctx", "parts", "weekday"):
        value = found.get(name)
        if value and core.lstrip().startswith(value):
            core = core.lstrip()[len(value) :].lstrip(" ,-")
    return core


def _resolve_numeric(found: Found, lex: Lexicon, text: str, base: dt.date | None) -> Resolved | None:
    """An ISO or numeric date ("2024-03-19", "26/9/2023", "19.03.2024")."""
    raw = found.get("numeric") or ""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
        try:
            return dt.date.fromisoformat(raw).isoformat(), "day"
        except ValueError:
            return None
    parsed = _parse_with_dateparser(raw, lex.language, base)
    return (parsed.isoformat(), "day") if parsed else None


def _resolve_year(found: Found, lex: Lexicon, text: str, base: dt.date | None) -> Resolved | None:
    """A year, or the first year of a range."""
    year = _year_of(found, lex, base)
    return (f"{year:04d}", "year") if year is not None else None


def _resolve_season(found: Found, lex: Lexicon, text: str, base: dt.date | None) -> Resolved | None:
    """A season is dated at year precision: the year it began."""
    year = _year_of(found, lex, base)
    if year is not None:
        return f"{year:04d}", "year"
    if base is None:
        return None
    start = lex.seasons[(found.get("season") or "").lower()]
    year = base.year if base.month >= start else base.year - 1
    offset = lex.relative.get((found.get("rel") or "").lower(), 0) if found.get("rel") else 0
    current = (base.month - start) % 12 < 3
    if offset < 0 and current:
        year -= 1
    elif offset > 0:
        year = year + 1 if not current or base.month >= start else year
    return f"{year:04d}", "year"


def _resolve_relative(found: Found, lex: Lexicon, text: str, base: dt.date | None) -> Resolved | None:
    """"last year", "earlier this month", "на прошлой неделе", counted from publication."""
    if base is None:
        return None
    offset = lex.relative.get((found.get("rel") or "").lower(), 0)
    return _shift(base, lex.units[(found.get("unit") or "").lower()], offset)


def _resolve_ago(found: Found, lex: Lexicon, text: str, base: dt.date | None) -> Resolved | None:
    """"two years ago", "три дня назад", counted back from publication."""
    if base is None:
        return None
    raw = (found.get("num") or "1").lower()
    amount = int(raw) if raw.isdigit() else lex.numbers.get(raw)
    if amount is None:  # "several years ago": no date
        return None
    return _shift(base, lex.units[(found.get("unit") or "").lower()], -amount)


def _shift(base: dt.date, unit: str, amount: int) -> Resolved:
    """The publication date moved by `amount` units, at the precision the unit allows."""
    if unit == "year":
        return f"{base.year + amount:04d}", "year"
    if unit == "month":
        index = base.year * 12 + base.month - 1 + amount
        return _month_value(index // 12, index % 12 + 1), "month"
    days = amount * (7 if unit == "week" else 1)
    moved = base + dt.timedelta(days=days)
    return (moved.isoformat(), "day") if unit == "day" else (_month_value(moved.year, moved.month), "month")


def _resolve_weekday(found: Found, lex: Lexicon, text: str, base: dt.date | None) -> Resolved | None:
    """The most recent such day on or before publication ("next Monday": the first after it)."""
    if base is None:
        return None
    weekday = lex.weekdays[(found.get("weekday") or "").lower()]
    prefix = (found.get("wprefix") or "").lower().split()
    offset = next((lex.relative[word] for word in prefix if word in lex.relative), None)
    back = (base.weekday() - weekday) % 7
    if offset is not None and offset > 0:
        return (base + dt.timedelta(days=(weekday - base.weekday()) % 7 or 7)).isoformat(), "day"
    if offset is not None and offset < 0 and back == 0:
        back = 7
    return (base - dt.timedelta(days=back)).isoformat(), "day"


def _resolve_day_word(found: Found, lex: Lexicon, text: str, base: dt.date | None) -> Resolved | None:
    """"yesterday", "вчера", counted from publication."""
    if base is None:
        return None
    offset = lex.day_words[" ".join((found.get("dayword") or "").lower().split())]
    return (base + dt.timedelta(days=offset)).isoformat(), "day"


RESOLVERS: dict[str, Callable[[Found, Lexicon, str, dt.date | None], Resolved | None]] = {
    "numeric": _resolve_numeric,
    "day_month": _resolve_day_month,
    "month_day": _resolve_day_month,
    "month_year": _resolve_month,
    "month_relyear": _resolve_month,
    "month": _resolve_month,
    "year_range": _resolve_year,
    "year": _resolve_year,
    "season_year": _resolve_season,
    "season": _resolve_season,
    "relative": _resolve_relative,
    "ago": _resolve_ago,
    "weekday": _resolve_weekday,
    "day_word": _resolve_day_word,
}


# ---------------------------------------------------------------- the public function


def publication_date(published: str | None) -> dt.date | None:
    """The publication date of an ISO date or datetime string; None when absent or not a full date."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def _choose(found: list[Found], anchor: int | None) -> list[Found]:
    """Expressions in order of preference: nearest the anchor (absolute first on a tie), else in text order."""
    if anchor is None:
        return found
    return sorted(found, key=lambda f: (max(f.start - anchor, anchor - f.end, 0), f.kind not in ABSOLUTE_KINDS))


def resolve_event_date(text: str, language: str, published: str | None, anchor: int | None = None) -> EventDate:
    """The date of the event a sentence reports, resolved against the publication date.

    `anchor` (optional) is an offset in `text`, usually the event verb: the nearest date
    expression wins. Without it the first expression of the sentence does; a weekday next to an
    explicit date ("Tuesday (26/9/2023)") is one expression resolved from the explicit date.
    """
    base = publication_date(published)
    lex = lexicon(language)
    for found in _choose(find_expressions(text, language), anchor):
        resolved = RESOLVERS[found.kind](found, lex, text, base)
        if resolved is not None:
            return EventDate(resolved[0], resolved[1], False, (found.start, found.end))
    if base is None:
        return EventDate(None, None, False, None)
    return EventDate(base.isoformat(), "day", True, None)
