"""Round 43 (issue 15): a Traditional question is read in Simplified with the mainland word forms before retrieval
(群組 → 群, 幹部 → 管理员), so it ranks like its Simplified twin; a harassment or threat report is answered from the
rules and the crisis steps, not declined. Groups and questions are written for these tests."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.llm import get_engine
from copilot.textnorm import ask_form


@pytest.mark.parametrize(("question", "folded"), [
    ("攝影社的群組要找幾個幹部一起管", "摄影社的群要找几个管理员一起管"),
    ("群組裡有人一直洗版，要怎麼處理", "群里有人一直刷屏，要怎么处理"),
    ("新成員的訊息都被洗掉了", "新成员的消息都被洗掉了"),
])
def test_a_traditional_question_is_read_with_mainland_words(question: str, folded: str) -> None:
    assert ask_form(question) == folded


@pytest.mark.parametrize("question", [
    "钓鱼群的贴文怎么写",  # Simplified: left exactly as typed, even with a Taiwan word in it
    "违规的人要不要让他写检讨",  # 检讨 is a mainland word of another sense (hant_words.yaml's simplified_too)
    "群里有人刷屏怎么办",
    "",
])
def test_a_simplified_question_is_left_as_it_is(question: str) -> None:
    assert ask_form(question) == question


def test_a_simplified_question_reads_the_shared_group_word_like_its_traditional_twin() -> None:
    # round 52 (qa15r35): 群组 names the group in both scripts, so the Simplified twin ranks like 群組 (→ 群)
    assert ask_form("钓鱼群的群组公告怎么写") == "钓鱼群的群公告怎么写" == ask_form("釣魚群的群組公告怎麼寫")


@pytest.mark.parametrize("question", [
    "露營社的群組人數快滿了，要怎麼開第二個群",
    "手作群組裡兩個會員吵起來了，怎麼讓他們冷靜",
    "想找幾個幹部一起管群組，要怎麼挑人",
])
def test_a_traditional_question_ranks_like_its_simplified_twin(kb_index: KnowledgeIndex, question: str) -> None:
    twin = ask_form(question)
    first = kb_index.search_sections(question, k=3)
    second = kb_index.search_sections(twin, k=3)
    assert [s.section for s in first.sections] == [s.section for s in second.sections]
    assert first.covered == second.covered


def test_the_traditional_answer_stays_traditional(kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question("露營社的群組人數快滿了，要怎麼開第二個群", kb_index, get_engine(settings, prefer="offline"))
    assert answer.covered
    assert answer.script == "zh-Hant"
    assert "擴" in answer.answer or "群滿了" in answer.answer


@pytest.mark.parametrize("question", [
    "有个群友老是私信骚扰别的女生，被好几个人举报了，管理员该怎么做",
    "群里有人说要人肉另一个成员，把他住址发出来，我该怎么处理",
])
def test_a_harassment_report_is_answered_from_the_rules_or_the_crisis_steps(
        kb_index: KnowledgeIndex, settings: Settings, question: str) -> None:
    answer = answer_question(question, kb_index, get_engine(settings, prefer="offline"))
    assert answer.covered
    assert {s.section for s in answer.sections} & {"违规怎么处理", "通用响应流程", "禁止行为要写具体"}
