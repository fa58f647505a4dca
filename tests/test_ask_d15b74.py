"""Round 74 (d15b74): a group's chat screenshots or chat records posted outside the group (微博、知乎、小红书、朋友圈、
网上、别的群) is the ``screenshot_posted_outside`` situation of ``stated.yaml``: the operator asks how the group gets
through being talked about, answered from 负面投诉与舆情 / 通用响应流程, never declined as an app or platform question.
The asker's own plan to post screenshots (宣传), a legal question and the asker's own hurt feelings are not it."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import stated_situations
from copilot.llm import get_engine

SITUATION = "screenshot_posted_outside"


def _told(question: str) -> list[str]:
    return [s.name for s in stated_situations().told(question)]


@pytest.mark.parametrize("question", [
    "茶友群有人把大家聊天的截图发到小红书，说我们群主只会卖茶，评论里好多人附和，我怎么回应",
    "我们合唱团的群聊记录被人发到网上了，说指挥偏心排位，团员都在问是谁传的",
    "前几天有人把群里的截屏外传，说我们管理员删帖捂嘴，这事要不要在群里说明",
    "有群友把我們群的聊天截圖發到微博罵人，群主該怎麼處理",
])
def test_screenshots_posted_outside_the_group_are_the_situation(question: str) -> None:
    assert SITUATION in _told(question)


@pytest.mark.parametrize("question", [
    "我想把群友的好评截图发到朋友圈做宣传，要先问他们吗",
    "打算把群里的问答整理成截图发到小红书引流，怎么做",
    "别人把我的聊天截图发到网上，这算违法吗",
    "被人截图发到朋友圈笑话了，我心里很难受",
    "群里有人发了一张微博截图，问大家怎么看",
])
def test_own_posting_legal_questions_and_own_feelings_are_not_it(question: str) -> None:
    assert SITUATION not in _told(question)


@pytest.mark.parametrize("question", [
    "茶友群有人把大家聊天的截图发到小红书，说我们群主只会卖茶，评论里好多人附和，我怎么回应",
    "前几天有人把群里的截屏外传到朋友圈，说我们管理员删帖捂嘴，这事要不要在群里说明",
])
def test_screenshots_posted_outside_are_answered_from_the_crisis_card(kb_index: KnowledgeIndex, settings: Settings,
                                                                      question: str) -> None:
    answer = answer_question(question, kb_index, get_engine(settings))
    assert answer.covered
    assert (answer.sections[0].source, answer.sections[0].section) in {("crisis", "负面投诉与舆情"),
                                                                       ("crisis", "通用响应流程")}
