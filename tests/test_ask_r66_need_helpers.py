"""Round 66 (d15c66, issue 15): a situation an operator tells in ``stated.yaml``. Someone who runs the group alone
and wants to find people to help run it leads with team roles (need_helpers) — only when they look for people
(找人, 挑, 选, 招), not when they only say they are busy (that may want a tool). Questions written for these tests."""

from __future__ import annotations

import pytest
from ask_signals import situations_told

from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.llm import get_engine


@pytest.mark.parametrize("question", [
    "五个群都是我一个人管，想找几个热心群友一起管，怎么挑",
    "一個人打理群實在顧不過來，想搵幾個群友幫手，點分工",
])
def test_looking_for_people_to_help_run_the_group_is_need_helpers(question: str) -> None:
    assert "need_helpers" in situations_told(question)


@pytest.mark.parametrize("question", [
    "我一个人管三个群，每天回消息回到半夜，累死了",
    "一个人管不过来，有没有工具能自动回复常见问题",
])
def test_only_being_busy_is_not_need_helpers(question: str) -> None:
    assert "need_helpers" not in situations_told(question)


def test_picking_helpers_leads_with_team_roles(kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question("两个群全靠我一个人管，想从老群友里挑两个人帮忙管，挑什么样的人", kb_index,
                             get_engine(settings, prefer="offline"))
    assert answer.covered
    assert answer.sections[0].source in {"team-roles", "core-members"}
