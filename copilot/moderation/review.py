"""The admin's "confirm uncertain" loop: grow a group's labelled history where the model is least sure.

A group's own model stops improving once its history runs out (docs/moderation.md: the MC import's
learning curve is still rising at 1,500 messages). Asking the admin about random messages wastes their
time on ones the model already gets right; asking about the ones it was least sure of (the ad
probability and the verdict's own score both near 0.5) teaches it most per answer — uncertainty
sampling, as in active learning. Answers are stored as that profile's feedback (the same rows as
``copilot feedback``), so ``moderation-retrain`` uses them and no other group sees them.
"""

from __future__ import annotations

from typing import Any

from copilot.moderation.audit import AuditError, AuditLog
from copilot.moderation.labels import LABELS

SCAN = 5000  # the latest verdicts looked at per request


def margin(row: dict[str, Any]) -> float:
    """How sure the verdict was, 0 (a coin toss) … 0.5 (certain): the nearer of the ad probability and
    the verdict's score to 0.5."""
    checks = row.get("checks") or {}
    p = (checks.get("classifier") or {}).get("ad_prob")
    sure = abs(float(row.get("score") or 0.0) - 0.5)
    return min(abs(float(p) - 0.5), sure) if p is not None else sure


def uncertain(audit: AuditLog, profile_key: str, *, limit: int = 20, group: str | None = None,
              scan: int = SCAN) -> list[dict[str, Any]]:
    """The profile's ``limit`` least-sure messages with no label yet, least sure first.

    One question per distinct text (the same ad posted ten times is asked once), and none about a
    text the profile already has a label for (imported history or an earlier answer).
    """
    if not profile_key:
        raise AuditError("确认不确定的消息需要指定群档案（-p）：答案只作用于这个档案对应的群")
    known = audit.labelled_fingerprints(profile_key)
    out: list[dict[str, Any]] = []
    for row in sorted(audit.unreviewed(profile_key, group=group, limit=scan), key=margin):
        fp = row["fingerprint"]
        if not row["text"].strip() or fp in known:
            continue
        known.add(fp)
        clf = (row["checks"].get("classifier") or {})
        out.append({"verdict_id": row["id"], "text": row["text"], "label": row["label"], "action": row["action"],
                    "score": row["score"], "ad_prob": clf.get("ad_prob"), "margin": round(margin(row), 3),
                    "group": row["group_id"], "time": row["time"], "reason": row["reason"]})
        if len(out) >= limit:
            break
    return out


def answer(audit: AuditLog, profile_key: str, answers: list[tuple[str, str]], *,
           dry_run: bool = False, where: list[str] | None = None, problems: list[str] | None = None) -> dict[str, Any]:
    """Store the admin's (verdict_id, label) answers as the profile's feedback; ``dry_run`` checks only.

    Every answer is checked before any is stored: an unknown label, an unknown verdict or a verdict of
    another profile is refused with its place (``where``: "第 3 行" per answer; default "第 i 条"), and
    nothing is written. ``problems``: what the caller already found (lines it could not read); they are
    reported together with these, so one bad line does not hide the others.
    """
    problems = list(problems or [])
    for i, (vid, label) in enumerate(answers, 1):
        at = where[i - 1] if where else f"第 {i} 条"
        if label not in LABELS:
            problems.append(f"{at}：标签 {label!r} 无效，可选：{' / '.join(LABELS)}")
            continue
        row = audit.get(vid)
        if row is None:
            problems.append(f"{at}：找不到审核记录 {vid}")
        elif (row.get("profile_key") or "") != profile_key:
            problems.append(f"{at}：审核记录 {vid} 不属于群档案 {profile_key}，不能在这里标注")
    if problems:
        raise AuditError("；".join(problems))
    counts: dict[str, int] = {}
    for _, label in answers:
        counts[label] = counts.get(label, 0) + 1
    if not dry_run:
        for vid, label in answers:
            audit.record_feedback(vid, label)
    return {"profile_key": profile_key, "answered": len(answers), "labels": counts, "dry_run": dry_run,
            "stored": 0 if dry_run else len(answers)}
