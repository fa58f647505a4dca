"""Round 66 (d15a66; d15c65's step 3 measured part by part): a subject said another way (“把三个小群合并成一个大群”
says 合并群, ``subjects.yaml`` said_as) is still a subject the answer's sections may lack, and the note names the
list's word. Questions written for these tests."""

from __future__ import annotations

import pytest

from copilot.knowledge.ask import Citation, missing_subject
from copilot.knowledge.index import KnowledgeIndex


def _cite(section: str, text: str) -> Citation:
    return Citation(n=1, source="lifecycle", title="社群生命周期", section=section, text=text)


@pytest.mark.usefixtures("kb_index")
@pytest.mark.parametrize("question", ["想把三个不怎么说话的小群合并成一个大群，要注意什么",
                                      "两个读书会的群并成一个，老成员会不会有意见"])
def test_a_merge_said_another_way_is_the_merge_subject(kb_index: KnowledgeIndex, question: str) -> None:
    lacking = [_cite("延长寿命的办法", "定期换话题，给老成员新角色。")]
    assert missing_subject(question, lacking, kb_index) == "合并群"
    assert missing_subject(question, [_cite("合并群的做法", "合并群前先在两个群里各发一次预告。")], kb_index) == ""


@pytest.mark.usefixtures("kb_index")
def test_a_question_without_the_merge_says_no_subject(kb_index: KnowledgeIndex) -> None:
    question = "群里的人越来越少了，要不要换个群名重新开始"
    assert missing_subject(question, [_cite("延长寿命的办法", "定期换话题，给老成员新角色。")], kb_index) == ""
