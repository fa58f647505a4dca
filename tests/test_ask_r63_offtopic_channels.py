"""Round 63 (d15a63, issue 15): members drifting off topic while the operator worries that stricter handling would leave
the group silent is the off-topic situation, not a quiet group (``stated.yaml``'s quiet_group ``unless``), so 冷场了怎么救
does not lead it; and weighing which recruiting channel is worth putting more into is the group's matter, not the asker's
own spending (``own_matter.yaml``'s ``group_objects``). Questions written for these tests."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ownmatter import own_matter
from copilot.knowledge.ranking import stated_situations
from copilot.llm import get_engine

QUIET = ("daily-topics", "冷场了怎么救")


@pytest.mark.parametrize("question", [
    "摄影群里总有人歪楼聊房价，管严了怕没人说话，不管又越扯越远，咋整",
    "讀書會的群老是跑題聊八卦，說重了怕大家都不說話了，該怎麼拿捏",
])
def test_drifting_off_topic_is_not_answered_as_a_quiet_group(question: str, kb_index: KnowledgeIndex,
                                                            settings: Settings) -> None:
    assert "quiet_group" not in {s.name for s in stated_situations().told(question)}
    answer = answer_question(question, kb_index, get_engine(settings, prefer="offline"))
    assert answer.covered
    assert (answer.sections[0].source, answer.sections[0].section) != QUIET
    assert "moderation-offtopic" in {s.source for s in answer.sections}


def test_a_quiet_group_without_drifting_still_gets_the_quiet_section(kb_index: KnowledgeIndex,
                                                                     settings: Settings) -> None:
    question = "宠物群最近死气沉沉的，发什么都没人说话，怎么办"
    assert "quiet_group" in {s.name for s in stated_situations().told(question)}
    answer = answer_question(question, kb_index, get_engine(settings, prefer="offline"))
    assert (answer.sections[0].source, answer.sections[0].section) == QUIET


@pytest.mark.parametrize("question", [
    "业主群、公众号和线下摆摊都拉过人，到底哪个渠道值得继续投",
    "拉新的时候线下地推这个渠道还值得继续投吗",
])
def test_weighing_a_recruiting_channel_is_not_the_askers_own_matter(question: str) -> None:
    assert own_matter(question) == ""


def test_the_askers_own_investment_is_still_their_own_matter() -> None:
    assert own_matter("群里有人推荐一个基金，我该不该投一点") == "decide"


def test_a_channel_question_is_answered_from_the_growth_card(kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question("宝妈群想多拉点人，社区团购群、幼儿园家长群都试过，哪个渠道值得继续投",
                             kb_index, get_engine(settings, prefer="offline"))
    assert answer.covered
    assert answer.sections[0].source == "growth"


@pytest.mark.parametrize("question", [
    "跑团的入群海报在朋友圈和小红书发了三回，一个人都没扫进来，问题出在哪",
    "讀書會的入群海報發出去一個禮拜，沒人掃碼進群，該怎麼改",
])
def test_a_recruiting_post_nobody_joined_from_is_answered_from_the_growth_card(
        question: str, kb_index: KnowledgeIndex, settings: Settings) -> None:
    assert "recruit_flop" in {s.name for s in stated_situations().told(question)}
    answer = answer_question(question, kb_index, get_engine(settings, prefer="offline"))
    assert answer.covered
    assert answer.sections[0].source == "growth"


def test_a_full_group_with_people_queueing_to_join_leads_with_expanding(kb_index: KnowledgeIndex,
                                                                        settings: Settings) -> None:
    question = "羽毛球群已经满了，门口还有二十多个人排队想进来，咋弄"
    assert "group_full" in {s.name for s in stated_situations().told(question)}
    answer = answer_question(question, kb_index, get_engine(settings, prefer="offline"))
    assert (answer.sections[0].source, answer.sections[0].section) == ("platform-structure", "群满了怎么扩")
