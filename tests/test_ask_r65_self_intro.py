"""Round 65 (d15b65, issue 15): a clause in which the asker only says who they are ("我是管理员，…", "我是宝妈群的群主，…",
"身为社群运营，…") is left out of what the whole question is matched on, so developing admins or the host's persona
does not lead the answer to the story told after it. Questions written for these tests."""

from __future__ import annotations

import pytest
from ask_signals import first_section

from copilot.config import Settings
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import without_self_intro


@pytest.mark.parametrize(("question", "left"), [
    ("我是管理员，有个新人天天发微商广告，说了不听，咋整", "有个新人天天发微商广告，说了不听，咋整"),
    ("我是一个钓鱼群的群主，最近老有人在群里卖渔具，怎么管", "最近老有人在群里卖渔具，怎么管"),
    ("身为社群运营，群里消息太多大家都跟不上了，怎么办", "群里消息太多大家都跟不上了，怎么办"),
    ("群里有人吵架。我是群主！该怎么劝", "群里有人吵架。该怎么劝"),
])
def test_a_clause_that_only_says_who_asks_is_cut(question: str, left: str) -> None:
    assert without_self_intro(question) == left


@pytest.mark.parametrize("question", [
    "群主的人设怎么打造",  # the role is the topic
    "作为群主怎么打造自己的人设",  # one clause that goes on past the role
    "我当群管快一年了，最近好累，要不要再找个管理员",  # the clause goes on past the role
    "我是群主",  # nothing would be left
    "群里有人天天发广告。我私聊说过了！还是照发；怎么办",  # no self-introduction: the marks stay as they are
])
def test_a_role_said_as_part_of_the_story_stays(question: str) -> None:
    assert without_self_intro(question) == question


def test_an_admins_question_about_ads_is_led_by_the_ad_section(kb_index: KnowledgeIndex, settings: Settings) -> None:
    lead = first_section("我是管理员，有个刚进群的人每天发微商面膜广告，私聊劝过也不听，咋整", kb_index, settings)
    assert lead == ("moderation-offtopic", "广告怎么处理")  # 从成员中发展管理员 led before the cut


def test_the_hosts_persona_asked_as_the_host_still_leads(kb_index: KnowledgeIndex, settings: Settings) -> None:
    assert first_section("作为群主，我该怎么打造自己在群里的人设", kb_index, settings) == ("team-roles", "群主的人设怎么打造")
