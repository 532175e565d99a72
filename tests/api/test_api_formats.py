"""CSV, Open SDG and SDMX-CSV answers: the same rows as JSON, readable by pandas.read_csv, section 2
columns in order, the Open SDG layout of a real Open SDG file, the SDMX-CSV 2.0 columns."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from indicators import interchange
from indicators.config import PROJECT_ROOT
from indicators.records import EVENT_FIELDS, INDICATOR_FIELDS, OBSERVATION_FIELDS, PROGRAMME_FIELDS, SOURCE_FIELDS

REAL_OPENSDG = PROJECT_ROOT.parent / "shared" / "realdata" / "opensdg-uk" / "indicator_8-3-1.csv"


def read_csv(client, url: str, content_type: str = "text/csv; charset=utf-8") -> tuple[pd.DataFrame, bytes]:
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    assert response.headers["Content-Type"] == content_type
    body = response.get_data()
    body.decode("utf-8")  # valid UTF-8
    return pd.read_csv(io.BytesIO(body), dtype=str, keep_default_na=False), body


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    if isinstance(value, (int, float)):
        return str(int(value) if float(value).is_integer() else value)  # numbers stay numbers
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value  # formulas neutralised


@pytest.mark.parametrize("path, fields", [
    ("/api/v1/observations", OBSERVATION_FIELDS),
    ("/api/v1/programmes", PROGRAMME_FIELDS),
    ("/api/v1/events", EVENT_FIELDS),
    ("/api/v1/sources", SOURCE_FIELDS),
    ("/api/v1/indicators", INDICATOR_FIELDS),
])
def test_csv_and_json_hold_the_same_rows(client, path, fields):
    rows = client.get(path).get_json()["data"]
    frame, body = read_csv(client, f"{path}?format=csv")
    columns = [("source_ids" if f == "sources" else f) for f in fields]
    assert list(frame.columns[:len(columns)]) == columns
    assert len(frame) == len(rows)
    for record, (_, line) in zip(rows, frame.iterrows()):
        for name in fields:
            if name == "sources":
                assert line["source_ids"] == ",".join(dict.fromkeys(q["source_id"] for q in record["sources"]))
            else:
                assert line[name] == _cell(record[name]), (path, name)
    assert not body.startswith(b"\xef\xbb\xbf") and b"\r\n" not in body


def test_observation_csv_is_section_2_with_dimensions_and_pages(client):
    frame, _ = read_csv(client, "/api/v1/observations?format=csv")
    assert list(frame.columns[:len(OBSERVATION_FIELDS)]) == list(OBSERVATION_FIELDS)
    numbers = pd.read_csv(io.BytesIO(client.get("/api/v1/observations?format=csv").get_data()))
    assert pd.api.types.is_numeric_dtype(numbers["value"])
    page = client.get("/api/v1/observations?format=csv&limit=2&offset=1")
    assert page.headers["X-Total-Count"] == str(len(frame))
    assert pd.read_csv(io.BytesIO(page.get_data()), dtype=str)["id"].tolist() == frame["id"].tolist()[1:3]
    assert 'rel="next"' in page.headers["Link"] and "offset=3" in page.headers["Link"]
    assert 'rel="next"' not in client.get("/api/v1/observations?format=csv").headers["Link"]


def test_csv_carries_citation_and_licence_in_link_header(client):
    response = client.get("/api/v1/sources?format=csv")
    link = response.headers["Link"]
    assert 'rel="cite-as"' in link and 'rel="license"' in link
    assert response.get_data(as_text=True).splitlines()[0] == ",".join(SOURCE_FIELDS)


def test_sdg_and_summary_csv(client):
    goals = client.get("/api/v1/sdg").get_json()["data"]
    frame, _ = read_csv(client, "/api/v1/sdg?format=csv")
    assert list(frame.columns) == ["goal", "goal_title", "target", "target_title", "programmes"]
    assert len(frame) == sum(len(g["targets"]) for g in goals)
    summary = client.get("/api/v1/summary?indicator=countries_reached&by=country").get_json()["data"]
    frame, _ = read_csv(client, "/api/v1/summary?indicator=countries_reached&by=country&format=csv")
    assert frame.to_dict("records") == [{k: _cell(v) for k, v in row.items()} for row in summary]


@pytest.mark.skipif(not REAL_OPENSDG.exists(), reason=f"real Open SDG file not found at {REAL_OPENSDG}")
def test_opensdg_layout(client):
    rows = client.get("/api/v1/observations").get_json()["data"]
    frame, _ = read_csv(client, "/api/v1/observations?format=opensdg")
    real = pd.read_csv(REAL_OPENSDG, dtype=str, keep_default_na=False)
    # the conventions of a real Open SDG data file: Year first, Value last, a Units column, an empty
    # disaggregation cell for a total
    assert real.columns[0] == frame.columns[0] == "Year"
    assert real.columns[-1] == frame.columns[-1] == "Value"
    assert "Units" in real.columns and "Units" in frame.columns and "Series" in real.columns
    assert list(frame.columns[:3]) == ["Year", "Series", "Kind"]
    assert list(frame.columns[-7:]) == ["Programme", "Country", "Region", "Subdivision", "Observation status",
                                        "Units", "Value"]
    assert len(frame) == len(rows)
    for record, (_, line) in zip(rows, frame.iterrows()):
        assert line["Series"] == record["indicator"] and line["Kind"] == record["kind"]
        assert float(line["Value"]) == record["value"] and line["Units"] == record["unit"]
        assert line["Country"] == (record["country"] or "") and line["Programme"] == (record["programme"] or "")
        assert line["Year"] == interchange.opensdg_year(record["year_start"], record["year_end"])
        assert line["Observation status"] == record["qualifier"]
    # re-read as Open SDG reads it: numeric values, years as text like the UK's 2002/03
    numeric = pd.read_csv(io.BytesIO(client.get("/api/v1/observations?format=opensdg").get_data()))
    assert pd.api.types.is_numeric_dtype(numeric["Value"])


def test_sdmx_csv_columns(client):
    rows = client.get("/api/v1/observations").get_json()["data"]
    frame, _ = read_csv(client, "/api/v1/observations?format=sdmx-csv",
                        "application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8")
    assert list(frame.columns[:8]) == ["STRUCTURE", "STRUCTURE_ID", "ACTION", "REF_AREA", "TIME_PERIOD",
                                       "INDICATOR", "PROGRAMME", "KIND"]
    obs_at = list(frame.columns).index("OBS_VALUE")
    assert list(frame.columns[obs_at:]) == ["OBS_VALUE", "UNIT_MEASURE", "QUALIFIER", "SUBDIVISION", "SOURCE", "OBS_ID"]
    assert set(frame["STRUCTURE"]) == {"dataflow"}
    assert set(frame["STRUCTURE_ID"]) == {"SDGDASH:DF_PROGRAMME_RESULTS(1.0)"}
    assert set(frame["ACTION"]) == {"I"}
    assert frame["OBS_ID"].tolist() == [r["id"] for r in rows]
    assert (frame["REF_AREA"] != "").all() and (frame["PROGRAMME"] != "").all()
    for record, (_, line) in zip(rows, frame.iterrows()):
        assert float(line["OBS_VALUE"]) == record["value"] and line["INDICATOR"] == record["indicator"]
        assert line["REF_AREA"] == (record["country"] or record["region"] or "_Z")


def test_formats_keep_the_filters(client):
    json_ids = [r["id"] for r in client.get("/api/v1/observations?kind=actual&limit=3").get_json()["data"]]
    for fmt, column in (("csv", "id"), ("sdmx-csv", "OBS_ID")):
        body = client.get(f"/api/v1/observations?kind=actual&limit=3&format={fmt}").get_data()
        assert pd.read_csv(io.BytesIO(body), dtype=str)[column].tolist() == json_ids
