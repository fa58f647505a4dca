"""Round 45 (brief d15b45, issue 15): a question that asks two things, one the methodology covers and one it does
not (群规要写哪些内容？还有昆曲的水磨腔怎么唱), was declined as a whole because of the outside part. It is now
answered for the covered part, and the answer names the other part as outside the material
(copilot/knowledge/ask.py ``covered_part``). Questions are written for these tests."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from ask_signals import fake_hit, fake_ranking

from copilot.config import Settings
from copilot.knowledge.ask import answer_question, covered_part, decline_texts, ranked
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import SectionRanking, parts_cues
from copilot.llm import get_engine

RULES = fake_hit("group-rules", "群规与违规处理", "群规的基本结构", 0.9)
WELCOME = fake_hit("intro-welcome", "群介绍与欢迎语", "欢迎语要包含什么", 0.9)


def _index(by_part: dict[str, SectionRanking], whole: SectionRanking | None = None) -> SimpleNamespace:
    """An index whose ``search_sections`` returns the scripted ranking of a part, ``whole`` (or an empty, declined
    ranking) for anything else."""
    def search(q: str, k: int = 3, unwrap: bool = False) -> SectionRanking:
        return by_part.get(q) or whole or fake_ranking(q, confidence=0.0)
    return SimpleNamespace(search_sections=search)


def test_the_covered_part_is_answered_and_the_other_named_as_outside() -> None:
    question = "读书会想定一份群规，要写哪些内容？还有《百年孤独》里的奥雷里亚诺到底有多少个"
    # a part the asker closed with a question mark keeps the mark (question_parts)
    rules = fake_ranking("读书会想定一份群规，要写哪些内容？", RULES)
    index = _index({"读书会想定一份群规，要写哪些内容？": rules})
    mixed = covered_part(question, index)  # type: ignore[arg-type]
    assert mixed is not None and mixed.first and mixed.ranking is rules
    note = mixed.note()
    # the joiner is not quoted as if the asker had asked it
    assert "「《百年孤独》里的奥雷里亚诺到底有多少个」" in note and "「还有" not in note
    assert "只回答了前面那一问" in note  # the answered part stood first
    ranking, found = ranked(question, index)  # type: ignore[arg-type]
    assert ranking is rules and found is not None


def test_an_outside_first_part_is_named_with_its_own_wording() -> None:
    question = "猫砂盆多久换一次猫砂比较好？另外宠物群新人进来，欢迎语该怎么写"
    welcome = fake_ranking("宠物群新人进来，欢迎语该怎么写", WELCOME)  # the second part: no mark kept
    mixed = covered_part(question, _index({"宠物群新人进来，欢迎语该怎么写": welcome}))  # type: ignore[arg-type]
    assert mixed is not None and not mixed.first
    assert mixed.note() == decline_texts().part_outside.format(part="猫砂盆多久换一次猫砂比较好", side="后面")


@pytest.mark.parametrize("covered", [(True, True), (False, False)])
def test_only_exactly_one_covered_part_turns_a_decline_into_an_answer(covered: tuple[bool, bool]) -> None:
    first, second = "读书会想定一份群规，要写哪些内容？", "新人进群的欢迎语该怎么写"
    by_part = {first: fake_ranking(first, RULES, confidence=0.95 if covered[0] else 0.0),
               second: fake_ranking(second, WELCOME, confidence=0.95 if covered[1] else 0.0)}
    assert covered_part(f"{first}另外{second}", _index(by_part)) is None  # type: ignore[arg-type]


def test_a_part_that_only_tells_the_situation_is_not_a_second_ask() -> None:
    # the first part asks nothing (no ask word, no question mark): the question asks one thing, declined as a whole
    first, second = "我们是一个做手冲咖啡的群，群友大多是上班族", "豆子磨多细冲出来最好喝"
    by_part = {first: fake_ranking(first, RULES), second: fake_ranking(second, confidence=0.0)}
    assert covered_part(f"{first}。另外{second}", _index(by_part)) is None  # type: ignore[arg-type]


def test_a_covered_part_whose_lead_fits_loosely_does_not_answer() -> None:
    floor = parts_cues().outside_part.fit
    assert floor > 0
    loose = fake_hit("group-rules", "群规与违规处理", "群规的基本结构", floor - 0.05)
    first = "读书会想定一份群规，要写哪些内容？"
    index = _index({first: fake_ranking(first, loose)})
    assert covered_part(f"{first}还有《百年孤独》里的奥雷里亚诺到底有多少个", index) is None  # type: ignore[arg-type]


def test_a_covered_part_about_life_outside_a_group_does_not_answer() -> None:
    # the covered part must be about a group (scope.yaml's scene): a household chore is not, however it ranks
    first = "家里两个孩子天天为了抢电视吵架，怎么劝？"
    index = _index({first: fake_ranking(first, fake_hit("crisis", "危机与负面处理", "成员争吵怎么降温", 0.9))})
    assert covered_part(f"{first}另外儿童近视眼镜哪个牌子好", index) is None  # type: ignore[arg-type]


def test_a_covered_whole_question_is_not_cut() -> None:
    whole = fake_ranking("x", RULES)
    index = _index({}, whole=whole)
    ranking, mixed = ranked("读书会想定一份群规，要写哪些内容？另外新人进群的欢迎语该怎么写", index)  # type: ignore[arg-type]
    assert ranking is whole and mixed is None


def test_on_the_index_the_group_part_is_found_and_two_outside_parts_stay_declined(
        kb_index: KnowledgeIndex, settings: Settings) -> None:
    mixed = covered_part("书法群想定一份群规，要写哪些内容？还有毛笔的狼毫和羊毫到底哪个好用", kb_index)
    assert mixed is not None and mixed.first and mixed.ranking.leading().source == "group-rules"
    assert "「毛笔的狼毫和羊毫到底哪个好用」" in mixed.note()
    # nothing is answered for a question no part of which is covered
    both = answer_question("烘焙群里的面包机哪个牌子好？另外烤箱温度一般怎么调", kb_index,
                           get_engine(settings, prefer="offline"))
    assert not both.covered
