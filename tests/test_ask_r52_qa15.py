"""What a fresh operator (qa15r35) found wrong in ``ask`` answers, on questions written for this test from other
kinds of group: a "not found" note for words the answer lists, an example said to be left out although one of its
kind is printed above, a quoted group name never judged, and a group named by its kind (骑行团) declined."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import scope_form
from copilot.llm import get_engine
from copilot.textnorm import ask_form


@pytest.mark.parametrize("question", [
    "花艺群每周腹盘看哪些数据？下单人数 复购 还是啥",
    "烘焙群每周复盘看哪些数据？下单人数 复购率 还是啥",
])
def test_no_not_found_note_for_words_the_answer_lists(question: str, kb_index: KnowledgeIndex,
                                                      settings: Settings) -> None:
    answer = answer_question(question, kb_index, get_engine(settings))
    assert answer.covered and "复购率" in answer.answer
    assert "你还问了" not in answer.answer


def test_a_kind_of_example_printed_above_is_not_said_to_be_left_out(kb_index: KnowledgeIndex,
                                                                     settings: Settings) -> None:
    answer = answer_question("摄影群里总有人聊显卡和股票，歪楼歪到十万八千里，怎么拉回来又不扫兴", kb_index,
                             get_engine(settings))
    assert [s.section for s in answer.sections][:2] == ["歪楼：温和地把话题接回来", "引流到合适的地方"]
    assert "跑步群里在聊火锅" in answer.answer
    # the running example of the second section stays, labelled, instead of a note that it was left out
    assert "跑者食谱分享" in answer.answer and "（跑步群的例子，照用前换成你们群的说法）" in answer.answer
    assert "这一节还有跑步群的例子" not in answer.answer


def test_a_quoted_group_name_is_checked_against_the_name_rules(kb_index: KnowledgeIndex, settings: Settings) -> None:
    engine = get_engine(settings)
    hype = answer_question("我们烘焙群想叫“甜蜜烘焙坊·史上最强第一群”，这个群名行不行", kb_index, engine)
    assert hype.covered and any(s.source == "group-name" for s in hype.sections)
    assert "按群名规则查了你给的「甜蜜烘焙坊·史上最强第一群」：" in hype.answer
    assert "- 群名不用夸大、催促或违规词：不符合（出现了禁用词：" in hype.answer
    assert "- 群名不超过16个字：符合" in hype.answer
    # what the offline engine cannot judge is said to be left unchecked, not passed
    assert "没有查的：群名要让人一眼看出社群是做什么的" in hype.answer
    long = answer_question("摄影群的群名叫「城市光影街头人文纪实摄影爱好者交流分享群」好不好", kb_index, engine)
    assert "- 群名不超过16个字：不符合（超过 16 字" in long.answer


def test_a_traditional_quoted_name_is_checked_in_traditional(kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question("群名叫「光影街拍交流群」好唔好？想改個名", kb_index, get_engine(settings))
    assert answer.covered and answer.script == "zh-Hant"
    assert "按群名規則查了你給的「光影街拍交流群」：" in answer.answer


def test_no_name_check_without_a_quoted_name(kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question("摄影群的群名怎么起比较好", kb_index, get_engine(settings))
    assert answer.covered and "按群名规则查了" not in answer.answer


@pytest.mark.parametrize("question", [
    "我们骑行团想做个专属口号和队服，有没有必要",
    "想给骑行团做个专属口号和队服，有没有必要",
    "想給騎行團做個專屬口號和隊服，有沒有必要",
])
def test_a_group_named_by_its_kind_is_answered(question: str, kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question(question, kb_index, get_engine(settings))
    assert answer.covered
    assert answer.sections[0].section.startswith(("身份符号与群文化", "身份符號與群文化"))


def test_simplified_and_traditional_twins_get_one_decision(kb_index: KnowledgeIndex) -> None:
    for simplified, traditional in [("合唱团群组想做专属口号和队服，有没有必要", "合唱團群組想做專屬口號和隊服，有沒有必要"),
                                    ("想给骑行团做个专属口号和队服，有没有必要", "想給騎行團做個專屬口號和隊服，有沒有必要")]:
        a = kb_index.search_sections(simplified, k=5, unwrap=True)
        b = kb_index.search_sections(traditional, k=5, unwrap=True)
        assert a.covered == b.covered and a.confidence == pytest.approx(b.confidence, abs=1e-3)


def test_scope_form_reads_a_kind_name_as_a_group() -> None:
    assert "骑行团群" in scope_form("骑行团要不要搞个口号")
    assert scope_form("骑行团群要不要搞个口号") == "骑行团群要不要搞个口号"  # says 群 already
    assert scope_form("团购的冷藏柜买哪款") == "团购的冷藏柜买哪款"  # 团购 names no group of members
    assert ask_form("摄影群组新人不说话怎么办") == "摄影群新人不说话怎么办"
    assert ask_form("让他写个检讨") == "让他写个检讨"  # a mainland word of another sense stays
