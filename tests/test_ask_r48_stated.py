"""Round 48 (d15b48, issue 15): situations a question states that decide what answers it (``stated.yaml``) —
explicit or gambling posts in the group are answered from the ad/violation ladder even when the near-miss model
would decline them; the same members quarrelling again and again lead with handling repeat violations; asking
how to get a quiet group talking again is a revival, not a list of causes. Questions written for these tests."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import stated_situations
from copilot.llm import get_engine
from copilot.textnorm import fold


@pytest.mark.parametrize("question", [
    "花艺群里有个新号连着发了好几张黄图，删了还是直接踢",
    "有人在群組裡貼賭博網站的連結，要先警告還是直接移出",  # Traditional
    "色情图片发到群里了怎么处理",
])
def test_explicit_posts_in_the_group_are_answered_whatever_the_near_miss_model_says(question: str) -> None:
    told = stated_situations().deciding(question)
    assert told is not None and told.name == "explicit_posted" and told.covers
    assert ("moderation-offtopic", "广告怎么处理") in {tuple(t) for t in told.toward}


@pytest.mark.parametrize("question", [
    "色情网站怎么举报网站",  # reporting a site, not a post in a group
    "花艺群有个男的私信给女会员发黄图",  # sent in private: the harassment situation, not this one
    "赌博犯法吗",  # no group, nothing posted
])
def test_explicit_words_alone_do_not_tell_a_post_in_the_group(question: str) -> None:
    told = stated_situations().deciding(question)
    assert told is None or told.name != "explicit_posted"


@pytest.mark.parametrize("question", [
    "骑行俱乐部里那两位隔三差五就吵一架，劝了好几次都没用",
    "編織群有兩個人三天兩頭在群裡對罵，每次都是她們倆",  # Traditional
    "同一对成员第四次在群里互怼了，还能怎么办",
])
def test_a_recurring_quarrel_leads_with_handling_repeat_violations(question: str) -> None:
    told = stated_situations().deciding(question)
    assert told is not None and told.name == "recurring_quarrel"
    assert tuple(told.toward[0]) == ("group-rules", "违规怎么处理")
    assert ("crisis", "成员争吵怎么降温") in {tuple(t) for t in told.toward}


@pytest.mark.parametrize("question", [
    "刚才两个群友吵起来了，怎么劝",  # a one-off quarrel: the cool-down section answers it as it is
    "群里为了活动时间吵了几句",
])
def test_a_one_off_quarrel_is_not_recurring(question: str) -> None:
    assert all(s.name != "recurring_quarrel" for s in stated_situations().told(question))


@pytest.mark.parametrize("question", [
    "插花群一个月没人说话了，怎么让大家重新聊起来",
    "想让老群友回来，群里搞点什么好",
])
def test_asking_to_get_a_quiet_group_talking_again_is_a_revival(question: str) -> None:
    revive = next(s for s in stated_situations().situations if s.name == "revive")
    assert revive in stated_situations().told(question)
    assert ("lifecycle", "衰退的常见原因") in {tuple(t) for t in revive.away}


def test_an_explicit_post_ask_is_answered_from_the_ladder(kb_index: KnowledgeIndex, settings: Settings) -> None:
    question = "有人在群裡發色情影片連結，要先警告還是直接踢"
    answer = answer_question(question, kb_index, get_engine(settings, prefer="offline"))
    told = stated_situations().deciding(question)
    assert told is not None and told.name == "explicit_posted"
    assert answer.covered and answer.declined_by == ""
    # the answer is in Traditional like the question: its section names are compared folded
    lead = (answer.sections[0].source, fold(answer.sections[0].section))
    assert lead in {(card, fold(heading)) for card, heading in told.toward}
