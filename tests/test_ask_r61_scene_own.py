"""Round 61 (d15e61, qa15r43): the asker's own group (团购群, 客户群) or an act of running it (发商品, 免打扰, 退群)
keeps a question about a group although it names neighbours or a boss, and an organiser's wording (报名的人, 只来了,
放鸽子) makes a question with no 群 word a group question — while private life and work stay outside, on questions
written for this test."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import scene_cues
from copilot.llm import get_engine


@pytest.mark.parametrize(("question", "scene"), [
    # the group's members are neighbours, the shop's owner is the boss: still the asker's group
    ("我在小区开了个蔬菜团购群，群里都是楼上楼下的邻居，老板让我一天发五次商品，好多人开了免打扰", "group"),
    ("公司派我维护两个客户群，老板天天催我发产品，同事也不帮忙，客户都不说话", "group"),
    ("做了个业主群，邻居们老在里面吵物业的事，老板说别管，可是好几个人都退群了", "group"),
    # an organiser's wording with no 群 word
    ("上周组织了一次露营，报名的人有二十个，最后只来了七个，下回怎么办", "group"),
    ("每次线下聚会都有人放鸽子，怎么让报了名的人真的来", "group"),
    # private life and work stay outside, organiser wording or not
    ("楼上邻居天天半夜拖椅子，跟他说了也不改，怎么办", "life"),
    ("老板拖欠了三个月工资，同事们也都没拿到，怎么维权", "life"),
    ("公司组织了一次年会，领导非让我上台表演节目，我不想去", "life"),
    ("家族群里我妈老转发养生谣言，劝她退群她也不听", "life"),  # a private chat: its 退群 is not the asker's group
    ("我报名了周末的骑行赛，怎么练才不抽筋", "none"),  # the asker's own sign-up, not an organiser's
    ("想组织一次家里人的自驾游，路线怎么安排比较好", "none"),  # organising alone is not a crowd's attendance
])
def test_own_group_and_organiser_wording_decide_the_scene(question: str, scene: str) -> None:
    assert scene_cues().of(question) == scene


def test_a_groupbuy_story_with_neighbours_and_a_boss_is_not_declined_by_scene(
        kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question("我在小区开了个蔬菜团购群，群里都是楼上楼下的邻居，老板让我一天发五次商品，"
                             "好多人开了免打扰，还有人退群，到底一天发几次合适", kb_index, get_engine(settings))
    assert answer.declined_by != "scene" and answer.sections


def test_an_outing_that_few_came_to_is_not_declined_by_scene(kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question("上周组织了一次线下露营，报名的人有二十个，最后只来了七个，下次怎么避免这种情况",
                             kb_index, get_engine(settings))
    assert answer.declined_by != "scene" and answer.sections


def test_a_neighbour_renovation_is_still_declined(kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question("楼上邻居家装修，周末一大早就开始砸墙，跟他们说了也不改，我该怎么办", kb_index,
                             get_engine(settings))
    assert not answer.covered and answer.sections == []
