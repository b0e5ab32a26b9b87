"""Load test of the HTTP API: p50/p99 latency and errors per route at 20 concurrent clients.

Builds (once, then reuses) a store of about 100,000 synthetic events, starts `blocwatch serve`
on a free loopback port, and runs a bounded number of requests from concurrent clients over the
main read routes. Loopback only: the server is bound to 127.0.0.1 and nothing else is contacted.

    .venv/bin/python bench/load_api.py                      # 100k events, 20 clients, 4000 requests
    .venv/bin/python bench/load_api.py --events 20000 --requests 1000 --clients 10 --workers 2
"""

from __future__ import annotations

import argparse
import asyncio
import random
import re
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

from blocwatch.model import Article, Event, Mention, Sentence, Span
from blocwatch.store.writer import StoreWriter

ACTORS = {
    "RUS": "Russia", "USA": "United States", "CHN": "China", "PRK": "North Korea", "KOR": "South Korea",
    "JPN": "Japan", "IRN": "Iran", "UKR": "Ukraine", "GBR": "United Kingdom", "FRA": "France", "DEU": "Germany",
    "IND": "India", "TUR": "Turkey", "BLR": "Belarus", "TWN": "Taiwan", "AUS": "Australia", "NATO": "NATO",
    "EU": "the European Union", "UN": "the United Nations", "ISR": "Israel", "SAU": "Saudi Arabia", "POL": "Poland",
}
# (CAMEO code, Goldstein, quad class, verb phrase)
CODES = [("036", 4.0, 1, "offered to meet"), ("042", 1.9, 1, "visited"), ("057", 8.0, 1, "signed an agreement with"),
         ("061", 6.4, 2, "expanded trade with"), ("062", 7.4, 2, "held joint drills with"), ("070", 7.0, 2, "sent aid to"),
         ("111", -2.0, 3, "criticised"), ("112", -2.0, 3, "accused"), ("130", -4.4, 3, "threatened"),
         ("138", -7.0, 3, "threatened to strike"), ("163", -8.0, 4, "imposed sanctions on"), ("190", -10.0, 4, "attacked")]
OUTLETS = ["Wire One", "Daily Two", "Herald Three", "Post Four", "Times Five", "Agency Six"]
EVENTS_PER_ARTICLE = 20


def synthetic_article(number: int, rng: random.Random) -> Article:
    """One article of EVENTS_PER_ARTICLE sentences, each one coded event between two actors."""
    published = date(2023, 1, 1) + timedelta(days=rng.randrange(730))
    sentences, events, mentions, offset = [], [], [], 0
    codes = list(ACTORS)
    for index in range(EVENTS_PER_ARTICLE):
        source, target = rng.sample(codes, 2)
        code, goldstein, quad, verb = rng.choice(CODES)
        text = f"{ACTORS[source]} {verb} {ACTORS[target]} on day {number}-{index}."
        sentence = Sentence(offset, offset + len(text), text, "en")
        verb_start = offset + len(ACTORS[source]) + 1
        target_start = verb_start + len(verb) + 1
        mentions += [Mention(offset, verb_start - 1, ACTORS[source], source, ACTORS[source], "state"),
                     Mention(target_start, target_start + len(ACTORS[target]), ACTORS[target], target, ACTORS[target], "state")]
        hedged = rng.random() < 0.1
        events.append(Event(
            source=source, target=target, code=code, root=code[:2], goldstein=goldstein, quad_class=quad, plover=None,
            sentence=text, start=sentence.start, end=sentence.end, hedged=hedged, date=published.isoformat(),
            date_precision="day", date_from_publication=True, pattern="synthetic",
            attribution=(rng.choice(OUTLETS),) if rng.random() < 0.2 else (),
            verb=Span(verb_start, verb_start + len(verb), verb), source_span=Span(offset, verb_start - 1, ACTORS[source]),
            target_span=Span(target_start, target_start + len(ACTORS[target]), ACTORS[target])))
        sentences.append(sentence)
        offset += len(text) + 1
    body = "\n".join(s.text for s in sentences)
    return Article(id=f"bench-{number:06d}", origin=f"bench:{number}", text=body, raw_text=body, title=f"Synthetic report {number}",
                   published=published.isoformat(), site=rng.choice(OUTLETS), language="en", sentences=tuple(sentences),
                   mentions=tuple(mentions), events=tuple(events), done=frozenset({"clean", "language", "sentences", "actors", "events"}))


