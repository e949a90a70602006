"""Source files -> decoded :class:`Document` objects (.txt, .md, .docx, .pdf).

    document = load_document(Path("corpus/报告.txt"), Path("corpus"))
    document.doc_id   # "报告.txt"

Every failure raises :class:`DocumentError` naming the file and saying what is wrong.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import zipfile
from collections.abc import Mapping
from pathlib import Path

from charset_normalizer import from_bytes

from reportqa.core.errors import DocumentError, has_bytes_not_utf8, printable
from reportqa.core.models import Document
from reportqa.ingest.metadata import META_SIDECAR, infer_meta
from reportqa.ingest.wrapping import unwrap_hard_wrapped
from reportqa.language.normalise import normalise_text, without_bold_markers

TEXT_SUFFIXES = frozenset({".txt", ".md"})
SUPPORTED_SUFFIXES = frozenset({".txt", ".md", ".docx", ".pdf"})
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# above this a build names the file: ~2 million characters, ~15,000 passages, hours of embedding on a small CPU
LARGE_FILE_BYTES = 5 * 1024 * 1024
# notes about a corpus folder (provenance, licence), not documents to answer from
CORPUS_NOTES = frozenset({"source.md", "readme.md", "readme.txt"})

_CHINESE_ENCODINGS = ("gb18030", "gbk", "gb2312", "hz", "big5", "big5hkscs", "cp950", "cp936")
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_NOT_DOCX = "不是有效的 Word（.docx）文件，可能已损坏"
_NOT_PDF = "不是有效的 PDF 文件，可能已损坏"
_NOTE_MARKER = re.compile(r"^(?:[\[(（]?\d{1,3}[\])）]?|[*†‡①-⑳])$")


def bold_is_markup(doc_id: str) -> bool:
    """ "**" in the document's text marks bold (Markdown's, and what Word and PDF bold paragraphs become
    here), not characters a plain text file holds."""
    return Path(doc_id).suffix.lower() != ".txt"


def as_read(doc_id: str, text: str) -> str:
    """`text` of the document as its reader sees it: without its bold markers where they are markup."""
    return without_bold_markers(text) if bold_is_markup(doc_id) else text


def load_document(
    path: Path,
    corpus_dir: Path,
    meta_overrides: Mapping[str, dict] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Read and decode ``path``; its doc_id is the path relative to ``corpus_dir`` with forward slashes.

    ``meta_overrides`` maps doc_id -> {title, place, year, kind} (see ``load_meta_overrides``) and
    wins over what is inferred from the path and text. Files larger than ``max_bytes`` are refused.
    """
    path = Path(path)
    doc_id = _doc_id(path, Path(corpus_dir))
    return document_from_bytes(path, doc_id, read_bytes(path, max_bytes), meta_overrides)


def document_from_bytes(
    path: Path, doc_id: str, data: bytes, meta_overrides: Mapping[str, dict] | None = None
) -> Document:
    """The document these bytes hold, as if read from ``path`` (which names it and gives its type).

    An upload is checked with this before it is saved, so what is refused at upload is exactly what a
    build would skip.
    """
    if not data:
        raise DocumentError(str(path), "文件为空", "the file is empty")
    text = decode(path, data)
    if not text.strip():
        raise DocumentError(str(path), "文件没有文字内容", "the file has no text")
    overrides = (meta_overrides or {}).get(doc_id)
    return Document(
        doc_id=doc_id,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        meta=infer_meta(doc_id, text, overrides),
    )


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes; DocumentError if it is missing, empty, larger than ``max_bytes`` or unsupported."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(str(path), f"不支持的文件类型 {suffix or '(无扩展名)'}；支持 {_supported()}")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DocumentError(str(path), "无法读取文件", f"cannot read the file: {exc.strerror or exc}") from exc
    if size > max_bytes:
        raise DocumentError(
            str(path), f"文件过大：{size / 1024 / 1024:.1f} MB，超过上限 {max_bytes / 1024 / 1024:.0f} MB"
        )
    if size == 0:
        raise DocumentError(str(path), "文件为空", "the file is empty")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DocumentError(str(path), "无法读取文件", f"cannot read the file: {exc.strerror or exc}") from exc


