"""评测 tab: run the offline eval suite (all or one suite), chart each gate against its threshold, show the report."""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from copilot.config import Settings
from copilot.evals.report import SUITE_TITLES, metric_label
from copilot.evals.runner import SUITE_NAMES, make_context, run_suites, write_reports

ALL = "全部"
SUITE_CHOICES: list[tuple[str, str]] = [(f"全部（{len(SUITE_NAMES)} 项，约一两分钟）", ALL)] + [
    (f"{SUITE_TITLES.get(n, n)}（{n}）", n) for n in SUITE_NAMES]
NO_REPORT = "还没有评测报告。点击“运行离线评测”生成。"


def report_dir(settings: Settings) -> Path:
    return settings.data_dir / "eval-reports" / "offline"


def suites_for(choice: str | None) -> tuple[str, ...]:
    return tuple(SUITE_NAMES) if not choice or choice == ALL else (choice,)


def latest_report(settings: Settings) -> str:
    """The last run's gates as charts, then its Markdown report (read from disk: survives a reload)."""
    path = report_dir(settings) / "report.md"
    if not path.exists():
        return NO_REPORT
    metrics = report_dir(settings) / "metrics.json"
    try:
        meta = json.loads(metrics.read_text(encoding="utf-8")) if metrics.exists() else {}
    except ValueError:
        meta = {}
    return gates_chart(meta) + "\n\n" + path.read_text(encoding="utf-8")


# inline styles: the report is Markdown, whose sanitiser drops <style> blocks
_ROW = "display:flex;align-items:center;gap:8px;margin:3px 0;"
_NAME = "width:13em;text-align:right;font-size:90%;"
_TRACK = "position:relative;flex:1;height:14px;background:#e6e6e6;border-radius:3px;"
_BAR = "position:absolute;left:0;top:0;bottom:0;border-radius:3px;"
_MARK = "position:absolute;top:-3px;bottom:-3px;width:2px;background:#222;"
_VALUE = "width:15em;font-size:90%;"


def _bar(gate: dict[str, Any]) -> str:
    value, threshold, op = gate.get("value"), float(gate["threshold"]), gate["op"]
    scale = max(1.0, threshold, float(value or 0)) * (1.0 if max(threshold, float(value or 0)) <= 1 else 1.15)
    width = 0 if value is None else min(100.0, 100 * float(value) / scale)
    mark = min(100.0, 100 * threshold / scale)
    colour = "#2e7d32" if gate.get("passed") else "#c62828"
    shown = "缺失" if value is None else f"{float(value):.3f}".rstrip("0").rstrip(".")
    name = html.escape(metric_label(gate["metric"]))
    return (f'<div class="gate-row" title="{html.escape(gate["metric"])}" style="{_ROW}">'
            f'<span style="{_NAME}">{name}</span>'
            f'<span style="{_TRACK}"><span style="{_BAR}width:{width:.1f}%;background:{colour}"></span>'
            f'<span style="{_MARK}left:{mark:.1f}%"></span></span>'
            f'<span style="{_VALUE}">{shown}（要求 {op} {threshold:g}）{"✅" if gate.get("passed") else "❌"}</span></div>')


def gates_chart(meta: dict[str, Any]) -> str:
    """Each suite's gate metrics as bars with the threshold marked (HTML; the tables follow below)."""
    gates: dict[str, list[dict[str, Any]]] = meta.get("gates") or {}
    if not gates:
        return ""
    out = ['<div class="eval-gates">', f"<p><b>门槛图</b>（黑线是要求，绿色达标、红色未达标；{html.escape(str(meta.get('time', '')))}）</p>"]
    for suite, items in gates.items():
        out.append(f"<h4>{html.escape(SUITE_TITLES.get(suite, suite))}（{html.escape(suite)}）</h4>")
        out += [_bar(g) for g in items]
    out.append("</div>")
    return "".join(out)


def run_offline_eval(settings: Settings, progress: Callable[..., object] | None = None,
                     suites: tuple[str, ...] | None = None) -> str:
    """Run the offline suites, write the reports, return the charts and the Markdown report."""

    names = list(suites or SUITE_NAMES)
    done: list[str] = []

    def step(name: str) -> None:
        if progress is not None:  # gr.Progress has __len__: an idle tracker is falsy
            progress((len(done), len(names)), desc=f"评测 {SUITE_TITLES.get(name, name)}（{name}）", unit="项")
        done.append(name)

    if progress is not None:
        progress((0, len(names)), desc="准备评测", unit="项")
    try:
        ctx = make_context(settings, "offline", report_dir=report_dir(settings), progress=step)
        results = run_suites(names, ctx)
        write_reports(results, report_dir(settings), engine="offline")
    except Exception as exc:  # shown in the page, never a traceback
        return f"❌ 评测失败：{type(exc).__name__}: {exc}"
    return latest_report(settings)
