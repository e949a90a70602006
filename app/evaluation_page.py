"""The evaluation page (administrators only): run a question set, read the results, compare runs, turn 👎 into cases.

    evaluation_page(settings, engine)      # called by app/streamlit_app.py when an administrator picks it

Three tabs: 运行评测 (upload a set or pick a saved one, run it with a progress bar, the summary, a
chart per type, the per-question table and the results workbook), 历史记录 (accuracy per run as a
line chart, what changed between two runs) and 反馈转测试用例 (👎 answers saved into the 来自反馈 set).
The work is done by `reportqa.eval` and `app.evaluation`; this module only draws. Text from files,
documents and users reaches Markdown only through `text_html`; tables show it as plain text.
"""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from reportqa.app.admin import UploadError
from reportqa.app.evaluation import UPLOAD_SUFFIXES, EvalJob, save_question_set
from reportqa.app.feedback import FeedbackEntry, read_feedback
from reportqa.app.render import text_html
from reportqa.core.errors import ReportQAError
from reportqa.core.settings import Settings
from reportqa.eval.export import results_workbook
from reportqa.eval.feedback_cases import add_feedback_case, feedback_cases, saved_feedback
from reportqa.eval.history import StoredRun, compare, list_runs, load_run
from reportqa.eval.question_sets import (
    FEEDBACK_SET,
    feedback_set_path,
    history_dir,
    load_question_set,
    saved_sets,
)
from reportqa.eval.results import SUMMARY_LABELS, rate_text
from reportqa.eval.rows import QuestionSet
from reportqa.eval.sheets import QuestionSetError, read_table, split_must_contain
from reportqa.eval.template import TEMPLATE_NAME, template_workbook

MODES = {"extractive": "摘录原文", "llm": "大模型归纳"}
TABS = ("运行评测", "历史记录", "反馈转测试用例")
UPLOAD = "上传新的问题集"
SAVED = "选择已保存的问题集"
PROBLEMS_SHOWN = 50


@st.cache_resource
def _job(evaluation_dir: str, _settings: Settings) -> EvalJob:
    return EvalJob(_settings)


def job_for(settings: Settings) -> EvalJob:
    return _job(str(settings.evaluation_dir), settings)


def evaluation_page(settings: Settings, engine) -> None:
    st.title("准确率评测")
    st.caption("用一组已知答案的问题检查系统回答得对不对。每次评测都会保存下来，可以比较前后两次的变化。")
    if engine is None:
        st.warning("索引尚未就绪，暂时无法评测。请先在“文档管理”中建立索引。")
        return
    down = read_feedback(settings.feedback_path)
    pending = len(down) - len(saved_feedback(feedback_set_path(settings)).keys() & {e.key for e in down})
    if pending:
        st.info(f"有 {pending} 条“答案有误”的反馈还没有转为测试用例，见“{TABS[2]}”。", icon=":material/feedback:")
    # the chosen tab is kept across reruns (a finished run, a saved case) and only it is drawn
    run_tab, history_tab, feedback_tab = st.tabs(TABS, key="eval_tab", on_change="rerun")
    if run_tab.open:
        with run_tab:
            run_section(settings, engine)
    if history_tab.open:
        with history_tab:
            history_section(settings)
    if feedback_tab.open:
        with feedback_tab:
            feedback_section(settings, down)


# --- run -----------------------------------------------------------------------------------------


