"""Round 36, dev17z (issue 17): relevance by the group's own schedule and whole words, paid draws and reply bait,
shame said without a swear word.

1. The time of one of the group's events said beside a word of that event's title or place is its own notice.
2. Words that say where a group is (城北-like place words), who its members' families are (孩子, 老公) or a kind of
   arrangement or doing that a chatter word claims (国足比赛, 新手机发售) tie nothing to the group.
3. 代抽…签 is a paid-draw service (a banned act where the profile bans it, an ad word anywhere); reply bait with
   我发你 / 有意向的留言 and pirated software; 也不嫌臊得慌-like shame at someone is abuse.
Groups and messages written for these tests (a square-dance team, an old-flat renovation group, a bridge club, a
designer-toy group, a football-shirt collectors' group, a community choir, an electronic-organ class, a tea circle)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Moderator, Verdict
from copilot.moderation.normalise import normalise
from copilot.moderation.offtopic import OffTopicDetector
from copilot.moderation.signals import detect
from copilot.profile import parse_profile_text

DANCE = """
name: 滨河社区广场舞队
positioning: 滨河社区阿姨们一起跳广场舞的队伍群，通知排练时间、交流新舞步
topics: [广场舞, 舞步, 排练, 队形]
audience: 社区跳舞的阿姨叔叔
schedule: ["每天 19:30 滨河公园南门排练", "每周六 09:00 社区活动室学新舞"]
"""

FLAT = """
name: 城东老公寓改造交流群
positioning: 城东老公寓业主交流旧房翻新、水电改造、防水和收纳的经验
topics: [旧房翻新, 水电改造, 防水, 收纳, 装修]
audience: 住老公寓的业主
"""

BRIDGE = """
name: 南湖桥牌俱乐部
positioning: 桥牌爱好者交流叫牌体系、打牌技巧，每月办一次俱乐部内部比赛
topics: [桥牌, 叫牌, 打牌技巧, 比赛]
audience: 桥牌爱好者
"""

TOYS = """
name: 潮玩盲盒交流群
positioning: 盲盒和潮玩爱好者交流新品发售、隐藏款和摆件搭配，可以交换自己的重复款
topics: [盲盒, 潮玩, 发售, 隐藏款, 摆件]
audience: 潮玩爱好者
"""

SHIRTS = """
name: 复古球衣收藏群
positioning: 收藏复古足球球衣的朋友交流鉴别真假、保养和收藏故事，可以转让自己的藏品
topics: [球衣, 复古球衣, 鉴别, 收藏]
audience: 球衣收藏爱好者
banned: [代抽签, 假球衣]
"""

CHOIR = """
name: 梧桐社区合唱团
positioning: 合唱团团员交流声部练习、发声方法，通知排练
topics: [合唱, 声部, 发声, 排练]
audience: 合唱团团员
"""

ORGAN = """
name: 电子琴初学交流群
positioning: 电子琴初学者交流指法、曲谱和编曲软件的用法
topics: [电子琴, 指法, 曲谱, 编曲]
audience: 电子琴初学者
"""

TEA = """
name: 闲云茶友会
positioning: 喜欢喝茶的朋友交流冲泡方法、茶具和各地好茶
topics: [冲泡, 茶具, 红茶, 绿茶, 普洱]
audience: 茶友
"""


# -- 1. the group's own schedule ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["今晚7点半南门老地方 记得带扇子", "周六上午9点活动室学新舞 别迟到"])
def test_the_time_and_place_of_the_groups_own_event_are_its_notice(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(DANCE, text)
    assert v.label == "ok" and v.action == "none", v.reason


def test_the_event_time_needs_that_events_place_and_a_matching_time() -> None:
    detector = OffTopicDetector(parse_profile_text(DANCE))
    assert detector._own_schedule("今晚7点半南门老地方") == ["19:30", "南门"]
    assert detector._own_schedule("周六9点活动室见") == ["09:00", "活动室"]
    # the time of one event beside the place of the other, or a time none of its events has, is no notice of it
    assert detector._own_schedule("早上9点南门见") == []
    assert detector._own_schedule("今晚8点南门见") == []
    assert detector._own_schedule("今晚南门见") == []
    # a group without events has no schedule to match
    assert OffTopicDetector(parse_profile_text(TEA))._own_schedule("今晚7点半南门见") == []


# -- 2. words that tie nothing to the group -----------------------------------------------------------------------------
@pytest.mark.parametrize(("group", "text"), [
    (FLAT, "我老公天天加班 家务全是我的"),              # 老公 is a part of 老公寓, not the group's subject
    (FLAT, "城东哪里修电脑便宜啊 屏幕坏了"),            # 城东 says where the group is, not what it is about
    (BRIDGE, "今晚NBA比赛有人一起看吗"),               # someone else's 比赛
    (TOYS, "今天发工资了 去买了新手机 新手机发售第一天排队排死"),  # the phone's 发售
])
def test_a_word_of_the_profile_that_says_where_who_or_whose_is_no_tie(judge: Callable[[str, str], Verdict],
                                                                       group: str, text: str) -> None:
    v = judge(group, text)
    assert v.label == "off_topic", v.reason
    assert v.action in ("review", "remind"), v.reason


@pytest.mark.parametrize(("group", "text"), [
    (FLAT, "老公寓的水管要不要全换 还是只换厨房的"),
    (BRIDGE, "这个月的俱乐部比赛几号报名"),
    (BRIDGE, "昨天比赛那副牌叫到4红心是不是冒进了"),
    (TOYS, "新系列盲盒下周发售 有人一起去排吗"),
])
def test_the_same_words_about_the_groups_own_subject_stay_ok(judge: Callable[[str, str], Verdict], group: str, text: str) -> None:
    v = judge(group, text)
    assert v.label == "ok" and v.action == "none", v.reason


def test_family_words_count_only_as_whole_words_of_the_subject() -> None:
    flat = OffTopicDetector(parse_profile_text(FLAT))
    assert "老公" in flat.own_text and "老公" not in flat.subject_words
    assert not flat.owns("老公")
    rep = detect(normalise("我老公天天加班 家务全是我的"))
    assert flat._relevance("我老公天天加班家务全是我的", rep) is None
    # a group whose subject names the family keeps the word: 孩子 in a parents' group
    kids = OffTopicDetector(parse_profile_text("name: 学琴孩子家长群\npositioning: 学钢琴孩子的家长交流练琴方法\ntopics: [练琴]\n"))
    assert kids.owns("孩子")


# -- 3. paid draws, reply bait, pirated software ------------------------------------------------------------------------
def test_a_paid_draw_is_the_banned_act_cited_by_the_rule(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(SHIRTS, "打扰了 本人可以代抽各大平台的签 中签率高 中了再付 有需要私聊")
    assert v.label == "ad" and v.action == "delete", v.reason
    assert "群规禁止代抽签" in v.reason


@pytest.mark.parametrize("text", ["请问大家代抽签靠谱吗 有人试过没", "提醒一下 最近有人私聊说能代抽签 都是骗子"])
def test_asking_or_warning_about_paid_draws_is_not_acted_on(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(SHIRTS, text)
    assert v.action not in ("delete", "mute", "warn"), v.reason
    assert v.label != "ad" or v.action == "review", v.reason


def test_a_paid_draw_offer_is_an_ad_where_the_profile_does_not_ban_it(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(TOYS, "专业代抽各平台的签 中了再付 私我")
    assert v.label == "ad" and v.action == "delete", v.reason


def test_pirated_software_for_a_reply_code_is_deleted(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(ORGAN, "想要编曲软件破解版的 评论区扣1 我发你")
    assert v.label == "ad" and v.action == "delete", v.reason


@pytest.mark.parametrize("text", ["有人知道这个编曲软件有破解版吗 正版好贵", "我整理了一份初学曲谱 要的话我发你"])
def test_a_member_asking_for_or_offering_a_file_is_ok(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(ORGAN, text)
    assert v.label == "ok" and v.action == "none", v.reason


def test_a_wholesaler_asking_for_a_message_back_is_an_ad(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(TEA, "云南古树普洱批发 厂家直供 有意向的留言 我看到回你")
    assert v.label == "ad" and v.action == "delete", v.reason


# -- 4. shame said to someone without a swear word ----------------------------------------------------------------------
@pytest.mark.parametrize("text", ["你唱的那也叫合唱？跑调跑到姥姥家 还天天教别人 也不嫌臊得慌",
                                  "你管好你自己 别整天对别人的声部指手画脚 谁稀罕你教"])
def test_shame_or_a_brush_off_at_someone_is_abuse(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(CHOIR, text)
    assert v.label == "abuse", v.reason
    assert v.action in ("review", "warn"), v.reason


def test_shame_at_oneself_is_no_abuse(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(CHOIR, "今天高音又破了 我自己都觉得臊得慌 回家再练练发声")
    assert v.label != "abuse", v.reason


def test_the_moderator_is_built_from_these_profiles(profile_moderator: Callable[[str], Moderator]) -> None:
    assert profile_moderator(DANCE).offtopic is not None


SALON = """
name: 木槿理发工作室老客户群
positioning: 木槿理发工作室的老客户群，发布预约通知、会员优惠和护发小知识
topics: [剪发, 烫发, 染发, 护发, 预约]
audience: 来店里做过头发的客户
type: 消费型
products:
  - {name: 洗剪吹, price: 68, unit: 次}
