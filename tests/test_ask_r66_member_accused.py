"""Round 66 (d15a66, issue 15, qa15r46 I03): when members trading among themselves fall out (a seller member does not
ship, the buyer scolds him in the group, others pile on), the scolding is aimed at another member, not at the asker's
shop: the answer opens with calming a quarrel, not with the complaint script that assumes the asker is the seller.
A lead a stated situation chose stays first even when a section before it in the same card joins the answer.
Questions written for these tests."""

from __future__ import annotations

import pytest
from ask_signals import situation_deciding

from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.llm import get_engine


@pytest.mark.parametrize("question", [
    "二手闲置群里有个群友收了定金一直不发货，买家在群里骂他，一堆人跟着起哄，我这个群主怎么处理",
    "烘焙群里一个群友接单做蛋糕做砸了，订蛋糕的那位在群里阴阳怪气说她手艺差，别人也跟着附和，怎么办",
    "二手群裡有群友收錢不發貨，買家在群裡罵他，大家都跟著起鬨，群主該怎麼辦",
])
def test_scolding_aimed_at_another_member_is_not_the_askers_complaint(question: str) -> None:
    assert situation_deciding(question) == "member_accused"


@pytest.mark.parametrize("question", [
    "客户群里有人说我们发货太慢，好几个顾客跟着起哄，我该怎么回",
    "粉丝群里有买家阴阳怪气说我们家的面膜质量差，别人也在附和，怎么处理",
    "想找几个活跃的群友帮我带节奏，平时多聊聊我们的新品",
])
def test_a_complaint_at_the_askers_shop_or_a_request_to_lead_talk_is_not(question: str) -> None:
    assert situation_deciding(question) != "member_accused"


def test_the_answer_opens_with_calming_the_quarrel(kb_index: KnowledgeIndex, settings: Settings) -> None:
    question = "宝妈拼单群里一个群友帮大家代购的奶粉一直没到，买的人在群里点名说她是骗子，其他人也跟着阴阳怪气，我该怎么办"
    answer = answer_question(question, kb_index, get_engine(settings))
    assert answer.covered and answer.sections
    assert (answer.sections[0].source, answer.sections[0].section) == ("crisis", "成员争吵怎么降温")
    assert "这件事确实是我们没做好" not in answer.answer.split("依据：")[1]  # the first section's text is not the script


def test_a_complaint_at_the_askers_shop_still_opens_with_the_complaint_steps(kb_index: KnowledgeIndex,
                                                                          settings: Settings) -> None:
    answer = answer_question("客户群里有人说我们发货太慢，好几个顾客跟着起哄，我该怎么回", kb_index, get_engine(settings))
    assert answer.covered and (answer.sections[0].source, answer.sections[0].section) == ("crisis", "负面投诉与舆情")
