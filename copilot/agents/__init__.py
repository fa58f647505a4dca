"""Drafting agents: group names, intro/rules/welcome, topic calendar and copy.

Every agent shares one loop (:mod:`copilot.agents.base`): retrieve methodology cards, draft (LLM
with validation and rule-driven revision, or the offline composer), check against
``knowledge/rules.yaml`` with :mod:`copilot.knowledge.checks`, and cite the cards used.
"""

from typing import Any

__all__ = ["DraftError", "DraftResult", "draft"]


def __getattr__(name: str) -> Any:
    # Lazy: ``copilot --help`` imports copilot.agents.cli, which must not pull in langchain/openai.
    if name in ("DraftError", "DraftResult"):
        from copilot.agents import base

        return getattr(base, name)
    raise AttributeError(name)


def draft(target: str, profile, engine, **options):  # type: ignore[no-untyped-def]
    """Dispatch to the agent for ``target`` (name/intro/rules/welcome/topics/copy)."""
    from copilot.agents import copy, docs, name, topics
    from copilot.agents.base import DraftError

    table = {
        "name": name.draft_names,
        "intro": docs.draft_intro,
        "rules": docs.draft_rules,
        "welcome": docs.draft_welcome,
        "topics": topics.draft_topics,
        "copy": copy.draft_copy,
    }
    if target not in table:
        raise DraftError(f"未知的起草类型 {target!r}，可选：{'、'.join(table)}")
    return table[target](profile, engine, **options)
