"""Round 66, d17b66 (issue 17): a fee to be paid said without 先 or 预 (交800登记费, 缴三千材料费) beside a sure result and a
way to reach the writer is the same fee scam as 预付…百分百…私我 — deleted, and its reason names the fee; a fee a member
quotes, has paid, or asks about (交了500考级费, 中介说要交八千服务费…正常吗) is not. The one reading of a sum paid to the
writer (交两百块给我) serves both the join-in and the paid-entry layers.
Groups and messages written for these tests (a driving-school group, a piano-tuning group, a used-lens group)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pytest
from moderation_say import assert_fee_scam_deleted, say

from copilot.moderation import Moderator
from copilot.moderation.labels import ACTED, Label
from copilot.moderation.normalise import normalise
from copilot.moderation.signals import detect, fee_payments, numeral_prices, payments_to_writer, said_prices

DRIVING = """
name: 驾校学员交流群
positioning: 同一所驾校的学员交流科目二三练车、约考和考场经验，驾校统一收的费用在群公告里
topics: [驾照, 科目二, 科目三, 练车, 约考, 考场, 教练, 倒车入库]
audience: 在读的驾校学员
type: 学习型
"""

PIANO = """
name: 钢琴调律爱好者群
positioning: 家里有钢琴的家长和爱好者交流调律、保养、受潮和搬琴，不许发招生和卖琴广告
topics: [钢琴, 调律, 音准, 保养, 受潮, 琴键, 搬琴]
audience: 家里有钢琴的家长和爱好者
type: 兴趣型
banned: [招生广告, 卖琴]
"""

LENSES = """
name: 同城二手镜头交换群
positioning: 同城摄影爱好者转让、交换自己的二手镜头和配件，当面验货
topics: [镜头, 相机, 二手, 成色, 面交, 验货, 转让]
audience: 同城摄影爱好者
type: 交易型
"""

T0 = 1_767_225_600.0
_say = partial(say, t0=T0)


@pytest.mark.parametrize(("profile", "text"), [
    (DRIVING, "科目三不用练，交2000考务费，百分百过，私聊"),
    (DRIVING, "驾照分可以处理，缴600手续费，保证通过，有意的私信我"),
    (PIANO, "钢琴考级包过，交一千报名费，通过率百分百，感兴趣的找我"),
    (LENSES, "海外二手镜头代拍，交500服务费，保证成交，私我"),
    (LENSES, "交800会员费，百分百拿到内部低价镜头，有兴趣的私聊"),
])
def test_a_fee_to_pay_with_a_sure_result_and_a_private_call_is_a_deleted_scam(
        profile_moderator: Callable[[str], Moderator], profile: str, text: str) -> None:
    assert_fee_scam_deleted(_say(profile_moderator(profile), text, user="u_stranger"))


@pytest.mark.parametrize(("profile", "text"), [
    (DRIVING, "驾校说补考要交300补考费，下周二前交到前台"),
    (DRIVING, "我交了500考务费，科目二还是没过，下个月再约"),
    (DRIVING, "外面有人说交3000服务费百分百过，这个价格正常吗"),
    (PIANO, "调律师傅说交200上门费，调一次音准能保持半年，大家觉得贵吗"),
    (PIANO, "有人私我说交一千报名费考级包过，别信，都是骗子"),
    (LENSES, "卖家说要交300押金才能试镜头，这样正常吗"),
])
def test_a_members_talk_about_a_fee_is_no_scam(profile_moderator: Callable[[str], Moderator], profile: str, text: str) -> None:
    v = _say(profile_moderator(profile), text, user="老学员")
    assert v.action not in ACTED, v.reason
    assert "fee_scam" not in [s["name"] for s in v.checks.get("signals", []) if s.get("weight", 0) >= 0.8] \
        or "防骗" in v.reason, v.reason


def test_the_fee_stands_for_the_upfront_word_only_beside_the_other_two() -> None:
    assert "fee_scam" in [s.name for s in detect(normalise("交800登记费，成交率百分百，感兴趣的私信")).signals]
    for text in ("交800登记费，感兴趣的私信", "成交率百分百，感兴趣的私信", "交800登记费，成交率百分百",
                 "交了800登记费，成交率百分百，感兴趣的私信"):
        assert "fee_scam" not in [s.name for s in detect(normalise(text)).signals], text


def test_a_fee_to_pay_is_a_price_said() -> None:
    assert fee_payments(normalise("专业送拍，交800登记费，成交率百分百").folded) == ["交800登记费"]
    assert fee_payments(normalise("缴三千材料费，包过").folded) == ["缴三千材料费"]
    assert "800" in said_prices(normalise("专业送拍，交800登记费").folded)
    assert "1000" in said_prices(normalise("交1000保证金，包你进群").folded)
    # a fee paid already, a fee named after the sum, a sum given to someone: no fee to pay
    for text in ("交了500考级费，结果没过", "考级报名费交280，下周三截止", "群活动费交100给班长"):
        assert fee_payments(normalise(text).folded) == [], text


def test_one_reading_of_a_sum_paid_to_the_writer() -> None:
    folded = normalise("交两百块给我，我拉你进去").folded
    assert payments_to_writer(folded) == ["交两百块给我"]
    assert numeral_prices(folded) == ["交两百块给我"]
    assert numeral_prices(normalise("转我三百，带你进群").folded) == ["转我三百"]
    # in digits it is paid to the writer, not a sum said in Chinese numerals
    assert payments_to_writer(normalise("交200给我").folded) == ["交200给我"]
    assert numeral_prices(normalise("交200给我").folded) == []
    assert numeral_prices(normalise("陪练一小时八十块").folded) == ["一小时八十块"]


UKULELE = """
name: 社区尤克里里学习群
positioning: 社区活动中心尤克里里班的学员交流和弦、扫弦、考级准备，不许发卖琴和私教招生广告
topics: [尤克里里, 和弦, 扫弦, 指弹, 考级, 琴弦, 曲谱]
audience: 社区尤克里里班的学员
type: 学习型
banned: [卖琴, 私教招生]
"""


@pytest.mark.parametrize("text", [
    "手工单板尤克里里，一把三千八，送琴包，要的私聊",
    "进口琴弦一套一百二，要的私我",
])
def test_a_price_in_chinese_numerals_beside_a_private_call_is_no_bare_contact(
        profile_moderator: Callable[[str], Moderator], text: str) -> None:
    # the same 私聊 with no price is a member's contact (below); with a price said in numerals it is an offer a person checks
    v = _say(profile_moderator(UKULELE), text, user="u_stranger")
    assert v.label == Label.AD, v.reason
    assert "只有“私我/私聊”这样的联系用语" not in v.reason
    assert "价格" in v.reason and "没有联系方式、价格或链接" not in v.reason, v.reason


@pytest.mark.parametrize("text", [
    "周六下午活动室练合奏，想一起的私聊",
    "我在琴行看中一把单板，一把一千八，这个价格贵不贵",
])
def test_a_members_contact_or_price_question_stays(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = _say(profile_moderator(UKULELE), text, user="老学员")
    assert v.label != Label.AD and v.action not in ACTED, v.reason


def test_a_members_own_listing_in_a_trade_group_stays(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _say(profile_moderator(LENSES), "自用腾龙28-75，九成新，一支两千八，要的私聊", user="老会员")
    assert v.action not in ACTED, v.reason
