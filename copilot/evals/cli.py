"""``copilot eval [retrieval|drafts|moderation|notes|profiles|all]``: one harness for every suite.

Runs the chosen suites with the offline engine (default) or the configured model, prints the gated
metrics, writes ``report.md`` / ``report.html`` / ``results.jsonl`` / ``metrics.json`` to the report
directory and lists regressions against the previous run there. Exit code 1 when a gate fails.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.table import Table

from copilot.cli_support import fail
from copilot.config import get_settings
from copilot.llm import LLMUnavailable, engine_label

# the suites (and through them the retrieval stack, drafting, moderation and notes) load when `eval` runs, not when
# the command list is shown


def eval_cmd(
    suite: Annotated[str, typer.Argument(help="retrieval / drafts / moderation / notes / profiles / all")] = "all",
    engine: Annotated[str, typer.Option("--engine", help="offline：离线引擎；llm：已配置的模型接口")] = "offline",
    report: Annotated[Optional[Path], typer.Option("--report", help="报告目录（默认 <data_dir>/eval-reports/<engine>）")] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, max=32, help="并发用例数")] = 4,
    no_judge: Annotated[bool, typer.Option("--no-judge", help="不调用 LLM 评审（只跑确定性检查）")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="把各评测集的指标以 JSON 输出")] = False,
    why: Annotated[bool, typer.Option("--why", help="notes：每个评测集里每条标准答案没找到的原因，只出计数")] = False,
    gated: Annotated[bool, typer.Option("--gated", help="只评分门槛用到的切分（CI 用，快一半）；别的切分不进报告")] = False,
    split: Annotated[str, typer.Option("--split", help="profiles 评测集用哪一半：tuning（默认，逐份档案）/ locked（只出汇总数字）")] = "tuning",
) -> None:
    """运行评测，写出报告，列出回归。"""
    from copilot.evals.runner import SUITE_NAMES, make_context, run_suites, write_reports  # noqa: PLC0415

    if why:
        _print_notes_why(suite, workers, as_json)
        return
    names = list(SUITE_NAMES) if suite == "all" else [suite]
    if any(n not in SUITE_NAMES for n in names):
        raise fail(f"未知的评测集 {suite!r}，可选：{'、'.join(SUITE_NAMES)}、all", 2)
    if split not in {"tuning", "locked"}:
        raise fail("--split 只能是 tuning 或 locked", 2)
    if engine not in {"offline", "llm"}:
        raise fail("--engine 只能是 offline 或 llm", 2)
    settings = get_settings()
    report_dir = report or settings.data_dir / "eval-reports" / engine
    console = Console(stderr=True)
    try:
        ctx = make_context(settings, engine, workers=workers, judge=not no_judge, report_dir=report_dir,
                           progress=lambda name: console.print(f"[dim]评测 {name} …[/dim]"))
    except LLMUnavailable as exc:
        raise fail(str(exc), 2) from None
    ctx.extra["split"] = split
    ctx.only_gated = gated
    started = time.perf_counter()
    results = run_suites(names, ctx)
    regressions = write_reports(results, report_dir, engine=ctx.engine.name)
    if as_json:
        typer.echo(json.dumps({r.suite: {"metrics": r.metrics, "passed": r.passed,
                                         "gates": [g.model_dump() for g in r.gates]} for r in results},
                              ensure_ascii=False, indent=1))
    else:
        table = Table(title=f"评测（引擎：{engine_label(ctx.engine.name)}，用时 {time.perf_counter() - started:.1f} 秒）")
        for col in ("评测集", "用例通过", "指标", "实际", "要求", "结果"):
            table.add_column(col)
        for r in results:
            passed_cases = f"{sum(c.passed for c in r.cases)}/{len(r.cases)}"
            for i, g in enumerate(r.gates):
                value = "缺失" if g.value is None else f"{g.value:.3f}"
                table.add_row(r.suite if i == 0 else "", passed_cases if i == 0 else "", g.metric, value,
                              f"{g.op} {g.threshold}", "✓" if g.passed else "✗")
        Console().print(table)
        for r in results:
            if r.suite == "notes":
                _print_notes_halves(r.metrics)
        for line in regressions:
            console.print(f"[red]回归：{line}[/red]", highlight=False)
        console.print(f"报告：{report_dir / 'report.md'}（HTML：{report_dir / 'report.html'}）", highlight=False)
    if not all(r.passed for r in results):
        raise typer.Exit(1)


def _print_notes_why(suite: str, workers: int, as_json: bool) -> None:
    """``copilot eval notes --why``: per split, the miss class of every listed item, as counts only."""
    if suite != "notes":
        raise fail("--why 只用于 notes 评测集", 2)
    from copilot.evals.notes import why_splits, why_table  # noqa: PLC0415

    halves = why_splits(workers=workers)
    if as_json:
        typer.echo(json.dumps({name: h.get("why", {}) for name, h in halves.items()}, ensure_ascii=False, indent=1))
    else:
        Console().print(why_table(halves))


def _print_notes_halves(metrics: dict[str, Any]) -> None:
    """The notes' new set, tuning half beside locked half (the locked half only ever as totals)."""
    from copilot.evals.notes import HEADLINE as NOTES_HEADLINE  # noqa: PLC0415
    from copilot.evals.notes import show as show_notes_metric  # noqa: PLC0415

    halves = [h for h in ("tuning", "locked") if h in metrics]
    if not halves:
        return
    table = Table(title="纪要新评测集：tuning 与 locked（locked 只报总数）")
    table.add_column("指标")
    for half in halves:
        table.add_column(f"{half}（{metrics[half].get('n', 0)} 份）")
    for key, label in NOTES_HEADLINE:
        table.add_row(label, *(show_notes_metric(metrics[h].get(key)) for h in halves))
    Console().print(table)


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_cmd)
