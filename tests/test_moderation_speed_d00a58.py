"""Round 58 speed work (issue 17): no work done twice for one message, verdicts unchanged.

A verdict's reason puts back every quoted item as the member wrote it (``pipeline._quoted_as_written``): each item is a
``textnorm.written_span`` of the same message, and each of those folded every character of the message again. Now the
characters' forms of a short text are made once. And the group-talk layer made a new ``functools.cache`` for every message
to remember one string (the Mandarin form, read by up to three checks): now a plain closure remembers it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from copilot import textnorm
from copilot.config import Settings
from copilot.evals.moderation import DATA_DIR
from copilot.moderation import pipeline
from copilot.moderation.pipeline import Moderator, _quoted_as_written
from copilot.profile import load_profile
from copilot.textnorm import written_span


@pytest.fixture
def reading(tmp_path: Path) -> Moderator:
    mod = Moderator(Settings(data_dir=tmp_path, llm_provider="offline"),
                    load_profile(DATA_DIR / "profiles" / "reading.yaml"), audit=None)
    mod.moderate({"id": "w", "user": "w", "text": "这周共读的书大家读到第几章了"})  # tables and jieba loaded
    return mod


def _counting_folds(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    calls: Counter[str] = Counter()
    real = textnorm._fold_cached

    def counting(text: str) -> str:
        calls[text] += 1
        return real(text)

    monkeypatch.setattr(textnorm, "_fold_cached", counting)
    if hasattr(textnorm, "_char_forms"):
        textnorm._char_forms.cache_clear()
    return calls


def test_message_characters_folded_once_for_several_quoted_items(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "幹你娘咧，白癡一個，唔好再喺度洗版啦"
    calls = _counting_folds(monkeypatch)
    assert written_span(text, "干你娘") == "幹你娘"
    assert written_span(text, "白痴") == "白癡"
    assert written_span(text, "刷屏") is None
    # three items looked up in one message: each character folded once, not once per item (three times as many before)
    assert sum(calls.values()) == len(text)


def test_quoted_items_shown_as_written() -> None:
    text = "幹你娘咧，白癡一個"
    signals = [{"name": "insult", "items": ["干你娘", "白痴"]}]
    reason = "辱骂（0.95）：辱骂用语：干你娘、白痴"
    assert _quoted_as_written(reason, signals, text, None) == "辱骂（0.95）：辱骂用语：幹你娘、白癡"
    # an item the reason does not quote is left alone, and so is one the message does not hold as such
    assert _quoted_as_written("广告：联系方式 微信 abc123", [{"items": ["微信 abc123"]}], "加我vx abc123", None) \
        == "广告：联系方式 微信 abc123"


def test_long_text_span_still_found() -> None:
    text = "读书会的规矩：" + "大家按时读完每周的章节，" * 60 + "最后说一句，白癡才不读书"
    assert len(text) > textnorm.FOLD_CACHE_CHARS
    assert written_span(text, "白痴") == "白癡"


@pytest.mark.usefixtures("reading")
def test_group_talk_layer_makes_no_cache_per_message(reading: Moderator, monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[Any] = []
    real = pipeline.cache

    def counting(f: Any) -> Any:
        made.append(f)
        return real(f)

    monkeypatch.setattr(pipeline, "cache", counting)
    v = reading.moderate({"id": "1", "user": "阿敏", "text": "今天读到第三章，主角最后的选择让我想了很久，你们怎么看"})
    assert "off_topic" in v.checks["offtopic"]  # the group-talk layer read this message
    assert made == []
