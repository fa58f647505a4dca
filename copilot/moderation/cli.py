"""Moderation commands: ``moderate``, ``feedback``, ``moderation-log``, ``moderation-stats``,
``moderation-retrain`` and ``serve`` (the HTTP + OneBot hook)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer


def _load_profile_or_fail(path: Path | None):  # type: ignore[no-untyped-def]
    from copilot.cli import fail
    from copilot.profile import ProfileError, load_profile

    if path is None:
        return None
    try:
        return load_profile(path)
    except ProfileError as exc:
        raise fail(str(exc), 2) from None


def _read_input(path: Path | None) -> str:
    from copilot.cli import fail
    from copilot.knowledge.ingest import IngestError, decode_bytes

    if path is not None:
        if not path.exists():
            raise fail(f"找不到输入文件 {path}", 2)
        data, name = path.read_bytes(), str(path)
    else:
        data, name = sys.stdin.buffer.read(), "标准输入"
    try:
        return decode_bytes(data, name)  # UTF-8 / BOM / UTF-16 / GBK detection
    except IngestError as exc:
        raise fail(str(exc), 2) from None


def parse_line(line: str, lineno: int) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """One JSON Lines record → (message dict, None) or (None, error record with id/line number)."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, {"id": None, "line": lineno, "error": f"第 {lineno} 行不是合法 JSON（第 {exc.colno} 列）"}
    except RecursionError:
        return None, {"id": None, "line": lineno, "error": f"第 {lineno} 行 JSON 嵌套层数过深，无法解析"}
    if not isinstance(obj, dict):
        return None, {"id": None, "line": lineno, "error": f"第 {lineno} 行应为 JSON 对象"}
    mid = obj.get("id")
    text = obj.get("text")
    if not isinstance(text, str):
        what = "缺少 text 字段" if text is None else "text 字段应为字符串"
        return None, {"id": mid, "line": lineno, "error": f"第 {lineno} 行{what}"}
    return {"id": None if mid is None else str(mid), "user": None if obj.get("user") is None else str(obj["user"]),
            "text": text, "group": None if obj.get("group") is None else str(obj["group"]),
            "role": obj.get("role") if isinstance(obj.get("role"), str) else None,
            "ts": obj.get("ts") if isinstance(obj.get("ts"), (int, float)) else None}, None


