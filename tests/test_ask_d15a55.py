"""Round 55 (d15a55): of the ranking's first three sections, the one written for the situation the question tells
(its sentences, the questions it answers and the symptoms it is for: the ``sentence`` signal) leads when it is
clearly nearer than the lead a shared word picked (``parts.yaml``'s ``situation_lead``). Questions written for
these tests."""

from __future__ import annotations

import numpy as np
import pytest

from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import SituationLead, parts_cues, situation_first

ON = SituationLead(among=3, margin=0.02)


def test_the_section_clearly_nearest_the_told_situation_moves_to_the_front() -> None:
    order = np.array([4, 1, 7, 2])
    sentence = np.zeros(8)
    sentence[[4, 1, 7, 2]] = [0.90, 0.88, 0.95, 0.99]  # 2 is nearest of all but not among the first three
    assert situation_first(order, sentence, ON).tolist() == [7, 4, 1, 2]


def test_a_runner_up_only_a_little_nearer_leaves_the_order_alone() -> None:
    order = np.array([4, 1, 7])
    sentence = np.zeros(8)
    sentence[[4, 1, 7]] = [0.90, 0.915, 0.91]
    assert situation_first(order, sentence, ON).tolist() == [4, 1, 7]


def test_among_zero_turns_it_off() -> None:
    order = np.array([4, 1, 7])
    sentence = np.zeros(8)
    sentence[[4, 1, 7]] = [0.5, 0.9, 0.9]
    assert situation_first(order, sentence, SituationLead(among=0)).tolist() == [4, 1, 7]


def test_the_shipped_cue_is_on() -> None:
    cue = parts_cues().situation_lead
    assert cue.among == 3 and 0 < cue.margin < 0.1


def test_members_leaving_overnight_is_led_by_reading_the_figures(kb_index: KnowledgeIndex,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    q = "群組昨天突然退了二十幾個人，我不知道原因，該從哪裡查起？"
    assert kb_index.search_sections(q, k=3).sections[0].section == "从数据到行动"
    monkeypatch.setattr(parts_cues().situation_lead, "among", 0)
    # off, the decline section (which shares 退群-like words) leads
    assert kb_index.search_sections(q, k=3).sections[0].section != "从数据到行动"