def run_section(settings: Settings, engine) -> None:
    st.download_button(
        "下载问题集模板（Excel）",
        data=template_workbook(),
        file_name=TEMPLATE_NAME,
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:",
        key="template",
    )
    job = job_for(settings)
    saved = [p for p in saved_sets(settings) if p.stem != FEEDBACK_SET]
    source = st.radio("问题集", [UPLOAD, SAVED] if saved else [UPLOAD], horizontal=True, key="set_source")
    qset: QuestionSet | None = None
    if source == UPLOAD:
        upload = st.file_uploader(
            f"上传问题集（{'、'.join(UPLOAD_SUFFIXES)}，表头与模板相同，不超过 {settings.max_upload_mb} MB）",
            type=[s.lstrip(".") for s in UPLOAD_SUFFIXES],
            max_upload_size=settings.max_upload_mb,
            key=f"set_upload-{st.session_state.get('set_upload_round', 0)}",
        )
        if upload is not None:
            qset = _preview(lambda: read_table(upload.name, upload.getvalue()))
    else:
        path = st.selectbox("已保存的问题集", saved, format_func=lambda p: p.name, key="saved_set")
        qset = _preview(lambda: load_question_set(path))

    cases = len(feedback_cases(feedback_set_path(settings)))
    if cases:
        st.caption(f"每次评测都会同时运行“{FEEDBACK_SET}”的 {cases} 个测试用例。")
    state = job.state()
    label = "保存并开始评测" if source == UPLOAD else "开始评测"
    if st.button(label, type="primary", disabled=not (qset and qset.questions) or state.running, key="start_eval"):
        if source == UPLOAD:
            try:
                path = save_question_set(settings, upload.name, upload.getvalue())
            except UploadError as exc:
                st.error(str(exc))
                return
            qset = load_question_set(path)
            st.session_state["set_upload_round"] = st.session_state.get("set_upload_round", 0) + 1
        job.start(engine, qset)
        st.rerun()

    state = job.state()
    if state.running:
        _progress_live(settings)
        return
    if state.error:
        st.error(f"评测未能完成：{state.error}")
    runs = list_runs(history_dir(settings))
    if runs:
        st.divider()
        show_run(load_run(history_dir(settings), runs[-1].run_id), key="latest")


def _preview(load) -> QuestionSet | None:
    """Read the chosen set and say what will run; None when the file cannot be read at all."""
    try:
        qset = load()
    except ReportQAError as exc:
        st.error(str(exc))
        return None
    if qset.questions:
        st.success(f"“{text_html(qset.name)}”中有 {len(qset.questions)} 个问题可以运行。")
    else:
        st.error(f"“{text_html(qset.name)}”中没有可以运行的问题。")
    show_problems(qset.problems, "下面的行有问题，评测时不运行；其余的行照常运行")
    return qset


def show_problems(problems, title: str) -> None:
    if not problems:
        return
    lines = "\n".join(f"- {text_html(str(p))}" for p in problems[:PROBLEMS_SHOWN])
    more = f"\n- ……另有 {len(problems) - PROBLEMS_SHOWN} 行" if len(problems) > PROBLEMS_SHOWN else ""
    st.warning(f"{len(problems)} 行未运行：{title}。\n\n{lines}{more}", icon=":material/warning:")


@st.fragment(run_every=1.0)
def _progress_live(settings: Settings) -> None:
    state = job_for(settings).state()
    if state.running:
        st.progress(state.fraction, text=f"正在评测“{text_html(state.set_name)}”：已完成 {state.done}/{state.total} 题")
    else:
        st.rerun()


