"""Round 73 (d15a73): an answer whose first section is the ask clause's own (``lead_basis`` "ask") but fits the whole
question poorly is not hedged (相近) when it also gives a section that fits the whole question firmly (the scorer's
``hedge``): the footer's fit and the 相近 line judge that section too. A lead a stated situation chose, or one that came
from the situation's words, is judged as before. Questions and groups are written for these tests."""

from __future__ import annotations

from ask_signals import fake_hit, fake_ranking

from copilot.knowledge.ask import AskPart, answer_fit, answer_hedged, firm_beside
from copilot.knowledge.ranking import section_scorer
from copilot.textnorm import fold

# a 烘焙 group wants a playful name and asks whether it beats a plain one
Q_NAME = "我们烘焙群想改名叫「面粉搞事组🥐」，有梗还带表情，是不是比规规矩矩的名字更招人？"
ASK = fold("是不是比规规矩矩的名字更招人")
PAIRS = fake_hit("group-name", "群名", "好名字与坏名字对比", 0.29)  # what the clause alone finds
TRAPS = fake_hit("group-name", "群名", "避坑清单", 0.85)  # what the whole question finds
NEARLY = fake_hit("group-name", "群名", "避坑清单", 0.6)  # the same section, not firm


def _clause_part(own: object = PAIRS) -> AskPart:
    # the clause's own best section fits the clause, though not firmly: its fit to the whole question is what counts
    return AskPart(text=ASK, alone_fit=0.5, alone=("group-name", own.section), alone_hit=own)  # type: ignore[attr-defined]


def test_a_firm_section_after_the_asks_own_lead_counts() -> None:
    scorer = section_scorer()
    assert scorer is not None and TRAPS.fit >= scorer.hedge > PAIRS.fit
    ranking = fake_ranking(Q_NAME, TRAPS, PAIRS)
    part = _clause_part()
    assert firm_beside(ranking, [PAIRS, TRAPS], PAIRS, part) == [TRAPS]
    assert answer_fit(ranking, [PAIRS, TRAPS], PAIRS, part) == TRAPS.fit
    assert not answer_hedged(ranking, [PAIRS, TRAPS], PAIRS, part)


def test_a_section_below_the_firm_fit_does_not_lift_a_weak_lead() -> None:
    ranking = fake_ranking(Q_NAME, NEARLY, PAIRS)
    part = _clause_part()
    assert firm_beside(ranking, [PAIRS, NEARLY], PAIRS, part) == []
    assert answer_fit(ranking, [PAIRS, NEARLY], PAIRS, part) == PAIRS.fit
    assert answer_hedged(ranking, [PAIRS, NEARLY], PAIRS, part)


def test_a_stated_situations_lead_is_still_judged_by_its_own_fit() -> None:
    # 群里冷场 stated: the situation's section leads at a low fit; a firm runner-up does not make it direct
    q = "社区团购群最近没人说话了，发了接龙也没人接，怎么办"
    quiet = fake_hit("daily-topics", "日常话题", "冷场了怎么救", 0.15)
    decline = fake_hit("lifecycle", "社群生命周期与定期清理", "衰退的常见原因", 0.8)
    ranking = fake_ranking(q, quiet, decline)
    assert firm_beside(ranking, [quiet, decline], quiet, None, "stated") == []
    assert answer_fit(ranking, [quiet, decline], quiet, None, "stated") == quiet.fit
    assert answer_hedged(ranking, [quiet, decline], quiet, None, "stated")


def test_a_lead_from_the_situations_words_is_still_judged_by_its_own_fit() -> None:
    # the clause's own section is not in the answer (basis "other"): the firm section does not count for it
    ranking = fake_ranking(Q_NAME, TRAPS, PAIRS)
    other = fake_hit("group-name", "群名", "五分钟起名流程", 0.2)
    part = _clause_part(other)
    assert firm_beside(ranking, [PAIRS, TRAPS], PAIRS, part) == []
    assert answer_hedged(ranking, [PAIRS, TRAPS], PAIRS, part)


def test_one_section_has_nothing_beside_it() -> None:
    ranking = fake_ranking(Q_NAME, PAIRS)
    assert firm_beside(ranking, [PAIRS], PAIRS, _clause_part()) == []
    assert firm_beside(ranking, [], None) == []


def test_a_firm_section_of_another_card_does_not_count() -> None:
    # 「有人进群不说话，专门私聊新人卖保险」: the word 新人 ranks the newcomers' section high, the ask's own section leads
    q = "有人进群后一句话不说，专门私聊新来的群友推销理财，被投诉了好几次，怎么管"
    sort = fake_hit("moderation-offtopic", "闲聊歪楼与广告处理", "先分清是哪种情况", 0.06)
    newcomers = fake_hit("intro-welcome", "群介绍与欢迎", "新人的头三天", 0.76)
    ranking = fake_ranking(q, newcomers, sort)
    part = AskPart(text=fold("怎么管"), alone_fit=0.5, alone=("moderation-offtopic", sort.section), alone_hit=sort)
    assert firm_beside(ranking, [sort, newcomers], sort, part) == []
    assert answer_hedged(ranking, [sort, newcomers], sort, part)
