"""The accuracy question sets are valid, have the required mix, and the validator catches bad sets."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from reportqa.eval.validate import TYPES, load_corpus, load_questions, main, validate_set

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "eval" / "sets" / "seed.jsonl"
SEED_CORPUS = ROOT / "corpus"
MULTI = ROOT / "eval" / "sets" / "multi.jsonl"
MULTI_CORPUS = ROOT / "eval" / "corpora" / "multi"
SHARED = Path("/work/shared/corpora")

INDICATORS = {  # indicator row -> (2020 target, current value) in the seed report's table
    "全社会R&D经费支出占GDP比重（%）": ("2.7", "2.63"),
    "万人有效发明专利拥有量（件）": ("16", "13.32"),
    "PCT国际专利申请量（件）": ("80", "81"),
    "年登记技术合同成交额（亿元）": ("60", "106"),
    "高新技术产业产值占规模以上工业总产值比重（%）": ("36", "42.41"),
    "高新技术企业数（家）": ("380", "512"),
    "国家级研发机构（平台）（家）": ("20", "19"),
    "省级级研发机构（平台）（家）": ("350", "364"),
    "院士工作站（家）": ("85", "52"),
    "国家级孵化载体（家）": ("10", "12"),
}


@pytest.fixture(scope="module")
def seed() -> list[dict]:
    return load_questions(SEED)


@pytest.fixture(scope="module")
def multi() -> list[dict]:
    return load_questions(MULTI)


# ---------------------------------------------------------------- shipped sets are valid


def test_seed_set_validates_clean():
    assert validate_set(SEED, SEED_CORPUS) == []
    assert validate_set(ROOT / "eval" / "sets" / "seed2.jsonl", SEED_CORPUS) == []


def test_multi_set_validates_clean():
    assert validate_set(MULTI, MULTI_CORPUS) == []


@pytest.mark.parametrize("name", ["wide", "wide2"])
def test_sets_over_their_own_corpus_validate_clean(name: str) -> None:
    assert validate_set(ROOT / "eval" / "sets" / f"{name}.jsonl", ROOT / "eval" / "corpora" / name) == []


def test_cli_exit_codes(capsys):
    assert main([str(SEED), str(SEED_CORPUS)]) == 0
    assert main([str(MULTI), str(MULTI_CORPUS)]) == 0
    assert main([str(SEED)]) == 2
    capsys.readouterr()


# ---------------------------------------------------------------- seed mix


def test_seed_mix(seed):
    counts = Counter(q["type"] for q in seed)
    assert len(seed) >= 125
    assert set(counts) == TYPES - {"disagreement"}  # every type of a one-document set
    assert counts["unanswerable"] >= 15
    assert counts["english"] >= 10
    assert counts["table_number"] >= 12
    assert counts["paraphrase"] >= 10
    assert counts["multi_hop"] >= 8
    assert all(q["id"] == f"seed-{i:03d}" for i, q in enumerate(seed, start=1))


def test_seed_covers_every_indicator_target_and_actual(seed):
    table = [q for q in seed if q["type"] == "table_number"]
    for name, (target, actual) in INDICATORS.items():
        rows = [q for q in table if q["evidence"].startswith(name)]
        assert any(target in q["must_contain"] for q in rows), f"no target question for {name}"
        assert any(actual in q["must_contain"] for q in rows), f"no actual question for {name}"


def test_seed_covers_both_annexes_and_both_cases(seed):
    sections = [q["section"] for q in seed]
    assert any(s.startswith("附件1：") and "小组组成人员名单" in s for s in sections)
    assert any(s.startswith("附件1：") and "任务分工方案" in s for s in sections)
    assert any(s.startswith("附件1：") and "名单" not in s and "分工" not in s for s in sections)
    assert any(s.startswith("附件2：") and "典型案例一" in s for s in sections)
    assert any(s.startswith("附件2：") and "典型案例二" in s for s in sections)


def test_seed_canonical_questions(seed):
    by_question = {q["question"]: q for q in seed}
    assert by_question["2019年高新技术企业有多少家？"]["must_contain"] == ["512"]
    assert by_question["2015年高新技术企业有多少家？"]["must_contain"] == ["251"]
    reason = by_question["院士工作站为什么没达标？"]
    assert reason["type"] == "reason" and "数量受限" in reason["must_contain"]
    english = by_question["How many high-tech enterprises were there in 2019?"]
    assert english["type"] == "english" and english["must_contain"] == ["512"]


def test_seed_questions_do_not_copy_the_source(seed):
    text = (SEED_CORPUS / "淄博市十三五科技创新规划后评估报告.txt").read_text(encoding="utf-8")
    for q in seed:
        stem = q["question"].rstrip("？?")
        assert len(stem) < 12 or stem not in text, q["id"]


# ---------------------------------------------------------------- multi mix and corpus


def test_multi_mix(multi):
    counts = Counter(q["type"] for q in multi)
    assert len(multi) >= 64
    assert set(counts) == TYPES  # every type, disagreement included
    assert counts["disagreement"] >= 6
    assert counts["unanswerable"] >= 8
    assert counts["english"] >= 4
    assert all(q["id"] == f"multi-{i:03d}" for i, q in enumerate(multi, start=1))


def test_multi_disagreements_name_both_documents(multi):
    for q in multi:
        if q["type"] == "disagreement":
            assert len(q["must_contain"]) >= 2, q["id"]
            assert q["answer"].count("报告") >= 2, q["id"]


def test_multi_corpus_shape(multi):
    files = [p for p in MULTI_CORPUS.rglob("*") if p.is_file()]
    assert all(p.suffix == ".md" for p in files), "the corpus folder must hold documents only"
    docs = load_corpus(MULTI_CORPUS)
    assert len(docs) >= 60
    assert sum(len(t) for t in docs.values()) < 1_300_000
    cited = {q["doc"] for q in multi if q["doc"]}
    assert cited <= docs.keys()
    assert len({d.split("/")[0] for d in cited}) == 3  # cities, provinces and national documents are all asked


def test_multi_corpus_years_confuse():
    docs = load_corpus(MULTI_CORPUS)
    cities = Counter(d.split("/")[1] for d in docs if d.startswith("cn_city_work_reports/"))
    assert sum(1 for n in cities.values() if n == 2) >= 12  # same city, 2020 and 2021
    provinces = [d for d in docs if d.startswith("cn_provincial_work_reports/")]
    for year in ("2020", "2021", "2026"):
        assert sum(d.endswith(f"/{year}.md") for d in provinces) >= 5
    assert sum(d.startswith("cn_national_gov_docs/national_work_reports/") for d in docs) >= 3
    assert sum(d.startswith("cn_national_gov_docs/nbs_statistical_communiques/") for d in docs) >= 3


@pytest.mark.skipif(not SHARED.is_dir(), reason="shared corpora not mounted")
def test_multi_corpus_is_a_byte_copy():
    for path in MULTI_CORPUS.rglob("*.md"):
        rel = path.relative_to(MULTI_CORPUS)
        assert path.read_bytes() == (SHARED / rel).read_bytes(), rel


# ---------------------------------------------------------------- the validator catches bad sets


def _record(**overrides) -> dict:
    q = {
        "id": "t-001",
        "question": "2019年高新技术企业有多少家？",
        "answer": "512家。",
        "must_contain": ["512"],
        "evidence": "全市高新技术企业由2015年的251家增加到512家",
        "type": "text_number",
        "section": "二、评估的主要内容",
    }
    q.update(overrides)
    return q


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_validator_accepts_a_good_record(tmp_path):
    assert validate_set(_write(tmp_path / "ok.jsonl", [_record()]), SEED_CORPUS) == []


def test_validator_catches_broken_evidence(tmp_path):
    bad = _write(tmp_path / "bad.jsonl", [_record(evidence="全市高新技术企业由2015年的215家增加到512家")])
    problems = validate_set(bad, SEED_CORPUS)
    assert any("evidence not found" in p for p in problems)


def test_validator_catches_duplicate_id(tmp_path):
    bad = _write(
        tmp_path / "bad.jsonl", [_record(), _record(question="2015年呢？", answer="251家", must_contain=["251"])]
    )
    problems = validate_set(bad, SEED_CORPUS)
    assert any("duplicate id" in p for p in problems)


def test_validator_catches_missing_field(tmp_path):
    record = _record()
    del record["section"]
    problems = validate_set(_write(tmp_path / "bad.jsonl", [record]), SEED_CORPUS)
    assert any("missing field" in p and "section" in p for p in problems)


def test_validator_catches_extra_field_and_unknown_type(tmp_path):
    bad = _write(tmp_path / "bad.jsonl", [_record(type="trivia", note="x")])
    problems = validate_set(bad, SEED_CORPUS)
    assert any("unexpected field" in p for p in problems)
    assert any("unknown type" in p for p in problems)


def test_validator_catches_invalid_json(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(_record(), ensure_ascii=False) + "\n{not json\n", encoding="utf-8")
    problems = validate_set(path, SEED_CORPUS)
    assert any("line 2" in p and "invalid JSON" in p for p in problems)
    with pytest.raises(ValueError):
        load_questions(path)


def test_validator_catches_must_contain_problems(tmp_path):
    records = [
        _record(id="a", must_contain=["513"]),  # in neither answer nor evidence
        _record(id="b", answer="共251家。", must_contain=["251家"], evidence="增长103.98%"),  # not in evidence
    ]
    problems = validate_set(_write(tmp_path / "bad.jsonl", records), SEED_CORPUS)
    assert any("(a)" in p and "not in answer" in p for p in problems)
    assert any("(b)" in p and "not in evidence" in p for p in problems)


def test_validator_catches_unanswerable_with_gold(tmp_path):
    bad = _write(tmp_path / "bad.jsonl", [_record(type="unanswerable")])
    problems = validate_set(bad, SEED_CORPUS)
    assert any("must_contain == []" in p for p in problems)
    assert any("evidence == ''" in p for p in problems)


def test_validator_catches_wrong_section(tmp_path):
    bad = _write(tmp_path / "bad.jsonl", [_record(section="四、并不存在的章节")])
    assert any("section heading" in p for p in validate_set(bad, SEED_CORPUS))


def test_validator_multi_checks_doc_and_uniqueness(tmp_path, multi):
    good = next(q for q in multi if q["type"] == "text_number")
    other = next(d for d in load_corpus(MULTI_CORPUS) if d != good["doc"])
    records = [
        dict(good, id="wrong-doc", doc=other),
        dict(good, id="no-doc-field"),
        dict(good, id="shared", evidence="政府工作报告", must_contain=[], type="list"),
        dict(good, id="unknown-doc", doc="cn_city_work_reports/唐山市/2020.md"),
    ]
    del records[1]["doc"]
    problems = validate_set(_write(tmp_path / "bad.jsonl", records), MULTI_CORPUS)
    assert any("(wrong-doc)" in p and "evidence not found" in p for p in problems)
    assert any("(no-doc-field)" in p and "missing field" in p for p in problems)
    assert any("(shared)" in p and "also occurs in other document" in p for p in problems)
    assert any("(unknown-doc)" in p and "not in corpus" in p for p in problems)


def test_validator_disagreement_needs_a_many_documents_set(tmp_path):
    bad = _write(tmp_path / "bad.jsonl", [_record(type="disagreement")])
    assert any("many-documents" in p for p in validate_set(bad, SEED_CORPUS))
