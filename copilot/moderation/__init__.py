"""Layered Chinese moderation: normalise → signals → classifier → off-topic → (LLM judge) → policy.

Public API: :func:`quick_label` (stateless offline label), :class:`Moderator` / :class:`Verdict` /
:class:`Message`, :class:`Policy`, :class:`AuditLog` (query, feedback, stats) and :func:`retrain_from_feedback`.
"""

from copilot.moderation.audit import AuditError, AuditLog
from copilot.moderation.pipeline import Message, Moderator, Verdict, quick_label
from copilot.moderation.policy import ACTIONS, LABELS, Policy, Step
from copilot.moderation.training import retrain_from_feedback

__all__ = [
    "ACTIONS",
    "LABELS",
    "AuditError",
    "AuditLog",
    "Message",
    "Moderator",
    "Policy",
    "Step",
    "Verdict",
    "quick_label",
    "retrain_from_feedback",
]