def show_run(run: StoredRun, key: str) -> None:
    """One kept run: when and on what, the summary, accuracy per type, the questions, the workbook."""
    info = run.info
    finished = datetime.fromisoformat(info.finished_at)
    st.subheader(f"评测结果：{text_html(info.set_name)}")
    extra = f"（含“{FEEDBACK_SET}” {info.feedback_cases} 题）" if info.feedback_cases else ""
    st.caption(
        f"评测时间 {finished:%Y-%m-%d %H:%M} · 共 {info.metrics.n} 题{extra}，其中应拒答 {info.metrics.unanswerable} 题"
        f" · 索引版本 {text_html(info.index_version)} · 向量模型 {text_html(info.embedder)}"
        f" · 回答方式 {MODES.get(info.answer_mode, info.answer_mode)}"
    )
    columns = st.columns(len(SUMMARY_LABELS))
    for column, (field, label) in zip(columns, SUMMARY_LABELS, strict=True):
        column.metric(label, rate_text(getattr(info.metrics, field)))
    st.caption(
        "答案准确率：必含内容全部出现（应拒答的题则回答“文中未提及”）的比例；引用准确率：应回答的题中，"
        "引用的出处含有必含内容（填了出处文档时须来自该文档）的比例；误拒率：应回答却回答“文中未提及”的比例。"
    )
    show_problems(run.problems, "修改后重新上传即可")

    if len(info.by_type) > 1:
        st.markdown("**各类型的答案准确率（%）**")
        labels = [f"{qtype}（{m.n}题）" for qtype, m in info.by_type.items()]
        accuracy = [round(100 * (m.answer_accuracy or 0), 1) for m in info.by_type.values()]
        # horizontal: Chinese type names read across, not turned on their side
        st.bar_chart(
            {"类型": labels, "答案准确率": accuracy},
            x="类型",
            y="答案准确率",
            horizontal=True,
            sort=False,
            x_label="",  # with horizontal bars x names the types' axis, on the left
            y_label="答案准确率（%）",
            height=60 + 36 * len(labels),
        )

    failed = sum(not r.passed for r in run.results)
    st.markdown(f"**逐题结果**（通过 {len(run.results) - failed} 题，未通过 {failed} 题）")
    only_failed = st.toggle("只看未通过的题", key=f"only_failed-{key}")
    rows = [r for r in run.results if not (only_failed and r.passed)]
    st.table(
        [
            {
                "结果": r.mark,
                "问题": r.question,
                "类型": r.type,
                "标准答案": r.expected,
                "系统回答": r.answer,
                "第一条出处": r.first_citation,
                "未通过原因": r.why,
            }
            for r in rows
        ]
    )
    st.download_button(
        "下载评测结果（Excel）",
        data=results_workbook(run),
        file_name=f"评测结果-{info.set_name}-{info.run_id}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:",
        key=f"results-{key}",
    )


# --- history -------------------------------------------------------------------------------------


def history_section(settings: Settings) -> None:
    folder = history_dir(settings)
    runs = list_runs(folder)
    if not runs:
        st.info("还没有评测记录。运行一次评测后，这里会显示每次的准确率。")
        return
    names = sorted({r.set_name for r in runs})
    chosen = st.selectbox("问题集", ["（全部）", *names], key="history_set")
    shown = [r for r in runs if chosen == "（全部）" or r.set_name == chosen]
    st.markdown("**每次评测的准确率（%）**")
    # one point per run, named by its time to the second: text sorts in time order and, unlike a time
    # axis, does not stretch runs minutes apart into milliseconds
    st.line_chart(
        {
            "评测时间": [f"{datetime.fromisoformat(r.finished_at):%Y-%m-%d %H:%M:%S}" for r in shown],
            "答案准确率": [round(100 * (r.metrics.answer_accuracy or 0), 1) for r in shown],
            "引用准确率": [round(100 * (r.metrics.citation_accuracy or 0), 1) for r in shown],
        },
        x="评测时间",
        y=["答案准确率", "引用准确率"],
        y_label="%",
    )
    st.table(
        [
            {
                "评测时间": f"{datetime.fromisoformat(r.finished_at):%Y-%m-%d %H:%M}",
                "问题集": r.set_name,
                "题数": r.metrics.n,
                "答案准确率": rate_text(r.metrics.answer_accuracy),
                "引用准确率": rate_text(r.metrics.citation_accuracy),
                "索引版本": r.index_version,
                "向量模型": r.embedder,
                "回答方式": MODES.get(r.answer_mode, r.answer_mode),
            }
            for r in reversed(shown)
        ]
    )
    if len(shown) < 2:
        return
    st.markdown("**比较两次评测**")
    labels = {r.run_id: f"{r.label}（答案准确率 {rate_text(r.metrics.answer_accuracy)}）" for r in shown}
    ids = [r.run_id for r in shown]
    left, right = st.columns(2)
    before = left.selectbox("较早的一次", ids, index=len(ids) - 2, format_func=labels.get, key="compare_a")
    after = right.selectbox("较新的一次", ids, index=len(ids) - 1, format_func=labels.get, key="compare_b")
    diff = compare(load_run(folder, before), load_run(folder, after))
    for title, changes in (("由 ✓ 变为 ✗（变差）", diff.worse), ("由 ✗ 变为 ✓（变好）", diff.better)):
        st.markdown(f"{title}：{len(changes)} 题")
        if changes:
            st.table(
                [
                    {
                        "问题": c.question,
                        "较早的回答": c.before.answer,
                        "较新的回答": c.after.answer,
                        "较新一次未通过原因": c.after.why,
                    }
                    for c in changes
                ]
            )
    if diff.only_a or diff.only_b:
        st.caption(f"只在较早一次中的问题 {len(diff.only_a)} 题，只在较新一次中的问题 {len(diff.only_b)} 题，未比较。")


