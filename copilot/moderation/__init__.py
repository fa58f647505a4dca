"""Layered Chinese moderation: normalise → signals → classifier → off-topic → (LLM judge) → policy.

Public API: :func:`quick_label` (stateless offline label), :class:`Moderator` / :class:`Verdict` /
:class:`Message`, :class:`Policy`, :class:`AuditLog` (query, feedback, stats),
:func:`retrain_groups` / :func:`train_group` (each group's own model), and the vocabulary :class:`Label` / :class:`Action`.
"""

from typing import TYPE_CHECKING, Any

from copilot.moderation.labels import ACTIONS, LABELS, Action, Label
from copilot.moderation.message import BadMessage, Message
from copilot.moderation.pipeline import Moderator, Verdict, quick_analysis, quick_label, quick_signals
from copilot.moderation.policy import Policy, Step

if TYPE_CHECKING:
    from copilot.moderation.audit import AuditError, AuditLog
    from copilot.moderation.training import retrain_groups, train_group

# the audit log and the group trainer bring SQLAlchemy: imported on first use, so that a caller needing only the
# stateless checks (the notes' noise step, quick_label) does not load it
_ON_USE = {"AuditError": "audit", "AuditLog": "audit", "retrain_groups": "training", "train_group": "training"}


def __getattr__(name: str) -> Any:
    if name not in _ON_USE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib  # noqa: PLC0415

    return getattr(importlib.import_module(f"{__name__}.{_ON_USE[name]}"), name)

__all__ = [
    "ACTIONS",
    "LABELS",
    "Action",
    "AuditError",
    "AuditLog",
    "BadMessage",
    "Label",
    "Message",
    "Moderator",
    "Policy",
    "Step",
    "Verdict",
    "quick_analysis",
    "quick_signals",
    "quick_label",
    "retrain_groups",
    "train_group",
]
