"""Training the n-gram models: the shipped ones (scripts/) and each group's own ad model.

One fitting recipe for all of them (:func:`fit_ngram`): scikit-learn logistic regression on binary
char 1–3 grams with balanced classes, then Platt scaling fitted on out-of-fold scores so that a
probability means the same in every group, exported to a plain weight table (:class:`NgramModel`).

A group's model (:func:`train_group`) is trained on the group's labelled history (imported, or
operators' feedback) plus our hand-written examples, and replaces the shared model for that group.
Before it is enabled, both are scored on that history (the group model out-of-fold, the shared model
on what it never saw); a group model that is not better is refused and the group keeps the shared one.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from copilot.config import Settings
from copilot.metrics import binary
from copilot.moderation.audit import AuditLog
from copilot.moderation.classifier import (
    NgramModel,
    features,
    forget_file_times,
    group_model_path,
    load_classifier,
    load_extra_examples,
    text_key,
)
from copilot.moderation.group_vocab import learn_vocab, save_vocab

if TYPE_CHECKING:
    from sklearn.linear_model import LogisticRegression

C_GRID = (0.3, 1.0, 3.0, 10.0)
MIN_EXAMPLES = 30  # fewer labelled messages than this cannot be cross-validated honestly
MIN_POSITIVES = 8
# A group model is enabled only on a history this large: on a few dozen rows five folds score a handful of
# ads each, so a "better" F1 is luck as often as not (a 34-row import once won with precision 0.625)
MIN_ENABLE_EXAMPLES = 100
MIN_ENABLE_EACH = 20  # ads, and messages that are not ads
FOLDS = 5
FOLD_C = 10.0  # C for the cross-validation folds (the final model chooses its own by CV)
# A corpus model's C (scripts/train_corpus_model.py): its grid is flat (chatter F1 .871–.876 from C 0.3 to 10) and the
# best C of one 5-fold shuffle flips between 1, 3 and 10 with a few lines more or less (3, 3, 3, 1, 1 on five copies of
# the chatter corpus with 2 % of its lines dropped). Averaged over three shuffles, the smallest C within this much F1 of
# the best is chosen: the simplest model the data cannot tell from the best (1 on all five copies and on the corpus).
CORPUS_CV_REPEATS = 3
CORPUS_C_TOLERANCE = 0.003


def _grams(text: str) -> list[str]:
    return sorted(features(text))


def _lr(c: float) -> LogisticRegression:
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415 - scikit-learn (~1 s to import) only when training

    return LogisticRegression(C=c, class_weight="balanced", max_iter=3000)


def md5_fifth(text: str) -> bool:
    """Whether ``text`` falls in the deterministic held-out fifth (its MD5 is 0 mod 5): the one split rule of the
    shipped models' held-out lines, the veiled corpus's locked frames and the group-import experiment."""
    return int(hashlib.md5(text.encode("utf-8")).hexdigest(), 16) % 5 == 0


def fit_ngram(texts: list[str], y: list[int], *, C: float | None = None, min_df: int = 1,
              seed: int = 0, repeats: int = 1, tolerance: float = 0.0) -> tuple[NgramModel, dict[str, Any]]:
    """A calibrated n-gram model of ``texts``/``y`` (1 = positive).

    C is chosen by stratified cross-validation (F1) when not given: the mean F1 of ``repeats`` shuffles of the folds
    (seeds ``seed``, ``seed`` + 1, …), and the smallest C of the grid within ``tolerance`` of the best mean (by default
    one shuffle and the best C). Platt scaling is fitted on the out-of-fold decision values (the folds of ``seed``) and
    folded into the exported weights.
    """
    from sklearn.feature_extraction.text import CountVectorizer  # noqa: PLC0415 - scikit-learn only when training
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415 - as above
    from sklearn.model_selection import (  # noqa: PLC0415 - as above
        StratifiedKFold,
        cross_val_predict,
        cross_val_score,
    )

    labels = np.array(y)
    vec = CountVectorizer(analyzer=_grams, binary=True, min_df=min_df)
    x = vec.fit_transform(texts)
    k = min(FOLDS, int(labels.sum()), int(len(labels) - labels.sum()))
    folds = StratifiedKFold(k, shuffle=True, random_state=seed)
    info: dict[str, Any] = {}
    if C is None:
        shuffles = [folds, *(StratifiedKFold(k, shuffle=True, random_state=seed + r) for r in range(1, repeats))]
        cv_f1 = {c: float(np.mean([cross_val_score(_lr(c), x, labels, cv=f, scoring="f1").mean() for f in shuffles]))
                 for c in C_GRID}
        best = max(cv_f1.values())
        C = min(c for c in C_GRID if cv_f1[c] >= best - tolerance)
        info["cv_f1_by_C"] = {str(c): round(v, 4) for c, v in cv_f1.items()}
        if repeats > 1 or tolerance:
            info["c_rule"] = f"smallest C within {tolerance} of the best mean F1 of {repeats} shuffles of {k} folds"
    oof = cross_val_predict(_lr(C), x, labels, cv=folds, method="decision_function")
    platt = LogisticRegression(C=1e6, max_iter=1000).fit(oof.reshape(-1, 1), labels)
    a, b = float(platt.coef_[0][0]), float(platt.intercept_[0])
    clf = _lr(C).fit(x, labels)
    weights = {str(g): a * float(w) for g, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(a * w) >= 1e-3}
    model = NgramModel(weights=weights, bias=a * float(clf.intercept_[0]) + b)
    info.update({"C": C, "calibration": {"method": "platt, out-of-fold", "a": round(a, 4), "b": round(b, 4)}})
    return model, info


def cross_validate(texts: list[str], y: list[int], shared: NgramModel, *, seed: int = 0,
                   floor: Sequence[tuple[str, int]] = (), typical: Sequence[bool] | None = None) -> dict[str, Any]:
    """Out-of-fold P/R/F1 of a group model (each fold trained afresh on the other folds + ``floor``, our
    hand-written examples) beside the shared model's P/R/F1.

    The shared model is scored only on messages it was not trained on (its metadata lists hashes of
    its training texts): on the ones it has seen it looks better than it will on the group's next
    messages. When too few unseen messages remain, its recorded held-out F1 (measured when it was
    built) stands in, and ``shared_estimate`` says so.

    ``typical`` marks the messages that stand for the group's ordinary traffic (an imported history).
    Answers to "confirm uncertain" questions and corrections of wrong verdicts are the hardest messages
    by choice: they train every fold, but when enough typical messages exist only those are scored —
    otherwise each hard answer would lower the group's figure and the better model would be refused.
    """
    from sklearn.model_selection import StratifiedKFold  # noqa: PLC0415 - scikit-learn only when training

    labels = np.array(y)
    k = min(FOLDS, int(labels.sum()), int(len(labels) - labels.sum()))
    pred = np.zeros(len(labels), dtype=bool)
    for train, test in StratifiedKFold(k, shuffle=True, random_state=seed).split(np.zeros(len(labels)), labels):
        model, _ = fit_ngram([texts[i] for i in train] + [t for t, _ in floor],
                             [y[i] for i in train] + [v for _, v in floor], C=FOLD_C, seed=seed)
        pred[test] = [model.score(texts[i]) >= 0.5 for i in test]
    gold = [bool(v) for v in y]
    scored = [i for i in range(len(texts)) if typical is None or typical[i]]
    if not _enough(scored, gold):
        scored = list(range(len(texts)))
    seen = set(shared.meta.get("trained_keys") or [])
    unseen = [i for i in scored if text_key(texts[i]) not in seen]
    out: dict[str, Any] = {"group": binary([gold[i] for i in scored], [bool(pred[i]) for i in scored]), "folds": k,
                           "shared_seen": len(scored) - len(unseen), "scored": len(scored)}
    pos = sum(gold[i] for i in unseen)
    if len(unseen) >= MIN_EXAMPLES and MIN_POSITIVES // 2 <= pos <= len(unseen) - MIN_POSITIVES // 2:
        out["shared"] = binary([gold[i] for i in unseen], [shared.score(texts[i]) >= 0.5 for i in unseen])
        if unseen != scored:
            out["group_on_unseen"] = binary([gold[i] for i in unseen], [bool(pred[i]) for i in unseen])
    else:
        heldout = shared.meta.get("heldout") or {}
        f1s = [float(f["f1"]) for f in heldout.values() if isinstance(f, dict) and "f1" in f]
        out["shared"] = {"precision": 0.0, "recall": 0.0, "f1": min(f1s) if f1s else 0.0}
        out["shared_estimate"] = True
    return out


def _enough(idx: list[int], gold: list[bool]) -> bool:
    pos = sum(gold[i] for i in idx)
    return len(idx) >= MIN_EXAMPLES and MIN_POSITIVES <= pos <= len(idx) - MIN_POSITIVES


def _f1(fig: dict[str, Any]) -> float:
    return float(fig.get("f1") or 0.0)


def shortfall(samples: list[tuple[str, str]]) -> str | None:
    """Why these (text, label) samples are too few to train a group's own model; None when enough."""
    ads = sum(1 for _, lab in samples if lab == "ad")
    if len(samples) < MIN_EXAMPLES or ads < MIN_POSITIVES or len(samples) - ads < MIN_POSITIVES:
        return (f"只有 {len(samples)} 条标注（其中广告 {ads} 条），至少需要 {MIN_EXAMPLES} 条、"
                f"广告和非广告各至少 {MIN_POSITIVES} 条才能交叉验证（先试训，看它在本群判得准不准）；"
                f"要启用专属模型代替共享模型，另需 {MIN_ENABLE_EXAMPLES} 条、广告和非广告各 {MIN_ENABLE_EACH} 条")
    return None


