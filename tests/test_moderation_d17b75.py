"""Round 75, d17b75 (issue 17): ads and spam a fresh tester saw pass as ok — a builder's ad that keeps its details on the
writer's Moments (…详情看朋友圈), an antique made to look old to order (可做旧，私聊看图), a chain letter that ends 见者转发 —
and words broken apart with zero-width characters, which the verdict's reason never named. Groups and messages written
for these tests (a Hangzhou home-renovation owners' group, a Tianjin coin collectors' group, a Wuxi primary-school
parents' group, a Dalian cycling group, a Ningbo leathercraft group)."""

from __future__ import annotations

from collections.abc import Callable

from copilot.moderation import Verdict
from copilot.moderation.pipeline import HIDDEN_CHARS_NOTE, HIDDEN_EVASION
from copilot.textnorm import invisible_between_words

RENOVATION = """
name: 杭州滨江装修业主群
positioning: 同小区业主交流装修进度、避坑、材料验收；装修公司、工长、建材商家的广告不要发
topics: [装修, 水电, 防水, 瓷砖, 验收, 避坑]
audience: 小区业主
type: 生活型
"""

COINS = """
name: 天津钱币收藏交流群
positioning: 藏友交流古钱币、银元、纸币的鉴定和品相，互相掌眼；卖仿品、做旧货的不要发
topics: [古钱币, 银元, 纸币, 鉴定, 品相, 掌眼]
audience: 天津的钱币收藏爱好者
type: 兴趣型
"""

PARENTS = """
name: 无锡梁溪小学二年级三班家长群
positioning: 班主任发布学校通知，家长交流作业、接送、活动报名；与班级无关的转发和广告不要发
topics: [通知, 作业, 接送, 报名, 家长会, 运动会]
audience: 二年级三班的家长和老师
type: 通知型
"""

CYCLING = """
name: 大连滨海路骑行群
positioning: 大连的骑友约滨海路和郊外线路、分享照片、车况和安全经验；商家广告不要发
topics: [骑行, 滨海路, 线路, 车况, 约骑, 安全]
audience: 大连的骑行爱好者
type: 兴趣型
"""

LEATHER = """
name: 宁波皮具手作交流群
positioning: 手作爱好者交流皮具的裁切、缝线、上色和做旧手法，分享作品；卖货广告不要发
topics: [皮具, 缝线, 上色, 做旧, 工具, 作品]
audience: 宁波的皮具手作爱好者
type: 兴趣型
"""

ZW = "\u200b"  # zero-width space
ZWJ = "\u200d"  # zero-width joiner


def test_an_offer_whose_details_are_on_the_writer_s_moments_is_an_ad(judge: Callable[[str, str], Verdict]) -> None:
    for text in ("本人做了十几年水电，开槽布线一条龙，质量有保障，详情看朋友圈",
                 "定制玄关柜鞋柜，详情见朋友圈",
                 "承接全屋软装搭配，案例都在朋友圈，欢迎业主来问"):
        v = judge(RENOVATION, text)
        assert v.label == "ad", (text, v.reason)


def test_a_member_pointing_at_their_own_moments_photos_is_not_an_ad(judge: Callable[[str, str], Verdict]) -> None:
    for group, text in ((RENOVATION, "我家卫生间闭水试验的照片发朋友圈了，大家去看看这样做对不对"),
                        (CYCLING, "昨天滨海路的照片都在我朋友圈，风景太美了"),
                        (CYCLING, "这次约骑的详情我发朋友圈了，报名还是在群里接龙")):
        v = judge(group, text)
        assert v.label == "ok", (text, v.reason)


def test_an_antique_aged_to_order_shown_in_private_is_a_counterfeit_ad(judge: Callable[[str, str], Verdict]) -> None:
    for text in ("清代光绪元宝，品相好，可做旧，私聊看图", "民国袁大头一批，可以做旧，懂的来"):
        v = judge(COINS, text)
        assert v.label == "ad", (text, v.reason)
        assert "售卖假货" in v.reason, v.reason


def test_aging_as_a_craft_and_members_showing_pictures_in_private_are_not_ads(judge: Callable[[str, str], Verdict]) -> None:
    for group, text in ((LEATHER, "这个钱包我用橄榄油做旧的，效果还行吧？"),
                        (LEATHER, "做旧效果好不好主要看上色，下次聚会我带样品给大家看"),
                        (COINS, "这枚铜钱的背面我看不太清，私聊发几张图给我看看"),
                        (COINS, "想请大家帮我掌眼的，私聊看图吧，群里发图太多刷屏"),
                        (COINS, "市场上做旧的银元太多了，可以做旧到看不出来，大家买的时候小心")):
        v = judge(group, text)
        assert v.label == "ok", (text, v.reason)


def test_a_chain_letter_ending_with_whoever_sees_it_forwards_it_is_spam(judge: Callable[[str, str], Verdict]) -> None:
    for text in ("今天是观音菩萨生日，愿孩子们平安健康，见者转发", "家里孩子考试门门满分的平安符，见者必转"):
        v = judge(PARENTS, text)
        assert v.label == "spam", (text, v.reason)


def test_a_school_notice_passed_on_to_parents_is_not_a_chain(judge: Callable[[str, str], Verdict]) -> None:
    for text in ("学校发的秋季运动会通知我转过来，麻烦转给需要的家长，周五前报名",
                 "有人说见者转发的那个停课消息是假的，教育局已经辟谣了，大家别转"):
        v = judge(PARENTS, text)
        assert v.label == "ok", (text, v.reason)


def test_invisible_characters_between_words_are_counted() -> None:
    assert invisible_between_words("加" + ZW + "微" + ZW + "信") == 2
    assert invisible_between_words("v" + ZW + "x：dl" + ZW + "8899") == 2
    assert invisible_between_words("加 微 " + ZWJ + "信") == 1  # white space between does not shield it
    # an emoji's own joiner, a keycap's selector, a mark at either end: no word is broken apart
    assert invisible_between_words("我们一家 👨" + ZWJ + "👩" + ZWJ + "👧 骑完了滨海路") == 0
    assert invisible_between_words("登顶啦 🚴" + ZWJ + "♀️ 风好大") == 0
    assert invisible_between_words("电话 1\ufe0f\u20e3 号") == 0
    assert invisible_between_words("\ufeff大家好" + ZW) == 0


def test_the_reason_says_the_text_hid_characters(judge: Callable[[str, str], Verdict]) -> None:
    text = "二" + ZW + "手" + ZW + "公" + ZW + "路" + ZW + "车" + ZW + "批" + ZW + "发，加" + ZW + "v：bike" + ZW + "6688"
    v = judge(CYCLING, text)
    assert v.label == "ad", v.reason
    assert HIDDEN_CHARS_NOTE.format(n=8) in v.reason, v.reason
    assert v.checks["normalise"]["hidden_chars"] == 8
    # … and the layers weigh it as an evasive spelling, as they weigh 薇信 (变形写法：…零宽字符)
    assert HIDDEN_EVASION in v.checks["normalise"]["evasions"]
    assert any(s["name"] == "evasion" and HIDDEN_EVASION in s["items"] for s in v.checks["signals"]), v.checks["signals"]
    # an emoji sequence's joiner hides nothing: no note
    ok = judge(CYCLING, "我们一家 👨" + ZWJ + "👩" + ZWJ + "👧 今天骑完了滨海路全程")
    assert ok.label == "ok", ok.reason
    assert "看不见的字符" not in ok.reason and "hidden_chars" not in ok.checks["normalise"]
    assert HIDDEN_EVASION not in ok.checks["normalise"]["evasions"]
