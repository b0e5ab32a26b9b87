"""Cleaning: remove boilerplate lines and repeats, and record each removal with its rule.

The text is cut into blocks (a line, or several lines of one hard-wrapped paragraph). Line rules
come from `lang/<language>/cleaning.yaml` (every configured language plus `common`): a block the
rule's pattern matches is removed whole. Structural rules then use the neighbourhood: a short
heading just above a photo credit is a caption, a row of section labels under a breadcrumb goes
with it, an author box takes its description along, a paragraph seen before is a repeat, and a
short leftover after the last removed line at the end is debris. The cleaned text is the kept
blocks, stripped, joined by a blank line; nothing is ever added. Offsets in `Removal` refer to the
text before cleaning, which is kept as `Article.raw_text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from ..errors import InputError
from ..lang import load_language_data
from ..model import Article, Removal
from ..pipeline import stage
from ..settings import Settings

PARAGRAPH_SEPARATOR = "\n\n"
SENTENCE_END = re.compile(r"[.!?…:;»”\"')\]]$")
PUNCTUATION = re.compile(r"[.,;:!?«»\"“”()\[\]]")


@dataclass(frozen=True)
class Rule:
    """One line rule from a cleaning.yaml file."""

    name: str
    reason: str
    pattern: re.Pattern[str]
    search: bool = False
    kind: str | None = None
    max_chars: int | None = None

    def matches(self, text: str) -> bool:
        """Whether this rule removes the block `text`."""
        if self.max_chars is not None and len(text) > self.max_chars:
            return False
        found = self.pattern.search(text) if self.search else self.pattern.fullmatch(text)
        return found is not None


@dataclass(frozen=True)
class Limits:
    """Thresholds of the structural rules (the `settings` of common/cleaning.yaml)."""

    caption_max_words: int = 16
    labels_max_words: int = 8
    tail_max_words: int = 3
    repeat_min_chars: int = 12


@dataclass(frozen=True)
class Block:
    """A line or hard-wrapped paragraph, with offsets of its stripped text in the raw text."""

    start: int
    end: int
    text: str


def compile_rule(entry: dict[str, Any], source: str) -> Rule:
    """A Rule from one YAML entry; a bad entry raises ValueError naming the file."""
    try:
        return Rule(
            name=str(entry["rule"]),
            reason=str(entry["reason"]),
            pattern=re.compile(str(entry["pattern"]), re.IGNORECASE),
            search=entry.get("match", "line") == "search",
            kind=entry.get("kind"),
            max_chars=entry.get("max_chars"),
        )
    except (KeyError, re.error) as error:
        raise ValueError(f"{source}: bad cleaning rule {entry!r}: {error}; each rule needs rule, reason and a valid pattern") from error


@lru_cache(maxsize=16)
def load_rules(languages: tuple[str, ...]) -> tuple[tuple[Rule, ...], Limits]:
    """The line rules of `common` and of each language, and the structural thresholds."""
    rules: list[Rule] = []
    for language in ("common", *languages):
        data = load_language_data(language, "cleaning")
        rules.extend(compile_rule(entry, f"lang/{language}/cleaning.yaml") for entry in data.get("rules", ()))
    limits = Limits(**load_language_data("common", "cleaning").get("settings", {}))
    return tuple(rules), limits


def is_continuation(previous: str, line: str) -> bool:
    """Whether `line` continues a hard-wrapped paragraph whose last line was `previous`."""
    stripped = line.lstrip()
    return bool(stripped) and stripped[0].islower() and SENTENCE_END.search(previous.rstrip()) is None


def split_blocks(text: str) -> list[Block]:
    """The non-blank lines of `text` as blocks, wrapped continuation lines merged."""
    spans: list[list[int]] = []
    offset = 0
    previous = ""  # the previous line, stripped; "" after a blank line
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = offset + line.index(stripped[0])
            end = start + len(stripped)
            if spans and previous and is_continuation(previous, stripped):
                spans[-1][1] = end
            else:
                spans.append([start, end])
        previous = stripped
        offset += len(line) + 1
    return [Block(start, end, text[start:end]) for start, end in spans]


def word_count(text: str) -> int:
    return len(text.split())


def is_heading(text: str, max_words: int) -> bool:
    """A short single line without sentence-final full stop: a heading or a caption."""
    return "\n" not in text and word_count(text) <= max_words and not text.rstrip().endswith((".", ",", ";", ":"))


def is_label_row(text: str, max_words: int) -> bool:
    """A row of capitalised section labels ("Asia Defense Global News News")."""
    words = text.split()
    return 0 < len(words) <= max_words and not PUNCTUATION.search(text) and all(word[0].isupper() or word[0].isdigit() for word in words)


def is_fragment(text: str, max_words: int) -> bool:
    """A few words without sentence punctuation ("RCO")."""
    return word_count(text) <= max_words and not PUNCTUATION.search(text)


class Marks(dict[int, tuple[str, str]]):
    """Removed block index -> (rule, reason)."""

    def mark(self, index: int, rule: str, reason: str) -> None:
        self.setdefault(index, (rule, reason))


def apply_line_rules(blocks: list[Block], rules: tuple[Rule, ...], marks: Marks) -> dict[int, str]:
    """Mark blocks a line rule removes; return the kind of the rule that fired, per block."""
    kinds: dict[int, str] = {}
    for index, block in enumerate(blocks):
        for rule in rules:
            if rule.matches(block.text):
                marks.mark(index, rule.name, rule.reason)
                if rule.kind:
                    kinds[index] = rule.kind
                break
    return kinds


def apply_neighbour_rules(blocks: list[Block], kinds: dict[int, str], marks: Marks, limits: Limits) -> None:
    """Captions above credits, label rows under breadcrumbs, author descriptions."""
    for index, kind in sorted(kinds.items()):
        before, after = index - 1, index + 1
        if kind == "credit" and before > 0 and before not in marks and is_heading(blocks[before].text, limits.caption_max_words):
            marks.mark(before, "caption", "caption heading of a credited photo")
        elif kind == "breadcrumb" and after < len(blocks) and after not in marks and is_label_row(blocks[after].text, limits.labels_max_words):
            marks.mark(after, "section-labels", "row of section labels under a breadcrumb")
        elif kind == "author" and after < len(blocks) and after not in marks and (after + 1 == len(blocks) or after + 1 in marks):
            marks.mark(after, "author-box", "author description in an author box")


def normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


def apply_repeats(blocks: list[Block], marks: Marks, limits: Limits) -> None:
    """Mark kept blocks that repeat an earlier kept block."""
    seen: set[str] = set()
    for index, block in enumerate(blocks):
        if index in marks:
            continue
        key = normalised(block.text)
        if key in seen and len(key) >= limits.repeat_min_chars:
            marks.mark(index, "repeated-paragraph", "repeats an earlier paragraph")
        seen.add(key)


def apply_tail(blocks: list[Block], marks: Marks, limits: Limits) -> None:
    """Mark short leftovers after removed lines at the very end ("News>RCO NEWS" / "RCO")."""
    index = len(blocks) - 1
    while index > 0:
        if index in marks:
            index -= 1
            continue
        if index - 1 in marks and is_fragment(blocks[index].text, limits.tail_max_words):
            marks.mark(index, "tail-fragment", "short leftover after the end of the article")
            index -= 1
            continue
        break


def find_removals(text: str, languages: tuple[str, ...]) -> tuple[list[Block], Marks]:
    """The blocks of `text` and which of them cleaning removes, and why."""
    rules, limits = load_rules(languages)
    blocks = split_blocks(text)
    marks = Marks()
    kinds = apply_line_rules(blocks, rules, marks)
    apply_neighbour_rules(blocks, kinds, marks, limits)
    apply_repeats(blocks, marks, limits)
    apply_tail(blocks, marks, limits)
    return blocks, marks


def cleaned_title(article: Article, blocks: list[Block], marks: Marks, kept: list[Block]) -> str | None:
    """The title, replaced by the first kept line when it was the first line and cleaning removed it."""
    if blocks and 0 in marks and kept and article.title and normalised(article.title) == normalised(blocks[0].text):
        return kept[0].text.split("\n")[0].strip()
    return article.title


@stage("clean", requires=("text",), provides=("removals",))
def clean(article: Article, settings: Settings) -> Article:
    """The article with boilerplate removed; `removals` says what went and why."""
    blocks, marks = find_removals(article.text, tuple(settings.languages))
    kept = [block for index, block in enumerate(blocks) if index not in marks]
    if not kept:
        raise InputError("no article text left after cleaning (every line is boilerplate: credits, widgets, repeats)")
    removals = tuple(
        Removal(block.start, block.end, block.text, *marks[index]) for index, block in enumerate(blocks) if index in marks
    )
    return replace(
        article,
        raw_text=article.text,
        text=PARAGRAPH_SEPARATOR.join(block.text for block in kept),
        title=cleaned_title(article, blocks, marks, kept),
        removals=removals,
    )
