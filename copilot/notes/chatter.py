"""Whether a summary candidate is side chatter, from a small trained model.

"我家那只猫昨晚又把花盆打翻了", "今天外面好冷啊", "生日快乐呀", "谢谢你呀，真贴心" tell the group
nothing of its matter; "维保费每年大约六千元一台，按楼层分摊", "我觉得周六比周日好，人比较齐",
"集合时间是早上七点半" do. A logistic regression over character 1–3 grams of the folded sentence in its
Mandarin form (:func:`copilot.notes.classify.features`) gives P(chatter); the structure pass keeps a
line the model is sure of out of the summary, the key points and the Q&A, beside the recurrence rules
(:func:`copilot.notes.structure.side_exchanges`), which judge a line by its words in the chat.

Trained on ``copilot/resources/notes/chatter.yaml`` (sentences written for this project, never the
eval chats) plus the questions, commitments, decisions and notices of ``sentences.jsonl`` as content,
by ``scripts/train_chatter_classifier.py``; shipped as JSON weights. The gate (``meta.gate``) is the
lowest P(chatter) at which cross-validation marks at most 1% of the content sentences as chatter; the other
lines rules draw on P(chatter) are in ``meta.cuts`` (:func:`chatter_cut`).
"""

from __future__ import annotations

from functools import lru_cache

from copilot.notes.classify import SentenceClassifier, features
from copilot.paths import RESOURCES_DIR

SHIPPED_MODEL = RESOURCES_DIR / "notes" / "chatter_classifier.json"
DATA = RESOURCES_DIR / "notes" / "chatter.yaml"
LABELS = ("content", "chatter")


@lru_cache(maxsize=1)
def model() -> SentenceClassifier:
    return SentenceClassifier.load(SHIPPED_MODEL)


def chatter_gate() -> float:
    return float(model().meta.get("gate", 0.9))  # type: ignore[arg-type]


def chatter_cut(name: str) -> float:
    """A line the pairing or aside rules put on P(chatter) (``plain_question``, ``plain_answer``, ``small_talk``): set
    in ``thresholds.yaml`` ``chatter_model`` as the share of content sentences scored at or above it, turned into this
    model's P by the training script (``meta.cuts``), so it keeps its meaning when the model is retrained."""
    return float(model().meta["cuts"][name])  # type: ignore[index]


@lru_cache(maxsize=16384)
def chatter_probability(text: str) -> float:
    """P(chatter) for one sentence or message."""
    return model().probabilities_of(features(text))["chatter"]


def is_side_chatter(text: str) -> bool:
    """Whether the model is sure ``text`` is side chatter (P(chatter) at or above the shipped gate)."""
    return chatter_probability(text) >= chatter_gate()
