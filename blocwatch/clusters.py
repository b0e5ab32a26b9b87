"""Story clusters: near-duplicate and syndicated copies of one story, found with MinHash LSH.

An article's signature is the MinHash (128 permutations) of its word 3-gram shingles, after
lower-casing and keeping only letters and digits, so a copy that differs by a byline, a photo
caption or a "Read more" line still shares most shingles. When an article arrives, the LSH index
proposes stored articles whose estimated Jaccard similarity may exceed `THRESHOLD`; the article
joins the cluster of the most similar one that really does (ties: the smallest id), or founds its
own cluster named after its id. Assignment happens once, at write time, in input order, so
re-running an ingest gives the same clusters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHash, MinHashLSH

THRESHOLD = 0.5
PERMUTATIONS = 128
SCHEME = "affine32"  # pinned: stored signatures must be comparable across datasketch versions
SHINGLE = 3
WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """The set of word n-grams of a text, normalised."""
    words = [word.lower() for word in WORD.findall(text)]
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str) -> np.ndarray:
    """The MinHash signature of a text, as an array of unsigned 64-bit integers."""
    minhash = MinHash(num_perm=PERMUTATIONS, scheme=SCHEME)
    minhash.update_batch(list(shingles(text)))
    return minhash.hashvalues.astype(np.uint64)


def _minhash(values: np.ndarray) -> MinHash:
    return MinHash(num_perm=PERMUTATIONS, hashvalues=values, scheme=SCHEME)


def similarity(first: np.ndarray, second: np.ndarray) -> float:
    """The estimated Jaccard similarity of two signatures."""
    return float(np.mean(first == second))


@dataclass
class StoryIndex:
    """The stored signatures, indexed for near-duplicate queries, with each article's cluster."""

    threshold: float = THRESHOLD
    signatures: dict[str, np.ndarray] = field(default_factory=dict)
    clusters: dict[str, str] = field(default_factory=dict)
    lsh: MinHashLSH = field(init=False)

    def __post_init__(self) -> None:
        self.lsh = MinHashLSH(threshold=self.threshold, num_perm=PERMUTATIONS)

    def add(self, article_id: str, values: np.ndarray, cluster_id: str) -> None:
        """Index a stored article."""
        self.remove(article_id)
        self.signatures[article_id] = values
        self.clusters[article_id] = cluster_id
        self.lsh.insert(article_id, _minhash(values))

    def remove(self, article_id: str) -> None:
        """Forget an article (before a changed version replaces it)."""
        if article_id in self.signatures:
            self.lsh.remove(article_id)
            del self.signatures[article_id]
            del self.clusters[article_id]

    def assign(self, article_id: str, values: np.ndarray) -> str:
        """The cluster a new article joins: that of its most similar stored copy, else its own id."""
        candidates = self.lsh.query(_minhash(values))
        scored = [(similarity(values, self.signatures[key]), key) for key in candidates if key != article_id]
        matches = [(score, key) for score, key in scored if score >= self.threshold]
        if not matches:
            return article_id
        _, best = min(matches, key=lambda pair: (-pair[0], pair[1]))
        return self.clusters[best]
