"""Round 78 (lead), code health. Who runs a chat is decided in one place (:func:`copilot.notes.reading.chat_runner`),
read two ways. The notes eval's ``owner_group_word`` split's ``named_given`` class reads its giving words (让 / 由 / 交给 …
right before the listed owner's name) from ``notes/eval_why.yaml`` given_before, not from a regex in the eval code."""

from __future__ import annotations

import pytest

from copilot.evals import notes as ev
from copilot.notes.model import ActionItem, KeyPoint, Notes
from copilot.notes.parse import parse_text
from copilot.paths import load_resource

CHAT = """[2026-10-12 19:00] 桂英: 下个月的社区义卖，海报让阿梅做吧，周四前发我看看
[2026-10-12 19:01] 老周: 场地那边交給 @小林 去谈
[2026-10-12 19:02] 桂英: 阿梅周三前把摊位表也发一下
[2026-10-12 19:03] 小林: 我周末去问物业
[2026-10-12 19:04] 桂英: 大家记得带零钱
"""


def _notes(*sources: int) -> Notes:
    return Notes(title="社区义卖", date="2026-10-12", session_type="话题讨论",
                 key_points=[KeyPoint(text="社区义卖", sources=[1])], qa=[], decisions=[],
                 actions=[ActionItem(task="准备", owner="大家", sources=[s]) for s in sources])


@pytest.mark.parametrize(("owner", "source", "kind"), [
    ("阿梅", 1, "named_given"),    # 让 right before the name
    ("小林", 2, "named_given"),    # Traditional 交給 and an @ before the name
    ("阿梅", 3, "named_other"),    # named as the line's subject, not given the work
    ("小林", 4, "speaker"),        # the listed owner said the line
    ("小林", 5, "context"),        # the line names no one
])
def test_a_group_owned_todo_is_split_by_how_its_line_names_the_owner(owner: str, source: int, kind: str) -> None:
    messages = parse_text(CHAT, "fair.txt").messages
    want = ev.ActionSpec(owner=owner, task=["海报"])
    assert ev._group_word_why(_notes(source), want, [0], messages) == kind


def test_a_group_word_listed_as_owner_is_its_own_class() -> None:
    messages = parse_text(CHAT, "fair.txt").messages
    assert ev._group_word_why(_notes(1), ev.ActionSpec(owner="大家", task=["零钱"]), [0], messages) == "group_wanted"


def test_the_giving_words_are_data() -> None:
    words = load_resource("notes/eval_why.yaml")["given_before"]
    assert {"让", "交给", "由"} <= set(words)
    # a verb that names the owner without giving the work is not one of them
    assert not ev._given_before().search("问过阿梅")


# -- who runs the chat: one function, two readings (copilot.notes.reading.chat_runner) -------------------------------
BEES = """[2026-05-08 20:00] 蜂场老陈: 各位蜂友，这周六上午九点在后山蜂场搞摇蜜体验课，每家限两人
[2026-05-08 20:02] 小吕: 要自己带防护服吗
[2026-05-08 20:03] 蜂场老陈: 不用，蜂场有，带双长筒雨靴就行
[2026-05-08 20:05] 阿芳: 小朋友能去吗
[2026-05-08 20:06] 蜂场老陈: 八岁以上可以
"""
ASKED = """[2026-05-08 20:00] 小吕: 周六的摇蜜课还有名额吗
[2026-05-08 20:02] 蜂场老陈: 还有四个
[2026-05-08 20:03] 蜂场老陈: 要来的接龙，写上几个人
"""


def test_the_host_runs_the_chat_in_both_readings() -> None:
    from copilot.notes.reading import chat_runner
    messages = parse_text(ASKED, "bees.txt").messages
    assert chat_runner("群主阿敏", ["蜂场老陈"]) == "群主阿敏"
    assert chat_runner("群主阿敏", ["蜂场老陈"], messages, "话题讨论", opened=True) == "群主阿敏"


def test_without_a_host_the_main_voice_runs_it_but_opens_it_only_when_it_said_the_first_line() -> None:
    from copilot.notes.reading import chat_runner
    posted, asked = parse_text(BEES, "bees.txt").messages, parse_text(ASKED, "bees.txt").messages
    assert chat_runner(None, ["蜂场老陈", "小吕"]) == "蜂场老陈"
    assert chat_runner(None, ["蜂场老陈", "小吕"], posted, "话题讨论", opened=True) == "蜂场老陈"
    # the main voice did not open the chat: nobody runs it in the pairing's reading
    assert chat_runner(None, ["蜂场老陈", "小吕"], asked, "话题讨论", opened=True) is None
    # a talk's main voice is its speaker, who answers as the speaker, not as the one running the chat
    assert chat_runner(None, ["蜂场老陈"], posted, "主讲分享", opened=True) is None
    assert chat_runner(None, []) is None and chat_runner("", [], posted, "话题讨论", opened=True) is None
