"""Round 60 speed work (issue 17): one look for what every match needs, before the detectors' own searches.

``literals.required_literals`` reads a compiled pattern and gives strings one of which every match contains. Two uses,
both only skipping work: the word lists that are no plain alternation (denials, edges and patterns joined to them:
``ad.weak``, ``abuse.strong``…) join the one walk of ``LexiconHits`` by these strings, so ``detect`` skips more of the
detectors that need a list (also ``_targeted``, ``_vote``, ``_rival``, ``_group_deal``, ``_service_pitch``); and a
pattern the engine cannot skip places for (it opens with a lookbehind or a class) runs behind ``literals.Gated``, which
answers "no match" when none of the strings is written. These tests pin every answer to the plain patterns' and the
detectors' own on realistic messages, hostile spellings included."""

from __future__ import annotations

import re
from dataclasses import fields
from typing import Any

import pytest

from copilot.moderation import signals
from copilot.moderation.literals import Gated, gated, required_literals
from copilot.moderation.normalise import normalise

MESSAGES = [
    "今天天气不错，大家周末愉快", "群主好，请问这周六读书会几点开始？", "这本书第三章写得真好，推荐大家看看",
    "加我微信看看我的店，全场八折", "不打折不包邮，爱买不买", "有需要的私聊，价格美丽，厂家直销",
    "别私聊我，私聊我也不回", "谁发个红包庆祝一下，不发踢了", "群主快发红包啦，下一个谁发",
    "你个仆街，冇脑就唔好出声", "你就是个废物，滚出去", "外地人就是素质低", "回家玩泥巴去吧，一看就是没读过书的",
    "5.4米的车，50米一趟", "沙比吧你，再说一句试试", "帮我家孩子投一票吧，谢谢大家",
    "本店新品上市，几十款任选，欢迎选购", "另外我这还有好几台新的，同款没拆", "回复888领取资料，前30名送书",
    "群友一律八折，群友价再减10元", "我做瑜伽私教，一节课200，感兴趣私聊报名", "电话 028-8555 1234 联系王师傅",
    "台湾手机 0912 345 678，line 搜 abc123", "看头像有联系方式", "v：al 2 0 2 4 5 6", "加扣 12345678 详聊",
    # hostile spellings: zero-width, full-width, padding, emoji between characters
    "加\u200b微\u200b信\u200bab12345", "ｖｘ：ｋｉｔｅ２０２４ 私聊", "私 聊 我 ， 清 仓 甩 卖 ， 最 后 几 套",
    "可以🤙🏻私🙏我，便宜出", "谁\u200d发个红包", "不\u3000打折，买一送一", "k i t e 2 0 2 4 加我",
    "ＱＱ群：１２３４５６７８９ 入群送资料", "买家秀好评返现５元，截图找客服", "             私聊            ",
]


def _forms(text: str) -> list[str]:
    n = normalise(text)
    return [n.compact, n.folded, n.digits, n.raw, signals.in_mandarin(n.compact)]


def test_required_literals_read_off_a_pattern() -> None:
    assert required_literals(re.compile("(?<!不)(?<!无)(?:打折|包邮|优惠(?:券)?)")) == {"打折", "包邮", "优惠", "优惠券"}
    assert required_literals(re.compile(r"加(?:微|v)\s*[:：]?\s*([a-z0-9]{5,})")) == {"加微", "加v"}
    assert required_literals(re.compile(r"\d+\s*(?:元|块)")) == {"元", "块"}
    assert required_literals(re.compile(r"前\s*[0-9]+\s*(?:名|位)|手慢无")) == {"前", "手慢无"}  # the shorter set of equally short strings
    assert required_literals(re.compile(r"(?:回复)?\d{3}")) is None  # a match may hold no literal at all
    assert required_literals(re.compile(r"a?|b")) is None  # … or be empty
    assert required_literals(re.compile("vx", re.IGNORECASE)) is None  # case ignored: not told


@pytest.mark.parametrize("rx", [re.compile("(?<!不)(?:打折|包邮)"), re.compile(r"(?<![a-z])q(\d{5,11})(?!\d)"),
                                re.compile(r"[0-9]{2,}(?:款|台)")])
def test_a_gated_pattern_answers_as_the_pattern(rx: re.Pattern[str]) -> None:
    g = gated(rx)
    assert isinstance(g, Gated) and g.pattern == rx.pattern
    for text in ["不打折", "全场打折包邮", "q12345678 加我", "今天天气不错", "四十款 30台", ""]:
        assert (m.span() if (m := g.search(text)) else None) == (m.span() if (m := rx.search(text)) else None)
        assert g.findall(text) == rx.findall(text)
        assert [m.span() for m in g.finditer(text)] == [m.span() for m in rx.finditer(text)]
        assert g.sub("|", text) == rx.sub("|", text) and g.split(text) == rx.split(text)
    assert gated(re.compile("打折|包邮")) is not None and not isinstance(gated(re.compile("打折|包邮")), Gated)  # engine skips


