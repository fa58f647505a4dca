"""Round 64 (d15c64, issue 15): a story that tells who a member is through the asker's family or work (他是我舅舅单位
的同事) names more life words than group words, but when it also names a group matter to handle (要不要踢, 私下说了
还是发, 不续费: ``scope.yaml``'s scene ``matter``) it asks how to run the group and is answered. A private chat (工作群,
家族群) or a work matter with no group (把同事踢出项目组) stays life. Questions written for these tests."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import scene_cues
from copilot.llm import get_engine

HANDLING = {"moderation-offtopic", "crisis", "group-rules"}


@pytest.mark.parametrize("question", [
    "钓鱼群有个老哥天天发赌球的链接，私下说了还是发，他是我舅舅单位的同事，要不要踢",
    "球會群有個阿伯成日發保健品廣告，私下說了還是發，佢是我爸公司的同事，想踢又怕得罪人",
])
def test_a_members_relation_to_the_asker_does_not_make_a_group_matter_private(question: str, kb_index: KnowledgeIndex,
                                                                            settings: Settings) -> None:
    assert scene_cues().of(question) == "group"
    answer = answer_question(question, kb_index, get_engine(settings, prefer="offline"))
    assert answer.covered
    assert answer.sections[0].source in HANDLING


@pytest.mark.parametrize("question", [
    "我老公的同事在他们工作群里天天发广告，私下说了还是发，怎么办",
    "我婆婆在家族群里天天转砍一刀，私下说了还是发，要不要踢掉她",
    "领导让我把一个同事踢出项目组，我该怎么办",
])
def test_a_private_chat_or_a_work_matter_stays_life(question: str) -> None:
    assert scene_cues().of(question) == "life"


def test_a_work_matter_without_a_group_is_still_declined(kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question("领导让我把一个同事踢出项目组，我该怎么办", kb_index, get_engine(settings, prefer="offline"))
    assert not answer.covered
