"""One builder of coded articles and stores, for the tests and for people.

The corpus below is written for blocwatch (it does not copy the sample articles); it carries the
relations the samples show: Moscow and Pyongyang drawing together, a US-Japan-South Korea front,
NATO looking to Asia, a leaked memo naming China an adversary against claims of record trust, and a
syndicated copy of one story. Events are built directly, without the NLP stages, so analysis tests
do not depend on the coder.

    python tests/fixtures.py fixtures.duckdb      # write the corpus into a store, then try
    blocwatch report --db fixtures.duckdb
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from blocwatch.cameo import lookup
from blocwatch.model import Article, Event, Mention, Sentence, Span

NAMES = {
    "RUS": ("Russia", "state"), "PRK": ("North Korea", "state"), "CHN": ("China", "state"),
    "IRN": ("Iran", "state"), "USA": ("United States", "state"), "JPN": ("Japan", "state"),
    "KOR": ("South Korea", "state"), "NATO": ("NATO", "organisation"), "UKR": ("Ukraine", "state"),
}


@dataclass(frozen=True)
class E:
    """An event to build: in sentence `at`, `source` does `code` to `target`."""

    at: int
    source: str
    target: str | None
    code: str
    attribution: tuple[str, ...] = ()
    hedged: bool = False
    negated: bool = False
    date: str | None = None
    symmetric: bool = False


@dataclass(frozen=True)
class Spec:
    """An article to build: its sentences and events."""

    id: str
    sentences: tuple[str, ...]
    events: tuple[E, ...] = ()
    published: str | None = None
    site: str | None = None
    language: str = "en"
    title: str | None = None
    extra: tuple[str, ...] = field(default=())


def build_event(spec: E, sentence: Sentence, published: str | None) -> Event:
    """The Event of an event spec, evidence taken from its sentence."""
    cameo = lookup(spec.code)
    return Event(
        source=spec.source, target=spec.target, code=spec.code, root=cameo.root,
        goldstein=cameo.goldstein, quad_class=cameo.quad_class, plover=cameo.plover,
        sentence=sentence.text, start=sentence.start, end=sentence.end, attribution=spec.attribution,
        hedged=spec.hedged, negated=spec.negated, mode="denied" if spec.negated else "asserted",
        date=spec.date or published, date_precision="day" if (spec.date or published or "").count("-") == 2 else "month",
        date_from_publication=spec.date is None, pattern="fixture", symmetric=spec.symmetric,
        verb=Span(sentence.start, sentence.start + 1, sentence.text[:1]),
    )


def mentions_in(text: str) -> tuple[Mention, ...]:
    """A mention for every occurrence of an actor's display name."""
    found = []
    for code, (name, kind) in NAMES.items():
        start = text.find(name)
        while start >= 0:
            found.append(Mention(start, start + len(name), name, code, name, kind, entry=f"state:{code}"))
            start = text.find(name, start + 1)
    return tuple(sorted(found, key=lambda m: m.start))


def build_article(spec: Spec) -> Article:
    """A fully coded Article from a spec."""
    lines = list(spec.extra) + list(spec.sentences)
    text = "\n".join(lines)
    sentences, offset = [], 0
    for line in lines:
        sentences.append(Sentence(offset, offset + len(line), line, spec.language))
        offset += len(line) + 1
    body = sentences[len(spec.extra):]
    return Article(
        id=spec.id, origin=f"fixtures:{spec.id}", text=text, raw_text=text, title=spec.title or spec.sentences[0][:60],
        published=spec.published, site=spec.site, language=spec.language, sentences=tuple(sentences),
        mentions=mentions_in(text), events=tuple(build_event(e, body[e.at], spec.published) for e in spec.events),
        done=frozenset({"clean", "language", "sentences", "actors", "events"}),
    )


ISW = Spec(
    "isw-coalition",
    (
        "Russia keeps building a coalition against the West with Iran, North Korea and China, the Institute for the Study of War wrote.",
        "Russia received ballistic missiles and artillery shells from North Korea in exchange for technology.",
        "On 19 March a deputy foreign minister of Russia met the special envoy of China in Moscow to discuss the peninsula.",
        "Russia and Iran signed a comprehensive cooperation agreement this spring.",
        "The diplomats of Russia and China accused the United States of raising military tension.",
    ),
    (E(0, "RUS", "IRN", "036"), E(1, "PRK", "RUS", "070"), E(2, "RUS", "CHN", "043", date="2024-03-19", symmetric=True),
     E(3, "RUS", "IRN", "057", symmetric=True), E(4, "RUS", "USA", "112"), E(4, "CHN", "USA", "112")),
    published="2024-03-20", site="Interfax",
)

