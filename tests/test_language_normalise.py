"""The one text normalisation: look-alike radicals, compatibility ideographs, full-width forms, spaces."""

from __future__ import annotations

import unicodedata

from reportqa.answering.figures import find_figures
from reportqa.ingest.loaders import load_document
from reportqa.ingest.metadata import infer_meta
from reportqa.ingest.structure import parse_blocks
from reportqa.language.normalise import normalise_text
from reportqa.question.analysis import analyse, normalise_question

# as Chromium's PDFs with the Noto CJK fonts give them: Kangxi radicals and radicals supplement mixed in
PDF_LIKE = "⼀、２０１９年⼯作回顾\n全年城镇新增就业８０万⼈，居⺠⼈均可⽀配收⼊增⻓５．８％。"


def test_radicals_become_the_ideographs_they_look_like():
    assert normalise_text("⼈⺠⼯⼀⽉⽇⻓⻝") == "人民工一月日长食"


def test_every_supplement_radical_maps_to_a_unified_ideograph():
    mapped = {chr(code): normalise_text(chr(code)) for code in range(0x2E80, 0x2F00)}
    changed = {radical: ideograph for radical, ideograph in mapped.items() if ideograph != radical}
    assert len(changed) == 114  # U+2E81..U+2EF3 less U+2E9A (unassigned)
    assert all("CJK UNIFIED IDEOGRAPH" in unicodedata.name(ideograph) for ideograph in changed.values())


def test_simplified_characters_stay_simplified():
    simplified = "长门车贝风飞马鱼鸟龙龟齿"
    assert normalise_text(simplified) == simplified
    assert normalise_text("⻓⻔⻋⻉⻛⻜⻢⻥⻦⻰⻳⻮") == simplified  # the C-SIMPLIFIED radicals
    assert normalise_text("农⼾") == "农户"  # NFKC would give the traditional 戶


def test_compatibility_ideographs_full_width_forms_and_spaces():
    assert normalise_text("\uf900\ufa10") == "\u8c48\u585a"  # CJK COMPATIBILITY IDEOGRAPH -> unified
    assert normalise_text("ＧＤＰ增长６．５％，１／３２") == "GDP增长6.5%，1/32"
    assert normalise_text("第一章\u3000总则\u00a0一") == "第一章 总则 一"


def test_the_wave_dash_becomes_the_full_width_tilde_documents_write():
    assert normalise_text("Ⅰ〜Ⅲ类") == "Ⅰ～Ⅲ类"


def test_chinese_punctuation_is_kept():
    punctuation = "，。、：；？！（）“”‘’《》【】——……～"
    assert normalise_text(punctuation) == punctuation


def test_a_chinese_comma_setting_thousands_is_read_as_part_of_the_number():
    # older reports group digits with "，": the figure is one number; a comma between clauses stays
    assert normalise_text("植树3，250万株，比上年多12，200万株以上") == "植树3,250万株，比上年多12,200万株以上"
    assert normalise_text("分别增长5.5，300家；共7，80个") == "分别增长5.5，300家；共7，80个"
    assert [f.text for f in find_figures(normalise_text("投资1，234，500万元"))] == ["1,234,500万元"]


def test_length_is_kept_so_offsets_still_point_at_the_same_characters():
    assert len(normalise_text(PDF_LIKE)) == len(PDF_LIKE)


def test_questions_are_normalised_the_same_way():
    assert normalise_question("居⺠⼈均可⽀配收⼊增⻓多少？", 100) == "居民人均可支配收入增长多少？"
    assert analyse("２０１９年⼯业增加值是多少？").years == (2019,)


def test_documents_are_normalised_on_load_so_headings_and_dates_are_read(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("政府⼯作报告\n——２０２０年１⽉１５⽇\n" + PDF_LIKE, encoding="utf-8")
    document = load_document(path, tmp_path)
    assert "居民人均可支配收入增长5.8%" in document.text
    headings = [b for b in parse_blocks(document) if b.kind == "heading"]
    assert [h.section for h in headings][-1] == ("一、2019年工作回顾",)
    assert infer_meta(document.doc_id, document.text, None).kind == "政府工作报告"
