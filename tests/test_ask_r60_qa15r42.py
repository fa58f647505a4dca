"""What a fresh operator (qa15r42) found wrong in ``ask`` answers, on questions written for this test: a weather
forecast asked with the group's outing as its background answered from the activity cards, and a card's sample post
or another group's practice given to a different kind of group without the note that it is that group's example."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import example_kinds, quoted_lines
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


def test_a_quoted_sample_post_is_an_example_of_its_kind_of_group() -> None:
    card = ('话题写法是“一句背景 + 一个问题 + 一个示范回答”：\n\n'
            '> 入秋了，不少宝宝晚上踢被子。问问大家：你家宝宝晚上盖什么？我先说：我用睡袋。\n\n'
            '发完话题 @ 两三位成员。')
    text = "\n".join(line.lstrip("> ") for line in card.split("\n"))  # a citation's text has lost the quote marks
    kinds = dict(example_kinds(text, "猫咪领养群每天聊什么话题好", quoted_lines(card)))
    assert kinds["入秋了，不少宝宝晚上踢被子。问问大家：你家宝宝晚上盖什么？我先说：我用睡袋。"] == "宝妈群"
    assert kinds["发完话题 @ 两三位成员。"] == ""
    # a question from that kind of group gets the sample as it is
    assert not any(example_kinds(text, "宝妈群每天聊什么话题好", quoted_lines(card))[i][1] for i in range(3))


def test_the_materials_study_group_is_marked_as_that_groups_example() -> None:
    line = "学习答疑类的群可以管得更严：资料里的学习群要求入群改编号、平时全员禁言。"
    assert dict(example_kinds(line, "宠物用品团购群的群规怎么写"))[line] == "学习群"


def test_a_pet_group_gets_the_baby_topic_sample_marked(kb_index: KnowledgeIndex, settings: Settings) -> None:
    from copilot.knowledge.ask import answer_question

    answer = answer_question("我们是个养猫的群，最近冷清得很，每天发点什么话题大家才愿意接？", kb_index,
                             get_engine(settings))
    lines = [line for line in answer.answer.splitlines() if "宝宝" in line]
    assert lines and all("宝妈群的例子" in line for line in lines)
