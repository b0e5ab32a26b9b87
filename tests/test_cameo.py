"""The CAMEO table: completeness, known values and internal consistency."""

from __future__ import annotations

import pytest

from blocwatch.cameo import CameoCode, codes, lookup, plover_types

ROOTS = [f"{number:02d}" for number in range(1, 21)]


def _quad_of_root(root: str) -> int:
    number = int(root)
    return 1 if number <= 5 else 2 if number <= 9 else 3 if number <= 14 else 4


def test_cameo_every_root_present() -> None:
    table = codes()
    assert [code for code in ROOTS if code not in table] == []
    assert {code.root for code in table.values()} == set(ROOTS)


@pytest.mark.parametrize(
    ("code", "goldstein"),
    [
        ("057", 8.0),  # sign formal agreement
        ("111", -2.0),  # criticize or denounce
        ("112", -2.0),  # accuse
        ("163", -8.0),  # impose embargo, boycott or sanctions
        ("190", -10.0),  # use conventional military force
        ("036", 4.0),  # express intent to meet or negotiate
        ("042", 1.9),  # make a visit
        ("043", 2.8),  # host a visit
        ("0874", 10.0),  # retreat or surrender militarily
        ("130", -4.4),  # threaten, not specified
        ("010", 0.0),  # make statement
    ],
)
def test_cameo_known_goldstein_values(code: str, goldstein: float) -> None:
    assert lookup(code).goldstein == goldstein


@pytest.mark.parametrize(("code", "name"), [("057", "Sign formal agreement"), ("1823", "Kill by physical assault"), ("19", "FIGHT")])
def test_cameo_known_names(code: str, name: str) -> None:
    assert lookup(code).name == name


def test_cameo_quad_class_follows_root() -> None:
    wrong = {code.code: code.quad_class for code in codes().values() if code.quad_class != _quad_of_root(code.root)}
    assert wrong == {}


def test_cameo_root_is_first_two_digits() -> None:
    wrong = [code.code for code in codes().values() if code.root != code.code[:2]]
    assert wrong == []


def test_cameo_codes_are_two_to_four_digits_with_parents() -> None:
    table = codes()
    malformed = [code for code in table if not (code.isdigit() and 2 <= len(code) <= 4)]
    orphans = [code for code in table if len(code) == 4 and code[:3] not in table]
    assert malformed == [] and orphans == []


def test_cameo_goldstein_within_scale() -> None:
    assert [code.code for code in codes().values() if not -10.0 <= code.goldstein <= 10.0] == []


def test_cameo_every_code_maps_to_a_known_plover_type() -> None:
    known = plover_types()
    assert [code.code for code in codes().values() if code.plover not in known] == []


@pytest.mark.parametrize(
    ("code", "plover"),
    [("042", "CONSULT"), ("057", "SUPPORT"), ("112", "ACCUSE"), ("163", "SANCTION"), ("190", "ASSAULT"), ("0874", "RETREAT"), ("036", "AGREE"), ("154", "MOBILIZE")],
)
def test_cameo_plover_of_known_codes(code: str, plover: str) -> None:
    assert lookup(code).plover == plover


def test_cameo_table_covers_the_codebook() -> None:
    # CAMEO 1.1b3 has 20 roots and 296 codes below them.
    assert len(codes()) == 316


def test_cameo_lookup_returns_frozen_dataclass() -> None:
    found = lookup("112")
    assert isinstance(found, CameoCode) and found.root == "11" and found.quad_class == 3
    with pytest.raises(AttributeError):
        found.goldstein = 0.0  # type: ignore[misc]


def test_cameo_lookup_unknown_code_says_what_to_do() -> None:
    with pytest.raises(KeyError, match="unknown CAMEO event code '999'"):
        lookup("999")


def test_cameo_lookup_hints_leading_zero() -> None:
    with pytest.raises(KeyError, match="did you mean '057'"):
        lookup("57")


def test_cameo_codes_loaded_once() -> None:
    assert codes() is codes()
