"""The chat page officials use: questions in Chinese, answers with numbered citations they can check.

    streamlit run app/streamlit_app.py        (or ./start.sh)

The page only calls the pipeline: `Engine` (one per process, shared by every session through
st.cache_resource) answers; `app.admin.IndexBuilder` rebuilds the index in a background thread and
the engine serves the new version on its next `refresh()`. Document text is rendered through
`app.render`, which escapes all of it. An administrator can switch to the evaluation page
(`app/evaluation_page.py`), which asks the same engine.
"""

from __future__ import annotations

import logging
import time
import uuid
from datetime import datetime

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from reportqa.app.admin import (
    ALLOWED_SUFFIXES,
    IndexBuilder,
    UploadError,
    is_admin_password,
    list_documents,
    readable_document,
    remove_document,
)
from reportqa.app.admin import save_upload as save_upload_file
from reportqa.app.chart import MIN_POINTS, series_chart
from reportqa.app.evaluation_page import evaluation_page
from reportqa.app.examples import derive_examples
from reportqa.app.export import conversation_docx, conversation_markdown
from reportqa.app.feedback import record_feedback
from reportqa.app.messages import GENERIC, user_message
from reportqa.app.page_scripts import CONTEXT_SCROLL, answer_into_view, question_into_view
from reportqa.app.render import (
    STYLE,
    answer_html,
    citation_html,
    context_html,
    document_label,
    echo_text,
    series_table_html,
    text_html,
    warnings_html,
)
from reportqa.core.errors import IndexMissingError, ReportQAError, SettingsError, UnclearFollowupError
from reportqa.core.settings import Settings, load_settings

log = logging.getLogger("reportqa.app")

MODES = {"extractive": "摘录原文（默认）", "llm": "大模型归纳（流式输出）"}
ALL_DOCS = "（全部文档）"
CHAT_VIEW, EVAL_VIEW = "问答", "准确率评测"


# --- shared per process --------------------------------------------------------------------------


APP_ONLY_FIELDS = {"admin_password_sha256", "max_upload_mb", "example_questions", "feedback_path", "evaluation_dir"}


def _settings_key(settings: Settings) -> str:
    """What the engine depends on: sessions with the same pipeline settings share one engine."""
    return settings.model_dump_json(exclude=APP_ONLY_FIELDS)


@st.cache_resource(show_spinner="正在加载模型和索引……")
def _open_engine(key: str, _settings: Settings):
    from reportqa.engine import Engine

    return Engine.open(_settings)


@st.cache_resource
def _builder(index_dir: str, corpus_dir: str, _settings: Settings) -> IndexBuilder:
    return IndexBuilder(_settings)


@st.cache_data(show_spinner=False, max_entries=8)
def _examples(key: str, index_version: str, _engine, configured: tuple[str, ...]) -> list[str]:
    if configured:
        return list(configured)
    return derive_examples(_engine, limit=4)


def builder_for(settings: Settings) -> IndexBuilder:
    return _builder(str(settings.index_dir), str(settings.corpus_dir), settings)


# --- small helpers -------------------------------------------------------------------------------


def show_text(text: str, css: str = "") -> None:
    """Text from documents or users, shown literally."""
    st.markdown(f'<div class="{css}">{text_html(text)}</div>', unsafe_allow_html=True)


def literal(message: str) -> str:
    """A one-line message for st.success/st.error, which read Markdown: as entities its "_" or "*" stay
    themselves (a file name like 报告_2020_终稿.pdf keeps its underscores)."""
    return text_html(message)


def exact_doc_pattern(doc_id: str) -> str:
    """A doc_filter that matches exactly this document: a glob (bracketed first character) matched whole."""
    escaped = "".join(f"[{ch}]" if ch in "*?[" else ch for ch in doc_id)
    return escaped if escaped != doc_id else f"[{doc_id[0]}]{doc_id[1:]}"


def _state() -> dict:
    ss = st.session_state
    ss.setdefault("turns", [])
    ss.setdefault("admin", False)
    return ss


# --- sidebar -------------------------------------------------------------------------------------


