"""Round 80, d17b80 (issue 17): a fresh tester (qa17r23) saw threats without a swear word judged as chatter or only sent
for review (「再乱说我就人肉你，知道你住哪」, 「再在群里阴阳怪气我就揍你」), a sneer at members passed as ok (「有些人献个血就天天晒，
真当自己是英雄了」), and on-topic questions that name a place, a show or a tool of the group's hobby but not its word
(「有没有人去过图森矿物展？」 in a meteorite group) sent for review as chatter.

What changed, all as data: lexicons.yaml ``abuse.harm_vow`` (我就揍你… — signals.yaml ``harm_vow``, left out with a laugh
and no hostile word), ``abuse.threat`` (开你的盒, 把你人肉, 肉搜你, 我会让你后悔), ``abuse.stalk_know`` (知道你在哪个公司,
知道你车停哪, 知你住几楼); patterns.yaml ``reported_speech.not_after`` (乱说/胡说/瞎说 is no report) and ``sneer.self_title.
titles`` (英雄, 大善人, 老司机…); domains.yaml ``meteorites`` and ``drones`` and more words for astronomy, running and sea
angling; the neighbourhood context's Hong Kong building words; relevance.yaml ``abuse_report`` (威胁, 恐吓). Groups and
messages written for these tests, not taken from any eval set."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict
from copilot.moderation.labels import ACTED

BOARDGAME = """
name: 杭州剧本杀桌游局
positioning: 杭州的桌游和剧本杀玩家约周末局，讨论规则、新本和开团时间
topics: [桌游, 剧本杀, 约局, 开团, 规则]
audience: 杭州的桌游玩家
type: 兴趣型
"""

METEORITES = """
name: 陨石爱好者之家
positioning: 交流陨石的鉴定、收藏和野外寻找经验
topics: [陨石, 鉴定, 收藏]
audience: 陨石收藏爱好者
type: 兴趣型
"""

DRONES = """
name: 广州航拍交流群
positioning: 广州的无人机航拍爱好者交流飞行技巧、空域规定和后期
topics: [航拍, 无人机, 后期]
audience: 广州航拍爱好者
type: 兴趣型
"""

DONORS = """
name: 杭州热血志愿者
positioning: 杭州无偿献血者交流献血知识和街头招募活动
topics: [无偿献血, 志愿服务, 招募活动]
audience: 杭州的献血者
type: 公益型
"""

ESTATE_HK = """
name: 富華大廈業主群
positioning: 富華大廈業主同住戶講大廈維修、管理費同法團會議
topics: [大廈維修, 管理費, 法團]
audience: 富華大廈業主
type: 社区型
platform: whatsapp
"""


@pytest.mark.parametrize(("group", "text"), [
    (BOARDGAME, "你再胡说我就人肉你，别以为我不知道你住哪"),  # 胡说 + 我: the writer's own threat, not a report
    (BOARDGAME, "上次的事还没完，再在群里带节奏我就揍你"),
    (DRONES, "你再到处说我黑飞，小心我开你的盒"),
    (DONORS, "你再乱讲我冒领献血证，我就把你人肉出来挂到朋友圈"),
    (ESTATE_HK, "我知你住幾樓，夜晚出入小心啲"),
    (BOARDGAME, "我知道你车停哪，你给我小心点"),
])
def test_a_threat_without_a_swear_word_is_abuse_and_acted_on(judge: Callable[[str, str], Verdict], group: str,
                                                               text: str) -> None:
    v = judge(group, text)
    assert v.label == "abuse", (text, v.label, v.reason)
    assert v.action in ACTED, (text, v.action, v.reason)


@pytest.mark.parametrize(("group", "text"), [
    (BOARDGAME, "阿杰再迟到我就揍你哈哈，说好一点半开车的"),  # friends' banter over being late, with a laugh
    (BOARDGAME, "群主，刚才有人私聊我说要人肉我，还说知道我住哪，这算威胁吧"),  # a threat reported to the admins
    (BOARDGAME, "我知道你住哪，明天顺路把你落下的骰子送过去"),  # knowing the address to help
    (DRONES, "大家发航拍视频注意别拍到家里窗户，开盒的人太多了"),  # talk of doxxing, no one threatened
])
def test_banter_reports_and_help_are_not_acted_on(judge: Callable[[str, str], Verdict], group: str, text: str) -> None:
    v = judge(group, text)
    assert v.label != "abuse", (text, v.label, v.reason)
    assert v.action not in ACTED, (text, v.action, v.reason)


def test_a_sneer_at_members_who_think_themselves_heroes_is_abuse(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(DONORS, "有些人献了两回血就天天在群里晒，真当自己是英雄了")
    assert v.label == "abuse", (v.label, v.reason)
    for text in ("我献完第十次血，感觉自己是个小英雄了哈哈",  # the writer of themself
                 "王大哥坚持献血十五年，是我们群的英雄"):  # praise
        v = judge(DONORS, text)
        assert v.label == "ok", (text, v.label, v.reason)


@pytest.mark.parametrize(("group", "text"), [
    (METEORITES, "有没有人去过今年的石博会？"),  # a show of the hobby, no 陨石
    (METEORITES, "阿勒泰那边现在还能去捡吗"),  # a field of the hobby
    (METEORITES, "这块表面有熔壳，吸铁也挺强，值得切开看看吗"),
    (DRONES, "今年车展那几天是不是又限飞了"),  # the airspace rule, no 无人机
    (DRONES, "有人在白云山顶试过图传吗，信号稳不稳"),
    (ESTATE_HK, "升降機又壞咗，有冇人知幾時整好"),  # Cantonese, the building's lift
    (ESTATE_HK, "天花滲水滲到廳，應該搵邊個師傅"),
])
def test_an_on_topic_question_without_the_topic_word_is_not_chatter(judge: Callable[[str, str], Verdict], group: str,
                                                                   text: str) -> None:
    v = judge(group, text)
    assert v.label == "ok", (text, v.label, v.reason)


@pytest.mark.parametrize(("group", "text"), [
    (METEORITES, "有没有人去过迪士尼，今年门票多少钱"),  # the same 去过/今年, chatter
    (DRONES, "今年你们年终奖发了多少"),
    (ESTATE_HK, "今晚有冇人一齊睇波"),
])
def test_chatter_with_the_same_everyday_words_stays_off_topic(judge: Callable[[str, str], Verdict], group: str,
                                                              text: str) -> None:
    v = judge(group, text)
    assert v.label == "off_topic", (text, v.label, v.reason)
