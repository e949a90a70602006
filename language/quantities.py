"""Units of quantities in Chinese reports: which units there are, what their magnitude multiplies by,
and what they count. The one unit model of the project (figures, changes, comparisons, answers).

    >>> unit_scale("万亿元"), unit_family("万亿元"), unit_family("%"), unit_family("个百分点"), unit_family("万")
    (1000000000000.0, '元', '%', '个百分点', '元')
    >>> amount("1.70", "万亿元"), amount("十八", "届"), amount("1,234", "人"), amount("七", "成")
    (1700000000000.0, 18.0, 1234.0, 70.0)
    >>> amount("五万七千六百亿", "元"), amount("二点二", "吨"), amount("六万万", "人")
    (5760000000000.0, 2.2, 600000000.0)
    >>> arabic_numerals("三百六十行"), arabic_numerals("三十五个")
    ('360行', '35个')
"""

from __future__ import annotations

import re

import cn2an

# What figures are counted in, as reports write them right after the number (a magnitude 万/亿 goes
# before: "34.8亿斤", "5万平方米"). Matched longest first (`UNIT_PATTERN`).
UNITS = (
    "个百分点", "百分点", "台套", "吨公里", "人公里", "千瓦小时", "千伏安",
    "微克/立方米", "毫克/立方米", "毫克/升",
    "平方米", "平方公里", "平方千米", "立方米", "千瓦时", "千瓦", "兆瓦", "千伏",
    "美元", "元", "吨标准煤", "标准煤", "蒸吨", "吨", "公斤", "千克", "斤", "公顷", "亩", "人次", "户次", "架次",
    "艘次", "场次", "批次", "车次", "人", "户", "成", "公里", "千米", "米", "毫米", "英寸", "平米", "%", "‰", "家",
    "个", "项", "名", "件", "台", "所", "篇", "次", "倍", "位", "条", "座", "批", "支", "套", "处", "辆", "部",
    "场", "期", "届", "册", "种", "张", "枚", "颗", "艘", "架", "只", "头", "株", "棵", "例", "份", "队", "卷", "起",
    "栋", "宗", "门", "对", "列", "轮", "趟", "班", "首", "本", "间", "幢", "根",
    "度",  # electricity as older reports count it ("全省发电量360亿度"), a 千瓦时
    "标准箱", "标箱", "马力", "小时", "分钟", "岁", "周岁", "天", "年", "月",
    "亿", "万",
    # with their magnitude, so that "1.7万亿元" reads 万 then 亿元
    "亿元", "万元", "千元", "亿美元", "万美元", "万台套", "万平方米", "万千瓦", "万吨", "万人次", "万人", "万户",
    "万亩",
)  # fmt: skip
# "微克每立方米" as questions say it, for the "微克/立方米" of reports
_SPOKEN_UNITS = {u.replace("/", "每"): u for u in UNITS if "/" in u}
_SPOKEN_UNIT = re.compile("|".join(_SPOKEN_UNITS))


def written_units(text: str) -> str:
    """`text` with its units said with 每 written as reports write them.

    >>> written_units("细颗粒物平均浓度是多少微克每立方米？")
    '细颗粒物平均浓度是多少微克/立方米？'
    """
    return _SPOKEN_UNIT.sub(lambda m: _SPOKEN_UNITS[m.group(0)], text)


# Units a figure is written in; not 年/月, which follow years and dates far more often than counts.
UNIT_PATTERN = "|".join(re.escape(u) for u in sorted(set(UNITS) - {"年", "月"}, key=len, reverse=True))
RATE_UNITS = frozenset({"%", "个百分点", "‰", "倍"})  # a rate or share, never a level
# Measure words: the thing counted follows them ("1个国家级技术创新中心"), unless it was said before the
# figure ("高新技术企业512家").
MEASURE_WORDS = frozenset(
    "个家项件台所篇位条座批支套处辆部场期届册种张枚颗艘架只头株棵例份队卷栋宗门对列户名轮趟班首本间幢根"
)
_MAGNITUDE = {"万": 1e4, "亿": 1e8, "千": 1e3}


def unit_scale(unit: str) -> float:
    """What the unit's magnitude multiplies by: "万元" -> 1e4, "万亿元" -> 1e12, "家" -> 1; a tenth ("七成")
    is ten percent."""
    if unit == "成":
        return 10.0
    scale = 1.0
    for char in unit:
        if char not in _MAGNITUDE:
            break
        scale *= _MAGNITUDE[char]
    return scale


# people are counted in any of these ("3.2万名技能人才…，比上年增加0.4万人", "柔性引进了几位专家")
PEOPLE_UNITS = ("人", "名", "位")


def same_unit(unit: str, other: str) -> bool:
    """The two units count alike at one magnitude: people in any of `PEOPLE_UNITS`."""
    return unit == other or (unit[:-1] == other[:-1] and unit[-1:] in PEOPLE_UNITS and other[-1:] in PEOPLE_UNITS)


def unit_family(unit: str) -> str:
    """What a unit counts, without its magnitude: 万元, 亿元 and a bare 万 are 元; no unit counts
    nothing ("4.1:36:59.9"). A percentage point is a difference of two percentages, not a
    percentage: "提高0.49个百分点" is no share's level."""
    if unit in ("个百分点", "百分点"):
        return "个百分点"
    if unit == "成":  # "超七成": tenths, a share
        return "%"
    if unit == "周岁":  # an age, as 岁
        return "岁"
    base = unit.lstrip("万亿千")
    return base if base or not unit else "元"


_ARABIC = re.compile(r"-?\d+(?:,\d{3})*(?:\.\d+)?")  # a sign as table cells write a fall: "-2.3"
# A number in Chinese numerals as older documents write amounts: "十八", "二亿九千万", "五万七千六百亿",
# "二点二"; it opens with a digit, so that 万 or 亿 alone ("万人", "亿万农民") is no number.
_DIGIT = "〇零一二两三四五六七八九十百千"
CHINESE_NUMBER = rf"[{_DIGIT}][{_DIGIT}万亿]*(?:点[〇零一二三四五六七八九]+)?"
_CHINESE_NUMERAL = re.compile(CHINESE_NUMBER)


_CHINESE_NUMBER = re.compile(r"[一二两三四五六七八九]?[十百千][零一二两三四五六七八九十百千]*")


def arabic_numerals(text: str) -> str:
    """`text` with its Chinese numbers of tens, hundreds or thousands in digits: "五百强" -> "500强"
    (reports write either)."""

    def digits(match: re.Match[str]) -> str:
        try:
            return str(int(cn2an.cn2an(match.group(0).replace("两", "二"), "smart")))
        except ValueError:
            return match.group(0)

    return _CHINESE_NUMBER.sub(digits, text)


def amount(value: str, unit: str) -> float | None:
    """A figure's value in base units ("1.70" 万亿元 -> 1.7e12), from Arabic or Chinese numerals
    ("十八", "两"); None when `value` is no number."""
    arabic = _ARABIC.match(value)
    if arabic:
        number = float(arabic.group(0).replace(",", ""))
    elif numeral := _CHINESE_NUMERAL.match(value):
        try:
            # "六万万" is an older way to write 六亿
            number = float(cn2an.cn2an(numeral.group(0).replace("两", "二").replace("万万", "亿"), "smart"))
        except ValueError:
            return None
    else:
        return None
    return number * unit_scale(unit)
