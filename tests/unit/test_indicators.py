"""Aggregate maths on tiny frames: sums, ratios from summed parts, coverage rules, flags."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from dashboard.etl.indicators import PARTIAL, REPORTED_ZERO, aggregate, ratio, sum_by, tag


def long(rows: list[tuple[str, str, int, float, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["iso3", "indicator", "year", "value", "flag"])


SUM = {"id": "stock", "aggregate": "sum", "coverage": "complete"}
SHARE = {
    "id": "share",
    "aggregate": "ratio",
    "numerator": "stock",
    "denominator": "pop",
    "scale": 100,
    "coverage": "complete",
}


def test_ratio_divides_matching_country_years_and_keeps_numerator_flags() -> None:
    num = tag(pd.DataFrame({"iso3": ["A", "B"], "year": [2020, 2020], "value": [10.0, 0.0]}), "n", True)
    den = tag(pd.DataFrame({"iso3": ["A", "B", "C"], "year": [2020] * 3, "value": [200.0, 50.0, 1.0]}), "d")
    out = ratio(num, den, "r", 100).set_index("iso3")
    assert out.loc["A", "value"] == pytest.approx(5.0)
    assert out.loc["B", "flag"] == REPORTED_ZERO
    assert "C" not in out.index  # no numerator: no row, not zero


def test_ratio_skips_zero_denominators() -> None:
    num = tag(pd.DataFrame({"iso3": ["A"], "year": [2020], "value": [1.0]}), "n")
    den = tag(pd.DataFrame({"iso3": ["A"], "year": [2020], "value": [0.0]}), "d")
    assert ratio(num, den, "r", 100).empty


def test_ratio_aggregate_is_recomputed_from_summed_parts_not_averaged() -> None:
    countries = long(
        [
            ("A", "stock", 2020, 10.0, ""),
            ("A", "pop", 2020, 100.0, ""),
            ("B", "stock", 2020, 90.0, ""),
            ("B", "pop", 2020, 900.0, ""),
            ("C", "stock", 2020, 50.0, ""),
            ("C", "pop", 2020, 100.0, ""),
        ]
    )
    out = aggregate(countries, {"G": ["A", "C"]}, [SHARE]).iloc[0]
    # (10 + 50) / (100 + 100) = 30 %, while the mean of 10 % and 50 % would also be 30 %:
    # use a lopsided pair to tell them apart
    assert out["value"] == pytest.approx(30.0)
    lopsided = aggregate(countries, {"G": ["A", "B", "C"]}, [SHARE]).iloc[0]
    assert lopsided["value"] == pytest.approx(150 / 1100 * 100)
    assert lopsided["value"] != pytest.approx((10 + 10 + 50) / 3)


def test_complete_coverage_gives_no_data_when_a_member_is_missing() -> None:
    countries = long(
        [("A", "stock", 2020, 1.0, ""), ("A", "stock", 2021, 1.0, ""), ("B", "stock", 2021, 2.0, "")]
    )
    out = aggregate(countries, {"G": ["A", "B"]}, [SUM]).set_index("year")
    assert math.isnan(out.loc[2020, "value"])
    assert out.loc[2020, "n_reporting"] == 1
    assert out.loc[2021, "value"] == 3.0
    assert out.loc[2021, "flag"] == ""


def test_partial_coverage_sums_reporting_members_and_says_so() -> None:
    countries = long([("A", "stock", 2020, 1.0, ""), ("B", "stock", 2020, 0.0, REPORTED_ZERO)])
    spec = {**SUM, "coverage": "partial"}
    out = aggregate(countries, {"G": ["A", "B", "C"]}, [spec]).iloc[0]
    assert out["value"] == 1.0
    assert out["flag"] == PARTIAL
    assert (out["n_reporting"], out["n_members"]) == (1, 3)  # the flagged zero does not count


def test_sum_by_keeps_all_missing_groups_missing() -> None:
    frame = pd.DataFrame(
        {"coa": ["A", "A", "B"], "year": [2018, 2018, 2018], "oip": [1.0, float("nan"), float("nan")]}
    )
    out = sum_by(frame, "coa", "oip", {"A", "B"})
    assert out.to_dict("records") == [{"iso3": "A", "year": 2018, "value": 1.0}]


def test_a_flagged_zero_is_no_data_and_keeps_the_published_number() -> None:
    out = tag(pd.DataFrame({"iso3": ["A", "B"], "year": [2020] * 2, "value": [0.0, 5.0]}), "n", True)
    flagged, real = out.set_index("iso3").loc["A"], out.set_index("iso3").loc["B"]
    assert math.isnan(flagged["value"]) and flagged["published"] == 0 and flagged["flag"] == REPORTED_ZERO
    assert real["value"] == real["published"] == 5.0 and real["flag"] == ""


def test_a_ratio_of_a_flagged_input_is_no_data_with_its_flag() -> None:
    num = tag(pd.DataFrame({"iso3": ["A"], "year": [2020], "value": [0.0]}), "n", True)
    den = tag(pd.DataFrame({"iso3": ["A"], "year": [2020], "value": [200.0]}), "d")
    row = ratio(num, den, "r", 100).iloc[0]
    assert math.isnan(row["value"]) and row["published"] == 0 and row["flag"] == REPORTED_ZERO
    flagged_den = ratio(den, num.assign(published=[4.0]), "r", 1).iloc[0]  # a flagged denominator too
    assert math.isnan(flagged_den["value"]) and flagged_den["flag"] == REPORTED_ZERO


def test_a_ratio_aggregate_takes_numerator_and_denominator_from_the_same_members() -> None:
    countries = long(
        [
            ("A", "stock", 2020, 10.0, ""),
            ("A", "pop", 2020, 100.0, ""),
            ("B", "stock", 2020, float("nan"), REPORTED_ZERO),
            ("B", "pop", 2020, 900.0, ""),  # B's population is left out with its numerator
            ("C", "pop", 2020, 100.0, ""),  # no numerator at all: left out too
        ]
    )
    out = aggregate(countries, {"G": ["A", "B", "C"]}, [{**SHARE, "coverage": "partial"}]).iloc[0]
    assert out["value"] == pytest.approx(10.0)
    assert (out["n_reporting"], out["n_members"], out["flag"]) == (1, 3, PARTIAL)
