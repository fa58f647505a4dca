"""Round 57 (d15c57): an extra section joins an offline answer only when its fit to the question is within
``SECOND_FIT_MARGIN`` of the lead's; the section shown first, the lead and the sections an ask names always stay.
Questions written for these tests."""

from __future__ import annotations

import pytest

from copilot.knowledge.ask import SECOND_FIT_MARGIN, within_margin
from copilot.knowledge.ranking import SectionHit, SectionRanking, section_scorer

QUESTION = "有个阿姨每天早上连发二三十个表情包，把大家的讨论全刷没了，怎么管"


def _sec(source: str, section: str, fit: float) -> SectionHit:
    return SectionHit(source=source, title=source, section=section, score=0.5, fit=fit)


def _ranking(*sections: SectionHit) -> SectionRanking:
    return SectionRanking(QUESTION, list(sections), 0.9, 0.1, 0.05)


pytestmark = pytest.mark.skipif(section_scorer() is None, reason="the section scorer is not installed")


def test_a_stray_second_section_far_below_the_lead_is_left_out() -> None:
    lead = _sec("group-rules", "禁止行为要写具体", 0.9)
    stray = _sec("intro-welcome", "批量进人时别刷屏", 0.9 - SECOND_FIT_MARGIN - 0.1)
    kept = within_margin([lead, stray], _ranking(lead, stray), lead, named=[])
    assert [s.section for s in kept] == ["禁止行为要写具体"]


def test_a_second_section_that_fits_about_as_well_stays() -> None:
    lead = _sec("group-rules", "禁止行为要写具体", 0.9)
    close = _sec("group-rules", "违规怎么处理", 0.7)
    kept = within_margin([lead, close], _ranking(lead, close), lead, named=[])
    assert [s.section for s in kept] == ["禁止行为要写具体", "违规怎么处理"]


def test_a_section_an_ask_names_stays_however_loosely_it_fits_the_whole_question() -> None:
    lead = _sec("group-rules", "禁止行为要写具体", 0.9)
    asked = _sec("moderation-offtopic", "管理话术的原则", 0.1)
    kept = within_margin([lead, asked], _ranking(lead, asked), lead, named=[asked])
    assert [s.section for s in kept] == ["禁止行为要写具体", "管理话术的原则"]


def test_the_lead_stays_when_card_order_shows_another_section_first() -> None:
    first = _sec("moderation-offtopic", "先分清是哪种情况", 0.2)
    lead = _sec("moderation-offtopic", "广告怎么处理", 0.95)
    kept = within_margin([first, lead], _ranking(lead, first), lead, named=[])
    assert kept == [first, lead]
