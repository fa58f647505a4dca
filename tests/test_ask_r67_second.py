"""Round 67 (d15a67, issue 15): of the runners-up that may join an answer's lead, the one fitting the situation best
joins (:func:`copilot.knowledge.ask.chosen_sections`), not the first in rank order — the largest class of score-only
answers from no acceptable section although one was in the top 3 (``ask_totals.py --why``: "kept out: full").
Questions written for these tests."""

from __future__ import annotations

from ask_signals import fake_hit, fake_ranking

from copilot.config import Settings
from copilot.knowledge.ask import answer_question, chosen_sections
from copilot.knowledge.index import KnowledgeIndex
from copilot.llm import get_engine


def test_the_best_fitting_runner_up_joins_the_lead() -> None:
    q = "读书会每周都有分享，讲完就没人看了，怎么把内容留下来"
    lead = fake_hit("share-sessions", "分享", "分享前：选题、排期与预热", fit=0.8, score=1.0)
    near = fake_hit("share-sessions", "分享", "两种分享形式", fit=0.4, score=0.97)
    meant = fake_hit("share-sessions", "分享", "把分享沉淀成知识库", fit=0.9, score=0.95)
    chosen = chosen_sections(fake_ranking(q, lead, near, meant))
    assert [s.section for s in chosen][-1] == "把分享沉淀成知识库" and len(chosen) == 2
    assert "两种分享形式" not in [s.section for s in chosen]


def test_runners_up_that_fit_alike_keep_their_rank_order() -> None:
    q = "新人进群都不说话，欢迎语该怎么写"
    lead = fake_hit("intro-welcome", "欢迎", "欢迎语要包含什么", fit=0.9, score=1.0)
    second = fake_hit("intro-welcome", "欢迎", "新人的头三天", fit=0.7, score=0.95)
    third = fake_hit("ritual-belonging", "仪式", "入群要有一点仪式感", fit=0.7, score=0.9)
    chosen = chosen_sections(fake_ranking(q, lead, second, third))
    assert [s.section for s in chosen] == ["欢迎语要包含什么", "新人的头三天"]


def test_a_question_about_keeping_talks_is_answered_from_the_section_on_it(kb_index: KnowledgeIndex,
                                                                           settings: Settings) -> None:
    answer = answer_question("我们的读书群每周都有人分享，可分享完就没人回看了，怎么把讲过的内容留下来给后来的人看",
                             kb_index, get_engine(settings, prefer="offline"))
    used = {s.section for s in answer.sections}
    assert answer.covered and used & {"分享后：整理成文字版", "把分享沉淀成知识库"}
