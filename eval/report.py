"""What an eval run writes: results.jsonl, summary.json, report.md, per_type_accuracy.png; and the rich tables.

write_outputs(run, Path("eval/out/seed"))
Console().print(summary_table(run))
Console().print(history_table(list_runs(folder)))       # the kept runs
Console().print(diff_table(compare(run_a, run_b)))       # what changed between two of them
"""

from __future__ import annotations

import json
from pathlib import Path

from rich.table import Table

from reportqa.eval.history import RunDiff, RunInfo
from reportqa.eval.metrics import Metrics
from reportqa.eval.runner import EvalRun, SystemRun

# (field, label, kind): kind "rate" prints as a percentage, "score" as 0.000, "seconds" as ms
SUMMARY_ROWS = (
    ("hit_at_1", "retrieval hit@1", "rate"),
    ("hit_at_5", "retrieval hit@5", "rate"),
    ("mrr", "retrieval MRR", "score"),
    ("answer_accuracy", "answer accuracy", "rate"),
    ("first_line_accuracy", "answered in the first line (answerable)", "rate"),
    ("citation_accuracy", "citation accuracy", "rate"),
    ("refusal_accuracy", "refusal accuracy (unanswerable)", "rate"),
    ("false_refusal_rate", "false-refusal rate (answerable)", "rate"),
    ("latency_median_s", "latency median", "seconds"),
    ("latency_p95_s", "latency p95", "seconds"),
)
GOT_CHARS = 160


def fmt(value: float | None, kind: str) -> str:
    if value is None:
        return "—"
    if kind == "rate":
        return f"{value:.1%}"
    if kind == "seconds":
        return f"{value * 1000:.0f} ms"
    return f"{value:.3f}"


def ratio(ours: float | None, base: float | None) -> str:
    """ours / baseline, or "—" when the baseline is missing or zero."""
    if ours is None or not base:
        return "—"
    return f"{ours / base:.2f}×"


def _counts(m: Metrics) -> str:
    return f"{m.n} questions ({m.answerable} answerable, {m.unanswerable} unanswerable)"


# --- rich ----------------------------------------------------------------------------------------


def summary_table(run: EvalRun) -> Table:
    base = run.baseline
    table = Table(title=f"reportqa eval · {run.set_name} · {_counts(run.ours.metrics)}")
    table.add_column("metric")
    table.add_column("reportqa", justify="right")
    if base:
        table.add_column("baseline", justify="right")
        table.add_column("ours / baseline", justify="right")
    for key, label, kind in SUMMARY_ROWS:
        ours = getattr(run.ours.metrics, key)
        row = [label, fmt(ours, kind)]
        if base:
            theirs = getattr(base.metrics, key)
            row += [fmt(theirs, kind), ratio(ours, theirs)]
        table.add_row(*row)
    return table


def history_table(runs: list[RunInfo]) -> Table:
    table = Table(title=f"kept evaluation runs ({len(runs)})")
    table.add_column("run", no_wrap=True)  # what `--compare` takes
    for name in ("set", "questions", "answer accuracy", "citation accuracy", "index version", "embedder"):
        table.add_column(name, justify="right" if "accuracy" in name or name == "questions" else "left")
    for info in runs:
        m = info.metrics
        table.add_row(
            info.run_id,
            info.set_name,
            str(m.n),
            fmt(m.answer_accuracy, "rate"),
            fmt(m.citation_accuracy, "rate"),
            info.index_version,
            info.embedder,
        )
    return table


