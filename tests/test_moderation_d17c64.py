"""Round 64, d17c64 (issue 17): a member's call to join in, in the words groups use for it, and a price said in Chinese
numerals.

1. lexicons.yaml ``ad.join_call`` gains 想跟的, 还缺 and 拼个车: "想跟的加我微信…", "还缺个男中音…的加我", "…的加我微信 拼个车"
   are a member calling the others along on the group's own subject (Moderator._joined_activity), not a lead. The same
   words beside a price, or in a stranger's paid tour, are still acted on.
2. signals.numeral_amounts reads a sum said in Chinese numerals (一人一百五, 两百一位, 八十块, 一千二) as its digits where
   the join-in and record layers look for a price (Moderator._nothing_on_offer), so a priced join call with a profile
   word in it is no free outing; a count, a measure, an ordinal or a small number (三十人, 十五公里, 第二十届, 十一) stays
   as written.
Groups and messages written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Moderator
from copilot.moderation.labels import ACTED, Label
from copilot.moderation.signals import numeral_amounts, said_prices

HIKING = """
name: 江北周末登山群
positioning: 江北一带周末一起爬山徒步的群友，交流路线、集合时间和装备，活动AA不赚钱
topics: [徒步, 爬山, 路线, 集合, 装备, 登山杖, 下撤]
type: 兴趣型
banned: [商业领队收费团, 户外店推广]
"""

CHOIR = """
name: 枫林社区老年合唱团
positioning: 枫林社区合唱团团员群，团长发排练和演出通知，团员请假、交流声部和唱法
topics: [合唱, 排练, 声部, 演出, 合唱谱, 汇演]
type: 兴趣型
banned: [声乐课广告, 保健品推销]
"""

RUNNING = """
name: 滨江夜跑团
positioning: 滨江步道每周二、四晚上一起夜跑，新手老手都欢迎，交流配速、拉伸和跑鞋
topics: [夜跑, 配速, 拉伸, 跑鞋, 间歇跑, 领跑]
type: 兴趣型
banned: [卖号码布, 代跑, 保健品推销]
"""


@pytest.mark.parametrize(("profile", "text", "cue"), [
    (HIKING, "周日想走青龙峡那条线的加我微信 gao_pashan 拼个车，慢慢走不赶", "拼个车"),
    (CHOIR, "三重唱还缺个女低音，愿意周四早点来合一遍的加我微信 alto_fang", "还缺"),
    (RUNNING, "刚开始跑的别怕掉队，周二晚上我带慢配速，想跟的加我微信 slow_pace_wu", "想跟的"),
])
def test_a_members_join_call_in_these_words_is_not_acted_on(profile_moderator: Callable[[str], Moderator],
                                                            profile: str, text: str, cue: str) -> None:
    v = profile_moderator(profile).moderate({"id": "j1", "user": "qunyou", "text": text})
    assert v.label == Label.OK and v.action not in ACTED, v.reason
    assert cue in v.checks["belongs"]["join"], v.checks.get("belongs")


@pytest.mark.parametrize(("profile", "text"), [
    (HIKING, "周日青龙峡一日游，想跟的加我微信 ly_tour66，一人一百五，包车包午饭"),
    (HIKING, "专业领队带队爬山穿越，还缺三位，两百一位含保险，加我微信 lingdui_zh"),
    (HIKING, "周六拼个车去爬山，车费一人八十块，想去的加我微信 che_wang88"),
    (RUNNING, "想跟的加我微信 pace_run，专业配速员带跑，一个月三百"),
    (CHOIR, "声部还缺人？声乐私教一节课两百，想学的加我微信 vocal_t"),
])
def test_the_same_words_with_a_price_in_chinese_numerals_are_still_acted_on(
        profile_moderator: Callable[[str], Moderator], profile: str, text: str) -> None:
    v = profile_moderator(profile).moderate({"id": "a1", "user": "seller", "text": text})
    assert v.label == Label.AD and v.action in ACTED, v.reason
    assert not (v.checks.get("belongs") or {}).get("join"), v.checks.get("belongs")


def test_a_priced_join_call_with_a_profile_word_is_no_free_outing(profile_moderator: Callable[[str], Moderator]) -> None:
    mod = profile_moderator(HIKING)
    free = mod.moderate({"id": "f1", "user": "lao_he", "text": "周日想约的加我微信 he_trail8，爬山路线已定，五点半集合"})
    paid = mod.moderate({"id": "p1", "user": "tour_he", "text": "周日想约的加我微信 tour_he8，爬山路线已定，一人一百五，包车"})
    assert free.checks["offtopic"]["about_group"] and paid.checks["offtopic"]["about_group"]
    assert free.label == Label.OK and free.checks["belongs"]["join"], free.reason
    assert paid.label == Label.AD and paid.action in ACTED, paid.reason


@pytest.mark.parametrize(("text", "read"), [
    ("一人一百五，包车包午饭", "一人150，包车包午饭"),
    ("两百一位含保险", "200一位含保险"),
    ("门票八十块", "门票80块"),
    ("三天两晚一千二全包", "三天两晚1200全包"),
    ("一家四百八", "一家480"),
    ("一千零五十", "1050"),
    ("两万五一台", "25000一台"),
])
def test_a_sum_in_chinese_numerals_is_read_in_digits(text: str, read: str) -> None:
    assert numeral_amounts(text) == read


@pytest.mark.parametrize("text", ["周六五点半出发，走十五公里左右", "十一去爬山吗", "这次来了三十人", "第二十届汇演",
                                  "十几个人一起跑", "千万别一个人下撤", "万一下雨就改期", "跑四百米间歇", "十分感谢领队",
                                  "百分之百会去", "一百五十人的大合唱"])
def test_a_count_a_measure_an_ordinal_or_a_small_number_stays_as_written(text: str) -> None:
    assert numeral_amounts(text) == text
    assert said_prices(numeral_amounts(text)) == []


def test_a_sum_in_chinese_numerals_is_read_as_the_price_its_digits_are() -> None:
    assert said_prices(numeral_amounts("私教一节课两百")) == said_prices("私教一节课200") == ["200"]
    assert said_prices(numeral_amounts("陪练一小时八十块")) == said_prices("陪练一小时80块") == ["80块"]
