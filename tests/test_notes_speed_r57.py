"""Round 57 (d00b57): the noise filter asks moderation's detectors only about the lines that can be ads.

The filter acts on a contact, a link and the recruiting or pointing signals only (``noise._ASKED``). A cheap look
(``quick_signals_among``: no Latin letter or digit, no word of those signals' word lists, none of their own patterns)
proves a line can show none of them, and the detectors are not run on it; the verdict is the same as the full look's.

Every chat line below was written for these tests; none is an eval line.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

import pytest
from chat_lines import chat_lines

import copilot.moderation.pipeline as pipeline
from copilot.moderation import quick_signals
from copilot.moderation.pipeline import quick_signals_among
from copilot.notes import noise

START = datetime(2029, 11, 6, 19, 30)

PLAIN = [
    "周六上午的读书会改在社区图书馆三楼，大家别走错地方",
    "这次读的是《额尔古纳河右岸》，每人准备一段最喜欢的段落",
    "我上次没来，能不能把讨论的问题再说一遍？",
    "主持人还是老周，结束以后一起去吃面",
    "我觉得作者写驯鹿那一段特别打动人",
    "下次轮到谁选书，大家商量一下",
]
ADS = [
    "兼职日结，宝妈学生都可以，加微信 hj20291106 了解",      # recruiting words and a contact
    "月入过万不是梦，轻松在家做，私聊我",                        # income and an invitation, no digit
    "扫码进群领取免费资料，名额有限",                            # a QR pointer
    "睇我主頁有詳情，平價出售二手書",                            # a pointer said in Cantonese
    "新书团购链接 https://shop.example.cn/book 今晚截止",       # a link
]


def _gate(report) -> bool:
    """What the noise filter acts on: a contact, a link or one of the signals it asks about."""
    return report is not None and bool(report.contacts or report.urls or set(report.names()) & noise._ASKED)


@pytest.mark.parametrize("text", PLAIN + ADS)
def test_the_cheap_look_agrees_with_the_full_one(text: str) -> None:
    full, cheap = quick_signals(text), quick_signals_among(text, noise._ASKED)
    assert _gate(cheap) == _gate(full), (text, full and full.names())
    if cheap is not None:  # read whole: the very same report
        assert cheap.names() == full.names() and cheap.contacts == full.contacts and cheap.urls == full.urls


def test_plain_lines_skip_the_detectors_and_ads_are_still_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    read: Counter = Counter()
    real = pipeline.detect

    def counting(n, **kw):
        read[n.raw] += 1
        return real(n, **kw)

    monkeypatch.setattr(pipeline, "detect", counting)
    noise._signals.cache_clear()
    noise._analysis.cache_clear()
    try:
        lines = [f"书友{i}|{t}" for i, t in enumerate(PLAIN)] + [f"路人{i}|{t}" for i, t in enumerate(ADS)]
        kept, dropped = noise.clean_noise(chat_lines(*lines, start=START))
    finally:
        noise._signals.cache_clear()
        noise._analysis.cache_clear()
    assert [m.text for m in kept] == PLAIN
    assert [d.reason for d in dropped] == [noise.AD_REASON] * len(ADS), [(d.text, d.reason) for d in dropped]
    assert not [t for t in PLAIN if read[t]], "the detectors read a line that can be no ad"
    assert all(read[t] for t in ADS)
