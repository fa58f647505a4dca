"""Round 42 (d15c42, issue 15) tried a ``group`` scene floor: a question about a group declined when its leading
section fits it loosely. Measured at two values and never shipped, it was removed in round 43 (``off_fit``, the
``fit`` reason); a loose lead on a group question is answered (hedged), and a topic fact dressed as operations is
judged by its wrapper instead (tests/test_ask_wrapper_r43.py). Questions written for this test."""

from __future__ import annotations

from copilot.knowledge.ask import decline_texts
from copilot.knowledge.ranking import SectionHit, SectionRanking, scene_cues


def _ranking(question: str, fit: float) -> SectionRanking:
    sec = SectionHit(source="crisis", title="社群危机预案", section="通用响应流程", score=0.3, fit=fit)
    return SectionRanking(question, [sec], 0.9, 0.1, 0.05)


def test_a_loose_group_question_is_answered_without_a_group_floor() -> None:
    assert "group" not in scene_cues().floor
    question = "桨板群周末下水，落水以后怎么自己爬回板上"
    assert scene_cues().of(question) == "group"
    ranking = _ranking(question, 0.01)
    assert ranking.covered and ranking.declined_by == ""
    assert not hasattr(ranking, "off_fit")
    assert "fit" not in decline_texts().declined_why


def test_a_question_without_group_words_keeps_its_own_floor() -> None:
    # no group word: the ``none`` floor decides, and the reason is ``scene``
    question = "红烧排骨先焯水还是先煎"
    assert scene_cues().of(question) == "none"
    low = _ranking(question, scene_cues().floor["none"] - 0.01)
    high = _ranking(question, scene_cues().floor["none"] + 0.01)
    assert low.off_scene and not low.covered and low.declined_by == "scene"
    assert high.covered and not high.off_scene
