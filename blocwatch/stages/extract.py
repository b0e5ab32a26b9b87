"""Extraction: a `RawDocument` (plain text or HTML) becomes an `Article` with normalised text.

Plain text: newlines become "\n", trailing spaces go, the title is the first non-empty line and
that line stays in the text as its first paragraph. HTML: trafilatura finds the main text and the
metadata (title, date via htmldate, site, author, canonical URL). A title known apart from the
text (HTML metadata, a JSONL or feed field) is put in front of the text when the text does not
already start with it, so that every article looks alike downstream: title line first.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from email.utils import parsedate_to_datetime

from ..errors import InputError
from ..model import Article, RawDocument
from ..settings import Settings

# C0/C1 control characters other than tab and newline: never text, sometimes left by bad encoders.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Invisible characters that split words for every later pattern ("Rus\u00adsia"): soft hyphen, zero-width space, BOM.
INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")
# Unusual spaces (no-break, thin, ideographic, ...) become plain spaces, one for one.
SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|[T ])")
DOTTED_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})\b")


def normalise_text(text: str) -> str:
    """NFC text with "\n" newlines, plain spaces, no trailing spaces, no control or invisible characters."""
    text = SPACES.sub(" ", INVISIBLE.sub("", unicodedata.normalize("NFC", text)))
    lines = [CONTROL_CHARACTERS.sub("", line).rstrip() for line in text.splitlines()]
    return "\n".join(lines).strip("\n")


def iso_date(value: str | None) -> str | None:
    """`value` as an ISO date ("2024-03-05", or "2024-03"/"2024" when that is all it says), else None.

    Readers pass dates on as found: ISO timestamps, RFC 2822 ("Tue, 12 Mar 2024 10:15:00 GMT"),
    "12.03.2024". Anything else is dropped rather than guessed.
    """
    text = (value or "").strip()
    found = ISO_DATE.match(text)
    if found:
        year, month, day = found.groups()
        return "-".join(part for part in (year, month, day) if part) if valid_date(year, month or "1", day or "1") else None
    found = DOTTED_DATE.match(text)
    if found and valid_date(found.group(3), found.group(2), found.group(1)):
        return f"{found.group(3)}-{int(found.group(2)):02d}-{int(found.group(1)):02d}"
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def valid_date(year: str, month: str, day: str) -> bool:
    try:
        dt.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def first_line(text: str) -> str | None:
    """The first non-empty line of `text`, stripped, or None."""
    for line in text.split("\n"):
        if line.strip():
            return line.strip()
    return None


def html_metadata_and_text(html: str, url: str | None) -> dict[str, str | None]:
    """Main text and metadata of an HTML page, via trafilatura (dates via htmldate)."""
    from trafilatura import bare_extraction

    try:
        document = bare_extraction(html, url=url, with_metadata=True, include_comments=False, include_tables=False)
    except Exception as error:  # trafilatura raises ValueError and lxml errors on broken markup
        raise InputError(f"the HTML could not be parsed ({type(error).__name__}: {error})") from error
    if document is None or not (getattr(document, "text", None) or "").strip():
        return {"text": fallback_html_text(html)}
    found = {name: getattr(document, name, None) for name in ("text", "title", "date", "sitename", "author", "url")}
    if not found["date"]:
        found["date"] = publication_date(html)
    return found


def publication_date(html: str) -> str | None:
    """The publication date htmldate finds in the page, or None."""
    from htmldate import find_date

    try:
        return find_date(html, original_date=True, extensive_search=False)
    except Exception:  # htmldate gives up on malformed pages; a missing date is not an error
        return None


def fallback_html_text(html: str) -> str:
    """Paragraph text of an HTML fragment trafilatura found too short (feed summaries)."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except Exception:  # lxml raises ParserError on empty or non-HTML input
        return ""
    for element in root.iter("script", "style", "nav", "footer"):
        element.drop_tree()
    blocks = root.xpath("//p|//h1|//h2|//h3|//li|//blockquote")
    texts = [" ".join(block.text_content().split()) for block in blocks] if blocks else [root.text_content()]
    return "\n".join(text for text in texts if text.strip())


def clean_title(title: str | None) -> str | None:
    """`title` on one line, normalised like the text, or None when it is blank."""
    if title is None:
        return None
    return " ".join(normalise_text(title).split()) or None


def with_title_first(text: str, title: str | None) -> str:
    """`text` with `title` as its first line, unless it already starts with it."""
    if not title or " ".join((first_line(text) or "").split()) == title:
        return text
    return f"{title}\n{text}"


def extract(document: RawDocument, settings: Settings) -> Article:
    """The article in `document`; raises InputError when no usable text is found."""
    metadata: dict[str, str | None] = {}
    if document.text is not None and document.text.strip():
        text = with_title_first(document.text, clean_title(document.title))
    elif document.html is not None and document.html.strip():
        metadata = html_metadata_and_text(document.html, document.url)
        if not (metadata.get("text") or "").strip():
            raise InputError("no main text found in the HTML (only markup, scripts or navigation)")
        text = with_title_first(metadata["text"] or "", clean_title(document.title or metadata.get("title")))
    else:
        raise InputError("the document has no text (empty, or only whitespace)")
    text = normalise_text(text)
    if not text.strip():
        raise InputError("no text left after extraction (the page has no main text, or only markup)")
    return Article(
        id=document.id,
        origin=document.origin,
        text=text,
        raw_text=text,
        title=clean_title(document.title or metadata.get("title")) or first_line(text),
        url=document.url or metadata.get("url"),
        published=iso_date(document.published) or iso_date(metadata.get("date")),
        site=document.site or metadata.get("sitename"),
        author=document.author or metadata.get("author"),
    )
