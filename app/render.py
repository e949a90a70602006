"""Safe HTML for answers and citations: every piece of document text is shown as text.

Streamlit's `st.markdown` interprets Markdown (and, with `unsafe_allow_html`, HTML), so document text
must never reach it raw. `text_html` escapes HTML *and* the characters Markdown, LaTeX and Streamlit
directives react to, and turns newlines into `<br>` so the block stays one HTML block (a blank line
would end it and let Markdown back in). The only tags in the output are the ones built here.

    body = passage_html("全市高新技术企业512家。<script>", highlight="512家")
    st.markdown(f'<div class="rq-passage">{body}</div>', unsafe_allow_html=True)
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from reportqa.core.models import NOT_FOUND, Answer, Citation, SeriesPoint
from reportqa.ingest.loaders import as_read

# Characters Markdown (emphasis, links, code, headings, tables, lists), remark-math ($), emoji
# shortcodes and Streamlit's :color[...] directives react to; as numeric entities they show as themselves.
_MARKDOWN_SPECIAL = {ch: f"&#{ord(ch)};" for ch in "\\`*_{}[]()#|~$:<>"}
_MARKER = re.compile(r"\[(\d{1,3})\]")
CONTEXT_CHARS = 400  # characters of source shown on each side of a cited passage
ECHO_CHARS = 300  # of a question echoed in the chat

STYLE = """
<style>
.rq-answer {font-size: 1.02rem; line-height: 1.75;}
.rq-marker {color: #1a5fb4; font-weight: 600; font-size: 0.8em; vertical-align: super;}
.rq-notfound {border-left: 4px solid #c64600; background: #fff4e5; padding: 0.6rem 0.9rem;
  border-radius: 4px; line-height: 1.75;}
.rq-notfound-label {display: inline-block; background: #c64600; color: #fff; font-weight: 600;
  padding: 0 0.5rem; border-radius: 3px; margin-right: 0.5rem; font-size: 0.85em;}
.rq-notfound-head {color: #a33a00;}
.rq-cite-head {font-weight: 600; margin-top: 0.4rem;}
.rq-cite-meta {color: #555; font-size: 0.88em;}
.rq-passage {border-left: 3px solid #9ab; padding: 0.3rem 0.7rem; margin: 0.2rem 0 0.4rem 0;
  background: #f7f9fb; line-height: 1.7; font-size: 0.95em;}
.rq-passage mark, .rq-context mark {background: #ffe58a; padding: 0 1px;}
.rq-context {position: relative; max-height: 22rem; overflow-y: auto; line-height: 1.7; font-size: 0.92em;
  color: #333;}
/* the answer's first line stays below Streamlit's header when scrolled into view */
.rq-answer, .rq-notfound {scroll-margin-top: 4.5rem;}
.rq-series {border-collapse: collapse; font-size: 0.88em; margin: 0.2rem 0 0.6rem 0;}
.rq-series th, .rq-series td {border: 1px solid #d5dbe1; padding: 0.15rem 0.6rem; text-align: left;}
.rq-series th {background: #f1f4f7; font-weight: 600;}
.rq-series th, .rq-series td:not(:nth-child(3)) {white-space: nowrap;}
.rq-doc-item {font-size: 0.85em; color: #444; overflow-wrap: anywhere; margin-bottom: 0.25rem;}
.rq-skip {font-size: 0.85em; color: #a33a00; overflow-wrap: anywhere;}
.rq-context .rq-cited {background: #e8f0fe;}
.rq-warning {color: #8a5300; font-size: 0.9em;}
/* Streamlit's "Running..." and "Stop" while a question is answered: the page's own spinner says it in Chinese */
[data-testid="stStatusWidget"] {display: none;}
/* Streamlit's file uploader speaks English ("Upload", "50MB per file • TXT, MD…") and has no setting for it:
   its words are taken out of the page (display: none, so not even a screen reader or copy reads them) and
   Chinese drawn in their place; the label above already names the types and the size limit. */
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {display: none;}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"]::after {content: "选择文件";}
[data-testid="stFileUploaderDropzoneInstructions"] span {display: none;}
[data-testid="stFileUploaderDropzoneInstructions"] > div::after {content: "或把文件拖到这里"; font-size: 0.875rem;}
</style>
"""


def text_html(text: str) -> str:
    """`text` as inert HTML: no tag, entity, Markdown or directive in it takes effect."""
    escaped = html.escape(text, quote=True)
    # html.escape already produced entities for < > & " '; escape the rest without touching those
    out = []
    for part in re.split(r"(&[a-z]+;|&#x?[0-9a-f]+;)", escaped):
        if part.startswith("&") and part.endswith(";"):
            out.append(part)
        else:
            out.append("".join(_MARKDOWN_SPECIAL.get(ch, ch) for ch in part))
    return "".join(out).replace("\r\n", "\n").replace("\n", "<br>").replace("\t", "&emsp;")


def passage_html(text: str, highlight: str = "", *, doc: str | None = None) -> str:
    """The passage with its answering sentence (or figure) in <mark>; everything escaped, and, for a
    passage of document `doc`, as its reader sees it (`as_read`: no bold markers where they are markup)."""

    def shown(part: str) -> str:
        return text_html(as_read(doc, part) if doc is not None else part)

    at = text.find(highlight) if highlight else -1
    if at < 0:
        return shown(text)
    end = at + len(highlight)
    return f"{shown(text[:at])}<mark>{shown(text[at:end])}</mark>{shown(text[end:])}"


def answer_html(answer: Answer) -> str:
    """The answer with its [n] markers styled; a not-found answer boxed and labelled as such: its
    refusal in bold and the nearest statements below it, when the answerer gave them as data."""
    if answer.found:
        return f'<div class="rq-answer">{_marked_html(answer.answer)}</div>'
    if answer.refusal:  # "文中未提及2015年的相关情况", then the nearest statements
        head = f'<strong class="rq-notfound-head">{NOT_FOUND}</strong>{text_html(answer.refusal[len(NOT_FOUND) :])}。'
        if not answer.refusal.startswith(NOT_FOUND):
            head = f'<span class="rq-notfound-label">{NOT_FOUND}</span>{text_html(answer.refusal)}。'
        nearest = "<br>".join(_marked_html(s.render()) for s in answer.statements)
        body = head + (f"<br>文中最接近的信息（仅供参考）：{nearest}" if nearest else "")
        return f'<div class="rq-notfound">{body}</div>'
    label = f'<span class="rq-notfound-label">{NOT_FOUND}</span>'
    return f'<div class="rq-notfound">{label}{_marked_html(answer.answer)}</div>'


def _marked_html(text: str) -> str:
    """Text with its [n] citation markers as styled spans, everything else escaped."""
    return "".join(
        f'<span class="rq-marker">[{part}]</span>' if i % 2 else text_html(part)
        for i, part in enumerate(_MARKER.split(text))
    )


def document_label(doc_id: str, title: str = "", year: int | None = None) -> str:
    """ "标题（2021年）· 文件名.txt": two documents may share a title, never a file name."""
    year_note = f"（{year}年）" if year else ""
    name = doc_id.rsplit("/", 1)[-1]
    return f"{title}{year_note} · {name}" if title and title != name else f"{name}{year_note}"


def citation_head_html(citation: Citation) -> str:
    label = document_label(citation.doc, citation.title, citation.year)
    section = f'<div class="rq-cite-meta">章节：{text_html(citation.section)}</div>' if citation.section else ""
    return f'<div class="rq-cite-head">[{citation.n}] {text_html(label)}</div>{section}'


def citation_html(citation: Citation) -> str:
    """Head (document, year, section) and the quoted passage with the answering part marked."""
    passage = passage_html(citation.text, citation.highlight, doc=citation.doc)
    return f'{citation_head_html(citation)}<div class="rq-passage">{passage}</div>'


def context_html(source: str, citation: Citation, chars: int = CONTEXT_CHARS) -> str:
    """The source around the cited passage; the passage tinted, its answering part marked."""
    start = max(0, min(citation.start, len(source)))
    end = max(start, min(citation.end, len(source)))
    before_at = max(0, start - chars)
    after_to = min(len(source), end + chars)
    before = ("…" if before_at > 0 else "") + source[before_at:start]
    after = source[end:after_to] + ("…" if after_to < len(source) else "")
    cited = passage_html(source[start:end], citation.highlight, doc=citation.doc)
    return (
        f'<div class="rq-context">{passage_html(before, doc=citation.doc)}<span class="rq-cited">{cited}</span>'
        f"{passage_html(after, doc=citation.doc)}</div>"
    )


def warnings_html(warnings: Sequence[str]) -> str:
    return "".join(f'<div class="rq-warning">注意：{text_html(w)}</div>' for w in warnings)


def series_table_html(series: Sequence[SeriesPoint]) -> str:
    """The chart's data as a table: year, value, the source's own wording, citation number."""
    rows = "".join(
        f"<tr><td>{point.year}年{'（报告年份）' if point.report_year else ''}</td>"
        f"<td>{_number(point.value)}</td><td>{text_html(point.text)}</td><td>[{point.citation}]</td></tr>"
        for point in series
    )
    unit = text_html(series[0].unit) if series else ""
    return (
        f'<table class="rq-series"><thead><tr><th>年份</th><th>数值（{unit}）</th><th>原文</th><th>出处</th></tr>'
        f"</thead><tbody>{rows}</tbody></table>"
    )


def echo_text(question: str, limit: int = ECHO_CHARS) -> str:
    """The question as echoed in the chat: a very long one cut, saying how long it was."""
    if len(question) <= limit:
        return question
    return f"{question[:limit]}……（共 {len(question)} 字，仅显示前 {limit} 字）"


def _number(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")
