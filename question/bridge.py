"""Questions that ask about a thing they name only by what it did: "2022年建成首个海上风电母港的那座城市，
今年要推进什么产业园建设？".

What comes before "的那座城市，" describes the thing (its clue); what follows asks about it. The clue
is asked first ("…的是哪座城市？"), then the rest of the question, of the name the first answer gives.

    >>> bridge = find_bridge("2022年建成首个海上风电母港的那座城市，今年要推进什么产业园建设？")
    >>> bridge.first_question, bridge.then("盐城")
    ('2022年建成首个海上风电母港的是哪座城市？', '盐城今年要推进什么产业园建设？')
    >>> find_bridge("那座城市的地区生产总值是多少？") is None, find_bridge("2019年全市的那次会议，提出了什么？") is None
    (True, True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# "…的那座城市，", "…的这家企业，": a thing pointed at by what it did, then a clause that asks of it
_POINTED_AT = re.compile(
    r"^(?P<clue>[^，,？?]{4,}?)的[那这](?P<measure>[个座条家项位所名批种届一]{0,2})"
    r"(?P<kind>[\u4e00-\u9fff]{1,10})[，,]\s*(?P<rest>.+)$"
)
_ASKS = re.compile(r"多少|几|什么|哪|谁|何|怎样|如何|是否")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CLUE_CHARS = 5  # a clue says what the thing did, in more words than a time and a place


@dataclass(frozen=True)
class Bridge:
    clue: str  # what the thing did: "2022年建成首个海上风电母港"
    measure: str  # how it is counted: "座"
    kind: str  # what kind of thing it is: "城市", "江苏城市", "博览会"
    rest: str  # what is asked of it: "今年要推进什么产业园建设？"

    @property
    def first_question(self) -> str:
        """The question for the thing's name."""
        return f"{self.clue}的是哪{self.measure or '个'}{self.kind}？"

    def then(self, name: str) -> str:
        """The rest of the question, asked of the thing by its name (in place of a "它" that refers to it)."""
        return self.rest.replace("它", name, 1) if "它" in self.rest else f"{name}{self.rest}"


def find_bridge(question: str) -> Bridge | None:
    """The thing a question asks about through what it did, or None when it names what it asks about."""
    match = _POINTED_AT.match(question.strip())
    if match is None or not _ASKS.search(match.group("rest")) or _ASKS.search(match.group("clue")):
        return None
    if len(_CJK.findall(match.group("clue"))) < _CLUE_CHARS:
        return None  # "2019年的那次会议，…": a time or place, not what the thing did
    rest = match.group("rest").strip().rstrip("？?。") + "？"
    return Bridge(match.group("clue"), match.group("measure"), match.group("kind"), rest)
