"""Loading real files: encodings, .docx, .pdf, broken and unsupported files, corpus scanning."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import docx
import pytest
from pypdf import PdfWriter

from reportqa.core.errors import DocumentError
from reportqa.ingest.loaders import SUPPORTED_SUFFIXES, load_document, scan_corpus
from reportqa.ingest.metadata import META_SIDECAR
from reportqa.ingest.structure import parse_blocks
from tests.pdf_bytes import minimal_pdf

SEED_DIR = Path(__file__).resolve().parent.parent / "corpus"
SHARED = Path("/work/shared/corpora")
SEED = SEED_DIR / "淄博市十三五科技创新规划后评估报告.txt"
CHINESE = "全市高新技术企业由2015年的251家增加到512家，增长103.98%。\n院士工作站52家。\n"


def test_seed_loads_with_id_hash_and_meta():
    document = load_document(SEED, SEED_DIR)
    assert document.doc_id == SEED.name
    assert document.sha256 == hashlib.sha256(SEED.read_bytes()).hexdigest()
    assert "全市高新技术企业由2015年的251家增加到512家" in document.text
    assert "\r" not in document.text
    assert document.meta.place == "淄博市"


def test_doc_id_uses_forward_slashes_relative_to_corpus(tmp_path):
    path = tmp_path / "深圳市" / "2020.md"
    path.parent.mkdir()
    path.write_text("# 政府工作报告\n\n正文。\n", encoding="utf-8")
    document = load_document(path, tmp_path)
    assert document.doc_id == "深圳市/2020.md"
    assert (document.meta.place, document.meta.year) == ("深圳市", 2020)


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8-sig", "utf-8"])
def test_text_encodings_decode(tmp_path, encoding):
    path = tmp_path / f"report-{encoding}.txt"
    path.write_bytes(CHINESE.encode(encoding))
    document = load_document(path, tmp_path)
    assert document.text == CHINESE
    assert not document.text.startswith("\ufeff")


def test_gb18030_only_characters_decode(tmp_path):
    # "𠀀" (U+20000) exists in GB18030 but not in GBK
    text = "淄博市科技局报告：𠀀字与高新技术企业数据。" * 5
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode("gb18030"))
    assert load_document(path, tmp_path).text == text


def test_crlf_and_cr_newlines_are_normalised(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes("第一行\r\n第二行\r第三行\n".encode())
    assert load_document(path, tmp_path).text == "第一行\n第二行\n第三行\n"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "文件为空"),
        ("blank.md", b"  \n\n\t\n", "没有文字"),
        ("broken.docx", os.urandom(2048), ".docx"),
        ("broken.pdf", b"%PDF-1.4\n" + os.urandom(1024), "PDF"),
        ("notpdf.pdf", b"hello, not a pdf at all", "PDF"),
        ("table.xlsx", b"PK\x03\x04 not really a workbook", "不支持"),
        ("binary.txt", b"\x00\x01\x02\x03" * 100, "二进制"),
    ],
)
def test_bad_files_raise_document_error_naming_the_file(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DocumentError) as info:
        load_document(path, tmp_path)
    assert info.value.path == str(path)
    assert name in str(info.value)
    assert reason in info.value.reason


def test_zip_that_is_not_a_docx_is_rejected(tmp_path):
    import zipfile

    path = tmp_path / "fake.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a word document")
    with pytest.raises(DocumentError, match=r"fake\.docx"):
        load_document(path, tmp_path)


def test_size_cap(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("高新技术企业" * 1000, encoding="utf-8")
    with pytest.raises(DocumentError, match="文件过大"):
        load_document(path, tmp_path, max_bytes=1000)
    assert load_document(path, tmp_path, max_bytes=10**6).text.startswith("高新技术企业")


def test_file_outside_corpus_is_refused(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    path = tmp_path / "elsewhere.txt"
    path.write_text("正文。", encoding="utf-8")
    with pytest.raises(DocumentError, match=r"elsewhere\.txt"):
        load_document(path, corpus)


def _make_docx(path: Path) -> None:
    document = docx.Document()
    document.add_heading("淄博市科技创新报告", level=1)
    document.add_heading("一、主要指标完成情况", level=2)
    document.add_paragraph("全市高新技术企业数量持续增长。")
    table = document.add_table(rows=3, cols=3)
    values_by_row = [
        ("指标", "目标数", "完成数"),
        ("高新技术企业数（家）", "380", "512"),
        ("院士工作站（家）", "85", "52"),
    ]
    for row, values in zip(table.rows, values_by_row, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_paragraph("从表中可以看出，大部分指标已经完成。")
    document.save(path)


def test_docx_paragraphs_headings_and_tables_in_order(tmp_path):
    path = tmp_path / "report.docx"
    _make_docx(path)
    document = load_document(path, tmp_path)
    lines = [line for line in document.text.split("\n") if line.strip()]
    assert lines[0] == "# 淄博市科技创新报告"
    assert lines[1] == "## 一、主要指标完成情况"
    assert lines[3] == "指标\t目标数\t完成数"
    assert lines[4] == "高新技术企业数（家）\t380\t512"
    assert lines[-1] == "从表中可以看出，大部分指标已经完成。"

    blocks = parse_blocks(document)
    rows = [b for b in blocks if b.kind == "table_row"]
    assert [r.statement for r in rows] == [
        "高新技术企业数（家）：目标数 380；完成数 512",
        "院士工作站（家）：目标数 85；完成数 52",
    ]
    assert all(r.section == ("淄博市科技创新报告", "一、主要指标完成情况") for r in rows)
    assert all(r.text == document.text[r.start : r.end] for r in blocks)


def test_pdf_with_text_layer_loads(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(
        minimal_pdf(
            [
                b"BT /F1 12 Tf 72 720 Td (High-tech enterprises: 512) Tj ET",
                b"BT /F1 12 Tf 72 720 Td (Academician workstations: 52) Tj ET",
            ]
        )
    )
    text = load_document(path, tmp_path).text
    assert "High-tech enterprises: 512" in text
    assert text.index("512") < text.index("Academician workstations: 52")


def test_pdf_without_text_layer_needs_ocr(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(minimal_pdf([b"0 0 1 rg 72 72 200 200 re f"]))  # a filled square, no text
    with pytest.raises(DocumentError, match="OCR") as info:
        load_document(path, tmp_path)
    assert "scan.pdf" in str(info.value)


def _encrypted(pdf: bytes, *, user_password: str, owner_password: str) -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_aes_pdf_with_only_an_owner_password_loads(tmp_path):
    """Such a PDF opens without a password; reading its AES-encrypted text needs the cryptography package."""
    path = tmp_path / "protected.pdf"
    plain = minimal_pdf([b"BT /F1 12 Tf 72 720 Td (High-tech enterprises: 512) Tj ET"])
    path.write_bytes(_encrypted(plain, user_password="", owner_password="owner-secret"))
    assert b"High-tech" not in path.read_bytes()  # the text really is encrypted
    assert "High-tech enterprises: 512" in load_document(path, tmp_path).text


def test_pdf_that_needs_a_password_is_named(tmp_path):
    path = tmp_path / "locked.pdf"
    plain = minimal_pdf([b"BT /F1 12 Tf 72 720 Td (High-tech enterprises: 512) Tj ET"])
    path.write_bytes(_encrypted(plain, user_password="reader-secret", owner_password="owner-secret"))
    with pytest.raises(DocumentError, match="PDF 已加密") as info:
        load_document(path, tmp_path)
    assert info.value.path.endswith("locked.pdf")


def test_scan_corpus_lists_supported_and_reports_the_rest(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    skipped = [".hidden/e.txt", ".f.md", META_SIDECAR, "sub/SOURCE.md"]
    for name in ["b.md", "a.txt", "sub/c.docx", "sub/deeper/d.pdf", *skipped]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "sub" / "table.xlsx").write_bytes(b"PK")
    files, unsupported = scan_corpus(tmp_path)
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["a.txt", "b.md", "sub/c.docx", "sub/deeper/d.pdf"]
    assert [Path(e.path).name for e in unsupported] == ["table.xlsx"]
    assert "不支持" in unsupported[0].reason
    assert {".txt", ".md", ".docx", ".pdf"} == set(SUPPORTED_SUFFIXES)


def test_scan_corpus_missing_folder(tmp_path):
    with pytest.raises(DocumentError, match="nowhere"):
        scan_corpus(tmp_path / "nowhere")


def test_links_are_skipped_and_named_whatever_they_point_to(tmp_path):
    corpus, outside = tmp_path / "corpus", tmp_path / "outside"
    (corpus / "sub").mkdir(parents=True)
    (outside / "folder").mkdir(parents=True)
    (outside / "secret.txt").write_text("不属于语料的文件。", encoding="utf-8")
    (corpus / "sub" / "report.txt").write_text("正文。", encoding="utf-8")
    links = {
        "to_outside.txt": outside / "secret.txt",
        "to_outside_folder": outside / "folder",
        "to_inside.txt": corpus / "sub" / "report.txt",
        "broken.txt": corpus / "gone.txt",
        "loop.txt": corpus / "loop.txt",
    }
    for name, target in links.items():
        (corpus / name).symlink_to(target)
    files, skipped = scan_corpus(corpus)
    assert [f.relative_to(corpus).as_posix() for f in files] == ["sub/report.txt"]
    reasons = {Path(e.path).name: e.reason for e in skipped}
    assert set(reasons) == set(links)
    assert "语料目录之外" in reasons["to_outside.txt"] and "语料目录之外" in reasons["to_outside_folder"]
    assert "sub/report.txt" in reasons["to_inside.txt"]
    assert "不存在" in reasons["broken.txt"] and "循环" in reasons["loop.txt"]


def test_file_name_that_is_not_utf8_is_skipped_and_named_printably(tmp_path):
    gbk_name = os.fsdecode("报告.txt".encode("gbk"))  # as unpacked from an archive made on a Chinese Windows
    (tmp_path / gbk_name).write_text("正文。", encoding="utf-8")
    files, skipped = scan_corpus(tmp_path)
    assert files == [] and len(skipped) == 1
    assert "UTF-8" in skipped[0].reason
    assert skipped[0].path.encode("utf-8")  # printable: no lone surrogates left
    assert Path(skipped[0].path).name == "????.txt"


def test_docx_title_and_subtitle_stay_apart_and_note_markers_stay_out(tmp_path):
    document = docx.Document()
    document.add_paragraph("中华人民共和国2020年国民经济和社会发展统计公报", style="Title")
    document.add_paragraph("国家统计局", style="Subtitle")
    document.add_heading("一、综合", level=2).add_run("2").font.superscript = True
    body = document.add_paragraph("全年国内生产总值")
    body.add_run("3").font.superscript = True
    body.add_run("1015986亿元。")
    document.save(tmp_path / "communique.docx")

    loaded = load_document(tmp_path / "communique.docx", tmp_path)
    assert loaded.meta.title == "中华人民共和国2020年国民经济和社会发展统计公报"
    assert "全年国内生产总值1015986亿元。" in loaded.text
    assert parse_blocks(loaded)[-1].section == ("一、综合",)


def test_a_hard_wrapped_file_is_read_as_whole_paragraphs(tmp_path: Path) -> None:
    # a plan typed at a width of 24 characters: its sentences break where a line ran full
    paragraph = "全县工农业总产值计划平均每年递增6%，在执行中争取达到7%。新建乡村道路120公里，其中硬化路面\n"
    lines = ["## 一、主要指标"]
    for _ in range(6):
        lines += [paragraph[i : i + 24] for i in range(0, len(paragraph) - 1, 24)]
    lines += ["80公里以上。", "", "## 二、主要措施", "加强农田水利建设。"]
    path = tmp_path / "规划.md"
    path.write_text("---\ntitle: 某县第八个五年计划纲要\n---\n" + "\n".join(lines) + "\n", encoding="utf-8")
    document = load_document(path, tmp_path)
    assert document.meta.title == "某县第八个五年计划纲要"  # its front matter is no paragraph to rejoin
    blocks = parse_blocks(document)
    texts = [block.text for block in blocks if block.kind == "paragraph"]
    assert texts[-2].endswith("新建乡村道路120公里，其中硬化路面80公里以上。")
    assert texts[-1] == "加强农田水利建设。"
    assert [block.section[-1] for block in blocks if block.kind == "paragraph"][-1] == "二、主要措施"


def test_a_file_of_whole_line_paragraphs_is_read_as_written(tmp_path: Path) -> None:
    # each paragraph a line of its own length; one that ends without a mark, and a short title line
    said = [f"全县新建乡村道路{n}公里，其中硬化路面{n // 2}公里。" * (1 + n % 4) for n in range(100, 112)]
    text = "## 一、回顾\n" + "\n".join(said) + "\n全县地区生产总值增长6%，新增就业1.2万人，城镇化率提高到55%\n"
    text += "## 二、安排\n农田水利\n加强农田水利建设。\n"
    path = tmp_path / "报告.md"
    path.write_text(text, encoding="utf-8")
    assert load_document(path, tmp_path).text == text


@pytest.mark.skipif(not (SHARED / "cn_national_gov_docs").exists(), reason="shared corpora not mounted")
def test_a_hard_wrapped_plan_of_the_corpora_reads_its_sentences_whole() -> None:
    path = SHARED / "cn_national_gov_docs" / "five_year_plans" / "1981-六五计划摘要.md"
    texts = [block.text for block in parse_blocks(load_document(path, SHARED))]
    assert "一、工农业生产，在提高经济效益的前提下，计划平均每年递增 4%，在执行中争取达到 5%。" in texts
