"""Round 74 (d15a74): a member's phone number, phone or company address posted, made public, leaked or 晒 in the group
is the ``private_info_posted`` situation of ``stated.yaml`` (it said only 身份证/住址 and 发出来/贴出来 before): the
question is answered from the handling of violations with our safety note, never declined as outside the material. The
asker's own number, a group's service line, an app's privacy setting and a worry that a number might leak are not it."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import stated_situations
from copilot.llm import get_engine


def _told(question: str) -> list[str]:
    return [s.name for s in stated_situations().told(question)]


@pytest.mark.parametrize("question", [
    "跑团群里有人把一个团友的手机号晒到群里，骂他欠钱不还，我要不要删",
    "有家长说班级群泄露了她家的电话号码，现在天天接到推销，要我给个说法",
    "两个群友闹翻了，一个把另一个的公司地址公开了，让大家去找他",
    "群裡有人把別人的手機號曬出來了，當事人很生氣",
])
def test_someones_number_or_address_made_public_is_the_private_info_situation(question: str) -> None:
    assert "private_info_posted" in _told(question)


@pytest.mark.parametrize("question", [
    "群公告里要不要写上群主的电话，方便新人联系",
    "我把报名电话公开了，结果接到好多推销电话",
    "微信群里怎么隐藏手机号，不想被陌生群友加",
    "进群要填手机号，群友会不会泄露我的信息",
    "团购群里商家的客服电话要不要公开",
])
def test_own_numbers_service_lines_and_settings_are_not_it(question: str) -> None:
    assert "private_info_posted" not in _told(question)


@pytest.mark.parametrize("question", [
    "跑团群里有人把一个团友的手机号晒到群里，骂他欠钱不还，我要不要删",
    "有家长说班级群泄露了她家的电话号码和住址，要我给个说法",
])
def test_a_leaked_number_is_answered_with_the_violation_handling(kb_index: KnowledgeIndex, settings: Settings,
                                                                 question: str) -> None:
    answer = answer_question(question, kb_index, get_engine(settings))
    assert answer.covered
    assert answer.sections[0].source in {"group-rules", "crisis"}
    assert "先说安全" in answer.answer  # the situation's own guardrail opens the answer
