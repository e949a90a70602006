"""Units of quantities in Chinese reports: which units there are, what their magnitude multiplies by,
and what they count. The one unit model of the project (figures, changes, comparisons, answers).

    >>> unit_scale("万亿元"), unit_family("万亿元"), unit_family("%"), unit_family("个百分点"), unit_family("万")
    (1000000000000.0, '元', '%', '个百分点', '元')
    >>> amount("1.70", "万亿元"), amount("十八", "届"), amount("1,234", "人")
    (1700000000000.0, 18.0, 1234.0)
"""

from __future__ import annotations

import re

import cn2an

# Longest units first so "亿元" wins over "亿" and "个百分点" over "个".
UNITS = (
    "个百分点", "百分点", "万台套", "台套", "平方米", "平方公里", "万平方米", "万千瓦", "亿美元", "万美元",
    "亿元", "万元", "千元", "美元", "万吨", "万人次", "人次", "万人", "万户", "万亩", "公里", "千米", "平米",
    "%", "‰", "元", "亿", "万", "吨", "亩", "家", "个", "项", "人", "名", "件", "台", "所", "篇", "次", "倍",
    "位", "条", "座", "户", "年", "月", "天", "批", "支", "套", "处", "辆", "部", "场", "期", "届", "册", "种",
)  # fmt: skip
RATE_UNITS = frozenset({"%", "个百分点", "‰", "倍"})  # a rate or share, never a level
_MAGNITUDE = {"万": 1e4, "亿": 1e8, "千": 1e3}


def unit_scale(unit: str) -> float:
    """What the unit's magnitude multiplies by: "万元" -> 1e4, "万亿元" -> 1e12, "家" -> 1."""
    scale = 1.0
    for char in unit:
        if char not in _MAGNITUDE:
            break
        scale *= _MAGNITUDE[char]
    return scale


def unit_family(unit: str) -> str:
    """What a unit counts, without its magnitude: 万元, 亿元 and a bare 万 are 元. A percentage point
    is a difference of two percentages, not a percentage: "提高0.49个百分点" is no share's level."""
    if unit in ("个百分点", "百分点"):
        return "个百分点"
    base = unit.lstrip("万亿千")
    return base if base else "元"


_ARABIC = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_CHINESE_NUMERAL = re.compile(r"[〇零一二两三四五六七八九十百千]+")


def amount(value: str, unit: str) -> float | None:
    """A figure's value in base units ("1.70" 万亿元 -> 1.7e12), from Arabic or Chinese numerals
    ("十八", "两"); None when `value` is no number."""
    arabic = _ARABIC.match(value)
    if arabic:
        number = float(arabic.group(0).replace(",", ""))
    elif numeral := _CHINESE_NUMERAL.match(value):
        try:
            number = float(cn2an.cn2an(numeral.group(0).replace("两", "二"), "smart"))
        except ValueError:
            return None
    else:
        return None
    return number * unit_scale(unit)