def sidebar(settings: Settings, engine) -> tuple[dict, DeltaGenerator]:
    """Status, answer options and the export heading; returns the options for `engine.ask` and the
    place for `export_buttons`."""
    options = {"mode": "extractive", "top_k": settings.top_k, "doc_filter": None, "years": []}
    with st.sidebar:
        st.button("新对话", icon=":material/add_comment:", on_click=_new_conversation, width="stretch", type="primary")

        st.subheader("已收录的文档")
        if engine is None:
            st.caption("索引尚未就绪")
        else:
            status = engine.status()
            built = status.built_at.astimezone().strftime("%Y-%m-%d %H:%M") if status.built_at else "未知"
            st.caption(f"共 {status.documents} 篇文档，更新于 {built}")
            with st.expander("详情"):  # for whoever maintains the system, not for reading answers
                show_text(
                    f"段落数：{status.chunks}\n向量模型：{status.embedder}\n索引版本：{status.version}", "rq-cite-meta"
                )
            if status.missing_vectors:  # published keyword-searchable; the vectors are still being computed
                st.caption(f"{status.semantic_note(settings.embed_chars_per_second)}：未算完向量的段落暂按关键词检索")

        if engine is not None:
            st.subheader("回答设置")
            if settings.llm_configured:
                options["mode"] = st.radio(
                    "回答方式",
                    list(MODES),
                    index=list(MODES).index(settings.answer_mode),
                    format_func=MODES.get,
                    key="mode",
                )
            else:
                st.caption("回答方式：摘录原文（未配置大模型）")
            options["top_k"] = st.slider("参考段落数", 1, 20, min(settings.top_k, 20), key="top_k")

            metas = engine.documents()
            labels = {
                doc_id: document_label(doc_id, m.title, m.year)
                for doc_id, m in sorted(metas.items(), key=lambda kv: (kv[1].year or 0, kv[0]))
            }
            doc = st.selectbox(
                "限定文档",
                [ALL_DOCS, *labels],
                format_func=lambda d: labels.get(d, d),
                key="doc_choice",
                placeholder="输入标题或文件名查找",
            )
            if doc != ALL_DOCS:
                options["doc_filter"] = exact_doc_pattern(doc)
                show_text(labels[doc], "rq-doc-item")  # the box shows one line of it; the whole title here
            years = sorted({m.year for m in metas.values() if m.year})
            if years:
                options["years"] = st.multiselect("限定年份", years, key="year_choice", placeholder="全部年份")

        st.subheader("导出对话")
        export_slot = st.container()
    return options, export_slot


def export_buttons() -> None:
    """Under the sidebar's "导出对话"; drawn after the conversation, so the reply just given is in the files."""
    turns = _state()["turns"]
    stamp = f"报告问答-{datetime.now():%Y%m%d-%H%M}"
    # on_click="ignore": a download does not rerun the page, which would renew the other button's file
    # and cancel a download of it begun meanwhile
    st.download_button(
        "导出为 Word 文档",
        data=conversation_docx(turns) if turns else b"",
        file_name=f"{stamp}.docx",
        mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        disabled=not turns,
        width="stretch",
        key="export_docx",
        on_click="ignore",
    )
    st.download_button(
        "导出为纯文本（记事本可打开）",
        data=conversation_markdown(turns) if turns else "",
        file_name=f"{stamp}.md",
        mime="text/markdown",
        disabled=not turns,
        width="stretch",
        key="export_markdown",
        on_click="ignore",
    )


def _new_conversation() -> None:
    st.session_state["turns"] = []
    st.session_state.pop("pending", None)


# --- administration ------------------------------------------------------------------------------


