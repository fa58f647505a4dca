"""Round 34 (dev15m): personal questions that only happen in a group (a date with someone met in a hobby group,
one's own divorce, tax or child's homework, a landlord, a phone for one's mother) are declined by the near-miss
signal, fed by personal rewordings in ``off_scope.yaml``; group questions sharing their words are still answered.
Questions and groups (飞盘, 桌球, 古筝, 攀岩, 腌菜, 手账…) are written for these tests."""

from __future__ import annotations

import pytest
import yaml

from copilot.config import Settings
from copilot.evals.retrieval import HELD_OUT
from copilot.knowledge.ask import AskPart, answer_question, hedged
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import OFF_SCOPE_FILE, SectionHit, SectionRanking, near_misses, section_scorer
from copilot.llm import get_engine

PERSONAL = [
    "在飞盘群认识了个男生，对他有好感，想约他单独吃个饭，怎么开口",
    "我跟媳妇打算离婚了，共同还的车贷怎么算",
    "手账群里有人说副业收入也要报个税，我自己摆摊的钱要申报吗",
    "儿子四年级的分数应用题我也不会讲，怎么教他",
    "房东突然说下个月要涨五百房租，不涨就搬，合同还有半年，我该怎么办",
]

# running the group, sharing words with the personal ones (a couple in the group, tax on a prize, a member's child)


def test_the_personal_rewordings_are_their_own_kind_in_off_scope_yaml() -> None:
    kinds = yaml.safe_load(OFF_SCOPE_FILE.read_text(encoding="utf-8"))
    assert len(kinds["personal"]) >= 30
    shipped = near_misses()
    assert shipped is not None and set(kinds["personal"]) <= set(shipped.texts)
    # the round's own tuning file measures the decline: none of its questions is a prototype
    assert "tuning_r34" in HELD_OUT


@pytest.mark.parametrize("question", PERSONAL)
def test_a_personal_question_asked_in_a_group_is_declined(kb_index: KnowledgeIndex, settings: Settings,
                                                          question: str) -> None:
    answer = answer_question(question, kb_index, get_engine(settings))
    assert not answer.covered and not answer.citations and not answer.sections


@pytest.mark.xfail(strict=True, reason="known miss (round 34): a date worded as a shared activity (一起去岩馆) is "
                   "still nearer to 用户连接's questions than to the dating near misses (gap 0.004 < margin 0.005)")
def test_a_date_worded_as_a_shared_outing_is_not_declined_yet(kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question("在攀岩群里认识了一个挺爱笑的女孩，想请她周末一起去岩馆，怎么约比较自然", kb_index,
                             get_engine(settings))
    assert not answer.covered


# --- the 资料覆盖 / 相近 label is the fit of the section the answer leads with to what is asked ---

def _sec(source: str, section: str, fit: float) -> SectionHit:
    return SectionHit(source=source, title="卡片", section=section, score=0.3, lexical=1.0, sentence=0.9, fit=fit)


def _ranked(*sections: SectionHit) -> SectionRanking:
    return SectionRanking("问题", list(sections), 0.9, 0.5, 0.2)


def test_a_lead_moved_to_the_front_is_labelled_by_its_own_fit_not_the_rankings_best() -> None:
    scorer = section_scorer()
    assert scorer is not None
    loud = _sec("crisis", "广告刷屏与诈骗", scorer.warn + 0.2)  # the loud word's section tops the ranking
    weak = _sec("daily-topics", "内容从哪里来", scorer.warn - 0.1)
    ranking = _ranked(loud, weak)
    assert not hedged(ranking)  # the ranking's own best is direct
    assert hedged(ranking, weak)  # but an answer led by the weak one says it is only near
    # a lead the ranking never fitted (added from elsewhere) has no fit to claim
    assert hedged(ranking, _sec("growth", "设计裂变机制", 0.99))


def test_a_lead_that_answers_the_asking_clause_firmly_is_direct() -> None:
    scorer = section_scorer()
    assert scorer is not None
    calendar = _sec("daily-topics", "固定节奏与话题日历", scorer.warn - 0.2)
    ranking = _ranked(_sec("group-types", "从成员感受判断群的状态", 0.5), calendar)
    key = ("daily-topics", "固定节奏与话题日历")
    firm = AskPart("每周固定栏目怎么排", alone_fit=scorer.hedge + 0.05, alone=key)
    assert not hedged(ranking, calendar, firm)
    # the clause's best is another section, or fits the clause only loosely: still 相近
    assert hedged(ranking, calendar, AskPart("每周固定栏目怎么排", alone_fit=0.95, alone=("growth", "设计裂变机制")))
    assert hedged(ranking, calendar, AskPart("每周固定栏目怎么排", alone_fit=scorer.hedge - 0.05, alone=key))
    assert not hedged(_ranked())  # nothing ranked: nothing to label


def test_a_weekly_column_question_is_answered_and_labelled_end_to_end(kb_index: KnowledgeIndex,
                                                                      settings: Settings) -> None:
    answer = answer_question("飞镖社的群想开个每周固定的栏目，周一到周五每天发什么，怎么排", kb_index, get_engine(settings))
    assert answer.covered and answer.sections
    # the lead answers the ask (a fixed weekly rhythm) and is labelled as covering it
    assert answer.sections[0].section in {"固定节奏与话题日历", "周期性活动与时间节点", "共振：约好时间一起做一件事"}
    assert answer.direct
