"""Round 80 (d15a80, issue 15): an owner whose days go on firefighting (天天在群里救火…挤不出时间做新花样) is
``routine_overload`` (stated.yaml), answered from 日常工作与创新工作 rather than from 共振 for the word 新花样; one who
wants people to share the load (找几个人分工) stays ``need_helpers``. Applying for a loan (申请助学贷款要什么文件) is the
asker's own money (scope.yaml ``money``) and declined, while a group flooded with loan adverts or a member touting a
student-loan agency is still a group matter and answered. Questions written for these tests."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import scene_cues, stated_situations
from copilot.llm import get_engine
from copilot.textnorm import ask_form


def _told(question: str) -> list[str]:
    return [s.name for s in stated_situations().told(ask_form(question))]


@pytest.mark.parametrize("question", [
    "我天天在群里救火，回这个回那个，想做点新花样根本挤不出时间",
    "三个读书群每天都在救火，答疑、踢广告、发通知，想搞个线上共读一直抽不出时间",
    "每日喺群度救火咁，覆完呢個覆嗰個，想諗啲新活動都騰不出時間",
])
def test_an_owner_firefighting_all_day_is_routine_overload(question: str) -> None:
    assert "routine_overload" in _told(question)


@pytest.mark.parametrize("question", [
    # wants people to share the work: developing helpers, not a calendar
    "我一个人天天在群里救火，挤不出时间，想找几个群友分工帮我管",
    # a real fire in the group (a quarrel) is no routine overload
    "昨晚群里两个人吵起来了，我一直在劝架到半夜",
    # a member who has no time to join the activity
    "有个成员说工作太忙，晚上的分享会总是赶不上，要不要改时间",
])
def test_helpers_a_quarrel_or_a_busy_member_is_not_routine_overload(question: str) -> None:
    assert "routine_overload" not in _told(question)


def test_firefighting_owner_is_answered_from_the_routine_sections(kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question("我天天在群里救火，回这个回那个，想做点新花样根本挤不出时间", kb_index, get_engine(settings))
    assert answer.covered
    assert answer.sections[0].source == "operating-system"
    assert answer.sections[0].section != "共振：约好时间一起做一件事"


def test_a_busy_day_without_a_group_word_is_still_answered(kb_index: KnowledgeIndex, settings: Settings) -> None:
    # not a routine_overload phrase: the ranking's own lead answers (a stated lead would be below scene none's floor)
    answer = answer_question("每天手忙脚乱，什么时候该干什么全靠脑子记", kb_index, get_engine(settings))
    assert answer.covered


@pytest.mark.parametrize("question", [
    "讀書會有成員問：申請助學貸款需要準備哪些文件？",
    "我想申请贷款给俱乐部买器材，贷款需要什么条件",
])
def test_applying_for_a_loan_is_the_askers_own_money(kb_index: KnowledgeIndex, settings: Settings,
                                                     question: str) -> None:
    assert scene_cues().object_of(ask_form(question)) == "money"
    assert not answer_question(question, kb_index, get_engine(settings)).covered


@pytest.mark.parametrize("question", [
    "半夜突然进来一堆小号刷屏发贷款广告和链接，怎么应对",
    "群里有人在推销助学贷款的中介服务，还私聊新生，要不要管",
])
def test_loan_adverts_in_the_group_are_still_answered(kb_index: KnowledgeIndex, settings: Settings,
                                                      question: str) -> None:
    answer = answer_question(question, kb_index, get_engine(settings))
    assert answer.covered
    assert answer.sections[0].source in {"crisis", "moderation-offtopic", "group-rules"}
