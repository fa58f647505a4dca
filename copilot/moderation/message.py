"""One group message to moderate, and the one way a message is read from untrusted JSON.

The CLI (JSON Lines), the HTTP hook and the UI's test panel all build messages with
:func:`message_from`, so a field means the same everywhere (``ts`` included) and a bad field gets
the same Chinese error naming it.
"""

from __future__ import annotations

import json
import math
import re
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator, model_validator

from copilot.clock import GROUP_TZ
from copilot.validation import zh_reason

_SURROGATE = re.compile("[\ud800-\udfff]")
# a sender field that is a platform's account id, not a name anyone reads: a QQ / OneBot ``user_id`` (digits) or a
# WeChat internal id (wxid_…), a UUID (a bot's own member key, dashed or as 32 hex digits) or an opaque token of 24 or
# more letters, digits, _ and - (a WeChat openid is 28)
_ACCOUNT_ID = re.compile(r"[0-9]+|wxid_[A-Za-z0-9_-]+|[0-9a-fA-F]{32}|[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}"
                         r"|[A-Za-z0-9_-]{24,}")


class BadMessage(ValueError):
    """Input that is not a usable message; the Chinese message says which field and why."""


class Message(BaseModel):
    """One group message to moderate."""

    model_config = ConfigDict(extra="ignore")

    id: str | None = None
    user: str | None = None
    text: str
    group: str | None = None
    role: str | None = Field(None, description="owner / admin / member（OneBot sender.role）")
    nickname: str | None = Field(None, max_length=128, description="群名片或昵称（OneBot sender.card / nickname）：显示在日志里；名字里的联系方式配上消息里的指引才算广告证据")
    ts: float | None = Field(None, description="消息时间（Unix 秒或 ISO 8601），用于刷屏判断；缺省为当前时间")
    joined_at: float | None = Field(None, description="发送者入群时间（Unix 秒或 ISO 8601），没有 OneBot 入群通知的机器人用它告诉"
                                                      "审核这是新成员：和入群通知一样记下，新成员的前几条消息从严判断")

    @property
    def shown_name(self) -> str | None:
        """The name members see beside the message — the one definition every entry point (CLI, HTTP, OneBot, UI,
        evals) reads as evidence: ``nickname`` (群名片 / 昵称) when given, else ``user`` when it is a name (the README's
        ``{"id","user","text"}`` and the UI's ``昵称：内容`` carry the name there), never a bare account id (OneBot's
        numeric ``user_id``, a wxid)."""
        if self.nickname and self.nickname.strip():
            return self.nickname
        user = (self.user or "").strip()
        return user if user and not _ACCOUNT_ID.fullmatch(user) else None

    @field_validator("id", "user", "group", "role", "nickname", mode="before")
    @classmethod
    def _identifier(cls, v: Any) -> Any:
        # bots send numeric QQ/group ids; booleans, lists and objects are not ids
        if v is None or isinstance(v, str):
            return v
        if isinstance(v, int) and not isinstance(v, bool):
            return str(v)
        raise ValueError("应为字符串或数字")

    _repaired: int = PrivateAttr(0)

    @property
    def repaired(self) -> int:
        """How many lone UTF-16 surrogates of the text as sent were replaced by U+FFFD (:meth:`_repair`)."""
        # read from pydantic's store of private values, not as ``self._repaired``: that look-up first fails as a plain
        # attribute and pydantic answers it from ``__getattr__`` after an AttributeError of its own (~5 µs a message,
        # round 84, d17s84); a model built without validation (``model_construct``) has no store yet
        return (self.__pydantic_private__ or {}).get("_repaired", 0)

    @model_validator(mode="wrap")
    @classmethod
    def _repair(cls, data: Any, handler: Any) -> Message:
        # a lone UTF-16 surrogate ("\ud800") is a client's encoding bug, and could be a trick: every entry point (the
        # /v1 and OneBot hooks, the CLI, the UI) replaces it with U+FFFD and judges the rest, and the verdict says so
        broken = 0
        if isinstance(data, dict) and isinstance(data.get("text"), str):
            broken = len(_SURROGATE.findall(data["text"]))
            if broken:
                data = {**data, "text": _SURROGATE.sub("\ufffd", data["text"])}
        msg = handler(data)
        msg._repaired = broken
        return msg

    @field_validator("ts", "joined_at", mode="before")
    @classmethod
    def _timestamp(cls, v: Any) -> Any:
        return unix_seconds(v)


