"""Round 59, d17a59 (issue 17): the chatter model needs company.

A remark with no chatter topic word and no question, that says a rare character of the group's own topics inside no
everyday word (塗 of 塗裝, 鈴 of 單鈴, 煲 of 煲湯), is the members' own doings in the group's field: the chatter model alone
no longer labels it off-topic. Chatter in the same groups, and a put-down said with a field character, are read as before.
Messages written for these tests, for groups not used before."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.moderation.labels import Label
from copilot.moderation.offtopic import OffTopicDetector, field_chars
from copilot.moderation.pipeline import Moderator
from copilot.profile import parse_profile_text

MINIS = """name: 觀塘模型塗裝同好會
positioning: 玩戰棋模型嘅朋友交流塗裝、改件同埋上色技巧，每月一次開團
topics: [模型, 塗裝, 上色]
type: 兴趣型
"""
DIABOLO = """name: 板橋扯鈴社
positioning: 扯鈴愛好者每週六在公園練習，交流單鈴雙鈴招式
topics: [扯鈴, 單鈴, 雙鈴]
type: 兴趣型
"""
SOUP = """name: 西關老火湯街坊群
positioning: 鍾意煲湯嘅街坊分享湯譜、湯料同埋煲湯心得
topics: [老火湯, 煲湯, 湯料]
type: 兴趣型
"""

_T = itertools.count()


def _mod(profile: str, tmp_path: Path) -> Moderator:
    return Moderator(Settings(data_dir=tmp_path / f"d{next(_T)}", llm_provider="offline"), parse_profile_text(profile),
                     dry_run=True)


def test_field_chars_are_the_topics_rare_characters() -> None:
    chars = field_chars(("扯铃", "单铃", "双铃"))
    assert "铃" in chars
    assert "单" not in chars and "双" not in chars  # common characters say nothing of a field


@pytest.mark.parametrize(("profile", "text"), [
    (MINIS, "我真係廢柴，塗咗成晚都塗錯色，聽日再嚟過"),
    (DIABOLO, "哈哈我剛剛那顆鈴直接飛上樹，笑到肚子痛"),
    (SOUP, "今日煲咗粉葛赤小豆，煲足三個鐘，屋企人飲晒"),
])
def test_remark_in_the_field_is_not_chatter(profile: str, text: str, tmp_path: Path) -> None:
    v = _mod(profile, tmp_path).moderate({"user": "m1", "text": text})
    assert v.label == Label.OK, v.reason


@pytest.mark.parametrize(("profile", "text"), [
    (MINIS, "今晚有冇人睇波？曼聯對車路士"),
    (DIABOLO, "週末有人要去逢甲夜市吃雞排嗎"),
    (SOUP, "最近樓價又跌，你哋覺得應唔應該上車？"),
])
def test_chatter_in_the_same_groups_stays_off_topic(profile: str, text: str, tmp_path: Path) -> None:
    v = _mod(profile, tmp_path).moderate({"user": "m1", "text": text})
    assert v.label == Label.OFF_TOPIC, v.reason


def test_field_chars_said_in_the_message() -> None:
    """The rare topic characters a message says (煲 of 煲湯 in 煲咗, 煲足), none in a message of another subject."""
    det = OffTopicDetector(parse_profile_text(SOUP))
    said = det._field_chars_said("今日煲咗粉葛赤小豆煲足三个钟")
    assert said == ["煲"]
    assert det._field_chars_said("最近楼价又跌") == []
