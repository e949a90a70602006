"""reportqa.app.examples: example questions come from figures in the documents and must be answerable."""

from __future__ import annotations

from reportqa.app.examples import candidate_questions, derive_examples
from reportqa.core.models import Answer, DocumentMeta

TEXT = (
    "2018年，全市研发经费投入总额达到133.68亿元，占GDP的比重为2.63%。"
    "全市高新技术企业由2015年的251家增加到512家。"
    "持牌金融机构新增54家。"
)


def test_candidates_from_figures():
    found = dict(candidate_questions(TEXT, place="某市"))
    assert found["2018年研发经费投入总额达到多少亿元？"] == "133.68"
    assert found["2015年高新技术企业有多少家？"] == "251"
    assert found["某市持牌金融机构新增多少家？"] == "54"


class FakeEngine:
    def __init__(self, answers: dict[str, str]):
        self.answers = answers
        self.asked: list[str] = []

    def documents(self):
        return {"a.txt": DocumentMeta(title="甲", place="某市", year=2020)}

    def source_text(self, doc_id):
        return TEXT

    def ask(self, question):
        self.asked.append(question)
        text = self.answers.get(question)
        return Answer(question=question, answer=text or "文中未提及", found=text is not None)


def test_only_answered_questions_are_offered():
    engine = FakeEngine({"2015年高新技术企业有多少家？": "251家[1]", "某市持牌金融机构新增多少家？": "60家[1]"})
    assert derive_examples(engine, limit=4) == ["2015年高新技术企业有多少家？"]  # 60 is not the stated 54
    assert len(engine.asked) == len(set(engine.asked))