def register(app: typer.Typer) -> None:
    @app.command("moderate")
    def moderate_cmd(
        profile: Annotated[Optional[Path], typer.Option("--profile", "-p", help="群档案（YAML/JSON）；不给则不判断跑题")] = None,
        input_file: Annotated[Optional[Path], typer.Option("--input", "-i", help="JSON Lines 输入文件，默认读标准输入")] = None,
        engine: Annotated[str, typer.Option("--engine", help="auto / offline / llm（模型只复核不确定的消息）")] = "auto",
        semantic: Annotated[bool, typer.Option("--semantic/--no-semantic", help="跑题判断是否使用向量语义（较慢）")] = False,
        dry_run: Annotated[bool, typer.Option("--dry-run", help="只判断不处置，不累计违规次数")] = False,
        no_audit: Annotated[bool, typer.Option("--no-audit", help="不写审核日志")] = False,
        policy_file: Annotated[Optional[Path], typer.Option("--policy", help="审核策略 YAML（default + groups）")] = None,
        group: Annotated[str, typer.Option("--group", help="群号：计违规次数、选择策略用")] = "",
    ) -> None:
        """逐行审核 JSON Lines 消息 {"id","user","text"}，每条输出一行判定 JSON。"""
        from copilot.cli import resolve_engine
        from copilot.config import Settings
        from copilot.moderation.pipeline import Moderator
        from copilot.moderation.policy import Policy

        from copilot.cli import fail
        from copilot.moderation.policy import PolicyError, load_policies

        prof = _load_profile_or_fail(profile)
        pol = Policy()
        if policy_file is not None:
            try:
                pols = load_policies(policy_file)
            except PolicyError as exc:
                raise fail(str(exc), 2) from None
            pol = pols.get(group) or pols[""]
        if dry_run:
            pol = pol.model_copy(update={"dry_run": True})
        text = _read_input(input_file)
        eng = resolve_engine(engine)
        settings = Settings()
        mod = Moderator(settings, prof, policy=pol, audit=None if no_audit else "default",
                        engine=eng, semantic=semantic, group=group)
        out = sys.stdout
        errors = 0
        for lineno, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            msg, error = parse_line(line, lineno)
            if error is not None:
                errors += 1
                out.write(json.dumps(error, ensure_ascii=False) + "\n")
                continue
            verdict = mod.moderate(msg)  # type: ignore[arg-type]
            out.write(json.dumps(verdict.public(), ensure_ascii=False) + "\n")
            out.flush()
        if errors:
            from copilot.cli import err

            err.print(f"[yellow]{errors} 行输入有误，已输出错误行并跳过[/yellow]", highlight=False)

    @app.command("feedback")
    def feedback_cmd(
        verdict_id: Annotated[str, typer.Argument(help="判定的 verdict_id（见 moderate 输出或审核日志）")],
        label: Annotated[str, typer.Option("--label", "-l", help="正确标签：ok / off_topic / ad / spam / abuse")],
    ) -> None:
        """标记一条判定的正确标签，作为学习样本。"""
        from copilot.cli import emit_json, fail
        from copilot.config import Settings
        from copilot.moderation.audit import AuditError, AuditLog

        try:
            emit_json(AuditLog.from_settings(Settings()).record_feedback(verdict_id, label))
        except AuditError as exc:
            raise fail(str(exc), 2) from None

    @app.command("moderation-log")
    def log_cmd(
        group: Annotated[Optional[str], typer.Option("--group")] = None,
        label: Annotated[Optional[str], typer.Option("--label")] = None,
        action: Annotated[Optional[str], typer.Option("--action")] = None,
        limit: Annotated[int, typer.Option("--limit", min=1, max=1000)] = 20,
        offset: Annotated[int, typer.Option("--offset", min=0)] = 0,
    ) -> None:
        """查询审核日志（按群、标签、处置筛选，分页）。"""
        from copilot.cli import emit_json
        from copilot.config import Settings
        from copilot.moderation.audit import AuditLog

        emit_json(AuditLog.from_settings(Settings()).query(group=group, label=label, action=action,
                                                            limit=limit, offset=offset))

    @app.command("moderation-stats")
    def stats_cmd(
        group: Annotated[Optional[str], typer.Option("--group")] = None,
        days: Annotated[int, typer.Option("--days", min=1, max=3650)] = 30,
    ) -> None:
        """每日各标签数量，以及根据反馈计算的准确率/召回率。"""
        from copilot.cli import emit_json
        from copilot.config import Settings
        from copilot.moderation.audit import AuditLog

        emit_json(AuditLog.from_settings(Settings()).stats(group=group, days=days))

    @app.command("moderation-prune")
    def prune_cmd(
        older_than: Annotated[float, typer.Option("--older-than", help="删除多少天以前的审核记录")],
    ) -> None:
        """清理旧的审核记录（判定、投递记录、违规次数）；运营者的反馈样本保留。"""
        from copilot.cli import emit_json, fail
        from copilot.config import Settings
        from copilot.moderation.audit import AuditError, AuditLog
        from copilot.moderation.policy import Policy, PolicyError, group_policies

        settings = Settings()
        try:
            policies = group_policies(settings.data_dir)
        except PolicyError as exc:
            raise fail(str(exc), 2) from None
        window = max([p.window_days for p in policies.values()] + [Policy().window_days])
        if older_than < window:
            raise fail(f"--older-than {older_than:g} 天短于违规计数窗口 {window:g} 天：窗口内的违规记录删掉后，"
                       f"再犯会被当成初犯。请至少保留 {window:g} 天。", 2)
        try:
            emit_json(AuditLog.from_settings(settings).prune(older_than))
        except AuditError as exc:
            raise fail(str(exc), 2) from None

    @app.command("moderation-retrain")
    def retrain_cmd() -> None:
        """用反馈样本重新训练广告分类器（写入 data_dir，不改动随包模型）。"""
        from copilot.cli import emit_json
        from copilot.config import Settings
        from copilot.moderation.training import retrain_from_feedback

        emit_json(retrain_from_feedback(Settings()))

    @app.command("serve")
    def serve_cmd(
        host: Annotated[Optional[str], typer.Option("--host", help="默认 127.0.0.1（配置项 host）")] = None,
        port: Annotated[Optional[int], typer.Option("--port")] = None,
        workers: Annotated[int, typer.Option("--workers", min=1, max=64,
                                             help="进程数；多个进程共用审核库（违规次数、重复投递、刷屏计数）")] = 1,
    ) -> None:
        """启动审核钩子：POST /v1/moderate、POST /onebot/v11、GET /healthz。"""
        import uvicorn

        from copilot.config import Settings
        from copilot.server import create_app

        settings = Settings()
        host, port = host or settings.host, port or settings.port
        if workers == 1:
            uvicorn.run(create_app(settings), host=host, port=port, log_level="info")
        else:  # each worker process builds its own app from the same settings (environment / copilot.toml)
            from copilot.moderation.audit import AuditLog

            AuditLog.from_settings(settings)  # the schema once, here, before the workers race for it
            uvicorn.run("copilot.server:create_app", factory=True, workers=workers, host=host, port=port,
                        log_level="info")
