"""Round 39 (d15a): a situation the question states weighs in on which section leads (``stated.yaml``,
:func:`copilot.knowledge.ranking.stated_order`): "X went badly" leads with the section on fixing X, a rumour the
asker says is false puts the steps that admit a fault last. The questions below are written for these tests."""

from __future__ import annotations

import numpy as np
import pytest
from ask_signals import held_out_cases

from copilot.config import Settings
from copilot.knowledge.cards import load_cards
from copilot.knowledge.ranking import stated_order, stated_situations
from copilot.paths import EVALS_DIR

R39A = EVALS_DIR / "retrieval" / "tuning_r39a.jsonl"

SECTIONS = [
    ("crisis", "负面投诉与舆情"),
    ("activity-resonance", "常用活跃玩法"),
    ("crisis", "广告刷屏与诈骗"),
    ("crisis", "通用响应流程"),
    ("activity-resonance", "活动机制怎么设计"),
    ("daily-topics", "话题有哪些类型"),
]


def _order(question: str) -> list[tuple[str, str]]:
    return [SECTIONS[i] for i in stated_order(question, np.arange(len(SECTIONS)), SECTIONS)]


def test_the_round39_set_is_held_out_and_names_real_sections() -> None:
    cases = held_out_cases(R39A)
    assert sum(c.in_scope for c in cases) >= 30 and sum(not c.in_scope for c in cases) >= 10


def test_every_stated_section_is_a_real_heading() -> None:
    cards = {c.id: c for c in load_cards(Settings(llm_provider="offline").knowledge_dir)}
    for situation in stated_situations().situations:
        for card, heading in [*situation.toward, *situation.away]:
            assert card in cards and cards[card].resolve_section(heading) == heading, (situation.name, heading)


def test_a_rumour_said_to_be_false_does_not_lead_with_admitting_a_fault() -> None:
    order = _order("车友群里有人说我们拿了4S店的回扣，根本没有这回事，我要怎么在群里说清楚")
    assert order[0] == ("crisis", "通用响应流程")
    assert order[-1] == ("crisis", "负面投诉与舆情")


def test_an_event_that_went_badly_leads_with_fixing_it() -> None:
    order = _order("上个月组织的露天电影夜报名的人少，来了也就七八个，下回活动怎么搞")
    assert order[0] == ("activity-resonance", "活动机制怎么设计")
    assert len(order) == len(SECTIONS)


def test_a_section_outside_the_first_candidates_is_not_pulled_in() -> None:
    far = [("daily-topics", "话题有哪些类型")] * 8 + [("activity-resonance", "活动机制怎么设计")]
    order = stated_order("读书会线上共读没人参与，怎么办", np.arange(len(far)), far)
    assert list(order) == list(range(len(far)))


@pytest.mark.parametrize("question", ["宠物群想办一次领养日活动，怎么安排流程", "群里发广告的人要不要直接踢"])
def test_a_question_that_states_no_such_situation_keeps_its_order(question: str) -> None:
    assert _order(question) == SECTIONS


def test_traditional_wording_states_the_same_situation() -> None:
    assert [s.name for s in stated_situations().told("有人在群裡造謠說我們收回扣，根本沒有這回事")] == ["rumour_false"]
