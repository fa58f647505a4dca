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

