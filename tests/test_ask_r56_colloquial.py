"""Round 56 (d15a56): colloquial verbs operators type for what the cards call something else are read as the
card's terms by the query expansion table (``knowledge/synonyms.yaml``, data): 清一清 / 清一批 / 清掉 → 定期清理成员,
私加 (a member adding others privately to sell) → 私加群友推销.
Questions written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from copilot.knowledge.expansion import load_expander

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"


@pytest.mark.parametrize("question", [
    "群里五百人，一半半年没冒泡，想清一清给新人腾位置",
    "僵尸号太多了，要不要清掉一批",
    "群滿了想清一波潛水的，會不會被人說無情",
])
def test_clearing_said_as_a_colloquial_verb_reaches_member_clean_up(question: str) -> None:
    assert "定期清理成员" in load_expander(KNOWLEDGE).expand(question).terms


def test_a_member_privately_adding_others_to_sell_reads_as_the_ad_rule() -> None:
    terms = load_expander(KNOWLEDGE).expand("有个群友老是私加别的群员推销理财课，好几个人来告状").terms
    assert "私加群友推销" in terms


def test_words_that_only_contain_the_verb_expand_nothing_to_clean_up() -> None:
    # 清楚 / 清单 / 说不清 are not 清理
    terms = load_expander(KNOWLEDGE).expand("群规要写清楚，做一份清单，不然大家说不清该怎么做").terms
    assert "定期清理成员" not in terms
