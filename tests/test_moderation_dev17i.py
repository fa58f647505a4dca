"""Round 31, dev17i (issue 17): the profile's banned trade read by meaning (活鸟买卖 bans selling 文鸟 and 金丝熊 as
much as 活鸟), bait and pointers without a contact, a rival business in a shop's own customer group, and a member's
plea (帮我领个红包, 给我的视频点个赞) that is spam to remind, not an ad to delete."""

from __future__ import annotations

from collections.abc import Callable
from itertools import count

import pytest

from copilot.moderation import Moderator
from copilot.moderation.signals import banned_list

FINCH = """
name: 文鸟珍珠鸟饲养群
positioning: 文鸟、珍珠鸟、十姐妹等雀类的饲养交流，分享喂养、育雏、看病经验，互助找走失的鸟
topics: [文鸟, 珍珠鸟, 鸟粮, 繁殖箱, 育雏, 鸟病]
audience: 养雀类小鸟的鸟友
banned: [活鸟买卖, 出售雏鸟, 野生鸟]
"""

HAMSTER = """
name: 仓鼠饲养交流群
positioning: 仓鼠饲养交流，分享笼子布置、垫料、鼠粮和看病经验，新手答疑
topics: [仓鼠, 金丝熊, 鼠粮, 垫料, 跑轮, 造景]
audience: 养仓鼠的鼠友
banned: [活体买卖, 出售幼崽]
"""

ORCHID = """
name: 国兰爱好者交流群
positioning: 春兰、蕙兰、建兰等国兰的养护交流，分享植料、浇水、开花经验
topics: [国兰, 春兰, 蕙兰, 建兰, 植料, 兰盆, 花箭]
audience: 养兰的兰友
banned: [野生兰花买卖, 下山兰]
"""

_IDS = count()


def _judge(make: Callable[[str], Moderator], profile: str, text: str):  # type: ignore[no-untyped-def]
    i = next(_IDS)  # a different member each time, a minute apart: no flood or repeat layer
    return make(profile).moderate({"id": f"m{i}", "user": f"u{i}", "text": text, "ts": 1_767_225_600.0 + 60 * i})


# -- 1: the profile's banned trade, read by the kind it names ---------------------------------------------------
@pytest.mark.parametrize("profile, text, rule", [
    # a litter rehomed for a fee, with the species' name only
    (FINCH, "我家珍珠鸟孵了一窝小宝宝，满月了，有缘人可以接回家，意思一下收个笼子钱 200一只", "活鸟买卖"),
    # 出 + hand-raised + the species at the start of a clause
    (FINCH, "出手养小文鸟两只 很亲人 会上手 需要的私聊", "活鸟买卖"),
    (FINCH, "手养的十姐妹宝宝 低价转 包活", "活鸟买卖"),
    # the wild part said another way, a new shipment and 有要的吗
    (FINCH, "山上的黄雀和红嘴相思鸟有要的吗 刚到了一批 可以视频", "野生鸟"),
    # 活体买卖: the profile's own animals are what 活体 means here
    (HAMSTER, "金丝熊生了一窝 满月了 有缘的领走 收点笼子钱 30一只", "活体买卖"),
    (HAMSTER, "刚到一批布丁仓鼠 有要的吗", "活体买卖"),
    (HAMSTER, "出一对紫仓 包健康", "活体买卖"),
    (ORCHID, "山里挖的蕙兰 50一苗 需要的朋友联系", "野生兰花买卖"),
])
def test_an_offer_of_a_banned_kind_by_its_members_name_is_deleted_citing_the_rule(
        profile_moderator: Callable[[str], Moderator], profile: str, text: str, rule: str) -> None:
    v = _judge(profile_moderator, profile, text)
    assert v.label == "ad" and v.action == "delete", v.reason
    assert f"群规禁止{rule}" in v.reason, v.reason


@pytest.mark.parametrize("profile, text", [
    (FINCH, "珍珠鸟孵出一窝小宝宝了，第一次育雏好紧张，该喂什么？"),       # care advice about a litter
    (FINCH, "有人在闲鱼上卖野生的黄雀，大家别买，已经举报了"),            # a warning
    (FINCH, "文鸟一直啄毛怎么办 之前买的鸟粮30一斤 是不是营养不够"),      # a price of food, not of a bird
    (FINCH, "我的十姐妹是从正规繁殖场买的 300一只 有脚环"),               # what the member paid
    (FINCH, "鸟市上文鸟都卖到200一只了 太贵了"),                          # market talk
    (FINCH, "出两只珍珠鸟的繁殖箱 用不上了"),                              # the bird's gear, not the bird
    (FINCH, "我家文鸟今天第一次上手了 好开心"),
    (HAMSTER, "我家仓鼠宝宝一窝六只 都满月了 好可爱"),
    (HAMSTER, "金丝熊的笼子多大合适 我现在用的60一个"),
    # 野生兰花买卖 and 下山兰 ban the wild ones: a nursery orchid bought with a price is none
    (ORCHID, "今年买的蕙兰 带花苞 80一盆 开得很好"),
    (ORCHID, "听说野生兰花不能挖 大家别去山上挖了"),
])
def test_talk_about_the_banned_kind_is_not_an_offer(
        profile_moderator: Callable[[str], Moderator], profile: str, text: str) -> None:
    v = _judge(profile_moderator, profile, text)
    assert "群规禁止" not in v.reason, v.reason
    assert v.action in ("none", "review"), v.reason


def test_a_banned_item_stands_for_its_kind_by_meaning_not_by_its_letters() -> None:
    birds = banned_list(["活鸟买卖", "出售雏鸟", "野生鸟"], "文鸟饲养群", ("文鸟", "虎皮鹦鹉", "鸟粮"))
    assert birds is not None and birds.kinds is not None
    assert birds.kind_item["画眉"] == "活鸟买卖" and birds.kind_item["虎皮鹦鹉"] == "活鸟买卖"  # the profile's own word
    assert birds.kind_item["一窝"] == "出售雏鸟"  # a litter is cited as the item on the young
    assert "鸟粮" not in birds.kind_item  # bird food is no bird
    # 活体 means the animals the profile keeps; with none named it means nothing
    assert "金丝熊" in banned_list(["活体买卖"], "仓鼠饲养交流群仓鼠", ("仓鼠",)).kind_item  # type: ignore[union-attr]
    assert banned_list(["活体买卖"], "读书会", ("读书",)).kind_item == {}  # type: ignore[union-attr]
    # an item banning the wild ones only, or content about the animal, does not stand for the kind
    assert banned_list(["野生鸟", "虐猫内容"], "", ()).kind_item == {}  # type: ignore[union-attr]
