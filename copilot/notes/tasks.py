"""Whether a clause is a group to-do — work someone took on or was given — from a small trained model.

"我周五前把报名表发群里", "小满周三前把名单发我", "各位家长这周内回个1" are to-dos; "我周五要去复查",
"我下周出差", "我觉得下周再说比较好", "我昨天已经转了", "周六下午三点开始" are not, though they share the
shape the to-do rules look for (a person, a time, a verb). A logistic regression over character 1–3
grams of the clause with the people, 我/你, group words, time expressions and figures as placeholders
(:func:`copilot.notes.owners.normalise`, so no name or date is learnt) gives P(to-do); the structure
pass drops a to-do candidate the model is sure is none.

Trained on ``copilot/resources/notes/tasks.jsonl`` (clauses written for this project; people marked
``[小满]``; never the eval chats) by ``scripts/train_task_classifier.py``, shipped as JSON weights.
"""

from __future__ import annotations

import re
from functools import lru_cache

from copilot.notes.classify import THRESHOLDS_FILE, SentenceClassifier, char_grams
from copilot.notes.owners import find_mentions, normalise
from copilot.paths import RESOURCES_DIR, load_resource
from copilot.textnorm import fold

SHIPPED_MODEL = RESOURCES_DIR / "notes" / "task_classifier.json"
DATA = RESOURCES_DIR / "notes" / "tasks.jsonl"
LABELS = ("todo", "not")
MAX_CHARS = 120
_MARKED = re.compile(r"\[([^\[\]]+)\]")


def normalised(folded: str, people: list[tuple[int, int, str]]) -> str:
    """A folded clause with its people, pronouns, group words, times and figures as placeholders."""
    return normalise(folded, find_mentions(folded, people))[0]


def features(norm: str) -> set[str]:
    """:func:`~copilot.notes.classify.char_grams` of a normalised clause (already folded)."""
    return char_grams(norm, MAX_CHARS)


def marked_clause(text: str) -> tuple[str, list[tuple[int, int, str]]]:
    """A training clause ("[小满]周三前把名单发我") as folded text and its people's spans."""
    out, spans, last = "", [], 0
    for m in _MARKED.finditer(text):
        out += fold(text[last:m.start()])
        name = fold(m.group(1))
        spans.append((len(out), len(out) + len(name), m.group(1)))
        out += name
        last = m.end()
    return out + fold(text[last:]), spans


@lru_cache(maxsize=1)
def model() -> SentenceClassifier:
    return SentenceClassifier.load(SHIPPED_MODEL)


def task_gate() -> float:
    """P(to-do) below which a new candidate is dropped: chosen by the training script so that at most 2% of
    the real to-dos in cross-validation fall below it (``meta.gate``)."""
    return float(model().meta.get("gate", 0.2))  # type: ignore[arg-type]


def task_threshold(name: str) -> float:
    """A threshold the to-do rules put on P(to-do) beyond the gate (``resources/notes/thresholds.yaml`` task_model:
    set on the readable eval sets only)."""
    return float(load_resource(THRESHOLDS_FILE)["task_model"][name])


@lru_cache(maxsize=16384)
def task_probability(norm: str) -> float:
    """P(to-do) for a normalised clause (:func:`normalised`)."""
    return model().probabilities_of(features(norm))["todo"]
