"""The extractive answerer's weights, in one named place (`Settings.answer_weights`).

Every number the answerer scores with is here, named for what it weighs. A statement's score is
`coverage × share of the question's terms it holds + retrieval_rank / (1 + rank)` plus the bonuses
for its kind, year and section; the figure it answers with is chosen by the `figure_*` and `cell_*`
weights. `python -m reportqa.eval.fit_weights` fits each of them by cross-validation over the
development question sets and prints the per-fold scores; set any in reportqa.toml
(`[answer_weights]`) or REPORTQA_ANSWER_WEIGHTS__<NAME>.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class AnswerWeights(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    # --- which statement answers ---------------------------------------------------------------
    coverage: float = 3.0  # the share of the question's term weight a statement holds
    retrieval_rank: float = 0.6  # the passage's retrieval rank, as 1 / (1 + rank)
    min_coverage: float = Field(default=0.5, gt=0, le=1)  # less than this and it does not answer
    # nor with less than this of its topic's weight: the terms that do not name its place or report
    topic_coverage: float = Field(default=0.25, ge=0, le=1)
    context_term: float = 0.5  # a term found only in the title, section or sentence before
    # a term of the part of the report a question sets what it asks in ("在乡村振兴方面…"), which a
    # report says in a heading or a lead more than in the statement; not fitted
    frame_term: float = 0.5
    # a term the statement holds only in part, times the share it holds ("原煤" of 原煤产量, a synonym
    # group's canonical); 0.5 -> 0.75 and 1.0 each won one dev answer and lost none
    partial_term: float = 0.75
    single_char_term: float = 0.3  # a one-character word says little of what is asked
    verb_term: float = 0.5  # a verb or time word says how or when it is asked more than what about
    unused_term: float = 0.5  # a word no passage uses, nor the statement: perhaps the asker's own wording
    year_named: float = 1.0  # the statement names the year asked
    year_other: float = -0.8  # it names only other years
    year_none: float = -0.3  # it names no year, and none is implied
    plan_section_target: float = 0.4  # a work report's plans, for a question about a target
    plan_section_other: float = -0.5  # …for any other question about a figure
    no_figure: float = -1.5  # a question about a figure, a statement with none
    unit_asked: float = 0.6  # it states a figure in the unit asked
    unit_any: float = 0.2  # it states a figure, no unit asked or none of it
    unasked_qualifier: float = -0.5  # a question term right after a qualifier it does not say ("境外游客")
    only_rates: float = -0.6  # only rates or shares, a level asked
    only_levels: float = -0.6  # only levels, a growth asked in no unit ("增长了多少")
    only_changes: float = -0.3  # only increases ("新增", "增长"), a level asked
    period_said: float = 0.5  # it says the part of the year asked ("一季度"); not fitted
    label_named: float = 1.0  # times the share of the words right before its best figure the question names
    term_distance_scale: float = 50.0  # characters from a question term that cost 0.1, up to …
    term_distance_cap: float = 0.4  # … this much
    date_present: float = 0.6  # a question about a date, a statement with one
    date_absent: float = -1.0
    causal: float = 0.5  # a question why, a statement saying because or what hinders
    reason_margin: float = 0.85  # a statement that says why, within this share of the best score, answers why
    list_item: float = 0.1  # a question for a list, each "、" (up to four)
    person_present: float = 0.8  # a question who, a statement naming people after their post ("代市长 侯红")
    person_guessed: float = 0.4  # …naming only people jieba guesses at ("安图" of 安图生物, a company)
    person_absent: float = -0.3
    place_present: float = 0.8  # a question which place, a statement naming another than the question's; not fitted
    place_absent: float = -0.3

    # --- which figure of the statement ---------------------------------------------------------
    figure_year: float = 2.0  # the figure is bound to the year asked (against, if another year)
    figure_unit_asked: float = 1.0  # it is in the unit asked
    figure_unit_other: float = -0.5  # it is in another unit
    figure_unit_any: float = 0.3  # it has a unit, none asked
    figure_distance_scale: float = 200.0  # characters from the nearest question term that cost 1
    figure_narrowed: float = -1.0  # its nearest question term follows a qualifier the question does not say
    figure_change: float = -0.5  # an increase, a level asked
    figure_rate: float = -1.0  # a rate or share, a level asked
    figure_level: float = -1.0  # a level, a growth asked in no unit ("比上年增长多少")
    figure_respective: float = 1.0  # said of what is asked in an "A、B分别…X、Y" list (against, if of another)
    figure_label: float = 0.3  # times the share of the words right before it that the question names
    figure_range_start: float = -0.4  # where a "从…增加到…" starts
    figure_not_latest: float = -0.3  # an earlier year's, no year asked
    figure_other_rate: float = -1.0  # a share, a growth asked ("占全省39.5%"), or a growth, a share asked
    figure_counts_other: float = -1.5  # a count followed by the other thing it counts ("1个技术创新中心")
    cell_target_asked: float = 1.5  # a table's target column, a target asked
    cell_target_other: float = -1.0  # …no target asked: an achieved value is the default reading
    cell_not_target: float = -0.5  # an achieved column, a target asked
    cell_actual_asked: float = 0.5  # an achieved column, an achieved value asked
    cell_header_asked: float = 1.0  # its column header holds a word of the question

    # --- composing -----------------------------------------------------------------------------
    disagreement_margin: float = 1.5  # another document's figure scoring this close is reported
    supporting_margin: float = 0.75  # further statements quoted when scoring this close to the best
    change_end_coverage: float = 0.6  # share of min_coverage enough for a statement of one end of a change
