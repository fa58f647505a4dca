"""群档案 tab: create, edit, validate and save group profiles in the data directory."""

from __future__ import annotations

from copilot.config import Settings
from copilot.profile import PROFILE_TEMPLATE, ProfileError, ProfileStore, parse_profile_text


def store(settings: Settings) -> ProfileStore:
    return ProfileStore(settings.data_dir)


def profile_names(settings: Settings) -> list[str]:
    return store(settings).names()


def load_profile_text(name: str | None, settings: Settings) -> tuple[str, str]:
    """(yaml text, status) for the chosen profile; the template when none is chosen."""
    if not name:
        return PROFILE_TEMPLATE, "新档案：按模板填写后点“保存”。"
    text = store(settings).text(name)
    if not text:
        return PROFILE_TEMPLATE, f"找不到档案“{name}”，已载入模板。"
    return text, f"已载入档案“{name}”。"


def validate_profile_text(text: str) -> str:
    try:
        p = parse_profile_text(text or "")
    except ProfileError as exc:
        return "❌ " + str(exc).replace("\n", "  \n")
    return f"✅ 档案有效：{p.display_name()}（主题：{'、'.join(p.topics)}）"


def save_profile(name: str, text: str, settings: Settings) -> tuple[str, list[str]]:
    """Validate and save; returns (status markdown, updated list of names)."""
    name = (name or "").strip()
    if not name:
        return "❌ 请先填写档案名（例如：跑步群）。", profile_names(settings)
    try:
        store(settings).save(name, text or "")
    except ProfileError as exc:
        return "❌ 未保存。" + str(exc).replace("\n", "  \n"), profile_names(settings)
    return f"✅ 已保存档案“{name}”。", profile_names(settings)


def delete_profile(name: str, settings: Settings) -> tuple[str, list[str]]:
    if name and store(settings).delete(name):
        return f"已删除档案“{name}”。", profile_names(settings)
    return "没有可删除的档案。", profile_names(settings)
