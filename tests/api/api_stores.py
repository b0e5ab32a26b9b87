"""The store the API and browser tests serve: the fixture corpus plus a hostile and a Russian article.
(The sample articles' store is tests/conftest.py's `seed_store`.)"""

from __future__ import annotations

from pathlib import Path

from fixtures import E, Spec, build_article, corpus

from blocwatch.store.writer import write_articles

# An article whose text and metadata try to run script: the dashboard must show these characters.
HOSTILE = Spec(
    "hostile-<script>",
    (
        "<script>document.body.dataset.pwned = 'script';</script> Russia and China signed a pact <img src=x onerror=\"document.body.dataset.pwned='img'\">.",
        "Analysts in China doubted it.",
    ),
    (E(0, "RUS", "CHN", "057", ("<b>Bold Agency</b>",)),),
    published="2024-05-02",
    site="<img src=x onerror=alert(1)>",
    title="<script>document.body.dataset.pwned = 'title';</script> Hostile <i>title</i>",
)

RUSSIAN = Spec(
    "ru-treaty",
    (
        "Россия и КНДР подписали договор о всеобъемлющем стратегическом партнёрстве, сообщило РИА Новости.",
        "Москва и Пхеньян пообещали оказывать друг другу военную помощь.",
    ),
    (E(0, "RUS", "PRK", "057", ("РИА Новости",)),),
    published="2024-06-19",
    site="РИА Новости",
    language="ru",
    title="Россия и КНДР подписали договор",
)


def build_test_store(path: Path) -> Path:
    """The fixture corpus with the hostile and the Russian article, in a fresh store at `path`."""
    if path.exists():
        path.unlink()
    write_articles(path, corpus() + [build_article(HOSTILE), build_article(RUSSIAN)])
    return path

