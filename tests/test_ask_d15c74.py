"""Round 74 (d15c74): asking to stop someone's off-topic ads, links or votes tactfully (委婉、不伤和气、下不来台) is the
``tactful_ad_stop`` situation of ``stated.yaml``: the ladder (a private word first, then a mute, then removal) opens the
answer, not the scam-account line of 广告刷屏与诈骗. A scam, a flood of accounts, or the operator's own selling is not it.
A members' satisfaction survey does not expand to 入群问卷 (synonyms.yaml ``unless``)."""

from __future__ import annotations

import pytest

from copilot.knowledge.expansion import load_expander
from copilot.knowledge.ranking import stated_situations
from copilot.paths import KNOWLEDGE_DIR

SITUATION = "tactful_ad_stop"


def _told(question: str) -> list[str]:
    return [s.name for s in stated_situations().told(question)]


@pytest.mark.parametrize("question", [
    "读书会群里有位书友老发他家网店的优惠链接，想委婉地提醒一下，怎么开口",
    "业主群有邻居天天转发拼多多砍价，怎么不伤和气地请她别发了",
    "有人在群裏發拉票連結，我不想讓他下不來台，怎麼提醒",
])
def test_tactful_stop_of_ads_and_votes_is_the_situation(question: str) -> None:
    assert SITUATION in _told(question)


@pytest.mark.parametrize("question", [
    "群里突然进来几个小号发诈骗链接，想委婉点提醒大家别点，怎么说",
    "我想在群里委婉地推荐一下自己做的蛋糕，怎么说不招人烦",
    "怎么委婉地跟群友说我要退群了",
    "群里有人老发广告，直接踢了行不行",
])
def test_scams_own_selling_and_other_manners_are_not_it(question: str) -> None:
    assert SITUATION not in _told(question)


def test_a_satisfaction_survey_is_not_the_entry_questionnaire() -> None:
    ex = load_expander(KNOWLEDGE_DIR)
    assert "入群问卷" not in ex.expand("想给食堂的老顾客发个满意度问卷，怎么设计").terms
    assert "入群问卷" in ex.expand("新人进群前要不要先填个问卷").terms
