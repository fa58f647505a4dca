"""Retraining from operator feedback: one function the CLI and the UI both call."""

from __future__ import annotations

from typing import Any

from copilot.config import Settings
from copilot.moderation.audit import AuditLog
from copilot.moderation.classifier import SHIPPED_MODEL, AdClassifier, load_extra_examples, retrain


def retrain_from_feedback(settings: Settings, audit: AuditLog | None = None) -> dict[str, Any]:
    """Fine-tune the shipped ad classifier on our own examples + all feedback samples.

    Writes ``<data_dir>/moderation/ad_classifier.json`` (which moderators then prefer over the
    shipped file) and returns a summary; with no feedback yet, nothing is written.
    """
    audit = audit or AuditLog.from_settings(settings)
    fb = audit.feedback_samples()
    if not fb:
        return {"trained": False, "feedback": 0, "message": "还没有任何反馈样本，无需重新训练"}
    base = AdClassifier.load(SHIPPED_MODEL)
    samples = [(t, 1 if lab == "ad" else 0) for t, lab in fb]
    # Feedback counts three times: it is rare and it is exactly what the model got wrong.
    model = retrain(base, load_extra_examples() + samples * 3)
    out = settings.data_dir / "moderation" / "ad_classifier.json"
    model.meta["feedback_samples"] = len(fb)
    model.save(out)
    fixed = sum(1 for t, y in samples if (model.score(t) >= 0.5) == bool(y))
    return {"trained": True, "feedback": len(fb), "path": str(out),
            "feedback_fit": f"{fixed}/{len(samples)}",
            "message": f"已用 {len(fb)} 条反馈重新训练，模型写入 {out}"}
