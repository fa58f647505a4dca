"""``copilot draft …``: the drafting agents on the command line.

Every command prints either readable Chinese (drafts, then the rule checks and cited cards) or,
with ``--json``, ``{"engine", "drafts", "checks", "citations"}`` (+ ``notice`` after a fallback).
A broken profile prints every problem and exits 2.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

draft_app = typer.Typer(help="起草群名、群介绍、群规、欢迎语、话题日历和文案（附规则检查与引用）。", no_args_is_help=True)

ProfileOpt = Annotated[Optional[Path], typer.Option("--profile", "-p", help="群档案（YAML/JSON）；不填则用配置里的 default_profile")]
JsonOpt = Annotated[bool, typer.Option("--json", help="输出 JSON")]
EngineOpt = Annotated[str, typer.Option("--engine", help="auto / offline / llm")]


def _load(profile: Optional[Path]):  # type: ignore[no-untyped-def]
    from copilot.cli import fail
    from copilot.config import get_settings
    from copilot.profile import ProfileError, load_profile

    path = profile or (Path(get_settings().default_profile) if get_settings().default_profile else None)
    if path is None:
        raise fail("请用 --profile 指定群档案文件（或在配置里设置 default_profile）", 2)
    try:
        return load_profile(path)
    except ProfileError as exc:
        raise fail(str(exc), 2) from None
    except Exception as exc:  # unreadable file (encoding, permissions)
        raise fail(f"无法读取群档案 {path}：{exc}", 2) from None


def _run(target: str, profile: Optional[Path], engine: str, as_json: bool, **options: Any) -> None:
    from copilot.agents import DraftError, draft
    from copilot.cli import emit_json, err, fail, resolve_engine

    prof = _load(profile)
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
        err.print(f"[yellow]{_label('注意', result)}：{result.notice}[/yellow]", highlight=False)
    # Exit 1 when an error-severity rule still fails (drafts are printed anyway), so scripts and
    # hooks notice that the text must not be posted as is; warnings do not change the exit code.
    if result.blocking:
        raise typer.Exit(1)


def _label(text: str, result: Any) -> str:
    """A fixed label in the result's output script (labels are written in Simplified)."""
    from copilot.agents.base import convert_script

    return convert_script(text, getattr(result, "script", "zh-Hans") or "zh-Hans")


def render_text(result, *, include_checks: bool = True) -> str:  # type: ignore[no-untyped-def]
    """Readable Chinese rendering of a DraftResult, labels in the result's script.

    The text is already in the output script, with the operator's own strings kept as written; do
    not run ``to_script`` over it again. ``include_checks=False`` gives only the drafts (+ notice),
    for pages that show the checks separately."""
    L = lambda t: _label(t, result)  # noqa: E731
    lines: list[str] = []
    failed = [c for c in result.checks if c.passed is False]
    if failed:
        blocking = [c.rule_id for c in failed if c.severity == "error"]
        head = "⚠ 有规则未通过，请修改后再发：" if blocking else "⚠ 有提醒项未通过，发出前请看一眼："
        lines.append(L(head) + "、".join(c.rule_id for c in failed))
        lines.append("")
    for i, d in enumerate(result.drafts, 1):
        if result.target == "name":
            lines.append(f"{i}. {d['name']}  —— {d.get('rationale', '')}")
        elif result.target == "topics":
            lines.append(f"{L('第')}{d['day']}{L('天')} {d.get('weekday', '')} {d['time']}【{d['type']}】{d['title']}")
            lines.append(f"    {L('开场')}：{d['opening']}")
            if d.get("steps"):
                lines.append(f"    {L('步骤')}：" + " → ".join(d["steps"]))
            if d.get("why"):
                lines.append(f"    {L('为什么')}：{d['why']}")
        else:
            head = f"—— {L('草稿')} {i}" + (f"：{d['title']}" if d.get("title") else "") + (f"（{L('套路')}：{d['tactic']}）" if d.get("tactic") else "")
            lines.append(head)
            lines.append(d["text"])
            if d.get("arithmetic"):
                lines.append(L("算式：") + "；".join(d["arithmetic"]))
            if d.get("note"):
                lines.append(L("给运营（不要发到群里）：") + d["note"])
        if result.target not in ("name", "topics"):
            lines.append("")
    if result.notice:
        lines.append(L("注意：") + result.notice)
    if not include_checks:
        return "\n".join(lines).rstrip()
    lines.append("\n" + L("规则检查："))
    marks = {True: L("✓ 通过"), False: L("✗ 未通过"), None: L("… 待评")}
    for c in result.checks:
        lines.append(f"  {marks[c.passed]}  {c.rule_id}：{c.reason}")
    lines.append(L("引用卡片：") + "、".join(result.citations))
    if result.passages:
        lines.append(L("依据小节：") + "；".join(f"{p.card} › {L(p.section)}" for p in result.passages))
    lines.append(L("（生成引擎：") + f"{result.engine}）")
    return "\n".join(lines)


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


@draft_app.command("topics")
def topics_cmd(profile: ProfileOpt = None, days: Annotated[int, typer.Option("--days", min=1, max=31)] = 7,
               as_json: JsonOpt = False, engine: EngineOpt = "auto") -> None:
    """每日话题与活动日历（早晚固定时段）。"""
    _run("topics", profile, engine, as_json, days=days)


@draft_app.command("copy")
def copy_cmd(profile: ProfileOpt = None,
             kind: Annotated[str, typer.Option("--kind", help="activity / promotion / moments / notice")] = "activity",
             n: Annotated[Optional[int], typer.Option("--n", min=1, max=5, help="条数；默认促销 3、朋友圈 2、活动/通知 1")] = None,
             as_json: JsonOpt = False, engine: EngineOpt = "auto") -> None:
    """活动、促销、朋友圈、群通知文案；促销写明套路并列出算式。"""
    _run("copy", profile, engine, as_json, kind=kind, n=n)


def register(app: typer.Typer) -> None:
    app.add_typer(draft_app, name="draft")
