"""The statistical models are loaded by name or path from the `spacy_model` setting."""

from __future__ import annotations

import pytest

from blocwatch.errors import MissingDependency
from blocwatch.model import RawDocument
from blocwatch.nlp import english_pipeline
from blocwatch.pipeline import build
from blocwatch.settings import Settings, from_environment


def test_nlp_default_model_parses_and_finds_entities():
    doc = english_pipeline(Settings())("Russia and North Korea signed a treaty in Pyongyang.")
    assert {"parser", "ner"} <= set(english_pipeline(Settings()).pipe_names)
    assert any(token.dep_ == "nsubj" for token in doc)
    assert any(entity.label_ == "GPE" for entity in doc.ents)


def test_nlp_missing_model_fails_with_install_hint():
    with pytest.raises(MissingDependency) as raised:
        english_pipeline(Settings(spacy_model="en_core_web_no_such_model"))
    assert "pip install" in str(raised.value) and "spacy_model" in str(raised.value)


def test_nlp_model_setting_comes_from_environment():
    assert from_environment({"BLOCWATCH_SPACY_MODEL": "en_core_web_lg"}).spacy_model == "en_core_web_lg"


def test_nlp_pipeline_from_a_model_directory_codes_events(tmp_path):
    """Any spaCy pipeline on disk (a bigger one, a fine-tuned one) can replace the default: here a
    copy of the small one, loaded from its directory, runs the whole event pipeline."""
    english_pipeline(Settings()).to_disk(tmp_path / "pipeline")
    settings = Settings(spacy_model=str(tmp_path / "pipeline"))
    article = build(settings)(RawDocument(id="t", origin="t", text="Title\n\nRussia attacked Ukraine.", published="2024-02-01"))
    assert [(e.source, e.target, e.root) for e in article.events] == [("RUS", "UKR", "19")]