def decode(path: Path, data: bytes) -> str:
    """Decode the bytes of a file of a supported type into normalised text (``normalise_text``) with "\\n"
    newlines: every format reads the same characters as the questions do."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        text = unwrap_hard_wrapped(normalize_newlines(decode_text(path, data)))
    elif suffix == ".docx":
        text = docx_text(path, data)
    elif suffix == ".pdf":
        text = pdf_text(path, data)
    else:
        raise DocumentError(str(path), f"不支持的文件类型 {suffix}；支持 {_supported()}")
    return normalise_text(normalize_newlines(text))


def normalize_newlines(text: str) -> str:
    """ "\\r\\n" and lone "\\r" become "\\n"; a leading byte-order mark is dropped."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def decode_text(path: Path, data: bytes) -> str:
    """Decode plain text: UTF-8 (with or without BOM), else the encoding charset-normalizer detects,
    preferring Chinese encodings (GB18030 stands in for GBK/GB2312, of which it is a superset)."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DocumentError(str(path), "看起来是二进制文件而不是文本", "looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    guesses = [m.encoding for m in from_bytes(data)]
    chinese = [g for g in guesses if g.lower().replace("_", "") in _CHINESE_ENCODINGS]
    candidates = [("gb18030" if g.lower() in ("gbk", "gb2312", "cp936") else g) for g in chinese]
    candidates += ["gb18030", *guesses]
    for encoding in dict.fromkeys(candidates):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise DocumentError(str(path), "无法识别文件编码，请另存为统一码（UTF-8）文本", "cannot detect the text encoding")


def docx_text(path: Path, data: bytes) -> str:
    """Paragraphs and tables of a .docx in document order, separated by blank lines as in markdown.

    Paragraphs in a heading style ("Heading 1", "标题 2") become markdown headings ("# …", "## …") so
    the structure parser sees the author's outline; the Title and Subtitle paragraphs stay lines of
    their own (the title opens the document, it is no section). A paragraph all in bold is marked
    "**…**". Footnote and endnote markers typed as superscripts are left out. Each table row becomes
    one line with its cells joined by "\\t" (merged cells once, newlines inside a cell turned into
    spaces).
    """
    import docx
    from docx.table import Table

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise DocumentError(str(path), _NOT_DOCX, "not a valid .docx (zip) file")
    try:
        document = docx.Document(io.BytesIO(data))
        blocks: list[str] = []
        for item in document.iter_inner_content():
            block = "\n".join(_table_lines(item)) if isinstance(item, Table) else _paragraph_line(item)
            if block.strip():
                blocks.append(block)
    except DocumentError:
        raise
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors on broken packages
        raise DocumentError(str(path), _NOT_DOCX, f"not a valid .docx file: {exc}") from exc
    return "\n\n".join(blocks)


def _paragraph_line(paragraph) -> str:
    pieces = [piece for piece in paragraph.iter_inner_content() if not _is_note_marker(piece)]
    text = " ".join("".join(piece.text for piece in pieces).replace("\v", "\n").split("\n")).strip()
    if not text:
        return ""
    style = paragraph.style.name if paragraph.style is not None else ""
    match = _HEADING_STYLE.match(style or "")
    if match:
        return "#" * max(1, min(6, int(match.group(1)))) + " " + text
    if all(getattr(piece, "bold", None) for piece in pieces if piece.text.strip()):
        return f"**{text}**"
    return text


def _is_note_marker(piece) -> bool:
    """A footnote or endnote marker typed as a superscript ("¹", "[2]", "*"): it would run into a figure."""
    font = getattr(piece, "font", None)
    return bool(font is not None and font.superscript and _NOTE_MARKER.match(piece.text.strip()))


def _table_lines(table) -> list[str]:
    lines = []
    for row in table.rows:
        seen: set[int] = set()
        cells = []
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.replace("\t", " ").split()))
        if any(cells):
            lines.append("\t".join(cells))
    return lines


def pdf_text(path: Path, data: bytes) -> str:
    """The text of a PDF laid out as paragraphs, headings and tables (``ingest/pdf_layout.py``), running
    headers, footers and page numbers left out. No text layer -> DocumentError (needs OCR)."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    from reportqa.ingest.pdf_layout import pdf_layout_text, read_page

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise DocumentError(str(path), _NOT_PDF, "not a valid PDF file")
    # pdfminer logs a warning for every font without a bounding box, which Chromium's PDFs all have
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [read_page(page) for page in pdf.pages]
    except PdfminerException as exc:  # pdfplumber wraps what pdfminer raised
        if exc.args and isinstance(exc.args[0], PDFPasswordIncorrect):
            raise DocumentError(str(path), "PDF 已加密，无法读取", "the PDF is password-protected") from exc
        raise DocumentError(str(path), _NOT_PDF, f"not a valid PDF file: {exc}") from exc
    except Exception as exc:  # pdfminer raises PSEOF, PDFSyntaxError, ValueError, KeyError… on broken files
        raise DocumentError(str(path), _NOT_PDF, f"not a valid PDF file: {exc}") from exc
    text = pdf_layout_text(pages)
    if not text.strip():
        raise DocumentError(
            str(path), "PDF 文件没有文字层（可能是扫描件），需要先做文字识别", "no text layer: needs OCR"
        )
    return text


