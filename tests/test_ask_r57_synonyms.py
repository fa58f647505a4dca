"""Round 57 (d15a57): what operators say for a question asked again and again (问来问去 / 同样的问题 / 答烦了),
for taking over a group somebody left (接手 / 交给我管 / 乱七八糟), for a group that drifted from its topic
(越聊越偏 / 变味了) and for posting too often (发太勤 / 关提醒) is read as the cards' terms by the query
expansion table (``knowledge/synonyms.yaml``, data). Questions written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from copilot.knowledge.expansion import load_expander

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"


@pytest.mark.parametrize("question", [
    "瑜伽群的会员问来问去都是约课怎么约、请假怎么请，我一天要回好多遍",
    "同样的问题每天都有人问，群里老群友都答烦了",
    "同樣的問題一天被問好多次，要怎麼處理",
])
def test_a_question_asked_again_and_again_reads_as_faq_and_auto_reply(question: str) -> None:
    terms = load_expander(KNOWLEDGE).expand(question).terms
    assert "常见问题" in terms and "关键词自动回复" in terms


@pytest.mark.parametrize("question", [
    "朋友把他的摄影群交给我管，群里乱糟糟的，我先从哪理起",
    "刚接手一个没人管的老乡群，想整顿一下",
])
def test_taking_over_a_messy_group_reads_as_a_whole_check_first(question: str) -> None:
    terms = load_expander(KNOWLEDGE).expand(question).terms
    assert "ISOOC" in terms and "执行建议" in terms


def test_a_group_that_drifted_reads_as_positioning() -> None:
    assert "定位" in load_expander(KNOWLEDGE).expand("钓鱼群越聊越偏，现在天天聊理财，变味了").terms


def test_posting_too_often_reads_as_members_disturbed() -> None:
    assert "被打扰" in load_expander(KNOWLEDGE).expand("店里的群我一天发十几条，是不是发太勤了，好多人关提醒").terms


def test_a_plain_question_about_rules_expands_to_none_of_these() -> None:
    terms = load_expander(KNOWLEDGE).expand("群规里要不要写禁止发广告").terms
    assert not {"常见问题", "ISOOC", "被打扰"} & set(terms)

