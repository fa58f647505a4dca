"""Moderation commands: ``moderate``, ``feedback``, ``moderation-log``, ``moderation-stats``,
``moderation-import``, ``moderation-retrain`` and ``serve`` (the HTTP + OneBot hook)."""

from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from copilot.cli_support import emit_json, fail, load_profile_or_fail, resolve_engine, warn
from copilot.clock import GROUP_TZ
from copilot.config import get_settings
from copilot.files import UnreadableFile, decode_lines
from copilot.moderation.audit import AuditError, AuditLog
from copilot.moderation.importing import FORMATS, HistoryFileError, read_labelled
from copilot.moderation.labels import ACTION_ZH, ACTIONS, LABEL_ZH, LABELS, Action, Label, label_from_zh
from copilot.moderation.message import BadMessage, Message, loads, message_from
from copilot.moderation.pipeline import Moderator
from copilot.moderation.policy import Policy, PolicyError, group_policies, load_policies
from copilot.moderation.review import answer, uncertain
from copilot.moderation.training import retrain_groups, train_group
from copilot.profile import GroupMap, profile_key


def _read_input(path: Path | None) -> list[str]:
    if path is not None:
        if not path.exists():
            raise fail(f"找不到输入文件 {path}", 2)
        data, name = path.read_bytes(), str(path)
    else:
        data, name = sys.stdin.buffer.read(), "标准输入"
    try:
        return decode_lines(data, name)  # per line: UTF-8 / BOM / UTF-16 / GBK
    except UnreadableFile as exc:
        raise fail(str(exc), 2) from None


JSONL_HINT = ("copilot moderate 读的是 JSON Lines：每行一个 {\"id\": \"1\", \"user\": \"昵称\", \"text\": \"内容\"}。"
              "微信、QQ、WhatsApp 的文字导出（带时间和昵称的“日期 时间 昵称: 内容”行）会自动按聊天记录读入；这份文件读不出发言人，"
              "请把每条消息改写成一行 JSON，例如每行一条消息的文本文件：jq -R -c '{text: .}' 文件.txt > 消息.jsonl")


def chat_export_messages(lines: list[str], name: str) -> tuple[list[Message], str] | None:
    """The messages of a chat's text export given where JSON Lines are expected (a WeChat, QQ or WhatsApp export: "[4/12/2026,
    08:01:22] 阿詩: 第一次參加…"), read by the notes parser (:func:`copilot.notes.parse.parse_text`, nothing dropped as
    noise: an ad is what moderation is for), with the export's format; None when the input opens like JSON or no line
    names its speaker."""
    first = next((ln.strip() for ln in lines if ln.strip()), "")
    if not first or first.startswith(("{", "[{")):
        return None
    from copilot.notes.parse import NotesParseError, parse_text  # noqa: PLC0415 - only for a text export

    try:
        chat = parse_text("\n".join(lines), name, drop_noise=False)
    except NotesParseError:
        return None
    said = [m for m in chat.messages if m.kind == "text" and m.speaker and m.text.strip()]
    if chat.format in ("json", "jsonl", "csv") or not said:
        return None
    return [Message(id=f"{name}#{m.id}", user=m.speaker_id or m.speaker, nickname=m.speaker, text=m.text,
                    ts=m.time.replace(tzinfo=m.time.tzinfo or GROUP_TZ).timestamp() if m.time else None)
            for m in said], chat.format


# the "id" member of a line that is not valid JSON as a whole (a string or an integer), so its error can be matched back
_BROKEN_ID = re.compile(r'"id"\s*:\s*("(?:[^"\\\n]|\\.){0,200}"|-?\d{1,30})')


def broken_line_id(line: str) -> str | int | None:
    """The id a line that failed to parse still carries ('{"id":"b3", "text": "…' → "b3"), or None: only the first
    "id" member, read as JSON, so a bot author can match the error record to the message it sent."""
    m = _BROKEN_ID.search(line[:4096])
    if not m:
        return None
    try:
        value = json.loads(m.group(1))
    except ValueError:
        return None
    return value if isinstance(value, (str, int)) else None


