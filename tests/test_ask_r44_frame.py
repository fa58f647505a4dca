"""Round 44 (d15a44, issue 15): the 相近 / 资料覆盖 frame judged against what the question asks: a lead that is not the ask
clause's own best section (:func:`lead_basis`) must reach the scorer's ``warn_off_ask``. Questions written for these tests."""

from __future__ import annotations

import pytest

from copilot.knowledge.ask import AskPart, answer_hedged, lead_basis
from copilot.knowledge.ranking import SectionHit, SectionRanking, section_scorer


def _hit(source: str, section: str, fit: float) -> SectionHit:
    return SectionHit(source=source, title=source, section=section, score=0.3, fit=fit)


NOTICE = _hit("intro-welcome", "新人的头三天", 0.0)
CALENDAR = _hit("daily-topics", "固定节奏与话题日历", 0.0)


def _at(fit: float) -> tuple[SectionHit, SectionRanking]:
    lead = _hit("intro-welcome", "新人的头三天", fit)
    return lead, SectionRanking("舞蹈队排练通知一发就被聊天刷下去，重要的事怎么让大家都看到", [lead], 0.8, 0.1, 0.05)


@pytest.fixture
def off_ask_bar(monkeypatch: pytest.MonkeyPatch) -> float:
    """The scorer with a ``warn_off_ask`` well above its ``warn`` (whatever the shipped file holds)."""
    scorer = section_scorer()
    assert scorer is not None
    bar = scorer.warn + 0.2
    patched = scorer.model_copy(update={"warn_off_ask": bar})
    monkeypatch.setattr("copilot.knowledge.ask.section_scorer", lambda: patched)
    return bar


def test_the_lead_is_the_ask_when_there_is_no_separate_ask_or_the_clause_finds_it_itself() -> None:
    assert lead_basis([NOTICE], NOTICE, AskPart()) == "ask"
    assert lead_basis([NOTICE], NOTICE, None) == "ask"
    own = AskPart("重要的事怎么让大家都看到", alone=("intro-welcome", "新人的头三天"))
    assert lead_basis([NOTICE, CALENDAR], NOTICE, own) == "ask"
    # the clause alone finds the calendar: a lead picked by the situation's words is not the ask's own
    other = AskPart("重要的事怎么让大家都看到", alone=("daily-topics", "固定节奏与话题日历"))
    assert lead_basis([NOTICE], NOTICE, other) == "other"
    # nothing answers the clause on its own: the lead cannot be its own either
    assert lead_basis([NOTICE], NOTICE, AskPart("重要的事怎么让大家都看到")) == "other"


def test_a_lead_that_only_shares_words_with_the_ask_needs_the_second_bar(off_ask_bar: float) -> None:
    scorer = section_scorer()
    assert scorer is not None
    lead, ranking = _at((scorer.warn + off_ask_bar) / 2)  # between the two bars
    other = AskPart("重要的事怎么让大家都看到", alone=("daily-topics", "固定节奏与话题日历"))
    own = AskPart("重要的事怎么让大家都看到", alone=("intro-welcome", "新人的头三天"))
    assert answer_hedged(ranking, [lead], lead, other)
    assert not answer_hedged(ranking, [lead], lead, own)
    # above the second bar it is given as the answer either way; below the first it is near either way
    high, ranking = _at(off_ask_bar + 0.05)
    assert not answer_hedged(ranking, [high], high, other)
    low, ranking = _at(scorer.warn - 0.05)
    assert answer_hedged(ranking, [low], low, own)


def test_the_second_bar_never_lowers_the_first(monkeypatch: pytest.MonkeyPatch) -> None:
    scorer = section_scorer()
    assert scorer is not None
    patched = scorer.model_copy(update={"warn_off_ask": scorer.warn - 0.2})
    monkeypatch.setattr("copilot.knowledge.ask.section_scorer", lambda: patched)
    lead, ranking = _at(scorer.warn - 0.05)
    assert answer_hedged(ranking, [lead], lead, AskPart("重要的事怎么让大家都看到"))
