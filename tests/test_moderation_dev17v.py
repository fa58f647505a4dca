"""Round 34b, dev17v (issue 17): a banned trade is read as an act on a thing (代购 + 茶叶, 黄牛 + 名额), said in other
words or split; a one-character or emoji contact label with an id-like run is a contact; a red-packet demand is spam;
a topic word the message disclaims (跟…没关系) ties nothing to the group; a kind of group's own words (domains.yaml)
keep its members' talk out of the chatter queue.
Groups and messages written for these tests (tea growers, a running club, sea anglers, a book club, military scale
models, a music festival goers' group — none of them a yarn shop, fan club, balcony garden or Gunpla group)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict
from copilot.moderation.offtopic import without_disclaimed

TEA = """
name: 武夷山岩茶茶友群
positioning: 喝岩茶的茶友交流冲泡、品鉴和存茶，茶农可以介绍自家的茶山
topics: [岩茶, 冲泡, 品鉴, 存茶]
audience: 岩茶爱好者
banned: [茶叶代购]
"""

RUNNING = """
name: 滨江跑团
positioning: 滨江跑团的跑友交流训练、约跑和马拉松报名信息
topics: [跑步, 约跑, 马拉松, 训练]
audience: 附近的跑步爱好者
banned: [黄牛名额, 代抢名额]
"""

ANGLING = """
name: 东海海钓交流群
positioning: 海钓爱好者交流钓点、钓组和出海安排，可以转让自己的闲置渔具
topics: [海钓, 钓点, 钓组, 出海]
audience: 沿海城市的海钓爱好者
"""

BOOKS = """
name: 周三夜读书会
positioning: 每周三晚上线上共读一本书，分享读书笔记和书单
topics: [读书, 共读, 读书笔记, 书单]
audience: 喜欢阅读的上班族
"""

TANKS = """
name: 装甲比例模型交流群
positioning: 1/35 装甲比例模型爱好者交流制作、涂装和旧化
topics: [比例模型, 装甲, 涂装, 旧化]
audience: 军事模型玩家
"""

FESTIVAL = """
name: 草莓音乐节观演互助群
positioning: 一起去音乐节的乐迷交流巡演信息、观演攻略和拼车拼房
topics: [音乐节, 观演, 拼车, 乐队]
audience: 乐迷
"""


# -- 1. the banned trade as an act on a thing, however it is said ----------------------------------------------------
@pytest.mark.parametrize(("profile", "text", "item"), [
    (TEA, "下个月我回武夷山 可以帮大家带茶叶 比网上便宜不少 要的说", "茶叶代购"),
    (RUNNING, "今年北马的名额我这能搞到 群里不方便说 懂的加我", "黄牛名额"),
    (RUNNING, "代抢杭马 成功才收费 抢不到不要钱", "代抢名额"),
])
def test_a_banned_act_on_its_thing_is_the_banned_trade(judge: Callable[[str, str], Verdict],
                                                       profile: str, text: str, item: str) -> None:
    v = judge(profile, text)
    assert v.label == "ad" and v.action == "delete", v.reason
    assert item in v.reason


@pytest.mark.parametrize(("profile", "text"), [
    (TEA, "有没有人能帮我带点茶叶回来？我付钱"),             # asking for a favour, not offering the trade
    (TEA, "我去武夷山买茶叶 顺便问下 帮大家带点茶点心要不要"),  # the act and the thing in different clauses
    (TEA, "小心那个说帮大家带茶叶的 上次收了钱就不见了"),     # a warning about the trade
    (RUNNING, "今年北马的名额终于抽中了 开心"),                # the thing alone, no act
    (RUNNING, "有人能帮我抢个名额吗 我手速太慢了"),            # a question
])
def test_the_thing_or_the_act_alone_or_asked_is_no_banned_trade(judge: Callable[[str, str], Verdict],
                                                              profile: str, text: str) -> None:
    v = judge(profile, text)
    assert not (v.label == "ad" and v.action == "delete"), v.reason
    assert "群规禁止" not in v.reason


# -- 2. disguised contacts ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "handle"), [
    ("出海钓组批发 📞微 haidiao_2024 量大从优", "haidiao_2024"),
    ("钓竿渔轮低价出 v：hd 8 8 3 2 1 0", "hd883210"),
    ("要鱼饵的加 q：sea 6 6 7 7 8", "sea66778"),
])
def test_a_short_or_emoji_label_before_an_id_is_a_contact(judge: Callable[[str, str], Verdict],
                                                         text: str, handle: str) -> None:
    v = judge(ANGLING, text)
    assert v.label == "ad" and v.action == "delete", v.reason
    assert handle in v.reason
    assert "没有联系方式" not in v.reason and "未附联系方式" not in v.reason


@pytest.mark.parametrize("text", [
    "我那根竿子是 v 2 版本的 手感比一代好",       # a version, not a handle
    "今天用 q 弹的软饵 钓了三条黑鲷",            # a letter in a word, no id
])
def test_a_letter_without_an_id_is_no_contact(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(ANGLING, text)
    assert v.label != "ad", v.reason


# -- 3. red-packet demands ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "群主发个红包吧 红包红包红包",
    "不发红包我就一直刷 群主快发",
    "求红包 求发红包 今天过节",
])
def test_a_red_packet_demand_is_spam(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(BOOKS, text)
    assert v.label == "spam" and v.action == "remind", v.reason


@pytest.mark.parametrize("text", ["我发个红包 庆祝读完第十本", "谢谢群主发的红包 下周三见"])
def test_a_members_own_red_packet_or_thanks_is_not_spam(judge: Callable[[str, str], Verdict], text: str) -> None:
    assert judge(BOOKS, text).label != "spam"


# -- 4. a disclaimed topic word --------------------------------------------------------------------------------------
def test_a_disclaimed_topic_word_gives_no_relevance(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(BOOKS, "最近在追一部电视剧 强推 不过跟读书没关系")
    assert v.label == "off_topic", v.reason
    assert "与群主题相关" not in v.reason


def test_without_disclaimed_drops_only_the_disclaimed_words() -> None:
    assert without_disclaimed("不过跟读书没关系") == "不过跟没关系"
    assert without_disclaimed("这本书和作者的经历无关") == "这本书和无关"
    assert without_disclaimed("读书笔记我写好了") == "读书笔记我写好了"  # nothing disclaimed


def test_a_topic_word_outside_the_disclaimer_still_counts(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(BOOKS, "这周共读的书跟上一本没关系 可以直接读")
    assert v.label == "ok", v.reason


# -- 5. the kind of group's own words -------------------------------------------------------------------------------
@pytest.mark.parametrize(("profile", "text"), [
    (TANKS, "漆面喷出橘皮了 还能救吗"),
    (TANKS, "水贴总是翘边 大家用什么软化"),
    (FESTIVAL, "官宣了！！大麦周五中午开抢 大家定好闹钟"),
    (FESTIVAL, "回放出了吗 没抢到票好难过"),
])
def test_a_kind_of_groups_own_words_are_on_topic(judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ok", v.reason


def test_life_chatter_is_still_chatter_in_those_groups(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(FESTIVAL, "今晚吃火锅还是烤肉 纠结死了")
    assert v.label == "off_topic", v.reason


CLUB_FANS = """
name: 申城足球俱乐部粉丝群
positioning: 主队球迷交流赛程、比赛复盘和观赛约球
topics: [赛程, 复盘, 观赛, 主队]
audience: 主队球迷
"""


def test_a_fan_group_of_another_kind_does_not_take_a_singers_words(judge: Callable[[str, str], Verdict]) -> None:
    # 粉丝群 names fans of anything: it is no sign of a music fandom, so a new song is chatter in a football fan group
    v = judge(CLUB_FANS, "那个女团的新歌你们听了吗 副歌单曲循环一下午了")
    assert v.label == "off_topic", v.reason


# -- the sender's profile pointed at with a bare 点 ----------------------------------------------------------------
def test_tap_my_avatar_for_the_shop_is_a_pointer(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(ANGLING, "厂家直销路亚饵 全网最低 9.9包邮 点我头像进店")
    assert v.label == "ad" and v.action == "delete", v.reason
    assert "点我头像" in v.reason


# -- a sneer at someone's result, with no person word --------------------------------------------------------------
def test_a_sneer_at_someones_result_is_abuse(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(TANKS, "涂成这样还发 你这坦克真可怜 还不如别做")
    assert v.label == "abuse" and v.action != "none", v.reason


def test_own_bad_result_is_not_abuse(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(TANKS, "第一次旧化 脏成这样了 下次还不如先拿废件练练")
    assert v.label != "abuse", v.reason
