"""群档案 tab: create, edit (form or YAML), validate, save and delete group profiles in the data directory.

Nothing is lost by a slip: saving under the name of another saved profile and deleting both ask
first (:attr:`SaveOutcome.question`, :func:`delete_question`), and the editor always shows the
profile the picker shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from copilot.config import Settings
from copilot.profile import PROFILE_TEMPLATE, ProfileError, ProfileStore, parse_profile_text
from copilot.profile_form import FORM_FIELDS, form_values, text_with_form

FORM_KEYS: tuple[str, ...] = tuple(k for k, _ in FORM_FIELDS) + ("products",)
# a new profile starts empty: the example is there to read, commented out, so none of it is saved by accident
NEW_PROFILE = ("# 新群档案：在“表单”页填写常用字段，或在这里照下面的示例写（去掉行首的 # 再改成自己的群）。\n"
               + "".join(f"# {line}\n" for line in PROFILE_TEMPLATE.splitlines()))


def store(settings: Settings) -> ProfileStore:
    return ProfileStore(settings.data_dir)


def profile_names(settings: Settings) -> list[str]:
    return store(settings).names()


def problems_markdown(exc: ProfileError) -> str:
    return str(exc).replace("\n", "  \n")


def load_profile_text(name: str | None, settings: Settings) -> tuple[str, str]:
    """(yaml text, status) for the chosen profile; the template when none is chosen."""
    if not name:
        return NEW_PROFILE, "新档案：填写档案名和内容后点“保存”。"
    text = store(settings).text(name)
    if not text:
        return NEW_PROFILE, f"找不到档案“{name}”，已换成空白的新档案。"
    return text, f"已载入档案“{name}”。"


def form_list(text: str) -> list[Any]:
    """The form's values for ``text`` in :data:`FORM_KEYS` order (empty fields for a broken file)."""
    try:
        values = form_values(text)
    except ProfileError:
        values = form_values("")
    return [values[k] for k in FORM_KEYS]


def form_for(text: str, shown: list[Any]) -> tuple[list[Any], str | None]:
    """(form values, problem) when the form is shown again for ``text``: a YAML that cannot be read
    keeps the form's last good values (``shown``) and says so, instead of blanking the fields."""
    try:
        values = form_values(text)
    except ProfileError as exc:
        return list(shown), "⚠️ YAML 有格式错误，表单保留的是上次能读出的内容；请先在“YAML”页改正。" + problems_markdown(exc)
    return [values[k] for k in FORM_KEYS], None


def _content(text: str) -> Any:
    try:
        return yaml.safe_load(text or "")
    except yaml.YAMLError:
        return text


def unsaved_edits(loaded: str | None, mode: str, text: str, values: list[Any], settings: Settings) -> bool:
    """Whether the editor (form or YAML, whichever holds the latest edits) says something the saved
    profile ``loaded`` does not; comments and layout do not count."""
    current, problem = text_from_form(text, values) if mode == "form" else (text, None)
    if problem:
        return True
    saved = (store(settings).text(loaded) if loaded else "") or NEW_PROFILE
    return _content(current) != _content(saved)


def switch_question(loaded: str | None, target: str | None) -> str:
    """What to ask before the picker replaces an editor holding unsaved edits."""
    what = f"档案“{loaded}”" if loaded else "新档案"
    return f"{what}有未保存的修改。放弃这些修改，切换到“{target or '新档案'}”吗？（要保留请先点“取消”再“保存”。）"


def unsaved_draft_note(profile: str | None) -> str:
    """Said under a draft made while the profile editor holds unsaved edits of that profile."""
    return f"⚠️ 群档案页里“{profile}”有未保存的修改；这份草稿用的是已保存的版本。要用新内容，请先保存档案。"


def text_from_form(text: str, values: list[Any]) -> tuple[str, str | None]:
    """(profile text with the form written in, problem): the YAML kept as it is when it cannot be read,
    and when the form says what it already says (its comments stay)."""
    if list(values) == form_list(text):
        return text, None
    try:
        return text_with_form(text, dict(zip(FORM_KEYS, values, strict=True))), None
    except ProfileError as exc:
        return text, "❌ YAML 有格式错误，表单的修改还没写进去。" + problems_markdown(exc)


def validate_profile_text(text: str) -> str:
    try:
        p = parse_profile_text(text or "")
    except ProfileError as exc:
        return "❌ " + problems_markdown(exc)
    told = p.kind_notes() + p.cadence_notes() + p.time_notes()
    notes = "".join(f"\n- {n}" for n in told)
    return f"✅ 档案有效：{p.display_name()}（主题：{'、'.join(p.topics)}）" + (f"\n\n请核对这些读法：{notes}" if notes else "")


@dataclass
class SaveOutcome:
    message: str
    names: list[str] = field(default_factory=list)
    saved: bool = False
    question: str | None = None  # asked before anything is written (another saved profile would be replaced)


def save_profile(name: str, text: str, settings: Settings, *, loaded: str | None = None,
                 overwrite: bool = False) -> SaveOutcome:
    """Validate and save. Saving the profile being edited (``loaded``) just saves; saving under the
    name of another saved profile asks first unless ``overwrite``."""
    name = (name or "").strip()
    names = profile_names(settings)
    if not name:
        return SaveOutcome("❌ 请先填写档案名（例如：跑步群）。", names)
    try:
        parse_profile_text(text or "", name)
        exists = store(settings).path(name).exists()
    except ProfileError as exc:
        return SaveOutcome("❌ 未保存。" + problems_markdown(exc), names)
    if exists and name != (loaded or "") and not overwrite:
        return SaveOutcome("", names, question=f"已有名为“{name}”的档案。覆盖它吗？原来的内容会被替换。")
    store(settings).save(name, text)
    return SaveOutcome(f"✅ 已保存档案“{name}”。", profile_names(settings), saved=True)


def delete_question(name: str, settings: Settings) -> str | None:
    """What to ask before deleting ``name``; None when there is nothing to delete."""
    name = (name or "").strip()
    try:
        if name and store(settings).path(name).exists():
            return f"确定删除档案“{name}”吗？删除后不能恢复。"
    except ProfileError:
        return None
    return None


def delete_profile(name: str, settings: Settings) -> tuple[str, list[str]]:
    if name and store(settings).delete(name):
        return f"已删除档案“{name}”。", profile_names(settings)
    return "没有可删除的档案。", profile_names(settings)


def pick_after_delete(deleted: str, before: list[str], after: list[str]) -> str | None:
    """The profile to show once ``deleted`` is gone: its neighbour in the list, not always the first."""
    if not after:
        return None
    i = before.index(deleted) if deleted in before else 0
    return after[min(i, len(after) - 1)]


def remembered_choice(stored: str | None, current: str | None, names: list[str]) -> str | None:
    """After a reload: the profile this browser had selected, else the page's current one, else the first."""
    for choice in (stored, current):
        if choice and choice in names:
            return choice
    return names[0] if names else None
