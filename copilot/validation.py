"""Pydantic validation errors in Chinese: the one translation used for settings, profiles, policies,
hook messages and CLI input lines.

Operators read these messages, so they name the key that is wrong and say what is expected in
Chinese — never pydantic's English (``Input should be 'a', 'b' or 'c'``).
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

_TEXT = {
    "missing": "必填项缺失",
    "string_too_short": "内容太短",
    "string_too_long": "内容太长（最多 {max_length} 字）",
    "too_short": "至少需要 {min_length} 项",
    "too_long": "项目太多（最多 {max_length} 项）",
    "extra_forbidden": "不认识的字段（拼写错误？）",
    "literal_error": "取值不在允许范围内，可选：{expected}",
    "enum": "取值不在允许范围内，可选：{expected}",
    "list_type": "应为列表",
    "string_type": "应为文本",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "float_parsing": "应为数字",
    "float_type": "应为数字",
    "bool_parsing": "应为 true/false",
    "bool_type": "应为 true/false",
    "greater_than": "应大于 {gt}",
    "greater_than_equal": "应不小于 {ge}",
    "less_than": "应小于 {lt}",
    "less_than_equal": "应不大于 {le}",
    "dict_type": "应为键值表",
    "model_type": "应为键值对象",
    "model_attributes_type": "应为键值对象",
    "json_invalid": "不是合法的 JSON",
    "string_pattern_mismatch": "格式不对",
    "date_from_datetime_parsing": "应为日期（如 2026-12-05）",
    "date_parsing": "应为日期（如 2026-12-05）",
    "time_parsing": "应为时间（如 07:30）",
}


def _choices(expected: str) -> str:
    """Pydantic's ``'消费型', '知识型' or '其他'`` → ``消费型、知识型、其他``."""
    return "、".join(re.findall(r"'([^']*)'", expected)) or expected


def zh_reason(error: Any) -> str:
    """The Chinese reason for one pydantic error (an item of ``ValidationError.errors()``)."""
    kind = error.get("type", "")
    ctx = dict(error.get("ctx") or {})
    if kind in ("value_error", "assertion_error"):
        # our own validators raise ValueError with a Chinese message
        return str(ctx.get("error") or error.get("msg", "")).removeprefix("Value error, ")
    if kind == "greater_than_equal" and ctx.get("ge") == 0:
        return "不能为负数"
    if "expected" in ctx:
        ctx["expected"] = _choices(str(ctx["expected"]))
    template = _TEXT.get(kind)
    if template is None:
        return str(error.get("msg", ""))
    try:
        return template.format(**ctx)
    except (KeyError, IndexError):
        return template.split("（")[0].split("{")[0].rstrip("：，")


def location(error: Any) -> str:
    """``products.0.price`` for a nested error; ``(根)`` for the whole object."""
    return ".".join(str(p) for p in error.get("loc", ())) or "(根)"


def zh_problems(exc: ValidationError) -> list[tuple[str, str]]:
    """Every problem of ``exc`` as (dotted key, Chinese reason), in pydantic's order."""
    return [(location(e), zh_reason(e)) for e in exc.errors()]

