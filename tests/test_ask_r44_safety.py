"""Round 44 (d15a44, issue 15): safety asks answered by meaning (``stated.yaml``'s ``covers`` situations: a member
threatening self-harm, a minor approached in private, a person's address posted, a threat of violence, harassment), even
when they name no rule word: covered whatever the confidence model says, led by the response sections, with our own
safety line first. Questions written for these tests."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import stated_situations
from copilot.llm import get_engine


@pytest.mark.parametrize(("question", "name"), [
    ("登山群有个老队友半夜在群里说活着没意思，东西都送人了", "self_harm"),
    ("編織群有位阿姨說不想活了，大家都很擔心", "self_harm"),
    ("学琴的家长群里有个陪练私下加了一个初一女生，要她发自拍", "minor_approached"),
    ("车友群有人把另一个车主的家庭住址和车牌发到群里了", "private_info_posted"),
    ("麻将群输了钱的那位扬言要带人去找赢家算账", "violence_threatened"),
    ("合唱群有个男团员老给女团员发暧昧消息，她们都不敢说", "harassed"),
])
def test_a_safety_situation_is_told_by_meaning(question: str, name: str) -> None:
    told = stated_situations().deciding(question)
    assert told is not None and told.name == name and told.covers


@pytest.mark.parametrize("question", [
    "企业微信的防骚扰设置在哪里打开",  # an app's menu, not a member harassed
    "亲子群周末想组织孩子们线下见面，怎么安排",  # children meeting at an activity, no minor approached in private
    "快递群收件要填家庭住址，怎么提醒大家写清楚",  # an address asked for, not posted
    "初二数学群每天发几道题合适",  # a minor named, nobody approaching them
])
def test_words_near_a_safety_situation_do_not_tell_it(question: str) -> None:
    told = stated_situations().deciding(question)
    assert told is None or not told.covers


def _ask(question: str, index: KnowledgeIndex, settings: Settings):  # type: ignore[no-untyped-def]
    return answer_question(question, index, get_engine(settings, prefer="offline"))


@pytest.mark.parametrize(("question", "lead"), [
    # a member at risk of self-harm gets the fixed safety reply instead (round 62: tests/test_ask_r62_safety.py)
    ("钢琴陪练家长群，有个老师私下加了一个五年级孩子的微信，晚上还一直找孩子聊天", ("group-rules", "违规怎么处理")),
    ("读书会群里有人把另一个会员的身份证照片和家庭住址发了出来", ("group-rules", "违规怎么处理")),
])
def test_a_safety_ask_without_rule_words_is_answered_with_the_safety_line_first(
        question: str, lead: tuple[str, str], kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = _ask(question, kb_index, settings)
    assert answer.covered and answer.declined_by == ""
    assert (answer.sections[0].source, answer.sections[0].section) == lead
    # only the sections that answer the situation: no neighbour its words picked
    told = stated_situations().deciding(question)
    assert told is not None
    assert all((s.source, s.section) in {tuple(t) for t in told.toward} for s in answer.sections)
    assert answer.answer.startswith(told.note)


def test_the_same_in_traditional_keeps_the_script(kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = _ask("讀書會群裡有人說考不上研究所就要從頂樓跳下去，大家都嚇到了", kb_index, settings)
    assert answer.covered and answer.script == "zh-Hant"
    assert answer.sections[0].source == "crisis" and "報警" in answer.answer


def test_an_app_question_with_a_safety_word_is_still_declined(kb_index: KnowledgeIndex, settings: Settings) -> None:
    assert not _ask("企业微信的防骚扰设置在哪里打开", kb_index, settings).covered