# --- 👎 into test cases --------------------------------------------------------------------------


def feedback_section(settings: Settings, down: list[FeedbackEntry]) -> None:
    path = feedback_set_path(settings)
    saved = saved_feedback(path)
    st.caption(
        f"对话中被标为“答案有误”的回答共 {len(down)} 条，已保存为测试用例 {len(saved)} 条。"
        f"保存的测试用例放在“{FEEDBACK_SET}”问题集里，以后每次评测都会运行。"
    )
    if notice := st.session_state.pop("case_notice", ""):
        st.success(notice)
    todo = [e for e in down if e.key not in saved]
    if not todo:
        st.info("没有待处理的“答案有误”反馈。")
    else:
        entry = st.selectbox(
            "待处理的反馈（最新的在前）",
            todo,
            format_func=lambda e: f"{e.local_time}　{e.question}",
            key="feedback_choice",
        )
        _feedback_form(settings, entry)
    cases = feedback_cases(path)
    if cases:
        st.markdown(f"**“{FEEDBACK_SET}”中的测试用例（{len(cases)}）**")
        st.table(
            [
                {
                    "编号": c["id"],
                    "问题": c["question"],
                    "标准答案": c["answer"],
                    "必含内容": "、".join(c["must_contain"]),
                    "应拒答": "是" if c.get("refuse") else "否",
                }
                for c in cases
            ]
        )


def _feedback_form(settings: Settings, entry: FeedbackEntry) -> None:
    if entry.history:
        st.caption("之前的提问：" + text_html(" → ".join(entry.history)))
    st.markdown(f"**系统当时的回答**（{entry.local_time}）")
    st.text(entry.answer)
    for c in entry.citations[:3]:
        st.caption(text_html(f"[{c.get('n', '')}] {c.get('title') or c.get('doc', '')} · {c.get('section', '')}"))
    with st.form(f"case-{entry.key}", enter_to_submit=False):  # no English "Press Enter to submit" hint
        question = st.text_input(
            "问题（追问请改写成完整的问题）", value=entry.question, key=f"case_question-{entry.key}"
        )
        expected = st.text_area("标准答案", key=f"case_expected-{entry.key}")
        must = st.text_input("必含内容（多个用“、”分隔）", key=f"case_must-{entry.key}")
        refuse = st.checkbox("应拒答（文档中没有答案）", key=f"case_refuse-{entry.key}")
        if st.form_submit_button("保存为测试用例", type="primary"):
            try:
                case = add_feedback_case(
                    feedback_set_path(settings),
                    question=question,
                    expected=expected,
                    must_contain=split_must_contain(must),
                    refuse=refuse,
                    feedback_key=entry.key,
                )
            except QuestionSetError as exc:
                st.error(str(exc))
                return
            st.session_state["case_notice"] = f"已保存为测试用例 {case['id']}，下次评测起运行。"
            st.rerun()
