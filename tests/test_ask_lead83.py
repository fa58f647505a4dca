"""Round 83 (lead, issue 15; from the fresh tester qa15r9): a no-show said as what happened (「报名了又不来」「报了名没来」)
is the 放鸽子 subject, so a question whose last part asks about no-shows says the material has no section on it instead
of answering that part silently from a section on tools. Questions written for these tests."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import Citation, answer_question, missing_subject
from copilot.knowledge.index import KnowledgeIndex
from copilot.llm import get_engine


def _cite(section: str, text: str) -> Citation:
    return Citation(n=1, source="activities", title="活跃玩法", section=section, text=text)


@pytest.mark.usefixtures("kb_index")
@pytest.mark.parametrize("question", ["年底想办个线下交流会，提前多久通知合适？报名了又不来的人怎么办",
                                      "上次团建十个人报了名没来，下次怎么避免",
                                      "报完名不来的群友要不要拉黑"])
def test_a_no_show_told_as_what_happened_is_the_no_show_subject(kb_index: KnowledgeIndex, question: str) -> None:
    lacking = [_cite("常用活跃玩法", "打卡、接龙、投票都能提高参与。")]
    assert missing_subject(question, lacking, kb_index) == "放鸽子"


@pytest.mark.usefixtures("kb_index")
@pytest.mark.parametrize("question", ["报名了但是没交钱的怎么催", "活动报名的人不多怎么办"])
def test_sign_up_talk_without_a_no_show_names_no_subject(kb_index: KnowledgeIndex, question: str) -> None:
    assert missing_subject(question, [_cite("常用活跃玩法", "打卡、接龙、投票都能提高参与。")], kb_index) == ""


def test_the_three_part_question_says_the_no_show_part_is_not_covered(kb_index: KnowledgeIndex, settings: Settings) -> None:
    question = "想在群里搞个年终活动，外贸翻译群，大家都忙，搞什么形式好，提前多久通知？报名了又不来怎么办"
    answer = answer_question(question, kb_index, get_engine(settings))
    assert answer.covered and answer.missing_subject == "放鸽子" and not answer.direct
    assert "放鸽子" in answer.answer.splitlines()[0]