def parse_line(line: str, lineno: int) -> Message | dict[str, Any]:
    """One JSON Lines record → a :class:`Message`, or the error record printed in its place (with the id the broken line
    still names, when it names one)."""
    where = f"第 {lineno} 行"
    try:
        obj = loads(line, where)
    except BadMessage as exc:
        return {"id": broken_line_id(line), "line": lineno, "error": str(exc)}
    try:
        return message_from(obj, where)
    except BadMessage as exc:
        return {"id": obj.get("id") if isinstance(obj, dict) else None, "line": lineno, "error": str(exc)}


def tally(verdicts: list[tuple[Label, Action]], dry_run: bool) -> str:
    """One line for the operator after a run (stderr; stdout keeps only verdicts): how many of each label and each
    action, "共判定 40 条：正常 31、广告 6、刷屏/垃圾 3；处置：不处理 31、删除 6、转人工复核 3（试运行：未写审核日志）"."""
    labels, actions = Counter(v[0] for v in verdicts), Counter(v[1] for v in verdicts)
    said = "、".join(f"{LABEL_ZH[k]} {labels[k]}" for k in LABELS if labels[k])
    done = "、".join(f"{ACTION_ZH[k]} {actions[k]}" for k in ACTIONS if actions[k])
    return f"共判定 {len(verdicts)} 条：{said}；处置：{done}" + ("（试运行：未写审核日志、未计违规）" if dry_run else "")


def moderate_cmd(
    profile: Annotated[Optional[Path], typer.Option("--profile", "-p", help="群档案（YAML/JSON）；不给则不判断跑题")] = None,
    input_file: Annotated[Optional[Path], typer.Option("--input", "-i", help="JSON Lines 输入文件，默认读标准输入")] = None,
    engine: Annotated[str, typer.Option("--engine", help="auto / offline / llm（模型只复核不确定的消息）")] = "auto",
    semantic: Annotated[bool, typer.Option("--semantic/--no-semantic", help="跑题判断是否再用向量语义复核（较慢；第 61 轮实测在 10 个盲测集中的 9 个上跑题 F1 更低，见 docs/moderation.md）")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="试运行：只判断，不写审核日志、不计违规次数")] = False,
    no_audit: Annotated[bool, typer.Option("--no-audit", help="完全不用审核库：不读反馈和违规次数，也不写；只想不写库请用 --dry-run")] = False,
    policy_file: Annotated[Optional[Path], typer.Option("--policy", help="审核策略 YAML（default + groups）")] = None,
    group: Annotated[str, typer.Option("--group", help="群号：计违规次数、选择策略；不给 -p 时按群映射选群档案")] = "",
) -> None:
    """逐行审核 JSON Lines 消息 {"id","user","text"}，每条输出一行判定 JSON。有坏行时逐行报告、其余照常判定，退出码 1。"""
    settings = get_settings()
    if profile is None and group:  # the same group → profile mapping the hooks use
        mapped = GroupMap(settings.data_dir, settings.groups).path_for(group)
        profile = Path(mapped) if mapped else None
    prof = load_profile_or_fail(profile)
    pol = Policy()
    if policy_file is not None:
        try:
            pols = load_policies(policy_file)
        except PolicyError as exc:
            raise fail(str(exc), 2) from None
        pol = pols.get(group) or pols[""]
    lines = _read_input(input_file)
    eng = resolve_engine(engine)
    key = profile_key(profile, prof)
    # without --group, strikes and re-delivery are counted per profile (Moderator: group "profile:<key>")
    # a dry run reads an existing log (strikes, feedback) and never creates one
    audit = None if no_audit else (AuditLog.existing(settings) if dry_run else "default")
    mod = Moderator(settings, prof, policy=pol, audit=audit, engine=eng, semantic=semantic, group=group,
                    profile_key=key, dry_run=dry_run, untimed_pace=False)
    out = sys.stdout
    name = input_file.name if input_file is not None else "stdin"
    done: list[tuple[Label, Action]] = []  # (label, action) of each verdict, for the closing tally

    def judge(msg: Message) -> None:
        verdict = mod.moderate(msg)
        done.append((verdict.label, verdict.action))
        out.write(json.dumps(verdict.public(), ensure_ascii=False) + "\n")
        out.flush()

    if (chat := chat_export_messages(lines, name)) is not None:
        warn(f"输入不是 JSON Lines，按聊天记录导出（{chat[1]}）读入 {len(chat[0])} 条消息逐条审核")
        for msg in chat[0]:
            judge(msg)
        if len(done) > 1:  # (one verdict says it all)
            warn(tally(done, dry_run))
        return
    errors = 0
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        msg = parse_line(line, lineno)
        if not isinstance(msg, Message):  # reported on stderr; stdout carries only verdicts
            errors += 1
            sys.stderr.write(json.dumps(msg, ensure_ascii=False) + "\n")
            continue
        judge(msg)
    if len(done) > 1:
        warn(tally(done, dry_run))
    if errors:  # every good line was judged; a script still has to notice the skipped ones (as notes-batch does)
        if errors == sum(1 for ln in lines if ln.strip()) and not lines[0].lstrip().startswith("{"):
            warn(JSONL_HINT)  # nothing was JSON at all: say what is expected and how to get it
        warn(f"{errors} 行输入有误，已在标准错误输出逐行报告并跳过；其余消息照常判定，退出码 1")
        raise typer.Exit(1)


