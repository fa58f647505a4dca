"""Round 29, dev17f (issue 17): a member vouching for a third party they use is reviewed, never deleted, while
the seller's own voice stays a deletion; another venue's 活动 is not the group's; who-words that only the
audience names do not tie a message to the group; contempt without swear words is labelled abuse for review
and civil disagreement is not."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Moderator

ESTATE = """
name: 枫林苑业主互助群
positioning: 小区业主交流物业、装修、维修和邻里互助，群里可以互相推荐用过的师傅；商家、中介和外部团购不允许
topics: [物业, 装修, 维修, 停车, 快递, 邻里互助, 垃圾分类, 电梯]
audience: 小区业主
"""

WEAVING = """
name: 经纬编织社·社区手工课
positioning: 社区中心手工编织课的学员交流针法、毛线和作品，老师发布上课和作品义卖通知；推销和拉人不允许
topics: [编织, 针法, 毛线, 棒针, 钩针, 作品, 义卖, 上课]
audience: 退休老人和上班族
events:
  - {title: 作品义卖, kind: 活动, cadence: 每季度一次, place: 社区中心大厅, details: 学员作品义卖}
"""

DEBATE = """
name: 理工辩论队训练群
positioning: 辩论队队员讨论辩题、立论、质询和比赛复盘；商业推广、代写不允许
topics: [辩论, 辩题, 立论, 质询, 复盘, 比赛, 结辩, 评委]
audience: 在校学生
"""


@pytest.mark.parametrize("text", [
    "楼上问换锁的，我家一直叫的那个开锁师傅挺靠谱，电话 136 4410 2287，报我们小区打九折",
    "空调加氟可以找他，小区里好几家用过觉得不错，电话 152 8830 1146",
    "我们小区好几家都请的保洁阿姨，手脚麻利，一次120，电话 177 2093 5561",
])
def test_a_member_vouching_for_a_tradesman_is_reviewed_never_deleted(
        profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = profile_moderator(ESTATE).moderate({"id": "r", "user": "m1", "text": text})
    assert v.action in ("none", "review"), v.reason
    assert v.checks.get("member_referral") or v.label == "ok", v.reason


@pytest.mark.parametrize("text", [
    "本店专业开锁换锁，24小时上门，电话 136 4410 2287，业主打九折",
    "我们家做家政保洁，一次120，加我微信 baojie_6688 预约",
    "一直叫的师傅不如找我，空调加氟全城最低，私我 152 8830 1146",
])
def test_the_sellers_own_voice_is_still_an_ad(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = profile_moderator(ESTATE).moderate({"id": "s", "user": "m2", "text": text})
    assert v.label == "ad", v.reason
    assert not v.checks.get("member_referral"), v.reason


@pytest.mark.parametrize("text", [
    "超市今天有活动，酸奶买一送一，快去",
    "步行街那边周末有活动，报名就送小礼品",
])
def test_another_venues_event_is_off_topic_even_in_a_group_with_events(
        profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = profile_moderator(WEAVING).moderate({"id": "e", "user": "m3", "text": text})
    assert v.label == "off_topic", v.reason
    assert v.action not in ("delete", "mute"), v.reason


def test_the_groups_own_event_is_still_its_own(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(WEAVING).moderate({"id": "o", "user": "m4", "text": "这季度的作品义卖活动下周六在社区中心大厅，大家记得报名"})
    assert v.label == "ok", v.reason


def test_a_who_word_only_the_audience_names_does_not_tie_a_message(
        profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(WEAVING).moderate({"id": "w", "user": "m5", "text": "退休以后每天早上去菜场买菜，物价涨得真快"})
    off = v.checks.get("offtopic") or {}
    assert "退休" not in (off.get("relevant") or []), v.reason
    assert not off.get("about_group"), v.reason


def test_a_who_word_the_groups_subject_names_still_ties(profile_moderator: Callable[[str], Moderator]) -> None:
    care = """
name: 陪护互助群
positioning: 照顾失能老人的家属交流护理、用药和情绪支持
topics: [护理, 老人, 翻身, 喂饭, 失眠, 褥疮]
audience: 家属
"""
    v = profile_moderator(care).moderate({"id": "c", "user": "m6", "text": "老人半夜总醒，大家都怎么哄的"})
    assert v.label == "ok", v.reason


@pytest.mark.parametrize("text", [
    "就你这逻辑也配上场？回炉重造吧",
    "就你这水平也配当一辩？回去多读两年书",
    # one attack cue and an abuse model below its sure floor (0.83): a put-down by itself (abuse.contempt, dev17g)
    "连规则都没看懂，脑子呢？",
])
def test_contempt_without_swear_words_is_labelled_abuse(profile_moderator: Callable[[str], Moderator],
                                                         text: str) -> None:
    v = profile_moderator(DEBATE).moderate({"id": "a", "user": "m7", "text": text})
    assert v.label == "abuse", v.reason
    assert v.action not in ("mute",), v.reason


@pytest.mark.parametrize("text", [
    "我不同意这个立论，第二个论据的数据来源不可靠",
    "这个质询问题问得不好，我们复盘时再改改",
    "",
])
def test_civil_disagreement_is_not_abuse(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = profile_moderator(DEBATE).moderate({"id": "d", "user": "m8", "text": text})
    assert v.label != "abuse", v.reason
