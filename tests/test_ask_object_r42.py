"""Round 42 (d15b42, issue 15): what puts a question outside the cards can be its object — a thing's price, a product
to buy, a body to treat, a law or tax — whatever group words dress it (``scope.yaml``'s ``object``). Such a question
is declined when its leading section fits it below ``object_floor``; one a section fits well is still answered.
Questions written for this test."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question, decline_reason, decline_texts
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import SectionHit, SectionRanking, scene_cues
from copilot.llm import get_engine


@pytest.mark.parametrize(("question", "kind"), [
    ("二手吉他群有人出一把雅马哈，开价两千二，帮忙看看要价高不高", "price"),
    ("茶友群想一起买紫砂壶，哪个牌子的泥料靠谱", "product"),
    ("多肉群有人说叶子发黑化水了，用什么药能救回来", "body"),
    ("群友吃了團購的蛋糕拉肚子，要不要帶他去看醫生", "body"),  # Traditional folds to the same words
    ("群里卖手工皂一年挣了两万，要不要去报税", "law"),
])
def test_the_object_of_a_question(question: str, kind: str) -> None:
    assert scene_cues().object_of(question) == kind


@pytest.mark.parametrize("question", [
    "付费群一年收多少钱合适，会员会不会嫌贵",  # the group's own fee is running the group
    "群规里要写禁止发违法内容吗",
    "群友投诉团购的水果坏了要求赔偿，群主在群里怎么回应",
    "群里天天有人发广告，先警告还是直接踢",
])
def test_running_the_group_names_no_object(question: str) -> None:
    assert scene_cues().object_of(question) == ""


def _ranking(question: str, fit: float) -> SectionRanking:
    sec = SectionHit(source="promotion", title="社群促销套路与算账", section="群里做促销的分寸", score=0.3, fit=fit)
    return SectionRanking(question, [sec], 0.9, 0.1, 0.05)


def test_an_object_question_needs_a_section_that_fits_it_well() -> None:
    floor = scene_cues().object_floor
    priced = "群里有人转让一台旧相机，开价三千，我要不要帮他估价"
    low, high = _ranking(priced, floor - 0.01), _ranking(priced, floor + 0.01)
    assert not low.covered and low.off_object and low.declined_by == "object"
    assert high.covered and not high.off_object and high.declined_by == ""
    # the same loose fit answers a question without such an object: the floor is only for them
    assert _ranking("群里有人天天发自己做的饼干链接，怎么劝", floor - 0.01).covered
    assert 0.4 < floor < 1


def test_the_footer_says_why_an_object_question_was_declined() -> None:
    assert decline_texts().declined_why.get("object")
    ranking = _ranking("群里买哪个牌子的投影仪做奖品", 0.2)
    assert ranking.declined_by == "object"


def test_a_price_question_dressed_as_operations_is_declined(kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question("摄影群有人出一个二手镜头，开价四千，我作为群主要不要帮大家估个价", kb_index,
                             get_engine(settings))
    assert not answer.covered and answer.citations == [] and not answer.suggest_import
    assert decline_reason(answer)


def test_a_promotion_question_with_a_price_in_it_is_still_answered(kb_index: KnowledgeIndex,
                                                                   settings: Settings) -> None:
    question = "群里拼团，成团价怎么定群友才觉得性价比高"
    assert scene_cues().object_of(question) == "price"  # it names a price, and the promotion card fits it well
    answer = answer_question(question, kb_index, get_engine(settings))
    assert answer.covered and answer.sections and answer.sections[0].section.startswith("拼团")