def diff_table(diff: RunDiff) -> Table:
    """The questions that went from ✓ to ✗ (first) or from ✗ to ✓ between run a and run b."""
    a, b = diff.a, diff.b
    title = (
        f"{a.run_id} → {b.run_id} · answer accuracy {fmt(a.metrics.answer_accuracy, 'rate')}"
        f" → {fmt(b.metrics.answer_accuracy, 'rate')} · {len(diff.worse)} ✓→✗, {len(diff.better)} ✗→✓"
    )
    if diff.only_a or diff.only_b:
        title += f" · {len(diff.only_a)} only in the first, {len(diff.only_b)} only in the second"
    table = Table(title=title)
    for name in ("change", "question", "before", "after", "why (after)"):
        table.add_column(name)
    for mark, changes in (("✓→✗", diff.worse), ("✗→✓", diff.better)):
        for change in changes:
            table.add_row(
                mark, change.question, _clip(change.before.answer, 60), _clip(change.after.answer, 60), change.after.why
            )
    return table


# --- files ---------------------------------------------------------------------------------------


def write_outputs(run: EvalRun, out_dir: Path) -> None:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    write_results(run.ours, out_dir / "results.jsonl")
    if run.baseline:
        write_results(run.baseline, out_dir / "results_baseline.jsonl")
    (out_dir / "summary.json").write_text(
        json.dumps(summary_json(run), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    (out_dir / "report.md").write_text(render_markdown(run), encoding="utf-8")
    plot_per_type(run, out_dir / "per_type_accuracy.png")


def write_results(system: SystemRun, path: Path) -> None:
    """One `ask --json` object per question, plus id, type, verdict, latency and the top-5 retrieved."""
    with Path(path).open("w", encoding="utf-8") as f:
        for record, verdict in zip(system.records, system.verdicts, strict=True):
            row = {
                "id": record.question.get("id", ""),
                "type": record.question.get("type", ""),
                **record.answer.to_json(),
                "verdict": verdict.to_json(),
                "latency_s": round(record.latency_s, 6),
                "retrieved": [
                    {"doc": h.chunk.doc_id, "start": h.chunk.start, "end": h.chunk.end, "score": round(h.score, 6)}
                    for h in record.retrieved
                ],
                "error": record.error,
            }
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def summary_json(run: EvalRun) -> dict:
    def system(s: SystemRun | None) -> dict | None:
        if s is None:
            return None
        return {"metrics": s.metrics.to_json(), "by_type": {t: m.to_json() for t, m in s.by_type.items()}}

    return {
        "set": run.set_name,
        "set_path": str(run.set_path),
        "corpus": str(run.corpus_dir),
        "index": str(run.index_dir),
        "reportqa": system(run.ours),
        "baseline": system(run.baseline),
    }


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _clip(text: str, n: int = GOT_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def render_markdown(run: EvalRun) -> str:
    ours, base = run.ours, run.baseline
    lines = [
        f"# reportqa eval: {run.set_name}",
        "",
        f"- set: `{run.set_path}` — {_counts(ours.metrics)}",
        f"- corpus: `{run.corpus_dir}`; index: `{run.index_dir}`",
        "- hit@k / MRR: the evidence lies inside one of the top-k passages of `retrieve(top_k=5)`"
        " (answerable questions only); citation accuracy: the evidence lies inside a cited passage.",
    ]
    if base:
        lines.append(
            "- baseline: RecursiveCharacterTextSplitter(500, 50) + the same embedder + FAISS top-5;"
            " answer = top chunk, always found, cites the top 5."
        )
    lines += ["", "## Summary", ""]
    header = ["metric", "reportqa"] + (["baseline", "ours / baseline"] if base else [])
    lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for key, label, kind in SUMMARY_ROWS:
        value = getattr(ours.metrics, key)
        row = [label, fmt(value, kind)]
        if base:
            theirs = getattr(base.metrics, key)
            row += [fmt(theirs, kind), ratio(value, theirs)]
        lines.append("| " + " | ".join(row) + " |")

    lines += ["", "## Per type", ""]
    header = ["type", "n", "answer acc.", "citation acc.", "hit@5", "MRR", "refusal acc.", "median latency"]
    if base:
        header += ["baseline answer acc.", "baseline hit@5"]
    lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for qtype, m in ours.by_type.items():
        row = [
            qtype,
            str(m.n),
            fmt(m.answer_accuracy, "rate"),
            fmt(m.citation_accuracy, "rate"),
            fmt(m.hit_at_5, "rate"),
            fmt(m.mrr, "score"),
            fmt(m.refusal_accuracy, "rate"),
            fmt(m.latency_median_s, "seconds"),
        ]
        if base:
            b = base.by_type.get(qtype)
            row += [fmt(b.answer_accuracy if b else None, "rate"), fmt(b.hit_at_5 if b else None, "rate")]
        lines.append("| " + " | ".join(row) + " |")

    failures = [(r, v) for r, v in zip(ours.records, ours.verdicts, strict=True) if v.failed]
    lines += ["", f"## Failures ({len(failures)} of {ours.metrics.n})", ""]
    refused = [v for v in ours.verdicts if v.answerable and v.refused]
    if refused:
        near = sum(not v.missing for v in refused)
        lines += [
            f"{len(refused)} answerable questions were refused; {near} of those refusals still hold every"
            " expected string in their text (the answer was found but judged not to answer).",
            "",
        ]
    for qtype in ours.by_type:
        group = [(r, v) for r, v in failures if r.question.get("type", "") == qtype]
        if not group:
            continue
        lines += [f"### {qtype} ({len(group)})", "", "| id | question | expected | got | why |", "|" + "---|" * 5]
        for record, verdict in group:
            q = record.question
            expected = q.get("answer", "")
            if q.get("must_contain"):
                expected += " (must contain: " + ", ".join(q["must_contain"]) + ")"
            got = ("" if record.answer.found else "[not found] ") + _clip(record.answer.answer)
            if record.error:
                got = f"[error] {record.error}"
            why = "; ".join(verdict.reasons())
            lines.append(
                f"| {_cell(q.get('id', ''))} | {_cell(q['question'])} | {_cell(expected)} | {_cell(got)} | {why} |"
            )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def plot_per_type(run: EvalRun, path: Path) -> None:
    """Bar chart of answer accuracy per question type; reportqa and the baseline side by side."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    types = list(run.ours.by_type)
    ours = [run.ours.by_type[t].answer_accuracy or 0.0 for t in types]
    width = 0.4 if run.baseline else 0.6
    with plt.rc_context({"font.family": _chart_fonts()}):  # officials name their types (and sets) in Chinese
        fig, ax = plt.subplots(figsize=(max(6.0, 0.8 * len(types) + 2), 4.5))
        _draw_per_type(run, ax, types, ours, width)
        fig.tight_layout()
        fig.savefig(path, dpi=120)
    plt.close(fig)


# tried in order; matplotlib falls back glyph by glyph to the next family that has it
CJK_FONTS = ("Noto Sans CJK SC", "Noto Serif CJK SC", "WenQuanYi Zen Hei", "Source Han Sans SC", "SimHei")


def _chart_fonts() -> list[str]:
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return ["DejaVu Sans", *(name for name in CJK_FONTS if name in installed)]


def _draw_per_type(run: EvalRun, ax, types: list[str], ours: list[float], width: float) -> None:
    xs = list(range(len(types)))
    if run.baseline:
        base = [(run.baseline.by_type[t].answer_accuracy or 0.0) if t in run.baseline.by_type else 0.0 for t in types]
        ax.bar([x - width / 2 for x in xs], ours, width, label="reportqa")
        ax.bar([x + width / 2 for x in xs], base, width, label="baseline (splitter + FAISS, top chunk as answer)")
        ax.legend(loc="upper right", fontsize=8)
    else:
        ax.bar(xs, ours, width, label="reportqa")
    ax.set_xticks(xs)
    ax.set_xticklabels([f"{t}\n(n={run.ours.by_type[t].n})" for t in types], rotation=45, ha="right", fontsize=8)
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("answer accuracy")
    ax.set_title(f"Answer accuracy per question type: {run.set_name}")
    ax.grid(axis="y", alpha=0.3)