def feedback_cmd(
    verdict_id: Annotated[str, typer.Argument(help="判定的 verdict_id（见 moderate 输出或审核日志）")],
    label: Annotated[str, typer.Option("--label", "-l", help="正确标签：ok / off_topic / ad / spam / abuse")],
) -> None:
    """标记一条判定的正确标签，作为学习样本。"""
    try:
        emit_json(AuditLog.from_settings(get_settings()).record_feedback(verdict_id, label))
    except AuditError as exc:
        raise fail(str(exc), 2) from None


def log_cmd(
    group: Annotated[Optional[str], typer.Option("--group")] = None,
    label: Annotated[Optional[str], typer.Option("--label")] = None,
    action: Annotated[Optional[str], typer.Option("--action")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000)] = 20,
    offset: Annotated[int, typer.Option("--offset", min=0)] = 0,
) -> None:
    """查询审核日志（按群、标签、处置筛选，分页）。"""
    emit_json(AuditLog.from_settings(get_settings()).query(group=group, label=label, action=action,
                                                        limit=limit, offset=offset))


def stats_cmd(
    group: Annotated[Optional[str], typer.Option("--group")] = None,
    days: Annotated[int, typer.Option("--days", min=1, max=3650)] = 30,
) -> None:
    """每日各标签数量，以及根据反馈计算的准确率/召回率。"""
    emit_json(AuditLog.from_settings(get_settings()).stats(group=group, days=days))


def prune_cmd(
    older_than: Annotated[float, typer.Option("--older-than", help="删除多少天以前的审核记录")],
) -> None:
    """清理旧的审核记录（判定、投递记录、违规次数）；运营者的反馈样本保留。"""
    settings = get_settings()
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


def import_cmd(
    file: Annotated[Path, typer.Argument(help="标注文件：text==1/0 行、JSON Lines {text,label} 或 CSV（text,label 列）")],
    profile: Annotated[Path, typer.Option("--profile", "-p", help="这些消息所属群的群档案")],
    fmt: Annotated[str, typer.Option("--format", help=" / ".join(FORMATS))] = "auto",
) -> None:
    """导入一个群的历史标注（删过的、留下的），存为该群的反馈，并训练、交叉验证该群的专属模型。"""
    prof = load_profile_or_fail(profile)
    key = profile_key(profile, prof)
    try:
        data = read_labelled(file, fmt)
    except HistoryFileError as exc:
        raise fail(str(exc), 2) from None
    for lineno, why in data.skipped[:20]:
        warn(f"第 {lineno} 行已跳过：{why}")
    if len(data.skipped) > 20:
        warn(f"……另有 {len(data.skipped) - 20} 行被跳过")
    if not data.examples:
        raise fail(f"{file} 里没有可用的标注（跳过 {len(data.skipped)} 行）", 2)
    settings = get_settings()
    try:
        audit = AuditLog.from_settings(settings)
        stored = audit.import_examples(key, data.examples)
    except AuditError as exc:
        raise fail(str(exc), 2) from None
    warn(f"已导入 {len(data.examples)} 条标注到群档案 {key}（{data.format} 格式），正在交叉验证群模型……")
    result = train_group(settings, key, audit)
    warn(result["message"])
    emit_json({"group": key, "file": str(file), "format": data.format, "imported": len(data.examples),
               "labels": data.counts(), "skipped": [{"line": n, "why": w} for n, w in data.skipped], **stored,
               "model": result})


