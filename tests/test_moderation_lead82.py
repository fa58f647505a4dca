"""Round 82 (lead, issue 17; from the fresh tester qa17r25). A trade group whose profile lets members post what they
buy and sell (「同行发收货出货信息可以留电话微信」) had a member's buying post deleted for 有货的联系我 — a seller's word to
the old reading; permissions.yaml now has a ``trade`` category (同行收货、出货), whose posts are the group's business.
A beating promised each time without 你 after 见 (我见一次打你一次) and a member's stall to be smashed (我找人砸了你的站)
are threats; Cantonese 真係 (真是) generalises a put-down of a people (啲新移民真係冇規矩). Messages written for these
tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict
from copilot.moderation.labels import ACTED
from copilot.moderation.permissions import granted

RECYCLERS = """
name: 洛阳废品回收同行群
positioning: 洛阳周边回收站老板互通废纸、废铁、废塑料的行情，同行发收货出货信息可以留电话微信
topics: [废纸价格, 废铁价格, 塑料颗粒, 打包站]
audience: 洛阳及周边的回收站老板
type: 同行交流
banned: [收购井盖, 收购赃物]
"""
KNITTERS = """
name: 毛线编织交流群
positioning: 爱好者交流棒针钩针编织技法、毛线选购和作品
topics: [棒针, 钩针, 毛线, 编织图解]
audience: 编织爱好者
type: 兴趣型
"""


def test_a_profile_that_names_buying_and_selling_posts_grants_trade() -> None:
    assert "trade" in granted("洛阳周边回收站老板互通行情，同行发收货出货信息可以留电话微信")
    assert "trade" not in granted("爱好者交流编织技法，禁止发收货出货信息")  # a negation grants nothing
    assert "trade" not in granted("爱好者交流棒针钩针编织技法、毛线选购和作品")


@pytest.mark.parametrize("text", [
    "伊川这边打包站收黄板纸1.35，有货的联系我 13937912345",
    "长期收废铁，现款结算，有货的打我电话 15838861234",
])
def test_a_members_buying_post_in_the_trade_group_is_not_acted_on(judge: Callable[[str, str], Verdict],
                                                                   text: str) -> None:
    v = judge(RECYCLERS, text)
    assert v.action not in ACTED, (text, v.label, v.action, v.reason)


@pytest.mark.parametrize("text", [
    "收购井盖，价格好说，有货的联系我 13937912345",  # what the group bans stays an ad
    "专业代开各类发票，低价出，联系 15838861234",  # a seller's scam
    "兼职日结，手机点赞一单五块，有意者加V：fc8888a",  # a stranger's pitch
])
def test_banned_goods_and_pitches_in_the_trade_group_stay_ads_acted_on(judge: Callable[[str, str], Verdict],
                                                                         text: str) -> None:
    v = judge(RECYCLERS, text)
    assert v.label == "ad" and v.action in ACTED, (text, v.label, v.action, v.reason)


def test_the_same_buying_post_where_trade_is_not_granted_is_still_an_ad(
        judge: Callable[[str, str], Verdict]) -> None:
    v = judge(KNITTERS, "长期收废铁，现款结算，有货的打我电话 15838861234")
    assert v.label == "ad", (v.label, v.action, v.reason)
    assert judge(RECYCLERS, "长期收废铁，现款结算，有货的打我电话 15838861234").label != "ad"


@pytest.mark.parametrize("text", [
    "你再去池塘边上乱拍，我见一次打你一次",
    "再压我价，我找人砸了你的站",
])
def test_a_promised_beating_or_smashing_is_abuse_acted_on(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(KNITTERS, text)
    assert v.label == "abuse" and v.action in ACTED, (text, v.label, v.action, v.reason)


@pytest.mark.parametrize("text", [
    "我再打你一次电话，你接一下",
    "这次真是砸了我的招牌，怪我自己没织好",
    "砸钱买好毛线不如先练好针法",
])
def test_the_same_words_without_a_threat_are_not_abuse(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(KNITTERS, text)
    assert v.label != "abuse" and v.action not in ACTED, (text, v.label, v.action, v.reason)


def test_a_cantonese_put_down_of_a_people_is_read_as_abuse(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(KNITTERS, "啲新移民真係冇規矩，一嚟就搶位")
    assert v.label == "abuse", (v.label, v.action, v.reason)
    kind = judge(KNITTERS, "新来的朋友真是热情，谢谢大家帮忙")
    assert kind.label != "abuse", (kind.label, kind.reason)
