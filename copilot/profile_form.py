"""The group-profile form: the fields most operators fill in, read from and written into the profile text.

The form edits the common fields only; everything else in the profile (events, paid, banned…) stays
as it is in the YAML, so the YAML view remains the place for power users. Validation is not done
here: the written text goes through :func:`copilot.profile.parse_profile_text` like any other.
"""

from __future__ import annotations

import re
from typing import Any, get_args

import yaml

from copilot.profile import GroupType, Platform, aliases, load_profile_data

# (key, what the form calls it); the order is the form's order
FORM_FIELDS: tuple[tuple[str, str], ...] = (
    ("name", "群名（可留空，让 Copilot 起名）"),
    ("positioning", "定位：做什么、为谁"),
    ("topics", "主题关键词（用顿号或逗号分隔）"),
    ("audience", "目标人群"),
    ("type", "社群类型"),
    ("platform", "平台"),
    ("threshold", "入群门槛"),
    ("goals", "目标（每行一个）"),
    ("tone", "语气"),
)
TYPE_CHOICES: list[str] = ["", *get_args(GroupType)]
PLATFORM_CHOICES: list[tuple[str, str]] = [(aliases()["platforms"][p]["label"], p) for p in get_args(Platform)]
PRODUCT_COLUMNS = ["名称", "原价（元）", "活动价（元）", "单位", "说明"]
_PRODUCT_KEYS = ("name", "price", "promo_price", "unit", "description")
_LIST_FIELDS = {"topics": "、", "goals": "\n"}  # list fields and how the form joins them
_REQUIRED = {"name", "positioning", "topics"}


def _as_mapping(text: str) -> dict[str, Any]:
    if not (text or "").strip():
        return {}
    data = load_profile_data(text)
    return dict(data) if isinstance(data, dict) else {}


def form_values(text: str) -> dict[str, Any]:
    """The form's values for profile text: {key: str} for :data:`FORM_FIELDS`, plus ``products`` rows.

    A syntax error raises :class:`copilot.profile.ProfileError` (the form cannot show a broken file).
    """
    data = _as_mapping(text)
    values: dict[str, Any] = {}
    for key, _ in FORM_FIELDS:
        raw = data.get(key)
        if key in _LIST_FIELDS and isinstance(raw, list):
            values[key] = _LIST_FIELDS[key].join(str(x) for x in raw)
        else:
            values[key] = "" if raw is None else str(raw)
    values["platform"] = values["platform"] or "wechat"
    products = data.get("products") if isinstance(data.get("products"), list) else []
    values["products"] = [["" if not isinstance(p, dict) or p.get(k) is None else p.get(k) for k in _PRODUCT_KEYS]
                          for p in products]
    return values


def _split(value: str, key: str) -> list[str]:
    sep = r"[,，、;；\n]+" if key == "topics" else r"\n+"
    return [p.strip() for p in re.split(sep, value or "") if p.strip()]


def _number(cell: Any) -> Any:
    text = str(cell).strip() if cell is not None else ""
    if not text:
        return None
    try:
        return float(text) if "." in text else int(text)
    except ValueError:
        return text  # validation names it (应为数字)


def _products(rows: list[list[Any]] | None) -> list[dict[str, Any]]:
    out = []
    for row in rows or []:
        cells = dict(zip(_PRODUCT_KEYS, list(row) + [None] * len(_PRODUCT_KEYS), strict=False))
        if not str(cells["name"] or "").strip():
            continue
        item: dict[str, Any] = {"name": str(cells["name"]).strip()}
        for key in ("price", "promo_price"):
            if (n := _number(cells[key])) is not None:
                item[key] = n
        for key in ("unit", "description"):
            if str(cells[key] or "").strip():
                item[key] = str(cells[key]).strip()
        out.append(item)
    return out


def text_with_form(text: str, values: dict[str, Any]) -> str:
    """The profile text with the form's fields written in; keys the form does not show are kept.

    An empty optional field is removed; YAML comments are not kept (the file is written anew).
    """
    data = _as_mapping(text)
    for key, _ in FORM_FIELDS:
        value = str(values.get(key) or "").strip()
        if key in _LIST_FIELDS:
            items = _split(value, key)
            if items or key in _REQUIRED:
                data[key] = items
            else:
                data.pop(key, None)
        elif value or key in _REQUIRED:
            data[key] = value
        else:
            data.pop(key, None)
    if "products" in values:
        products = _products(values["products"])
        if products:
            data["products"] = products
        else:
            data.pop("products", None)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=None, width=100)
