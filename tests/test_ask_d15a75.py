"""Round 75 (d15a75): a runner-up of the top three from the lead's own card that the section scorer says fits the
question by itself (its fit reaches the scorer's ``second``) joins the answer from 0.80 of the lead's score
(``SECOND_FITTING_RATIO``) when no other runner-up joins, not only from 0.85: the card's section written for the
situation is no longer left out behind the neighbour that led on shared words. A runner-up of another card, one that
does not fit by itself, or one beside a runner-up that already joins still needs 0.85."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import (
    SECOND_FITTING_RATIO,
    SECOND_SECTION_RATIO,
    answer_question,
    chosen_sections,
    second_refused,
)
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import SectionHit, SectionRanking, section_scorer
from copilot.llm import get_engine

QUESTION = "想给老群友发个专属称号和头衔，让大家更有归属感"


def _ranking(lead_fit: float, runner_fit: float, ratio: float, *, card: str = "ritual-belonging",
             third: SectionHit | None = None) -> tuple[SectionRanking, SectionHit]:
    lead = SectionHit(source="ritual-belonging", title="仪式感、参与感与归属感", section="归属感是慢慢攒出来的",
                      score=0.50, sentence=0.92, lexical=2.0, fit=lead_fit)
    runner = SectionHit(source=card, title="", section="身份符号与群文化",
                        score=0.50 * ratio, sentence=0.915, lexical=1.5, fit=runner_fit)
    ranking = SectionRanking(question=QUESTION, sections=[lead, runner, *([third] if third else [])], confidence=0.9,
                             threshold=0.5, related_floor=0.3)
    return ranking, runner


def test_the_lower_ratio_is_below_the_old_one() -> None:
    assert SECOND_FITTING_RATIO < SECOND_SECTION_RATIO


def test_a_fitting_runner_up_at_082_of_the_lead_joins() -> None:
    scorer = section_scorer()
    assert scorer is not None
    ranking, runner = _ranking(0.85, scorer.second + 0.15, 0.82)
    assert second_refused(ranking, runner) == ""


def test_a_fitting_runner_up_below_080_is_still_refused_for_its_score() -> None:
    scorer = section_scorer()
    assert scorer is not None
    ranking, runner = _ranking(0.85, scorer.second + 0.15, 0.78)
    assert second_refused(ranking, runner) == "score"


def test_a_runner_up_that_does_not_fit_by_itself_needs_085_when_the_lead_is_loose() -> None:
    scorer = section_scorer()
    assert scorer is not None
    # a loose lead (below the scorer's hedge) lets a runner-up skip the fit gate; the lower ratio is not for it
    ranking, runner = _ranking(scorer.hedge - 0.1, scorer.second / 2, 0.82)
    assert second_refused(ranking, runner) == "score"
    ranking, runner = _ranking(scorer.hedge - 0.1, scorer.second / 2, 0.86)
    assert second_refused(ranking, runner) == ""


def test_the_lead_still_opens_the_answer_before_the_neighbour_it_let_in() -> None:
    scorer = section_scorer()
    assert scorer is not None
    ranking, runner = _ranking(0.85, scorer.second + 0.15, 0.82)
    lead = ranking.sections[0]
    lead.position, runner.position = 5, 2  # the neighbour comes first in the card
    assert [s.section for s in chosen_sections(ranking)] == [lead.section, runner.section]


def test_a_fitting_runner_up_of_another_card_still_needs_085() -> None:
    scorer = section_scorer()
    assert scorer is not None
    ranking, runner = _ranking(0.85, scorer.second + 0.15, 0.82, card="group-name")
    assert second_refused(ranking, runner) == "score"


def test_the_card_neighbour_is_not_let_in_beside_a_runner_up_that_already_joins() -> None:
    scorer = section_scorer()
    assert scorer is not None
    joining = SectionHit(source="group-types", title="", section="从成员感受判断群的状态", score=0.46, sentence=0.918,
                         lexical=1.0, fit=scorer.second + 0.3)
    ranking, runner = _ranking(0.85, scorer.second + 0.15, 0.82, third=joining)
    assert second_refused(ranking, joining) == ""
    assert second_refused(ranking, runner) == "score"


@pytest.mark.parametrize(("question", "wanted"), [
    (QUESTION, ("ritual-belonging", "身份符号与群文化")),
])
def test_the_section_written_for_the_situation_is_in_the_answer(kb_index: KnowledgeIndex, settings: Settings,
                                                                 question: str, wanted: tuple[str, str]) -> None:
    answer = answer_question(question, kb_index, get_engine(settings))
    assert answer.covered
    assert wanted in {(s.source, s.section) for s in answer.sections}
    assert (answer.sections[0].source, answer.sections[0].section) != wanted  # the lead still opens it
