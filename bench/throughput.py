"""Throughput of the pipeline over a corpus made from the bundled sample articles.

    .venv/bin/python bench/throughput.py 20                                   # every stage, seeds x 20
    .venv/bin/python bench/throughput.py 200 --stages clean,language,sentences

Prints articles per second, words per second, the time spent in each stage, and peak memory (the
process's maximum resident set size, which includes the models); with the events stage, also the
articles/s of the full pipeline and of spaCy's NER alone over the same English texts, and their ratio. Start-up (imports, model loading)
is timed apart, on one pass over the seeds, so the rate is the steady state. `--trace-memory` adds a second pass under tracemalloc
for the peak of Python allocations (tracemalloc slows Python down, so it is never timed). Run by
hand; not a test.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from blocwatch.model import Article, RawDocument, Rejection  # noqa: E402
from blocwatch.pipeline import DEFAULT_STAGES, Pipeline, Stage, StageFunction, build  # noqa: E402
from blocwatch.settings import Settings  # noqa: E402
from blocwatch.sources import read_paths  # noqa: E402

SEEDS = ROOT / "examples" / "seeds"


def corpus(repeat: int) -> Iterator[RawDocument]:
    """The seeds read once, then yielded `repeat` times with distinct ids."""
    documents = [found for found in read_paths([str(SEEDS)], Settings()) if isinstance(found, RawDocument)]
    for round_number in range(repeat):
        for document in documents:
            yield RawDocument(id=f"{document.id}-{round_number}", origin=document.origin, text=document.text)


def peak_rss_megabytes() -> float:
    """Maximum resident set size of this process so far, in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(pipeline: Pipeline, spent: dict[str, float]) -> Pipeline:
    """The same pipeline with each stage's time added up in `spent`."""

    def wrap(name: str, function: StageFunction) -> StageFunction:
        def run_stage(article: Article, settings: Settings) -> Article:
            started = time.perf_counter()
            try:
                return function(article, settings)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - started

        return run_stage

    stages = tuple(Stage(stage.name, wrap(stage.name, stage.function), stage.requires, stage.provides) for stage in pipeline.stages)
    return Pipeline(pipeline.settings, stages)


def run(pipeline: Pipeline, repeat: int) -> tuple[int, int, int]:
    """Articles, words and rejections after running the corpus through `pipeline`."""
    articles = words = rejected = 0
    for document in corpus(repeat):
        result = pipeline(document)
        if isinstance(result, Article):
            articles += 1
            words += len(result.text.split())
        else:
            rejected += 1
    return articles, words, rejected


def english_texts(repeat: int) -> list[RawDocument]:
    """The English seeds of the corpus (the ones spaCy's English NER can be compared on)."""
    return [document for document in corpus(repeat) if not any("а" <= c <= "я" for c in (document.text or "")[:200].lower())]


def ner_alone(documents: list[RawDocument], settings: Settings) -> float:
    """Articles/s of spaCy's NER by itself (tok2vec + ner) over the raw texts: what a user would run instead."""
    from blocwatch.nlp import english_pipeline

    nlp = english_pipeline(settings)
    skip = [name for name in nlp.pipe_names if name not in ("tok2vec", "ner")]
    list(nlp.pipe([documents[0].text or ""], disable=skip))  # warm
    started = time.perf_counter()
    for _ in nlp.pipe((document.text or "" for document in documents), disable=skip, batch_size=32):
        pass
    return len(documents) / (time.perf_counter() - started)


def pipeline_rate(pipeline: Pipeline, documents: list[RawDocument]) -> float:
    started = time.perf_counter()
    for document in documents:
        pipeline(document)
    return len(documents) / (time.perf_counter() - started)


def compare_with_ner(pipeline: Pipeline, repeat: int) -> None:
    """The full pipeline against spaCy NER alone over the same English texts, and their ratio."""
    documents = english_texts(repeat)
    ours = pipeline_rate(pipeline, documents)
    theirs = ner_alone(documents, pipeline.settings)
    print(f"English texts     {len(documents)}")
    print(f"  pipeline        {ours:8.1f} articles/s")
    print(f"  spaCy NER alone {theirs:8.1f} articles/s ({pipeline.settings.spacy_model}, tok2vec+ner)")
    print(f"  ratio           {ours / theirs:8.2f} (pipeline / NER; 1.0 or more: the pipeline keeps up)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("repeat", type=int, nargs="?", default=10, help="how many times the five seeds are repeated (default 10)")
    parser.add_argument("--stages", default=",".join(DEFAULT_STAGES), help="comma-separated stages (default: all)")
    parser.add_argument("--trace-memory", action="store_true", help="also measure the peak of Python allocations (an untimed second pass)")
    parser.add_argument("--no-ner", action="store_true", help="skip the comparison with spaCy's NER alone")
    arguments = parser.parse_args()
    names = tuple(name.strip() for name in arguments.stages.split(",") if name.strip())
    spent: dict[str, float] = {}
    pipeline = timed(build(Settings(), names), spent)

    started = time.perf_counter()
    warm = [pipeline(document) for document in corpus(1)]  # imports and model loading, for each language
    warm_up = time.perf_counter() - started
    rejections = [result.reason for result in warm if isinstance(result, Rejection)]
    if rejections:
        raise SystemExit(f"a seed was rejected: {rejections[0]}")

    spent.clear()
    started = time.perf_counter()
    articles, words, rejected = run(pipeline, arguments.repeat)
    elapsed = time.perf_counter() - started
    traced_peak = None
    if arguments.trace_memory:
        tracemalloc.start()
        run(pipeline, arguments.repeat)
        traced_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()

    print(f"stages            {','.join(names)}")
    print(f"articles          {articles} ({rejected} rejected), {words} words")
    print(f"start-up          {warm_up:.2f} s (the five seeds once: imports and models)")
    print(f"elapsed           {elapsed:.2f} s")
    print(f"articles/s        {articles / elapsed:.1f}")
    print(f"words/s           {words / elapsed:,.0f}")
    for name, seconds in [("reading+extract", elapsed - sum(spent.values())), *spent.items()]:
        print(f"  {name:<16}{seconds:8.2f} s  {100 * seconds / elapsed:5.1f} %")
    print(f"peak RSS          {peak_rss_megabytes():.0f} MB")
    if traced_peak is not None:
        print(f"peak traced       {traced_peak / 1e6:.1f} MB (Python allocations during the run)")
    if not arguments.no_ner and "events" in names:
        compare_with_ner(build(Settings(), names), arguments.repeat)


if __name__ == "__main__":
    main()
