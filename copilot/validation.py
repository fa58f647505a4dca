"""Pydantic validation errors in Chinese: the one translation used for settings, profiles, policies,
hook messages and CLI input lines.

Operators read these messages, so they name the key that is wrong and say what is expected in
Chinese — never pydantic's English (``Input should be 'a', 'b' or 'c'``).
"""

from __future__ import annotations

import difflib
import re
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

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


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model that holds the last key of ``loc`` (``products.0.desc`` → the product model)."""
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(str(part))
        if field is None:
            return None
        # list[Event], Event | None, list[Product] | None: the model inside, up to two levels down
        outer = (field.annotation, *typing.get_args(field.annotation))
        inner = [t for a in outer for t in (a, *typing.get_args(a)) if isinstance(t, type) and issubclass(t, BaseModel)]
        if not inner:
            return None
        model = inner[0]
    return model


def _unknown_key_hint(model: type[BaseModel] | None, error: Any) -> str:
    """For a key the model does not know: the field it most likely meant, or the fields it has."""
    loc = tuple(error.get("loc", ()))
    holder = _model_at(model, loc) if model is not None and loc else None
    if holder is None:
        return ""
    names = list(holder.model_fields)
    given = str(loc[-1]).strip().lower()
    near = [n for n in names if n.startswith(given) or given.startswith(n)] if len(given) >= 3 else []
    near = near or difflib.get_close_matches(given, names, n=2, cutoff=0.6)
    if near:
        return f"；是不是 {'、'.join(near)}？"
    return f"；这里可用的字段：{'、'.join(names)}"


def zh_problems(exc: ValidationError, model: type[BaseModel] | None = None) -> list[tuple[str, str]]:
    """Every problem of ``exc`` as (dotted key, Chinese reason), in pydantic's order. With the ``model``
    that was validated, a key it does not know also gets the field it most likely meant (desc →
    description) or the fields that level has."""
    return [(location(e), zh_reason(e) + (_unknown_key_hint(model, e) if e.get("type") == "extra_forbidden" else ""))
            for e in exc.errors()]