TIME_FORMATS = "Unix 秒数或 ISO 8601 时间（如 1796300100、2026-12-03T20:15:00+08:00、2026-12-03 20:15）"


def unix_seconds(v: Any) -> Any:
    """A time as bots send it — Unix seconds (a number or a string of digits) or ISO 8601 (``2026-12-03T20:15:00Z``,
    ``2026-12-03 20:15:00+08:00``, a date alone; no offset means UTC+8) — as Unix seconds. None stays None; anything
    else is an error naming both forms."""
    if v is None:
        return None
    if isinstance(v, bool):
        raise ValueError(f"应为 {TIME_FORMATS}")
    if isinstance(v, (int, float)):
        if not math.isfinite(v):
            raise ValueError(f"应为 {TIME_FORMATS}")
        return v
    if not isinstance(v, str) or not v.strip():
        raise ValueError(f"应为 {TIME_FORMATS}")
    text = v.strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    try:
        when = datetime.fromisoformat(text[:-1] + "+00:00" if text[-1:] in "Zz" else text)
    except ValueError:
        raise ValueError(f"应为 {TIME_FORMATS}，收到“{text[:40]}”") from None
    return (when if when.tzinfo else when.replace(tzinfo=GROUP_TZ)).timestamp()


def _field_problem(error: Any, where: str) -> str:
    field = ".".join(str(p) for p in error.get("loc", ())) or "?"
    if error.get("type") == "missing":
        return f"{where}缺少 {field} 字段"
    if field == "text" and error.get("type") == "string_type":
        return f"{where}的 text 字段应为字符串"
    return f"{where}的 {field} 字段{zh_reason(error)}"


def message_from(obj: Any, where: str = "消息") -> Message:
    """A :class:`Message` from decoded JSON, or :class:`BadMessage` naming the first bad field."""
    if not isinstance(obj, dict):
        raise BadMessage(f"{where}应为 JSON 对象")
    try:
        return Message.model_validate(obj)
    except ValidationError as exc:
        raise BadMessage(_field_problem(exc.errors()[0], where)) from None


def loads(text: str, where: str) -> Any:
    """``json.loads`` with every failure as :class:`BadMessage` in Chinese (syntax, nesting, huge numbers)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        at = f"第 {exc.colno} 列" if "\n" not in text.strip() else f"第 {exc.lineno} 行第 {exc.colno} 列"
        raise BadMessage(f"{where}不是合法 JSON（{at}：{exc.msg}）") from None
    except RecursionError:  # [[[[… thousands deep: the parser runs out of stack
        raise BadMessage(f"{where} JSON 嵌套层数过深，无法解析") from None
    except ValueError:  # an integer with thousands of digits (Python's int-conversion limit)
        raise BadMessage(f"{where}含超长数字，无法解析") from None


NICK_MAX = 16  # a nickname longer than this before the colon is text, not a speaker


def split_nickname(line: str) -> tuple[str, str] | None:
    """``昵称：内容`` / ``昵称: 内容`` (a pasted chat line with no time) → (昵称, 内容), or None.

    The full-width colon counts within the first few characters; the ASCII one only with a space
    after it, so "http://…" and "8:30" are never read as a speaker."""
    line = line.strip()
    user, sep, body = line.partition("：") if "：" in line[: NICK_MAX + 4] else line.partition(": ")
    user = user.strip()
    if sep and 0 < len(user) <= NICK_MAX and body.strip():
        return user, body.strip()
    return None
