"""A quantity across years from the cited statements: the data of the chart under an answer."""

from __future__ import annotations

from reportqa.answering.series import year_series
from reportqa.core.models import Answer, Chunk, Citation


def _cite(n: int, doc: str, quote: str, year: int | None = None, start: int = 0) -> Citation:
    return Citation(n, doc, "", quote, start, start + len(quote), 1.0, year=year, highlight=quote)


def test_one_statement_with_two_years_is_a_series_in_one_unit():
    cite = _cite(1, "a.txt", "全市研发投入由2015年88.2亿元增加到2018年1.3368万亿元。")
    series = year_series([cite], {})
    assert [(p.year, p.value, p.unit, p.text, p.citation) for p in series] == [
        (2015, 88.2, "亿元", "88.2亿元", 1),
        (2018, 13368.0, "亿元", "1.3368万亿元", 1),
    ]
    as_json = Answer("q", "a", True, [cite], series=series).to_json()["series"]  # what `ask --json` prints
    assert as_json[0] == {
        "year": 2015,
        "value": 88.2,
        "unit": "亿元",
        "text": "88.2亿元",
        "citation": 1,
        "report_year": False,
    }


def test_each_years_report_gives_a_point_labelled_with_its_citation():
    citations = [
        _cite(1, "2021.txt", "全市国家级高新技术企业达到18000家。", year=2021),
        _cite(2, "2020.txt", "全市国家级高新技术企业达到17000家。", year=2020),
        _cite(3, "2020.txt", "2020年新增企业300家。", year=2020, start=50),  # the document's second citation
    ]
    series = year_series(citations, {})
    points = [(p.year, p.value, p.citation, p.report_year) for p in series]
    assert points == [(2020, 17000, 2, True), (2021, 18000, 1, True)]


def test_one_year_targets_and_changes_make_no_series():
    assert year_series([_cite(1, "a.txt", "2019年全市高新技术企业512家。")], {}) == []
    assert year_series([_cite(1, "a.txt", "力争2020年达到650家，2019年为512家。")], {}) == []
    assert year_series([_cite(1, "a.txt", "2018年占比2.63%，比2015年提高0.49个百分点。")], {}) == []
    # two statements of one document are not a series across reports: 研发投入 (2018) and 补助 (2019) differ
    one_doc = [_cite(1, "a.txt", "2018年研发投入133.68亿元。"), _cite(2, "a.txt", "2019年补助1.69亿元。", start=40)]
    assert year_series(one_doc, {}) == []


def test_a_table_row_is_read_as_its_statement_without_its_target_cell():
    row = "高新技术企业数（家）\t380\t512\t2019年度"
    statement = "高新技术企业数（家）：2020年目标数 380；目前完成数 512；备注 2019年度"
    chunk = Chunk("t.txt#0-20", "t.txt", 0, len(row), row, "", is_table_row=True, statement=statement)
    cited = [_cite(1, "t.txt", row), _cite(2, "u.txt", "2015年全市高新技术企业251家。", year=2016)]
    series = year_series(cited, {("t.txt", 0, len(row)): chunk})
    assert [(p.year, p.value, p.citation) for p in series] == [(2015, 251, 2), (2019, 512, 1)]


def test_a_later_citation_of_the_document_joins_when_it_restates_a_figure():
    citations = [
        _cite(1, "a.txt", "全市高新技术企业总量从2011年203家一举跃升至2019年512家。"),
        _cite(2, "a.txt", "全市高新技术企业由2015年的251家增加到512家，增长103.98%。", start=40),
    ]
    series = year_series(citations, {})
    assert [(p.year, p.value, p.citation) for p in series] == [(2011, 203, 1), (2015, 251, 2), (2019, 512, 1)]


def test_the_engine_answers_with_a_series_of_years_also_for_a_comparison_of_two_years(hash_seed_settings):
    from contextlib import closing

    from reportqa.engine import Engine
    from tests.conftest import HashEmbedder

    with closing(Engine.open(hash_seed_settings, HashEmbedder())) as engine:
        every_year = engine.ask("高新技术企业历年有多少家？")
        compared = engine.ask("2015年和2019年高新技术企业哪个多？")
        one_year = engine.ask("2018年研发经费投入总额是多少？")
    known = {2011: 203, 2015: 251, 2019: 512}  # what the seed report states
    for answer, years in ((every_year, {2011, 2019}), (compared, {2015, 2019})):
        assert years <= {p.year for p in answer.series}, answer.answer
        assert all(known[p.year] == p.value and p.unit == "家" for p in answer.series)
        cited = {c.n: c.highlight for c in answer.citations}
        assert all(point.text in cited[point.citation] for point in answer.series)
    assert one_year.found and one_year.series == []
