"""Counts, time series and cross-tabs (`search count`, `query --facet F --by G`, `ix.count`)."""

from __future__ import annotations

import csv
import io

import pytest

from search.models import CountTable
from search.output.tables import sparkline
from search.query.facets import periods
from tests.conftest import index_records, run_cli

ARTICLES = [
    {"id": "a1", "title": "One", "source": "nyt", "date": "2016-01-05", "text": '"We will win the vote," said John Smith, a senator.'},
    {"id": "a2", "title": "Two", "source": "wsj", "date": "2016-03-02", "text": '"We will lose the vote," said Jane Doe, an aide.'},
    {"id": "a3", "title": "Three", "source": "nyt", "date": "2016-03-20", "text": '"The vote is close," said John Smith, a senator.'},
    {"id": "a4", "title": "Four", "source": "wsj", "text": '"Nobody knows the date of the vote," said Jane Doe, an aide.'},
]


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    return str(index_records(ARTICLES, tmp_path_factory.mktemp("count")))


def test_a_cross_tab_counts_every_cell_and_fills_the_months_between(index):
    table = CountTable.model_validate(run_cli("count", "source", "--kind", "quote", "--by", "date:month", "--json", "--index", index).json())
    assert table.columns == ["2016-01", "2016-02", "2016-03"]
    assert {r.value: r.counts for r in table.rows} == {"nyt": [1, 0, 1], "wsj": [0, 0, 1]}
    assert table.column_totals == [1, 0, 2] and table.total == 4 and table.uncounted == 1  # a4 is undated
    assert any("1 matched document(s) are in no cell (undated)" in n for n in table.notes)


def test_the_same_table_as_csv_and_text(index):
    rows = list(csv.reader(io.StringIO(run_cli("count", "source", "--kind", "quote", "--by", "date:month", "--csv", "--index", index).stdout)))
    assert rows == [["source", "2016-01", "2016-02", "2016-03", "total"], ["nyt", "1", "0", "1", "2"], ["wsj", "0", "0", "1", "1"]]
    text = run_cli("count", "source", "--kind", "quote", "--by", "date:month", "--index", index).stdout
    assert "source × date:month" in text and "2016-02" in text and "\x1b[" not in text


def test_any_two_facets_cross_and_a_facet_alone_is_bars(index):
    table = run_cli("count", "speaker", "--by", "source", "--json", "--index", index).json()
    assert {r["value"]: dict(zip(table["columns"], r["counts"], strict=True)) for r in table["rows"]} == {
        "John Smith": {"nyt": 2, "wsj": 0},
        "Jane Doe": {"nyt": 0, "wsj": 2},
    }
    alone = run_cli("count", "source", "--index", index)
    assert alone.exit_code == 0 and "nyt" in alone.stdout and "█" in alone.stdout


def test_count_refuses_what_it_cannot_count(index):
    assert run_cli("count", "colour", "--index", index).exit_code == 2
    assert run_cli("count", "source", "--by", "source", "--index", index).exit_code == 2
    assert run_cli("count", "source", "nothingatall", "--index", index).exit_code == 1


def test_the_python_api_gives_the_same_table(index):
    from search import Index

    with Index.open(index) as ix:
        table = ix.count("source", kind="quote", by="date:year")
        assert table.columns == ["2016"] and [r.total for r in table.rows] == [2, 1]
        assert table.model_dump(mode="json") | {"took_ms": 0} == ix.count_json("source", kind="quote", by="date:year") | {"took_ms": 0}


def test_query_by_prints_the_cross_tab_in_place_of_the_bars(index):
    result = run_cli("query", "--kind", "quote", "--facet", "source", "--by", "date:month", "--json", "--limit", "0", "--index", index).json()
    assert [t["facet"] for t in result["tables"]] == ["source"] and result["tables"][0]["columns"] == ["2016-01", "2016-02", "2016-03"]
    assert run_cli("query", "--by", "date:month", "--index", index).exit_code == 2  # rows need --facet


def test_sparkline_scales_each_row_to_its_peak():
    assert sparkline([0, 1, 2, 4]) == " ▂▄█"
    assert sparkline([0, 0]) == "  "


def test_periods_run_over_year_ends():
    assert periods("2015-11", "2016-02", "month") == ["2015-11", "2015-12", "2016-01", "2016-02"]
    assert periods("2016-02-28", "2016-03-01", "day") == ["2016-02-28", "2016-02-29", "2016-03-01"]


def test_polnear_outlets_by_month_is_seven_rows_by_every_month(polnear_index):
    """The bar of issue 21, on PolNeAR train + dev."""
    from search import Index

    with Index.open(polnear_index) as ix:
        stats = ix.stats()
    months = periods(stats.first_date.isoformat()[:7], stats.last_date.isoformat()[:7], "month")
    result = run_cli("query", "--kind", "quote", "--facet", "source", "--by", "date:month", "--json", "--index", str(polnear_index)).json()
    table = result["tables"][0]
    assert len(table["rows"]) == 7 and table["columns"] == months and len(months) >= 12
    assert sum(r["total"] for r in table["rows"]) == result["total"]
    text = run_cli("query", "--kind", "quote", "--facet", "source", "--by", "date:month", "--limit", "0", "--index", str(polnear_index)).stdout
    header = next(line for line in text.splitlines() if months[0] in line)
    assert header.split() == [*months, "total"]