def unimport_cmd(
    profile: Annotated[Path, typer.Option("--profile", "-p", help="要撤销导入的群档案")],
) -> None:
    """撤销一个群导入的历史标注（运营者逐条纠正的反馈保留），并按剩下的标注重训或停用群模型。"""
    prof = load_profile_or_fail(profile)
    key = profile_key(profile, prof)
    settings = get_settings()
    audit = AuditLog.from_settings(settings)
    removed = audit.forget_imports(key)
    result = train_group(settings, key, audit)
    warn(f"已删除群档案 {key} 导入的 {removed} 条标注。{result['message']}")
    emit_json({"group": key, "removed": removed, "model": result})


_CHOICES = "  ".join(f"{i}={LABEL_ZH[lab]}" for i, lab in enumerate(LABELS, 1))


def _label_of(reply: str) -> str | None:
    """An answer typed by the admin: a number of the menu, a label or its Chinese name."""
    reply = reply.strip()
    if reply.isdigit() and 1 <= int(reply) <= len(LABELS):
        return LABELS[int(reply) - 1].value
    label = label_from_zh(reply)
    return label.value if label is not None else None


def _read_answers(path: Path) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """JSON Lines ``{"verdict_id", "label"}`` (label: ad/ok/… or its Chinese name): the answers, the line of
    each ("第 3 行") and the lines that could not be read. A bad line stores nothing (see ``answer``), but
    the other lines are still checked, so every problem of the file is reported at once."""
    out, where, problems = [], [], []
    for lineno, line in enumerate(_read_input(path), 1):
        if not line.strip():
            continue
        try:
            obj = loads(line, f"第 {lineno} 行")
            vid, raw = str(obj["verdict_id"]), str(obj["label"])
        except (BadMessage, KeyError, TypeError) as exc:
            problems.append(f"第 {lineno} 行不是 {{\"verdict_id\", \"label\"}}：{exc}")
            continue
        out.append((vid, _label_of(raw) or raw))
        where.append(f"第 {lineno} 行")
    return out, where, problems


