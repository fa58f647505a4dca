"""Does a free-slot topic read? A collocation check on the group's topic words in a calendar.

The drafting side lets a sentence skeleton declare which kind of word it takes; this check does not
look at skeletons. It reads what members read: wherever one of the profile's topic words stands in a
free-slot post, the words right around it (``resources/evals/collocations.yaml``: 练X, 孩子学X, X作品,
X上的小难题, 去X的路上, "…预算" after X, X分工…) require it to be of some kind, and the word's kind
comes from the lexicon both sides share (``word_kinds.yaml``). "练郊野公园" (a place after 练), "孩子学心理疏导"
(a concern after 学), "志愿服务…用途和预算" (a duty where only things bought have a budget) are misfits.

How far this check can be trusted is measured, not assumed: :func:`checker_scores` runs it on
hand-labelled sentences (``evals/profiles/fit_labels.yaml``, sentences judged by a reader as fitting or
not) and reports its precision and recall at finding the misfits.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from copilot.agents.facts import profile_context, word_kind
from copilot.paths import EVALS_DIR, load_resource, load_yaml
from copilot.profile import GroupProfile
from copilot.textnorm import fold

LABELS = EVALS_DIR / "profiles" / "fit_labels.yaml"
_NEAR = 8  # characters looked at before a word
_AFTER = 12  # … and after it, unless a frame says how far ("预算" may come at the end of the sentence)


@lru_cache(maxsize=1)
def frames() -> list[dict[str, Any]]:
    out = []
    for f in load_resource("evals/collocations.yaml")["frames"]:
        out.append({"before": re.compile(f["before"]) if f.get("before") else None,
                    "after": re.compile(f["after"]) if f.get("after") else None,
                    "unless": re.compile(f["unless_before"]) if f.get("unless_before") else None,
                    "kinds": set(f["kinds"]), "why": f["why"], "window": int(f.get("window", _AFTER))})
    return out


def misfits(text: str, topics: list[str], products: tuple[str, ...] = (), context: str = "") -> list[str]:
    """Why ``text`` misuses one of ``topics`` ("郊野公园：“练/玩”后面要是自己去做的事"), one line per
    (word, frame); [] when every topic word in it stands where its kind reads."""
    t = fold(text)
    taken: list[tuple[int, int]] = []
    out = []
    for word in sorted({w for w in topics if w.strip()}, key=len, reverse=True):
        w = fold(word)
        kind = word_kind(word, products, context)  # typed as the drafts type it (the profile's wording too)
        for m in re.finditer(re.escape(w), t):
            if any(a <= m.start() < b for a, b in taken):
                continue  # inside a longer topic word already read (公园 in 郊野公园)
            taken.append((m.start(), m.end()))
            before = t[max(0, m.start() - _NEAR):m.start()]
            for f in frames():
                after = t[m.end():m.end() + f["window"]]
                hit = ((f["before"] is None or f["before"].search(before)) and (f["after"] is None or f["after"].search(after))
                       and not (f["unless"] is not None and f["unless"].search(before)))
                if hit and kind not in f["kinds"]:
                    out.append(f"{word}（{kind}）：{f['why']}")
    return out


def free_slot_misfits(profile: GroupProfile, drafts: list[dict[str, Any]]) -> list[str]:
    """The free-slot posts of a calendar (entries with no profile event) whose topic words misfit."""
    products = tuple(p.name for p in profile.products)
    out = []
    for d in drafts:
        if d.get("event"):
            continue
        found = misfits(f"{d.get('title', '')}。{d.get('opening', '')}", list(profile.topics), products, profile_context(profile))
        if found:
            out.append(f"{d.get('date', '')} {d.get('title', '')}：{found[0]}")
    return out


def load_labels(path: Path = LABELS) -> list[dict[str, Any]]:
    data = load_yaml(path.read_text(encoding="utf-8")) or {}
    return list(data.get("sentences", []))


def checker_scores(path: Path = LABELS) -> dict[str, float]:
    """Precision and recall of :func:`misfits` at finding the sentences a reader marked as not fitting."""
    tp = fp = fn = tn = 0
    for row in load_labels(path):
        flagged = bool(misfits(row["text"], list(row["topics"]), tuple(row.get("products", []))))
        bad = not row["fits"]
        tp += flagged and bad
        fp += flagged and not bad
        fn += bad and not flagged
        tn += not flagged and not bad
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {"n": tp + fp + fn + tn, "precision": round(precision, 4), "recall": round(recall, 4)}
