"""Round 59 speed work (issue 17): no work done twice for one message, verdicts unchanged.

A message the ad model reads as an ad (p > 0.5) gets two readings of its strongest grams: the verdict's ``grams``
(``top_grams``, the top 3) and its ``pitch_words`` (``telling_grams``, which asks ``top_grams`` for the top 12 of
the same text). Each ranked every gram of the message again — a weight look-up per gram and a sort. Now the model
keeps the ranking of the last grams it ranked, and the top 3 is the head of the same ranking."""

from __future__ import annotations

from itertools import repeat
from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.evals.moderation import DATA_DIR
from copilot.moderation.classifier import NgramModel, features, load_classifier, telling_grams
from copilot.moderation.pipeline import Moderator
from copilot.profile import load_profile

AD = "兼职刷单日结300，宝妈学生都可以做，加微信 abc12345 详聊"


class _CountingWeights(dict[str, float]):
    """A model's weights that count their look-ups (``get``, as the ranking reads them)."""

    gets = 0

    def get(self, key: str, default: float | None = None) -> float | None:  # type: ignore[override]
        type(self).gets += 1
        return super().get(key, default)


def _brute_top(model: NgramModel, text: str, n: int) -> list[str]:
    grams = features(text)
    w = model.weights
    scored = sorted([(v, g) for v, g in zip(map(w.get, grams, repeat(0.0)), grams) if v > 0 and len(g) > 1], reverse=True)
    return [g for _, g in scored[:n]]


@pytest.fixture
def counting_model() -> NgramModel:
    shared = load_classifier()
    _CountingWeights.gets = 0
    return NgramModel(weights=_CountingWeights(shared.weights), bias=shared.bias)


def test_top_grams_ranks_a_text_once_for_both_readings(counting_model: NgramModel) -> None:
    top3 = counting_model.top_grams(AD)
    pitch = telling_grams(counting_model, AD)
    # one look-up per gram of the message: the top 12 read the ranking the top 3 made
    assert _CountingWeights.gets == len(features(AD))
    assert top3 == _brute_top(counting_model, AD, 3)
    assert counting_model.top_grams(AD, 12) == _brute_top(counting_model, AD, 12)
    assert pitch and all(g in _brute_top(counting_model, AD, 12) for g in pitch)


def test_top_grams_of_another_text_is_ranked_anew(counting_model: NgramModel) -> None:
    other = "出闲置二手书，九成新，价格私聊，同城可自提"
    assert counting_model.top_grams(AD) == _brute_top(counting_model, AD, 3)
    assert counting_model.top_grams(other, 5) == _brute_top(counting_model, other, 5)
    assert counting_model.top_grams(AD, 6) == _brute_top(counting_model, AD, 6)  # back to the first text: ranked again


def test_a_model_with_new_weights_ranks_with_them() -> None:
    model = NgramModel(weights={"兼职": 2.0, "日结": 1.0, "微信": 0.5}, bias=0.0)
    assert model.top_grams(AD) == ["兼职", "日结", "微信"]
    model.weights = {"兼职": 0.1, "日结": 1.0, "微信": 3.0}  # weights swapped whole: the last ranking is not reused
    assert model.top_grams(AD) == ["微信", "日结", "兼职"]


def test_an_ad_verdict_ranks_its_grams_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mod = Moderator(Settings(data_dir=tmp_path, llm_provider="offline"),
                    load_profile(DATA_DIR / "profiles" / "reading.yaml"), audit=None)
    mod.moderate({"id": "w", "user": "w", "text": "这周共读的书大家读到第几章了"})  # tables and jieba loaded
    clf = mod.classifier
    before = mod.moderate({"id": "1", "user": "u1", "text": AD})
    monkeypatch.setattr(clf, "weights", _CountingWeights(clf.weights))
    _CountingWeights.gets = 0
    text = AD + "！"  # a text not ranked before
    v = mod.moderate({"id": "2", "user": "u2", "text": text})
    assert v.checks["classifier"]["ad_prob"] > 0.5 and v.checks["classifier"]["grams"]
    assert _CountingWeights.gets == len(features(text))  # the verdict's grams and its pitch words: one ranking
    assert v.label == before.label == "ad"
    assert v.checks["classifier"]["grams"] == _brute_top(clf, text, 3)
