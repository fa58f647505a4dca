"""Round 72 (d15a72, issue 15): a clause that only says what the asker's group or business is ("我们群是县城卖大米的，…")
tells the background, not what happens in the group: it is left out of the match text like a self-introduction, and a
stated situation is read without it (the trade's 卖 is no member selling, so 新人不说话 still applies). And
``scripts/ask_totals.py`` counts the answers from an acceptable section that still open with the 相近 line."""

from __future__ import annotations

import importlib.util

import pytest

from copilot.config import get_settings
from copilot.evals.retrieval import AskResult
from copilot.knowledge.ranking import parts_cues, stated_situations, without_self_intro, without_trade
from copilot.paths import ROOT


def _names(question: str) -> set[str]:
    return {s.name for s in stated_situations().told(question)}


@pytest.mark.parametrize("question, cut", [
    ("我们是开火锅店的，最近群里有人天天发别家的优惠券，这种情况该怎么管", "我们是开火锅店的"),
    ("我是做少儿美术培训的，家长群里总有人半夜发语音，我该怎么提醒又不得罪人", "我是做少儿美术培训的"),
    ("我们群主要是卖农家土鸡蛋的群，想每周搞一次接龙团购，活动怎么设计才有人参加", "我们群主要是卖农家土鸡蛋的群"),
])
def test_a_clause_that_only_tells_the_trade_is_not_matched(question: str, cut: str) -> None:
    assert parts_cues().ask_lead.tells_trade(cut)
    assert cut not in without_self_intro(question)
    assert cut not in without_trade(question)
    assert without_trade(question).endswith(question[-8:])  # the story and the ask stay


@pytest.mark.parametrize("question", [
    "我们是一个读书群，最近新人进来都不说话，该怎么带一带",  # no trade verb: 一个读书群 may be what the answer needs
    "我们是做活动的时候才发现报名的人特别少，下次怎么办",  # not a clause that ends on 的: it tells what happened
    "我是群主，群里有人天天卖保险，要不要直接踢",  # 卖 in the story, not in a trade clause
])
def test_a_clause_that_tells_more_than_the_trade_stays(question: str) -> None:
    assert without_trade(question) == question


def test_a_stated_situation_is_read_without_the_trade() -> None:
    question = "我们群是镇上卖水果的，这周新进来十几个人都不说话，我发了欢迎也没人回，该怎么办"
    assert "newcomers_silent" not in _names(question)  # 卖 is one of its unless words
    assert "newcomers_silent" in _names(without_trade(question))
    # a member selling in the story still keeps the situation from applying
    selling = "新进来的几个人都不说话，专门私聊新人卖保健品"
    assert "newcomers_silent" not in _names(without_trade(selling))


@pytest.fixture(scope="module")
def index():  # type: ignore[no-untyped-def]
    from copilot.knowledge.index import get_index

    return get_index(get_settings())


@pytest.fixture(scope="module")
def engine():  # type: ignore[no-untyped-def]
    from copilot.evals.runner import make_context

    return make_context(get_settings(), judge=False).engine


@pytest.mark.parametrize("question", ["我们群是县城卖农资的，新加入的成员都在潜水，该怎么办",
                                      "我们是卖土特产的，最近新进群的二十来个人都不吭声，我该怎么带他们"])
def test_newcomers_silent_in_a_trade_group_is_answered_direct_from_the_first_days(index, engine, question) -> None:  # type: ignore[no-untyped-def]
    from copilot.knowledge.ask import answer_question

    answer = answer_question(question, index, engine)
    assert answer.sections and answer.sections[0].source == "intro-welcome"
    assert answer.sections[0].section == "新人的头三天"
    assert answer.direct and not answer.answer.startswith("资料里没有正讲")


def test_ask_totals_counts_fitting_answers_that_open_hedged() -> None:
    spec = importlib.util.spec_from_file_location("ask_totals", ROOT / "scripts" / "ask_totals.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]

    def row(ok: bool, direct: bool, near: bool = False, covered: bool = True) -> AskResult:
        return AskResult(id="x", question="群规怎么写", in_scope=True, top3=[], covered=covered, confidence=0.5,
                         answer_sections=[], hit_at_3=ok, answer_ok=ok, direct=direct, near=near)

    t = module.totals([row(True, True), row(True, False), row(True, False, near=True), row(False, False),
                       row(False, False, covered=False)])
    assert (t["answers"], t["hedged"]) == (3, 1)


@pytest.mark.parametrize("question, expands", [
    ("我们读书会的年费群续费率只有三成，该怎么办", True),
    ("英语打卡营第一期结束了，大部分学员都说不续了，问题出在哪", True),
    ("付费群快到期了，怎么让老会员愿意续费", True),
    ("续费提醒怎么写才不让人反感", False),  # how to word a reminder: wording, not the group's value
])
def test_renewal_falling_is_searched_as_the_members_felt_value(question: str, expands: bool) -> None:
    from copilot.knowledge.expansion import load_expander

    terms = load_expander(get_settings().knowledge_dir).expand(question).terms
    assert ("感知价值" in terms) is expands
