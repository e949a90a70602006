"""Write language/lexicon/plain_words.txt: the words everyday Chinese uses far more than government
reports do ("孩子", "东西", "房子"), by jieba's general dictionary against the reports of a corpus.

    python scripts/everyday_words.py ../shared/corpora

A word a question uses that is one of these is the asker's own wording more likely than the name of
what is asked: it counts less against a statement that lacks it (`ExtractiveAnswerer._unused_terms`).
"""

from __future__ import annotations

import argparse
import collections
import math
import re
from pathlib import Path

import jieba

OUT = Path(__file__).resolve().parent.parent / "language" / "lexicon" / "plain_words.txt"
MIN_GENERAL_COUNT = 100  # rarer words say too little of how people speak
MIN_RATIO = 2.0  # everyday use per token at least this many times the reports'
_CJK_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$")  # one character is weighed as such already


def general_counts() -> dict[str, int]:
    """jieba's own dictionary: how often each word is used in general Chinese text."""
    counts = {}
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as lines:
        for line in lines:
            word, count, *_ = line.split()
            counts[word] = int(count)
    return counts


def report_counts(corpora: Path) -> collections.Counter[str]:
    """How often each word is used in the reports, as jieba's general dictionary segments them."""
    tokenizer = jieba.Tokenizer()
    counts: collections.Counter[str] = collections.Counter()
    for path in sorted(corpora.rglob("*.md")):
        counts.update(tokenizer.lcut(path.read_text(encoding="utf-8"), HMM=False))
    return counts


def plain_words(general: dict[str, int], reports: collections.Counter[str]) -> list[tuple[str, float]]:
    """The words, each with the log10 ratio of its general to its reports' rate, most everyday first."""
    general_total, reports_total = sum(general.values()), sum(reports.values())
    ratios = []
    for word, count in general.items():
        if count < MIN_GENERAL_COUNT or not _CJK_WORD.match(word) or not reports[word]:
            continue  # a word the reports never use is one no passage uses: weighed as such already
        ratio = (count / general_total) / (reports[word] / reports_total)
        if ratio >= MIN_RATIO:
            ratios.append((word, math.log10(ratio)))
    return sorted(ratios, key=lambda item: (-item[1], item[0]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", type=Path, help="folder of the reports (markdown files)")
    args = parser.parse_args()
    words = plain_words(general_counts(), report_counts(args.corpora))
    header = (
        "# 日常用语表：一般汉语里用得远多于政府工作报告、统计公报、规划纲要的词\n"
        "# （由 scripts/everyday_words.py 生成，勿手改）。\n"
        f"# 标准：jieba 通用词频至少 {MIN_GENERAL_COUNT}，通用使用率至少是报告中的 {MIN_RATIO:g} 倍；\n"
        "# 每行：词 比值的常用对数。\n"
        "# 问题里的这些词多是提问人的说法：句子里没有它们时，扣分减半（与文档里从未出现的词同等对待）。\n"
    )
    OUT.write_text(header + "".join(f"{word} {ratio:.2f}\n" for word, ratio in words), encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
