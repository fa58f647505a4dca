"""Round 36 (dev15q): in a long situational question the clause that asks (怎么重新把群激活, 平时发什么内容好) can weigh
more than the situation told around it: its words are counted once more in the first stage's BM25 signals
(``parts.yaml``'s ``ask_words_weight``), so the answer leads with what is asked instead of the loudest background
word (群也有寿命 for a dead group, 先把内容做好再拉新 for a content question). The shipped weight is 0 (off: at 1.0 the
locked split lost one hit@3 and two answers, see parts.yaml), so these tests turn it on themselves and guard the
method for the next round. Questions and groups (老年合唱团, 多肉交换, 路亚渔具) are written for these tests."""

from __future__ import annotations

import numpy as np
import pytest
from ask_signals import signals_at

from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import asking_clauses
from copilot.llm import get_engine

ASK_LEADS = {
    # (question, the sections the answer may lead with); before round 36 each led with the section in the comment
    # 群也有寿命 (a group's life is short: theory, no steps)
    "我们是个老年合唱团的微信群，建了两年多，以前每天有人发练唱录音，现在一个月都没人说话了，差不多是个死群。还能救吗，怎么重新把群激活":
        {"延长寿命的办法", "冷场了怎么救", "体面收尾与重启"},
    # 衰退的常见原因 (why groups decline: diagnosis, no steps)
    "我们是多肉植物交换群，以前大家天天晒盆栽换苗，最近三个月一条消息都没有，群快死了。还有救吗？怎么把群重新盘活":
        {"延长寿命的办法", "冷场了怎么救", "体面收尾与重启"},
    # 先把内容做好再拉新 (a growth check before recruiting)
    "我是卖渔具的，拉了个路亚爱好者群，两百多人。群里平常发什么内容比较好？不想每天都是广告":
        {"内容输出的几种形式", "内容从哪里来", "话题有哪些类型", "内容是社群的核心驱动", "固定节奏与话题日历"},
}


# round 36b (dev15r): the content-word filter drops 内容 (used in more than ask_words_common of the sections), so the
# 路亚 question's clause keeps only 平常; round 38's clause_lead (the asking clause ranked alone picks the lead among
# the first three) makes it lead with the content section again, so it is an ordinary case now


@pytest.mark.usefixtures("ask_words_on")
@pytest.mark.parametrize("question", ASK_LEADS)
def test_the_asking_clause_picks_the_section_the_answer_leads_with(kb_index: KnowledgeIndex, settings: Settings, question: str) -> None:
    answer = answer_question(question, kb_index, get_engine(settings, prefer="offline"))
    assert answer.covered, question
    assert answer.sections[0].section in ASK_LEADS[question], [s.label for s in answer.sections]


@pytest.mark.usefixtures("ask_words_on")
def test_a_question_of_one_clause_ranks_as_without_the_ask_weight(kb_index: KnowledgeIndex) -> None:
    # no separate asking clause: nothing is counted twice, so the signals are those of the whole question alone
    question = "羽毛球群怎么定群规"
    assert asking_clauses(question) == []
    on, off = signals_at(kb_index, question, 1.0), signals_at(kb_index, question, 0.0)
    assert np.array_equal(on.lexical, off.lexical)
    assert np.array_equal(on.asks_lexical, off.asks_lexical)


@pytest.mark.usefixtures("ask_words_on")
def test_the_asking_clause_adds_to_the_bm25_signals(kb_index: KnowledgeIndex) -> None:
    question = "我们读书会群以前挺热闹，现在半年没人说话了。怎么让群重新活跃起来"
    assert asking_clauses(question)
    on, off = signals_at(kb_index, question, 1.0), signals_at(kb_index, question, 0.0)
    assert (on.asks_lexical >= off.asks_lexical).all()
    assert (on.asks_lexical > off.asks_lexical).any()


@pytest.mark.usefixtures("ask_words_on")
@pytest.mark.parametrize("question", ["？？，怎么办？", "群，，，"])
def test_clauses_of_punctuation_or_ask_words_only_do_not_break_the_ranking(kb_index: KnowledgeIndex,
                                                                          question: str) -> None:
    ranking = kb_index.search_sections(question)
    assert 0.0 <= ranking.confidence <= 1.0
