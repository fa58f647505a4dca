"""Classification figures (precision, recall, F1, confusion) from scikit-learn, in our JSON shape.

Used by the moderation eval, the QQ held-out report and the audit log's feedback statistics, so
"precision" means one computation everywhere. A figure with no data (no predictions or no gold
cases of a label) is ``None``, never a made-up 0.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any


def _round(value: float) -> float | None:
    return None if math.isnan(value) else round(float(value), 3)


def per_label(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> dict[str, dict[str, Any]]:
    """``{label: {precision, recall, f1, support, tp, fp, fn}}``; undefined figures are ``None``."""
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support  # noqa: PLC0415 - ~1.3 s

    labels = [str(lab) for lab in labels]
    g, p = [str(x) for x in gold], [str(x) for x in pred]
    if not g:
        return {lab: {"precision": None, "recall": None, "f1": None, "support": 0, "tp": 0, "fp": 0, "fn": 0}
                for lab in labels}
    prec, rec, f1, support = precision_recall_fscore_support(g, p, labels=labels, zero_division=math.nan)
    cm = confusion_matrix(g, p, labels=labels)
    out: dict[str, dict[str, Any]] = {}
    for i, lab in enumerate(labels):
        tp = int(cm[i, i])
        fp = int(cm[:, i].sum()) - tp
        fn = int(cm[i, :].sum()) - tp
        f = _round(f1[i])
        if f is None and not (math.isnan(prec[i]) and math.isnan(rec[i])):
            f = 0.0  # one side is defined and nothing is right: F1 is 0, not unknown
        out[lab] = {"precision": _round(prec[i]), "recall": _round(rec[i]), "f1": f,
                    "support": int(support[i]), "tp": tp, "fp": fp, "fn": fn}
    return out


def confusion(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> dict[str, dict[str, int]]:
    """``{gold label: {predicted label: count}}`` over ``labels``."""
    from sklearn.metrics import confusion_matrix  # noqa: PLC0415 - ~1.3 s, only when figures are asked for

    labels = [str(lab) for lab in labels]
    cm = confusion_matrix([str(x) for x in gold], [str(x) for x in pred], labels=labels) if gold else None
    return {g: {p: int(cm[i, j]) if cm is not None else 0 for j, p in enumerate(labels)} for i, g in enumerate(labels)}


def binary(gold: Sequence[bool], pred: Sequence[bool]) -> dict[str, float]:
    """Precision, recall and F1 of the positive class; 0.0 where undefined (a report figure)."""
    from sklearn.metrics import precision_recall_fscore_support  # noqa: PLC0415 - as above

    if not gold:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    p, r, f, _ = precision_recall_fscore_support(list(gold), list(pred), average="binary", zero_division=0.0)
    return {"precision": round(float(p), 3), "recall": round(float(r), 3), "f1": round(float(f), 3)}
