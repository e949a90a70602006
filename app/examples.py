"""Example questions for a first visit, taken from the indexed documents rather than hard-coded.

Figures are what officials most often look up, so candidates come from sentences that state one:
"2018年，全市研发经费投入总额达到133.68亿元" -> "2018年研发经费投入总额达到多少亿元？",
"全市高新技术企业由2015年的251家增加到512家" -> "2015年高新技术企业有多少家？".
Each candidate is asked once; only questions the engine answers, with that figure, are offered.
`settings.example_questions`, when set, is used instead.

    questions = derive_examples(engine, limit=4)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_UNITS = r"家|个|项|人|名|亿元|万元|所|座|件"
_HAN = r"[\u4e00-\u9fff]"
# "2018年，全市研发经费投入总额达到133.68亿元"
_YEAR_FIRST = re.compile(
    rf"(?P<year>(?:19|20)\d{{2}})年(?:底|末|度)?[，,]?(?P<subject>{_HAN}{{3,14}}?)"
    rf"(?P<verb>达到|达|为|有|共有|增加到|增长到|突破)(?P<num>\d+(?:\.\d+)?)(?P<unit>{_UNITS})"
)
# "全市高新技术企业由2015年的251家增加到512家"
_SUBJECT_FIRST = re.compile(
    rf"(?:^|(?<=[，。；：]))(?P<subject>{_HAN}{{3,14}})(?:总量|数量)?(?:由|从)(?P<year>(?:19|20)\d{{2}})年的?"
    rf"(?P<num>\d+(?:\.\d+)?)(?P<unit>{_UNITS})"
)
# "持牌金融机构新增54家" (work reports speak of the past year without naming it)
_NO_YEAR = re.compile(
    rf"(?:^|(?<=[，。；：]))(?P<subject>{_HAN}{{4,12}}?)(?P<verb>新增|达到|超过|突破)(?P<num>\d+(?:\.\d+)?)(?P<unit>{_UNITS})",
    re.M,
)
_SCOPE_WORDS = re.compile(r"^(?:全市|全省|全区|全县|全国|我市|我省|其中|共有|累计|新增)+")
MAX_ASKS = 16  # candidates checked against the engine at most


def candidate_questions(text: str, place: str = "") -> Iterator[tuple[str, str]]:
    """(question, the figure it should be answered with) for sentences of `text` that state a figure.

    `place` (the document's issuing place) prefixes questions that name no year, so they point at it.
    """
    for pattern in (_YEAR_FIRST, _SUBJECT_FIRST, _NO_YEAR):
        for m in pattern.finditer(text):
            subject = re.sub(r"(?:总量|数量)$", "", _SCOPE_WORDS.sub("", m["subject"]))
            if len(subject) < 3 or re.search(r"分别|和|及|与|不超过|预计", subject):
                continue
            verb = m.groupdict().get("verb") or "有"
            if verb in ("为", "达"):
                verb = "有"
            when = f"{m['year']}年" if m.groupdict().get("year") else place
            yield f"{when}{subject}{verb}多少{m['unit']}？", m["num"]


def derive_examples(engine, *, limit: int = 4) -> list[str]:
    """Up to `limit` questions about different subjects that `engine` answers from the documents."""
    chosen: list[str] = []
    subjects: set[str] = set()
    asked = 0
    for doc_id, meta in sorted(engine.documents().items()):
        for question, figure in candidate_questions(engine.source_text(doc_id), meta.place):
            subject = re.sub(r"(?:有|达到|共有|增加到|增长到|突破|新增|超过)?多少.*$", "", question)
            subject = re.sub(r"^\d+年", "", subject)
            if subject in subjects:
                continue
            subjects.add(subject)
            asked += 1
            answer = engine.ask(question)
            if answer.found and figure in answer.answer:
                chosen.append(question)
                if len(chosen) >= limit:
                    return chosen
            if asked >= MAX_ASKS:
                return chosen
    return chosen
