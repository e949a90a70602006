"""Units of quantities in Chinese reports: which units there are, what their magnitude multiplies by,
and what they count. The one unit model of the project (figures, changes, comparisons, answers).

    >>> unit_scale("万亿元"), unit_family("万亿元"), unit_family("个百分点"), unit_family("万")
    (1000000000000.0, '元', '%', '元')
"""

from __future__ import annotations

# Longest units first so "亿元" wins over "亿" and "个百分点" over "个".
UNITS = (
    "个百分点", "百分点", "万台套", "台套", "平方米", "平方公里", "万平方米", "万千瓦", "亿美元", "万美元",
    "亿元", "万元", "千元", "美元", "万吨", "万人次", "人次", "万人", "万户", "万亩", "公里", "千米", "平米",
    "%", "‰", "元", "亿", "万", "吨", "亩", "家", "个", "项", "人", "名", "件", "台", "所", "篇", "次", "倍",
    "位", "条", "座", "户", "年", "月", "天", "批", "支", "套", "处", "辆", "部", "场", "期", "届", "册", "种",
)  # fmt: skip
PERCENT_UNITS = ("%", "个百分点", "百分点")
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
    """What a unit counts, without its magnitude: 万元, 亿元 and a bare 万 are 元; % and 个百分点 are %."""
    if unit in PERCENT_UNITS:
        return "%"
    base = unit.lstrip("万亿千")
    return base if base else "元"
