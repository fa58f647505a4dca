"""Round 65 (d15c65, issue 15, qa15r46): members falling out with each other (闹矛盾, 两派, 互怼) are answered from
成员争吵怎么降温, not from the complaint script of 负面投诉与舆情 (which assumes the asker is the seller). Questions
written for these tests."""

from __future__ import annotations

import pytest
from ask_signals import first_section, situation_deciding

from copilot.config import Settings
from copilot.knowledge.index import KnowledgeIndex


@pytest.mark.parametrize("question", [
    "舞蹈队群里两个老队员闹矛盾，天天在群里阴阳怪气，别人都不敢出声，我该怎么办",
    "業主群裡分成了兩派，為了換不換物業吵了一個禮拜，我要不要出面",
    "两个群友因为一场球赛输赢互怼了一晚上，越说越难听，怎么劝",
])
def test_members_falling_out_is_a_feud(question: str) -> None:
    assert situation_deciding(question) == "member_feud"


@pytest.mark.parametrize("question", [
    "有客户在群里骂我们发货慢，其他人跟着起哄，怎么回应",  # a complaint about the asker's own shop
    "群里有人带节奏说我们的课程是割韭菜，不少人附和，怎么处理",
])
def test_a_complaint_about_the_askers_shop_is_not_a_feud(question: str) -> None:
    assert situation_deciding(question) != "member_feud"


def test_a_feud_with_snide_remarks_is_led_by_cooling_down(kb_index: KnowledgeIndex, settings: Settings) -> None:
    lead = first_section("合唱团的群，指挥和两个老团员闹矛盾，天天在群里阴阳怪气，新来的都不敢说话了，我这个群主怎么开口",
                         kb_index, settings)
    assert lead == ("crisis", "成员争吵怎么降温")  # 负面投诉与舆情 led before
