"""Round 38 (dev15x): the QA's 42 questions (``tuning_r38``) and a new readable near-miss set (``tuning_r38b``: 67
near misses — app settings and limits, law and tax, the group topic's own facts, shopping, personal life, other
platforms' features, padded and hostile wording — and 34 in-scope questions phrased like them) are held out of every
trained model; a loose answer says plainly that no section speaks to the point; padding around a question does
not change whether it is answered.

The padded questions below are written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from ask_signals import held_out_cases

from copilot.config import Settings
from copilot.evals.retrieval import load_ask_cases
from copilot.knowledge.ask import answer_question, decline_texts
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import parts_cues
from copilot.llm import get_engine
from copilot.paths import EVALS_DIR
from copilot.textnorm import unpad

R38 = EVALS_DIR / "retrieval" / "tuning_r38.jsonl"
R38B = EVALS_DIR / "retrieval" / "tuning_r38b.jsonl"


@pytest.mark.parametrize("path", [R38, R38B])
def test_the_round38_sets_are_held_out_and_name_real_sections(path: Path) -> None:
    for case in held_out_cases(path):
        assert case.in_scope == bool(case.sections), case.id
        assert set(case.relevant) == {card for card, _ in case.sections}, case.id


def test_the_near_miss_set_has_the_kinds_the_brief_asks_for() -> None:
    cases = load_ask_cases(R38B)
    outside = [c for c in cases if not c.in_scope]
    inside = [c for c in cases if c.in_scope]
    assert len(outside) >= 60 and len(inside) >= 30
    assert len({c.question for c in cases}) == len(cases)
    assert any(c.script == "zh-Hant" for c in outside) and any(c.script == "zh-Hant" for c in inside)


def test_a_loose_answer_says_no_section_speaks_to_the_point() -> None:
    texts = decline_texts()
    # the same words as the note for a second question the material does not answer
    assert texts.not_direct.startswith("资料里没有正讲这一点的小节")
    assert "正讲这一点的小节" in texts.part_not_covered
    assert "{section}" in texts.not_direct


@pytest.mark.parametrize(("padded", "read"), [
    ("啊啊啊啊啊啊 群名怎么起！！！！！！", "啊 群名怎么起！"),
    ("。。。。。。新人不说话怎么办？？？？？？ 哈哈哈哈哈", "。新人不说话怎么办？ 哈"),
    ("群主群主群主群主，欢迎语怎么写", "群主，欢迎语怎么写"),
    ("运营运营运营 社群社群社群 冷场了咋办", "运营 社群 冷场了咋办"),
])
def test_a_run_said_three_times_or_more_is_read_once(padded: str, read: str) -> None:
    assert unpad(padded) == read


@pytest.mark.parametrize("plain", [
    "群里1000人，每人交100元会费，怎么收",  # numbers are not padding
    "天天打卡的群，哈哈，怎么坚持",  # a word said twice is a word
    "谢谢大家，新群怎么起步",
])
def test_ordinary_questions_are_left_as_written(plain: str) -> None:
    assert unpad(plain) == plain


def test_padding_is_read_once_before_ranking() -> None:
    assert parts_cues().unpad


@pytest.mark.parametrize(("plain", "pads"), [
    # the group topic's own facts: declined plain, and padded it must stay declined (with padding read as written
    # its confidence rose from 0.061 to 0.115, past the threshold)
    ("跑步群有人问膝盖一直疼还能不能接着跑半马", ("啊啊啊啊啊啊啊啊 {q}！！！！！！！", "。。。。。。{q}？？？？？？？？ 哈哈哈哈哈哈")),
    ("羽毛球群里两个人为了谁先上场吵起来了，我作为群主怎么劝", ("哈哈哈哈哈哈哈 {q}！！！！！！", "{q}？？？？？？？？")),
])
def test_padding_does_not_change_whether_a_question_is_answered(kb_index: KnowledgeIndex, settings: Settings,
                                                                  plain: str, pads: tuple[str, ...]) -> None:
    engine = get_engine(settings)
    base = answer_question(plain, kb_index, engine)
    for pad in pads:
        padded = answer_question(pad.format(q=plain), kb_index, engine)
        assert padded.covered == base.covered, pad
        if base.covered:
            assert padded.sections[0].section == base.sections[0].section, pad
