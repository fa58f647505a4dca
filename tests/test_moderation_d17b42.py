"""Round 42, d17b42 (issue 17): evasions that hide an ad's words — pictographs set between characters, homophones and
split characters of 微信, a slang name for the app — read as the plain words; credit promised without checks (不看征信,
当天放款) beside a way to reach the lender as a scam of its own. Groups and messages written for these tests (a
kite-surfing club, a retired workers' choir, a Hangzhou hot-pot group)."""

from __future__ import annotations

from collections.abc import Callable

from copilot.moderation import Moderator
from copilot.moderation.normalise import normalise

KITE = """
name: 平潭风筝冲浪俱乐部
positioning: 在平潭玩风筝冲浪的朋友交流风况、装备、教学和每周约浪
topics: [风筝冲浪, 风筝, 冲浪板, 风况, 潮汐, 护具, 教学]
audience: 福建沿海的风筝冲浪爱好者
"""

CHOIR = """
name: 纺织厂退休职工合唱团
positioning: 纺织厂退休职工每周二下午在工人文化宫排练合唱，交流曲目和演出安排
topics: [合唱, 排练, 声部, 曲目, 演出, 发声]
audience: 纺织厂的退休职工
"""


def test_a_pictograph_between_two_characters_is_dropped_and_one_beside_a_space_stays() -> None:
    assert normalise("有货私🌊我").folded == "有货私我"
    assert normalise("私🤙🏻聊").folded == "私聊"
    assert "😋" in normalise("今天浪真好😋 明天再来").folded  # a clause ends there: nothing is joined across it


def test_homophones_and_split_characters_of_weixin_fold_to_the_app() -> None:
    assert "微信" in normalise("徽❤ kite_pt").compact
    assert "微信" in normalise("加 v 亻言 kite_pt").compact
    assert normalise("要的加我嶶 备注冲浪").compact.startswith("要的加微信")
    assert "微信" in normalise("添加绿泡泡 kite_pt").compact
    assert "微博" in normalise("可以加我微博看视频").compact  # 加我微博 is another app


def test_an_ad_with_pictographs_between_its_words_is_removed(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(KITE).moderate({"id": "1", "user": "u1", "text": "全新🪁风筝🌊套装 比🏄店里便宜三成 🈶要的私🙏我"})
    assert (v.label, v.action) == ("ad", "delete"), v.reason


def test_a_handle_behind_a_slang_app_name_is_a_contact(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(KITE).moderate({"id": "1", "user": "u1", "text": "冲浪板出租 一天两百 加绿泡泡 pt_board88"})
    assert v.label == "ad" and v.action == "delete", v.reason
    assert "微信号" in v.reason or "微信" in v.reason


def test_a_member_s_playful_emoji_is_not_an_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(KITE).moderate({"id": "1", "user": "u1", "text": "今天风🉐劲🌬️ 🈶谁明早一起去龙凤头下水"})
    assert v.action not in ("delete", "mute", "remind"), v.reason


def test_a_loan_without_checks_and_a_way_to_the_lender_is_a_scam(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(CHOIR).moderate({"id": "1", "user": "u1",
                                           "text": "退休金到账前周转不开的找我，不查征信，当天放款，利息好商量"})
    assert (v.label, v.action) == ("ad", "delete"), v.reason
    assert any(s["name"] == "loan_bait" for s in v.checks["signals"])


def test_a_member_warning_about_such_loans_is_not_acted_on(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(CHOIR).moderate({"id": "1", "user": "u1",
                                           "text": "我们厂老刘就是被不查征信当天放款的网贷坑了，利滚利还不上，大家千万别碰"})
    assert v.action not in ("delete", "mute", "remind"), v.reason
    assert not any(s["name"] == "loan_bait" for s in v.checks["signals"])


def test_a_promised_return_with_a_named_manager_to_find_is_a_scam(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(CHOIR).moderate({"id": "1", "user": "u1",
                                           "text": "养老钱放银行太亏，这个产品保本保息，一年百分之十二，有兴趣找刘主任"})
    assert (v.label, v.action) == ("ad", "delete"), v.reason
    assert any(s["name"] == "scam_return" for s in v.checks["signals"])


HOTPOT = """
name: 杭州火锅搭子群
positioning: 杭州爱吃火锅的人交流店铺、锅底和蘸料，每月一起去吃一次
topics: [火锅, 锅底, 蘸料, 毛肚, 鸭肠, 排队]
audience: 杭州的火锅爱好者
events:
  - {title: 月底涮肉局, kind: 线下活动, cadence: 每月最后一个周六, time: "18:30", place: 群里投票选店, host: 阿凯}
"""


def test_a_coupon_behind_a_short_link_is_removed(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(HOTPOT).moderate({"id": "1", "user": "u1", "text": "牛油锅底上新 t.cn/B7kP2q 领券立省30"})
    assert (v.label, v.action) == ("ad", "delete"), v.reason


def test_the_group_s_own_event_perk_behind_a_short_link_goes_to_a_person(
        profile_moderator: Callable[[str], Moderator]) -> None:
    text = "这个月涮肉局那家店给我们群开了优惠 t.cn/C9mQ4r 领了到店出示减30，阿凯谈的"
    v = profile_moderator(HOTPOT).moderate({"id": "1", "user": "u1", "text": text})
    assert v.action == "review", v.reason
    assert v.checks["own_event_perk"] == ["涮肉局"]


def test_an_event_perk_with_a_handle_is_still_removed(profile_moderator: Callable[[str], Moderator]) -> None:
    text = "我们群涮肉局专属优惠 t.cn/C9mQ4r 加我微信 hotpot_hz88 再返现"
    v = profile_moderator(HOTPOT).moderate({"id": "1", "user": "u1", "text": text})
    assert (v.label, v.action) == ("ad", "delete"), v.reason
    assert "own_event_perk" not in v.checks


def test_a_member_retelling_a_scam_to_warn_is_not_labelled_an_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(CHOIR).moderate({"id": "1", "user": "u1",
                                           "text": "我外甥说那种在家刷单返佣金的全是骗人的，先给点小钱再让你垫大钱"})
    assert v.label == "ok", v.reason


def test_emoji_breaking_the_invitation_itself_are_an_evasion(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(KITE).moderate({"id": "1", "user": "u1", "text": "🈶要二手风筝的🉑以私🌊聊🏄我，尺寸🌬全🈶"})
    assert "表情隔字" in v.checks["normalise"]["evasions"]
    assert (v.label, v.action) == ("ad", "delete"), v.reason


def test_emoji_around_an_intact_invitation_are_play(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(KITE).moderate({"id": "1", "user": "u1", "text": "旧风筝线多了两卷 要的私我 白🎁送🎁群🎁友"})
    assert "表情隔字" in v.checks["normalise"]["evasions"]
    assert v.action not in ("delete", "mute", "remind"), v.reason


def test_a_squared_ke_before_si_is_an_invitation_and_si_xia_is_not(profile_moderator: Callable[[str], Moderator]) -> None:
    moderator = profile_moderator(KITE)
    offer = moderator.moderate({"id": "1", "user": "u1", "text": "全新风筝冲浪板 只要九九九 🉑私"})
    assert any(s["name"] == "invite" and "可私" in s["items"] for s in offer.checks["signals"]), offer.reason
    asked = moderator.moderate({"id": "2", "user": "u2", "text": "报名的事不懂的可私下问教练"})
    assert not any(s["name"] == "invite" for s in asked.checks["signals"]), asked.reason
