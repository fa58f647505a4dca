"""Round 45, d17b45 (issue 17): ads written by a spammer who knows the keyword filter. Homophones, look-alikes and pinyin
initials of the filtered words (缄职, 呆理, 返俐, 日jie, jz) and of the ways to add someone (嘉我薇, v我, q裙) read as
the plain words; two pitch shapes with no contact or trade word — a testimonial whose supply is the writer, a
recruitment asked as a question — are ads by the agreement of their cues. Members' messages of the same surface (a
product they use and where it is sold, a question about earning nothing, a handle that holds the same letters) are
left alone. Groups and messages written for these tests (a community ocarina group, a county beekeepers' group)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Moderator, Verdict
from copilot.moderation.normalise import normalise
from copilot.moderation.signals import detect

OCARINA = """
name: 东湖社区陶笛吹奏群
positioning: 东湖社区喜欢吹陶笛的居民交流指法、气息、曲谱，每周四晚在社区活动室一起练
topics: [陶笛, 指法, 气息, 曲谱, 练习, 吹奏, 六孔, 十二孔, 音准]
audience: 东湖社区的陶笛爱好者，多是退休老人和宝妈
platform: wechat
"""

BEES = """
name: 青山县中蜂养殖交流群
positioning: 青山县养中蜂的蜂农交流分蜂、过冬、防胡蜂和摇蜜，互相帮忙找蜂种
topics: [中蜂, 蜂箱, 分蜂, 过冬, 胡蜂, 摇蜜, 蜂蜜, 蜂王, 巢脾]
audience: 县里的蜂农
platform: qq
"""


def _one(moderator: Moderator, text: str, user: str = "u1") -> Verdict:
    return moderator.moderate({"id": "m1", "user": user, "text": text})


def _signals(text: str) -> set[str]:
    return {s.name for s in detect(normalise(text)).signals}


@pytest.mark.parametrize("text, plain", [
    ("缄职打字员，在家就能做", "兼职"),
    ("诚招呆理，零门槛", "代理"),
    ("返俐群每天发券", "返利"),
    ("日jie一百五", "日结"),
    ("想做jz的看过来", "兼职"),
    ("刷単不降权", "刷单"),
    ("有意嘉我薇详聊", "加微信"),
    ("蜂蜜要的V我", "加微信"),
    ("q裙：三二一四五六七八", "qq群"),
])
def test_a_filtered_word_spelled_to_hide_reads_as_the_word(text: str, plain: str) -> None:
    n = normalise(text)
    assert plain in n.compact
    assert n.evasions, "the spelling is reported as an evasion"


@pytest.mark.parametrize("text, kept, not_read", [
    ("我的微信是 jz2026ok，下周一起去看蜂场", "jz2026ok", "兼职"),   # the letters of a handle stay a handle
    ("有事加我WhatsApp，我在外地", "whatsapp", "加微信"),
    ("今天周四，谁v我50吃顿好的哈哈", "v我50", "加微信"),          # the meme asks for nothing
    ("我带理财小白入门，不收钱", "带理财", "代理"),
    ("记得带购物袋去集市", "带购物袋", "代购"),
])
def test_the_same_letters_in_a_member_s_words_stay_as_written(text: str, kept: str, not_read: str) -> None:
    compact = normalise(text).compact
    assert kept in compact
    assert not_read not in compact


def test_a_hidden_job_ad_with_a_way_to_reach_is_deleted(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(OCARINA), "缄职打字，一天两小时，日jie，嘉我薇详聊", user="s1")
    assert v.label == "ad" and v.action == "delete", v.reason


def test_a_testimonial_whose_supply_is_the_writer_is_an_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    text = "我用了这个润喉含片一个月，吹完陶笛嗓子一点不干，效果很好，需要的找我拿"
    assert "testimonial_pitch" in _signals(text)
    v = _one(profile_moderator(OCARINA), text, user="s2")
    assert v.label == "ad" and v.action == "delete", v.reason


def test_a_member_s_own_use_pointing_at_a_shop_is_no_pitch(profile_moderator: Callable[[str], Moderator]) -> None:
    text = "我用了那种带干燥剂的陶笛收纳盒，效果很好，不会受潮，淘宝就有，大家可以搜搜"
    assert "testimonial_pitch" not in _signals(text)
    v = _one(profile_moderator(OCARINA), text, user="m1")
    assert v.action not in ("delete", "mute", "kick", "warn"), v.reason


def test_a_recruitment_asked_as_a_question_is_an_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    text = "有没有闲着的蜂农想多赚点？手机就能操作，每天一小时，懂的来"
    assert "earn_pitch" in _signals(text)
    v = _one(profile_moderator(BEES), text, user="s3")
    assert v.label == "ad" and v.action == "delete", v.reason


@pytest.mark.parametrize("text", [
    "在家带娃没什么收入，想学陶笛解解闷，有没有宝妈一起练的",       # earning named, nobody to reach
    "有没有人周末有空帮我摇蜜？我手机上发位置，管饭",              # help with the group's own work, nothing earned
])
def test_a_member_s_question_about_time_or_money_is_no_recruitment(profile_moderator: Callable[[str], Moderator],
                                                                 text: str) -> None:
    assert "earn_pitch" not in _signals(text)
    v = _one(profile_moderator(OCARINA if "陶笛" in text else BEES), text, user="m2")
    assert v.action not in ("delete", "mute", "kick", "warn"), v.reason


def test_a_resource_bait_taken_privately_is_an_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    text = "陶笛入门全套视频资料，整理好了，需要的滴滴我领取"
    assert "resource_bait" in _signals(text)
    v = _one(profile_moderator(OCARINA), text, user="s4")
    assert v.label == "ad" and v.action != "none", v.reason


@pytest.mark.parametrize("text", [
    "上周练习的曲谱资料放群文件了，需要的自取",                    # the group's own notes, no way to the writer
    "需要十二孔指法表的滴滴我，我手机里有照片，发你",              # sent on request, nothing taken for it
])
def test_a_member_s_own_notes_are_no_bait(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    assert "resource_bait" not in _signals(text)
    v = _one(profile_moderator(OCARINA), text, user="m3")
    assert v.action not in ("delete", "mute", "kick", "warn"), v.reason


@pytest.mark.parametrize("text, plain", [
    ("某宝搜：青山蜂具小铺", "淘宝搜"),
    ("蜂箱批发，某鱼同名", "闲鱼同名"),
    ("某信：fengju_88", "微信"),
])
def test_an_app_named_by_mou_where_it_points_to_a_seller_reads_as_the_app(text: str, plain: str) -> None:
    assert plain in normalise(text).compact


@pytest.mark.parametrize("text", [
    "这个摇蜜机某宝卖三百多，有人用过吗",       # a member naming no shop on purpose
    "某信用社的贷款利息高吗",
])
def test_mou_naming_no_shop_is_no_evasion(text: str) -> None:
    assert not normalise(text).evasions


def test_a_group_buy_for_the_group_with_the_payee_s_handle_goes_to_a_person(
        profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(BEES), "群里统一团购一批蜂箱，杉木的一个85，要的接龙，定金转我微信 lao_feng88", user="m4")
    assert v.checks.get("group_buy_own"), v.reason
    assert v.action == "review", v.reason


@pytest.mark.parametrize("text", [
    "蜂箱团购福利群，内部价，要的接龙，加我微信 feng_shop 拉你进群",     # a pull into another group
    "蜂箱团购，一个85，要的接龙，加微信 fengxiang_chang 下单，厂家直发",  # a seller's words
])
def test_a_seller_s_group_buy_is_still_deleted(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = _one(profile_moderator(BEES), text, user="s5")
    assert not v.checks.get("group_buy_own")
    assert v.label == "ad" and v.action == "delete", v.reason


@pytest.mark.parametrize("text", ["需要的滴滴，蜂蜜有货", "蜂具都有，直接滴滴"])
def test_didi_after_who_wants_it_is_an_invitation(text: str) -> None:
    assert "invite" in _signals(text)


def test_q_me_reads_as_add_qq_but_not_q_me_fifty() -> None:
    assert "加qq" in normalise("蜂箱配件 Q我").compact
    assert "加qq" not in normalise("今天周四q我50").compact


@pytest.mark.parametrize("text, plain", [
    ("加莪薇信 fengmi_88", "加我微信"),
    ("伱想在家赚钱吗", "你想"),
    ("芣用囤货", "不用囤货"),
    ("wēi xìn：fengmi_88", "微信"),      # pinyin with its tone marks
    ("加扣 2837465190", "加qq"),
])
def test_look_alike_characters_and_toned_pinyin_read_as_plain(text: str, plain: str) -> None:
    n = normalise(text)
    assert plain in n.compact
    assert n.evasions


@pytest.mark.parametrize("text", ["想要的加扣1", "这次又加扣分了", "周末去喝了杯 café latte"])
def test_reply_codes_deductions_and_accented_words_are_no_evasion(text: str) -> None:
    assert not normalise(text).evasions


@pytest.mark.parametrize("text", ["電話：１３８０７６５４３２１", "QQ ⑨⑧⑦-⑥⑤④-③②①", "🐧 3️⃣2️⃣1️⃣6️⃣5️⃣4️⃣9️⃣8️⃣"])
def test_a_number_written_in_full_width_circled_or_keycap_digits_is_spelled_to_hide(text: str) -> None:
    assert "数字变形" in normalise(text).evasions


@pytest.mark.parametrize("text", ["２０２６年１２月３日晚上摇蜜", "蜂箱一个１２０元", "我的手机 13807654321"])
def test_a_date_a_price_or_plain_digits_are_no_spelled_number(text: str) -> None:
    assert "数字变形" not in normalise(text).evasions


def test_a_full_width_phone_with_an_offer_is_deleted(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(BEES), "土蜂蜜批发，電話：１３８０７６５４３２１", user="s6")
    assert v.label == "ad" and v.action == "delete", v.reason
