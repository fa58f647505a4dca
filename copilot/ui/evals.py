"""评测 tab: run the offline eval suite and show the latest report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from copilot.config import Settings
from copilot.evals.runner import SUITE_NAMES, make_context, run_suites, write_reports


def report_dir(settings: Settings) -> Path:
    return settings.data_dir / "eval-reports" / "offline"


def latest_report(settings: Settings) -> str:
    path = report_dir(settings) / "report.md"
    if path.exists():
        return path.read_text(encoding="utf-8")
    return "还没有评测报告。点击“运行离线评测”生成（约一两分钟）。"


def run_offline_eval(settings: Settings, progress: Callable[..., object] | None = None,
                     suites: tuple[str, ...] | None = None) -> str:
    """Run the offline suites, write the reports, return the Markdown report."""

    names = list(suites or SUITE_NAMES)
    done: list[str] = []

    def step(name: str) -> None:
        if progress:
            progress((len(done), len(names)), desc=f"评测 {name}")
        done.append(name)

    try:
        ctx = make_context(settings, "offline", report_dir=report_dir(settings), progress=step)
        results = run_suites(names, ctx)
        write_reports(results, report_dir(settings), engine="offline")
    except Exception as exc:  # shown in the page, never a traceback
        return f"❌ 评测失败：{type(exc).__name__}: {exc}"
    return latest_report(settings)
