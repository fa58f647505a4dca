"""A question that asks two things gets a section for each: the cut (``parts.yaml``) and the answer, on
questions written for this test."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question, question_parts
from copilot.knowledge.index import KnowledgeIndex
from copilot.llm import get_engine


@pytest.mark.parametrize(("question", "parts"), [
    ("插花群的欢迎语写些什么？新人进来多久内要私聊一次", ["插花群的欢迎语写些什么？", "新人进来多久内要私聊一次"]),
    ("我们骑行群越来越没人说话，怎么带动起来，另外半年不说话的人要不要清掉",
     ["我们骑行群越来越没人说话，怎么带动起来", "半年不说话的人要不要清掉"]),
    ("茶友群里有人天天发广告怎么办？以及要不要先私聊提醒他", ["茶友群里有人天天发广告怎么办？", "要不要先私聊提醒他"]),
])
def test_a_two_part_question_is_cut_in_two(question: str, parts: list[str]) -> None:
    assert question_parts(question) == parts


@pytest.mark.parametrize("question", [
    "群规怎么写？急",  # the second half is too short to be a question
    "死群还有救吗",  # 还有 here joins nothing
    "还有什么办法能让群里热闹起来",
    "群里有人发广告怎么办？",
])
def test_a_one_part_question_stays_whole(question: str) -> None:
    assert question_parts(question) == [question.strip()]


def test_each_part_of_a_two_part_question_gets_its_section(kb_index: KnowledgeIndex, settings: Settings) -> None:
    engine = get_engine(settings)
    both = answer_question("我们登山群最近越来越冷清了，有没有办法拉起来？另外长期不说话的人要不要清出去",
                           kb_index, engine)
    first = answer_question("我们登山群最近越来越冷清了，有没有办法拉起来？", kb_index, engine)
    second = answer_question("长期不说话的人要不要清出去", kb_index, engine)
    assert both.covered and 2 <= len(both.sections) <= 3
    # round 32: a two-part question keeps the ranking's lead and the order asked (the first part asked alone may
    # lead with the section its own ask finds instead)
    lead = kb_index.search_sections("我们登山群最近越来越冷清了，有没有办法拉起来？另外长期不说话的人要不要清出去", k=5).leading()
    assert both.sections[0].section == lead.section and both.sections[-1] == second.sections[0]
    assert second.sections[0] not in first.sections
    assert any(c.section == second.sections[0].section for c in both.citations)
