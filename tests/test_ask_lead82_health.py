"""Round 82 (lead; qa15r8's dialysis patients' group): a question about illness, medicine or diet is still declined (the
material does not cover it), and the decline now says whom to ask — the doctor or pharmacist, not the group. Other
declines do not get the line. Questions written for these tests."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question, decline_texts
from copilot.knowledge.index import KnowledgeIndex
from copilot.llm import get_engine
from copilot.textnorm import to_simplified


@pytest.mark.parametrize("question", [
    "香蕉含钾高，透析病人能不能吃",
    "群友问降压药早上吃还是晚上吃",
    "糖尿病人过年能吃汤圆吗",
])
def test_a_declined_health_question_says_whom_to_ask(question: str, kb_index: KnowledgeIndex,
                                                    settings: Settings) -> None:
    answer = answer_question(question, kb_index, get_engine(settings, prefer="offline"))
    assert not answer.covered and answer.safety == ""
    assert decline_texts().health_line in to_simplified(answer.answer)
    assert answer.answer.index("没有覆盖") < answer.answer.index("医生")  # "not covered" first, then whom to ask


@pytest.mark.parametrize("question", ["今天天气怎么样", "帮我把这段话翻译成英文"])
def test_other_declines_do_not_get_it(question: str, kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question(question, kb_index, get_engine(settings, prefer="offline"))
    assert not answer.covered and decline_texts().health_line not in answer.answer


def test_an_operations_question_about_medicine_sales_is_still_answered(kb_index: KnowledgeIndex,
                                                                       settings: Settings) -> None:
    answer = answer_question("群规里怎么写禁止卖药和保健品", kb_index, get_engine(settings, prefer="offline"))
    assert answer.covered and decline_texts().health_line not in answer.answer
