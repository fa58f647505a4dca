"""Round 43 (d15a43): the section that answers the ask. Round 43's ``padding_ask`` (an extra section judged by the ask
clause ranked on its own) lost answers on the locked split and was removed in round 44: an extra that fits the whole
question stays; a host who does not know whether a rumour about someone else is true is not handed the
accused party's "承认问题存在" script (``stated.yaml``'s ``rumour_unverified``). The questions are written for these tests."""

from __future__ import annotations

import numpy as np
from ask_signals import held_out_cases

from copilot.knowledge.ask import without_padding
from copilot.knowledge.ranking import SectionHit, SectionRanking, parts_cues, section_scorer, stated_order
from copilot.paths import EVALS_DIR

R43A = EVALS_DIR / "retrieval" / "tuning_r43a.jsonl"


def _hit(source: str, section: str, fit: float) -> SectionHit:
    return SectionHit(source=source, title=source, section=section, score=0.3, fit=fit)


FULL = _hit("platform-structure", "群满了怎么扩", 0.5)
CONTENT = _hit("growth", "先把内容做好再拉新", 0.45)
QUESTION = "我们羽毛球约球群快到五百人了，后来的人扫码进不来，再开一个群要注意啥"


def _ranking() -> SectionRanking:
    return SectionRanking(QUESTION, [CONTENT, FULL], 0.9, 0.1, 0.05)


def test_the_round43_set_is_held_out_and_names_real_sections() -> None:
    cases = held_out_cases(R43A)
    assert sum(c.in_scope for c in cases) >= 30 and sum(c.script == "zh-Hant" for c in cases) >= 6


def test_an_extra_that_fits_the_whole_question_stays_whatever_the_ask_clause_ranks() -> None:
    assert not hasattr(parts_cues(), "padding_ask")
    assert FULL.fit >= section_scorer().second and CONTENT.fit >= section_scorer().second
    assert without_padding([FULL, CONTENT], _ranking(), named=[]) == [FULL, CONTENT]


SECTIONS = [
    ("crisis", "负面投诉与舆情"),
    ("promotion", "群里做促销的分寸"),
    ("daily-topics", "内容从哪里来"),
    ("crisis", "常见的几类危机"),
    ("crisis", "通用响应流程"),
]


def _order(question: str) -> list[tuple[str, str]]:
    return [SECTIONS[i] for i in stated_order(question, np.arange(len(SECTIONS)), SECTIONS)]


def test_a_host_who_does_not_know_if_a_rumour_is_true_gets_the_response_steps_not_the_confession() -> None:
    order = _order("钓鱼群有人说水库承包人往塘里下药，大家都在转，我也不知道是不是真的，群主该怎么处理")
    assert order[0] in {("crisis", "通用响应流程"), ("crisis", "常见的几类危机")}
    assert order[-1] == ("crisis", "负面投诉与舆情")


def test_the_same_in_traditional() -> None:
    order = _order("讀書會群裡有人說書店老闆賣盜版書，我不知道是真是假，該怎麼處理")
    assert order[-1] == ("crisis", "负面投诉与舆情") and order[0][0] == "crisis"


def test_a_shop_owner_answering_a_complaint_about_their_own_shop_keeps_the_complaint_section_first() -> None:
    assert _order("我们面包店的会员群里有顾客说蛋糕不新鲜，其他人也跟着说，我该怎么回应")[0] == ("crisis", "负面投诉与舆情")
