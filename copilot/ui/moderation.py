"""审核 tab: test messages against a profile, browse the audit log, correct verdicts, see stats."""

from __future__ import annotations

import html
import json
from collections import deque
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from copilot.config import Settings
from copilot.moderation import AuditError, AuditLog, Moderator, retrain_groups
from copilot.moderation.labels import ACTION_ZH, LABEL_ZH, action_from_zh, label_from_zh
from copilot.moderation.message import split_nickname
from copilot.moderation.review import uncertain
from copilot.moderation.training import correction_effect
from copilot.profile import GroupMap, ProfileError, profile_key
from copilot.ui.profiles import store

# the one set of Chinese names (copilot.moderation.labels), keyed by the plain values the log stores
LABEL_NAMES: dict[str, str] = {str(k): v for k, v in LABEL_ZH.items()}
ACTION_NAMES: dict[str, str] = {str(k): v for k, v in ACTION_ZH.items()}
LOG_COLUMNS = ["审核编号", "时间", "群", "用户", "消息", "判定", "处置", "原因", "纠正"]
MAP_COLUMNS = ["群号", "群档案", "来源", "档案文件"]
SHORT_MESSAGE = 40  # longer messages are folded; the full text opens on click
# ids of this process's recent test-panel verdicts: they are never logged, so a correction of one is
# answered with what it is instead of "not found"
_DRY_RUN_IDS: deque[str] = deque(maxlen=5000)


@lru_cache(maxsize=16)
def _moderator(settings_json: str, profile_name: str, mtime: float, log_exists: bool):  # type: ignore[no-untyped-def]

    settings = Settings.model_validate_json(settings_json)
    profile = store(settings).load(profile_name) if profile_name else None
    key = profile_key(store(settings).path(profile_name), profile) if profile_name else ""
    # a test run: the live log is read (strikes, the group's feedback) but never written — nor created;
    # strikes are the profile's (group "profile:<key>", as the CLI and the hook count messages without a group)
    return Moderator(settings, profile, audit=AuditLog.existing(settings) if log_exists else None,
                     group="" if key else "ui-test",
                     profile_key=key, dry_run=True)


def moderator_for(settings: Settings, profile_name: str | None):  # type: ignore[no-untyped-def]
    """One test Moderator per (profile, file version); flood state carries across test runs."""
    path = store(settings).path(profile_name) if profile_name else None
    mtime = path.stat().st_mtime if path and path.exists() else 0.0
    # a log that appears later (the hook's first message) is read from then on: its existence is in the key
    return _moderator(settings.model_dump_json(), profile_name or "", mtime, AuditLog.existing(settings) is not None)


