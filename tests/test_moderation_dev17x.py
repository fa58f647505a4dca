"""Round 35, dev17x (issue 17): the cues of a kind of group name that kind only — words every fan group has (应援,
粉丝群) cue no sports domain; tickets offered for sale with price talk or a private contact are the banned scalping
trade; counterfeit goods offered are an ad whatever the profile bans; a contact label must start a word.
Groups and messages written for these tests (a Yue-opera fan club, a dance-show fan group, a sneaker collectors' group,
a camera club, a hot-spring town's homestay owners — none of them study, cycling, parenting, professional, sports club
or a qa17r13 kind of group)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict

OPERA_FANS = """
name: 越剧小生林一舟粉丝群
positioning: 越剧演员林一舟的戏迷粉丝群，分享演出排期、应援安排、看戏攻略和唱段视频
topics: [越剧, 演出, 唱段, 看戏, 应援, 剧场]
audience: 越剧戏迷
"""

ESPORTS = """
name: 苍穹战队应援群
positioning: 苍穹战队（王者荣耀职业队）的粉丝交流比赛、选手和线下观赛
topics: [比赛, 选手, 观赛, 应援]
audience: 战队粉丝
"""


# -- 1. a fan group's own kind words (应援, 粉丝群) cue no sports domain -------------------------------------------------
def test_fan_words_do_not_make_an_opera_club_a_sports_fandom(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(OPERA_FANS, "季后赛谁夺冠了 主场太燃")
    assert v.label == "off_topic", v.reason
    assert "同类群常聊" not in v.reason


def test_a_team_fan_group_keeps_its_match_words(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(ESPORTS, "季后赛谁夺冠了 主场太燃")
    assert v.label == "ok", v.reason


CAMERA = """
name: 胶片相机交流群
positioning: 玩胶片机的同好交流器材、冲扫和拍摄心得，可以转让自己的闲置相机和镜头
topics: [胶片机, 冲扫, 镜头, 胶卷]
audience: 胶片摄影爱好者
"""


# -- 3. a Chinese contact label must start a word (稍微, 轻微, 保卫 end in one) -------------------------------------------
@pytest.mark.parametrize("text", [
    "这台机器稍微 ab12cd 批次的快门会卡 大家注意",
    "镜头有轻微 m42ab1 转接环的压痕 不影响成像",
])
def test_a_word_ending_in_a_label_character_is_no_contact(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(CAMERA, text)
    assert "账号" not in v.reason and v.label != "ad", v.reason


@pytest.mark.parametrize(("text", "handle"), [
    ("收各种老镜头 价格好说 微 jp2024film", "jp2024film"),
    ("胶卷低价出 有意加卫 fm 2 0 2 4 8 8", "fm202488"),
])
def test_a_label_of_its_own_or_after_a_contact_verb_is_still_a_contact(judge: Callable[[str, str], Verdict],
                                                                       text: str, handle: str) -> None:
    v = judge(CAMERA, text)
    assert v.label == "ad" and handle in v.reason, v.reason


MUSICAL = """
name: 音乐剧观剧互助群
positioning: 一起看音乐剧的观众交流卡司、座位和观剧攻略，可以原价转让自己看不了的票
topics: [音乐剧, 卡司, 座位, 观剧]
audience: 音乐剧观众
banned: [黄牛票, 加价转票]
"""


# -- 1. tickets offered for sale with price talk or a private invitation are the banned scalping trade -----------------
@pytest.mark.parametrize("text", [
    "一楼前排有票 需要的私我 价格好说",
    "周六晚场多出两张池座票 有需要的找我 可小刀",
    "VIP座票 加价80 想要的私聊",
])
def test_tickets_offered_with_price_talk_or_a_private_invite_are_scalping(judge: Callable[[str, str], Verdict],
                                                                          text: str) -> None:
    v = judge(MUSICAL, text)
    assert v.label == "ad" and v.action == "delete", v.reason
    assert "群规禁止" in v.reason


@pytest.mark.parametrize("text", [
    "周日的票看不了了 原价转一张 私我",          # a member's own ticket at face value
    "有没有人有周六的票 我想收一张 私我",        # a buyer
    "终于有票了 明晚见",                         # news, no offer
    "没有票了好难过 有需要一起看直播的私我",      # no ticket
    "黄牛都加价500了 太离谱",                    # a complaint
])
def test_own_tickets_buyers_and_news_are_no_scalping(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(MUSICAL, text)
    assert "群规禁止" not in v.reason and v.action != "delete", v.reason


SNEAKERS = """
name: 球鞋收藏交流群
positioning: 球鞋收藏爱好者交流鉴定、保养和穿搭，可以转让自己穿过的鞋
topics: [球鞋, 鉴定, 保养, 穿搭]
audience: 球鞋爱好者
"""


# -- 2. counterfeit goods offered are an ad though the profile bans nothing -------------------------------------------
@pytest.mark.parametrize("text", [
    "要AJ1的来 一比一原单 和专柜一模一样 懂的来",
    "有需要高仿椰子的吗 280包邮 质量杠杠的",
    "莆田货源 各种款都有 想要的私我",
])
def test_counterfeit_goods_offered_are_an_ad(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(SNEAKERS, text)
    assert v.label == "ad" and v.action == "delete", v.reason
    assert "假货" in v.reason


@pytest.mark.parametrize("text", [
    "帮忙鉴定一下 这双是不是高仿 鞋标有点歪",            # asked about
    "提醒大家 闲鱼上好多一比一的 别买",                   # a warning
    "我这双不是高仿 专柜小票都在 原价转 私我",            # the real thing, disclaimed
    "高仿和正品差在哪 中底的做工一看就知道",              # talk, no company
])
def test_counterfeit_asked_warned_or_disclaimed_is_no_ad(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(SNEAKERS, text)
    assert "假货" not in v.reason and v.action != "delete", v.reason


HOMESTAY = """
name: 温泉镇民宿主交流群
positioning: 温泉镇的民宿老板交流接待、房价、平台运营和镇上的活动，禁止推销保健品
topics: [民宿, 接待, 房价, 平台运营]
audience: 温泉镇的民宿老板
banned: [推销保健品, 倒卖温泉门票]
"""


# -- 4. a banned item whose first word is its trade (推销 of 推销保健品) is named by its thing and what stands for it ---------
@pytest.mark.parametrize("text", [
    "保健品厂家直销 量大从优 有意者联系",
    "我们公司的深海鱼油 提高免疫力 199两瓶 有需要的私我",
])
def test_a_banned_thing_after_its_trade_word_is_cited(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(HOMESTAY, text)
    assert v.label == "ad" and v.action == "delete", v.reason
    assert "推销保健品" in v.reason


@pytest.mark.parametrize("text", [
    "有客人问房里能不能放鱼油和药 冰箱够不够 大家怎么回的",   # a question about a guest's pills
    "镇上温泉节周末开幕 有需要的朋友可以带客人来玩",           # 温泉 modifies the banned thing (门票); it is no part
])
def test_a_thing_the_group_talks_about_is_no_banned_offer(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(HOMESTAY, text)
    assert "群规禁止" not in v.reason and v.action != "delete", v.reason


# -- 5. a promise to send privately to whoever replies with a code is reply bait ------------------------------------------
@pytest.mark.parametrize("text", [
    '想要胶片调色预设的 回复"要"私发给你',
    "想要冲扫店内部折扣的评论区扣1 我发给你",
])
def test_a_reply_code_for_a_private_send_is_bait(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(CAMERA, text)
    assert v.label == "ad", v.reason
    assert "诱导回复" in v.reason


def test_a_member_offering_a_file_by_reply_is_never_deleted(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(CAMERA, "需要上次外拍集合地图的回复1 我发给你")
    assert v.action not in ("delete", "mute", "remind"), v.reason


# -- 6. a thing that spins (转起来) is no chain letter; the call to pass it on still is --------------------------------------
def test_a_spinning_part_is_no_chain_letter(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(CAMERA, "这台老海鸥的过片轮转起来咔咔响 是不是要上油了")
    assert v.label != "spam" and "转发" not in v.reason, v.reason


def test_a_call_to_pass_it_on_is_still_a_chain(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(CAMERA, "好运锦鲤 看到的大家转起来 转发就有好运")
    assert v.label == "spam", v.reason


HERITAGE = """
name: 古建修缮木匠师傅群
positioning: 做古建筑修缮的木匠师傅交流榫卯、选料和工地经验
topics: [古建, 修缮, 榫卯, 选料]
audience: 古建木匠和学徒
"""

COSPLAY_PHOTO = """
name: 漫展约拍摄影群
positioning: 给coser拍照的摄影师交流漫展约拍、布光和后期
topics: [约拍, 布光, 后期]
audience: 摄影师
"""


# -- 7. a kind of group's own gear and technique words (domains.yaml woodworking, cosplay) keep its talk on topic --------
@pytest.mark.parametrize(("profile", "text"), [
    (HERITAGE, "这批料含水率太高 开裂了"),
    (COSPLAY_PHOTO, "这套妆面还原度好高"),
])
def test_a_kinds_own_words_are_on_topic(judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ok", v.reason


@pytest.mark.parametrize(("profile", "text"), [
    (HERITAGE, "双十一买了个扫地机器人 太好用了"),
    (COSPLAY_PHOTO, "今晚NBA湖人打勇士 谁赢"),
])
def test_chatter_stays_off_topic_there(judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "off_topic", v.reason


# -- 8. add-me-for-a-priced-gift is bait like reply-for-a-priced-gift; a free file offered plainly is not --------------
def test_add_me_for_a_priced_gift_is_bait(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(HERITAGE, "加我送价值199的古建图纸合集 仅限今天")
    assert v.label == "ad" and v.action == "delete", v.reason


def test_a_plain_offer_of_a_free_file_is_not_deleted(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(HERITAGE, "新来的师傅可以加我好友 送你一份榫卯图纸 不要钱")
    assert v.action != "delete", v.reason
