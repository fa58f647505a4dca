"""Round 38 (dev15w): the answer's first section is chosen by its fit to the whole question and to the last asking
clause ranked on its own (``parts.yaml``'s ``clause_lead``), not by the whole question's fit alone; the sources
panel cuts a long passage between lines and says how many lines follow. Questions and groups are written for
these tests."""

from __future__ import annotations

import pytest
from ask_signals import fake_hit, fake_index, fake_ranking

from copilot.knowledge.ask import AskPart, ask_leads, ask_part, clause_lead
from copilot.knowledge.ranking import parts_cues
from copilot.textnorm import fold
from copilot.ui.chat import shown_passage

# the story is about a quiet group; what is asked is whether to bring in a points scheme
Q = "我们羽毛球群三百多人，每次约球都是那十几个人报名，别的人一直潜水，要不要搞个积分制"
ASK = fold("要不要搞个积分制")
QUIET = fake_hit("activity", "活跃", "群冷清的常见原因", 0.62)
POINTS = fake_hit("rules", "群规", "奖励机制别忘了写", 0.41)
LAYERS = fake_hit("layers", "分层", "把成员分成几层", 0.35)


@pytest.fixture
def blend_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parts_cues().clause_lead, "weight", 0.5)
    monkeypatch.setattr(parts_cues().clause_lead, "gap", 0.1)


@pytest.mark.usefixtures("blend_on")
def test_the_section_the_ask_points_at_leads_over_the_loudest_word_of_the_story() -> None:
    whole = fake_ranking(Q, QUIET, POINTS, LAYERS)
    assert whole.leading() is QUIET  # 0.41 is not 0.3 above 0.62: the whole question's fit alone keeps the story's pick
    alone = fake_ranking(ASK, fake_hit("rules", "群规", "奖励机制别忘了写", 0.83), fake_hit("growth", "增长", "拉新活动", 0.3))
    assert clause_lead(whole, alone) is POINTS
    part = ask_part(Q, whole, fake_index({ASK: alone}))
    assert part.lead is POINTS
    assert [s.section for s in ask_leads([QUIET, LAYERS], part, Q)] == ["奖励机制别忘了写", "群冷清的常见原因", "把成员分成几层"]


@pytest.mark.usefixtures("blend_on")
def test_the_lead_stays_when_the_ask_agrees_with_it_or_points_only_a_little_elsewhere() -> None:
    whole = fake_ranking(Q, QUIET, POINTS, LAYERS)
    agrees = fake_ranking(ASK, fake_hit("activity", "活跃", "群冷清的常见原因", 0.7), fake_hit("rules", "群规", "奖励机制别忘了写", 0.6))
    assert clause_lead(whole, agrees) is None
    # 0.5 × 0.41 + 0.5 × 0.9 = 0.655 against 0.5 × 0.62 + 0.5 × 0.55 = 0.585: closer than the gap
    near = fake_ranking(ASK, fake_hit("rules", "群规", "奖励机制别忘了写", 0.9), fake_hit("activity", "活跃", "群冷清的常见原因", 0.55))
    assert clause_lead(whole, near) is None


@pytest.mark.usefixtures("blend_on")
def test_an_ask_the_cards_do_not_cover_moves_nothing() -> None:
    whole = fake_ranking(Q, QUIET, POINTS, LAYERS)
    uncovered = fake_ranking(ASK, fake_hit("rules", "群规", "奖励机制别忘了写", 0.83), confidence=0.01)
    assert clause_lead(whole, uncovered) is None


def test_weight_zero_turns_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parts_cues().clause_lead, "weight", 0.0)
    whole = fake_ranking(Q, QUIET, POINTS, LAYERS)
    alone = fake_ranking(ASK, fake_hit("rules", "群规", "奖励机制别忘了写", 0.83))
    assert clause_lead(whole, alone) is None


def test_the_asks_own_section_comes_before_the_blended_lead() -> None:
    own = fake_hit("lifecycle", "清理", "定期清理成员", 0.3)
    part = AskPart("要不要把潜水的人清出去", own, lead=POINTS)
    assert [s.section for s in ask_leads([QUIET], part, Q)] == ["定期清理成员", "群冷清的常见原因"]
    # when the lead answers an earlier ask (a question asked in turn), it keeps the front and the ask's section follows
    earlier = AskPart("要不要把潜水的人清出去", own, earlier=True, lead=POINTS)
    assert [s.section for s in ask_leads([QUIET], earlier, Q)] == ["群冷清的常见原因", "定期清理成员"]


# --- the sources panel ----------------------------------------------------------------------------------------

STEPS = "\n".join(f"{i}. 第{i}步：把报名表、场地和教练安排核对一遍，再在群里发确认通知" for i in range(1, 14))


def test_a_long_passage_is_cut_between_steps_and_says_how_many_follow() -> None:
    shown = shown_passage(STEPS)
    kept = shown.split("\n\n")[0].split("\n")
    assert all(line in STEPS.split("\n") for line in kept)  # no step cut in half
    assert 0 < len(kept) < 13
    assert shown.endswith(f"（本段后面还有 {13 - len(kept)} 行未在这里显示）")


@pytest.mark.parametrize("text", ["1. 先私聊两个人\n2. 再在群里说明规则", "群规只写三条：不发广告、不刷屏、不吵架。"])
def test_a_short_passage_is_shown_whole(text: str) -> None:
    assert shown_passage(text) == text


def test_one_long_line_is_shown_whole_rather_than_cut_inside() -> None:
    line = "活动前一天提醒大家带球拍和水，" * 30
    assert shown_passage(line) == line
