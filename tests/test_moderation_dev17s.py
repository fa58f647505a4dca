"""Round 33, dev17s (issue 17): qa17r11's failure classes, fixed by method. A banned resale or paid booking offered
without its word (above cost, for an added sum, 帮订 for a fee) is the banned trade; sneers at a member's work without
你 are contempt; a reply code + a "worth N" gift is bait whatever the code word; a red-packet demand is spam.
Groups and messages written for these tests (kinds of group not in qa17r11 or the dev sets)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict
from copilot.moderation.signals import put_down

FANCLUB = """
name: 星河演唱会歌迷互助群
positioning: 歌迷交流巡演信息、拼车拼房、应援物料，临时去不了的可以原价转让自己的票
topics: [演唱会, 巡演, 应援, 门票, 拼车]
audience: 歌迷
banned: [黄牛票, 加价转票]
"""

CAMPING = """
name: 山野露营搭子群
positioning: 周边露营爱好者约营、交流装备和营地，允许转让自己的闲置装备
topics: [露营, 帐篷, 营地, 装备, 天幕]
audience: 上班族露营爱好者
banned: [代订营位收费]
"""

PIANO = """
name: 小音符钢琴陪练家长群
positioning: 钢琴陪练老师和学琴孩子家长的群，家长每天发练琴视频打卡，老师点评
topics: [钢琴, 练琴, 打卡, 陪练, 考级]
audience: 学琴孩子的家长
"""

BAKING = """
name: 周末烘焙交流群
positioning: 家庭烘焙爱好者交流配方、烤箱使用和失败经验，晒作品
topics: [烘焙, 面包, 戚风, 配方, 烤箱]
audience: 家庭烘焙爱好者
"""

CLASSMATES = """
name: 九八届三班同学群
positioning: 高中同学联络感情、组织同学聚会、互通近况
topics: [同学聚会, 近况, 母校, 回忆]
audience: 九八届三班的同学
"""


# -- a banned resale or paid booking without its word is the banned trade ------------------------------------------
@pytest.mark.parametrize(("profile", "text"), [
    (FANCLUB, "周六场内票一张 原价680 现在880转 要的私"),                 # passed on above what it cost
    (FANCLUB, "看台票原价是转不了的 加100块给你 诚心要的说"),             # an added sum for handing it over
    (CAMPING, "五一黄金周的营位我都能帮订 每个收50跑腿费"),               # 帮订 is 代订; a fee beside it
])
def test_a_banned_resale_without_its_word_is_an_ad(judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ad" and v.action == "delete", v.reason


@pytest.mark.parametrize(("profile", "text"), [
    (FANCLUB, "临时出差去不了 看台票一张原价480转 有要的吗"),            # face value: allowed
    (FANCLUB, "内场票原价1280 现在1000出 临时有事实在去不了"),            # below cost: a loss, not a resale
    (CAMPING, "闲置的天幕原价399 现在150出 九成新"),                      # own used gear, cheaper
    (CAMPING, "这周六营地AA 每人加20块买柴火 接龙"),                     # an added sum for the outing, nothing passed on
])
def test_passing_on_at_or_below_cost_is_not_the_banned_trade(judge: Callable[[str, str], Verdict], profile: str,
                                                              text: str) -> None:
    v = judge(profile, text)
    assert v.action == "none", v.reason
    assert "加价转票" not in v.reason and "代订营位收费" not in v.reason


def test_a_markup_is_no_trade_where_nothing_resold_is_banned(judge: Callable[[str, str], Verdict]) -> None:
    # the same words in a group that bans no resale cite no banned item
    v = judge(PIANO, "二手电钢原价2000 现在2500转 要的私我")
    assert "群规禁止" not in v.reason


# -- sneers at a member's work without 你 are contempt ------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "弹成这样还天天发视频打卡 浪费纸都比这强",
    "有些孩子就是教也白教 朽木不可雕",
    "弹成这样还好意思报十级",   # (弹成这个样子… the abuse model scores 0.33: it must agree, so that one passes)
])
def test_an_unaddressed_sneer_at_someones_work_is_abuse(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(PIANO, text)
    assert v.label == "abuse", v.reason


@pytest.mark.parametrize("text", [
    "我家孩子练成这样也不容易 坚持一年了",                 # praise, not a sneer
    "今天弹成这样了 手太僵 老师帮看看哪里不对",             # the writer's own playing
    "这首曲子浪费了好多时间才练熟 终于能打卡了",
])
def test_talk_about_ones_own_work_is_not_a_sneer(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(PIANO, text)
    assert v.label != "abuse" and v.action == "none", v.reason


def test_the_work_sneer_form_needs_daring_to_carry_on() -> None:
    assert put_down().search("写成这样还天天打卡") is not None
    assert put_down().search("练成这样也不容易") is None
    assert put_down().search("写成这样") is None


# -- reply bait whatever its code word ------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "回复“戚风”领取价值299的烘焙大师课 先到先得",           # the code word is the group's own topic
    "回复「面包」送价值99的配方合集 手慢无",
])
def test_reply_bait_with_a_topic_code_word_is_an_ad(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(BAKING, text)
    assert v.label == "ad" and v.action == "delete", v.reason


@pytest.mark.parametrize("text", [
    "戚风配方我整理好了 想要的回复一下 我发群文件",
    "这个烤箱性价比挺高 很有价值 回复楼上 我也在用",
    "周六烘焙小聚名额有限 先到先得 群里接龙",
])
def test_a_members_own_reply_or_rush_is_not_bait(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(BAKING, text)
    assert v.action == "none", v.reason


# -- red-packet demands are spam, a reminder ------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "🧧🧧红包来了 大家快抢 下一个谁发 不发的不够意思",
    "周末了 发个拼手气 每人都要发一个 不发的踢出去",
])
def test_a_red_packet_demand_is_spam_with_a_reminder(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(CLASSMATES, text)
    assert v.label == "spam" and v.action == "remind", v.reason


@pytest.mark.parametrize("text", [
    "今天我生日 发个红包大家乐呵乐呵",
    "聚会AA的钱我收齐了 多出来的发红包退给大家",
    "红包收到了 谢谢班长",
])
def test_a_members_own_red_packet_is_left_alone(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(CLASSMATES, text)
    assert v.label != "spam" and v.action in {"none", "review"}, v.reason
