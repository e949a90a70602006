"""The chart under an answer that states a quantity across years: a line through the years, each
point labelled with the citation that states it. Built from `Answer.series`, never from answer text.

    st.altair_chart(series_chart(answer.series))   # only when len(answer.series) >= 2
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt

from reportqa.core.models import SeriesPoint

MIN_POINTS = 2  # one point is no trend: the answer sentence says it


def series_chart(series: Sequence[SeriesPoint]) -> alt.LayerChart:
    rows = [
        {
            "年份": f"{point.year}年" + ("报告" if point.report_year else ""),
            "数值": point.value,
            "原文": point.text,
            "标注": f"[{point.citation}] {point.text}",
        }
        for point in series
    ]
    base = alt.Chart(alt.Data(values=rows)).encode(
        x=alt.X("年份:O", title=None, sort=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("数值:Q", title=f"数值（{series[0].unit}）", scale=alt.Scale(zero=False)),
        tooltip=[alt.Tooltip("年份:O"), alt.Tooltip("原文:N"), alt.Tooltip("标注:N", title="出处")],
    )
    line = base.mark_line(point=alt.OverlayMarkDef(size=70), color="#1a5fb4")
    labels = base.mark_text(dy=-14, fontSize=12, color="#1a5fb4").encode(text="标注:N")
    return (line + labels).properties(height=220, padding={"top": 18, "right": 40, "left": 6, "bottom": 4})
