"""The data objects that flow through the pipeline, defined once.

documents -> blocks (parsed sections/tables) -> chunks -> index -> hits -> answer with citations
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "table_row"]

NOT_FOUND = "文中未提及"  # how every answerer says the documents do not answer


@dataclass(frozen=True)
class DocumentMeta:
    """What a document is: shown with every citation, used to route questions."""

    title: str
    place: str = ""  # issuing place or body, e.g. "深圳市", "淄博市", "国务院"
    year: int | None = None  # the document's own year (a 2020 work report -> 2020)
    kind: str = ""  # 政府工作报告, 规划纲要, 统计公报, 评估报告, ...


@dataclass(frozen=True)
class Document:
    """A decoded source file. `text` is what every offset in the pipeline points into."""

    doc_id: str  # path relative to the corpus folder, with forward slashes
    text: str
    sha256: str  # of the file's bytes
    meta: DocumentMeta


@dataclass(frozen=True)
class Block:
    """A parsed unit of a document: a heading, a paragraph or one table row.

    `text` is exactly `document.text[start:end]`. For table rows `statement` is the
    row rebuilt with its header ("高新技术企业数（家）：2020年目标数 380；目前完成数 512；备注 2019年度");
    for other blocks it is empty.
    """

    start: int
    end: int
    text: str
    kind: BlockKind
    section: tuple[str, ...]  # heading path, outermost first
    statement: str = ""


@dataclass(frozen=True)
class Chunk:
    """The unit that is indexed, retrieved and cited.

    `text` is exactly `document.text[start:end]` (what a citation quotes);
    `statement` is the table-row statement for table rows, else empty.
    """

    chunk_id: str  # stable: f"{doc_id}#{start}-{end}"
    doc_id: str
    start: int
    end: int
    text: str
    section: str  # " > ".join(section path)
    is_table_row: bool = False
    statement: str = ""

    @property
    def body(self) -> str:
        """The text answers are read from: the statement for table rows, else the passage."""
        return self.statement or self.text


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk with its fused score and the ranks that produced it."""

    chunk: Chunk
    score: float
    dense_rank: int | None = None  # 0-based rank in the dense list, None if absent
    keyword_rank: int | None = None


@dataclass(frozen=True)
class Citation:
    n: int  # 1-based; "[n]" in the answer refers to it
    doc: str  # doc_id
    section: str
    text: str  # exactly source[start:end]
    start: int
    end: int
    score: float
    title: str = ""
    year: int | None = None
    highlight: str = ""  # the sentence or figure inside `text` that answers

    def to_json(self) -> dict:
        return {
            "n": self.n,
            "doc": self.doc,
            "section": self.section,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "score": round(float(self.score), 6),
            "title": self.title,
            "year": self.year,
            "highlight": self.highlight,
        }


@dataclass(frozen=True)
class DirectAnswer:
    """What was asked, stated on its own: a figure, a date or names, with how to read it.

    `amount` and `family` let answers be compared without reading their text: "1.70万亿元" is
    1.7e12 of 元, "1.86万家" 18600 of 家.
    """

    text: str  # as the source writes it: "512家", "2019年3月", "张三、李四"
    note: str = ""  # how to read it, shown in brackets: "目前完成数，2019年度", "2019年"
    amount: float | None = None  # a figure's value in base units
    family: str = ""  # what a figure counts: "元", "家", "%"; "" for dates and names
    is_change: bool = False  # the figure states a change ("增长46.3%", "新增86家"), not a level

    def render(self) -> str:
        return f"{self.text}（{self.note}）" if self.note else self.text

    def to_json(self) -> dict:
        return {"text": self.text, "note": self.note, "amount": self.amount, "family": self.family}


@dataclass(frozen=True)
class Statement:
    """A sentence of the answer and the citation numbers that support it."""

    text: str
    citations: tuple[int, ...] = ()

    def render(self) -> str:
        return self.text + "".join(f"[{n}]" for n in self.citations)

    def to_json(self) -> dict:
        return {"text": self.text, "citations": list(self.citations)}


@dataclass(frozen=True)
class Claim:
    """One labelled answer among several: a comparison's side, a part of a question, a document's figure."""

    label: str
    direct: DirectAnswer | None  # None: this part is not answered directly
    citations: tuple[int, ...] = ()
    refusal: str = ""  # why it is not answered ("文中未提及2019年的相关情况")

    def render(self, joiner: str) -> str:
        said = self.direct.render() if self.direct else (self.refusal or "见下文")
        return f"{self.label}{joiner}{said}" + "".join(f"[{n}]" for n in self.citations[:1])


@dataclass(frozen=True)
class SeriesPoint:
    """One year's value of a quantity an answer's citations state: a point of the chart under the answer."""

    year: int
    value: float  # in `unit`
    unit: str  # one unit for every point of a series, e.g. "亿元"
    text: str  # as the source writes it, e.g. "88.2亿元"
    citation: int  # the [n] of the citation that states it
    report_year: bool = False  # the statement names no year: `year` is its document's own

    def to_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Answer:
    """An answer as data, and its text rendered once from that data (`answer`).

    Extractive answers are built with `compose` from a direct answer or labelled claims, and the
    statements quoted with their citation numbers; an LLM's reply is text only (`answer`).
    """

    question: str
    answer: str
    found: bool
    citations: list[Citation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # e.g. unsupported numbers from an LLM
    index_version: str = ""
    series: list[SeriesPoint] = field(default_factory=list)  # a quantity across years, oldest first; or empty
    direct: DirectAnswer | None = None
    claims: tuple[Claim, ...] = ()
    statements: tuple[Statement, ...] = ()
    refusal: str = ""  # what the documents lack, when not found: "文中未提及2019年的相关情况"
    verdict: str = ""  # what the claims set side by side come to: "成都市更高。", "外出农民工约占…的61.4%。"

    @classmethod
    def compose(
        cls,
        question: str,
        *,
        found: bool,
        citations: list[Citation] | None = None,
        direct: DirectAnswer | None = None,
        lead: str = "",
        claims: tuple[Claim, ...] = (),
        verdict: str = "",
        statements: tuple[Statement, ...] = (),
        refusal: str = "",
    ) -> Answer:
        """The answer's text, line by line: the direct answer (or the lead, or the claims and the
        verdict), then each statement with its [n] markers; a refusal quotes the nearest statement."""
        if refusal:
            nearest = f"文中最接近的信息：{statements[0].render()}" if statements else ""
            lines = [f"{refusal}。{nearest}", *(s.render() for s in statements[1:])]
        else:
            if direct is not None:
                head = f"{direct.render()}。"
            elif claims:
                head = lead + "；".join(c.render("为" if lead else "：") for c in claims) + "。" + verdict
            else:
                head = lead
            lines = [line for line in (head, *(s.render() for s in statements)) if line]
        return cls(
            question=question,
            answer="\n".join(lines),
            found=found,
            citations=citations or [],
            direct=direct,
            claims=claims,
            statements=statements,
            refusal=refusal,
            verdict=verdict if claims and not refusal else "",
        )

    def to_json(self) -> dict:
        return {
            "question": self.question,
            "answer": self.answer,
            "found": self.found,
            "citations": [c.to_json() for c in self.citations],
            "warnings": list(self.warnings),
            "index_version": self.index_version,
            "direct": self.direct.to_json() if self.direct else None,
            "statements": [s.to_json() for s in self.statements],
            "series": [point.to_json() for point in self.series],
        }