def build_store(path: Path, events: int, seed: int = 7) -> None:
    """Write ceil(events / EVENTS_PER_ARTICLE) synthetic articles into a fresh store."""
    rng = random.Random(seed)
    articles = -(-events // EVENTS_PER_ARTICLE)
    started = time.monotonic()
    with StoreWriter(path, hold_seconds=60) as writer:
        for first in range(0, articles, 250):
            writer.write([synthetic_article(n, rng) for n in range(first, min(first + 250, articles))])
    print(f"built {path}: {articles} articles, {articles * EVENTS_PER_ARTICLE} events in {time.monotonic() - started:.1f}s")


def start_server(db: Path, workers: int) -> tuple[subprocess.Popen, str]:
    """`blocwatch serve` on a free loopback port, read-only."""
    script = Path(sys.executable).parent / "blocwatch"
    process = subprocess.Popen([str(script), "serve", "--db", str(db), "--host", "127.0.0.1", "--port", "0", "--read-only",
                                "--workers", str(workers)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for line in process.stdout:
        found = re.search(r"dashboard at (http://127\.0\.0\.1:\d+/)", line)
        if found:
            return process, found.group(1)
    raise RuntimeError("blocwatch serve did not start")


def routes(rng: random.Random, articles: int) -> list[tuple[str, str, dict[str, str]]]:
    """The requests of one round: (route name, path, parameters)."""
    a, b = rng.sample(list(ACTORS), 2)
    article = f"bench-{rng.randrange(articles):06d}"
    month = f"2024-{rng.randrange(1, 13):02d}"
    return [
        ("summary", "api/summary", {}),
        ("events page", "api/events", {"limit": "50", "offset": str(rng.randrange(0, 5000, 50))}),
        ("events by pair", "api/events", {"pair": f"{a}-{b}", "limit": "50"}),
        ("events filtered", "api/events", {"actor": a, "quad_class": "3,4", "date_from": month, "date_to": month, "hedged": "false"}),
        ("event", f"api/events/{article}:{rng.randrange(EVENTS_PER_ARTICLE)}", {}),
        ("article", f"api/articles/{article}", {}),
        ("actors", "api/actors", {}),
        ("dyad timeline", f"api/dyads/{a}/{b}", {}),
        ("graph", "api/graph", {}),
        ("contradictions", "api/contradictions", {}),
    ]


async def client(base: str, queue: asyncio.Queue, results: dict[str, list[float]], errors: dict[str, int]) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=120) as http:
        while True:
            try:
                name, path, params = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            started = time.perf_counter()
            try:
                response = await http.get(path, params=params)
                ok = response.status_code == 200
            except httpx.HTTPError:
                ok = False
            results.setdefault(name, []).append(time.perf_counter() - started)
            if not ok:
                errors[name] = errors.get(name, 0) + 1


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


async def run_load(base: str, total: int, concurrency: int, articles: int) -> tuple[dict[str, list[float]], dict[str, int], float]:
    rng = random.Random(11)
    queue: asyncio.Queue = asyncio.Queue()
    while queue.qsize() < total:
        for request in routes(rng, articles):
            queue.put_nowait(request)
    results: dict[str, list[float]] = {}
    errors: dict[str, int] = {}
    started = time.perf_counter()
    await asyncio.gather(*(client(base, queue, results, errors) for _ in range(concurrency)))
    return results, errors, time.perf_counter() - started


def cold_times(base: str) -> dict[str, float]:
    """The first (uncached) answer of the analysis routes."""
    times = {}
    for path in ("api/graph", "api/contradictions", "api/shifts"):
        started = time.perf_counter()
        httpx.get(base + path, timeout=600).raise_for_status()
        times[path] = time.perf_counter() - started
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument("--workers", type=int, default=1, help="Server processes (blocwatch serve --workers).")
    parser.add_argument("--store", type=Path, default=Path("test-output/bench-load.duckdb"))
    parser.add_argument("--rebuild", action="store_true", help="Build the store again even if it exists.")
    options = parser.parse_args()
    options.store.parent.mkdir(parents=True, exist_ok=True)
    if options.rebuild or not options.store.exists():
        options.store.unlink(missing_ok=True)
        build_store(options.store, options.events)
    articles = -(-options.events // EVENTS_PER_ARTICLE)
    process, base = start_server(options.store, options.workers)
    try:
        for path, seconds in cold_times(base).items():
            print(f"cold {path}: {seconds * 1000:.0f} ms")
        results, errors, elapsed = asyncio.run(run_load(base, options.requests, options.clients, articles))
    finally:
        process.terminate()
        process.wait(timeout=10)
    done = sum(len(v) for v in results.values())
    print(f"{done} requests from {options.clients} concurrent clients in {elapsed:.1f}s ({done / elapsed:.0f} requests/s), "
          f"{sum(errors.values())} errors; store of {articles * EVENTS_PER_ARTICLE} events; {options.workers} server process(es)")
    print(f"{'route':<18}{'requests':>9}{'errors':>8}{'p50 ms':>9}{'p99 ms':>9}")
    for name, values in results.items():
        print(f"{name:<18}{len(values):>9}{errors.get(name, 0):>8}{statistics.median(values) * 1000:>9.0f}{percentile(values, 0.99) * 1000:>9.0f}")
    everything = [v for values in results.values() for v in values]
    print(f"{'all':<18}{len(everything):>9}{sum(errors.values()):>8}{statistics.median(everything) * 1000:>9.0f}{percentile(everything, 0.99) * 1000:>9.0f}")


if __name__ == "__main__":
    main()