def scan_corpus(corpus_dir: Path) -> tuple[list[Path], list[DocumentError]]:
    """Supported files under ``corpus_dir`` (recursive, sorted) and a DocumentError for each file skipped.

    Hidden files and folders (name starting with "."), the metadata sidecar and notes about the
    corpus itself (SOURCE.md, README.md, README.txt) are passed over in silence. Skipped and named:
    unsupported types, names that are not UTF-8 (nothing downstream could store or show them), and
    links, which are not followed: a document is indexed once, under its own path, and nothing
    outside the corpus folder is read.
    """
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise DocumentError(str(corpus_dir), "语料目录不存在", "the corpus folder does not exist")
    found: list[Path] = []
    skipped: list[DocumentError] = []
    for path in sorted(corpus_dir.rglob("*")):
        relative = path.relative_to(corpus_dir)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_symlink():
            skipped.append(DocumentError(str(path), *_link_reason(path, corpus_dir)))
            continue
        if not path.is_file() or relative.as_posix() == META_SIDECAR or path.name.lower() in CORPUS_NOTES:
            continue
        if has_bytes_not_utf8(relative.as_posix()):
            skipped.append(DocumentError(printable(str(path)), "文件名不是 UTF-8 编码，已跳过；请重命名", "not UTF-8"))
        elif path.suffix.lower() in SUPPORTED_SUFFIXES:
            found.append(path)
        else:
            skipped.append(
                DocumentError(str(path), f"不支持的文件类型 {path.suffix or '(无扩展名)'}，已跳过；支持 {_supported()}")
            )
    return found, skipped


def _link_reason(link: Path, corpus_dir: Path) -> tuple[str, str]:
    """Why a link is skipped: (reason, detail) for DocumentError."""
    try:
        target = link.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return "链接无法解析（循环链接），已跳过", "a link loop"
    root = corpus_dir.resolve()
    if not target.is_relative_to(root):
        return "是指向语料目录之外的链接，已跳过", "a link to outside the corpus folder"
    if not target.exists():
        return "链接指向的文件不存在，已跳过", "a broken link"
    inside = target.relative_to(root).as_posix()
    return f"是指向 {inside} 的链接，已跳过；文档按其本身的路径索引", "links are not followed"


def _doc_id(path: Path, corpus_dir: Path) -> str:
    try:
        return path.resolve().relative_to(corpus_dir.resolve()).as_posix()
    except ValueError as exc:
        raise DocumentError(
            str(path), f"文件不在语料目录 {corpus_dir.name} 之内", "not inside the corpus folder"
        ) from exc


def _supported() -> str:
    return ", ".join(sorted(SUPPORTED_SUFFIXES))
