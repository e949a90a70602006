"""The name a statement gives a thing a question points at by what it did ("the city that…"): a place
for a kind of place, else the name that ends in the kind's word ("沿江高铁" of 高铁), else the first name
the statement gives that the question does not.

    >>> from reportqa.language.lexicon import Lexicon
    >>> tag = Lexicon().tagged
    >>> name_of_kind("全国首个海上风电母港在盐城建成。", "江苏城市", "2022年建成全国首个海上风电母港", tag)
    '盐城'
    >>> name_of_kind("成功举办2022中国农业机械博览会，会址落户本省。", "博览会", "2022年举办", tag)
    '中国农业机械博览会'
"""

from __future__ import annotations

from reportqa.language.places import place_mentions
from reportqa.question.comparison import Tagger

_PLACE_KINDS = ("城市", "市", "县", "区", "地区", "地方", "省", "自治区", "州", "盟")
_NAME_CLASSES = ("n", "nr", "ns", "nt", "nz", "j", "eng", "m", "vn")  # words a name is made of


def name_of_kind(statement: str, kind: str, clue: str, tag: Tagger) -> str | None:
    """The name `statement` gives the thing of `kind` that `clue` describes; None when it gives none."""
    if kind.endswith(_PLACE_KINDS):
        places = [statement[start:end] for name, start, end in place_mentions(statement) if name[:2] not in clue]
        return places[0] if places else None
    words = list(tag(statement))
    head = kind[-2:]
    for i, (word, _word_class) in enumerate(words):
        if not word.endswith(head):
            continue
        start = i
        while start > 0 and words[start - 1][1].startswith(_NAME_CLASSES) and not words[start - 1][0].isdigit():
            start -= 1
        name = "".join(word for word, _ in words[start : i + 1])
        if len(name) > len(head) and name not in clue:
            return name
    # "某某重工入选…领军企业": the kind is what the clue says it became; the name is another word
    names = (word for word, word_class in words if word_class.startswith(("nr", "nt", "nz")) and word not in clue)
    return next(names, None)
