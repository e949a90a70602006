"""Chinese word segmentation with the project's domain dictionary, synonyms and stopwords.

    lexicon = Lexicon.load()                    # the built-in lexicon; or Lexicon.load(Path("my_lexicon"))
    lexicon.cut("全市高企达到512家")            # ['全市', '高企', '达到', '512', '家']
    lexicon.keyword_tokens("全市高企达到512家")  # ['全市', '高新技术企业', '达到', '512', '家']

The lexicon folder holds three plain-text files that officials may edit:

- ``domain_dict.txt``: jieba user-dictionary lines ``word [freq] [tag]``, ``#`` comments;
- ``synonyms.txt``: one group per line, ``canonical = alias = alias``; every alias is mapped to the
  first term of its group by :meth:`Lexicon.keyword_tokens`;
- ``stopwords.txt`` (optional): one word per line, dropped by :meth:`Lexicon.keyword_tokens`;
- ``qualifiers.txt`` (optional): words that narrow what an indicator counts (境外, 规模以上, 人均):
  :attr:`Lexicon.qualifiers`; one per line, or alternatives to one another on one line ("国家级 省级
  市级"): :attr:`Lexicon.qualifier_alternatives`; one written "…中位数" follows the indicator it narrows.

Each ``Lexicon`` owns its own ``jieba.Tokenizer`` (never jieba's global one), so loading a lexicon
does not change segmentation anywhere else in the process.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import jieba
import jieba.posseg

from reportqa.core.errors import DocumentError

BUILTIN_LEXICON_DIR = Path(__file__).with_name("lexicon")
DOMAIN_DICT = "domain_dict.txt"
SYNONYMS = "synonyms.txt"
STOPWORDS = "stopwords.txt"
QUALIFIERS = "qualifiers.txt"
EVERYDAY = "everyday.txt"  # everyday words for what reports say officially ("城里" for 城镇), in questions
ENGLISH = "english.txt"  # English names of what reports say in Chinese ("rare earths" for 稀土), in questions
PLAIN_WORDS = "plain_words.txt"  # words everyday Chinese uses far more than reports do ("孩子"), in questions

# jieba logs "Building prefix dict ..." at DEBUG/INFO on every initialisation
logging.getLogger("jieba").setLevel(logging.WARNING)
jieba.setLogLevel(logging.WARNING)

# jieba keeps a word together only if all its characters match its "han" pattern
_JIEBA_WORD = re.compile(r"^[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+$")
# digits joined by "." or "," ("133.68", "1,234"), optionally with "%": one token, never split
_NUMBER = re.compile(r"\d+(?:[.,]\d+)+%?")
# A year's 年 ends it, but for a word of its time ("年末", "年度", "年均"): jieba would read "2019年长者食堂" as
# 年长者 and "2021年轻工业" as 年轻
_AFTER_YEAR = re.compile(r"(?<=\d年)(?=[^末底初度内中均间前后里来代份终头尾\W\d])")
_DEFAULT_FREQ = 1000
_FILES = (DOMAIN_DICT, SYNONYMS, STOPWORDS, QUALIFIERS, EVERYDAY, ENGLISH, PLAIN_WORDS)
# read for questions only: no passage's tokens depend on them
QUESTION_ONLY = frozenset({EVERYDAY, ENGLISH, PLAIN_WORDS})
# lexicons read in this process, by folder and the state of its files
_LOADED: dict[tuple, Lexicon] = {}
_KEPT = 4
_TAGGED_KEPT = 8192  # sentences whose word classes a lexicon keeps
_LOADING = threading.Lock()
_CJK_WORD = re.compile(r"[\u4e00-\u9fff]+")
_SUBSCRIPT = re.compile(r"(?<=[A-Za-z])_(?=\d|x\b)")  # "PM_2.5", "CO_2", "NO_x": markdown of a subscript
_LATIN_ASIDE = re.compile(r"(?<=[\u4e00-\u9fff])[（(]([A-Za-z][A-Za-z&]{1,7})[）)](?=[\u4e00-\u9fff])")
_TRAILING = "…"  # qualifiers.txt: "…中位数" is said after the indicator it narrows
# what a question may put between the words of an everyday phrase: "草场的着火", "“散步”道"
_PHRASE_JOINERS = '[的“”"‘’「」]'
_PHRASE_JOINER = _PHRASE_JOINERS + "{0,2}"
# "省级以上", "县级及以下": a qualifier's range, which narrows (or widens) what follows like the qualifier
_QUALIFIER_RANGE = re.compile(r"及?以[上下]$")


# Words that name two things at once, with the two in the order reports list them: "城乡居民…分别达X、Y"
# gives 城镇居民 X and 农村居民 Y, and "城乡居民人均消费支出分别…" speaks of 农村居民人均消费支出 too.
TWO_IN_ONE = {
    "城乡": ("城镇", "农村"),
    "进出口": ("进口", "出口"),
    "中小学": ("中学", "小学"),
    "存贷款": ("存款", "贷款"),
    "内外资": ("内资", "外资"),
    "内外贸": ("内贸", "外贸"),
}


def joint_forms(term: str) -> list[str]:
    """`term` with one of two things named by the word for both: "农村居民消费" -> ["城乡居民消费"]."""
    return [term.replace(part, joint, 1) for joint, parts in TWO_IN_ONE.items() for part in parts if part in term]


@dataclass(frozen=True)
class Qualifiers:
    """Words that narrow what an indicator counts, said before it ("境外游客", "规模以上工业") or after
    it ("人均可支配收入中位数")."""

    before: frozenset[str] = frozenset()
    after: frozenset[str] = frozenset()

    def unsaid(self, question: str) -> Qualifiers:
        """The qualifiers `question` does not say: a sentence that says one of them answers a narrower
        question ("接待境外游客" for "接待游客多少"). One the question says jointly with another is said
        ("城镇" and "农村" of 城乡)."""
        said = question + "".join("".join(parts) for joint, parts in TWO_IN_ONE.items() if joint in question)
        return Qualifiers(*(frozenset(q for q in words if q not in said) for words in (self.before, self.after)))

    def said(self, question: str) -> Qualifiers:
        """The qualifiers `question` says: a figure whose term one of them narrows answers it
        ("年均增长6.2%" for "年均增长多少", not the "增长35.1%" beside it)."""
        return Qualifiers(*(frozenset(q for q in words if q in question) for words in (self.before, self.after)))

    def narrow(self, text: str, start: int, end: int) -> bool:
        """The term at text[start:end] is narrowed: a qualifier or its range right before it ("境外游客",
        "省级以上专精特新企业"), or one right after it ("人均可支配收入中位数")."""
        said = text[max(0, start - 8) : start]
        # the range is left out to find the qualifier it extends, unless the qualifier ends in one (规模以上)
        befores = (said, _QUALIFIER_RANGE.sub("", said))
        return any(b.endswith(self._befores) for b in befores) or text.startswith(self._afters, end)

    @functools.cached_property
    def _befores(self) -> tuple[str, ...]:
        return tuple(self.before)

    @functools.cached_property
    def _afters(self) -> tuple[str, ...]:
        return tuple(self.after)


class Lexicon:
    """Segmentation, synonym folding and stopword removal for Chinese (and some English) text."""

    def __init__(
        self,
        words: dict[str, tuple[int | None, str | None]] | None = None,
        synonym_groups: list[list[str]] | None = None,
        stopwords: set[str] | None = None,
        qualifiers: set[str] | None = None,
        qualifier_groups: list[list[str]] | None = None,
        everyday: list[list[str]] | None = None,
        english: list[list[str]] | None = None,
        plain_words: Iterable[str] = (),
    ) -> None:
        """Build a lexicon from already-parsed data (use :meth:`load` to read a lexicon folder).

        ``words`` maps a dictionary word to its (frequency, tag), either may be None;
        ``synonym_groups`` lists groups whose first term is canonical; ``stopwords`` are dropped
        from keyword tokens; ``qualifiers`` narrow what an indicator counts, and those of one of
        ``qualifier_groups`` are alternatives to one another; each line of ``everyday`` gives an official
        term, then the everyday phrases a question may say for it; each line of ``english`` a Chinese
        term, then its English names; ``plain_words`` are those everyday Chinese uses far more than
        reports do. Raises ValueError when a term belongs to two synonym groups.
        """
        self.plain_words = frozenset(plain_words)
        groups_of_qualifiers = [frozenset(g) for g in qualifier_groups or []]
        written = frozenset(qualifiers or ()).union(*groups_of_qualifiers)
        self.qualifiers = Qualifiers(
            frozenset(q for q in written if not q.startswith(_TRAILING)),
            frozenset(q.removeprefix(_TRAILING) for q in written if q.startswith(_TRAILING)),
        )
        # "国家级" -> {"省级", "市级", …}: a qualifier the question says, and what the text may say instead
        self.qualifier_alternatives = {q: group - {q} for group in groups_of_qualifiers for q in group}
        self._words = dict(words or {})
        self._groups = [list(g) for g in synonym_groups or []]
        self._stopwords = {w.lower() for w in stopwords or set()}
        self._canonical: dict[str, str] = {}
        self._forms: dict[str, tuple[str, ...]] = {}
        for group in self._groups:
            canonical = group[0].lower()
            self._forms[canonical] = tuple(dict.fromkeys(t.lower() for t in group))
            for term in group:
                key = term.lower()
                if key in self._canonical and self._canonical[key] != canonical:
                    raise ValueError(f"synonym {term!r} is in two groups: {self._canonical[key]!r} and {canonical!r}")
                self._canonical[key] = canonical
        # aliases jieba cannot hold as one word (spaces, "、") or that differ from the text only by
        # letter case are folded by a case-insensitive phrase pass before segmentation
        phrases = sorted(
            (t for g in self._groups for t in g if not _JIEBA_WORD.match(t) or re.search(r"[A-Za-z]", t)),
            key=len,
            reverse=True,
        )
        # an alias that starts with a Latin letter is only tried where one stands: the lookahead fails
        # fast on Chinese text, which the hundreds of English aliases would each be tried against
        latin = [p for p in phrases if p[0].isascii() and p[0].isalpha()]
        others = [p for p in phrases if not (p[0].isascii() and p[0].isalpha())]
        alternatives = [f"(?=[A-Za-z])(?:{'|'.join(_phrase_regex(p) for p in latin)})"] if latin else []
        alternatives += [_phrase_regex(p) for p in others]
        self._phrase_pattern = re.compile("|".join(alternatives), re.IGNORECASE) if alternatives else None
        self._tokenizer = jieba.Tokenizer()
        self._tokenizer.initialize()
        for word, (freq, tag) in self._words.items():
            self._tokenizer.add_word(word, freq or _DEFAULT_FREQ, tag)
        for group in self._groups:
            for term in group:
                # (an English word is matched whole by the phrase pattern: as a jieba word, "car" would
                # cut "carried" into "car" "ried")
                if _JIEBA_WORD.match(term) and term not in self._words and not (term.isascii() and term.isalpha()):
                    self._tokenizer.add_word(term, _DEFAULT_FREQ)
        # everyday phrases, longest first; one the synonym groups write already is none
        self._official = {
            phrase: official
            for official, *phrases in everyday or []
            for phrase in phrases
            if phrase.lower() not in self._canonical
        }
        spoken = sorted(self._official, key=len, reverse=True)
        self._spoken_as = {_without_joiners(phrase): phrase for phrase in reversed(spoken)}
        loose = (_PHRASE_JOINER.join(map(re.escape, phrase)) for phrase in spoken)
        self._everyday_pattern = re.compile("|".join(loose)) if spoken else None
        # English names, longest first; one a synonym group holds already is the group's
        self._chinese_of = {
            name.lower(): chinese
            for chinese, *names in english or []
            for name in names
            if name.lower() not in self._canonical
        }
        named = sorted(self._chinese_of, key=len, reverse=True)
        # (a name is no part of a hyphenated word: "goods trade" is not in "goods trade-in")
        self._english_pattern = (
            re.compile("|".join(rf"(?<!-){_phrase_regex(name)}(?!-)" for name in named), re.IGNORECASE)
            if named
            else None
        )
        # the same sentences are tagged for question after question: each once (1-2 ms of an answer)
        self._tagged = functools.lru_cache(maxsize=_TAGGED_KEPT)(self._tag)

    @functools.cached_property
    def _tagger(self) -> jieba.posseg.POSTokenizer:
        # reads jieba's whole dictionary for its word classes (about a second): only when first asked
        return jieba.posseg.POSTokenizer(self._tokenizer)

    @classmethod
    def load(cls, lexicon_dir: Path | None = None) -> Lexicon:
        """Read ``domain_dict.txt``, ``synonyms.txt`` and (if present) ``stopwords.txt`` and
        ``qualifiers.txt`` from ``lexicon_dir``
        (None: the lexicon shipped with reportqa).

        A lexicon is read once per process while its files stay unchanged (jieba takes seconds to set
        up its dictionary): every build and engine of the process shares it.

        Raises DocumentError naming the file when a required file is missing or a line is malformed.
        """
        lexicon_dir = lexicon_folder(lexicon_dir)
        key = (lexicon_dir.resolve(), *(_file_stamp(lexicon_dir / name) for name in _FILES))
        with _LOADING:
            if key not in _LOADED:
                _LOADED[key] = cls._read(lexicon_dir)
                while len(_LOADED) > _KEPT:  # each holds a copy of jieba's dictionary (tens of MB)
                    del _LOADED[next(iter(_LOADED))]
            return _LOADED[key]

    @classmethod
    def _read(cls, lexicon_dir: Path) -> Lexicon:
        words = _read_domain_dict(lexicon_dir / DOMAIN_DICT)
        groups = _read_synonyms(lexicon_dir / SYNONYMS)
        everyday_path = lexicon_dir / EVERYDAY
        everyday = _read_synonyms(everyday_path) if everyday_path.exists() else []
        english_path = lexicon_dir / ENGLISH
        english = _read_synonyms(english_path) if english_path.exists() else []
        plain_path = lexicon_dir / PLAIN_WORDS
        plain = [line.split()[0] for line in _content_lines(plain_path)] if plain_path.exists() else []
        stop_path = lexicon_dir / STOPWORDS
        stopwords = set(_content_lines(stop_path)) if stop_path.exists() else set()
        qualifier_path = lexicon_dir / QUALIFIERS
        qualifier_groups = [line.split() for line in _content_lines(qualifier_path)] if qualifier_path.exists() else []
        try:
            return cls(
                words,
                groups,
                stopwords,
                qualifier_groups=qualifier_groups,
                everyday=everyday,
                english=english,
                plain_words=plain,
            )
        except ValueError as exc:
            raise DocumentError(str(lexicon_dir / SYNONYMS), str(exc)) from exc

    def tokenize_with_spans(self, text: str) -> list[tuple[str, int, int]]:
        """jieba words of ``text`` with their [start, end) offsets, covering the text without gaps.

        Numbers written with "." or "," ("133.68", "1,234") are kept as one token.
        """
        tokens = [
            (word, at + start, at + end)
            for at, part in _after_years(text)
            for word, start, end in self._tokenizer.tokenize(part, HMM=True)
        ]
        inside = set()
        for m in _NUMBER.finditer(text):
            inside.update(range(m.start() + 1, m.end()))
        if not inside:
            return tokens
        merged: list[tuple[str, int, int]] = []
        for word, start, end in tokens:
            if merged and start in inside:
                _, prev_start, _ = merged[-1]
                merged[-1] = (text[prev_start:end], prev_start, end)
            else:
                merged.append((word, start, end))
        return merged

    def cut(self, text: str) -> list[str]:
        """jieba words of ``text`` in order, whitespace and punctuation included."""
        return [w for w, _, _ in self.tokenize_with_spans(text)]

    def word_classes(self, text: str) -> dict[str, str]:
        """jieba part-of-speech flag of each word of ``text`` (lowercased word -> flag such as n, v, r, m, q)."""
        return {pair.word.strip().lower(): pair.flag for pair in self._tagger.cut(text) if pair.word.strip()}

    def tagged(self, text: str) -> tuple[tuple[str, str], ...]:
        """jieba words of ``text`` in order with their part-of-speech flags, whitespace dropped. A word
        jieba knows only from a synonym group or guessed ("实际利用外资", "保障房") has no class ("x"): it
        names a thing, "n"; so does a word of a synonym group jieba takes for a person's name ("养老金")."""
        return self._tagged(text)

    def _tag(self, text: str) -> tuple[tuple[str, str], ...]:
        return tuple(
            (pair.word, "n" if self._names_a_thing(pair.word, pair.flag) else pair.flag)
            for _at, part in _after_years(text)
            for pair in self._tagger.cut(part)
            if pair.word.strip()
        )

    def _names_a_thing(self, word: str, flag: str) -> bool:
        return (flag == "x" and word.isalpha()) or (flag.startswith("nr") and word.lower() in self._canonical)

    def dictionary_cut(self, text: str) -> list[str]:
        """``text`` cut into dictionary words only (no HMM guesses), lowercased, whitespace dropped."""
        return [w.strip().lower() for w in self._tokenizer.lcut(text, HMM=False) if w.strip()]

    def subwords(self, word: str) -> list[str]:
        """The shorter dictionary words inside ``word`` ("汽车产量" -> 汽车, 产量), lowercased."""
        word = word.strip().lower()
        return [w for w in dict.fromkeys(self._tokenizer.cut_for_search(word, HMM=False)) if 1 < len(w) < len(word)]

    def surface_forms(self, term: str) -> tuple[str, ...]:
        """Every way ``term``'s synonym group is written (lowercased), canonical first; ``term`` alone
        when it is in none. Text holds these forms, where keyword tokens hold the canonical one."""
        key = self.canonical(term)
        return self._forms.get(key, (key,))

    def groups_inside(self, term: str) -> tuple[str, ...]:
        """The canonical forms of the other synonym groups one of whose forms is written inside one of
        ``term``'s ("研发投入" in 研发投入强度: 研发经费)."""
        own = self.canonical(term)
        forms = self.surface_forms(term)
        return tuple(
            canonical
            for canonical, written in self._forms.items()
            if canonical != own and any(len(w) > 1 and w != f and w in f for w in written for f in forms)
        )

    def canonical(self, term: str) -> str:
        """The canonical form (lowercased) of ``term``'s synonym group, else ``term`` lowercased."""
        key = term.strip().lower()
        return self._canonical.get(key, key)

    def _canonical_phrase(self, phrase: str) -> str:
        """Canonical form of a matched alias, which may be an English plural of the listed form."""
        return _as_listed(phrase, self._canonical) or _phrase_key(phrase)

    def joined_words(self, text: str) -> list[str]:
        """The keyword tokens of two or three words `text` writes apart, or with 的 after the first, that a
        document writes as one ("城镇居民的人均可支配收入": 城镇居民人均可支配收入; "铁路的营业 里程":
        铁路营业里程, one word of the dictionary)."""
        words = [w for w in self.cut(text) if w.strip()]
        out = []
        for i, first in enumerate(words[:-1]):
            k = i + 2 if words[i + 1] == "的" and i + 2 < len(words) else i + 1
            for count in (1, 2):
                parts = [first, *words[k : k + count]]
                if len(parts) <= count or not all(len(w) > 1 and _CJK_WORD.fullmatch(w) for w in parts):
                    break
                whole = "".join(parts)
                joined = self._as_one_word(whole)
                if joined is None and parts[-1].startswith("总"):
                    # ("粮食 总产量": a thing's total is written 粮食产量 as often as 粮食总产量)
                    joined = self._as_one_word(re.sub(r"总(?=[\u4e00-\u9fff]{2}$)", "", whole))
                if joined is not None and joined not in out:
                    out.append(joined)
                    break
        return out

    def _as_one_word(self, text: str) -> str | None:
        """The keyword token of `text` where the dictionary holds it as one word."""
        tokens = self.keyword_tokens(text)
        return tokens[0] if len(tokens) == 1 and self.cut(text) == [text] else None

    def in_official_words(self, text: str, written: Callable[[str], bool]) -> str:
        """`text` (a question) with each everyday phrase in the official term reports use instead
        ("城里的高科技公司" -> "城镇的高新技术企业", by the lines of everyday.txt), but for a phrase the
        documents write themselves (`written`), even inside a longer word ("粮食总产" of 粮食总产量): theirs.

        >>> Lexicon(everyday=[["城镇", "城里"], ["粮食产量", "粮食总产"]]).in_official_words(
        ...     "城里人的粮食总产量", written=lambda phrase: phrase == "粮食总产"
        ... )
        '城镇人的粮食总产量'
        >>> Lexicon(everyday=[["接待游客", "游客量"]]).in_official_words("接待游客量多少", written=lambda phrase: False)
        '接待游客量多少'
        >>> Lexicon(everyday=[["居民消费价格", "物价"]]).in_official_words("建筑物价格多少", written=lambda p: False)
        '建筑物价格多少'
        """
        if self._everyday_pattern is None:
            return text

        @functools.cache
        def starts() -> frozenset[int]:
            """Where the question's words start: segmented only once a phrase is found, as few questions have one."""
            return frozenset(start for _word, start, _end in self.tokenize_with_spans(text))

        def official(match: re.Match[str]) -> str:
            said = match.group(0)
            phrase = said if said in self._official else self._spoken_as[_without_joiners(said)]
            term = self._official[phrase]
            # (nor where the question opens the term before it: "接待游客量" is no "接待接待游客", nor inside a
            # word: the "物价" of 建筑物价格 is no 居民消费价格)
            before = text[: match.start()]
            if (
                written(said)
                or written(phrase)
                or match.start() not in starts()
                or any(before.endswith(term[:k]) for k in range(2, len(term)))
            ):
                return said
            # (a quote mark it opens, or closes, is kept for the one outside it: "“散步”道")
            opened = said.count("“") - said.count("”")
            return "“" * max(opened, 0) + term + "”" * max(-opened, 0)

        return self._everyday_pattern.sub(official, text)

    def english_names(self, text: str) -> list[tuple[int, int, str]]:
        """Where an English `text` writes a name english.txt gives a Chinese term for ("rare
        earths": 稀土), with that term; a name said in the plural too.

        >>> Lexicon(english=[["稀土", "rare earth metal"]]).english_names("How much rare earth metals?")
        [(9, 26, '稀土')]
        """
        if self._english_pattern is None:
            return []
        found = []
        for match in self._english_pattern.finditer(text):
            if (chinese := _as_listed(match.group(0), self._chinese_of)) is not None:
                found.append((*match.span(), chinese))
        return found

    def phrases(self, text: str) -> list[tuple[int, int, str]]:
        """Where `text` writes a phrase a synonym group holds whole ("energy consumption per unit of
        GDP", "R&D经费"), with the group's canonical form: one term, whose words are not to be read
        one by one."""
        if self._phrase_pattern is None:
            return []
        return [(*m.span(), self._canonical_phrase(m.group(0))) for m in self._phrase_pattern.finditer(text)]

    def keyword_tokens(self, text: str) -> list[str]:
        """Tokens for keyword search: lowercased, synonyms folded to their canonical form,
        whitespace, punctuation and stopwords dropped, numbers kept. A Latin abbreviation set in
        brackets inside a name ("研究与试验发展（R&D）经费支出") is read after it: the name stays whole. A
        subscript written after an underscore is read as the plain text writes it ("PM_2.5": PM2.5)."""
        asides = _LATIN_ASIDE.findall(text)
        if asides:
            text = f"{_LATIN_ASIDE.sub('', text)} {' '.join(asides)}"
        text = _SUBSCRIPT.sub("", text)
        if self._phrase_pattern is not None:
            text = self._phrase_pattern.sub(lambda m: f" {self._canonical_phrase(m.group(0))} ", text)
        out: list[str] = []
        follows = False  # whether the word before was the last token kept
        for word in self.cut(text):
            token = word.strip().lower()
            if not token or _is_punctuation(token) or token in self._stopwords:
                follows = False
                continue
            token = self._canonical.get(token, token)
            if token in self._stopwords:
                follows = False
                continue
            if follows and (joined := self._joined_term(out[-1], token)):
                out[-1] = joined
            else:
                out.append(token)
            follows = True
        return out

    def _joined_term(self, before: str, term: str) -> str | None:
        """The term a word and the term after it write together where the segmenter cut them apart
        ("高速" 铁路通车里程: 高速铁路里程 is a form of 高铁运营里程), if any: another group's form."""
        if not _CJK_WORD.fullmatch(before):
            return None
        joined = (self._canonical.get(before + form) for form in self._forms.get(term, (term,)))
        return next((j for j in joined if j is not None and j != term), None)


