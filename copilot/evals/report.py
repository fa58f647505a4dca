"""Eval reports: Markdown for reading in a terminal or PR, self-contained HTML with inline SVG charts.

The HTML has no scripts and no external assets (it must open on an offline machine): charts are
plain SVG bars drawn here — per-rule pass rate, moderation confusion matrix, retrieval recall@k.
"""

from __future__ import annotations

import html
from typing import Any

from copilot.evals.runner import SuiteResult

SUITE_TITLES = {"retrieval": "检索", "drafts": "起草", "moderation": "审核", "notes": "纪要"}


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)


def _flat(metrics: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for k, v in metrics.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.extend(_flat(v, key + "."))
        elif isinstance(v, (int, float, str)) or v is None:
            out.append((key, v))
    return out


def _no_regressions(baseline: bool) -> str:
    return "无：与上一次运行相比没有变差。" if baseline else "这是该报告目录的第一次运行，没有上一次的结果可比。"


def render_markdown(results: list[SuiteResult], regressions: list[str], *, engine: str, baseline: bool = True) -> str:
    lines = [f"# 评测报告（引擎：{engine}）", ""]
    overall = all(r.passed for r in results)
    lines.append(f"**总体：{'✅ 全部达标' if overall else '❌ 有指标未达标'}**")
    lines.append("")
    if regressions:
        lines += ["## 回归（与上次相比变差）", ""] + [f"- {r}" for r in regressions] + [""]
    else:
        lines += ["## 回归", "", _no_regressions(baseline), ""]
    for r in results:
        title = SUITE_TITLES.get(r.suite, r.suite)
        n_pass = sum(1 for c in r.cases if c.passed)
        lines += [f"## {title}（{r.suite}）", "", f"用例 {n_pass}/{len(r.cases)} 通过，用时 {r.seconds:.1f} 秒", ""]
        if r.gates:
            lines += ["| 门槛指标 | 实际 | 要求 | 结果 |", "|---|---|---|---|"]
            for g in r.gates:
                value = "缺失" if g.value is None else f"{g.value:.3f}"
                lines.append(f"| {g.metric} | {value} | {g.op} {g.threshold} | {'✅' if g.passed else '❌'} |")
            lines.append("")
        flat = [(k, v) for k, v in _flat(r.metrics) if not k.startswith("confusion")]
        if flat:
            lines += ["<details><summary>全部指标</summary>", "", "| 指标 | 值 |", "|---|---|"]
            lines += [f"| {k} | {_fmt(v)} |" for k, v in flat]
            lines += ["", "</details>", ""]
        if "confusion" in r.metrics:
            lines += _confusion_md(r.metrics["confusion"])
        failed = [c for c in r.cases if not c.passed]
        if failed:
            lines += ["未通过的用例：", ""]
            for c in failed[:40]:
                why = c.error or "；".join(f"{k.name}：{k.reason}" for k in c.checks if k.passed is False)
                lines.append(f"- `{c.id}`：{why[:300]}")
            if len(failed) > 40:
                lines.append(f"- ……另有 {len(failed) - 40} 个")
            lines.append("")
    return "\n".join(lines)


def _confusion_md(conf: dict[str, Any]) -> list[str]:
    labels = conf["labels"]
    rows = ["混淆矩阵（行=期望，列=判定）：", "", "| | " + " | ".join(labels) + " |", "|---" * (len(labels) + 1) + "|"]
    for lab, counts in zip(labels, conf["matrix"]):
        rows.append(f"| **{lab}** | " + " | ".join(str(c) for c in counts) + " |")
    return rows + [""]


# -- HTML ---------------------------------------------------------------------------------------
_CSS = """
body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",system-ui,sans-serif;margin:2rem;color:#222;max-width:1100px}
table{border-collapse:collapse;margin:.5rem 0 1rem}td,th{border:1px solid #ddd;padding:4px 8px;font-size:14px}
th{background:#f5f5f5}.ok{color:#137333}.bad{color:#c5221f}h2{border-bottom:2px solid #eee;padding-bottom:4px}
.chart{margin:.5rem 0 1.5rem}
"""


def bar_chart(title: str, items: list[tuple[str, float]], *, max_value: float = 1.0, width: int = 640) -> str:
    """Horizontal bars with labels and values, as inline SVG."""
    if not items:
        return ""
    row_h, label_w = 22, 220
    height = row_h * len(items) + 30
    parts = [f'<svg class="chart" width="{width}" height="{height}" role="img" aria-label="{html.escape(title)}">',
             f'<text x="0" y="14" font-size="14" font-weight="bold">{html.escape(title)}</text>']
    for i, (label, value) in enumerate(items):
        y = 24 + i * row_h
        w = 0 if max_value <= 0 else max(0.0, min(1.0, value / max_value)) * (width - label_w - 60)
        colour = "#34a853" if value >= max_value * 0.999 else ("#fbbc04" if value >= max_value * 0.8 else "#ea4335")
        parts.append(f'<text x="0" y="{y + 14}" font-size="12">{html.escape(label[:30])}</text>')
        parts.append(f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="14" fill="{colour}"/>')
        parts.append(f'<text x="{label_w + w + 4:.1f}" y="{y + 14}" font-size="12">{value:.2f}</text>')
    parts.append("</svg>")
    return "".join(parts)


def confusion_html(conf: dict[str, Any]) -> str:
    labels = conf["labels"]
    peak = max((max(row) for row in conf["matrix"]), default=1) or 1
    out = ["<table><tr><th>期望＼判定</th>" + "".join(f"<th>{html.escape(lab)}</th>" for lab in labels) + "</tr>"]
    for i, (lab, row) in enumerate(zip(labels, conf["matrix"])):
        cells = []
        for j, n in enumerate(row):
            alpha = 0.15 + 0.85 * n / peak if n else 0
            colour = f"rgba(52,168,83,{alpha:.2f})" if i == j else f"rgba(234,67,53,{alpha:.2f})"
            cells.append(f'<td style="background:{colour};text-align:right">{n}</td>')
        out.append(f"<tr><th>{html.escape(lab)}</th>{''.join(cells)}</tr>")
    return "".join(out) + "</table>"


def render_html(results: list[SuiteResult], regressions: list[str], *, engine: str, baseline: bool = True) -> str:
    e = html.escape
    body = [f"<h1>评测报告（引擎：{e(engine)}）</h1>"]
    overall = all(r.passed for r in results)
    body.append(f'<p class="{"ok" if overall else "bad"}"><b>{"全部达标" if overall else "有指标未达标"}</b></p>')
    body.append("<h2>回归</h2>")
    body.append("<ul>" + "".join(f"<li class='bad'>{e(x)}</li>" for x in regressions) + "</ul>" if regressions
                else f"<p>{_no_regressions(baseline)}</p>")
    for r in results:
        body.append(f"<h2>{e(SUITE_TITLES.get(r.suite, r.suite))}（{e(r.suite)}）</h2>")
        n_pass = sum(1 for c in r.cases if c.passed)
        body.append(f"<p>用例 {n_pass}/{len(r.cases)} 通过，用时 {r.seconds:.1f} 秒</p>")
        if r.gates:
            rows = "".join(
                f"<tr><td>{e(g.metric)}</td><td>{'缺失' if g.value is None else f'{g.value:.3f}'}</td>"
                f"<td>{e(g.op)} {g.threshold}</td><td class='{'ok' if g.passed else 'bad'}'>{'达标' if g.passed else '未达标'}</td></tr>"
                for g in r.gates)
            body.append(f"<table><tr><th>门槛指标</th><th>实际</th><th>要求</th><th>结果</th></tr>{rows}</table>")
        for title, items in r.charts.items():
            body.append(bar_chart(title, [(str(k), float(v)) for k, v in items]))
        if "confusion" in r.metrics:
            body.append("<h3>混淆矩阵</h3>" + confusion_html(r.metrics["confusion"]))
        failed = [c for c in r.cases if not c.passed]
        if failed:
            items = "".join(
                f"<li><code>{e(c.id)}</code>：{e((c.error or '；'.join(f'{k.name}：{k.reason}' for k in c.checks if k.passed is False))[:300])}</li>"
                for c in failed[:60])
            body.append(f"<h3>未通过的用例</h3><ul>{items}</ul>")
    return (f"<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'><title>评测报告</title>"
            f"<style>{_CSS}</style></head><body>{''.join(body)}</body></html>")