def parse_lines(text: str) -> list[dict[str, Any]]:
    """One message per line; ``昵称：内容`` / ``昵称: 内容`` sets the user; JSON lines are accepted too."""
    messages = []
    for i, line in enumerate((text or "").splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        if line.startswith("{"):
            try:
                obj = json.loads(line)
                if isinstance(obj, dict) and "text" in obj:
                    obj.setdefault("id", f"ui-{i}")
                    messages.append(obj)
                    continue
            except json.JSONDecodeError:
                pass
        named = split_nickname(line)
        if named:
            messages.append({"id": f"ui-{i}", "user": named[0], "text": named[1]})
        else:
            messages.append({"id": f"ui-{i}", "user": "测试用户", "text": line})
    return messages


def test_messages(profile_name: str | None, text: str, settings: Settings) -> tuple[list[list[Any]], str]:
    """Moderate pasted messages: (table rows, status markdown)."""
    messages = parse_lines(text)
    if not messages:
        return [], "请粘贴要测试的消息，每行一条（可写成“昵称：内容”）。"
    if len(messages) > 500:
        return [], "一次最多测试 500 条消息。"
    try:
        mod = moderator_for(settings, profile_name)
    except ProfileError as exc:
        return [], "❌ " + str(exc).replace("\n", "  \n")
    rows = []
    for m in messages:
        v = mod.moderate(m)
        _DRY_RUN_IDS.append(v.verdict_id)
        rows.append([v.verdict_id, m.get("user", ""), m["text"], LABEL_NAMES.get(v.label, v.label),
                     ACTION_NAMES.get(v.action, v.action), round(v.score, 2), v.reason])
    flagged = sum(1 for r in rows if r[3] != "正常")
    scope = f"群档案“{profile_name}”" if profile_name else "无群档案（不判断跑题）"
    return rows, (f"试运行：已审核 {len(rows)} 条（{scope}），其中 {flagged} 条被标记。结果没有写入审核日志，"
                  "不计违规次数、不进统计；要纠正机器人的真实判定，请在下方审核日志里操作。")


def verdicts_html(rows: list[list[Any]]) -> str:
    """The test results as a table that fits the page: verdict, action and the reason (wrapped) beside
    each message; a long message is folded and opens in place."""
    if not rows:
        return ""
    out = ['<table class="mod-verdicts"><colgroup><col style="width:11%"><col style="width:31%">'
           '<col style="width:8%"><col style="width:8%"><col style="width:42%"></colgroup>',
           "<thead><tr><th>用户</th><th>消息</th><th>判定</th><th>处置</th><th>原因</th></tr></thead><tbody>"]
    for verdict_id, user, text, label, action, score, reason in rows:
        text = str(text)
        body = html.escape(text)
        if len(text) > SHORT_MESSAGE:
            body = f"<details><summary>{html.escape(text[:SHORT_MESSAGE])}…</summary>{body}</details>"
        flag = "" if label == "正常" else ' class="flagged"'
        out.append(f"<tr{flag}><td>{html.escape(str(user))}<br><small>{html.escape(str(verdict_id))}</small></td>"
                   f"<td>{body}</td><td>{html.escape(str(label))}<br><small>{score}</small></td>"
                   f"<td>{html.escape(str(action))}</td><td>{html.escape(str(reason))}</td></tr>")
    out.append("</tbody></table>")
    return "".join(out)


def audit_rows(settings: Settings, group: str | None, label: str | None, action: str | None,
               days: float | None) -> tuple[list[list[Any]], str]:

    log = AuditLog.from_settings(settings)
    since = datetime.now() - timedelta(days=float(days)) if days else None
    label_key = label_from_zh(label) if label else None
    action_key = action_from_zh(action) if action else None
    page = log.query(group=group or None, label=label_key or None, action=action_key or None, since=since, limit=200)
    rows = []
    for item in page["items"]:
        ts = datetime.fromtimestamp(item["ts"]).strftime("%m-%d %H:%M") if item.get("ts") else ""
        rows.append([item["id"], ts, item.get("group_id", ""), member(item), str(item.get("text", ""))[:80],
                     LABEL_NAMES.get(item["label"], item["label"]), ACTION_NAMES.get(item["action"], item["action"]),
                     str(item.get("reason", "")), LABEL_NAMES.get(item.get("feedback") or "", item.get("feedback") or "")])
    return rows, f"共 {page['total']} 条记录，显示最新 {len(rows)} 条。"


def uncertain_rows(settings: Settings, profile_name: str | None, limit: float = 20) -> tuple[list[list[Any]], str]:
    """The selected profile's least-sure unlabelled live verdicts, in the audit-log table's columns:
    clicking one fills 审核编号, and 记录纠正 stores the answer as this group's feedback."""
    if not profile_name:
        return [], "请先在页面顶部选择群档案：只会列出这个群档案判过的消息，答案也只教这个群。"
    try:
        key = profile_key(store(settings).path(profile_name), store(settings).load(profile_name))
    except (ProfileError, OSError) as exc:
        return [], f"❌ {exc}"
    items = uncertain(AuditLog.from_settings(settings), key, limit=int(limit or 20))
    rows = [[i["verdict_id"], i["time"][5:16].replace("T", " "), i["group"], "", i["text"][:80],
             LABEL_NAMES.get(i["label"], i["label"]), ACTION_NAMES.get(i["action"], i["action"]),
             f"广告概率 {i['ad_prob']}；" + str(i["reason"]), ""] for i in items]
    if not rows:
        return [], f"群档案 {key} 没有待确认的消息（机器人判过、还没人标注的消息里没有拿不准的）。"
    return rows, (f"群档案 {key} 最拿不准的 {len(rows)} 条（最不确定的在前）。点一行填入审核编号，选正确的判定后“记录纠正”；"
                  "标得越多，“用反馈重新训练”后这个群的专属模型越准。")


def member(item: dict[str, Any]) -> str:
    """Who sent a logged message: the shown name (Message.shown_name), beside the id when the id is not that name."""
    user, nickname = str(item.get("user_id", "") or ""), str(item.get("nickname", "") or "")
    return f"{nickname}（{user}）" if nickname and user and nickname != user else (nickname or user)


def give_feedback(verdict_id: str, correct_label: str, settings: Settings) -> str:
    """Mark a verdict wrong/right: it becomes a labelled sample for retraining."""

    verdict_id = (verdict_id or "").strip()
    label_key = label_from_zh(correct_label or "")
    if not verdict_id or label_key is None:
        return "❌ 请填写审核编号并选择正确的判定。"
    if verdict_id in _DRY_RUN_IDS:
        return f"ℹ️ {verdict_id} 是上面试运行的结果，没有写入审核日志，无法纠正；请在审核日志里选机器人的真实判定。"
    log = AuditLog.from_settings(settings)
    try:
        done = log.record_feedback(verdict_id, label_key)
    except (AuditError, ValueError, KeyError) as exc:
        return f"❌ {exc}"
    return (f"✅ 已记录：{verdict_id} 的正确判定是“{LABEL_NAMES[label_key]}”。"
            + correction_effect(log, str(done.get("profile_key", ""))))


def verdict_id_of_row(row: list[Any] | None) -> str:
    """The 审核编号 of a clicked audit-log row (its first column), for the correction box."""
    return str(row[0]) if row else ""


def retrain(settings: Settings) -> str:

    try:
        info = retrain_groups(settings)
    except Exception as exc:  # the message may name server files: the page says what failed, the log says where
        return f"❌ 重新训练失败（{type(exc).__name__}），详情见服务日志。"
    _moderator.cache_clear()
    lines = [str(info.get("message", ""))] + [f"- {g['message']}" for g in info.get("groups", [])]
    return ("✅ " if any(g["enabled"] for g in info.get("groups", [])) else "ℹ️ ") + "\n".join(lines)


def figure(value: float | None) -> str:
    """A precision/recall figure for the page: ``—`` when there is no data for it."""
    return "—" if value is None else f"{value:.2f}"


def stats(settings: Settings, group: str | None, days: float = 30):  # type: ignore[no-untyped-def]
    """(summary markdown, verdicts per day by label, actions taken, precision/recall per week from feedback)."""
    import pandas as pd  # noqa: PLC0415 - only for the charts' data frames (gr.BarPlot wants one)

    s = AuditLog.from_settings(settings).stats(group=group or None, days=int(days or 30))
    lines = [f"**近 {s['days']} 天共 {s['total']} 条**；人工复核 {s['reviewed']} 条"]
    lines.append("　".join(f"{LABEL_NAMES.get(k, k)} {v}" for k, v in sorted(s["by_label"].items())))
    q = [f"{LABEL_NAMES[k]} 精确率 {figure(v['precision'])} / 召回率 {figure(v['recall'])}"
         for k, v in s["feedback_quality"].items() if v["precision"] is not None or v["recall"] is not None]
    lines.append("反馈质量：" + ("；".join(q) if q else "— （还没有人工复核）"))
    per_day = pd.DataFrame([{"日期": day, "判定": LABEL_NAMES.get(lab, lab), "条数": n}
                            for day, counts in s["per_day"].items() for lab, n in counts.items()],
                           columns=["日期", "判定", "条数"])
    actions = pd.DataFrame([{"处置": ACTION_NAMES.get(a, a), "条数": n} for a, n in sorted(s["by_action"].items())],
                           columns=["处置", "条数"])
    quality = pd.DataFrame([{"周": week, "指标": f"{LABEL_NAMES[k]}·{name}", "值": v[key]}
                            for week, figures in s.get("feedback_quality_by_week", {}).items()
                            for k, v in figures.items()
                            for key, name in (("precision", "精确率"), ("recall", "召回率")) if v[key] is not None],
                           columns=["周", "指标", "值"])
    return "  \n".join(lines), per_day, actions, quality


# -- 群号 → 群档案 (what the bot hooks use) ----------------------------------------------------------
def _group_map(settings: Settings) -> GroupMap:
    return GroupMap(settings.data_dir, settings.groups)


def group_map_rows(settings: Settings) -> tuple[list[list[str]], str]:
    """The mapping the hooks use, with where each entry comes from and whether its profile file exists."""
    gm = _group_map(settings)
    rows = []
    missing = 0
    for group, profile, source in gm.rows():
        path = Path(profile) if source == "copilot.toml" else _saved_path(settings, profile)
        ok = path is not None and path.exists()
        missing += not ok
        rows.append([group, profile, source, "✅ 有" if ok else "⚠ 找不到（按无档案审核，不判断跑题）"])
    note = f"共 {len(rows)} 个群有指定的群档案" + (f"；其余群使用默认档案 {settings.default_profile}"
                                                 if settings.default_profile else "；其余群不判断跑题（没有默认档案）")
    if missing:
        note += f"。⚠ {missing} 个群的档案文件不存在：请重新保存该档案，或把群改到别的档案"
    if (problem := gm.problem()) is not None:
        note += f"。⚠ {problem}"
    return rows, note


def _saved_path(settings: Settings, name: str) -> Path | None:
    try:
        return store(settings).path(name)
    except ProfileError:
        return None


def save_group_mapping(group: str, profile_name: str | None, settings: Settings) -> tuple[list[list[str]], str]:
    """Map a chat group to a saved profile; the running hook picks it up with its next message."""
    group = str(group or "").strip()
    if not group:
        return group_map_rows(settings)[0], "❌ 请先填写群号（QQ 群号或微信群的 ID，例如 123456789）。"
    if not profile_name:
        return group_map_rows(settings)[0], "❌ 请先在页面顶部选择一个已保存的群档案。"
    try:
        _group_map(settings).set(group, profile_name)
    except ProfileError as exc:
        why = "；".join(msg for _, msg in exc.problems)
        return group_map_rows(settings)[0], f"❌ 没有保存“{group}”的映射：{why}。"
    rows, note = group_map_rows(settings)
    extra = "（copilot.toml 里也有这个群，以 copilot.toml 为准）" if group in settings.groups else ""
    return rows, f"✅ 群 {group} 使用群档案“{profile_name}”{extra}，机器人下一条消息起生效。{note}"


def remove_group_mapping(group: str, settings: Settings) -> tuple[list[list[str]], str]:
    group = str(group or "").strip()
    if not group:
        return group_map_rows(settings)[0], "❌ 请先填写要取消映射的群号。"
    removed = _group_map(settings).remove(group)
    rows, note = group_map_rows(settings)
    if group in settings.groups:
        return rows, f"ℹ️ 群 {group} 的映射写在 copilot.toml 里，请在配置文件中修改。{note}"
    return rows, (f"✅ 已取消群 {group} 的映射。" if removed else f"ℹ️ 界面里没有群 {group} 的映射。") + note
