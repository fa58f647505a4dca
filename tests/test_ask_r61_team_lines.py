"""Round 61 (d15a61): the 团队协作机制 section's symptom lines cover a management team that disagrees in front of the
group — admins arguing in the big group, co-owners whose notices contradict each other, one admin overruling what the
owner just announced. Questions written for this test, not taken from an eval file."""

from __future__ import annotations

import pytest

from copilot.knowledge.asks import negated_cue
from copilot.knowledge.index import KnowledgeIndex
from copilot.paths import ROOT, load_yaml


def _team_lines() -> list[str]:
    data = load_yaml((ROOT / "knowledge" / "situations.yaml").read_text(encoding="utf-8"))
    return data["team-roles"]["团队协作机制"]


def test_the_new_team_lines_state_what_happened_without_a_negation() -> None:
    lines = _team_lines()
    assert any("大群里争" in line for line in lines) and any("说法不一样" in line for line in lines)
    assert not [line for line in lines if negated_cue(line)]


def test_co_owners_contradicting_notices_rank_the_team_section_first(kb_index: KnowledgeIndex) -> None:
    ranking = kb_index.search_sections("联合群主之间意见老是不一致，对外发的通知互相矛盾，怎么办", k=3, unwrap=True)
    assert (ranking.sections[0].source, ranking.sections[0].section) == ("team-roles", "团队协作机制")


@pytest.mark.parametrize("question", [
    "我们群有三个管理员，对同一个违规，有人直接踢，有人只是提醒一句，群友说我们双标",
])
def test_admins_handling_one_violation_differently_keeps_the_team_section_in_the_top_three(
        question: str, kb_index: KnowledgeIndex) -> None:
    ranking = kb_index.search_sections(question, k=3, unwrap=True)
    assert ("team-roles", "团队协作机制") in [(hit.source, hit.section) for hit in ranking.sections]
