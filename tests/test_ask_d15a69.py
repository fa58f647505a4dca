"""Round 69 (d15a69, issue 15): a question asking for a verdict on the group name it quotes ("群名叫『周末徒步小分队』合适吗")
is answered from the name card even when the quoted name's own words (小分队, 徒步) rank another card's section first —
and a quoted name that is only the background of another ask keeps the ranked answer."""

from __future__ import annotations

from ask_ranking_fakes import hand_ranking, hit

from copilot.knowledge.ask import with_name_card_first
from copilot.knowledge.composition import compose_cues
from copilot.knowledge.index import KnowledgeIndex

SIZE = hit("platform-structure", "群多大合适", 0.54)
LENGTH = hit("group-name", "长度与位置", 0.50)
NUMBERING = hit("group-name", "多个群的编号", 0.37)
INTRO = hit("intro-welcome", "群介绍示例", 0.42)


def test_judges_name_reads_the_ask_after_the_quote() -> None:
    cues = compose_cues().name_check
    assert cues.judges_name("群名叫『周末徒步小分队』合适吗")
    assert cues.judges_name("打算把群名改成“城东羽毛球约球群”，大家觉得怎么样？")
    # the name is background: the ask after the quote is about something else
    assert not cues.judges_name("群名叫「城东羽毛球约球群」，群里放多少人合适")
    # a quoted message with no name word is no name
    assert not cues.judges_name("有人在群里发「明天还有人来吗」合适吗")


def test_a_quote_around_the_whole_question_is_not_the_name() -> None:
    cues = compose_cues().name_check
    assert cues.quoted("「群名叫『周末徒步小分队』合适吗」") == "周末徒步小分队"
    assert cues.judges_name("「群名叫『周末徒步小分队』合适吗」")


def test_a_name_asked_about_leads_with_the_name_card(kb_index: KnowledgeIndex) -> None:
    question = "群名叫『周末徒步小分队』合适吗"
    ranking = hand_ranking(question, [SIZE, LENGTH, INTRO, NUMBERING])
    got = with_name_card_first(question, [SIZE, LENGTH, NUMBERING], ranking, kb_index)
    assert [s.section for s in got] == ["长度与位置", "多个群的编号"]


def test_a_name_as_background_keeps_the_ranked_answer(kb_index: KnowledgeIndex) -> None:
    question = "群名叫「城东羽毛球约球群」，群里放多少人合适"
    ranking = hand_ranking(question, [SIZE, LENGTH, INTRO])
    assert with_name_card_first(question, [SIZE, LENGTH], ranking, kb_index) == [SIZE, LENGTH]


def test_the_name_card_below_the_first_three_is_not_pulled_up(kb_index: KnowledgeIndex) -> None:
    question = "新群名叫「城西读书会」行不行"
    others = [hit("growth", "开群节奏与冷启动", 0.49), hit("lifecycle", "体面收尾与重启", 0.41)]
    ranking = hand_ranking(question, [*others, INTRO, NUMBERING])
    assert with_name_card_first(question, others, ranking, kb_index) == others


def test_the_whole_answer_to_a_proposed_name_cites_the_name_card(kb_index: KnowledgeIndex, offline) -> None:  # type: ignore[no-untyped-def]
    from copilot.knowledge.ask import answer_question

    answer = answer_question("群名叫『周末徒步小分队』合适吗", kb_index, offline)
    assert answer.sections and answer.sections[0].source == "group-name"
    assert "周末徒步小分队" in answer.answer


def test_hard_weights_weigh_only_the_wrong_candidates_the_scorer_offers_in_its_first_three() -> None:
    import numpy as np

    from copilot.devtools.scripts import load_script
    from copilot.knowledge.ranking import SCORER_FILE, section_scorer

    train = load_script("scripts/train_section_scorer.py")
    scorer = section_scorer(SCORER_FILE)
    assert scorer is not None
    step = np.asarray(scorer.scale) * np.sign(scorer.coef)
    # five candidates in first-stage order, scored by the scorer as: lowest, highest, second highest, low, middle
    rows = [(np.stack([np.asarray(scorer.mean) + k * step for k in (-2.0, 2.0, 1.0, -1.0, 0.0)]),
             np.asarray([0, 0, 1, 0, 0]))]
    (w,) = train.hard_weights(rows, scorer, 3.0)
    # fill keeps candidate 0 first (wrong: weighed), then 1 (wrong: weighed) and 2 (right: not); 3 and 4 are not offered
    assert list(w) == [3.0, 3.0, 1.0, 1.0, 1.0]
