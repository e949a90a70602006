"""What a document is (title, place, year, kind), inferred from its path and text.

    infer_meta("cn_city_work_reports/深圳市/2020.md", text, None)
    # DocumentMeta(title="政府工作报告", place="深圳市", year=2020, kind="政府工作报告")

An optional sidecar ``metadata.yaml`` in the corpus folder maps doc_id -> {title, place, year, kind}
and overrides whatever is inferred (see :func:`load_meta_overrides`).

Places come from the gazetteer in ingest/places.py.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path, PurePosixPath

import yaml

from reportqa.core.errors import DocumentError
from reportqa.core.models import DocumentMeta
from reportqa.language.places import NATIONAL, lookup, place_mentions, places_in

META_SIDECAR = "metadata.yaml"
META_FIELDS = ("title", "place", "year", "kind")

# checked in order against the title, then the start of the text: the first match wins
# ("某市第十个五年规划和2030年远景目标纲要" is a plan's outline, of a plan and a further aim, as is
# "第七个五年计划（摘要）": a five-year plan names its period's targets however it is titled)
_KINDS = (
    ("政府工作报告", "政府工作报告"),
    ("统计公报", "统计公报"),
    ("评估报告", "评估报告"),
    (r"[规计]划(?:和[^，。；]{1,20})?纲要|五年[规计]划", "规划纲要"),
    ("规划", "规划"),
    ("计划", "计划"),
    ("方案", "方案"),
    ("实施意见", "意见"),
    ("意见", "意见"),
    ("决定", "决定"),
    ("通知", "通知"),
    ("办法", "办法"),
    ("条例", "条例"),
    ("公报", "公报"),
    ("报告", "报告"),
)
_NATIONAL_TITLE_CUES = ("中华人民共和国", "全国", "国务院", "国家统计局", "国民经济和社会发展第")
# how much of a text's opening is read for the place it is about, when neither path nor title names one
_OPENING_CHARS = 3000
_START_CHARS = 300
_NATIONAL_PATH_CUES = ("national", "国务院", "全国", "state_council")
_YEAR_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
_DATE_LINE = re.compile(r"^\s*((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$", re.MULTILINE)
_TITLE_NOISE = re.compile(r"^#+\s*|\*\*|__|\[\d+\]|<[^>]+>")
_NOT_TITLE = re.compile(r"^(?:<|>|---|!\[|- |\* |\||——)")


def infer_meta(doc_id: str, text: str, overrides: dict | None) -> DocumentMeta:
    """Title, place, year and kind of a document; fields given in ``overrides`` win."""
    front = front_matter(text)
    title = _clean(str(front.get("title") or "")) or first_title(text) or PurePosixPath(doc_id).stem
    meta = {
        "title": title,
        "place": infer_place(doc_id, title, text),
        "year": infer_year(doc_id, front, title, text),
        "kind": infer_kind(title, text),
    }
    for key, value in (overrides or {}).items():
        if key in META_FIELDS and value is not None:
            meta[key] = int(value) if key == "year" else str(value)
    return DocumentMeta(**meta)


def front_matter(text: str) -> dict:
    """The YAML front matter at the start of a markdown text as a dict; {} if absent or unreadable."""
    span = front_matter_span(text)
    if span is None:
        return {}
    try:
        data = yaml.safe_load(text[span[0] : span[1]])
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def front_matter_span(text: str) -> tuple[int, int] | None:
    """(start, end) of the YAML between the opening "---" line and the closing "---" line, if any.

    A closing line of more dashes ("----") closes it too: read on to a later "---" (a rule in the
    text), the YAML would swallow the document's opening and fail to parse."""
    if not text.startswith("---\n"):
        return None
    match = re.search(r"^(?:-{3,}|\.\.\.)[ \t]*$", text[4:], re.MULTILINE)
    if match is None:
        return None
    return 4, 4 + match.start()


def front_matter_end(text: str) -> int:
    """Offset just after the closing line of the front matter, or 0 if there is none."""
    span = front_matter_span(text)
    if span is None:
        return 0
    newline = text.find("\n", span[1])
    return len(text) if newline < 0 else newline + 1


def first_title(text: str) -> str:
    """The first heading or first non-empty content line; a short line right below it is joined on
    (titles are often broken over two lines: "《淄博市“十三五”科技创新规划》" + "后评估报告")."""
    lines = text[front_matter_end(text) :].split("\n")
    for i, raw in enumerate(lines[:200]):
        line = raw.strip()
        if not line or _NOT_TITLE.match(line):
            continue
        title = _clean(line)
        if not title:
            continue
        if len(title) <= 40 and i + 1 < len(lines):
            following = _clean(lines[i + 1].strip())
            if following and len(following) <= 20 and not re.search(r"[。！？；，：:,.!?]", following):
                title += following
        return title[:200]
    return ""


