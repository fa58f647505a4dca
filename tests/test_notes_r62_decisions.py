"""Round 62 (d13c62): a member's lean ending 吧 ("按老规矩吧", "那就B区吧") is no decision when the organiser
closes the same matter right after it ("好，就按老规矩，…"): the close is the decision, and the one who made it.

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_structure

START = datetime(2027, 3, 10, 20, 0)


def test_lean_then_organiser_close_keeps_only_the_close():
    notes = chat_structure(
        "群主-老周|团购的钱怎么收？",
        "阿芸|要不就按老规矩，花花先垫付，到货再AA？",
        "小蒋|按老规矩吧",
        "群主-老周|好，就按老规矩，花花先垫，到货AA",
        start=START,
    )
    texts = [d.text for d in notes.decisions]
    assert not any(t.startswith("按老规矩吧") for t in texts), texts
    close = [d for d in notes.decisions if "花花先垫" in d.text or "就按老规矩" in d.text]
    assert close and close[0].decider == "群主-老周", texts


def test_lean_nobody_closes_stays_a_decision_line():
    # no one closes it afterwards: the lean is what the group has; it is not dropped
    notes = chat_structure(
        "班长阿雅|周末的复习课放哪里？",
        "团子|图书馆或者咖啡馆都行",
        "班长阿雅|那就定图书馆吧",
        "团子|好",
        "小林|好的",
        start=START,
    )
    assert any("图书馆" in d.text for d in notes.decisions), [d.text for d in notes.decisions]



def test_plan_called_off_by_name_replaces_the_earlier_decision():
    notes = chat_structure(
        "领队大山|这周日的亲子徒步定一下，原计划去凤凰山",
        "乐乐妈|凤凰山多远？",
        "领队大山|全程6公里，6岁以上的孩子没问题",
        "领队大山|好，那就这么定了，周日去凤凰山，早上8点半东门集合",
        "乐乐妈|好的",
        "领队大山|刚看了天气预报，周日凤凰山有大风降温，我提议改去植物园",
        "乐乐妈|植物园可以",
        "豆豆爸|同意改植物园",
        "领队大山|那就改了：周日不去凤凰山了，改去植物园，上午9点南门集合",
        start=START,
    )
    texts = [d.text for d in notes.decisions]
    assert any("植物园" in t for t in texts), texts
    assert not any("凤凰山" in t and "不去凤凰山" not in t for t in texts), texts
