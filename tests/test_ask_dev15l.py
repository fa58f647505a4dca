"""Round 33b (dev15l): a span that states a condition the answer must keep ("在不天天发广告刷屏的情况下",
"除了发红包之外") is left out of what the question is matched on, so the word it rules out does not pick the section
that leads the answer (and that section is then not labelled as covering the question). Questions and groups
(茶叶店老客群, 露营群, 烘焙私房, 围棋社) are written for these tests."""

from __future__ import annotations

from pathlib import Path

import yaml

import copilot
from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.ranking import parts_cues, without_constraints
from copilot.llm import get_engine

# sections about dealing with ads and spam in a group: what the ruled-out word points at, not what is asked
AD_HANDLING = {"广告刷屏与诈骗", "广告怎么处理", "先分清是哪种情况"}
TEA = "茶叶店的老客群三百来人，怎么在不天天发广告刷屏的情况下让老顾客多回购几次"


def test_the_constraint_cues_live_in_parts_yaml() -> None:
    shipped = yaml.safe_load((Path(copilot.__file__).parent / "resources/retrieval/parts.yaml")
                             .read_text(encoding="utf-8"))["constraints"]
    assert any(c["start"] == "不" and "的情况下" in c["ends"] for c in shipped)
    assert len(parts_cues().constraints) == len(shipped)


def test_a_ruled_out_condition_is_left_out_of_the_match() -> None:
    assert without_constraints(TEA) == "茶叶店的老客群三百来人，怎么在 让老顾客多回购几次"
    assert without_constraints("烘焙私房的群，不降价的前提下怎么让人愿意下单") == "烘焙私房的群， 怎么让人愿意下单"
    assert without_constraints("露營群除了發紅包之外還有什麼辦法讓大家冒泡") == "露營群 還有什麼辦法讓大家冒泡"


def test_a_question_without_a_condition_is_kept_whole() -> None:
    for q in ("围棋社的群规怎么写才不显得凶", "群里不说话的人要不要清掉", "除了我没人管群了怎么办", ""):
        assert without_constraints(q) == q


def test_too_little_left_keeps_the_question() -> None:
    # the whole question is the condition: matching on nothing would be worse than matching on it
    assert without_constraints("不发广告的情况下呢") == "不发广告的情况下呢"


def test_a_condition_that_spans_too_far_is_not_cut() -> None:
    q = "不知道为什么大家都不爱说话了，群里上个月还挺热闹，在这样的情况下怎么办"
    assert without_constraints(q) == q


def test_the_ruled_out_word_does_not_lead_the_answer(kb_index, settings: Settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    engine = get_engine(settings)
    answer = answer_question(TEA, kb_index, engine)
    assert answer.covered
    assert answer.sections and answer.sections[0].section not in AD_HANDLING
    # without the cue the loud word 广告刷屏 picks an ad-handling section to lead
    monkeypatch.setattr(parts_cues(), "constraints", [])
    loud = answer_question(TEA, kb_index, engine)
    assert loud.sections[0].section in AD_HANDLING
