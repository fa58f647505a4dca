"""Layered Chinese moderation: normalise → signals → classifier → off-topic → (LLM judge) → policy.

Public API: :func:`quick_label` (stateless offline label), :class:`Moderator` / :class:`Verdict` /
:class:`Message`, :class:`Policy`, :class:`AuditLog` (query, feedback, stats),
:func:`retrain_groups` / :func:`train_group` (each group's own model), and the vocabulary :class:`Label` / :class:`Action`.
"""

from copilot.moderation.audit import AuditError, AuditLog
from copilot.moderation.labels import ACTIONS, LABELS, Action, Label
from copilot.moderation.message import BadMessage, Message
from copilot.moderation.pipeline import Moderator, Verdict, quick_analysis, quick_label, quick_signals
from copilot.moderation.policy import Policy, Step
from copilot.moderation.training import retrain_groups, train_group

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
