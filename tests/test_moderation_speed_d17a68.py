"""Round 68 (d17a68): per-message work done once — the price parser, the red-packet ask's pattern and the banter check
are remembered for one message's text, and give the answers they gave before."""

from __future__ import annotations

from copilot.moderation.normalise import normalise
from copilot.moderation.signals import _ask_then_gift, _said_prices, detect, said_prices
from copilot.moderation.veiled import banter


def test_said_prices_remembered_but_a_fresh_list_each_time() -> None:
    folded = normalise("这把琴原价600，现在300俾街坊，要的私聊").folded
    first = said_prices(folded)
    assert first == ["600", "300"]
    first.append("999")  # a caller that changes its list changes nothing for the next one
    assert said_prices(folded) == ["600", "300"]
    assert said_prices(folded) is not said_prices(folded)
    assert list(_said_prices.__wrapped__(folded)) == ["600", "300"]  # the same parse as without the memory
    assert said_prices(normalise("今晚一起练琴吗，老地方见").folded) == []


def test_packet_ask_found_with_its_pattern_compiled_once() -> None:
    assert "packet_beg" in [s.name for s in detect(normalise("有没有老板求个红包呀，今天手气太差了")).signals]
    # the ask and the gift apart are two things: "给我点时间" then a red packet the writer will send
    assert "packet_beg" not in [s.name for s in detect(normalise("给我点时间，红包晚上发给大家")).signals]
    before = _ask_then_gift.cache_info()
    detect(normalise("求个红包沾沾喜气，谢谢各位大佬"))
    after = _ask_then_gift.cache_info()
    assert after.misses == before.misses and after.hits > before.hits  # no new pattern put together for a message


def test_banter_remembered_with_the_same_answers() -> None:
    warm, cold = normalise("加油啊，下次我陪你练").folded, normalise("你这水平也好意思发出来").folded
    for text, expected in ((warm, True), (cold, False), (warm, True)):
        assert banter(text) is expected
        assert banter.__wrapped__(text) is expected
