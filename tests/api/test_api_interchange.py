"""indicators.interchange, by value: observations -> Open SDG data CSV and SDMX-CSV 2.0 (pure pandas)."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from indicators import interchange
from indicators.records import OBSERVATION_FIELDS


def observation(**values) -> dict:
    row = {name: None for name in OBSERVATION_FIELDS}
    row.update({"id": "x", "indicator": "participants_trained", "unit": "people", "kind": "actual",
                "qualifier": "exact", "value": 1.0, "source_document": "003.txt", "disaggregation": {}})
    row.update(values)
    return row


FRAME = pd.DataFrame([
    observation(id="a-total", programme="TRANSFORM", value=100.0, year_start=2017, year_end=2017, date="2017-10"),
    observation(id="a-female", programme="TRANSFORM", value=45.0, year_start=2017, year_end=2017,
                disaggregation={"sex": "female"}),
    observation(id="b-period", programme="TRANSFORM", value=250.0, qualifier="approx", year_start=2017, year_end=2018,
                region="africa"),
    observation(id="c-context", indicator="sse_share_of_employment", unit="percent", kind="context", value=6.5,
                country="ZAF", subdivision="ZA-KZN", source_document="=cmd|' /C calc'!A0"),
    observation(id="d-negative", indicator="jobs_created", unit="jobs", kind="estimate", value=-5.0,
                year_start=2001, year_end=2010),
])


@pytest.mark.parametrize("start, end, expected", [
    (2017, 2017, "2017"), (2017, 2018, "2017/18"), (2002, 2003, "2002/03"), (1999, 2001, "1999/2001"),
    (None, None, ""), (2016.0, 2018.0, "2016/18"),
])
def test_opensdg_year(start, end, expected):
    assert interchange.opensdg_year(start, end) == expected


@pytest.mark.parametrize("start, end, date, expected", [
    (2017, 2017, None, "2017"), (2017, 2017, "2017-10", "2017-10"), (2017, 2017, "2017-10-05", "2017-10-05"),
    (2016, 2018, None, "2016-01-01/P3Y"), (None, None, None, ""), (2018, 2018, "2017-12", "2018"),
])
def test_sdmx_time_period(start, end, date, expected):
    assert interchange.sdmx_time_period(start, end, date) == expected


def test_opensdg_layout():
    out = interchange.to_opensdg(FRAME)
    assert list(out.columns) == ["Year", "Series", "Kind", "Sex", "Programme", "Country", "Region", "Subdivision",
                                 "Observation status", "Units", "Value"]
    assert out["Year"].tolist() == ["2017", "2017", "2017/18", "", "2001/10"]
    assert out["Sex"].tolist() == ["", "female", "", "", ""]  # empty = total, as Open SDG reads it
    assert out["Value"].tolist() == [100, 45, 250, 6.5, -5]
    assert out["Units"].tolist() == ["people", "people", "people", "percent", "jobs"]
    assert out["Observation status"].tolist() == ["exact", "exact", "approx", "exact", "exact"]


def test_sdmx_csv_layout():
    out = interchange.to_sdmx_csv(FRAME)
    assert list(out.columns) == ["STRUCTURE", "STRUCTURE_ID", "ACTION", "REF_AREA", "TIME_PERIOD", "INDICATOR",
                                 "PROGRAMME", "KIND", "SEX", "OBS_VALUE", "UNIT_MEASURE", "QUALIFIER",
                                 "SUBDIVISION", "SOURCE", "OBS_ID"]
    assert set(out["STRUCTURE_ID"]) == {"SDGDASH:DF_PROGRAMME_RESULTS(1.0)"} == {interchange.SDMX_DATAFLOW}
    assert out["REF_AREA"].tolist() == ["_Z", "_Z", "africa", "ZAF", "_Z"]
    assert out["PROGRAMME"].tolist() == ["TRANSFORM", "TRANSFORM", "TRANSFORM", "_Z", "_Z"]
    assert out["SEX"].tolist() == ["_T", "female", "_T", "_T", "_T"]
    assert out["TIME_PERIOD"].tolist() == ["2017-10", "2017", "2017-01-01/P2Y", "", "2001-01-01/P10Y"]
    assert out["OBS_ID"].tolist() == list(FRAME["id"])


def test_csv_bytes_escape_formulas_and_keep_numbers():
    for fmt in ("opensdg", "sdmx-csv"):
        data = interchange.render(FRAME, fmt)
        assert data.decode("utf-8").endswith("\n") and b"\r" not in data
        again = pd.read_csv(io.BytesIO(data), keep_default_na=False)
        value = "Value" if fmt == "opensdg" else "OBS_VALUE"
        assert again[value].tolist() == [100, 45, 250, 6.5, -5]
        assert interchange.render(FRAME, fmt) == data  # same data, same bytes
    sdmx = pd.read_csv(io.BytesIO(interchange.render(FRAME, "sdmx-csv")), dtype=str, keep_default_na=False)
    assert sdmx["SOURCE"].iloc[3] == "'=cmd|' /C calc'!A0"
    with pytest.raises(ValueError):
        interchange.render(FRAME, "xml")


def test_empty_frame_gives_a_header_only():
    empty = FRAME.iloc[0:0]
    assert interchange.render(empty, "opensdg").decode() == \
        "Year,Series,Kind,Programme,Country,Region,Subdivision,Observation status,Units,Value\n"
    assert interchange.render(empty, "sdmx-csv").decode().startswith("STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,")
