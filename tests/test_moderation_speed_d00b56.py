"""Round 56 speed work (issue 17): no work done twice for one message.

A message's text is cut by jieba once per mode, however many layers read its words: the off-topic layer's word
readings (unknown nouns, invitation objects, the outing's places) used to call ``jieba.lcut`` on text the signal layers
had already cut through ``textnorm.cut_words``'s cache — the same words, cut again. And a message with no purpose's
cue word (evidence.yaml) is told so by one search, not by reading every purpose's word list each time it is asked."""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path
from typing import Any

import jieba
import pytest

from copilot.config import Settings
from copilot.evals.moderation import DATA_DIR
from copilot.moderation import evidence
from copilot.moderation.labels import Label
from copilot.moderation.pipeline import Moderator
from copilot.profile import load_profile
from copilot.textnorm import cut_words


@pytest.fixture
def reading(tmp_path: Path) -> Moderator:
    mod = Moderator(Settings(data_dir=tmp_path, llm_provider="offline"),
                    load_profile(DATA_DIR / "profiles" / "reading.yaml"), audit=None)
    mod.moderate({"id": "w", "user": "w", "text": "这周共读的书大家读到第几章了"})  # tables and jieba loaded
    return mod


def _counting_cuts(monkeypatch: pytest.MonkeyPatch) -> Counter[tuple[str, bool]]:
    calls: Counter[tuple[str, bool]] = Counter()
    real = jieba.Tokenizer.cut

    def counting(self: Any, sentence: str, *args: Any, **kwargs: Any) -> Any:
        hmm = kwargs.get("HMM", args[1] if len(args) > 1 else True)
        calls[(sentence, bool(hmm))] += 1
        return real(self, sentence, *args, **kwargs)

    monkeypatch.setattr(jieba.Tokenizer, "cut", counting)
    return calls


@pytest.mark.parametrize("text", ["昨晚那场球赛太精彩了梅西又进了两个球",
                                  "周末一起去迪士尼玩吗有没有人想去的",
                                  "今天大盘又绿了我的基金亏麻了"])
def test_no_text_is_cut_twice_in_one_mode(reading: Moderator, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    calls = _counting_cuts(monkeypatch)
    v = reading.moderate({"id": "1", "user": "u1", "text": text})
    assert v.label in set(Label)
    assert calls, "the off-topic layer reads the message's words"
    twice = {k: n for k, n in calls.items() if n > 1}
    assert not twice, twice


def test_the_cached_cut_is_jiebas_own() -> None:
    for text in ["嗰集宫斗剧真係好睇", "周六下午两点读书会在三楼活动室，记得带书～", "用pandas读股票数据报错了怎么办",
                 "加我薇 信：abc123456，低价代购！！", ""]:
        assert cut_words(text) == jieba.lcut(text)
        assert cut_words(text, hmm=False) == jieba.lcut(text, HMM=False)


class _Counted(tuple):  # type: ignore[type-arg]
    """A purpose's cue words that count how often they are read word by word."""

    reads = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        _Counted.reads += 1
        return super().__iter__()


def test_a_message_with_no_notice_cue_reads_no_purposes_word_list(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = evidence.evidence_rules()
    counted = dataclasses.replace(rules, notices=tuple((_Counted(words), not_with) for words, not_with in rules.notices))
    monkeypatch.setattr(evidence, "evidence_rules", lambda: counted)
    evidence.notice_purpose("寻狗启事：昨天在小区东门走丢一只柯基，有看到的请联系我")  # the one search is built here
    _Counted.reads = 0
    assert evidence.notice_purpose("这周共读的百年孤独我读到第五章了，人名真的太容易混") is None
    assert evidence.corroboration("ad", {"signals": []}, text="周六下午两点读书会在三楼活动室，记得带书") == \
        {"layers": {}, "count": 0, "enough": False}
    assert _Counted.reads == 0


@pytest.mark.parametrize("text", ["寻狗启事：昨天在小区东门走丢一只柯基，有看到的请联系我", "明早七点从南门出发去机场，顺路的可以拼车，油费平摊",
                                  "这周共读的百年孤独我读到第五章了", "找不到集合点的话给我打电话"])
def test_the_purposes_found_are_the_word_by_word_ones(text: str) -> None:
    rules = evidence.evidence_rules()
    assert evidence._purposes_in(text) == [i for i, (words, not_with) in enumerate(rules.notices)
                                           if any(w in text for w in words) and not any(b in text for b in not_with)]
