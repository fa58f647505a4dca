"""``copilot notes`` and ``copilot notes-batch``."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from copilot.cli_support import EngineOpt, err, fail, resolve_engine, warn
from copilot.config import get_settings
from copilot.files import atomic_write
from copilot.llm import engine_label
from copilot.notes.batch import Record, run_batch
from copilot.notes.parse import NotesParseError, parse_columns
from copilot.notes.render import render_markdown, requested_script
from copilot.notes.summarize import STAGES, summarize_file

MAX_WARNINGS = 20
SLOW_STEP_SECONDS = 2.0  # piped output names each step that starts after this long (a 15,000-message export)


def notes_cmd(
    file: Annotated[Path, typer.Argument(help="聊天记录导出文件：QQ、微信、LINE、WhatsApp 的文本导出或复制粘贴，JSON/JSONL，CSV/TSV（UTF-8、GBK、Big5 等编码均可）")],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="写入文件（Markdown；加 --json 时写 JSON）")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON（整理稿 + 引擎 + 警告 + 略去的消息）")] = False,
    script: Annotated[Optional[str], typer.Option("--script", help="zh-Hans 简体 / zh-Hant 繁体")] = None,
    columns: Annotated[Optional[str], typer.Option("--columns", help="JSON/CSV/TSV 列名，如 speaker=发送人,text=内容,time=时间")] = None,
    engine: EngineOpt = "auto",
) -> None:
    """把一场群分享/话题讨论的聊天记录整理成带来源编号的文字版。"""
    if script not in (None, "zh-Hans", "zh-Hant"):
        raise fail(f"--script 只能是 zh-Hans 或 zh-Hant，收到 {script!r}", 2)
    if not file.exists():
        raise fail(f"文件不存在：{file}", 2)
    if file.is_dir():
        raise fail(f"{file} 是一个目录，不是聊天记录文件；整理整个目录请用：copilot notes-batch {file} -o 输出目录", 2)
    settings = get_settings()
    eng = resolve_engine(engine)
    # a long export takes seconds (about 1 ms a message offline, longer with a model): show the step
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                  console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task("整理中", total=len(STAGES))
        started = time.monotonic()

        def stage(name: str) -> None:
            bar.update(task, completed=STAGES.index(name), description=f"整理中：{name}")
            # piped into a log (no bar): a step that starts after a slow one is said, so a long run is not silent
            waited = time.monotonic() - started
            if not err.is_terminal and waited >= SLOW_STEP_SECONDS:
                err.print(f"整理中：{name}（已用 {waited:.0f} 秒）", highlight=False)

        try:
            result = summarize_file(file, settings, eng, columns=parse_columns(columns), stage=stage)
        except NotesParseError as exc:
            raise fail(str(exc), 1) from None
    for line in result.removed:
        warn(f"核实：{line}")
    if result.notice:
        warn(f"注意：{result.notice}")
    if as_json:
        content = json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    else:
        content = render_markdown(result.notes, script or requested_script(settings), engine=result.engine,
                                  notice=result.notice)
    if output:
        atomic_write(output, content)
        # the warnings are in the file (the Markdown appendix, or the JSON); the terminal gets them once
        for w in result.warnings[:MAX_WARNINGS]:
            warn(f"警告：{w}")
        if len(result.warnings) > MAX_WARNINGS:
            warn(f"……另有 {len(result.warnings) - MAX_WARNINGS} 条警告")
        err.print(f"已写入 {output}（{'JSON' if as_json else 'Markdown'}，生成引擎：{engine_label(result.engine)}）", highlight=False)
    else:  # on stdout the appendix (or the JSON's "warnings") already lists them
        sys.stdout.write(content)


def notes_batch_cmd(
    input_dir: Annotated[Path, typer.Argument(help="放聊天记录导出文件的目录（.txt .log .json .jsonl .ndjson .csv .tsv，含子目录）")],
    output: Annotated[Path, typer.Option("-o", "--output", help="输出目录（每个文件一份 .md，外加 manifest.jsonl）")],
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, max=64, help="并发数")] = 4,
    rpm: Annotated[float, typer.Option("--rpm", min=0, help="模型接口每分钟最多请求数（0 表示不限）")] = 120,
    force: Annotated[bool, typer.Option("--force", help="忽略 manifest，全部重做")] = False,
    engine: EngineOpt = "auto",
) -> None:
    """批量整理：断点续跑（按内容哈希跳过已完成的文件、重试失败的），坏文件不影响其他文件。"""
    if not input_dir.is_dir():
        raise fail(f"输入目录不存在：{input_dir}", 2)
    settings = get_settings()
    eng = resolve_engine(engine)
    with Progress(TextColumn("整理中"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.description}"), console=err, transient=False) as bar:
        task = bar.add_task("", total=None)

        def progress(done: int, total: int, record: Record) -> None:
            bar.update(task, completed=done, total=total, description=record.input[-40:])

        summary = run_batch(input_dir, output, workers, settings, eng, progress=progress,
                            requests_per_minute=rpm or None, force=force)
    table = Table(title="批量整理结果")
    for col in ("文件", "状态", "引擎", "说明"):
        table.add_column(col)
    labels = {"ok": "[green]完成[/green]", "skipped": "跳过（已完成）", "failed": "[red]失败[/red]"}
    for r in sorted(summary.records, key=lambda r: r.input):
        table.add_row(r.input, labels.get(r.status, r.status), r.engine or "-", _remarks(r))
    for name in summary.unsupported:
        # (not 跳过: the summary's 跳过 counts files already done; these were never chat exports — qa13r68)
        table.add_row(name, "未处理（不支持的格式）", "-", "非聊天记录格式")
    err.print(table)
    extra = f"，未处理 {summary.pending}（已中断）" if summary.pending else ""
    extra += f"，不支持的格式 {len(summary.unsupported)} 个未处理" if summary.unsupported else ""
    err.print(
        f"共 {summary.total} 个聊天记录文件：完成 {summary.ok}，跳过（已完成）{summary.skipped}，失败 {summary.failed}"
        f"（其中回退离线 {summary.fallback}）{extra}，用时 {summary.seconds:.1f} 秒；清单：{summary.manifest}",
        highlight=False,
    )
    if summary.interrupted:
        err.print("[yellow]已中断：已完成的文件都已保存，再次运行会从断点继续。[/yellow]")
        raise typer.Exit(130)
    if summary.failed:
        raise typer.Exit(1)


def _remarks(r: Record) -> str:
    """The 说明 column: the error, the fallback notice, and the parse warnings (the first few, counted)."""
    bits = [b for b in (r.error, r.notice) if b]
    if r.warning_texts:
        shown = "；".join(r.warning_texts[:3])
        more = f"（共 {len(r.warning_texts)} 条警告）" if len(r.warning_texts) > 3 else ""
        bits.append(f"警告：{shown}{more}")
    return "\n".join(bits)


def register(app: typer.Typer) -> None:
    app.command("notes")(notes_cmd)
    app.command("notes-batch")(notes_batch_cmd)
