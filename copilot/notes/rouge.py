"""Character-level ROUGE-1/2/L (F1) for Chinese summaries, no downloads.

Chinese ROUGE is conventionally computed on characters, which sidesteps segmentation differences
between systems. Text is folded (Simplified, half-width, lower case) and punctuation/space removed.
"""

from __future__ import annotations

import re
from collections import Counter

from copilot.textnorm import fold

_DROP = re.compile(r"[\W_]+", re.UNICODE)


def chars(text: str) -> list[str]:
    return list(_DROP.sub("", fold(text)))


def _f1(overlap: float, n_pred: int, n_ref: int) -> float:
    if not n_pred or not n_ref or not overlap:
        return 0.0
    p, r = overlap / n_pred, overlap / n_ref
    return 2 * p * r / (p + r)


def rouge_n(pred: str, ref: str, n: int) -> float:
    a, b = chars(pred), chars(ref)
    ga = Counter(tuple(a[i : i + n]) for i in range(len(a) - n + 1))
    gb = Counter(tuple(b[i : i + n]) for i in range(len(b) - n + 1))
    return _f1(sum((ga & gb).values()), sum(ga.values()), sum(gb.values()))


def lcs_length(a: list[str], b: list[str]) -> int:
    if len(a) < len(b):
        a, b = b, a
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0] * (len(b) + 1)
        for j, y in enumerate(b, 1):
            cur[j] = prev[j - 1] + 1 if x == y else max(prev[j], cur[j - 1])
        prev = cur
    return prev[-1]


def rouge_l(pred: str, ref: str) -> float:
    a, b = chars(pred), chars(ref)
    return _f1(lcs_length(a, b), len(a), len(b))


def rouge(pred: str, ref: str) -> dict[str, float]:
    return {"rouge-1": rouge_n(pred, ref, 1), "rouge-2": rouge_n(pred, ref, 2), "rouge-l": rouge_l(pred, ref)}