def _raw(rx: Any) -> Any:
    return rx.rx if isinstance(rx, Gated) else rx


def test_every_gate_holds_on_realistic_and_hostile_messages() -> None:
    lex, pats = signals.lexicons(), signals.patterns()
    assert lex.hits is not None and len(lex.hits.gated - lex.hits.plain) >= 15
    gated_pats = [f.name for f in fields(pats) if isinstance(getattr(pats, f.name), Gated)]
    assert {"negated_invite", "money", "landline"} <= set(gated_pats)  # plain re.Pattern before round 60
    for text in MESSAGES:
        for form in _forms(text):
            present = lex.hits.present(form)
            for key, rx in lex.words.items():
                raw = _raw(rx)
                assert [m.span() for m in rx.finditer(form)] == [m.span() for m in raw.finditer(form)], (key, text)
                if key in lex.hits.gated and raw.search(form):
                    assert key in present, (key, text)
            for name in gated_pats:
                rx = getattr(pats, name)
                assert [m.span() for m in rx.finditer(form)] == [m.span() for m in rx.rx.finditer(form)], (name, text)
            for rx in (signals.group_slur(), signals.put_down(), signals.slang_lengths()):
                assert isinstance(rx, Gated)
                assert [m.span() for m in rx.finditer(form)] == [m.span() for m in rx.rx.finditer(form)], (rx, text)


def test_more_detectors_skip_a_message_without_their_words() -> None:
    needs = signals.signal_table().needs
    assert {"insult", "threat", "severe_insult", "vote", "group_deal", "service_pitch"} <= set(needs)
    idle = signals.signal_table().idle(signals.lexicons().hits.present(normalise("今天天气不错，大家周末愉快").compact))
    assert {"insult", "threat", "vote"} <= idle


@pytest.mark.parametrize("text", MESSAGES)
def test_detect_as_without_the_gates(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    n = normalise(text)
    kw: dict[str, Any] = {"topic_text": "读书 分享", "platform": "qq"}
    kept = [repr(signals.detect(n, **kw)), repr(signals.detect(n, shop=True, **kw))]
    lex, pats, table = signals.lexicons(), signals.patterns(), signals.signal_table()
    plain_lex = signals.Lexicons(**{f.name: getattr(lex, f.name) for f in fields(lex)} | {
        "words": {k: _raw(rx) for k, rx in lex.words.items()}, "hits": None})
    plain_pats = signals.Patterns(**{f.name: _raw(getattr(pats, f.name)) for f in fields(pats)})
    monkeypatch.setattr(signals, "lexicons", lambda: plain_lex)
    monkeypatch.setattr(signals, "patterns", lambda: plain_pats)
    for name in ("group_slur", "put_down", "slang_lengths"):
        plain = _raw(getattr(signals, name)())
        monkeypatch.setattr(signals, name, lambda plain=plain: plain)
    monkeypatch.setitem(table.__dict__, "needs", {})  # no detector skipped
    monkeypatch.setitem(table.__dict__, "_idle", {})
    assert [repr(signals.detect(n, **kw)), repr(signals.detect(n, shop=True, **kw))] == kept


class _Counting:
    """A pattern that counts its searches."""

    def __init__(self, rx: re.Pattern[str], calls: list[str], name: str) -> None:
        self.rx, self.calls, self.name = rx, calls, name

    def __getattr__(self, attr: str) -> Any:
        self.calls.append(self.name)
        return getattr(self.rx, attr)


@pytest.mark.parametrize("text", ["今天天气不错，大家周末愉快", "这本书第三章写得真好，推荐给大家"])
def test_plain_chat_runs_no_gated_pattern(text: str) -> None:
    pats, calls = signals.patterns(), []
    n = normalise(text)
    # the gated patterns with nothing they need in the message (a pattern needing 天 may run on 今天)
    wrapped = [g for f in fields(pats) if isinstance(g := getattr(pats, f.name), Gated)
               and not any(g.gate.search(form) for form in _forms(text) + [signals.unquoted(n.folded)])]
    assert len(wrapped) >= 10
    for g in wrapped:
        g.rx = _Counting(g.rx, calls, g.pattern[:20])
    try:
        report = signals.detect(n, topic_text="读书 分享")
    finally:
        for g in wrapped:
            g.rx = g.rx.rx
    assert calls == []  # before round 60 each of these patterns searched the message
    assert report.signals == []
