"""Round 42 (d15c42, issue 15): a question about a group is declined when its leading section fits it below the
``group`` scene floor (``scope.yaml``'s ``scene_floor.group``, the section scorer's ``second``): the best section
only shares the hobby's or the group's words. Its reason is ``fit``, not ``scene`` (the question is about a group).
Questions written for this test."""

from __future__ import annotations

import pytest

from copilot.knowledge.ask import Answer, decline_reason, decline_texts, offers_import
from copilot.knowledge.ranking import SectionHit, SectionRanking, scene_cues


def _ranking(question: str, fit: float) -> SectionRanking:
    sec = SectionHit(source="crisis", title="社群危机预案", section="通用响应流程", score=0.3, fit=fit)
    return SectionRanking(question, [sec], 0.9, 0.1, 0.05)


FLOOR = 0.2  # a floor for these tests; the shipped one (if any) is ``scope.yaml``'s ``scene_floor.group``


@pytest.fixture
def group_floor(monkeypatch: pytest.MonkeyPatch) -> float:
    monkeypatch.setitem(scene_cues().floor, "group", FLOOR)
    return FLOOR


def test_without_a_group_floor_a_loose_group_question_is_answered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(scene_cues().floor, "group", raising=False)
    ranking = _ranking("桨板群周末下水，落水以后怎么自己爬回板上", 0.01)
    assert ranking.covered and not ranking.off_fit


def test_a_group_question_needs_its_lead_to_fit_above_the_group_floor(group_floor: float) -> None:
    floor = group_floor
    question = "桨板群周末下水，落水以后怎么自己爬回板上"
    assert scene_cues().of(question) == "group"
    low, high = _ranking(question, floor - 0.01), _ranking(question, floor + 0.01)
    assert not low.covered and low.off_fit and low.declined_by == "fit"
    assert high.covered and not high.off_fit and high.declined_by == ""
    # the shipped floor, if any, is only for loose leads: under the scorer's warn
    assert scene_cues().floor.get("group", 0.0) < 0.41


def test_the_group_floor_is_not_the_scene_decline(group_floor: float) -> None:
    floor = group_floor
    ranking = _ranking("飞盘群新人总问正手怎么出盘才不飘", floor / 2)
    assert not ranking.off_scene and ranking.off_fit
    assert decline_texts().declined_why.get("fit")
    assert ranking.declined_by == "fit"


@pytest.mark.usefixtures("group_floor")
def test_a_question_without_group_words_keeps_its_own_floor() -> None:
    # no group word: the ``none`` floor (higher) decides, and the reason stays ``scene``
    question = "红烧排骨先焯水还是先煎"
    assert scene_cues().of(question) == "none"
    ranking = _ranking(question, scene_cues().floor["none"] - 0.01)
    assert ranking.off_scene and not ranking.off_fit and ranking.declined_by == "scene"


@pytest.mark.usefixtures("group_floor")
def test_a_fit_decline_lists_no_related_sections() -> None:
    # the lead is the best-fitting of the top three unless it is beaten by LEAD_GAP, so nothing left fits at
    # RELATED_FIT: the decline offers no 相关内容 and no import
    sec = SectionHit(source="crisis", title="社群危机预案", section="通用响应流程", score=0.3, fit=0.05)
    runner = SectionHit(source="lifecycle", title="社群生命周期与定期清理", section="群也有寿命", score=0.2, fit=0.3)
    ranking = SectionRanking("桨板群周末下水，落水以后怎么自己爬回板上", [sec, runner], 0.9, 0.1, 0.05)
    assert ranking.declined_by == "fit"
    assert ranking.related() == []
    assert offers_import(ranking, "zh-Hans") is False


def test_the_footer_names_the_fit_reason() -> None:
    answer = Answer.model_construct(covered=False, declined_by="fit", confidence=0.9, threshold=0.1)
    assert decline_reason(answer) == decline_texts().declined_why["fit"]
