"""Round 62 (d15c62, qa15r44 I08 / I04 / I25): another kind of group's examples give way only when the question says
what kind of group it is about, and a section's own list (its items named before a colon) is never dropped with them.
Questions written for these tests."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.composition import compose_cues
from copilot.knowledge.index import KnowledgeIndex, example_cues
from copilot.llm import get_engine

LEFT_OUT = compose_cues().other_kind_note.split("{")[0]
TOPIC_TYPES = ("求助型", "观点型", "经验清单型", "投票型", "晒图型", "案例拆解型")


@pytest.mark.parametrize("question", [
    "围棋群天天聊股票，怎么拉回来",
    "我们多肉植物群想搞线下换盆活动，报名表该问些什么",
    "新建的狼人杀桌游群，新人进群的欢迎语要写哪些内容",
    "宝妈交流群每天发什么话题好",
])
def test_a_question_naming_its_kind_of_group_is_told(question: str) -> None:
    assert example_cues().names_group(question)


@pytest.mark.parametrize("question", [
    "每天发什么话题好啊，想不出来",
    "群规咋写啊 有没有模版 我第一次当群主 啥也不懂",
    "群成员退群的很多，怎么留住人",
    "我们群最近很冷清，大家都不说话",
    "群規寫好了但是大家都不看，違規的人越來越多怎麼辦",
    "刚建群一周，拉了三十个人进群，下一步做什么",
])
def test_a_question_naming_no_kind_of_group_is_not(question: str) -> None:
    assert not example_cues().names_group(question)


def _answer(question: str, index: KnowledgeIndex, settings: Settings) -> str:
    return answer_question(question, index, get_engine(settings, prefer="offline")).answer


def test_with_no_kind_of_group_the_topic_types_are_all_given(kb_index: KnowledgeIndex, settings: Settings) -> None:
    text = _answer("每天发什么话题好啊，想不出来", kb_index, settings)
    assert all(kind in text for kind in TOPIC_TYPES), text
    assert LEFT_OUT not in text
    # the mom group's sample posts are given as such, not as this group's
    assert "宝宝一到晚上就闹觉" in text and example_cues().kind_note.format(kind="宝妈群") in text


def test_another_kind_of_group_still_gets_the_list_of_types(kb_index: KnowledgeIndex, settings: Settings) -> None:
    text = _answer("宠物群每天发什么话题好啊，想不出来", kb_index, settings)
    assert all(kind in text for kind in TOPIC_TYPES), text
    # each mom-group sample kept with the type it illustrates is labelled as that group's
    note = example_cues().kind_note.format(kind="宝妈群")
    assert all(note in line for line in text.splitlines() if "宝宝" in line or "母婴" in line)


def test_a_rules_question_with_no_kind_keeps_the_sections_examples(kb_index: KnowledgeIndex,
                                                                   settings: Settings) -> None:
    text = _answer("群规咋写啊 有没有模版 我第一次当群主 啥也不懂", kb_index, settings)
    assert LEFT_OUT not in text