def admin_panel(settings: Settings, engine) -> None:
    """Upload, list, remove documents and rebuild the index; hidden unless a password is configured."""
    if not settings.admin_password_sha256:
        return
    ss = _state()
    with st.sidebar, st.expander("文档管理（管理员）", expanded=ss["admin"], icon=":material/folder_managed:"):
        if not ss["admin"]:
            password = st.text_input("管理员密码", type="password", key="admin_password")
            if password:
                if is_admin_password(password, settings.admin_password_sha256):
                    ss["admin"] = True
                    st.rerun()
                time.sleep(1.0)  # slows guessing
                st.error("密码不正确")
            return

        st.button("退出管理", on_click=lambda: ss.update(admin=False, admin_password=""))
        uploads = st.file_uploader(
            f"上传文档（文本、Word 或 PDF 文件，每个不超过 {settings.max_upload_mb} 兆字节）",
            type=[s.lstrip(".") for s in ALLOWED_SUFFIXES],
            accept_multiple_files=True,
            max_upload_size=settings.max_upload_mb,
            key=f"uploads-{ss.get('upload_round', 0)}",
        )
        overwrite = st.checkbox("替换同名文档", key="overwrite")
        if uploads and st.button("保存上传的文档", key="save_uploads"):
            saved = []
            for upload in uploads:
                try:
                    saved.append(
                        save_upload_file(
                            settings.corpus_dir,
                            upload.name,
                            upload.getvalue(),
                            max_mb=settings.max_upload_mb,
                            overwrite=overwrite,
                            check=readable_document,
                        ).name
                    )
                except UploadError as exc:
                    ss.setdefault("admin_errors", []).append(f"未保存 {user_message(exc)}")
            if saved:
                ss["admin_notice"] = f"已保存：{'、'.join(saved)}。重建索引后即可提问。"
            ss["upload_round"] = ss.get("upload_round", 0) + 1
            st.rerun()
        if ss.get("admin_notice"):
            st.success(literal(ss.pop("admin_notice")))
        for error in ss.pop("admin_errors", []):
            st.error(literal(error))

        docs = list_documents(settings.corpus_dir)
        metas = engine.documents() if engine is not None else {}
        st.markdown(f"**文档目录**（{len(docs)} 个文件）")
        for doc_id, size in docs:
            meta = metas.get(doc_id)
            label = document_label(doc_id, meta.title, meta.year) if meta else f"{doc_id}（尚未索引）"
            show_text(f"{label}（{max(1, round(size / 1024))} 千字节）", "rq-doc-item")
        if docs:
            victim = st.selectbox(
                "删除文档",
                [d for d, _ in docs],
                index=None,
                key="remove_choice",
                placeholder="选择要删除的文档",
            )
            if victim and st.button("确认删除", key="remove_doc"):
                try:
                    remove_document(settings.corpus_dir, victim)
                    ss["admin_notice"] = f"已删除：{victim}。重建索引后生效。"
                except UploadError as exc:
                    st.error(literal(user_message(exc)))
                st.rerun()

        builder = builder_for(settings)
        full = st.checkbox("完全重建（不复用已有向量）", key="full_rebuild")
        if st.button("重建索引", key="rebuild", disabled=builder.state().running, type="primary"):
            builder.start(full=full)
        build_progress(settings)


@st.fragment(run_every=1.0)
def _build_progress_live(settings: Settings) -> None:
    state = builder_for(settings).state()
    if state.running:
        from reportqa.indexing.build import duration_text  # loaded by the running build already

        left = f"，剩余{duration_text(state.seconds_left)}" if state.seconds_left is not None else ""
        st.progress(state.fraction, text=f"正在重建索引：{state.stage} {state.done}/{state.total}{left}")
        if state.note:
            show_text(state.note, "rq-cite-meta")
    else:
        st.rerun()


def build_progress(settings: Settings) -> None:
    state = builder_for(settings).state()
    if state.running:
        _build_progress_live(settings)
    elif state.error:
        st.error(literal(f"重建索引失败：{state.error}"))
    elif state.report is not None:
        build_outcome(state.report)


def build_outcome(report) -> None:
    """What the last build did, in counts an administrator checks; a skipped file is named with its reason."""
    if report.skipped:
        st.warning(f"索引已更新，但有 {len(report.skipped)} 个文件无法读取，未编入索引。")
    else:
        st.success("索引已更新，新提问将使用新索引。" if report.switched else "文档没有变化，索引未更新。")
    show_text(
        f"共 {report.documents} 篇文档：新增 {len(report.added)}，修改 {len(report.changed)}，"
        f"删除 {len(report.removed)}，未变 {len(report.unchanged)}，跳过 {len(report.skipped)}",
        "rq-cite-meta",
    )
    for note in report.skipped:
        show_text(f"跳过 {note.name}：{note.reason}", "rq-skip")
    for doc_id in report.kept:
        show_text(f"{doc_id}：新文件无法读取，仍使用旧版本", "rq-skip")
    with st.expander("详情"):
        show_text(report.summary(), "rq-cite-meta")


# --- the conversation ----------------------------------------------------------------------------


