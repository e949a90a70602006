"""Chinese place names in questions and document metadata, from jionlp's administrative gazetteer.

The gazetteer file is read straight from jionlp's package data (importing jionlp itself is slow
and prints a banner). Provinces and prefecture-level cities match by full name or short alias
("深圳市" / "深圳"); counties and districts by full name only, since their short forms are
often ordinary words.

Questions may also name a place by a nickname ("鹏城") or in English ("Guangdong's GDP"):
`name_places` rewrites those into the full Chinese name before the question is analysed. English
names are the toneless pinyin of the short name, read from jionlp's pinyin dictionaries, plus the
few exonyms listed in place_nicknames.txt beside the nicknames.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportqa.language.segmentation import splits_a_later_word, word_starts

NATIONAL = "全国"
NATIONAL_BODIES = ("国务院", "国家统计局", "统计局")
_NATIONAL_CUES = ("全国", "中国", "我国", *NATIONAL_BODIES)
_NATIONAL_CUE = re.compile("|".join(_NATIONAL_CUES))
_NATIONAL_ENGLISH = re.compile(r"\b(?:China|nationwide|State Council|NBS)\b", re.I)
NICKNAMES_FILE = Path(__file__).with_name("place_nicknames.txt")


@dataclass(frozen=True)
class Place:
    name: str  # full name, e.g. "深圳市"
    aliases: frozenset[str]
    province: str  # full name of the province it lies in (itself for a province)
    level: str  # province | city | county


@dataclass(frozen=True)
class Gazetteer:
    by_alias: dict[str, Place]
    pattern: re.Pattern[str]


def _jionlp_dictionary(name: str) -> list[str]:
    """Lines of one of jionlp's zipped dictionaries, e.g. "china_location"."""
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("jionlp is not installed: it provides the gazetteer of Chinese places")
    path = Path(next(iter(spec.submodule_search_locations))) / "dictionary" / f"{name}.zip"
    with zipfile.ZipFile(path) as archive:
        return archive.read(f"{name}.txt").decode("utf-8").splitlines()


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    lines = _jionlp_dictionary("china_location")
    by_alias: dict[str, Place] = {}
    province = ""
    for line in lines:
        depth = len(line) - len(line.lstrip("\t"))
        fields = line.strip().split("\t")
        if depth > 2 or len(fields) != 3:
            continue
        name, _code, alias = fields
        if depth == 0:
            province = name
        level = ("province", "city", "county")[depth]
        aliases = {name}
        if level != "county":
            aliases.update(a for a in alias.split("/") if len(a) >= 2)
        place = Place(name, frozenset(aliases), province, level)
        for a in aliases:
            # a province and its capital-less namesake city ("吉林"): the higher level keeps the alias
            if a not in by_alias or _rank(by_alias[a]) > _rank(place):
                by_alias[a] = place
    names = sorted(by_alias, key=len, reverse=True)
    # "中山大学", "长安街": a place name that is part of an institution's or a street's name
    not_a_place = r"(?!大学|学院|路|街|大道|广场|公园)"
    return Gazetteer(by_alias, re.compile("(?:" + "|".join(re.escape(n) for n in names) + ")" + not_a_place))


def _rank(place: Place) -> int:
    return {"province": 0, "city": 1, "county": 2}[place.level]


def lookup(name: str) -> Place | None:
    return gazetteer().by_alias.get(name)


def place_mentions(text: str) -> list[tuple[str, int, int]]:
    """(full name, start, end) of every place the text names, in order.

    A name must begin a word: "白银" inside the idiom "真金白银" is no place. It must not end inside
    a word that begins after it: "城市和县城" names no 和县; "郑州市区" names 郑州 (郑州 | 市区).
    """
    by_alias = gazetteer().by_alias
    matches = list(gazetteer().pattern.finditer(text))
    starts = word_starts(text) if matches else set()
    mentions = []
    for m in matches:
        if m.start() not in starts:
            continue
        # the longest name here that ends where a word may end
        end = next(
            (
                end
                for end in range(m.end(), m.start() + 1, -1)
                if text[m.start() : end] in by_alias and not splits_a_later_word(text, m.start(), end)
            ),
            None,
        )
        if end is not None:
            mentions.append((by_alias[text[m.start() : end]].name, m.start(), end))
    return mentions


# Regions of the country that no gazetteer entry is: the points of the compass of 华东 and the like, and
# the belts and city clusters reports name ("向华南地区供气", "长三角地区")
_REGION = re.compile(
    r"(?:华东|华北|华中|华南|西南|西北|东北|东部|中部|西部|东南|东中部|中西部|沿海|长三角|珠三角|京津冀)地区"
    r"|粤港澳大湾区|长江经济带|黄河流域"
)


def regions_in(text: str) -> tuple[str, ...]:
    """The regions of the country a text names, in order, without duplicates.

    >>> regions_in("管道建成后向华南地区供气，推动长三角地区一体化")
    ('华南地区', '长三角地区')
    """
    return tuple(dict.fromkeys(m.group(0) for m in _REGION.finditer(text)))


def places_in(text: str) -> tuple[str, ...]:
    """Full names of the places a text names, in order, without duplicates."""
    return tuple(dict.fromkeys(name for name, _, _ in place_mentions(text)))


