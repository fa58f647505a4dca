"""A rude word in its literal sense (rubbish to be thrown away) calls nobody names; aimed at a person it still does."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Moderator

RUNNERS = """
name: 滨江夜跑团
positioning: 滨江跑友交流跑步训练、装备和伤病恢复，每周六晨跑
topics: [跑步, 配速, 跑鞋, 马拉松, 拉伸]
"""


@pytest.mark.parametrize("text", ["别再把垃圾扔在集合点了，上次被管理处说了", "跑完的水瓶请扔进垃圾桶，别留在台阶上"])
def test_literal_rubbish_is_not_abuse(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = profile_moderator(RUNNERS).moderate(text)
    assert v.label != "abuse", v.reason


def test_calling_a_member_rubbish_is_still_abuse(profile_moderator: Callable[[str], Moderator]) -> None:
    assert profile_moderator(RUNNERS).moderate("你就是个垃圾，跑个五公里都喘").label == "abuse"


@pytest.mark.parametrize("text", ["这两款跑鞋的中底是同一种泡棉还是不同的 傻傻分不清",
                                  "看到半马成绩人都傻了 比上次慢了五分钟", "我真傻 把报名的衣服尺码填错了"])
def test_a_self_mocking_idiom_with_sha_is_not_abuse(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    # 傻 laughing at oneself (傻傻分不清, 人都傻了) calls nobody names: no warn, no delete
    v = profile_moderator(RUNNERS).moderate(text)
    assert v.label != "abuse" and v.action not in {"warn", "delete", "mute"}, v.reason


@pytest.mark.parametrize("text", ["你是不是傻 配速都算不明白还带队", "傻子才信你那套训练计划"])
def test_sha_aimed_at_a_member_is_still_abuse(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    assert profile_moderator(RUNNERS).moderate(text).label == "abuse"
