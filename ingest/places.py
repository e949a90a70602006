"""Chinese place names in questions and document metadata, from jionlp's administrative gazetteer.

The gazetteer file is read straight from jionlp's package data (importing jionlp itself is slow
and prints a banner). Provinces and prefecture-level cities match by full name or short alias
("深圳市" / "深圳"); counties and districts by full name only, since their short forms are
often ordinary words.
"""

from __future__ import annotations

import importlib.util
import re
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jieba

NATIONAL = "全国"
_NATIONAL_CUES = ("全国", "国务院", "国家统计局", "中国")


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


def _gazetteer_file() -> Path:
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("jionlp is not installed: it provides the gazetteer of Chinese places")
    return Path(next(iter(spec.submodule_search_locations))) / "dictionary" / "china_location.zip"


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    with zipfile.ZipFile(_gazetteer_file()) as archive:
        lines = archive.read("china_location.txt").decode("utf-8").splitlines()
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


@lru_cache(maxsize=1)
def _segmenter() -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def _word_starts(text: str) -> set[int]:
    return {start for _, start, _ in _segmenter().tokenize(text)}


def places_in(text: str) -> tuple[str, ...]:
    """Full names of the places a text names, in order, without duplicates.

    A name must begin a word: "白银" inside the idiom "真金白银" is no place.
    """
    found: list[str] = []
    matches = list(gazetteer().pattern.finditer(text))
    starts = _word_starts(text) if matches else set()
    for match in matches:
        if match.start() not in starts:
            continue
        name = gazetteer().by_alias[match.group(0)].name
        if name not in found:
            found.append(name)
    return tuple(found)


def place_aliases(name: str) -> frozenset[str]:
    """Every form a place goes by; {NATIONAL} for national bodies; {name} if unknown."""
    if name == NATIONAL:
        return frozenset({NATIONAL})
    place = lookup(name)
    return place.aliases if place else frozenset({name})


def province_of(name: str) -> str:
    place = lookup(name)
    return place.province if place else ""


def is_national(text: str) -> bool:
    return any(cue in text for cue in _NATIONAL_CUES)
