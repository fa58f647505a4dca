"""What a fresh operator (qa15r42) found wrong in ``ask`` answers, on questions written for this test: a weather
forecast asked with the group's outing as its background answered from the activity cards, and a card's sample post
or another group's practice given to a different kind of group without the note that it is that group's example."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.index import KnowledgeIndex
from copilot.llm import get_engine


@pytest.mark.parametrize("question", [
    "厦门下周四天气怎么样，我们群每月一次的线下活动要在海边搞",
    "青岛这周日天气如何，我们群每月一次的线下聚会要在栈桥边办",
])
def test_a_forecast_asked_with_the_groups_outing_as_background_is_declined(question: str, kb_index: KnowledgeIndex,
                                                                          settings: Settings) -> None:
    from copilot.knowledge.ask import answer_question

    answer = answer_question(question, kb_index, get_engine(settings))
    assert not answer.covered and not answer.direct and answer.sections == []
    assert answer.declined_by == "object" and answer.related  # declined, with the nearest sections named


def test_rain_as_the_outings_situation_is_not_a_forecast(kb_index: KnowledgeIndex) -> None:
    # the rain is told, what is asked is the group's handling of it: no object is named
    ranking = kb_index.search_sections("户外徒步那天突然下大雨，活动只能临时取消，怎么跟报了名的群友说", k=3, unwrap=True)
    assert not ranking.off_object
