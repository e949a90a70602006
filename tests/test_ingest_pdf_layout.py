"""PDF layout on small inputs: wrapped lines joined, paragraph breaks kept, page furniture dropped,
headings by size, tables continued over a page break (no Chromium needed)."""

from __future__ import annotations

from reportqa.ingest.loaders import load_document
from reportqa.ingest.pdf_layout import Line, Page, TableBlock, pdf_layout_text
from tests.pdf_bytes import minimal_pdf

SIZE = 12.0
LEFT, RIGHT = 72.0, 540.0  # the body text's margins; a character is 12 points wide


def _line(text: str, top: float, *, indent: float = 0, end: float = RIGHT, size: float = SIZE, bold=False) -> Line:
    return Line(text, LEFT + indent * size, end, top, top + size, size, bold)


def _page(*lines: Line, tables: tuple[TableBlock, ...] = ()) -> Page:
    return Page(612, 792, list(lines), list(tables))


def test_a_line_break_inside_a_sentence_is_not_a_paragraph_break():
    page = _page(
        _line("全年城镇新增就业80万", 100, indent=2),
        _line("人，城镇调查失业率控制在5.5%左右。", 118, end=300),
        _line("新增高新技术企业3000家。", 136, indent=2, end=330),
    )
    assert (
        pdf_layout_text([page]) == "全年城镇新增就业80万人，城镇调查失业率控制在5.5%左右。\n\n新增高新技术企业3000家。"
    )


def test_a_figure_moved_whole_to_the_next_line_leaves_a_short_line_that_goes_on():
    # line breaking kept "-5.6%" together, so the line above ends two characters short of the margin
    page = _page(_line("经济增速由一季度", 100, end=RIGHT - 2 * SIZE), _line("的-5.6%快速回升。", 118, end=260))
    assert pdf_layout_text([page]) == "经济增速由一季度的-5.6%快速回升。"


def test_paragraphs_end_at_a_sentence_short_of_the_margin_even_without_an_indent():
    page = _page(_line("第一段到此结束。", 100, end=RIGHT - 3 * SIZE), _line("第二段从这里开始", 118))
    assert pdf_layout_text([page]) == "第一段到此结束。\n\n第二段从这里开始"


def test_a_paragraph_goes_on_across_a_page_break_and_furniture_is_dropped():
    pages = [
        _page(
            _line("12/2/26, 4:19 AM 政府工作报告", 16, size=8),
            _line("高新技术企", 700, indent=2),
            _line("file:///tmp/report.html 1/2", 769, size=8),
        ),
        _page(
            _line("12/2/26, 4:19 AM 政府工作报告", 16, size=8),
            _line("业4700家。", 40, end=200),
            _line("- 2 -", 760, indent=18, end=310),
            _line("file:///tmp/report.html 2/2", 769, size=8),
        ),
    ]
    assert pdf_layout_text(pages) == "高新技术企业4700家。"


def test_a_lone_page_number_is_furniture_but_a_figure_line_in_the_body_is_not():
    page = _page(_line("512", 300, end=110), _line("3", 770, indent=19, end=310))
    assert pdf_layout_text([page]) == "512"


def test_headings_by_size_and_bold_paragraphs_marked():
    page = _page(
        _line("统计公报", 60, size=24, end=200),
        _line("一、综合", 100, size=18, end=150),
        _line("表1 居民消费价格", 130, end=250, bold=True),
        _line("全年居民消费价格上涨2.5%。", 150, indent=2, end=400),
    )
    assert pdf_layout_text([page]).split("\n\n") == [
        "# 统计公报",
        "## 一、综合",
        "**表1 居民消费价格**",
        "全年居民消费价格上涨2.5%。",
    ]


def test_a_table_continued_on_the_next_page_keeps_one_header():
    header = ["产品名称", "单位", "产量"]
    pages = [
        _page(
            _line("表2 主要工业产品产量", 600, end=300), tables=(TableBlock(620, [header, ["纱", "万吨", "2618.3"]]),)
        ),
        _page(tables=(TableBlock(40, [header, ["布", "亿米", "460.3"]]),)),
    ]
    assert pdf_layout_text(pages) == "表2 主要工业产品产量\n\n产品名称\t单位\t产量\n纱\t万吨\t2618.3\n布\t亿米\t460.3"


def test_a_real_pdf_loses_its_page_numbers_and_keeps_its_lines(tmp_path):
    def page(number: int, *lines: bytes) -> bytes:
        body = b" 0 -18 Td ".join(b"(" + line + b") Tj" for line in lines)
        footer = f"BT /F1 10 Tf 290 30 Td (- {number} -) Tj ET".encode()
        return b"BT /F1 12 Tf 72 720 Td " + body + b" ET " + footer

    path = tmp_path / "report.pdf"
    first = page(1, b"High-tech enterprises grew in every year from 2011", b"to 2019, reaching 512.")
    second = page(2, b"Academician workstations: 52.")
    path.write_bytes(minimal_pdf([first, second]))
    text = load_document(path, tmp_path).text
    assert (
        text
        == "High-tech enterprises grew in every year from 2011 to 2019, reaching 512.\n\nAcademician workstations: 52."
    )


def test_a_gap_wider_than_the_line_spacing_starts_a_paragraph():
    page = _page(_line("一行写满", 100), _line("又一行写满", 118), _line("新段落不缩进", 150), _line("接着写", 168))
    assert pdf_layout_text([page]) == "一行写满又一行写满\n\n新段落不缩进接着写"
