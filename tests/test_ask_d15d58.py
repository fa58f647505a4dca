"""Round 58 (d15d58): a decline whose retrieval passed the threshold names the nearest section instead of saying
nothing is near (a per-ask near-miss reading was tried and dropped: docs/retrieval.md); short English words inside Chinese questions (DM, ads, bug) reach
the card terms through the synonym table. Questions written for these tests."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from copilot.knowledge.ask import decline_text, decline_texts
from copilot.knowledge.expansion import load_expander
from copilot.knowledge.index import KnowledgeIndex

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"


def test_a_decline_past_the_threshold_names_the_nearest_section(kb_index: KnowledgeIndex) -> None:
    ranking = kb_index.search_sections("群里有人发广告刷屏，怎么处理", k=5, unwrap=True)
    assert ranking.confidence >= ranking.threshold
    declined = dataclasses.replace(ranking, near_miss=True)
    text = decline_text(declined)
    assert decline_texts().nothing_near not in text
    assert declined.leading().label in text


def test_short_english_words_inside_chinese_questions_reach_card_terms() -> None:
    expander = load_expander(KNOWLEDGE)
    assert "广告" in expander.expand("群里天天有人发ads，删都删不过来").terms
    assert "私聊" in expander.expand("有人一进群就挨个DM女生加好友").terms
    assert "小号" in expander.expand("最近进来好多bot账号发链接刷屏").terms
    assert "私聊" not in expander.expand("admin太少管不过来，怎么发展几个").terms
    assert not expander.expand("群里有人在聊debug技巧").terms