"""


@pytest.mark.parametrize("text", ["上次把充电宝落在前台了 店员帮我看看还在不在", "哈哈谢谢老板娘 昨天送的小蛋糕很好吃"])
def test_the_shops_people_and_counter_are_its_own_group_talk(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(SALON, text)
    assert v.label == "ok" and v.action == "none", v.reason


@pytest.mark.parametrize("text", ["我老板今天又让我加班到十点 烦死了", "隔壁老板娘家的狗好可爱 天天在楼下跑"])
def test_a_members_own_boss_is_no_shop_talk(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(SALON, text)
    assert v.label == "off_topic", v.reason


def test_a_bare_offer_with_a_price_is_not_said_to_have_none(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(ORGAN, "出一台闲置的61键电子琴 用了半年 350包邮 有需要的私聊")
    assert v.action in ("none", "review"), v.reason
    if v.label == "ad":
        assert "没有联系方式、价格或链接" not in v.reason and "价格" in v.reason
    w = judge(ORGAN, "61键电子琴的入门谱我整理了一份 想要的私我")
    assert "只有“私我”、价格" not in w.reason


CANYON = """
name: 青溪溯溪户外俱乐部
positioning: 俱乐部组织溯溪线路，会员交流装备和安全知识；俱乐部活动由领队发布，AA费用
topics: [溯溪, 溯溪鞋, 路线, 安全, 装备]
audience: 溯溪爱好者
banned: [私人收费带队]
"""


def test_a_private_paid_guided_trip_is_the_banned_act(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(CANYON, "我带队走九龙溪 一人180 含头盔和溯溪鞋 想去的私信我")
    assert v.label == "ad" and v.action == "delete", v.reason
    assert "群规禁止私人收费带队" in v.reason


@pytest.mark.parametrize("text", ["本周六俱乐部活动 老周带队 一人40 含保险 群里接龙报名",
                                  "上个月领队带我们走了一趟 一人90 挺值的"])
def test_the_clubs_own_trip_or_a_past_one_is_not_the_banned_act(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(CANYON, text)
    assert v.label != "ad" and v.action not in ("delete", "mute", "warn"), v.reason
