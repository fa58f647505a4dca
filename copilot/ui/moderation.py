"""审核 tab: test messages against a profile, browse the audit log, correct verdicts, see stats."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from copilot.config import Settings
from copilot.moderation import AuditError, AuditLog, Moderator, retrain_from_feedback
from copilot.moderation.labels import ACTION_ZH, LABEL_ZH, action_from_zh, label_from_zh
from copilot.profile import ProfileError
from copilot.ui.profiles import store

# the one set of Chinese names (copilot.moderation.labels), keyed by the plain values the log stores
LABEL_NAMES: dict[str, str] = {str(k): v for k, v in LABEL_ZH.items()}
ACTION_NAMES: dict[str, str] = {str(k): v for k, v in ACTION_ZH.items()}
VERDICT_COLUMNS = ["审核编号", "用户", "消息", "判定", "处置", "分数", "原因"]
LOG_COLUMNS = ["审核编号", "时间", "群", "用户", "消息", "判定", "处置", "纠正"]


@lru_cache(maxsize=16)
def _moderator(settings_json: str, profile_name: str, mtime: float):  # type: ignore[no-untyped-def]

    settings = Settings.model_validate_json(settings_json)
    profile = store(settings).load(profile_name) if profile_name else None
    return Moderator(settings, profile, group=profile_name or "ui-test")


def moderator_for(settings: Settings, profile_name: str | None):  # type: ignore[no-untyped-def]
    """One Moderator per (profile, file version), so flood/strike state carries across test runs."""
    path = store(settings).path(profile_name) if profile_name else None
    mtime = path.stat().st_mtime if path and path.exists() else 0.0
    return _moderator(settings.model_dump_json(), profile_name or "", mtime)


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
        user, sep, body = line.partition("：") if "：" in line[:20] else line.partition(": ")
        if sep and 0 < len(user) <= 16 and body.strip():
            messages.append({"id": f"ui-{i}", "user": user.strip(), "text": body.strip()})
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
        rows.append([v.verdict_id, m.get("user", ""), m["text"][:120], LABEL_NAMES.get(v.label, v.label),
                     ACTION_NAMES.get(v.action, v.action), round(v.score, 2), v.reason])
    flagged = sum(1 for r in rows if r[3] != "正常")
    scope = f"群档案“{profile_name}”" if profile_name else "无群档案（不判断跑题）"
    return rows, f"已审核 {len(rows)} 条（{scope}），其中 {flagged} 条被标记。可在下方用审核编号纠正判定。"


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
        rows.append([item["id"], ts, item.get("group_id", ""), item.get("user_id", ""), str(item.get("text", ""))[:80],
                     LABEL_NAMES.get(item["label"], item["label"]), ACTION_NAMES.get(item["action"], item["action"]),
                     LABEL_NAMES.get(item.get("feedback") or "", item.get("feedback") or "")])
    return rows, f"共 {page['total']} 条记录，显示最新 {len(rows)} 条。"


def give_feedback(verdict_id: str, correct_label: str, settings: Settings) -> str:
    """Mark a verdict wrong/right: it becomes a labelled sample for retraining."""

    verdict_id = (verdict_id or "").strip()
    label_key = label_from_zh(correct_label or "")
    if not verdict_id or label_key is None:
        return "❌ 请填写审核编号并选择正确的判定。"
    try:
        AuditLog.from_settings(settings).record_feedback(verdict_id, label_key)
    except (AuditError, ValueError, KeyError) as exc:
        return f"❌ {exc}"
    return f"✅ 已记录：{verdict_id} 的正确判定是“{LABEL_NAMES[label_key]}”。点击“用反馈重新训练”让它生效。"


def retrain(settings: Settings) -> str:

    try:
        info = retrain_from_feedback(settings)
    except Exception as exc:
        return f"❌ 重新训练失败：{exc}"
    _moderator.cache_clear()
    return ("✅ " if info.get("trained") else "ℹ️ ") + str(info.get("message", ""))


def stats(settings: Settings, group: str | None, days: float = 30):  # type: ignore[no-untyped-def]
    """(summary markdown, long-format rows for the labels-over-time chart)."""
    import pandas as pd  # noqa: PLC0415 - only for the chart's data frame (gr.BarPlot wants one)


    s = AuditLog.from_settings(settings).stats(group=group or None, days=int(days or 30))
    lines = [f"**近 {s['days']} 天共 {s['total']} 条**；人工复核 {s['reviewed']} 条"]
    lines.append("　".join(f"{LABEL_NAMES.get(k, k)} {v}" for k, v in sorted(s["by_label"].items())))
    q = [f"{LABEL_NAMES[k]} 精确率 {v['precision']} / 召回率 {v['recall']}" for k, v in s["feedback_quality"].items()
         if v["precision"] is not None or v["recall"] is not None]
    if q:
        lines.append("反馈质量：" + "；".join(q))
    for week, quality in s.get("feedback_quality_by_week", {}).items():
        parts = [f"{LABEL_NAMES[k]} P {v['precision']} R {v['recall']}" for k, v in quality.items()
                 if v["precision"] is not None or v["recall"] is not None]
        if parts:
            lines.append(f"{week}：" + "；".join(parts))
    rows = [{"日期": day, "判定": LABEL_NAMES.get(lab, lab), "条数": n}
            for day, counts in s["per_day"].items() for lab, n in counts.items()]
    frame = pd.DataFrame(rows, columns=["日期", "判定", "条数"])
    return "  \n".join(lines), frame
