"""A question that asks about a group name it quotes gets the failed name rule's own section first even when the
ranking put another card's section first by a hair (round 68: on a machine with other float rounding the hyped-name
question of qa15r41 led with 开群节奏与冷启动 at 0.4361 against 避坑清单 at 0.4336)."""

from __future__ import annotations

from ask_ranking_fakes import hand_ranking, hit

from copilot.knowledge.ask import with_failed_rule_sections
from copilot.knowledge.index import KnowledgeIndex

GROWTH = hit("growth", "开群节奏与冷启动", 0.4361)
PITFALLS = hit("group-name", "避坑清单", 0.4336)
CLOSING = hit("lifecycle", "体面收尾与重启", 0.4127)


def test_a_hyped_name_asked_about_leads_with_the_rules_section_when_it_ranks_second(kb_index: KnowledgeIndex) -> None:
    question = "新群名叫「🔥🔥宝妈躺赚月入过万群🔥🔥」行不行"
    ranking = hand_ranking(question, [GROWTH, PITFALLS, CLOSING])
    got = with_failed_rule_sections(question, [GROWTH, CLOSING], ranking, kb_index)
    assert [s.section for s in got] == ["避坑清单"]


def test_a_plain_name_keeps_the_ranked_answer(kb_index: KnowledgeIndex) -> None:
    question = "新群名叫「城西周末徒步群」行不行"
    ranking = hand_ranking(question, [GROWTH, PITFALLS, CLOSING])
    assert with_failed_rule_sections(question, [GROWTH, CLOSING], ranking, kb_index) == [GROWTH, CLOSING]


def test_a_quote_in_a_question_not_about_a_name_keeps_the_ranked_answer(kb_index: KnowledgeIndex) -> None:
    # a member's hyped message quoted is no group name: without a name word only the lead's own card is checked
    question = "有人在群里发「🔥🔥全网最火躺赚项目🔥🔥」，我该怎么办"
    ranking = hand_ranking(question, [GROWTH, PITFALLS, CLOSING])
    assert with_failed_rule_sections(question, [GROWTH, CLOSING], ranking, kb_index) == [GROWTH, CLOSING]


def test_the_name_card_ranked_below_the_first_three_is_not_pulled_up(kb_index: KnowledgeIndex) -> None:
    question = "新群名叫「🔥🔥宝妈躺赚月入过万群🔥🔥」行不行"
    others = [hit("crisis", "成员争吵怎么降温", 0.40), hit("metrics-review", "四类指标", 0.39)]
    ranking = hand_ranking(question, [GROWTH, *others, PITFALLS])
    assert with_failed_rule_sections(question, [GROWTH, others[0]], ranking, kb_index) == [GROWTH, others[0]]
