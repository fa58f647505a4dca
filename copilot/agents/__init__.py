"""Drafting agents: group names, intro/rules/welcome, topic calendar and copy.

Every agent shares one loop (:mod:`copilot.agents.base`): retrieve methodology cards, draft (LLM
with validation and rule-driven revision, or the offline composer), check against
``knowledge/rules.yaml`` with :mod:`copilot.knowledge.checks`, and cite the cards used.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from copilot.agents.base import DraftError, DraftResult, convert_script
from copilot.agents.copy import draft_copy
from copilot.agents.docs import draft_intro, draft_rules, draft_welcome
from copilot.agents.name import draft_names
from copilot.agents.topics import draft_topics
from copilot.llm import Engine
from copilot.profile import GroupProfile

__all__ = ["AGENTS", "DraftError", "DraftResult", "convert_script", "draft"]

# target → agent; the CLI, the UI and the eval suite all dispatch through this table
AGENTS: dict[str, Callable[..., DraftResult]] = {
    "name": draft_names,
    "intro": draft_intro,
    "rules": draft_rules,
    "welcome": draft_welcome,
    "topics": draft_topics,
    "copy": draft_copy,
}


def draft(target: str, profile: GroupProfile, engine: Engine, **options: Any) -> DraftResult:
    """Dispatch to the agent for ``target`` (name/intro/rules/welcome/topics/copy)."""
    agent = AGENTS.get(target)
    if agent is None:
        raise DraftError(f"未知的起草类型 {target!r}，可选：{'、'.join(AGENTS)}")
    try:
        return agent(profile, engine, **options)
    except DraftError as exc:  # the operator reads the refusal in the profile's script, like the drafts
        script = profile.script or engine.settings.script
        if script == "zh-Hans":
            raise
        raise DraftError(convert_script(str(exc), script)) from exc
