"""What a OneBot v11 message says, as text to moderate: plain text, and the text hidden in rich segments.

QQ ads often arrive as a mini-program or link card (``json``/``xml`` segments), a ``share`` link or a
merged forward with a caption, whose words never appear in ``raw_message``. Every readable string
of those segments is moderated with the message's own text: a card's prompt, title, description and
link, a share's title, content and URL, a forward's inline content when the implementation sends it.
"""

from __future__ import annotations

import json
import re
from typing import Any

# keys of a QQ ark card (json segment) whose values a member reads; structural keys are skipped
_CARD_TEXT_KEYS = frozenset({"prompt", "title", "desc", "summary", "content", "contact", "nickname", "tag", "text",
                             "jumpurl", "qqdocurl", "url", "source"})
_XML_TAG = re.compile(r"<[^>]{0,500}>")
_XML_ATTR_TEXT = re.compile(r'(?:brief|title|summary|url|action_data|actionData)="([^"]{1,500})"')
MAX_DEPTH = 6


class BadSegment(ValueError):
    """A message with no readable text because its segments are not ``{type, data}`` objects."""


def _strings(value: Any, depth: int = 0) -> list[str]:
    """Readable strings of a card's JSON, in document order (keys we know a member sees)."""
    if depth > MAX_DEPTH:
        return []
    out: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, str) and key.lower() in _CARD_TEXT_KEYS and item.strip():
                out.append(item.strip())
            elif isinstance(item, (dict, list)):
                out += _strings(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            out += _strings(item, depth + 1)
    return out


def _card_text(data: dict[str, Any]) -> str:
    raw = data.get("data")
    if isinstance(raw, dict):
        return " ".join(_strings(raw))
    if not isinstance(raw, str):
        return ""
    try:
        return " ".join(_strings(json.loads(raw)))
    except (ValueError, RecursionError):
        return raw  # not JSON after all: moderate what it says


def _xml_text(data: dict[str, Any]) -> str:
    raw = str(data.get("data") or "")
    attrs = _XML_ATTR_TEXT.findall(raw)
    return " ".join([*attrs, _XML_TAG.sub(" ", raw)]).strip()


def _forward_text(data: dict[str, Any], depth: int, skipped: list[str]) -> str:
    """Inline forward content (NapCat/LLOneBot send ``content``: a list of message nodes)."""
    nodes = data.get("content")
    if not isinstance(nodes, list) or depth > MAX_DEPTH:
        return ""
    parts = []
    for node in nodes:
        message = node.get("message") if isinstance(node, dict) else None
        if message is None and isinstance(node, dict):
            inner = node.get("data")
            message = inner.get("content") if isinstance(inner, dict) else None
        if isinstance(message, list):
            parts.append(segments_text(message, depth + 1, skipped))
        elif isinstance(message, str):
            parts.append(message)
        else:
            skipped.append("合并转发里有无法读取的节点")
    return " ".join(p for p in parts if p)


def segments_text(message: list[Any], depth: int = 0, skipped: list[str] | None = None) -> str:
    """The text of a OneBot message array, rich segments included.

    A malformed segment (not a ``{type, data}`` object, at any depth) is skipped and noted in
    ``skipped``: the rest of the message is still read, so one broken node cannot hide an ad.
    """
    skipped = [] if skipped is None else skipped
    parts: list[str] = []
    for seg in message:
        if not isinstance(seg, dict) or not isinstance(seg.get("data", {}), dict):
            skipped.append("消息段格式错误（应为 {type, data} 对象）")
            continue
        kind, data = seg.get("type"), seg.get("data") or {}
        if kind == "text":
            parts.append(str(data.get("text", "")))
        elif kind == "share":
            parts += [str(data.get(k, "")) for k in ("title", "content", "url") if data.get(k)]
        elif kind == "json":
            parts.append(_card_text(data))
        elif kind == "xml":
            parts.append(_xml_text(data))
        elif kind in ("forward", "node"):
            parts.append(_forward_text(data, depth, skipped))
    return " ".join(p.strip() for p in parts if p and p.strip())


_CQ = re.compile(r"\[CQ:([a-zA-Z_]+)((?:,[^,\]]*)*)\]")


def _cq_unescape(value: str) -> str:
    return value.replace("&#44;", ",").replace("&#91;", "[").replace("&#93;", "]").replace("&amp;", "&")


def cq_segments(message: str) -> list[dict[str, Any]]:
    """A OneBot CQ-code string ("[CQ:at,qq=123] 你好") as a message array, so both formats are read the
    same way: an @mention, a reply or an image is not text (its qq number is not a contact)."""
    segments: list[dict[str, Any]] = []
    pos = 0
    for m in _CQ.finditer(message):
        if m.start() > pos:
            segments.append({"type": "text", "data": {"text": _cq_unescape(message[pos:m.start()])}})
        data = {}
        for pair in m.group(2).split(",")[1:]:
            key, _, value = pair.partition("=")
            data[key] = _cq_unescape(value)
        segments.append({"type": m.group(1), "data": data})
        pos = m.end()
    if pos < len(message):
        segments.append({"type": "text", "data": {"text": _cq_unescape(message[pos:])}})
    return segments


def event_text(event: dict[str, Any]) -> str:
    """Plain text of a OneBot group message: the ``message`` segments (an array, or a CQ-code string as
    go-cqhttp sends with ``message_format: string``), else ``raw_message`` read the same way.

    Raises :class:`BadSegment` only when malformed segments leave nothing to read.
    """
    msg = event.get("message")
    if isinstance(msg, list):
        skipped: list[str] = []
        text = segments_text(msg, 0, skipped)
        if skipped and not text:
            raw = event.get("raw_message")
            text = segments_text(cq_segments(raw)) if isinstance(raw, str) else ""
            if not text:
                raise BadSegment(f"message 字段{skipped[0]}，读不出文字")
        return text
    if isinstance(msg, str):
        return segments_text(cq_segments(msg))
    raw = event.get("raw_message")
    if isinstance(raw, str):
        return segments_text(cq_segments(raw))
    raise BadSegment("群消息事件缺少 raw_message 或 message 字段")