@dataclass(frozen=True)
class _OtherNames:
    nicknames: dict[str, str]  # "鹏城" -> "深圳市", longest first
    english: dict[str, tuple[str, ...]]  # "suzhou" -> ("苏州市", "宿州市"): pinyin is ambiguous
    english_pattern: re.Pattern[str]


def _toneless(syllables: str) -> str:
    """ "guǎng/dōng" -> "guangdong"."""
    plain = unicodedata.normalize("NFKD", syllables.replace("ü", "v"))
    return "".join(c for c in plain if c.isascii() and c.isalpha()).replace("v", "u")


def _pinyin(word: str, phrases: dict[str, str], chars: dict[str, str]) -> str:
    if word in phrases:
        return _toneless(phrases[word])
    readings = [chars.get(c, "") for c in word]
    return "".join(readings) if all(readings) else ""


@lru_cache(maxsize=1)
def _other_names() -> _OtherNames:
    phrases = dict(line.split("\t", 1) for line in _jionlp_dictionary("pinyin_phrase") if "\t" in line)
    chars = {}
    for line in _jionlp_dictionary("chinese_char_dictionary"):
        fields = line.split("\t")
        reading = re.match(r"\[([^\]]+)\]", fields[-1]) if len(fields) > 7 else None
        if reading:
            chars[fields[0]] = _toneless(reading.group(1))
    english: dict[str, list[str]] = {}
    for place in {p for p in gazetteer().by_alias.values() if p.level != "county"}:
        for alias in place.aliases:
            name = _pinyin(alias, phrases, chars) if alias != place.name else ""
            if len(name) >= 4 and place.name not in english.setdefault(name, []):
                english[name].append(place.name)
    nicknames: dict[str, str] = {}
    exonyms: dict[str, str] = {}
    for line in NICKNAMES_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            other, _, full = (part.strip() for part in line.partition("="))
            if other.isascii():
                exonyms[re.sub(r"\W", "", other.lower())] = full
            else:
                nicknames[other] = full
    # a pinyin two places share belongs to the one without an English name of its own ("Shanxi" is
    # 山西; 陕西 is "Shaanxi")
    for name, places in english.items():
        english[name] = [p for p in places if p not in exonyms.values()] or places
    english.update({name: [full] for name, full in exonyms.items()})
    words = sorted(english, key=len, reverse=True)
    # "Xi'an", "Inner Mongolia": matched with the apostrophe and spaces taken out
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)
    # the longer first: "燕赵大地" is one name, not 燕赵 and a 大地
    longest_first = dict(sorted(nicknames.items(), key=lambda item: -len(item[0])))
    return _OtherNames(longest_first, {k: tuple(v) for k, v in english.items()}, pattern)


def name_places(text: str) -> str:
    """The text with place nicknames and English place names replaced by full Chinese names.

    "鹏城2019年经济总量多大？" -> "深圳市2019年经济总量多大？"; "What was Guangdong's GDP?" ->
    "What was Guangdong (广东省)'s GDP?". An English name several places share is replaced by all of them.
    """
    names = _other_names()
    for nickname, full in names.nicknames.items():
        if nickname in text:
            starts = word_starts(text)  # a nickname must begin a word
            text = re.sub(
                re.escape(nickname),
                lambda m, full=full, starts=starts: full if m.start() in starts else m.group(0),
                text,
            )
    if re.search(r"[A-Za-z]", text):
        joined = re.sub(r"(?<=[A-Za-z])'(?=[aeiou])", "", text)  # Xi'an
        joined = re.sub(r"\b(Inner|Hong) (Mongolia|Kong)\b", r"\1\2", joined, flags=re.I)
        text = names.english_pattern.sub(
            lambda m: f"{m.group(0)} ({'、'.join(names.english[m.group(0).lower()])})", joined
        )
    return text


# a body's branch in a place: "人民银行杭州分行", "海关总署广州分署"
_BRANCH_OF_A_BODY = re.compile(r"(?:市|省)?(?:分行|支行|分局|分院|分署|总部|分公司|办事处|代表处|分中心)")


def question_places(text: str) -> tuple[str, ...]:
    """Places a question names, with NATIONAL for the nation ("全国", "国务院", "国家统计局", "China"); not a
    place that names a body's branch there ("人民银行杭州分行", "海关总署广州分署"), which is no scope."""
    found = tuple(
        dict.fromkeys(name for name, _, end in place_mentions(text) if not _BRANCH_OF_A_BODY.match(text, end))
    )
    cues = list(_NATIONAL_CUE.finditer(text))
    # a cue must begin a word: "其中国家级" holds no "中国"
    if (cues and {m.start() for m in cues} & word_starts(text)) or _NATIONAL_ENGLISH.search(text):
        found = (*found, NATIONAL)
    return found


def place_words(text: str) -> set[str]:
    """The words of `text` that name a place, as it writes them ("太原", "全国", "国务院")."""
    starts = word_starts(text)
    national = {m.group(0) for m in _NATIONAL_CUE.finditer(text) if m.start() in starts}
    return {text[start:end] for _, start, end in place_mentions(text)} | national


def place_aliases(name: str) -> frozenset[str]:
    """Every form a place goes by; {NATIONAL} for national bodies; {name} if unknown."""
    if name == NATIONAL:
        return frozenset({NATIONAL})
    place = lookup(name)
    return place.aliases if place else frozenset({name})


def province_of(name: str) -> str:
    place = lookup(name)
    return place.province if place else ""
