"""Round 43 (d15b43, issue 15): a question wrapped in operator words (作为群主, 我该怎么跟群友解释, 有新人问) is covered
only when what it asks about, without the wrapper, is (``scope.yaml``'s ``wrapper``, :func:`asked_object`): 群主 and
新人 alone must not carry a topic fact over the threshold. Questions written for this test."""

from __future__ import annotations

import json

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import Answer, answer_question, decline_reason, decline_text, decline_texts, offers_import
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import AskedObject, SectionHit, SectionRanking, asked_object
from copilot.llm import get_engine


@pytest.mark.parametrize(("question", "expected", "reported"), [
    # a member's topic question reported, then how to pass the answer on: only what the member asked is left
    ("茶艺群有人问龙井和碧螺春哪个更耐泡，作为群主我该怎么跟大家解释", "龙井和碧螺春哪个更耐泡", True),
    ("攝影群有新人問光圈和快門怎麼配合，我該怎麼回答他", "光圈和快门怎么配合", True),
    ("登山群的队员总问高反吃什么药管用，我在群里怎么回复", "高反吃什么药管用", True),
    # no member's question: the role and the telling clause go, the rest stays
    ("黑胶唱片按什么标准分品相，作为群主我应该怎么给大家介绍", "黑胶唱片按什么标准分品相", False),
    # the wrapper around an operations question leaves the operations question
    ("舞蹈队两个队员为了站位在群里吵起来了，我作为群主该怎么说", "舞蹈队两个队员为了站位在群里吵起来了，该怎么说", False),
])
def test_the_wrapper_is_taken_out(question: str, expected: str, reported: bool) -> None:
    assert asked_object(question) == AskedObject(expected, reported)


@pytest.mark.parametrize("question", [
    "群里冷场了怎么办",  # no wrapper at all
    "新人总问群规在哪看，怎么安排答疑",  # a member's question reported, but no role and nothing to pass on
    "群规改了，怎么跟大家解释",  # too little left ("群规改了") to judge on its own
    # what is left asks nothing: it tells what happened, and how to tell the group is the operations question
    "团购群的团长收了钱联系不上了，群里都在骂，我作为群主怎么跟大家解释",
])
def test_without_a_wrapper_or_with_too_little_left_nothing_is_judged(question: str) -> None:
    assert asked_object(question) is None


def _ranking(question: str, asked_covered: bool) -> SectionRanking:
    sec = SectionHit(source="team-roles", title="管理团队分工与群主人设", section="群主的人设怎么打造", score=0.3, fit=0.6)
    return SectionRanking(question, [sec], 0.6, 0.1, 0.05, asked=asked_object(question), asked_covered=asked_covered)


def test_covered_only_when_what_is_asked_about_is() -> None:
    question = "茶艺群有人问龙井和碧螺春哪个更耐泡，作为群主我该怎么跟大家解释"
    off, on = _ranking(question, False), _ranking(question, True)
    assert not off.covered and off.off_wrapper and off.declined_by == "wrapper"
    assert on.covered and not on.off_wrapper and on.declined_by == ""
    # a question without a wrapper is never declined for one
    plain = _ranking("群里冷场了怎么办", False)
    assert plain.asked is None and plain.covered


def test_the_decline_says_what_was_asked_about_and_offers_no_nearest_section() -> None:
    ranking = _ranking("茶艺群有人问龙井和碧螺春哪个更耐泡，作为群主我该怎么跟大家解释", False)
    text = decline_text(ranking)
    assert text.startswith(decline_texts().not_covered)
    assert "「龙井和碧螺春哪个更耐泡」" in text
    assert "群主的人设怎么打造" not in text  # the section the wrapper word found is not offered as near
    assert not offers_import(ranking, "zh-Hans")
    handling = [SectionHit(source="share-sessions", title="群分享的组织与整理", section="把分享沉淀成知识库", score=0.2)]
    with_handling = decline_text(ranking, handling=handling)
    assert decline_texts().wrapped_handling in with_handling and "把分享沉淀成知识库" in with_handling


def test_the_footer_names_the_wrapper_reason() -> None:
    answer = Answer.model_construct(covered=False, declined_by="wrapper", confidence=0.6, threshold=0.1)
    assert decline_reason(answer) == decline_texts().declined_why["wrapper"].format(confidence=0.6, threshold=0.1)


def test_a_topic_fact_in_an_operator_wrapper_is_declined(kb_index: KnowledgeIndex, settings: Settings) -> None:
    question = "围棋群有新人问打劫到底怎么算，我该怎么回答他"
    # the whole question clears the threshold on 群 and 新人; what it asks about does not
    assert kb_index.search_sections(question).covered
    answer = answer_question(question, kb_index, get_engine(settings))
    data = json.loads(answer.model_dump_json())
    assert data["covered"] is False and data["declined_by"] == "wrapper" and data["citations"] == []
    assert "「打劫到底怎么算」" in answer.answer
    # a member's question was reported: the sections on taking members' questions are named, as related
    assert answer.related and decline_texts().wrapped_handling in answer.answer


def test_an_operations_question_in_the_same_wrapper_is_answered(kb_index: KnowledgeIndex, settings: Settings) -> None:
    question = "桥牌群要清理半年没来打过牌的人，作为群主我该怎么跟大家解释才不得罪人"
    answer = answer_question(question, kb_index, get_engine(settings))
    assert answer.covered and answer.declined_by == ""
    assert any(s.section == "定期清理成员" for s in answer.sections)
