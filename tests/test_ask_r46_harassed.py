"""Round 46 (d15b46, issue 15): a member harassed in private is a safety case like the others of round 44 — told even
when the question never says 骚扰 (私聊/私信 + what was sent or how the person feels), led by the response sections
and opened with our own line on protecting the person harassed. Questions written for these tests."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import stated_situations
from copilot.llm import get_engine


@pytest.mark.parametrize("question", [
    "书法群有个男学员老是私聊女学员，发些下流的段子，她们都不敢说",
    "登山隊有個女生說被隊友私訊糾纏，封鎖了還換帳號來加她",  # Traditional, no 骚扰
    "烘焙群有人私下给宝妈们发不雅图片，被截图发给我了",
    "插花群一位会员说有人半夜给她发消息约她出去，她现在都不敢来上课了",
])
def test_a_member_harassed_in_private_is_told_without_the_word(question: str) -> None:
    told = stated_situations().deciding(question)
    assert told is not None and told.covers and told.pull
    assert "证据" in told.note and "移出" in told.note


@pytest.mark.parametrize("question", [
    "读书群有人私信我问下次活动几点开始",  # a private message, nothing harmful in it
    "手工群有人私聊群友推销自家的面膜",  # a private sales pitch: an ad, not harassment
    "企业微信的防骚扰设置在哪里打开",  # an app's menu
])
def test_a_private_message_alone_is_not_harassment(question: str) -> None:
    told = stated_situations().deciding(question)
    assert told is None or not told.name.startswith("harassed")


def test_both_forms_open_with_the_same_safety_line() -> None:
    by_name = {s.name: s for s in stated_situations().situations}
    assert by_name["harassed"].note and by_name["harassed"].note == by_name["harassed_in_private"].note


def test_a_harassment_ask_is_answered_from_the_response_sections_with_the_line_first(
        kb_index: KnowledgeIndex, settings: Settings) -> None:
    question = "骑马俱乐部群里一个女会员说，有个男的每次活动完都私信她说些让人不舒服的话，她想退群了"
    answer = answer_question(question, kb_index, get_engine(settings, prefer="offline"))
    told = stated_situations().deciding(question)
    assert told is not None
    assert answer.covered and answer.declined_by == ""
    assert answer.answer.startswith(told.note)
    assert (answer.sections[0].source, answer.sections[0].section) in {tuple(t) for t in told.toward}
