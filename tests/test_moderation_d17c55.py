"""Round 55, d17c55 (issue 17): the fresh QA's findings. A long repetitive message with an ad in its middle; garbled
evidence in reasons (a handle named for the wrong app, a negated promo word, fragments quoted as chatter words); the
reply's script on a re-delivered OneBot event; poaching members to a rival group; mute lengths in hours and days; a
chat's text export given to ``copilot moderate``. Groups and messages written for these tests (a Shenzhen community
fruit group-buy on WeChat, a Hong Kong hiking club on WhatsApp)."""

from __future__ import annotations

from collections.abc import Callable

from copilot.moderation import Verdict

GROUPBUY = """
name: 龙华锦绣苑水果团购群
positioning: 锦绣苑小区邻居的水果团购群，团长每周两次从产地拼单，大家接龙下单、楼下自提
topics: [水果, 团购, 接龙, 自提, 草莓, 砂糖橘]
audience: 锦绣苑业主
platform: wechat
banned: [其他团购, 微商]
"""

HIKE = """
name: 西貢行山隊
positioning: 香港西貢一帶的週末行山隊，隊長帶路，分享路線、裝備和天氣
topics: [行山, 路線, 裝備, 西貢, 麥理浩徑]
audience: 香港的行山愛好者
platform: whatsapp
script: zh-Hant
"""

Judge = Callable[[str, str], Verdict]
ACTED = ("delete", "warn", "mute", "kick")


# --- 1. a long message: an ad in a repetitive middle, and what was not read --------------------------------------------

def test_an_ad_in_the_middle_of_a_repetitive_long_message_decides(judge: Judge) -> None:
    pad = "今天小区门口的砂糖橘到了。" * 1600  # ~20,800 characters each side: the head and tail read as a flood
    v = judge(GROUPBUY, pad + "想要便宜货的加微信 lyg88990011 内部低价代购" + pad)
    assert v.label == "ad" and v.action in ACTED, v.reason
    assert "广告在第" in v.reason  # the reason says where in the message it was found


def test_a_repetitive_long_message_partly_unread_goes_to_a_person(judge: Judge) -> None:
    v = judge(GROUPBUY, "今天小区门口的砂糖橘到了。" * 3500)  # 45,500 characters: past what the middle reads
    assert v.label == "spam" and v.action == "review", v.reason
    assert "没有读" in v.reason


def test_a_short_flood_is_still_only_reminded(judge: Judge) -> None:
    v = judge(GROUPBUY, "哈" * 300)
    assert v.action != "review", v.reason
