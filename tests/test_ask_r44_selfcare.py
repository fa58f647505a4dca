"""Round 44 (brief d15b44, issue 15 class 3): the asker's own feelings, sleep and temper dressed in group words
(和一起管群的搭档闹翻后怎么调整心态) are private life, declined however well a section's wording fits; members'
feelings and the host's preparation stay group questions. Questions are written for these tests."""

from __future__ import annotations

from dataclasses import replace

import pytest
from ask_signals import fake_hit, fake_ranking

from copilot.knowledge.ranking import scene_cues, stated_situations

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


@pytest.mark.parametrize("question", [
    "有群友说最近失眠睡不着，心里难受，我们怕她一时想不开，管理员要怎么处理",
    "群里那个大哥这几天总说心里过不去，家里人担心他做傻事，群主能做什么",
])
def test_a_member_at_risk_in_words_of_feelings_is_answered_not_declined_as_private(question: str) -> None:
    # the euphemisms (一时想不开, 做傻事) tell a member at risk; that situation is always answered, whatever the
    # feeling words around it would make of the scene
    told = stated_situations().deciding(question)
    assert told is not None and told.name == "self_harm" and told.covers
    at_risk = replace(fake_ranking(question, QUARREL, confidence=0.2), must_answer=True)
    assert at_risk.covered
    assert not fake_ranking(question, QUARREL, confidence=0.2).covered  # without the situation it would be declined