def render_turn(turn: dict, engine, settings: Settings) -> None:
    answer = turn["answer"]
    st.markdown(answer_html(answer), unsafe_allow_html=True)
    if answer.warnings:
        st.markdown(warnings_html(answer.warnings), unsafe_allow_html=True)
    if len(answer.series) >= MIN_POINTS:
        st.markdown("###### 各年数据")
        st.altair_chart(series_chart(answer.series), width="stretch")
        st.markdown(series_table_html(answer.series), unsafe_allow_html=True)
    if answer.citations:
        st.markdown("###### 出处" if answer.found else "###### 最接近的出处（仅供参考）")
    for citation in answer.citations:
        st.markdown(citation_html(citation), unsafe_allow_html=True)
        with st.expander(f"查看原文上下文 [{citation.n}]"):
            try:
                source = engine.source_text(citation.doc, answer.index_version)
            except (KeyError, ReportQAError):
                st.caption("回答所用的索引版本已被更新替换，原文上下文不再可用。")
            else:
                st.markdown(context_html(source, citation), unsafe_allow_html=True)
    feedback_row(turn, settings)


def feedback_row(turn: dict, settings: Settings) -> None:
    given = turn.get("feedback")
    cols = st.columns([1.4, 1.4, 5.2], vertical_alignment="center")
    for col, rating, label, icon in (
        (cols[0], "up", "有帮助", ":material/thumb_up:"),
        (cols[1], "down", "答案有误", ":material/thumb_down:"),
    ):
        col.button(
            label,
            icon=icon,
            key=f"{rating}-{turn['id']}",
            on_click=_feedback,
            args=(turn, rating, settings),
            disabled=bool(given),
            type="tertiary",
        )
    if given:
        cols[2].caption("已记录：有帮助，谢谢。" if given == "up" else "已记录：答案有误，将用于改进。")
    else:
        cols[2].caption(f"用时 {turn['elapsed']:.2f} 秒 · 这个回答有帮助吗？")


def _feedback(turn: dict, rating: str, settings: Settings) -> None:
    try:
        record_feedback(
            settings.feedback_path,
            rating=rating,
            question=turn["question"],
            answer=turn["answer"],
            history=turn["history"],
            mode=turn["mode"],
            filters=turn["filters"],
        )
    except OSError as exc:
        st.toast(f"反馈未能保存：{exc}")
        return
    turn["feedback"] = rating


def ask(engine, settings: Settings, question: str, options: dict) -> None:
    """Ask, stream (LLM mode) into a placeholder, store and render the new turn."""
    ss = _state()
    history = [t["question"] for t in ss["turns"]]
    turn_id = uuid.uuid4().hex[:12]
    with st.chat_message("user"):
        show_text(echo_text(question), "rq-question")
        # inside the message: the page keeps one user and one assistant block per turn, so a rerun never
        # shows an earlier turn's blocks where this one's go
        st.html(question_into_view(turn_id), unsafe_allow_javascript=True)
    with st.chat_message("assistant"):
        placeholder = st.empty()
        streamed: list[str] = []

        def on_token(token: str) -> None:
            streamed.append(token)
            partial = text_html("".join(streamed))
            placeholder.markdown(f'<div class="rq-answer">{partial}▌</div>', unsafe_allow_html=True)

        started = time.perf_counter()
        try:
            with st.spinner("正在查找……"):
                engine.refresh()  # a rebuilt index is served from the next question on
                answer = engine.ask(
                    question,
                    history=history,
                    doc_filter=options["doc_filter"],
                    years=options["years"],
                    top_k=options["top_k"],
                    mode=options["mode"],
                    on_token=on_token if options["mode"] == "llm" else None,
                )
        except UnclearFollowupError as exc:
            placeholder.info(literal(user_message(exc)), icon=":material/help:")
            return
        except ReportQAError as exc:
            log.warning("question not answered (%s): %s", exc.code, exc)
            placeholder.warning(literal(user_message(exc)))
            return
        except Exception:
            log.exception("question failed: %s", question[:200])
            placeholder.error(GENERIC)
            return
        elapsed = time.perf_counter() - started
        placeholder.empty()
        turn = {
            "id": turn_id,
            "question": question,
            "answer": answer,
            "history": history,
            "mode": options["mode"],
            "filters": {"doc_filter": options["doc_filter"], "years": list(options["years"])},
            "elapsed": elapsed,
        }
        ss["turns"].append(turn)
        render_turn(turn, engine, settings)
    st.html(answer_into_view(turn["id"]), unsafe_allow_javascript=True)


