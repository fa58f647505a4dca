"""Round 31, dev17j (issue 17): off-topic read from a message's FORM and its object — an invitation or request to
members about something outside the group's topics — the group's domain object named on its own (鼠找到了), abuse
without swear words (contempt forms, a put-down of a whole kind of people) acted on when the abuse model agrees, and
no public pull-back for a member in trouble (病了, 走丢)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict
from copilot.moderation.offtopic import distress_words, invitation_objects
from copilot.moderation.signals import group_slur

HAMSTER = """
name: 仓鼠饲养交流群
positioning: 金丝熊、三线、布丁等仓鼠的饲养交流，分享垫料、笼子布置、喂食和看病经验，互助找跑丢的仓鼠
topics: [仓鼠, 金丝熊, 鼠粮, 鼠笼, 垫料, 仓鼠看病]
audience: 养仓鼠的鼠友
"""

GUOHUA = """
name: 周末国画写生群
positioning: 一起学国画、周末外出写生的画友群，交流笔墨、构图和作品，组织者发写生和看展活动
topics: [国画, 写生, 山水, 花鸟, 工笔, 笔墨, 画展]
audience: 学国画的成年画友
schedule: ["每月第一、三个周六 写生（地点群里通知）"]
"""

SAX = """
name: 萨克斯爱好者交流群
positioning: 业余萨克斯爱好者交流吹奏技巧、哨片和乐器保养，分享练习录音，每周四晚上合奏排练
topics: [萨克斯, 哨片, 吹奏, 气息, 合奏, 乐器保养]
audience: 业余萨克斯爱好者
schedule: ["每周四 19:30 合奏排练（文化馆二楼）"]
"""

NAILS = """
name: 美甲师同行交流群
positioning: 美甲师同行交流款式、手法和门店经营，可以发自己店的招聘
topics: [美甲, 甲油胶, 延长甲, 手绘, 门店经营, 美睫]
audience: 美甲师和美甲店主
"""

FINCH = """
name: 文鸟爱好者群
positioning: 养文鸟的鸟友交流手养、喂食、换羽和看病，互助找飞走的鸟
topics: [文鸟, 鸟粮, 鸟笼, 手养, 换羽]
audience: 养文鸟的鸟友
"""



# -- 1: an invitation or request whose object is none of the group's ---------------------------------------------
@pytest.mark.parametrize("profile, text", [
    (NAILS, "周末一起去太湖边放风筝吗"),
    (NAILS, "有人一起拼车去上海迪士尼吗 差两个人"),
    (GUOHUA, "周末有人一起去打羽毛球吗"),
    (HAMSTER, "今晚有人打王者吗 还差一个"),
])
def test_an_invitation_to_something_outside_the_topics_is_reminded(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "off_topic" and v.action == "remind", v.reason
    assert v.reply, v.reason


@pytest.mark.parametrize("profile, text", [
    (GUOHUA, "周末有人一起去美术馆看展吗"),  # 看展 ~ 画展: maybe the group's own outing
    (GUOHUA, "周六有人一起去西湖边写生吗"),
    (SAX, "周四排练有人一起去吗 我开车可以带两个人"),
    (SAX, "有人一起去琴行试吹新款中音吗"),  # 试吹 ~ 吹奏
    (HAMSTER, "有人一起拼单买垫料吗"),
    (HAMSTER, "求推荐一款不扬尘的垫料"),
    (NAILS, "有没有人一起去学日式美甲 想找个伴"),
])
def test_an_invitation_inside_the_topics_is_left_alone(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ok" and v.action == "none", v.reason


def test_a_request_outside_the_topics_is_reviewed_never_reminded(
        judge: Callable[[str, str], Verdict]) -> None:
    v = judge(SAX, "单位年会要出个节目 有人有好点子吗")
    assert v.label == "off_topic" and v.action == "review", v.reason
    assert "请教" in v.reason, v.reason


def test_an_invitation_whose_object_we_do_not_know_is_only_reviewed(
        judge: Callable[[str, str], Verdict]) -> None:
    v = judge(HAMSTER, "周末一起去普陀山拜佛吗")  # 拜佛: a word the dictionary barely knows
    assert v.label == "off_topic" and v.action == "review", v.reason


def test_invitation_objects_drop_the_form_times_places_and_numbers() -> None:
    kind, objects = invitation_objects("今晚有人打王者吗五排差一个")
    assert kind == "invite" and objects == ["王者"]
    assert invitation_objects("有人有好点子吗")[0] == "request"
    assert invitation_objects("垫料今天到货了") is None
    assert invitation_objects("") is None


# -- 2: the group's domain object, named on its own ----------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "谢谢大家 鼠找到了！！躲在沙发底下",
    "我家的鼠这两天老是啃笼子 正常吗",
])
def test_the_groups_domain_object_on_its_own_is_on_topic(
        judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(HAMSTER, text)
    assert v.label == "ok", v.reason


@pytest.mark.parametrize("profile, text", [
    (HAMSTER, "这个牌子的磨牙棒我上次在拼多多买的才9块 是不是假的啊"),
    (FINCH, "这家的谷子我在拼多多买的才15块 是不是陈粮啊"),
])
def test_a_kind_of_the_groups_things_with_a_price_and_a_shop_is_on_topic(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    # 磨牙棒, 谷子 are the upkeep of small pets and birds (domains.yaml), whatever the shop and the price
    v = judge(profile, text)
    assert v.label == "ok" and v.action == "none", v.reason


def test_a_character_inside_another_word_is_not_the_domain_object(
        judge: Callable[[str, str], Verdict]) -> None:
    # 鼠标 is a computer mouse: 鼠 is not a word of its own there
    v = judge(HAMSTER, "今晚有人一起打游戏吗 我新买了个鼠标")
    assert v.label == "off_topic", v.reason


# -- 3: abuse without swear words ------------------------------------------------------------------------------------
@pytest.mark.parametrize("profile, text", [
    (HAMSTER, "你们南方人就是没素质 鼠都养不明白"),
    (HAMSTER, "河南人都是骗子 别跟他们买鼠"),
    (SAX, "问这种问题说明你根本不适合吹萨克斯 趁早把琴卖了吧"),
    (NAILS, "就你这水平还好意思发作品 线条跟狗爬的一样"),
])
def test_contempt_the_abuse_model_agrees_with_is_acted_on_as_abuse(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "abuse" and v.action == "warn", v.reason
    assert "闲聊" not in v.reason, v.reason


@pytest.mark.parametrize("profile, text", [
    (SAX, "他在排练时骂我“滚出去” 管理员管管"),  # a quoted report
    (NAILS, "这个款式做得不太好，线条有点抖，建议多练练"),  # criticism of the work
    (SAX, "我吹得跟杀鸡一样哈哈 大家别笑"),  # self-mockery
])
def test_reports_criticism_and_self_mockery_are_not_acted_on_as_abuse(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label != "abuse" and v.action in ("none", "review"), v.reason


def test_a_slur_on_a_kind_of_people_is_a_form_not_a_word() -> None:
    assert group_slur().search("你们外地人就是素质低")
    assert group_slur().search("新来的全是骗子")
    assert not group_slur().search("外地人都很热情")
    assert not group_slur().search("好多人都不会调平")


# -- 4: a member in trouble is not pulled back to the topic in public ------------------------------------------------
@pytest.mark.parametrize("profile, text", [
    (SAX, "我家猫不吃饭了两天了 是不是生病了"),
    (NAILS, "我家狗狗昨天走丢了 在城西那边 大家帮忙留意一下"),
])
def test_a_member_in_trouble_is_reviewed_not_reminded(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.action == "review" and not v.reply, v.reason
    assert "难事" in v.reason, v.reason


def test_chatter_without_trouble_is_still_reminded(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(SAX, "昨晚那场球赛看了没 最后一分钟绝杀太刺激了")
    assert v.label == "off_topic" and v.action == "remind", v.reason


def test_distress_words() -> None:
    assert distress_words("我家猫不吃饭了是不是生病了") == ["不吃饭", "生病"]
    assert distress_words("今天排练很开心") == []