def enable_shortfall(samples: list[tuple[str, str]]) -> str | None:
    """What these (text, label) samples lack before a group model may be enabled (Chinese); None when enough."""
    ads = sum(1 for _, lab in samples if lab == "ad")
    gaps = [f"{what}还差 {need - have} 条" for what, have, need in (
        ("标注", len(samples), MIN_ENABLE_EXAMPLES), ("广告", ads, MIN_ENABLE_EACH),
        ("非广告", len(samples) - ads, MIN_ENABLE_EACH)) if have < need]
    if not gaps:
        return None
    return (f"只有 {len(samples)} 条标注（其中广告 {ads} 条），启用专属模型至少需要 {MIN_ENABLE_EXAMPLES} 条、"
            f"广告和非广告各至少 {MIN_ENABLE_EACH} 条：{'，'.join(gaps)}（{MIN_EXAMPLES} 条只够交叉验证、看一看"
            f"效果；要让它代替共享模型去删消息，需要更多标注才能确定它在本群确实更准）")


def correction_effect(audit: AuditLog, profile_key: str) -> str:
    """What an operator's correction changes now and what retraining would still need (Chinese)."""
    now = "同样的消息以后会直接按纠正后的判定处理。"
    if not profile_key:
        return now + "这条判定没有群档案，不用于训练群的专属模型。"
    samples = audit.feedback_samples(profile_key=profile_key)
    if (short := enable_shortfall(samples)) is not None:
        return now + f"这个群{short}，现在“用反馈重新训练”还不会启用专属模型。"
    return now + f"这个群已有 {len(samples)} 条标注，可以点“用反馈重新训练”训练专属模型。"


