"""Round 39 (dev15z, brief d15b): a private word that names the kind of group (相亲群, 脱单交友群) is not the asker's
private life: that group's newcomers, rules and events are a group to run; being asked out (约我吃饭) is. Groups and
questions are written for these tests."""

from __future__ import annotations

import pytest
from ask_signals import fake_hit, fake_ranking

from copilot.knowledge.ranking import scene_cues

WELCOME = fake_hit("intro-welcome", "群介绍与欢迎语", "新人的头三天", 0.9)


@pytest.mark.parametrize("question", [
    "相亲群里新进来的姑娘都不敢说话，第一周怎么让她们开口",
    "我们是个脱单交友群，群规里要不要写不准私下加好友",
    "相亲交友群下周办线下联谊，怎么在群里报名和提醒",
])
def test_a_group_named_for_matchmaking_is_a_group_to_run(question: str) -> None:
    assert scene_cues().of(question) == "group"
    assert fake_ranking(question, WELCOME, confidence=0.95).covered


@pytest.mark.parametrize("question", [
    "群里的阿姨给我介绍了个相亲对象，见面聊什么好",
    "在相亲群里认识一个女生，想跟她表白",  # the group's kind does not hide the asker's own romance
    "羽毛球群的一个男生约我吃饭，要不要答应",
])
def test_the_askers_own_dating_stays_private(question: str) -> None:
    assert scene_cues().of(question) == "private"
    assert not fake_ranking(question, WELCOME, confidence=0.95).covered
