"""OneBot v11 for QQ bots: group message events in, quick operations (or HTTP API calls) out.

Events are verified by :mod:`copilot.server.guard`; group owners and admins are never acted on (the
policy's exemptions). Merged forwards arrive as an opaque id: with ``onebot_api_url`` set, their
content is fetched (``get_forward_msg``) and moderated with the message.
"""

from __future__ import annotations

import logging
import math
from typing import Any

import httpx

from copilot.config import Settings
from copilot.moderation.labels import Action, Label
from copilot.moderation.message import Message
from copilot.moderation.onebot import BadSegment, event_text
from copilot.moderation.pipeline import Verdict
from copilot.server.guard import BadRequest

log = logging.getLogger(__name__)
API_TIMEOUT = 3.0
FORWARD_TIMEOUT = 2.0


class UnreadableMessage(BadRequest):
    """A group message whose text cannot be read at all (every segment malformed): recorded for review."""

    def __init__(self, text: str, message: Message) -> None:
        super().__init__(text)
        self.message = message


def _seconds(value: Any) -> float | None:
    """A OneBot ``time`` as Unix seconds; None when absent or unusable (a 400-digit number, NaN)."""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return None
    try:
        ts = float(value)
    except OverflowError:
        return None
    return ts if math.isfinite(ts) else None


def message_of(event: Any) -> Message | None:
    """The group message in a OneBot v11 event; None for events that are not group messages.

    Text with broken characters (a lone surrogate from a buggy client) is repaired, not refused: the
    message is still moderated, so such a trick cannot let an ad through. A message whose segments
    cannot be read at all raises :class:`UnreadableMessage` (recorded for review, not a bare 400).
    """
    if not isinstance(event, dict):
        raise BadRequest("OneBot 事件应为 JSON 对象")
    if "post_type" not in event:
        raise BadRequest("不是 OneBot v11 事件：缺少 post_type 字段")
    if event.get("post_type") != "message" or event.get("message_type") != "group":
        return None
    for key in ("group_id", "user_id"):
        if not isinstance(event.get(key), (int, str)) or isinstance(event.get(key), bool):
            raise BadRequest(f"群消息事件缺少或错误的 {key} 字段")
    sender = event.get("sender") if isinstance(event.get("sender"), dict) else {}
    role = sender.get("role") if isinstance(sender.get("role"), str) else None
    names = [sender.get(k) for k in ("card", "nickname")]
    nickname = next((n.strip()[:128] for n in names if isinstance(n, str) and n.strip()), None)
    mid = event.get("message_id")
    fields = {"id": str(mid) if isinstance(mid, (int, str)) and not isinstance(mid, bool) and mid != "" else None,
              "user": str(event["user_id"]), "group": str(event["group_id"]), "role": role,
              "ts": _seconds(event.get("time")), "nickname": nickname}
    try:
        text = event_text(event)
    except BadSegment as exc:
        raise UnreadableMessage(str(exc), Message(text="", **fields)) from None
    return Message(text=text, **fields)  # its lone surrogates are repaired (and said in the verdict) by Message


def join_of(event: Any) -> tuple[str, str, float | None] | None:
    """(group, user, time) of a OneBot ``notice.group_increase`` event (a member joined), else None."""
    if not isinstance(event, dict) or event.get("post_type") != "notice" or event.get("notice_type") != "group_increase":
        return None
    group, user = event.get("group_id"), event.get("user_id")
    for key, value in (("group_id", group), ("user_id", user)):
        if not isinstance(value, (int, str)) or isinstance(value, bool):
            raise BadRequest(f"入群通知缺少或错误的 {key} 字段")
    return str(group), str(user), _seconds(event.get("time"))


def quick_operation(v: Verdict) -> dict[str, Any]:
    """OneBot v11 quick operation for a verdict (empty = do nothing)."""
    if v.dry_run or v.exempt or v.action in (Action.NONE, Action.REVIEW):
        return {}
    op: dict[str, Any] = {}
    if v.action in (Action.DELETE, Action.WARN, Action.MUTE, Action.KICK):
        op["delete"] = True
    if v.action == Action.MUTE:
        op["ban"] = True
        op["ban_duration"] = int(v.mute_seconds or 600)
    if v.action == Action.KICK:
        op["kick"] = True
    if v.reply:
        op["reply"] = v.reply
        op["at_sender"] = v.label != Label.OFF_TOPIC
    return op


def failure_operation(settings: Settings) -> dict[str, Any]:
    """What the hook answers when moderation itself failed (``onebot_on_error``): by default nothing
    happens in the group and the message waits for an admin in the audit log; ``delete`` removes it."""
    return {"delete": True} if settings.onebot_on_error == "delete" else {}


def _api_headers(settings: Settings) -> dict[str, str]:
    if settings.onebot_access_token:
        return {"Authorization": f"Bearer {settings.onebot_access_token.get_secret_value()}"}
    return {}


async def expand_forwards(settings: Settings, event: dict[str, Any]) -> None:
    """Fetch the content of merged forwards through the OneBot API (best effort, short timeout)."""
    message = event.get("message")
    if not settings.onebot_api_url or not isinstance(message, list):
        return
    base = str(settings.onebot_api_url).rstrip("/")
    pending = [seg for seg in message if isinstance(seg, dict) and seg.get("type") == "forward"
               and isinstance(seg.get("data"), dict) and not seg["data"].get("content") and seg["data"].get("id")]
    if not pending:
        return
    try:
        async with httpx.AsyncClient(timeout=FORWARD_TIMEOUT, headers=_api_headers(settings)) as client:
            for seg in pending:
                r = await client.post(f"{base}/get_forward_msg", json={"id": seg["data"]["id"]})
                data = r.json().get("data") if r.status_code == 200 else None
                if isinstance(data, dict) and isinstance(data.get("messages"), list):
                    seg["data"]["content"] = data["messages"]
    except (httpx.HTTPError, ValueError) as exc:
        log.warning("获取合并转发内容失败，只审核消息里可见的文字：%s", exc)


def call_api(settings: Settings, event: dict[str, Any], v: Verdict) -> None:
    """Execute the actions through the OneBot HTTP API (best effort, short timeout, logged)."""
    op = quick_operation(v)
    if not op:
        return
    base = str(settings.onebot_api_url).rstrip("/")
    gid, uid = event.get("group_id"), event.get("user_id")
    calls = []
    if op.get("delete"):
        calls.append(("delete_msg", {"message_id": event.get("message_id")}))
    if op.get("ban"):
        calls.append(("set_group_ban", {"group_id": gid, "user_id": uid, "duration": op["ban_duration"]}))
    if op.get("kick"):
        calls.append(("set_group_kick", {"group_id": gid, "user_id": uid, "reject_add_request": False}))
    if op.get("reply"):
        calls.append(("send_group_msg", {"group_id": gid, "message": op["reply"]}))
    try:
        with httpx.Client(timeout=API_TIMEOUT, headers=_api_headers(settings)) as client:
            for action, params in calls:
                client.post(f"{base}/{action}", json=params)
    except httpx.HTTPError as exc:
        log.warning("调用 OneBot API 失败：%s", exc)
