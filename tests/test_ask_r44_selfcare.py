"""Round 44 (brief d15b44, issue 15 class 3): the asker's own feelings, sleep and temper dressed in group words
(和一起管群的搭档闹翻后怎么调整心态) are private life, declined however well a section's wording fits; members'
feelings and the host's preparation stay group questions. Questions are written for these tests."""

from __future__ import annotations

import pytest
from ask_signals import fake_hit, fake_ranking

from copilot.knowledge.ranking import scene_cues

QUARREL = fake_hit("crisis", "危机与负面处理", "成员争吵怎么降温", 0.9)


@pytest.mark.parametrize("question", [
    "和一起管读书会的搭档闹翻了，每天看到群消息就烦，怎么调整心态",
    "管了三个摄影群，最近压力大到晚上睡不着，怎么办",
    "被群友在群里当众怼了，回家越想越委屈心里过不去，怎么调节情绪",
    "跑團的群主是我前女友，每次看她發公告都很難受",  # Traditional folds to the same words
])
def test_the_askers_own_feelings_are_private_and_declined(question: str) -> None:
    assert scene_cues().of(question) == "private"
    ranking = fake_ranking(question, QUARREL, confidence=0.97)
    assert not ranking.covered and ranking.declined_by == "scene"


@pytest.mark.parametrize("question", [
    "两个群友吵完之后情绪都很激动，我怎么安抚他们",
    "想把沉寂的老群解散重建，群主要有什么心理准备",
    "前任群主留下一堆没人管的规矩，新管理员怎么接手",
])
def test_members_feelings_and_the_hosts_preparation_stay_group_questions(question: str) -> None:
    assert scene_cues().of(question) != "private"
    assert fake_ranking(question, QUARREL, confidence=0.97).covered
