"""Round 58 (d15d58): a question that asks several things is declined as a near miss only when each ask reads as one
on its own (a shared situation such as 群里有人被骗 is no ask); a decline whose retrieval passed the threshold names the
nearest section instead of saying nothing is near; short English words inside Chinese questions (DM, ads, bug) reach
the card terms through the synonym table. Questions written for these tests."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from copilot.knowledge.ask import decline_text, decline_texts, outside_note
from copilot.knowledge.expansion import load_expander
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import NearMisses

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"


def test_the_decline_stands_only_when_every_ask_reads_as_a_near_miss() -> None:
    near = NearMisses(texts=[], margin=0.01)
    assert near.per_ask([0.026, 0.017]) == (True, [0, 1])
    assert near.per_ask([0.026, -0.013]) == (False, [0])
    assert near.per_ask([-0.003, -0.009]) == (False, [])


def test_a_decline_past_the_threshold_names_the_nearest_section(kb_index: KnowledgeIndex) -> None:
    ranking = kb_index.search_sections("群里有人发广告刷屏，怎么处理", k=5, unwrap=True)
    assert ranking.confidence >= ranking.threshold
    declined = dataclasses.replace(ranking, near_miss=True)
    text = decline_text(declined)
    assert decline_texts().nothing_near not in text
    assert declined.leading().label in text


def test_an_ask_read_as_a_near_miss_is_named_outside(kb_index: KnowledgeIndex) -> None:
    ranking = kb_index.search_sections("群里有人卖保险，这个保险值得买吗，要不要把他踢了", k=5, unwrap=True)
    named = dataclasses.replace(ranking, near_asks=("这个保险值得买吗",))
    note = outside_note(None, named)
    assert "这个保险值得买吗" in note and "后面那一问" in note  # the ask answered comes after it
    assert outside_note(None, ranking) == ""


def test_short_english_words_inside_chinese_questions_reach_card_terms() -> None:
    expander = load_expander(KNOWLEDGE)
    assert "广告" in expander.expand("群里天天有人发ads，删都删不过来").terms
    assert "私聊" in expander.expand("有人一进群就挨个DM女生加好友").terms
    assert "小号" in expander.expand("最近进来好多bot账号发链接刷屏").terms
    assert "私聊" not in expander.expand("admin太少管不过来，怎么发展几个").terms
    assert not expander.expand("群里有人在聊debug技巧").terms
