"""Numbering of headings and points, described once for ingest, the outline and answering."""

from __future__ import annotations

import pytest

from reportqa.language.numbering import HEADING_MARKERS, POINT_OPENING, strip_numbering


@pytest.mark.parametrize(
    ("title", "item"),
    [
        ("第二篇 实施创新驱动发展战略", "实施创新驱动发展战略"),
        ("第一章总则", "总则"),  # no space: not a heading line, still its numbering
        ("第一部分 总体要求", "总体要求"),
        ("第十二条 申报单位应当具备下列条件", "申报单位应当具备下列条件"),
        ("第五，坚持系统观念", "坚持系统观念"),
        ("三、主要任务", "主要任务"),
        ("（二）多措并举扩就业", "多措并举扩就业"),
        ("( 3 ) 完善人才评价", "完善人才评价"),
        ("4.建设孵化载体", "建设孵化载体"),
        ("②数字经济", "数字经济"),
        ("十三五规划回顾", "十三五规划回顾"),  # a plan's name is not a numbering
        ("2020年工作安排", "2020年工作安排"),
        ("3.5万人次的接待能力", "3.5万人次的接待能力"),
    ],
)
def test_strip_numbering_names_the_item(title: str, item: str) -> None:
    assert strip_numbering(title) == item


@pytest.mark.parametrize(
    ("text", "opens_a_point"),
    [
        ("二是创新载体偏少，布局不均衡。", True),
        ("（三）服务体系实效性需要强化。", True),
        ("2、产学研结合不够紧密", True),
        ("3.5万家企业完成改造。", False),
        ("是年，全市新增企业3家。", False),
    ],
)
def test_point_opening(text: str, opens_a_point: bool) -> None:
    assert bool(POINT_OPENING.match(text)) is opens_a_point


def test_heading_styles_in_the_order_ingest_tries_them() -> None:
    styles = dict(HEADING_MARKERS)
    assert list(styles)[:4] == ["case", "pian", "zhang", "jie"]
    assert styles["cn"].match("十、保障措施") and not styles["cn"].match("十三五规划")
    assert styles["jie"].match("第三节 推进科技成果转化") and not styles["jie"].match("第三节推进")