def examples(engine, settings: Settings) -> None:
    try:
        questions = _examples(
            _settings_key(settings), engine.status().version, engine, tuple(settings.example_questions)
        )
    except ReportQAError:
        questions = []
    if not questions:
        return
    st.markdown("**可以这样问：**")
    for i, q in enumerate(questions):
        st.button(q, key=f"example-{i}", on_click=lambda q=q: st.session_state.update(pending=q))


# --- page ----------------------------------------------------------------------------------------


def load_engine(settings: Settings):
    """The shared engine; builds the index first if there is none. None while a build runs or on error."""
    try:
        if not (settings.index_dir / "CURRENT").exists():  # don't load the embedder just to learn that
            raise IndexMissingError(f"no index in {settings.index_dir}")
        return _open_engine(_settings_key(settings), settings)
    except IndexMissingError:
        pass
    except ReportQAError as exc:
        log.warning("index not opened (%s): %s", exc.code, exc)
        st.error(user_message(exc))
        return None

    builder = builder_for(settings)
    state = builder.state()
    if not state.running and state.error:
        st.error(literal(f"建立索引失败：{state.error}"))
        return None
    if not list_documents(settings.corpus_dir):
        st.warning("文档目录中还没有文档。请管理员在侧栏“文档管理”中上传文档后建立索引。")
        return None
    if not state.running:
        builder.start()
    st.info("首次使用：正在从文档目录建立索引，完成后页面会自动刷新。")
    _build_progress_live(settings)
    return None


def current_view(settings: Settings | None = None) -> str:
    """The evaluation page for an administrator who picked it, else the chat."""
    ss = st.session_state
    admin = ss.get("admin", False) and (settings is None or bool(settings.admin_password_sha256))
    return EVAL_VIEW if admin and ss.get("view") == EVAL_VIEW else CHAT_VIEW


def main() -> None:
    # the evaluation page's tables need the width; the chat reads best centred
    st.set_page_config(
        page_title="报告问答", page_icon="📄", layout="wide" if current_view() == EVAL_VIEW else "centered"
    )
    st.markdown(STYLE, unsafe_allow_html=True)
    st.html(CONTEXT_SCROLL, unsafe_allow_javascript=True)
    try:
        settings = load_settings()
    except SettingsError as exc:
        log.error("settings: %s", exc)
        st.error(user_message(exc))
        st.stop()
    try:
        page(settings)
    except ReportQAError as exc:
        log.warning("page (%s): %s", exc.code, exc)
        st.error(literal(user_message(exc)))
    except Exception:
        log.exception("page failed")
        st.error(GENERIC)


def page(settings: Settings) -> None:
    ss = _state()
    if ss["admin"] and settings.admin_password_sha256:
        st.sidebar.radio("页面", [CHAT_VIEW, EVAL_VIEW], horizontal=True, key="view")
    if current_view(settings) == EVAL_VIEW:
        engine = load_engine(settings)
        admin_panel(settings, engine)
        evaluation_page(settings, engine)
        return

    st.title("政府报告问答")
    st.caption(
        "答案摘自已收录的文档，每句标注出处编号（如 [1]），可展开原文逐条核对。文档中没有的内容会明确说明“文中未提及”。"
    )

    engine = load_engine(settings)
    admin_panel(settings, engine)  # first in the sidebar: an administrator finds it without scrolling
    options, export_slot = sidebar(settings, engine)
    if engine is None:
        return

    for turn in ss["turns"]:
        with st.chat_message("user"):
            show_text(echo_text(turn["question"]), "rq-question")
        with st.chat_message("assistant"):
            render_turn(turn, engine, settings)

    # in st.bottom, not placed there by Streamlit: its chat pane would then follow the page's bottom and undo
    # every scroll to an answer while the turn's chart loads
    with st.bottom:
        question = st.chat_input("输入问题，可追问“那2015年呢？”")  # one line on a phone
    question = question or ss.pop("pending", None)
    if question:
        ask(engine, settings, question.strip(), options)
    elif not ss["turns"]:
        examples(engine, settings)
    with export_slot:
        export_buttons()


main()
