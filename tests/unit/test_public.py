"""Public mode: stable pseudonyms for organisations, small firm counts suppressed with no total giving them away."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from outcomes import db, public

KEY = b"test key"


def names_frame(pairs: list[tuple[str, str]]) -> pd.DataFrame:
    return pd.DataFrame(pairs, columns=["org_id", "org_name"])


# --------------------------------------------------------------------------- pseudonyms


def test_a_pseudonym_is_stable_keyed_and_hides_the_id() -> None:
    first = public.pseudonym("O001", KEY)
    assert first == public.pseudonym("O001", KEY)
    assert first.startswith("Firm ")
    assert len(first) == len("Firm 0F3A")
    assert "O001" not in first
    assert public.pseudonym("O001", b"another key") != first
    assert public.pseudonym("O002", KEY) != first


def test_pseudonyms_stay_unique_when_four_digits_clash() -> None:
    ids = [f"O{i:05d}" for i in range(3000)]  # about 70 clashes among 65,536 four-digit pseudonyms
    named = public.pseudonyms(ids, KEY)
    assert len(set(named.values())) == len(ids)
    longer = [org_id for org_id, name in named.items() if name != public.pseudonym(org_id, KEY)]
    assert longer, "the test should provoke at least one clash"
    # only the clashing ids get more digits; everyone else keeps the four-digit pseudonym
    assert len(longer) < len(ids) / 10
    assert all(named[org_id].startswith(public.pseudonym(org_id, KEY)) for org_id in longer)


def test_pseudonymise_replaces_names_and_ids_and_names_under_other_headings() -> None:
    names = public.Pseudonyms.build(names_frame([("O1", "Alfa Sp. z o.o."), ("O2", "Beta")]), KEY)
    frame = pd.DataFrame(
        {
            "org_id": ["O1", "O2", "O9"],
            "org_name": ["Alfa Sp. z o.o.", "Beta", "Not In The Workbook"],
            "unit_name": ["Beta", "Cluster X", None],
            "exporting_smes": [5, 6, 7],
        }
    )
    out = public.pseudonymise(frame, names)
    text = out.astype(str).to_string()
    for real in ("Alfa", "Beta", "Not In The Workbook", "O1", "O2", "O9"):
        assert real not in text
    assert out.loc[0, "org_name"] == out.loc[0, "org_id"] == names.by_id["O1"]
    assert out.loc[0, "unit_name"] == names.by_id["O2"]
    assert out.loc[1, "unit_name"] == "Cluster X"
    assert out["exporting_smes"].tolist() == [5, 6, 7]


def test_two_organisations_with_one_name_share_one_pseudonym() -> None:
    names = public.Pseudonyms.build(names_frame([("O2", "Gamma"), ("O1", "Gamma")]), KEY)
    assert names.by_name["Gamma"] == names.by_id["O1"]


def test_scrub_replaces_whole_names_in_free_text_only() -> None:
    names = public.Pseudonyms.build(names_frame([("O1", "Alfa"), ("O2", "Alfa Plus"), ("O3", "Beta (sample)")]), KEY)
    text = names.scrub("Alfa Plus and Alfa met Beta (sample); Alfabet is a word.")
    assert text == (f"{names.by_id['O2']} and {names.by_id['O1']} met {names.by_id['O3']}; Alfabet is a word.")


# --------------------------------------------------------------------------- suppression


def test_one_or_two_firms_are_hidden_zero_and_three_are_shown() -> None:
    frame = pd.DataFrame({"country": list("ABCDEF"), "exporting_smes": [0, 1, 2, 3, 10, 11]})
    out = public.suppress(frame)
    assert out["exporting_smes"].isna().tolist() == [False, True, True, False, False, False]
    assert out.loc[0, "exporting_smes"] == 0
    assert str(out["exporting_smes"].dtype) == "Int64"
    assert out.attrs["suppressed_cells"] == 2
    assert out["country"].tolist() == list("ABCDEF")


def test_a_lone_hidden_cell_takes_the_smallest_other_cell_of_its_column_with_it() -> None:
    frame = pd.DataFrame({"sector": list("abcd"), "member_firms": [12, 2, 7, 30]})
    out = public.suppress(frame)
    assert out["member_firms"].isna().tolist() == [False, True, True, False]


def test_a_row_whose_parts_add_up_cannot_give_a_hidden_part_away() -> None:
    # trading = new + existing + not stated: with new = 2 hidden, 86 - 80 - 4 would reveal it
    frame = pd.DataFrame(
        {
            "trading_smes": [86],
            "member_smes": [226],
            "new_exporter_smes": [2],
            "existing_exporter_smes": [80],
            "not_stated_smes": [4],
        }
    )
    out = public.suppress(frame).iloc[0]
    assert pd.isna(out["new_exporter_smes"])
    assert out["trading_smes"] == 86
    assert out["member_smes"] == 226
    shown = {c: out[c] for c in frame.columns if not pd.isna(out[c])}
    for total, *parts in itertools.permutations(shown, len(shown)):
        for size in range(len(parts) + 1):
            for terms in itertools.combinations(parts, size):
                assert shown[total] - sum(shown[t] for t in terms) != 2


def test_parts_that_do_not_add_up_cost_nothing_in_their_row() -> None:
    # new exporters are a subset of exporters: 9 exporters do not reveal 2 new ones
    frame = pd.DataFrame({"country": ["FI", "DE", "CZ"], "exporting_smes": [9, 26, 21], "new_exporter_smes": [2, 7, 1]})
    out = public.suppress(frame)
    assert out["exporting_smes"].tolist() == [9, 26, 21]
    assert out["new_exporter_smes"].isna().tolist() == [True, False, True]


def test_an_amount_per_hidden_count_is_hidden_with_it() -> None:
    frame = pd.DataFrame(
        {
            "awarded_eur": [21_398.0, 900_000.0],
            "trading_smes": [2, 40],
            "cost_per_trading_sme_eur": [10_699.0, 22_500.0],
        }
    )
    out = public.suppress(frame)
    assert out["cost_per_trading_sme_eur"].isna().tolist() == [True, True]  # the second row by secondary suppression
    assert out["awarded_eur"].tolist() == [21_398.0, 900_000.0]


def test_columns_not_named_as_firm_counts_are_left_alone() -> None:
    frame = pd.DataFrame({"clusters": [1, 2], "services": [1, 40], "value_eur": [1.5, 2.0]})
    pd.testing.assert_frame_equal(public.suppress(frame), frame)


def test_random_breakdowns_never_keep_a_lone_hidden_cell_in_a_column() -> None:
    generator = np.random.default_rng(7)
    for _ in range(50):
        frame = pd.DataFrame(generator.integers(0, 8, size=(6, 3)), columns=["a_smes", "b_smes", "c_firms"])
        out = public.suppress(frame)
        for column in frame.columns:
            shown = out[column].dropna()
            assert ((shown == 0) | (shown >= public.THRESHOLD)).all()
            hidden = out[column].isna().sum()
            assert hidden != 1 or len(frame) == 1


# --------------------------------------------------------------------------- every query, in public mode


@pytest.fixture(scope="module")
def organisation_names(sample_db: Path) -> list[str]:
    names = db.run_query("organisation_names", sample_db)["org_name"].tolist()
    db.close(sample_db)
    return names


@pytest.mark.parametrize("name", db.query_names())
def test_no_query_result_shows_a_name_or_a_small_firm_count_in_public_mode(
    name: str, fresh_sample_db: Path, organisation_names: list[str]
) -> None:
    raw = db.run_query(name, fresh_sample_db, cluster_id="CL01", stage="trading_smes")
    out = public.apply(raw, db.pseudonyms(fresh_sample_db))
    cells = set(out.astype(str).to_numpy().ravel())
    assert not cells & set(organisation_names)
    for column in filter(public.is_count_column, out.columns):
        shown = pd.to_numeric(out[column], errors="coerce").dropna()
        assert ((shown == 0) | (shown >= public.THRESHOLD)).all(), column


def test_the_pseudonym_key_is_kept_in_the_database_across_runs(fresh_sample_db: Path) -> None:
    first = db.pseudonyms(fresh_sample_db).by_id
    db.close(fresh_sample_db)
    assert db.pseudonyms(fresh_sample_db).by_id == first
