"""Round 75 (d15b75): a situation of ``stated.yaml`` an operator of a patients' or families' group tells without
the section's words. ``member_died``: a member or a member's relative has died (去世、没能挺过来、老伴走了) — the answer
leads with 生日、节日与日常关怀 (care: a private word, one fitting message in the group), not with 管理话术 or 群主
人设; leaving the group (看完就走了), the bereaved member who scolds or complains, and writing a eulogy are not it."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import stated_situations
from copilot.llm import get_engine

CARE = ("layering-kol", "生日、节日与日常关怀")


def _told(question: str) -> list[str]:
    return [s.name for s in stated_situations().told(question)]


@pytest.mark.parametrize("question", [
    "透析病友群里一位老大哥昨天病逝了，要不要在群里说一声",
    "我们合唱团有位阿姨的老伴走了，团里想表示一下心意",
    "早产儿家长群里有个宝宝没挺过来，家长们都不敢说话了",
    "骑行群的一位老队员意外离世，大家想组织一次悼念骑行",
])
def test_a_death_in_the_group_is_the_member_died_situation(question: str) -> None:
    assert "member_died" in _told(question)


@pytest.mark.parametrize("question", [
    "抽奖一结束大家就走了，群里又冷下来",
    "她亲人去世后天天在群里骂医院，别人劝也不听",
    "帮我给过世的老群友写一篇悼词",
    "老群主搬走了，群交给我管，要注意什么",
])
def test_leaving_scolding_and_a_eulogy_are_not_it(question: str) -> None:
    assert "member_died" not in _told(question)


@pytest.mark.parametrize("question", [
    "透析病友群里一位老大哥昨天病逝了，群里要不要说一声，怎么说才得体",
    "早产儿家长群里有个宝宝没能挺过来，群里的家长都很难受，群主该做点什么",
])
def test_a_death_is_answered_with_care(kb_index: KnowledgeIndex, settings: Settings, question: str) -> None:
    answer = answer_question(question, kb_index, get_engine(settings))
    assert answer.covered
    assert (answer.sections[0].source, answer.sections[0].section) == CARE
