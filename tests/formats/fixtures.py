"""The same real reports as .md, .docx and .pdf, written at test time the way an office writes them.

    corpora = write_format_corpora(Path(tmp))   # {"md": tmp/md, "docx": tmp/docx, "pdf": tmp/pdf}

Three documents of the many-documents eval corpus (a copy of ../shared/corpora): an NBS communiqué with
tables, a city and a provincial government work report. File names carry neither place nor year, so
what a document is must be read from its text in every format.

- .md: the source markdown without its YAML front matter (metadata a website added, which neither an
  office file nor a print has), with the title line first (the source keeps it only in the front
  matter when its body opens with the date line).
- .docx: python-docx with the office's styles: Title for the first line, Subtitle for a date or
  session line right below it, Heading n for markdown headings, bold runs, bulleted lists and real
  tables ("Table Grid").
- .pdf: the markdown as HTML (markdown-it), printed by headless Chromium with the Noto CJK fonts and
  Chromium's own running header and footer (date, title, file address, "1/32"), with a fresh profile.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import docx
from docx.shared import Pt
from markdown_it import MarkdownIt
from markdown_it.token import Token

from reportqa.ingest.metadata import front_matter, front_matter_end

PROJECT = Path(__file__).resolve().parents[2]
SOURCE_CORPUS = PROJECT / "eval" / "corpora" / "multi"
# file stem (no place, no year) -> source document
DOCUMENTS = {
    "communique": "cn_national_gov_docs/nbs_statistical_communiques/2020.md",
    "city_report": "cn_city_work_reports/深圳市/2020.md",
    "provincial_report": "cn_provincial_work_reports/浙江省/2021.md",
}
FORMATS = ("md", "docx", "pdf")
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
PRINT_CSS = """
body { font-family: "Noto Sans CJK SC", "Noto Serif CJK SC", sans-serif; font-size: 16px; line-height: 1.6; }
p { text-indent: 2em; margin: 0.4em 0; }
h1, h2, h3, h4 { text-indent: 0; }
table { border-collapse: collapse; margin: 0.6em 0; }
th, td { border: 1px solid #000; padding: 2px 6px; }
"""

_MARKDOWN = MarkdownIt("commonmark").enable("table")
# "**…，**经济": the sources close bold after Chinese punctuation, which CommonMark does not read as bold
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def office_markdown(source: Path) -> str:
    """The source markdown as an office has it: no front matter, the title as its first line."""
    text = source.read_text(encoding="utf-8")
    title = str(front_matter(text).get("title") or "")
    body = text[front_matter_end(text) :].lstrip("\n")
    first = body.split("\n", 1)[0].replace("*", "").strip()
    if title and not (title.endswith(_plain(first)) and _plain(first)):
        body = f"**{title}**\n\n{body}"
    return body


def write_format_corpora(base: Path) -> dict[str, Path]:
    """Each document in each format under base/<format>/<stem>.<format>; returns format -> folder."""
    corpora = {fmt: base / fmt for fmt in FORMATS}
    for folder in corpora.values():
        folder.mkdir(parents=True, exist_ok=True)
    for stem, relative in DOCUMENTS.items():
        markdown = office_markdown(SOURCE_CORPUS / relative)
        (corpora["md"] / f"{stem}.md").write_text(markdown, encoding="utf-8")
        write_docx(markdown, corpora["docx"] / f"{stem}.docx")
        print_pdf(markdown_html(markdown), corpora["pdf"] / f"{stem}.pdf")
    return corpora


# ---- Word ---------------------------------------------------------------------------------------
def write_docx(markdown: str, path: Path) -> None:
    """``markdown`` as a .docx with Title/Subtitle/Heading styles, bold runs, lists and real tables."""
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(12)
    tokens = _MARKDOWN.parse(_strong_tags(markdown))
    i, paragraphs = 0, 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "heading_open":
            document.add_heading(_plain(tokens[i + 1].content), level=min(int(token.tag[1]), 9))
            i += 3
        elif token.type == "paragraph_open":
            inline = tokens[i + 1]
            if _has_text(inline):
                style = _opening_style(paragraphs, inline.content)
                _add_runs(document.add_paragraph(style=style), inline)
                paragraphs += 1
            i += 3
        elif token.type == "table_open":
            i = _add_table(document, tokens, i)
        else:
            i += 1
    document.save(path)


def _opening_style(paragraphs_before: int, content: str) -> str | None:
    """Title for the first paragraph; Subtitle for a date or session line right below it."""
    if paragraphs_before == 0:
        return "Title"
    line = _plain(content)
    if paragraphs_before == 1 and (line.startswith("——") or line.endswith("会议上")):
        return "Subtitle"
    return None


def _add_runs(paragraph, inline: Token) -> None:
    bold = False
    for child in inline.children or []:
        if child.type == "html_inline" and child.content in ("<strong>", "</strong>"):
            bold = child.content == "<strong>"
        elif child.type in ("text", "code_inline"):
            paragraph.add_run(child.content).bold = bold or None
        elif child.type == "softbreak":
            paragraph.add_run(" ")


def _add_table(document, tokens: list[Token], i: int) -> int:
    rows: list[list[str]] = []
    while tokens[i].type != "table_close":
        if tokens[i].type == "tr_open":
            rows.append([])
        elif tokens[i].type == "inline":
            rows[-1].append(_cell_text(tokens[i].content))
        i += 1
    width = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, cells, strict=False):
            cell.text = value
    return i + 1


# ---- PDF ----------------------------------------------------------------------------------------
def markdown_html(markdown: str) -> str:
    """A printable HTML page of ``markdown`` (images left out: their files are not in the corpus)."""
    tokens = [t for t in _MARKDOWN.parse(_strong_tags(markdown)) if not (t.type == "inline" and not _has_text(t))]
    for token in tokens:
        if token.children:
            token.children = [c for c in token.children if c.type != "image"]
    body = _MARKDOWN.renderer.render(tokens, _MARKDOWN.options, {})
    title = html.escape(_plain(markdown.lstrip().split("\n", 1)[0]))
    return (
        f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{PRINT_CSS}</style></head><body>{body}</body></html>"
    )


def print_pdf(page: str, path: Path) -> None:
    """Print the HTML ``page`` to ``path`` with headless Chromium (a fresh profile each time)."""
    if not CHROMIUM.exists():
        raise RuntimeError(f"Chromium is missing at {CHROMIUM}: apt-get install -y chromium fonts-noto-cjk")
    with tempfile.TemporaryDirectory(prefix="reportqa-print-") as tmp:
        source = Path(tmp) / f"{path.stem}.html"
        source.write_text(page, encoding="utf-8")
        command = [
            str(CHROMIUM),
            *CHROMIUM_ARGS,
            f"--user-data-dir={Path(tmp) / 'profile'}",
            f"--print-to-pdf={path}",
            source.as_uri(),
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
        if result.returncode != 0 or not path.exists():
            raise RuntimeError(f"Chromium could not print {path.name}: {result.stderr[-2000:]}")
        shutil.rmtree(Path(tmp) / "profile", ignore_errors=True)


# ---- text ---------------------------------------------------------------------------------------
def _strong_tags(markdown: str) -> str:
    return _BOLD.sub(r"<strong>\1</strong>", markdown)


def _has_text(inline: Token) -> bool:
    return any(c.type == "text" and c.content.strip() for c in inline.children or [])


def _cell_text(content: str) -> str:
    return " ".join(content.replace("<br>", " ").replace("**", "").split())


def _plain(line: str) -> str:
    """A line without markdown emphasis, heading marks and footnote references ("[1]")."""
    return re.sub(r"\[\d+\]|</?strong>", "", line.replace("*", "")).strip(" #")
