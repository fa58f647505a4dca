"""Round 74, d17e74 (issue 17): what a fresh bot author found — a member warning the group about a scammer, quoting the
scammer's WeChat ID, deleted as an ad with a strike for the warner; a keeper calling his own pigeons 废物 warned, muted
and kicked. Groups and messages written for these tests (a Changsha kidney patients' group, a Quanzhou racing-pigeon
group)."""

from __future__ import annotations

from collections.abc import Callable

from copilot.moderation import Verdict

KIDNEY = """
name: 长沙肾友透析交流群
positioning: 长沙的肾友和家属交流血透腹透、饮食、报销和肾移植排队，互相提醒防骗；卖药卖保健品的不要发
topics: [透析, 血透, 腹透, 报销, 肾移植, 护士长]
audience: 肾友和家属
type: 互助型
"""

PIGEONS = """
name: 泉州信鸽协会鸽友群
positioning: 泉州的鸽友交流训放、比赛、鸽病和育雏；卖鸽、卖鸽药的广告不要发
topics: [赛鸽, 乳鸽, 训放, 归巢, 鸽病, 育雏]
audience: 泉州的鸽友
type: 兴趣型
"""

CATS = """
name: 南京养猫交流群
positioning: 南京的猫主人交流喂养、看病和绝育；卖猫的广告不要发
topics: [猫粮, 绝育, 疫苗, 宠物医院]
audience: 南京的猫主人
type: 兴趣型
"""


def test_a_scam_warning_quoting_the_scammer_s_handle_is_never_deleted(judge: Callable[[str, str], Verdict]) -> None:
    for text in ("大家当心！有人冒充医院社工加微信 shenyuan_fw2026 说交钱能插队做移植，别信，我已经报警了",
                 "各位肾友注意，QQ 2936184705 冒充医保中心让大家交年费，是骗子",
                 "别加这个微信 txzx_zhuren，自称血透室主任，骗了我们病房两个阿姨"):
        v = judge(KIDNEY, text)
        assert v.action not in ("delete", "warn", "mute", "kick"), (text, v.reason)
        assert v.label == "ok", (text, v.reason)


def test_a_pitch_that_says_beware_of_others_is_still_an_ad(judge: Callable[[str, str], Verdict]) -> None:
    for text in ("别信外面那些偏方，我们的护肾茶才是正品，喝一个疗程就见效，加微信 hushen_cha8 订购",
                 "小心被骗！有人冒充我们，正品只认微信 kangfu_88",
                 "防骗提醒：想要正规肾源渠道请加微信 shenyuan_zg"):
        v = judge(KIDNEY, text)
        assert v.label == "ad", (text, v.reason)
        assert v.action == "delete", (text, v.reason)


def test_a_keeper_scolding_his_own_pigeons_is_not_abuse(judge: Callable[[str, str], Verdict]) -> None:
    for text in ("今年这批乳鸽就是废物，三百公里回来两羽",
                 "几羽废物鸽子，关了一个月还不认棚"):
        v = judge(PIGEONS, text)
        assert v.label == "ok", (text, v.reason)
    # the copula form is at most for a person to look at, never acted on
    v = judge(PIGEONS, "那羽灰母鸽就是个蠢货，每次训放都跟别人的鸽群跑了")
    assert v.action in ("none", "review"), v.reason


def test_the_same_words_at_a_keeper_are_abuse(judge: Callable[[str, str], Verdict]) -> None:
    for text in ("你就是个废物，乳鸽都养不活还来教别人",
                 "鸽友们都是废物，比赛一羽都报不上",
                 "这羽鸽子比楼上那个蠢货强多了"):
        v = judge(PIGEONS, text)
        assert v.label == "abuse", (text, v.reason)


def test_pigeons_count_as_own_animals_only_where_the_group_keeps_them(judge: Callable[[str, str], Verdict]) -> None:
    # in a cat group a pigeon is nobody's pet: the rule reads the profile, not a fixed list of birds
    v = judge(PIGEONS, "这批乳鸽就是废物，训放都不回来")
    assert v.label == "ok", v.reason
    v = judge(CATS, "这批乳鸽就是废物，训放都不回来")
    assert v.label == "abuse", v.reason


BOOKS = """
name: 杭州古籍修复爱好者群
positioning: 杭州的古籍和书画修复爱好者交流托裱、补洞、配纸和修复讲座；广告和转发类消息不要发
topics: [古籍, 修复, 托裱, 配纸, 讲座]
audience: 古籍修复爱好者
type: 兴趣型
"""


def test_a_chain_letter_cursing_whoever_does_not_forward_is_spam(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(BOOKS, "【转发好运】这尊财神像开过光，保佑全家发财，不转后果自负")
    assert v.label == "spam", v.reason


def test_a_penalty_without_a_refused_forward_is_no_chain_letter(judge: Callable[[str, str], Verdict]) -> None:
    for text in ("群里禁止转发广告链接，屡教不改的后果自负",
                 "周六的修复讲座欢迎转发给身边的朋友，浆糊配方乱改后果自负"):
        v = judge(BOOKS, text)
        assert v.label == "ok", (text, v.reason)