def infer_place(doc_id: str, title: str, text: str) -> str:
    """The issuing place: a place named by a folder or the file name, else in the title, else
    "全国" for national documents, else the first place its start names that its opening names again,
    else the place its opening names most: a report names its own place again and again, another one
    in passing ("新中国成立70周年的大庆之年" names 大庆 once, "江西奋进收获之年…亲临江西视察" 江西 twice)."""
    parts = PurePosixPath(doc_id).parts
    for part in reversed(parts):
        name = _place_name(PurePosixPath(part).stem)
        if name:
            return name
    found = places_in(title)
    if found:
        return found[0]
    if any(cue in title for cue in _NATIONAL_TITLE_CUES) or any(
        cue in part.lower() for part in parts[:-1] for cue in _NATIONAL_PATH_CUES
    ):
        return NATIONAL
    body = text[front_matter_end(text) :]
    if any(cue in body[:_START_CHARS] for cue in ("国务院总理", "国家统计局", "中华人民共和国")):
        return NATIONAL
    named = Counter(name for name, _start, _end in place_mentions(body[:_OPENING_CHARS]))
    repeated = [name for name in places_in(body[:_START_CHARS]) if named[name] > 1]
    return repeated[0] if repeated else max(named, key=named.__getitem__) if named else ""


def infer_year(doc_id: str, front: dict, title: str, text: str) -> int | None:
    """The document's year: from the file or folder name, the front matter, the title, a line that is
    only a date ("2020年8月10日", as under a signature), or a date near the start of the text."""
    for part in reversed(PurePosixPath(doc_id).parts):
        match = _YEAR_IN_NAME.search(PurePosixPath(part).stem)
        if match:
            return int(match.group(1))
    for key in ("year", "date"):
        match = _YEAR_IN_NAME.search(str(front.get(key) or ""))
        if match:
            return int(match.group(1))
    match = re.search(r"((?:19|20)\d{2})\s*年", title)
    if match:
        return int(match.group(1))
    body = text[front_matter_end(text) :]
    match = _DATE_LINE.search(body) or _DATE.search(body[:_START_CHARS])
    return int(match.group(1)) if match else None


def infer_kind(title: str, text: str) -> str:
    """The kind of document from keywords in the title, else near the start of the text."""
    for source in (title, text[front_matter_end(text) :][:200]):
        for pattern, kind in _KINDS:
            if re.search(pattern, source):
                return kind
    return ""


def load_meta_overrides(corpus_dir: Path) -> dict[str, dict]:
    """Read ``corpus_dir/metadata.yaml`` (doc_id -> {title, place, year, kind}); {} if there is none.

    Raises DocumentError naming the sidecar when it is not valid YAML or not shaped as above.
    """
    path = Path(corpus_dir) / META_SIDECAR
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise DocumentError(str(path), f"无法读取元数据文件 (cannot read the metadata sidecar): {exc}") from exc
    except yaml.YAMLError as exc:
        raise DocumentError(str(path), f"元数据文件不是有效的 YAML (invalid YAML): {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DocumentError(str(path), "元数据文件应是 doc_id -> {title, place, year, kind} 的映射")
    overrides: dict[str, dict] = {}
    for doc_id, fields in data.items():
        if not isinstance(fields, dict):
            raise DocumentError(str(path), f"{doc_id}: 应是 {{title, place, year, kind}} 的映射")
        unknown = sorted(set(map(str, fields)) - set(META_FIELDS))
        if unknown:
            allowed = ", ".join(META_FIELDS)
            raise DocumentError(str(path), f"{doc_id}: 未知字段 {', '.join(unknown)}；可用字段 {allowed}")
        year = fields.get("year")
        if year is not None and not (isinstance(year, int) or (isinstance(year, str) and year.strip().isdigit())):
            raise DocumentError(str(path), f"{doc_id}: year 应是整数年份，得到 {year!r}")
        overrides[str(doc_id)] = {str(k): v for k, v in fields.items()}
    return overrides


def _place_name(name: str) -> str:
    """A folder or file name that is exactly a place ("深圳市", "广东", "福建省") -> its full name."""
    place = lookup(name.strip())
    return place.name if place else ""


def _clean(line: str) -> str:
    return _TITLE_NOISE.sub("", line).strip(" \t#*").strip()
