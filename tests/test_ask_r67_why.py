"""Round 67 (d15a67, issue 15): ``scripts/ask_totals.py --why`` counts why in-scope questions missed without printing
one — where an acceptable section was ranked, which step put the answer's first section first (``Answer.led_by``) and
why an acceptable section of the top 3 was left out (:func:`copilot.evals.retrieval.kept_out`). Questions written for
these tests."""

from __future__ import annotations

import importlib.util

from ask_signals import fake_hit, fake_ranking

from copilot.config import Settings
from copilot.evals.retrieval import AskResult, kept_out
from copilot.knowledge.ask import answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.llm import get_engine
from copilot.paths import ROOT


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("ask_totals", ROOT / "scripts" / "ask_totals.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _row(question: str, *, covered: bool, ok: bool, rank: int, led_by: str = "rank", same_card: bool = False,
         kept: str = "", direct: bool = True, declined_by: str = "") -> AskResult:
    return AskResult(id="x", question=question, in_scope=True, top3=[], covered=covered, confidence=0.5,
                     answer_sections=[], hit_at_3=0 < rank <= 3, answer_ok=ok, direct=covered and direct, rank=rank,
                     led_by=led_by, same_card=same_card, kept_out=kept, declined_by=declined_by)


def test_why_counts_sort_misses_by_rank_step_and_what_kept_the_section_out() -> None:
    rows = [
        _row("群里有人天天刷屏发广告怎么办", covered=True, ok=True, rank=1),  # answered right: no class
        _row("新人进群没人说话，怎么暖场", covered=True, ok=False, rank=3, same_card=True, kept="full"),
        _row("老群友总在群里吵架，怎么劝", covered=True, ok=False, rank=2, led_by="stated", kept="score",
             direct=False),
        _row("群活跃度越来越低，是不是该解散", covered=True, ok=False, rank=6),
        _row("有人冒充群主找大家转账怎么办", covered=False, ok=False, rank=1, declined_by="confidence"),
    ]
    why = _script().why_counts(rows)
    assert why["miss"] == {"rank 2-3 · wrong": 2, "rank 4-8 · wrong": 1, "rank 1 · declined": 1}
    assert why["wrong"]["rank 2-3 · led_by rank · same card · kept out: full"] == 1
    assert why["wrong"]["rank 2-3 · led_by stated · other card · kept out: score"] == 1
    assert why["wrong"]["rank 4-8 · led_by rank · other card"] == 1
    # the hedged answer is wrong but not confidently wrong
    assert sum(why["confident"].values()) == 2 and "kept out: score" not in " ".join(why["confident"])
    assert why["declined"] == {"rank 1 · confidence": 1}


def test_kept_out_names_the_gate_that_left_an_acceptable_runner_up_out() -> None:
    q = "群里新人很多但是都不说话，怎么让他们开口"
    lead = fake_hit("onboarding", "新人", "欢迎语", fit=0.9, score=1.0)
    second = fake_hit("onboarding", "新人", "入群仪式感", fit=0.9, score=0.95)
    third = fake_hit("activation", "活跃", "破冰话题", fit=0.9, score=0.9)
    ranking = fake_ranking(q, lead, second, third)
    assert kept_out(ranking, {"activation › 破冰话题"}) == "full"  # two sections were already taken
    assert kept_out(ranking, {"onboarding › 入群仪式感"}) == "dropped"  # taken, left out by a later step
    assert kept_out(ranking, {"onboarding › 欢迎语"}) == "lead"
    low = fake_hit("activation", "活跃", "破冰话题", fit=0.9, score=0.5)
    assert kept_out(fake_ranking(q, lead, low), {"activation › 破冰话题"}) == "score"
    assert kept_out(ranking, {"crisis › 成员争吵怎么降温"}) == ""  # not in the top 3


def test_an_answer_records_the_step_that_chose_its_first_section(kb_index: KnowledgeIndex,
                                                                 settings: Settings) -> None:
    engine = get_engine(settings, prefer="offline")
    answer = answer_question("群里有人天天发广告刷屏，我该怎么管", kb_index, engine)
    assert answer.covered and answer.led_by in {"rank", "situation", "stated", "fit", "card_order", "ask", "clause",
                                                "scene"}
    declined = answer_question("明天上海会下雨吗", kb_index, engine)
    assert not declined.covered and declined.led_by == ""