def train_group(settings: Settings, key: str, audit: AuditLog | None = None) -> dict[str, Any]:
    """Train, cross-validate and (when it is better) enable the group ``key``'s own ad model.

    The examples are the group's stored feedback (imported history + operators' corrections), ad
    against everything else, plus our own hand-written examples as a floor. Returns a summary with
    the cross-validated figures and ``enabled``; a refused model is not written, and a previously
    enabled one is removed whenever the shared model is used instead (too few labels left, or figures no better).
    """
    audit = audit or AuditLog.from_settings(settings)
    history = audit.labelled_history(key)
    samples = [(t, lab) for t, lab, _ in history]
    texts = [t for t, _ in samples]
    y = [1 if lab == "ad" else 0 for _, lab in samples]
    out: dict[str, Any] = {"group": key, "examples": len(samples), "ads": sum(y), "enabled": False}
    # the group's own topic words come from the messages it kept, whatever becomes of its ad model
    words = learn_vocab(samples)
    save_vocab(settings.data_dir, key, words, examples=sum(lab == "ok" for _, lab in samples))
    out["topic_words"] = len(words)
    path = group_model_path(settings.data_dir, key)
    if (short := shortfall(samples)) is not None:
        # the labels left (admins relabelled its ads as ok) no longer support the model in use: it goes too
        out["message"] = f"群 {key} {short}；继续使用共享模型" + ("；已停用之前的群模型" if path.exists() else "")
        path.unlink(missing_ok=True)
        forget_file_times()
        return out
    shared = load_classifier()
    extra = load_extra_examples()
    cv = cross_validate(texts, y, shared, floor=extra, typical=[src == "import" for _, _, src in history])
    out["cv"] = cv
    g, s = cv.get("group_on_unseen") or cv["group"], cv["shared"]
    if cv.get("shared_estimate"):
        figures = (f"群模型 P {g['precision']:.3f} R {g['recall']:.3f} F1 {g['f1']:.3f}（{cv['folds']} 折交叉验证）；"
                   f"共享模型训练时已见过其中 {cv['shared_seen']} 条，无法在这些消息上公平比较，"
                   f"按它建模时的留出 F1 {s['f1']:.3f} 计")
    else:
        figures = (f"群模型 P {g['precision']:.3f} R {g['recall']:.3f} F1 {g['f1']:.3f}；"
                   f"共享模型 P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}（{cv['folds']} 折交叉验证"
                   + (f"，只比共享模型没见过的 {cv['scored'] - cv['shared_seen']} 条" if cv["shared_seen"] else "") + "）")
    if cv["scored"] < len(texts):
        figures += f"；只在导入的 {cv['scored']} 条历史上计分，管理员确认和纠正的 {len(texts) - cv['scored']} 条只用来训练"
    share = sum(y) / len(y)
    chance = 2 * share / (1 + share)  # F1 of calling every message an ad: a model must beat guessing
    short = enable_shortfall(samples)
    if _f1(g) <= max(_f1(s), chance):
        why = "不比共享模型好" if _f1(g) <= _f1(s) else f"没有学到规律（不比全部判为广告的 F1 {chance:.3f} 好）"
        # a refusal says what is short too: more labels are what would change the answer
        out["message"] = (f"群模型{why}，不启用：{figures}" + ("；已停用之前的群模型" if path.exists() else "")
                          + (f"；另外，群 {key} {short}" if short else ""))
        path.unlink(missing_ok=True)
        forget_file_times()
        return out
    if short is not None:
        # the figures are shown, but too few rows stand behind them to act on a member's message
        out["message"] = (f"群 {key} {short}；交叉验证（仅供参考）：{figures}；继续使用共享模型"
                          + ("；已停用之前的群模型" if path.exists() else ""))
        path.unlink(missing_ok=True)
        forget_file_times()
        return out
    model, info = fit_ngram(texts + [t for t, _ in extra], y + [v for _, v in extra])
    model.meta = {"group": key, "trained_at": time.time(), "examples": len(samples), "ads": sum(y),
                  "own_examples": len(extra), "cv": cv, **info}
    model.save(path)
    out.update(enabled=True, path=str(path), message=f"已启用群 {key} 的专属模型：{figures}")
    return out


def retrain_groups(settings: Settings, audit: AuditLog | None = None) -> dict[str, Any]:
    """``moderation-retrain``: retrain every group that has feedback, each on its own feedback only."""
    audit = audit or AuditLog.from_settings(settings)
    scopes = audit.feedback_scopes()
    if not scopes:
        return {"groups": [], "message": "还没有任何反馈样本，无需重新训练"}
    results = [train_group(settings, key, audit) for key in scopes]
    enabled = [r["group"] for r in results if r["enabled"]]
    return {"groups": results,
            "message": f"{len(results)} 个群有反馈；启用专属模型的群：{'、'.join(enabled) if enabled else '无'}"}
