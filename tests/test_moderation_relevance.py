"""Fewer false alarms on members' own sharing, off-topic by meaning, chain letters and solicitation,
quoted insults reported to the admin (issue 17, items 2–4). Texts written for these tests."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.moderation.pipeline import Moderator
from copilot.profile import parse_profile_text

PROFILES = {
    "design": """\
name: 平面设计交流群
positioning: 平面设计师交流排版、字体、配色和接单经验
topics: [平面设计, 排版, 字体, 配色]
""",
    "cycling": """\
name: 城西骑行约骑群
positioning: 城西骑友周末约骑、交流路线和装备保养
topics: [骑行, 约骑, 路线, 装备]
events:
  - {title: 周六环湖骑, kind: 线下活动, cadence: 每周六, time: "07:30", place: 西湖断桥, details: 下雨取消}
""",
    "study": """\
name: 注会备考互助群
positioning: 备考注册会计师的同学每天打卡、讲题和分享资料
topics: [注会, 会计, 审计, 税法, 打卡]
events:
  - {title: 周三晚讲题, kind: 分享, cadence: 每周三, time: "20:00", host: 群主老周}
""",
    "parents": """\
name: 一年级三班家长群
positioning: 一年级三班家长沟通作业、接送和班级活动
topics: [作业, 接送, 班级活动]
""",
}


@pytest.fixture(scope="module")
def mods(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Moderator]:
    s = Settings(data_dir=tmp_path_factory.mktemp("d"), llm_provider="offline")
    return {k: Moderator(s, parse_profile_text(v), audit=None) for k, v in PROFILES.items()}


def _judge(mods: dict[str, Moderator], profile: str, text: str):  # type: ignore[no-untyped-def]
    # a different member each time, so the module's shared moderators never see a flood
    return mods[profile].moderate({"id": "1", "user": uuid.uuid4().hex, "text": text})


@pytest.mark.parametrize("profile, text", [
    ("design", "推荐一个免费可商用的字体，做海报很好看 https://www.fonts-example.cn/free"),
    ("design", "这个免费配色网站挺好用，输入主色就出整套方案 https://colors.example.com"),
    ("study", "今晚8点群内分享，主讲老周讲审计风险模型，欢迎准时来听"),
    ("study", "分享一份我整理的税法思维导图，免费，需要的自取 https://pan.example.com/s/abc"),
    ("cycling", "有人知道这个码表一百五贵不贵？同款别人说一百就能买到"),
    ("parents", "周五的班级活动要带水彩笔和一件旧T恤，家委会统一买的画纸不用带"),
])
def test_members_own_sharing_is_not_an_ad(mods: dict[str, Moderator], profile: str, text: str) -> None:
    v = _judge(mods, profile, text)
    assert v.label == "ok", v.reason


@pytest.mark.parametrize("profile, text", [
    ("design", "字体打包出售，三千款商用字体只要9.9，加微信 font8899 发货"),
    ("study", "注会包过班，不过全退，报名咨询见我头像"),
    ("cycling", "新店开业大酬宾，公路车全场八折，地图搜「风行单车」到店有礼"),
])
def test_sellers_dressed_as_members_are_still_ads(mods: dict[str, Moderator], profile: str, text: str) -> None:
    assert _judge(mods, profile, text).label == "ad"


@pytest.mark.parametrize("profile, text", [
    ("cycling", "出各种公路车配件，全新未拆，便宜出"),
    ("study", "出注会全套网课，最新版，便宜出"),
    ("design", "承接各种海报设计，价格好说，加急也能做"),
])
def test_short_on_topic_offers_without_a_contact_are_ads_but_only_reviewed(mods: dict[str, Moderator], profile: str,
                                                                          text: str) -> None:
    # no handle, no link: the member-post rule must not clear them, and the classifier alone never deletes
    v = _judge(mods, profile, text)
    assert v.label == "ad", v.reason
    assert v.action == "review", v.reason


@pytest.mark.parametrize("profile, text", [
    ("cycling", "我换了新码表，旧的免费送给刚入门的骑友，周六活动带过去"),
    ("study", "考完了，手上的审计教材免费送一位同学，同城自取"),
    ("cycling", "车店说换一套变速线要120，还打八折，这价格正常吗？"),
])
def test_a_members_giveaway_or_price_question_is_not_an_ad(mods: dict[str, Moderator], profile: str, text: str) -> None:
    assert _judge(mods, profile, text).label == "ok"


@pytest.mark.parametrize("profile, text", [
    ("cycling", "明天要是下雨活动取消吗？"),
    ("cycling", "周六环湖骑几点在断桥集合？"),
    ("cycling", "下雨的话周六约骑还去吗"),
    ("parents", "明天放学谁家方便顺路接一下孩子，我加班"),
])
def test_questions_about_the_groups_own_arrangements_are_on_topic(mods: dict[str, Moderator], profile: str,
                                                                  text: str) -> None:
    v = _judge(mods, profile, text)
    assert v.label == "ok", v.reason


@pytest.mark.parametrize("profile, text", [
    ("study", "周末去游乐园排了三小时队，累死了"),
    ("cycling", "哪里修电脑便宜啊，开机就蓝屏"),
    ("design", "昨晚那部宫斗剧大结局你们看了吗，太虐了"),
])
def test_life_chatter_is_off_topic_by_meaning(mods: dict[str, Moderator], profile: str, text: str) -> None:
    v = _judge(mods, profile, text)
    assert v.label == "off_topic", v.reason
    assert "闲聊概率" in v.reason


def test_a_chatter_word_alone_does_not_decide(mods: dict[str, Moderator]) -> None:
    # 下雨 is a chatter topic, but this is about the group's ride
    v = _judge(mods, "cycling", "明天下雨的话路线改走隧道那条吗")
    assert v.label == "ok"
    # without a chatter topic word and asking nothing, a chatter-like message is labelled but left to a person
    v = _judge(mods, "study", "昨天在楼下排了半小时队买包子，还没买到")
    assert v.label == "off_topic" and v.action == "review"
    # the chatter model alone (no chatter word) labels; one layer never reminds in public
    v = _judge(mods, "study", "谁知道附近哪家包子铺靠谱，排队的那家总卖完")
    assert v.label == "off_topic" and v.action == "review", v.reason
    # a life errand (修手机) beside the chatter model is a second layer
    v = _judge(mods, "study", "谁知道附近哪家修手机的靠谱，屏幕摔裂了")
    assert v.label == "off_topic" and v.action == "remind", v.reason


@pytest.mark.parametrize("text", [
    "转发给8个群就转运，不转倒霉一年",
    "请把这条消息发给你所有好友，否则手机会中毒",
    "帮忙投一票，选3号小朋友，投完发你红包",
    "家人们帮我砍一刀，就差一点了 https://pdd.example.com/k/1",
])
def test_chain_letters_and_solicitation_are_spam(mods: dict[str, Moderator], text: str) -> None:
    assert _judge(mods, "parents", text).label == "spam"


@pytest.mark.parametrize("text, label", [
    ("刚才有人在群里骂我“废物”，管理员能不能管管", "ok"),
    ("他说我是蠢货，就因为我问了个新手问题，群主看看吧", "ok"),
    ("你骂我？你才是废物", "abuse"),
    ("管理员你就是个蠢货", "abuse"),
])
def test_a_quoted_insult_reported_to_the_admin_is_not_abuse(mods: dict[str, Moderator], text: str, label: str) -> None:
    assert _judge(mods, "study", text).label == label


def test_quick_label_without_a_profile_never_says_off_topic(tmp_path: Path) -> None:
    mod = Moderator(Settings(data_dir=tmp_path, llm_provider="offline"), None, audit=None)
    assert mod.moderate("周末去游乐园排了三小时队，累死了").label == "ok"


@pytest.mark.parametrize("text", ["哈哈这张真好看", "海报画得真好", "哇绝了"])
def test_short_praise_of_a_members_work_is_social_not_chatter(mods: dict[str, Moderator], text: str) -> None:
    v = _judge(mods, "design", text)
    assert v.label == "ok" and v.checks["offtopic"].get("social"), v.reason


def test_praise_does_not_hide_a_pitch(mods: dict[str, Moderator]) -> None:
    v = _judge(mods, "design", "好看的设计素材全套打包9.9，需要的加微信 sucai_888")
    assert v.label == "ad", v.reason
