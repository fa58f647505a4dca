"""Eval reports: Markdown for reading in a terminal or PR, self-contained HTML with inline SVG charts.

The HTML comes from a Jinja2 template (``resources/templates/eval_report.html.j2``) with no scripts
and no external assets (it must open on an offline machine); this module lays out the charts —
per-rule pass rate, moderation confusion matrix, retrieval recall@k — as data for it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, FileSystemLoader

from copilot.evals.results import SuiteResult
from copilot.llm import engine_label
from copilot.moderation.labels import LABEL_ZH
from copilot.paths import RESOURCES_DIR, load_resource

SUITE_TITLES = {"retrieval": "检索", "drafts": "起草", "moderation": "审核", "notes": "纪要", "profiles": "群档案"}


@lru_cache(maxsize=1)
def _names() -> dict[str, dict[str, str]]:
    return load_resource("evals/metric_names.yaml")


def metric_label(key: str) -> str:
    """A metric key in Chinese, part by part (``ad.precision`` → ``广告·精确率``); unknown parts stay as written."""
    parts = _names()["parts"]
    return "·".join(parts.get(p, p) for p in key.split("."))


def path_label(path: str) -> str:
    """What an assertion looks at, in Chinese (``joined`` → ``全部文本``); unknown paths stay as written."""
    return _names().get("paths", {}).get(path, path)


def check_label(name: str) -> str:
    """A check's name in Chinese (``label_equals`` → ``判定与标注一致``); Chinese names and rule ids stay."""
    return _names()["checks"].get(name, name)


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
    lines = [f"# 评测报告（引擎：{engine_label(engine)}）", ""]
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
                lines.append(f"| {metric_label(g.metric)}（`{g.metric}`） | {value} | {g.op} {g.threshold} | "
                             f"{'✅' if g.passed else '❌'} |")
            lines.append("")
        flat = [(k, v) for k, v in _flat(r.metrics) if not k.startswith("confusion")]
        if flat:
            lines += ["<details><summary>全部指标</summary>", "", "| 指标 | 值 |", "|---|---|"]
            lines += [f"| {metric_label(k)}（`{k}`） | {_fmt(v)} |" for k, v in flat]
            lines += ["", "</details>", ""]
        if "confusion" in r.metrics:
            lines += _confusion_md(r.metrics["confusion"])
        failed = [c for c in r.cases if not c.passed]
        if failed:
            lines += ["未通过的用例：", ""]
            for c in failed[:40]:
                why = c.error or "；".join(f"{check_label(k.name)}：{k.reason}" for k in c.checks if k.passed is False)
                lines.append(f"- `{c.id}`：{why[:300]}")
            if len(failed) > 40:
                lines.append(f"- ……另有 {len(failed) - 40} 个")
            lines.append("")
    return "\n".join(lines)


def _confusion_md(conf: dict[str, Any]) -> list[str]:
    labels = conf["labels"]
    names = [LABEL_ZH.get(lab, lab) for lab in labels]  # the one set of Chinese label names
    rows = ["混淆矩阵（行=期望，列=判定）：", "", "| | " + " | ".join(names) + " |", "|---" * (len(labels) + 1) + "|"]
    for name, counts in zip(names, conf["matrix"]):
        rows.append(f"| **{name}** | " + " | ".join(str(c) for c in counts) + " |")
    return rows + [""]


# -- HTML ---------------------------------------------------------------------------------------
_TEMPLATES = Environment(loader=FileSystemLoader(RESOURCES_DIR / "templates"), autoescape=True,
                         trim_blocks=True, lstrip_blocks=True)
_BAR_HEIGHT, _LABEL_WIDTH = 22, 220


def bar_chart(title: str, items: list[tuple[str, float]], *, max_value: float = 1.0, width: int = 640) -> dict[str, Any]:
    """Horizontal bars (label, value) laid out for the template's inline SVG."""
    bars = []
    for i, (label, value) in enumerate(items):
        w = 0 if max_value <= 0 else max(0.0, min(1.0, value / max_value)) * (width - _LABEL_WIDTH - 60)
        colour = "#34a853" if value >= max_value * 0.999 else ("#fbbc04" if value >= max_value * 0.8 else "#ea4335")
        bars.append({"label": label[:30], "value": value, "y": 24 + i * _BAR_HEIGHT, "width": w, "colour": colour})
    return {"title": title, "width": width, "height": _BAR_HEIGHT * len(items) + 30, "label_width": _LABEL_WIDTH,
            "bars": bars}


def confusion_cells(conf: dict[str, Any]) -> dict[str, Any]:
    """The confusion matrix with a background per cell: green on the diagonal, red off it, by count."""
    labels = conf["labels"]
    peak = max((max(row) for row in conf["matrix"]), default=1) or 1
    rows = []
    for i, (lab, row) in enumerate(zip(labels, conf["matrix"], strict=True)):
        cells = []
        for j, n in enumerate(row):
            alpha = 0.15 + 0.85 * n / peak if n else 0
            cells.append({"n": n, "colour": f"rgba(52,168,83,{alpha:.2f})" if i == j else f"rgba(234,67,53,{alpha:.2f})"})
        rows.append({"label": LABEL_ZH.get(lab, lab), "cells": cells})
    return {"labels": [LABEL_ZH.get(lab, lab) for lab in labels], "rows": rows}


def _why(case: Any) -> str:
    return (case.error or "；".join(f"{k.name}：{k.reason}" for k in case.checks if k.passed is False))[:300]


def render_html(results: list[SuiteResult], regressions: list[str], *, engine: str, baseline: bool = True) -> str:
    """The self-contained HTML report (``resources/templates/eval_report.html.j2``)."""
    suites = [{
        "suite": r.suite, "title": SUITE_TITLES.get(r.suite, r.suite), "seconds": r.seconds,
        "n_pass": sum(1 for c in r.cases if c.passed), "n_cases": len(r.cases), "gates": r.gates,
        "charts": [bar_chart(title, [(str(k), float(v)) for k, v in items]) for title, items in r.charts.items() if items],
        "confusion": confusion_cells(r.metrics["confusion"]) if "confusion" in r.metrics else None,
        "failed": [{"id": c.id, "why": _why(c)} for c in r.cases if not c.passed][:60],
    } for r in results]
    return _TEMPLATES.get_template("eval_report.html.j2").render(
        engine=engine, overall=all(r.passed for r in results), regressions=regressions,
        no_regressions=_no_regressions(baseline), suites=suites)
