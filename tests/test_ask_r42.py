"""Round 42 (issue 15): a quoted group or product name is left out of the match, the ask the asker marks
("我想问的是：…") is ranked on its own and leads, and a step needing what the asker says they lack (没钱) goes after
the others with a note. Groups and questions are written for these tests."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question, lack_cues, lacking_last
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import marked_ask, parts_cues, without_names
from copilot.llm import get_engine

# --- quoted names ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("question", "left"), [
    ("我们跳绳群叫「百日跳绳打卡营」，新人进来都不说话怎么办", "我们跳绳群叫 ，新人进来都不说话怎么办"),
    ("群名是『周末木工坊』，群介绍该写点什么", "群名是 ，群介绍该写点什么"),
    ("我們社團群的名字是《街角讀書會》，群規要寫哪些", "我們社團群的名字是 ，群規要寫哪些"),
])
def test_a_quoted_name_is_left_out_of_the_match(question: str, left: str) -> None:
    assert without_names(question) == left


@pytest.mark.parametrize("question", [
    "群规里“拍卖成交后不退换”这条要不要写进去",  # a quoted clause the asker asks about, not a name
    "我们群叫百日跳绳，新人不说话怎么办",  # no quote marks
    "群名叫「」怎么改",  # nothing quoted
])
def test_a_quote_that_is_not_a_name_stays(question: str) -> None:
    assert without_names(question) == question


def test_names_off_without_quote_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parts_cues().names, "quotes", [])
    question = "我们群叫「百日跳绳打卡营」，新人不说话怎么办"
    assert without_names(question) == question


# --- the marked ask -------------------------------------------------------------------------------------------


def test_the_marked_ask_is_the_text_after_the_last_marker() -> None:
    question = "棋牌室老客群一百多人，平时只发红包。我想问的是：半年没来过店的人要不要移出群？"
    assert marked_ask(question) == "半年没来过店的人要不要移出群?"
    # Traditional markers are read folded
    assert marked_ask("手作群最近很安靜。想請問一下，群介紹要怎麼寫？").startswith("群介绍要怎么写")


@pytest.mark.parametrize("question", [
    "棋牌室老客群一百多人，平时只发红包，半年没来过店的人要不要移出群？",  # no marker
    "最近好多人问我想问的是",  # nothing after the marker
])
def test_no_marked_ask(question: str) -> None:
    assert marked_ask(question) == ""


JUMP_ROPE = ("我们跳绳打卡群建了一年，群叫「百日跳绳」，每天打卡的越来越少，好多人半年没动静了。"
             "我想问的是：半年都不说话的人要不要清掉，清之前要做什么？")


def test_the_marked_ask_leads_over_the_told_decline(kb_index: KnowledgeIndex, settings: Settings) -> None:
    engine = get_engine(settings, prefer="offline")
    marked = answer_question(JUMP_ROPE, kb_index, engine)
    assert marked.sections and marked.sections[0].section == "定期清理成员"
    # without the marker the told decline (越来越少) keeps the lead: the marker is what moves it
    unmarked = answer_question(JUMP_ROPE.replace("我想问的是：", ""), kb_index, engine)
    assert unmarked.sections and unmarked.sections[0].section != "定期清理成员"


# --- a stated lack ---------------------------------------------------------------------------------------------

STEPS = [
    "激励可以分三类： [1]",
    "1. 物质回报：给报酬或奖品； [1]",
    "2. 身份与荣誉：头衔、感谢名单； [1]",
    "3. 参与感：内测、共创。 [1]",
    "资料的做法：做得好的一律打赏。 [2]",
]


def test_a_step_needing_money_goes_last_when_the_asker_has_none() -> None:
    out = lacking_last(STEPS, "腌菜群是纯公益的，没有预算，核心成员怎么激励")
    assert out[0] == STEPS[0]
    assert out[1].startswith("1. 身份与荣誉") and out[2].startswith("2. 参与感")
    assert out[3].startswith("3. 物质回报") and "没有预算" in out[3] and out[3].endswith(" [1]")
    # a paragraph keeps its place and is marked
    assert out[4].startswith("资料的做法") and "没有预算" in out[4] and out[4].endswith(" [2]")


def test_without_a_stated_lack_the_steps_keep_their_order() -> None:
    assert lacking_last(STEPS, "腌菜群的核心成员怎么激励") == STEPS


def test_lacks_off_with_an_empty_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lack_cues(), "lacks", [])
    assert lacking_last(STEPS, "没有预算，核心成员怎么激励") == STEPS


def test_the_answer_leads_with_what_costs_nothing(kb_index: KnowledgeIndex, settings: Settings) -> None:
    engine = get_engine(settings, prefer="offline")
    answer = answer_question("速记练习群是公益的，我们完全没钱，核心成员该怎么激励？", kb_index, engine)
    steps = [line for line in answer.answer.splitlines() if line[:2] in {"1.", "2.", "3."}]
    assert steps and "报酬" not in steps[0]
    assert any("报酬" in line and "没钱" in line for line in steps)
