"""Round 65 (d15a65, issue 15): a question that names the group's own fee (群费, 学员续费, 我们…付费:
``scope.yaml``'s ``own_fee``) asks about the money the group takes, not about buying something. The scope model reads
it without its numbers (群费99一年 is no price to compare) and the price object (性价比) does not decline it. A
shopping or personal-subscription question with numbers (健身房年卡1999续不续, 扫地机器人哪个值), or a paid group the
asker is asked to join (朋友拉我进一个付费群), names no fee of the asker's group and keeps both. Questions written for these tests."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import off_scope, own_fee, scene_cues, scope_form
from copilot.llm import get_engine
from copilot.textnorm import fold


@pytest.mark.parametrize("question", [
    "读书群的群费一年88，今年续费的人明显少了，怎么办",
    "我们付费的摄影训练营一期收399，很多学员学完就不续了",
    "我们这个付费群每月25块，交了一个月就走的人太多",
    "学员续费价从480涨到520以后，老学员意见很大",
])
def test_the_groups_own_fee_is_named(question: str) -> None:
    assert own_fee().named(fold(question))


@pytest.mark.parametrize("question", [
    "健身房的年卡一年1999，到期要不要续费",
    "视频网站的会员连续包月15块，年卡178，哪个划算",
    "孩子的钢琴课一年8000，明年还要不要续",
    "朋友拉我进一个炒股的付费群，年费6800，这种群靠谱吗",
    "小区健身房的会员费一年2000，贵不贵",
])
def test_a_personal_purchase_names_no_group_fee(question: str) -> None:
    assert not own_fee().named(fold(question))


def test_the_scope_model_reads_a_group_fee_question_without_its_numbers() -> None:
    assert off_scope("读书群的群费一年88，今年续费的人明显少了，怎么办") == off_scope("读书群的群费一年，今年续费的人明显少了，怎么办")
    assert "88" not in scope_form("读书群的群费一年88，今年续费的人明显少了，怎么办")


def test_a_purchase_keeps_its_numbers_for_the_scope_model() -> None:
    assert "1999" in scope_form("健身房的年卡一年1999，到期要不要续费")


def test_value_for_money_of_the_groups_own_fee_is_no_price_object() -> None:
    assert scene_cues().object_of("训练营学员续费一期要520，好多老学员嫌性价比低，我们怎么让大家觉得值") == ""
    assert scene_cues().object_of("这台咖啡机卖680，性价比高不高") == "price"


def test_a_group_fee_question_with_a_price_is_answered_from_the_groups_value(kb_index: KnowledgeIndex,
                                                                           settings: Settings) -> None:
    answer = answer_question("训练营学员续费一期要520，好多老学员嫌性价比低，我们怎么让大家觉得值", kb_index,
                             get_engine(settings, prefer="offline"))
    assert answer.covered
    assert answer.sections[0].source == "value-benefits"


@pytest.mark.parametrize("question", [
    "健身房的年卡一年1999，到期要不要续费",
    "两台扫地机器人，一台1999一台2599，买哪个更值",
])
def test_a_purchase_with_a_price_is_still_declined(question: str, kb_index: KnowledgeIndex, settings: Settings) -> None:
    assert not answer_question(question, kb_index, get_engine(settings, prefer="offline")).covered
