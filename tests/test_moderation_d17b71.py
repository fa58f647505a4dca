"""Round 71, d17b71 (issue 17 item 3): a question with no chatter topic that asks about the group's own thing — the last,
rare character of one of its topics (筝 of 古筝, 笛 of 竹笛) inside a word that is no everyday word — is no chatter,
whatever the chatter model reads; the same character inside a place's or a person's name (鼓浪屿, 笛卡尔, 小筝) ties
nothing. Groups and messages written for these tests (a guzheng class in Chengdu, a bamboo-flute club)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from moderation_say import say

from copilot.config import Settings
from copilot.moderation import Moderator
from copilot.moderation.labels import Label
from copilot.moderation.offtopic import OffTopicDetector
from copilot.profile import parse_profile_text

ZHENG = """
name: 成都古筝成人班练习群
positioning: 成人零基础学古筝的同学交流指法、练习曲和考级，周三晚上在琴房回课
topics: [古筝, 指法, 练习曲, 考级]
audience: 成都学古筝的成年人
type: 兴趣型
"""

FLUTE = """
name: 竹笛爱好者交流群
positioning: 喜欢吹竹笛的朋友交流气息、指法和曲目
topics: [竹笛, 笛膜, 气息, 曲目]
audience: 竹笛爱好者
type: 兴趣型
"""

say = partial(say, gap=120)


def _mod(tmp_path: Path, profile: str) -> Moderator:
    return Moderator(Settings(data_dir=tmp_path / "data", llm_provider="offline"), parse_profile_text(profile))


@pytest.mark.parametrize(("profile", "text"), [
    (ZHENG, "有人知道哪里能换筝弦吗？我那根断了"),  # the chatter model alone reads 0.97 here
    (FLUTE, "笛头那截松了，有人知道去哪修吗？"),
    (FLUTE, "谁知道哪里能买到好点的笛子？我那支裂了"),
])
def test_a_question_on_the_groups_own_thing_is_not_off_topic(tmp_path: Path, profile: str, text: str) -> None:
    v = say(_mod(tmp_path, profile), text)
    assert v.label == Label.OK, v.reason
    assert v.checks["offtopic"]["off_topic"] is False


def test_a_question_on_something_else_is_still_off_topic(tmp_path: Path) -> None:
    v = say(_mod(tmp_path, ZHENG), "周末有人去逛街买衣服吗？")
    assert v.label == Label.OFF_TOPIC, v.reason


@pytest.mark.parametrize(("profile", "text", "chars"), [
    (ZHENG, "筝码总往一边跑，你们都是怎么固定的？", ["筝"]),
    (FLUTE, "笛膜贴上去总有褶子，有人知道窍门吗？", []),  # 笛膜 is a whole topic: the topic layer weighs it, not this rule
    (FLUTE, "我的笛头有点松，要不要缠线？", ["笛"]),
])
def test_the_things_character_in_a_question_is_read(profile: str, text: str, chars: list[str]) -> None:
    assert OffTopicDetector(parse_profile_text(profile))._field_chars_asked(text) == chars


@pytest.mark.parametrize(("profile", "text"), [
    (ZHENG, "小筝你周末回不回老家？"),  # a member's pet name
    (FLUTE, "笛卡尔那句名言原话是什么？"),  # a person's name (jieba nr)
    (FLUTE, "有人去过笛楼吗？听说夜景好看"),  # a place: the tail 楼
    (FLUTE, "竹笛群的人都在哪儿配眼镜？想给我妈配一副"),  # the topic names who is asked, nothing more
])
def test_the_things_character_in_a_name_or_place_ties_nothing(profile: str, text: str) -> None:
    assert OffTopicDetector(parse_profile_text(profile))._field_chars_asked(text) == []


def test_a_character_that_ends_no_topic_is_not_the_groups_thing() -> None:
    # 习 of 练习曲 is rare enough to be a field character, but the group does not play with it: a question on a 习题册
    # is no question of its craft
    det = OffTopicDetector(parse_profile_text(ZHENG))
    assert "习" in det.field_chars and "习" not in det.field_heads
    assert det._field_chars_asked("习题册哪家书店有卖？") == []
