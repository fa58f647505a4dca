"""Round 29 (dev15d): a private chat (a family's, relatives', a work team's) is a place of life and work, not a
community to run; a decline says why it declined. Questions written for this test."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import scene_cues
from copilot.llm import get_engine


@pytest.mark.parametrize(("question", "scene"), [
    # the 群 of 家族群 / 工作群 is part of the private chat's name: it does not make the question a group one
    ("家族群里二姨天天转发偏方，我要不要在群里说她两句", "life"),
    ("亲戚群里表哥老发拼单链接，怎么不伤面子地拒绝", "life"),
    ("部门群里新来的实习生总是半夜发消息，要提醒他吗", "life"),
    ("我爸在家庭群里发了条不靠谱的新闻", "life"),
    # a community that only mentions such a chat, or a group run for customers, stays a group question
    ("我们读书会的群不想变成家族群那样天天早安图，怎么定规矩", "group"),
    ("公司的客户群里有人刷屏发广告，先警告还是移出", "group"),
    ("跑团群里两个成员为配速吵起来了", "group"),
])
def test_a_private_chat_is_life_not_a_group_to_run(question: str, scene: str) -> None:
    assert scene_cues().of(question) == scene


def test_a_family_chat_matter_near_the_cards_words_is_declined(kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question("家族群里二姨天天转发养生偏方，我要不要在群里说她两句", kb_index, get_engine(settings))
    assert not answer.covered and answer.sections == [] and answer.citations == []


def test_a_quarrel_in_a_community_is_still_answered(kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question("摄影群里两个老成员为修图风格吵起来了，越吵越凶，怎么劝", kb_index, get_engine(settings))
    assert answer.covered and answer.sections
    assert any(s.source == "crisis" for s in answer.sections)


def _ranking(question: str, confidence: float, *, near_miss: bool = False, fit: float = 0.9):
    from copilot.knowledge.ranking import SectionHit, SectionRanking
    sec = SectionHit(source="crisis", title="社群危机预案", section="成员争吵怎么降温", score=0.3, fit=fit)
    return SectionRanking(question, [sec], confidence, 0.13, 0.07, near_miss=near_miss)


def test_each_decline_names_its_own_reason() -> None:
    assert _ranking("群里有人吵架怎么办", 0.9).declined_by == ""
    assert _ranking("群里有人吵架怎么办", 0.05).declined_by == "confidence"
    # the confidence passed the threshold: the footer must not say it was below it
    assert _ranking("企业微信群怎么设置防骚扰", 0.84, near_miss=True).declined_by == "near_miss"
    assert _ranking("楼下邻居装修太吵怎么沟通", 0.84, fit=0.3).declined_by == "scene"


def test_the_footer_of_a_near_miss_decline_does_not_say_below_threshold() -> None:
    from copilot.knowledge.ask import Answer, decline_reason
    base = {"question": "q", "answer": "a", "citations": [], "engine": "offline", "confidence": 0.84,
            "threshold": 0.13, "covered": False}
    near = decline_reason(Answer(**base, declined_by="near_miss"))
    low = decline_reason(Answer(**{**base, "confidence": 0.05}, declined_by="confidence"))
    # round 56: the near-miss footer names no confidence or threshold at all (an operator cannot act on them)
    assert "低于阈值" not in near and "阈值" not in near
    assert "低于阈值 0.13" in low and "0.05" in low
    assert decline_reason(Answer(**{**base, "covered": True})) == ""


def test_a_declined_answer_carries_its_reason(kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question("家族群里二姨天天转发养生偏方，我要不要在群里说她两句", kb_index, get_engine(settings))
    assert answer.declined_by in {"scene", "near_miss", "confidence"}
    assert answer.model_dump()["declined_by"] == answer.declined_by
