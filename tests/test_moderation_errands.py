"""Life errands (社保, 医保异地, 公积金, 幼儿园报名, 驾照换证…) asked in a group about something else are
off-topic even when they read calmly and name no chatter topic; in a group whose business they are (a
carers' group and 医保, a class parents' group and 小学报名) they are on topic."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Moderator
from copilot.moderation.evidence import corroboration
from copilot.moderation.labels import ACTED

CAMERA = """
name: 胶片相机爱好者群
positioning: 胶片相机玩家交流机身、镜头、胶卷、冲扫和拍摄技巧，每月一次扫街
topics: [胶片, 胶卷, 冲扫, 镜头, 旁轴, 单反, 测光, 扫街]
events:
  - {title: 月度扫街, kind: 活动, cadence: 每月一次, place: 老城区}
"""
CARERS = """
name: 中风康复家属群
positioning: 中风老人家属交流康复训练、护理、复查、医保报销和上门服务
topics: [中风, 康复, 护理, 复查, 医保, 偏瘫, 吞咽]
"""
CLASS = """
name: 实验小学一年级三班家长群
positioning: 老师发班级通知，家长交流孩子学习和接送
topics: [作业, 接送, 通知, 家长会]
"""


@pytest.mark.parametrize("text", [
    "社保断缴两个月对以后退休有影响吗",
    "有人知道公积金怎么线上提取吗",
    "孩子明年上幼儿园，报名需要哪些材料",
    "驾照到期了，换证要去哪里体检",
])
def test_an_errand_in_an_unrelated_group_is_off_topic_but_only_reviewed(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = profile_moderator(CAMERA).moderate(text)
    assert v.label == "off_topic", v.reason
    # the errand word is one layer: a public reminder needs the chatter model to agree
    assert v.action not in ACTED or "闲聊模型" in v.reason, v.reason


def test_an_errand_that_is_the_groups_business_is_on_topic(profile_moderator: Callable[[str], Moderator]) -> None:
    assert profile_moderator(CARERS).moderate("医保异地就医备案怎么弄，想带我爸去省城复查").label == "ok"
    assert profile_moderator(CLASS).moderate("小学报名那会儿要准备哪些材料，明年弟弟也要上了").label == "ok"


def test_the_groups_own_sign_up_is_still_on_topic(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(CAMERA).moderate("这个月扫街报名截止到哪天？")
    assert v.label == "ok", v.reason


def test_a_related_word_inside_a_longer_chatter_word_does_not_make_it_on_topic(profile_moderator: Callable[[str], Moderator]) -> None:
    # 服务 makes the game-server kind of group match this profile, and 世界 is one of that kind's words
    mod = profile_moderator(CARERS)
    assert mod.moderate("今晚世界杯决赛谁看？一起熬夜啊").label == "off_topic"


def test_the_weather_beside_the_chatter_model_labels_but_never_reminds(profile_moderator: Callable[[str], Moderator]) -> None:
    stall = """
name: 东门夜市摊主群
positioning: 夜市摊主交流出摊、进货、管理处通知和摊位安排
topics: [出摊, 收摊, 进货, 摊位, 管理处, 城管, 卫生]
"""
    v = profile_moderator(stall).moderate("开的开的，下雨也照样开，直接过来就行")
    assert v.action not in ACTED, v.reason
    # a chatter topic that is nobody's outing still makes the second layer
    v = profile_moderator(stall).moderate("昨晚那部宫斗剧大结局你们看了吗，太虐了")
    assert v.label == "off_topic" and v.action in ACTED, v.reason


def test_the_chatter_model_layer_reads_the_models_own_probability() -> None:
    # the chatter word raised chatter_p over the line; the model itself was not there: one layer, not two
    boosted = {"offtopic": {"chatter_p": 0.65, "model_p": 0.46, "chatter_min": 0.6, "chatter_words": ["火锅"]}}
    ev = corroboration("off_topic", boosted)
    assert set(ev["layers"]) == {"chatter_words"} and not ev["enough"]
    sure = {"offtopic": {"chatter_p": 0.97, "model_p": 0.95, "chatter_min": 0.6, "chatter_words": ["火锅"]}}
    assert corroboration("off_topic", sure)["enough"]
    weather = {"offtopic": {"chatter_p": 0.97, "model_p": 0.95, "chatter_min": 0.6, "chatter_words": ["下雨"]}}
    assert set(corroboration("off_topic", weather)["layers"]) == {"chatter_model"}


def test_camera_upkeep_is_a_photography_groups_subject(profile_moderator: Callable[[str], Moderator]) -> None:
    photo = """
name: 周末扫街摄影群
positioning: 摄影爱好者交流拍摄、器材和后期，每周末约拍
topics: [扫街, 人像, 风光, 后期, 器材]
"""
    mod = profile_moderator(photo)
    for text in ("新买的防潮箱放了两天，读数还是下不去，要换干燥剂吗", "传感器上好几个灰点，自己用气吹吹得掉吗"):
        assert mod.moderate(text).label == "ok", text
    assert mod.moderate("社保断缴一个月会影响买房资格吗").label == "off_topic"


PARROTS = """
name: 鹦鹉鸟友交流群
positioning: 养鹦鹉的鸟友交流喂养、训练和看病，鸟友之间可以转让自家闲置的鸟笼和站架
topics: [鹦鹉, 玄凤, 牡丹, 鸟粮, 鸟笼, 换羽, 站架]
"""


@pytest.mark.parametrize("text", [
    "谁知道哪里清洗油烟机便宜家里的油太厚了",
    "有没有人知道哪里换纱窗便宜家里的全破了",
])
def test_a_related_word_straddling_two_words_does_not_make_it_on_topic(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    # 宜家 is a word of second-hand groups (this profile passes on 闲置); in 便宜|家里 nobody mentions it
    v = profile_moderator(PARROTS).moderate(text)
    assert v.label == "off_topic", v.reason


def test_a_related_word_that_is_mentioned_still_counts(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(PARROTS).moderate("宜家那种书架改成鸟架好用吗")
    assert v.label == "ok", v.reason


RUNNERS = """
name: 滨江夜跑团
positioning: 滨江跑友交流跑步训练、装备和伤病恢复，每月一次拉练
topics: [跑步, 配速, 跑鞋, 马拉松, 拉伸, 间歇跑]
"""


@pytest.mark.parametrize("text", [
    "想给孩子报个游泳班，附近哪家好",
    "周末想去泡温泉，附近有推荐的吗",
    "国庆带爸妈出去玩，去哪里人少一点",
])
def test_an_everyday_life_question_with_no_chatter_word_is_off_topic(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    # no chatter word and nothing of the group's: the chatter model reads it as a life question, a person decides
    v = profile_moderator(RUNNERS).moderate(text)
    assert v.label == "off_topic", v.reason
    assert v.action not in ACTED


def test_a_runners_question_in_everyday_words_stays_on_topic(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(RUNNERS).moderate("跑完步膝盖疼，是不是跑鞋不合适")
    assert v.label == "ok", v.reason
