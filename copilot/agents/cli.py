"""``copilot draft …``: the drafting agents on the command line.

Every command prints either readable Chinese (drafts, then the rule checks and cited cards) or,
with ``--json``, ``{"engine", "drafts", "checks", "citations"}`` (+ ``notice`` after a fallback).
A broken profile prints every problem and exits 2.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from copilot.agents import DraftError, draft
from copilot.agents.render import label, render_text
from copilot.cli_support import EngineOpt, JsonOpt, emit_json, fail, load_profile_or_fail, resolve_engine, warn

draft_app = typer.Typer(help="起草群名、群介绍、群规、欢迎语、话题日历和文案（附规则检查与引用）。", no_args_is_help=True)

ProfileOpt = Annotated[Optional[Path], typer.Option("--profile", "-p", help="群档案（YAML/JSON）；不填则用配置里的 default_profile")]


def _run(target: str, profile: Optional[Path], engine: str, as_json: bool, **options: Any) -> None:
    prof = load_profile_or_fail(profile, use_default=True)
    if prof is None:
        raise fail("请用 --profile 指定群档案文件（或在配置里设置 default_profile）", 2)
    eng = resolve_engine(engine)
    try:
        result = draft(target, prof, eng, **options)
    except DraftError as exc:
        raise fail(str(exc), 2) from None
    if as_json:
        emit_json(result.to_json())
    else:
        typer.echo(render_text(result))
    if result.notice and as_json:
        warn(f"{label('注意', result)}：{result.notice}")
    # Exit 1 when an error-severity rule still fails (drafts are printed anyway), so scripts and
    # hooks notice that the text must not be posted as is; warnings do not change the exit code.
    if result.blocking:
        raise typer.Exit(1)


@draft_app.command("name")
def name_cmd(profile: ProfileOpt = None, n: Annotated[int, typer.Option("--n", min=1, max=10, help="候选个数")] = 5,
             as_json: JsonOpt = False, engine: EngineOpt = "auto") -> None:
    """候选群名（每个附一句理由）。"""
    _run("name", profile, engine, as_json, n=n)


@draft_app.command("intro")
def intro_cmd(profile: ProfileOpt = None, as_json: JsonOpt = False, engine: EngineOpt = "auto") -> None:
    """群介绍/群公告：定位、利益点、入群条件、群规摘要、活动安排。"""
    _run("intro", profile, engine, as_json)


@draft_app.command("rules")
def rules_cmd(profile: ProfileOpt = None, as_json: JsonOpt = False, engine: EngineOpt = "auto") -> None:
    """完整群规：入群条件、发言规范、禁止行为、逐级违规处理、奖励机制。"""
    _run("rules", profile, engine, as_json)


@draft_app.command("welcome")
def welcome_cmd(profile: ProfileOpt = None, n: Annotated[int, typer.Option("--n", min=1, max=3)] = 2,
                as_json: JsonOpt = False, engine: EngineOpt = "auto") -> None:
    """入群欢迎语（带 {昵称} 占位符）。"""
    _run("welcome", profile, engine, as_json, n=n)


StartOpt = Annotated[Optional[str], typer.Option("--start", help="日历从哪天开始（YYYY-MM-DD），默认下周一")]


def _start(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise fail(f"--start 应为日期，如 2026-12-07，收到 {value!r}", 2) from None


@draft_app.command("topics")
def topics_cmd(profile: ProfileOpt = None, days: Annotated[int, typer.Option("--days", min=1, max=62)] = 7,
               start: StartOpt = None, as_json: JsonOpt = False, engine: EngineOpt = "auto") -> None:
    """话题与活动日历：群自己的活动排在真实日期上，空档补话题。"""
    _run("topics", profile, engine, as_json, days=days, start=_start(start))


@draft_app.command("copy")
def copy_cmd(profile: ProfileOpt = None,
             kind: Annotated[str, typer.Option("--kind", help="activity / promotion / moments / notice")] = "activity",
             n: Annotated[Optional[int], typer.Option("--n", min=1, max=5, help="条数；默认促销 3、朋友圈 2、活动/通知 1")] = None,
             start: StartOpt = None, as_json: JsonOpt = False, engine: EngineOpt = "auto") -> None:
    """活动通知（按活动类型）、促销、朋友圈、群通知；促销的套路和算式只写给运营。"""
    _run("copy", profile, engine, as_json, kind=kind, n=n, start=_start(start))


def register(app: typer.Typer) -> None:
    app.add_typer(draft_app, name="draft")
