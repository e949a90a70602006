"""Title, place, year and kind inferred from paths and text; the metadata sidecar."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportqa.core.errors import DocumentError
from reportqa.ingest.loaders import load_document
from reportqa.ingest.metadata import META_SIDECAR, infer_meta, load_meta_overrides
from reportqa.language.places import places_in

SEED = Path(__file__).resolve().parent.parent / "corpus" / "淄博市十三五科技创新规划后评估报告.txt"


def test_seed_meta():
    meta = infer_meta(SEED.name, SEED.read_text("utf-8"), None)
    assert meta.title == "《淄博市“十三五”科技创新规划》后评估报告"
    assert meta.place == "淄博市"
    assert meta.year == 2020  # the signature date "2020年8月10日"
    assert meta.kind == "评估报告"


@pytest.mark.parametrize(
    ("doc_id", "text", "expected"),
    [
        (
            "cn_city_work_reports/深圳市/2020.md",
            "---\ntitle: 政府工作报告\n---\n\n各位代表：\n",
            ("政府工作报告", "深圳市", 2020, "政府工作报告"),
        ),
        (
            "cn_provincial_work_reports/广东/2021.md",
            "# 政府工作报告\n",
            ("政府工作报告", "广东省", 2021, "政府工作报告"),
        ),
        (
            "national_work_reports/2019.md",
            "---\ntitle: 政府工作报告\n---\n\n——2019年3月5日在第十三届全国人民代表大会第二次会议上\n"
            "\n国务院总理 李克强\n",
            ("政府工作报告", "全国", 2019, "政府工作报告"),
        ),
        (
            "nbs/2023.md",
            "---\ntitle: 中华人民共和国2023年国民经济和社会发展统计公报\n---\n",
            ("中华人民共和国2023年国民经济和社会发展统计公报", "全国", 2023, "统计公报"),
        ),
        (
            "plans/2016-十三五规划纲要.md",
            "**中华人民共和国国民经济和社会发展第十三个五年规划纲要**\n",
            ("中华人民共和国国民经济和社会发展第十三个五年规划纲要", "全国", 2016, "规划纲要"),
        ),
        (
            "reports/plan.txt",
            "青岛市科技创新实施方案\n\n正文。\n\n2021年3月2日\n",
            ("青岛市科技创新实施方案", "青岛市", 2021, "方案"),
        ),
        (
            # the start names a place in passing (大庆 of "大庆之年"); the report's own is named again
            "uploads/report.md",
            "# 政府工作报告\n\n过去一年是国庆70周年的大庆之年，也是赣州加快发展的一年。\n\n赣州地区生产总值增长8%。\n",
            ("政府工作报告", "赣州市", None, "政府工作报告"),
        ),
        ("misc/notes.txt", "一些没有线索的文字。\n", ("一些没有线索的文字。", "", None, "")),
    ],
)
def test_inferred_meta(doc_id, text, expected):
    meta = infer_meta(doc_id, text, None)
    assert (meta.title, meta.place, meta.year, meta.kind) == expected


def test_overrides_win():
    meta = infer_meta("a/深圳市/2020.md", "# 政府工作报告\n", {"title": "深圳市2020年政府工作报告", "year": "2021"})
    assert (meta.title, meta.place, meta.year) == ("深圳市2020年政府工作报告", "深圳市", 2021)


def test_sidecar_overrides_loaded_documents(tmp_path):
    (tmp_path / "r.txt").write_text("某报告\n\n正文。\n", encoding="utf-8")
    (tmp_path / META_SIDECAR).write_text(
        "r.txt:\n  title: 淄博市科技报告\n  place: 淄博市\n  year: 2020\n  kind: 评估报告\n", encoding="utf-8"
    )
    overrides = load_meta_overrides(tmp_path)
    meta = load_document(tmp_path / "r.txt", tmp_path, overrides).meta
    assert (meta.title, meta.place, meta.year, meta.kind) == ("淄博市科技报告", "淄博市", 2020, "评估报告")


def test_missing_sidecar_is_empty(tmp_path):
    assert load_meta_overrides(tmp_path) == {}


@pytest.mark.parametrize(
    "content",
    [
        "r.txt: [unclosed\n",
        "- just\n- a list\n",
        "r.txt: 淄博\n",
        "r.txt:\n  author: 某人\n",
        "r.txt:\n  year: 二〇二〇\n",
    ],
)
def test_bad_sidecar_names_the_file(tmp_path, content):
    (tmp_path / META_SIDECAR).write_text(content, encoding="utf-8")
    with pytest.raises(DocumentError) as info:
        load_meta_overrides(tmp_path)
    assert info.value.path == str(tmp_path / META_SIDECAR)


def test_a_place_name_inside_a_word_is_no_place() -> None:
    assert places_in("先后出台了一系列“真金白银”的政策") == ()
    assert places_in("深圳市2020年政府工作报告") == ("深圳市",)


def test_a_place_name_ending_inside_the_next_word_is_no_place() -> None:
    # 和县 is a county: "城市和县城" is 城市 | 和 | 县城, "全省和县区" 全省 | 和 | 县区
    assert places_in("对城市和县城的污水集中处理率分别提出了什么目标") == ()
    assert places_in("全省和县区两级财政") == ()
    assert places_in("和县2020年政府工作报告") == ("和县",)
    # a shorter name that ends where its word does: 郑州 | 市区
    assert places_in("郑州市区常住人口") == ("郑州市",)
    assert places_in("北京市民人均可支配收入") == ("北京市",)


def test_front_matter_closed_by_more_dashes_gives_the_title() -> None:
    # a closing "----" ends the YAML: read on to the rule further down, it would swallow the
    # document's opening, fail to parse, and leave the title to a sentence of the text
    text = (
        "---\nsource: http://example.org\ntitle: 某某市第九个五年规划纲要\n----\n\n"
        "**某某市第九个五年规划纲要**\n\n某某市第九个五年规划纲要，根据有关建议编制，是全市的行动纲领。\n\n"
        "---\n\n第一章 发展环境\n"
    )
    meta = infer_meta("plans/1996-九五.md", text, None)
    assert (meta.title, meta.kind) == ("某某市第九个五年规划纲要", "规划纲要")


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("某某市第十个五年规划和2030年远景目标纲要", "规划纲要"),  # a plan's outline, with a further aim
        ("某某市第九个五年计划纲要", "规划纲要"),
        ("某某市第七个五年计划（摘要）", "规划纲要"),  # a five-year plan, whatever its title calls it
        ("某某市2031年国民经济和社会发展计划", "计划"),  # a year's plan is none
        ("某某市交通发展规划", "规划"),
        ("某某市规划局工作纲要", "规划"),  # no plan's outline: a bureau's
    ],
)
def test_kind_of_a_plan_outline(title: str, kind: str) -> None:
    assert infer_meta("plans/doc.md", f"# {title}\n\n正文。\n", None).kind == kind
