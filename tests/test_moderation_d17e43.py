"""Round 43, d17e43 (issue 17): a seller is a seller by how the message speaks, not by the classifier alone. A dealer's
post with no contact and no link (a business's own voice, where the goods come from, trade terms, a range, agents
recruited, a catalogue's count: lexicons.yaml resale.seller_form, patterns.yaml catalogue) is an ad by rule evidence —
two forms stand alone, one needs company — while a member's own talk about prices, shops and group-buys has none.
Groups and messages written for these tests (a home coffee roasting group, a bicycle repair mutual-help group)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict
from copilot.moderation.normalise import normalise
from copilot.moderation.signals import lexicons

ROAST = """
name: 家庭烘豆交流群
positioning: 在家自己烘咖啡豆的人交流生豆、烘焙曲线、器具和冲煮
topics: [烘豆, 生豆, 烘焙曲线, 一爆, 二爆, 养豆, 手冲, 磨豆机, 产区, 耶加雪菲, 云南]
audience: 在家烘豆的咖啡爱好者
type: 兴趣型
"""

BIKE = """
name: 社区单车修车互助群
positioning: 小区里骑车的邻居互相帮忙修车、调变速、换胎，交流配件和骑行路线
topics: [修车, 变速, 刹车, 换胎, 补胎, 链条, 配件, 骑行, 车架]
audience: 小区骑车的邻居
type: 兴趣型
"""


def seller_form(text: str) -> list[str]:
    return lexicons().words["resale.seller_form"].findall(normalise(text).folded)


@pytest.mark.parametrize("text", [
    "我们厂专做生豆，埃塞、哥伦比亚、云南等三十多个产区现货供应，批发零售",
    "烘豆机源头厂家，家用商用型号齐全，现诚招各地经销商",
    "山地车公路车配件几百种，刹车变速链条全品类，修车店批量拿货有优惠",
])
def test_a_dealers_post_with_no_contact_or_link_is_an_ad_by_its_seller_form(
        judge: Callable[[str, str], Verdict], text: str) -> None:
    profile = BIKE if "车" in text else ROAST
    v = judge(profile, text)
    assert v.label == "ad", v.reason
    assert v.checks["signals"] and any(s["name"] == "seller_form" for s in v.checks["signals"]), v.checks["signals"]
    assert "商家口吻" in v.reason


@pytest.mark.parametrize("text", [
    "我在云南的豆农那里买的生豆，三十块一斤，烘了两锅感觉还行",
    "小区门口那家车店老板手艺好，换个刹车线才二十，推荐大家去",
    "有没有人拼单买生豆？五公斤起拼，价格能便宜点",
    "这两年我喝过二十多种豆子，最喜欢的还是耶加雪菲",   # one catalogue-like count and nothing else: no company
])
def test_a_members_own_talk_about_prices_shops_and_group_buys_stays_ok(
        judge: Callable[[str, str], Verdict], text: str) -> None:
    profile = BIKE if "车" in text else ROAST
    v = judge(profile, text)
    assert v.label == "ok", v.reason
    assert v.action == "none"


@pytest.mark.parametrize(("text", "hits"), [
    ("库存还有一百多台，型号齐全", ["库存还有", "一百多台", "型号齐全"]),
    ("生豆上百个品种，支持一件代发", ["上百个品种", "一件代发"]),
    ("我有三把用不上的扳手，谁要拿走", []),      # a member's few are no catalogue
    ("家里的猫生了六只小猫", []),
])
def test_a_catalogues_count_is_many_kinds_or_much_stock_not_a_members_few(text: str, hits: list[str]) -> None:
    assert seller_form(text) == hits
