"""Round 57 speed work (issue 17): the word-list detectors run only where their lists have a word.

About half of the signal table's detectors (signals.yaml rows with only ``words`` or a ``combo``) do nothing but search
one or more plain word lists of lexicons.yaml in the compact text. One walk of a tree of every plain list's words
(``LexiconHits.present``) tells which lists have a word in the message; ``detect`` skips the detectors that need a list
with none — they had nothing to find — so a message without such words no longer pays ~30 detector calls."""

from __future__ import annotations

from typing import Any

import pytest

from copilot.moderation import signals
from copilot.moderation.normalise import normalise

PLAIN_CHAT = ["今天天气不错，大家周末愉快", "这本书第三章写得真好", "群主好，请问这周六读书会几点开始？"]
WITH_CUES = ["帮我家孩子投一票吧，谢谢大家", "加我微信看看我的店，全场八折", "你个仆街，冇脑就唔好出声",
             "家人们帮忙转发一下，转发俾屋企人都得", "扫码进群领福利，回复666送资料", "不要中介费，房东直租，私聊我"]


def _word_list_detectors() -> list[str]:
    table = signals.signal_table()
    return [s.name for s in table.specs if not s.mask and signals.detector(s) in (signals._words, signals._combo)]


def _counting(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    table = signals.signal_table()
    calls: dict[str, int] = {}
    for name in _word_list_detectors():
        real = table.detectors[name]

        def counting(scan: Any, spec: Any, real: Any = real, name: str = name) -> Any:
            calls[name] = calls.get(name, 0) + 1
            return real(scan, spec)
        monkeypatch.setitem(table.detectors, name, counting)
    return calls


@pytest.mark.parametrize("text", PLAIN_CHAT)
def test_plain_chat_runs_no_word_list_detector(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    assert len(_word_list_detectors()) >= 25
    calls = _counting(monkeypatch)
    report = signals.detect(normalise(text), topic_text="读书 分享 共读")
    assert calls == {}  # before round 57 each of the ~30 ran and found nothing
    assert report.signals == []


def test_a_cue_runs_only_the_detectors_of_its_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counting(monkeypatch)
    report = signals.detect(normalise("加我微信看看我的店，全场八折"))
    assert 0 < sum(calls.values()) < len(_word_list_detectors()) // 2
    assert {"invite", "self_promo"} <= set(report.names())


@pytest.mark.parametrize("text", PLAIN_CHAT + WITH_CUES)
def test_findings_as_without_the_skip(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    table = signals.signal_table()
    n = normalise(text)
    kept = signals.detect(n, topic_text="读书 分享")
    monkeypatch.setitem(table.__dict__, "needs", {})  # no detector skipped
    monkeypatch.setitem(table.__dict__, "_idle", {})
    assert repr(signals.detect(n, topic_text="读书 分享")) == repr(kept)


def test_present_finds_overlapping_and_nested_words() -> None:
    hits = signals.LexiconHits({"a": ["微信", "加微"], "b": ["信"], "c": ["看看我的店"], "d": ["vx"]}, {"a", "b", "c", "d"})
    assert hits.present("加微信") == {"a", "b"}  # 加微 and 微信 overlap, 信 inside 微信
    assert hits.present("快来看看我的店铺") == {"c"}
    assert hits.present("加vx吧") == {"d"}
    assert hits.present("今天天气不错") == frozenset()


def test_every_plain_list_that_matches_is_present() -> None:
    lex = signals.lexicons()
    assert lex.hits is not None and len(lex.hits.plain) > 200
    for text in PLAIN_CHAT + WITH_CUES:
        c = normalise(text).compact
        present = lex.hits.present(c)
        assert all(k in present for k in lex.hits.plain if lex.words[k].search(c))
