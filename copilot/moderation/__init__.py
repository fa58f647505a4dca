"""Layered Chinese moderation: normalise → signals → classifier → off-topic → (LLM judge) → policy.

Public API: :func:`quick_label` (stateless offline label), :class:`Moderator` / :class:`Verdict` /
:class:`Message`, :class:`Policy`, :class:`AuditLog` (query, feedback, stats) and
:func:`retrain_from_feedback`. Names are imported lazily so that loading the CLI plugin
(``copilot.moderation.cli``) does not pull in SQLAlchemy, jieba and the classifier.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "AuditError": "copilot.moderation.audit",
    "AuditLog": "copilot.moderation.audit",
    "Message": "copilot.moderation.pipeline",
    "Moderator": "copilot.moderation.pipeline",
    "Verdict": "copilot.moderation.pipeline",
    "quick_label": "copilot.moderation.pipeline",
    "ACTIONS": "copilot.moderation.policy",
    "LABELS": "copilot.moderation.policy",
    "Policy": "copilot.moderation.policy",
    "Step": "copilot.moderation.policy",
    "retrain_from_feedback": "copilot.moderation.training",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'copilot.moderation' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
