"""`blocwatch explain`: each event with its marked sentence, pattern, reporters, modality and date."""

from __future__ import annotations

from click.testing import CliRunner

from blocwatch.cli import cli
from blocwatch.explain import marked_sentence
from blocwatch.model import Event, Span


def test_explain_marks_spans_in_the_sentence():
    sentence = "According to ISNA, Russia attacked Japan."
    event = Event(source="RUS", target="JPN", code="190", root="19", goldstein=-10.0, quad_class=4, plover="ASSAULT",
                  sentence=sentence, start=100, end=100 + len(sentence),
                  verb=Span(126, 134, "attacked"), source_span=Span(119, 125, "Russia"), target_span=Span(135, 140, "Japan"),
                  attribution=("ISNA",), attribution_spans=(Span(113, 117, "ISNA"),))
    assert marked_sentence(event) == "According to <A ISNA>, [S Russia] {attacked} [T Japan]."


def test_explain_command_on_a_seed(seed_paths):
    result = CliRunner().invoke(cli, ["explain", str(seed_paths[0])])
    assert result.exit_code == 0, result.output
    assert "PRK -> RUS  057" in result.output or "RUS -> PRK  057" in result.output
    assert "{signed}" in result.output and "pattern    verb:sign" in result.output
    lines = result.output.splitlines()
    assert any(line.strip().startswith("said by") and "Financial Times" in line for line in lines)
    assert any(line.strip().startswith("said by    the article itself") for line in lines)
