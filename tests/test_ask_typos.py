"""Ask: a one-character typo in a short question (a homophone the input method offered) is read as the card word
it stands for before ranking, a question without typos is left as it is, and the eval counts confidently wrong
answers. Questions written for these tests."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.evals.retrieval import AskCase, evaluate_ask
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.typos import Homophones, correct, homophones
from copilot.llm import get_engine

VOCAB = {"群规": 6, "冷场": 3, "核心": 8, "定位": 5, "活跃": 9, "心态": 1, "群主": 12}


def test_the_shipped_table_groups_characters_read_alike() -> None:
    sounds = homophones()
    assert sounds is not None
    same = {c for c, gap in sounds.sounds_like("场") if gap == 0}
    assert "厂" in same
    assert any(c == "规" for c, _ in sounds.sounds_like("贵"))  # the same syllable in another tone, weaker
    assert sounds.sounds_like("a") == []


@pytest.mark.parametrize("typed, meant", [
    ("合唱团冷厂了咋整", "合唱团冷场了咋整"),
    ("和心成员去哪找", "核心成员去哪找"),
    ("读书会定未写啥", "读书会定位写啥"),
    ("新群群贵要几条", "新群群规要几条"),
])
def test_a_short_question_gets_its_homophone_typo_read(typed: str, meant: str) -> None:
    assert correct(typed, VOCAB, {}, homophones()) == meant


@pytest.mark.parametrize("question", ["群规和心态哪个重要", "群里冷场了怎么办", "合唱团周末排练几点开始"])
def test_a_question_without_a_typo_is_left_alone(question: str) -> None:
    assert correct(question, VOCAB, {}, homophones()) == question


def test_a_long_question_is_read_only_for_the_tables_typos() -> None:
    long = "我们合唱团的群最近大家都不怎么说话了，冷厂好几天，群主发的通知也没人回，该从哪里下手"
    assert correct(long, VOCAB, {}, homophones()) == long
    assert correct("群里火跃度太低", VOCAB, {"火跃": "活跃"}, None) == "群里活跃度太低"


def test_the_nearest_tone_and_the_commonest_word_win() -> None:
    sounds = Homophones(("规归", "鬼", "贵桂"))
    assert correct("群贵", {"群规": 2, "群归": 5}, {}, sounds) == "群归"  # both one group away: most sections
    assert correct("群鬼", {"群规": 2}, {}, sounds) == "群规"
    assert correct("群贵", {"群规": 1}, {}, sounds) == "群贵"  # a word found in one section only is not enough


def test_a_mistyped_keyword_question_finds_the_section_of_the_word_it_meant(kb_index: KnowledgeIndex) -> None:
    typed = kb_index.search_sections("舞蹈队群里冷厂了咋办", k=3)
    plain = kb_index.search_sections("舞蹈队群里冷场了咋办", k=3)
    assert typed.sections[0].section == plain.sections[0].section
    assert typed.covered


def test_confidently_wrong_answers_are_counted(kb_index: KnowledgeIndex, settings: Settings) -> None:
    question = "两个群友在群里吵起来了，越吵越凶，我该怎么劝"
    top = kb_index.search_sections(question, k=3).sections[0]
    cases = [AskCase(id="right", question=question, sections=[(top.source, top.section)]),
             AskCase(id="wrong", question=question, sections=[("group-name", "长度与位置")]),
             AskCase(id="near", question=question, sections=[(top.source, top.section)], near=True)]
    report = evaluate_ask(kb_index, get_engine(settings), cases)
    right, wrong, near = report.results
    assert right.direct and right.answer_ok
    assert report.confident_wrong == int(wrong.direct)
    assert report.n_near == 1 and report.near_direct == int(near.direct)
    assert {"confident_wrong", "near_direct", "hedged_right"} <= set(report.totals())
    # the near case is scored apart: the rates over the other two count only right and wrong
    assert report.answer_rate_not_near == (int(bool(right.answer_ok)) + int(bool(wrong.answer_ok))) / 2
    assert report.confident_wrong_not_near == int(wrong.direct) + int(right.direct and not right.answer_ok)
    assert report.confident_wrong == report.confident_wrong_not_near + int(near.direct and not near.answer_ok)