def review_cmd(
    profile: Annotated[Path, typer.Option("--profile", "-p", help="要确认的群的群档案")],
    k: Annotated[int, typer.Option("-k", "--limit", min=1, max=500, help="最多问几条")] = 20,
    group: Annotated[Optional[str], typer.Option("--group", help="只看这个群号的消息")] = None,
    answers_file: Annotated[Optional[Path], typer.Option("--answers", help="JSON Lines {verdict_id,label}：批量提交答案，不逐条提问")] = None,
    list_only: Annotated[bool, typer.Option("--list", help="只列出最不确定的消息（JSON），不提问")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="试运行：检查答案，但什么都不写")] = False,
    retrain: Annotated[bool, typer.Option("--retrain", help="存好答案后立即重训这个群的专属模型")] = False,
) -> None:
    """列出本群模型最拿不准的消息，请管理员逐条标注（广告/正常/跑题…），答案存为本群的反馈样本。"""
    prof = load_profile_or_fail(profile)
    key = profile_key(profile, prof)
    settings = get_settings()
    audit = AuditLog.from_settings(settings)
    where: list[str] | None = None
    unreadable: list[str] = []
    try:
        if answers_file is not None:
            given, where, unreadable = _read_answers(answers_file)
        else:
            items = uncertain(audit, key, limit=k, group=group)
            if list_only:
                emit_json({"profile_key": key, "items": items})
                return
            if not items:
                warn(f"群档案 {key} 没有待确认的消息（审核日志里没有未标注的判定）")
                emit_json({"profile_key": key, "answered": 0, "stored": 0, "dry_run": dry_run})
                return
            given = []
            warn(f"群档案 {key}：{len(items)} 条最拿不准的消息。输入 {_CHOICES}；回车跳过，q 结束。")
            for i, item in enumerate(items, 1):
                warn(f"[{i}/{len(items)}] {item['text'][:300]}\n    现在的判定：{LABEL_ZH[item['label']]}"
                     f"（广告概率 {item['ad_prob']}）")
                reply = _ask_label()
                if reply == "q":
                    break
                if reply:
                    given.append((item["verdict_id"], reply))
        result = answer(audit, key, given, dry_run=dry_run, where=where, problems=unreadable)
    except AuditError as exc:
        raise fail(str(exc), 2) from None
    if dry_run:
        warn(f"试运行：{len(given)} 条答案检查通过，未写入")
    elif retrain and given:
        result["model"] = train_group(settings, key, audit)
        warn(result["model"]["message"])
    elif given:
        warn(f"已存为群档案 {key} 的 {len(given)} 条标注；运行 copilot moderation-retrain（或加 --retrain）让群模型学到它们")
    emit_json(result)


def _ask_label() -> str:
    """One label typed by the admin: a label name, "" to skip, "q" to stop; a reply it cannot read is
    asked again (a typo must not silently skip the message)."""
    while True:
        reply = typer.prompt("标签", default="", show_default=False, err=True).strip()
        if not reply or reply.lower() == "q":
            return reply.lower()
        if (label := _label_of(reply)) is not None:
            return label
        warn(f"看不懂“{reply}”，请输入 {_CHOICES}；回车跳过，q 结束")


def retrain_cmd() -> None:
    """按群重新训练专属广告模型（各群只用本群的反馈和导入的标注；不比共享模型好的不启用）。"""
    emit_json(retrain_groups(get_settings()))


def serve_cmd(
    host: Annotated[Optional[str], typer.Option("--host", help="默认 127.0.0.1（配置项 host）")] = None,
    port: Annotated[Optional[int], typer.Option("--port", min=1, max=65535, help="1–65535，默认 8000（配置项 port）")] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, max=64,
                                         help="进程数；多个进程共用审核库（违规次数、重复投递、刷屏计数）")] = 1,
) -> None:
    """启动审核钩子：POST /v1/moderate、POST /onebot/v11、GET /healthz。"""
    import uvicorn  # noqa: PLC0415 - the ASGI server only when serving

    from copilot.server import bind_problem, create_app  # noqa: PLC0415 - the hooks' app (FastAPI) only when serving

    settings = get_settings()
    host, port = host or settings.host, port if port is not None else settings.port
    if (problem := bind_problem(host, settings)) is not None:
        raise fail(problem, 2)
    settings = settings.model_copy(update={"host": host, "port": port})  # the Host check knows the bind name
    if workers == 1:
        uvicorn.run(create_app(settings), host=host, port=port, log_level="info")
    else:  # each worker process builds its own app from the same settings (environment / copilot.toml)
        os.environ["COPILOT_HOST"], os.environ["COPILOT_PORT"] = host, str(port)
        AuditLog.from_settings(settings)  # the schema once, here, before the workers race for it
        uvicorn.run("copilot.server:create_app", factory=True, workers=workers, host=host, port=port,
                    log_level="info")


def register(app: typer.Typer) -> None:
    app.command("moderate")(moderate_cmd)
    app.command("feedback")(feedback_cmd)
    app.command("moderation-log")(log_cmd)
    app.command("moderation-stats")(stats_cmd)
    app.command("moderation-prune")(prune_cmd)
    app.command("moderation-import")(import_cmd)
    app.command("moderation-unimport")(unimport_cmd)
    app.command("moderation-retrain")(retrain_cmd)
    app.command("moderation-review")(review_cmd)
    app.command("serve")(serve_cmd)