CORPUS: tuple[Spec, ...] = (
    Spec(
        "ft-east-asia",
        (
            "The Financial Times claimed that Russia has drawn up plans to strike targets in Japan and South Korea.",
            "According to the paper, Russia allegedly prepared strikes on power plants in Japan.",
            "According to the paper, Russia allegedly prepared strikes on bridges in South Korea.",
            "In June the leader of North Korea and the president of Russia signed a mutual defence treaty.",
            "The United States has gathered large forces in South Korea and Japan.",
        ),
        (E(1, "RUS", "JPN", "138", ("Financial Times",), hedged=True), E(2, "RUS", "KOR", "138", ("Financial Times",), hedged=True),
         E(3, "PRK", "RUS", "057", date="2024-06-19", symmetric=True), E(4, "USA", "JPN", "062"), E(4, "USA", "KOR", "062")),
        published="2024-11-29", site="Tehran Times",
    ),
    Spec(
        "moscow-pyongyang",
        (
            "The warming between Russia and North Korea surprised the United States, Japan and South Korea.",
            "The president of Russia and the leader of North Korea held cordial talks in Pyongyang.",
            "Russia and North Korea agreed to expand military cooperation.",
            "The United States, Japan and South Korea pledged to coordinate against the new axis.",
            "The United States and South Korea held joint drills.",
        ),
        (E(1, "RUS", "PRK", "046", symmetric=True), E(2, "RUS", "PRK", "062", symmetric=True),
         E(3, "USA", "JPN", "036", symmetric=True), E(3, "USA", "KOR", "036", symmetric=True),
         E(3, "JPN", "KOR", "036", symmetric=True), E(4, "USA", "KOR", "062", symmetric=True)),
        published="2024-07-10", site="Al Mayadeen",
    ),
    Spec(
        "nato-asia",
        (
            "NATO wants to expand its reach into Asia, a Russian general said.",
            "NATO could invite Japan and South Korea to work more closely with the alliance.",
            "The foreign minister of Russia accused NATO of moving troops toward the Asia-Pacific.",
            "Russia held joint naval drills with China in the Sea of Japan.",
        ),
        (E(1, "NATO", "JPN", "030", hedged=True), E(1, "NATO", "KOR", "030", hedged=True), E(2, "RUS", "NATO", "112"),
         E(3, "RUS", "CHN", "062", symmetric=True)),
        published="2023-09-26", site="Sindonews",
    ),
    Spec(
        "fsb-memo",
        (
            "A leaked document of the Russian security service lists China as an adversary of Russia, not an ally.",
            "The memo claims that China is trying to recruit scientists of Russia.",
            "According to The New York Times, the security service of Russia accused China of espionage.",
            "The leaders of Russia and China speak of record trust between their countries.",
        ),
        (E(0, "RUS", "CHN", "111", ("The New York Times",)), E(2, "RUS", "CHN", "112", ("The New York Times",)),
         E(3, "RUS", "CHN", "051", symmetric=True)),
        published="2023-06-08", site="MSN",
    ),
    ISW,
    Spec(ISW.id + "-copy", ISW.sentences, ISW.events, ISW.published, site="RBC",
         extra=("Republished from Interfax. Photo: the Kremlin.",)),
    Spec(
        "spring-2023",
        (
            "Russia and China signed new trade deals in Moscow.",
            "Russia and North Korea exchanged letters.",
            "Japan protested a flight of bombers of Russia near its coast.",
        ),
        (E(0, "RUS", "CHN", "057", symmetric=True), E(1, "RUS", "PRK", "040", symmetric=True), E(2, "JPN", "RUS", "111")),
        published="2023-03-21", site="Kyodo",
    ),
)


def corpus() -> list[Article]:
    """The fixture corpus, coded."""
    return [build_article(spec) for spec in CORPUS]


def build_store(path: str | Path) -> Path:
    """Write the fixture corpus into a fresh store at `path`."""
    from blocwatch.store.writer import write_articles

    path = Path(path)
    if path.exists():
        path.unlink()
    write_articles(path, corpus())
    return path


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/fixtures.py STORE.duckdb")
    print(f"wrote {len(CORPUS)} articles into {build_store(sys.argv[1])}")
