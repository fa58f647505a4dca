"""Round 66 (d15d66's measured half, issue 15, qa15r47 I05): a member hurt or leaving after another member's harsh
remark leads with calming members down, not with the joining ritual that 退群/拉回来 drew (``stated.yaml``
hurt_by_remark). Questions written for these tests."""

from __future__ import annotations

import pytest
from ask_signals import first_section, situations_told

from copilot.config import Settings
from copilot.knowledge.index import KnowledgeIndex

CALM = {("crisis", "成员争吵怎么降温"), ("moderation-offtopic", "管理话术的原则")}


@pytest.mark.parametrize("question", [
    "绘画群里有个小姑娘晒了张画，被一个老群友点评说太丑了，她哭了，说不想待了，我该怎么处理",
    "合唱群的一位大姐唱完被人說跑調很難聽，她當天就退群了，我想請她回來，怎麼做比較好",
    "摄影群一位退休的大爷发了几张片子，有人说构图太差，大爷第二天就退了群，还能拉回来吗",
])
def test_a_member_hurt_by_a_remark_leads_with_calming_down(question: str, kb_index: KnowledgeIndex,
                                                           settings: Settings) -> None:
    assert "hurt_by_remark" in situations_told(question)
    assert first_section(question, kb_index, settings) in CALM


@pytest.mark.parametrize("question", [
    "有人发广告被我批评了几句，他就退群了，要不要把他拉回来",  # a moderation matter, not hurt feelings
    "象棋群有个老会员说话很冲，老嘲笑新人，我想让他带新人，要不要给他当管理员",  # developing admins
    "新人进群一周都不说话了，怎么让他们开口",  # no remark that hurt anyone
])
def test_other_leavings_are_not_hurt_feelings(question: str) -> None:
    assert "hurt_by_remark" not in situations_told(question)
