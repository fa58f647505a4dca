"""Members who retell a scammer's offer to warn the group, rule notices that name what is banned, and
notices that leave a phone number: none of them offers anything, so none is an ad. Each has a twin that
offers the same thing in the writer's own voice and must still be caught."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Moderator
from copilot.moderation.labels import ACTED
from copilot.moderation.normalise import normalise
from copilot.moderation.signals import detect

TEA = """
name: 岩茶爱好者群
positioning: 茶友交流武夷岩茶的冲泡、焙火、仓储和品鉴，群友之间可以转让自己喝不完的茶；茶商铺货不允许
topics: [岩茶, 肉桂, 水仙, 焙火, 冲泡, 盖碗, 仓储, 品鉴]
banned: [茶商铺货]
"""
CHOIR = """
name: 社区合唱团
positioning: 社区合唱团排练通知、声部练习和演出安排
topics: [合唱, 排练, 声部, 演出, 发声, 谱子]
"""


@pytest.mark.parametrize("text", [
    "有人私聊我说有正岩牛肉老枞，一斤只要两百，先付定金再发货，大家别信",
    "今天有个号加我微信说是茶厂的，让我扫码进品鉴群领免费茶样，大家别扫",
    "有个陌生人给我打电话说可以帮忙代存茶包升值，先交五百保管费，明显是割韭菜",
    "有人在别的群发卖老枞的广告说加微信拿货，别信，我同事被骗了三百",
])
def test_a_warning_that_retells_the_offer_without_quotation_marks_is_not_an_ad(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = profile_moderator(TEA).moderate(text)
    assert v.label == "ok" and v.action not in ACTED, v.reason


def test_the_same_offer_in_the_writers_own_voice_is_still_an_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    mod = profile_moderator(TEA)
    for text in ("正岩牛肉老枞，一斤只要两百，先付定金再发货，私聊我",
                 "茶厂品鉴群领免费茶样，扫码进群，加我微信 tea_sample01",
                 "好多茶友私聊我说喝了睡得香，需要的加我微信 tea_home88 别信外面的假货"):
        v = mod.moderate(text)
        assert v.label == "ad", (text, v.reason)


def test_a_retold_offer_is_marked_as_narrated_but_an_invitation_is_not() -> None:
    assert detect(normalise("有人私聊我说能低价出茶，别上当")).narrated
    assert detect(normalise("有个自称老师的加我微信说要收餐费")).narrated
    assert not detect(normalise("需要的私聊我，价格好说")).narrated
    assert not detect(normalise("")).narrated
    assert detect(normalise("有人在群里发广告说加微信拿货，别理")).narrated
    assert not detect(normalise("有人要的话，加微信说一声")).narrated  # the clause ends before 说


def test_a_look_at_the_senders_profile_in_any_word_order_is_a_pointer() -> None:
    for text in ("需要茶的宝子们看我签名", "想要便宜好茶的点开我头像", "正岩茶低价出，需要的看主页"):
        assert "pointer" in detect(normalise(text)).names(), text
    assert "pointer" not in detect(normalise("我看了一下群主页的公告，明天照常")).names()


def test_a_rule_notice_that_bans_posting_qr_codes_is_not_an_ad_but_a_code_to_scan_is(profile_moderator: Callable[[str], Moderator]) -> None:
    mod = profile_moderator(CHOIR)
    rule = mod.moderate("重申群规：卖保健品的、发别的群二维码的，一律踢出，不警告")
    assert rule.label == "ok" and rule.action not in ACTED, rule.reason
    scan = mod.moderate("禁止外传！内部福利群，扫码进群领鸡蛋")
    assert scan.label == "ad", scan.reason


def test_a_phone_number_is_not_read_as_an_amount_of_money() -> None:
    rep = detect(normalise("我妈早上在公园走失了，穿红外套，看到的请打13812345678，万分感谢"))
    assert "money" not in rep.names()
    assert "contact" in rep.names()
    assert "money" in detect(normalise("这个相机3万块出")).names()


def test_a_lost_relative_notice_with_a_phone_number_is_never_deleted(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(CHOIR).moderate("我爸下午在菜市场附近走失，穿灰色棉袄，有看到的请打13912345678，万分感谢")
    assert v.action not in ACTED, v.reason
    assert v.label == "ok" and "寻人寻物" in v.reason, v.reason


def test_a_finding_service_with_a_price_is_still_an_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(CHOIR).moderate("宠物走丢了别着急，专业寻宠团队，找到再付款，500起，电话13912345678")
    assert v.label == "ad", v.reason
