"""The moderation vocabulary: labels, actions and their Chinese names — defined once.

Both are ``StrEnum`` so they compare equal to, and serialise as, the plain strings bots and the
audit log have always used (``"ad"``, ``"delete"``).
"""

from __future__ import annotations

from enum import StrEnum


class Label(StrEnum):
    """What a message is."""

    OK = "ok"
    OFF_TOPIC = "off_topic"
    AD = "ad"
    SPAM = "spam"
    ABUSE = "abuse"


class Action(StrEnum):
    """What the bot does about it."""

    NONE = "none"
    REMIND = "remind"
    DELETE = "delete"
    WARN = "warn"
    MUTE = "mute"
    KICK = "kick"
    REVIEW = "review"


LABELS: tuple[Label, ...] = tuple(Label)
ACTIONS: tuple[Action, ...] = tuple(Action)
# Rule violations: they count strikes and outrank mere off-topic chatter.
VIOLATIONS: tuple[Label, ...] = (Label.AD, Label.SPAM, Label.ABUSE)
# Actions that do something in the group (not none/review).
ACTED: frozenset[Action] = frozenset({Action.REMIND, Action.DELETE, Action.WARN, Action.MUTE, Action.KICK})
# Actions that took the message or the member away: only these put a member on trial again (a remind or a warning,
# e.g. for a burst of short replies, says something in the group but does not mark the member as an ad account).
REMOVED: frozenset[Action] = frozenset({Action.DELETE, Action.MUTE, Action.KICK})  # the message is gone (a mute or a removal deletes it too)

LABEL_ZH: dict[Label, str] = {
    Label.OK: "正常",
    Label.OFF_TOPIC: "闲聊跑题",
    Label.AD: "广告",
    Label.SPAM: "刷屏/垃圾",
    Label.ABUSE: "人身攻击",
}
ACTION_ZH: dict[Action, str] = {
    Action.NONE: "不处理",
    Action.REMIND: "温和提醒",
    Action.DELETE: "删除",
    Action.WARN: "删除并警告",
    Action.MUTE: "禁言",
    Action.KICK: "移出群",
    Action.REVIEW: "转人工复核",
}


def label_from_zh(name: str) -> Label | None:
    """The label a Chinese name (or the plain value) stands for, as the UI's dropdowns send it."""
    for label, zh in LABEL_ZH.items():
        if name in (zh, label.value):
            return label
    return None


def action_from_zh(name: str) -> Action | None:
    for action, zh in ACTION_ZH.items():
        if name in (zh, action.value):
            return action
    return None
