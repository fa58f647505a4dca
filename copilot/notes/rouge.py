"""Character-level ROUGE-1/2/L (F1) for Chinese summaries, with Google's ``rouge-score``.

Chinese ROUGE is conventionally computed on characters, which sidesteps segmentation differences
between systems. Text is folded (Simplified, half-width, lower case) and punctuation/space removed;
``rouge-score`` does the n-gram and LCS arithmetic (checked to give the same figures as our earlier
hand-written version on VCSum short_dev: 34.91 / 14.64 / 19.89).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from copilot.textnorm import fold

_DROP = re.compile(r"[\W_]+", re.UNICODE)


def chars(text: str) -> list[str]:
    return list(_DROP.sub("", fold(text)))


class _CharTokenizer:
    """``rouge-score`` tokenizer interface: one token per character of the folded text."""

    def tokenize(self, text: str) -> list[str]:
        return chars(text)


@lru_cache(maxsize=1)
def _scorer() -> Any:
    from rouge_score import rouge_scorer  # noqa: PLC0415 - pulls in nltk; only when scoring summaries

    return rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], tokenizer=_CharTokenizer())


def rouge(pred: str, ref: str) -> dict[str, float]:
    """F1 of ``pred`` against ``ref``: ``{"rouge-1", "rouge-2", "rouge-l"}``."""
    scores = _scorer().score(ref, pred)
    return {"rouge-1": scores["rouge1"].fmeasure, "rouge-2": scores["rouge2"].fmeasure,
            "rouge-l": scores["rougeL"].fmeasure}