def _file_stamp(path: Path) -> tuple[int, int] | None:
    """When the file was last written and its size; None when there is none."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return stat.st_mtime_ns, stat.st_size


def lexicon_folder(lexicon_dir: Path | None) -> Path:
    """The folder a lexicon is read from: ``lexicon_dir``, or the built-in one when it is None."""
    return Path(lexicon_dir) if lexicon_dir is not None else BUILTIN_LEXICON_DIR


def _phrase_key(phrase: str) -> str:
    """A matched phrase as the tables list it: lowercase, one space between words."""
    return re.sub(r"\s+", " ", phrase.strip().lower())


def _as_listed(phrase: str, table: Mapping[str, str]) -> str | None:
    """What `table` lists for a matched phrase, written as listed, as the plural of an English one or,
    for one listed in the plural, as its singular."""
    key = _phrase_key(phrase)
    forms = (key, key.removesuffix("s"), key.removesuffix("es"), f"{key}s", f"{key}es", re.sub(r"y$", "ies", key))
    return next((table[form] for form in forms if form in table), None)


# a plural that ends a phrase of English words ("overseas visitors"): its singular is the phrase too
_PLURAL_END = re.compile(r"(?<=[a-z]{3})(?<![su])(?:(?<=i)es|s)$")


def _phrase_regex(phrase: str) -> str:
    parts = phrase.split()
    if len(parts) > 1 and (plural := _PLURAL_END.search(parts[-1])):
        # "overseas visitor arrivals": the singular, before a noun of its own
        ies = plural.group(0) == "es"  # "industries": industry
        parts[-1] = parts[-1][: plural.start() - ies] + ("y" if ies else "")
    body = r"\s+".join(re.escape(part) for part in parts)
    before = r"(?<![A-Za-z])" if phrase[0].isascii() and phrase[0].isalpha() else ""
    # an English alias also matches its plural: "high-tech enterprise(s)", "industr(y|ies)"
    after = r"(?:e?s)?(?![A-Za-z])" if phrase[-1].isascii() and phrase[-1].isalpha() else ""
    if body.endswith("y") and after:
        body, after = body[:-1], r"(?:y|ies)(?![A-Za-z])"
    return before + body + after


def _is_punctuation(token: str) -> bool:
    return all(unicodedata.category(ch)[0] in "PSZC" for ch in token)


def _content_lines(path: Path) -> list[str]:
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise DocumentError(str(path), "词表文件不存在 (lexicon file is missing)") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DocumentError(str(path), f"cannot read lexicon file as UTF-8: {exc}") from exc
    return [line.strip() for line in raw.splitlines() if line.strip() and not line.strip().startswith("#")]


def _read_domain_dict(path: Path) -> dict[str, tuple[int | None, str | None]]:
    words: dict[str, tuple[int | None, str | None]] = {}
    for line in _content_lines(path):
        parts = line.split()
        word, freq, tag = parts[0], None, None
        rest = parts[1:]
        if rest and rest[0].isdigit():
            freq = int(rest.pop(0))
        if rest:
            tag = rest.pop(0)
        if rest:
            raise DocumentError(str(path), f"line {line!r}: expected 'word [freq] [tag]'")
        words[word] = (freq, tag)
    return words


def _read_synonyms(path: Path) -> list[list[str]]:
    groups = []
    for line in _content_lines(path):
        terms = [t.strip() for t in line.split("=") if t.strip()]
        if len(terms) < 2:
            raise DocumentError(str(path), f"line {line!r}: a synonym group needs at least two terms separated by '='")
        groups.append(terms)
    return groups


def contraction(first: str, second: str) -> str:
    """How Chinese writes two words that end alike as one, their heads before the shared end ("新建" and
    "扩建" -> 新扩建, "进口" and "出口" -> 进出口, "大型" and "中型" -> 大中型); "" when they share no end or
    either is nothing but it.

    >>> contraction("新建", "扩建"), contraction("中学", "小学"), contraction("城镇", "农村")
    ('新扩建', '中小学', '')
    """
    shared = 0
    while shared < min(len(first), len(second)) - 1 and first[-shared - 1] == second[-shared - 1]:
        shared += 1
    if not shared or not _CJK_WORD.fullmatch(first + second):
        return ""
    return first[:-shared] + second[:-shared] + first[-shared:]


def abbreviation(term: str, words: Sequence[str]) -> str:
    """How Chinese shortens a term made of two or more words: the first character of each
    ("棚户区改造" -> 棚改, "社会保障" -> 社保, "环境保护" -> 环保). `words` are the dictionary words
    inside the term; the term is read left to right, longest word first. "" when they do not make up
    the term, or a part is shorter than two characters or not Chinese.

    >>> abbreviation("棚户区改造", ["棚户", "棚户区", "改造"]), abbreviation("5g基站", ["基站"])
    ('棚改', '')
    """
    parts, start = [], 0
    while start < len(term):
        part = max((w for w in words if term.startswith(w, start)), key=len, default="")
        if len(part) < 2 or not _CJK_WORD.fullmatch(part):
            return ""
        parts.append(part)
        start += len(part)
    return "".join(p[0] for p in parts) if len(parts) > 1 else ""


def _without_joiners(phrase: str) -> str:
    """An everyday phrase as a question may say it, without the 的 or quote marks between its words."""
    return re.sub(_PHRASE_JOINERS, "", phrase)


def _after_years(text: str) -> list[tuple[int, str]]:
    """The text in parts, each with its offset, cut after a year's 年 that no word of its time goes on from."""
    starts = [0, *(m.start() for m in _AFTER_YEAR.finditer(text))]
    return [(start, text[start:end]) for start, end in zip(starts, [*starts[1:], len(text)], strict=True)]
