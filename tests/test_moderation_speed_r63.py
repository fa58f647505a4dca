"""Round 63 speed work (issue 17): :func:`signals.may_show` walks the word tree over a message's Mandarin form only
when that form differs from the compact text (most messages are Mandarin already); its answer is the same."""

from __future__ import annotations

import pytest

from copilot.moderation import signals
from copilot.moderation.normalise import normalise

# word and combo signals a group's screen reads (a table name each; their plain word lists are walked as one tree)
NAMES = frozenset({"ad_words", "scam", "free_bait", "chain", "solicitation", "packet_demand", "buy_call"})


def _walks(monkeypatch: pytest.MonkeyPatch, text: str) -> tuple[bool, list[str]]:
    hits = signals.lexicons().hits
    assert hits is not None
    seen: list[str] = []
    real = hits.present

    def counting(t: str) -> frozenset[str]:
        seen.append(t)
        return real(t)

    monkeypatch.setattr(hits, "present", counting)
    return signals.may_show(normalise(text), NAMES), seen


@pytest.mark.parametrize("text", ["周六读书会几点开始，在三楼活动室吗", "这本书第三章写得真好大家可以看看"])
def test_a_mandarin_message_is_walked_once(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    shown, seen = _walks(monkeypatch, text)
    assert len(seen) == 1
    monkeypatch.undo()
    assert shown == signals.may_show(normalise(text), NAMES)


def test_a_cantonese_message_is_also_walked_in_mandarin(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "你個衰人，冇腦就唔好出聲啦"
    n = normalise(text)
    assert signals.in_mandarin(n.compact) != n.compact
    shown, seen = _walks(monkeypatch, text)
    # the compact form first, then its Mandarin form (no word of these lists in the first)
    assert seen == [n.compact, signals.in_mandarin(n.compact)]
    monkeypatch.undo()
    assert shown == signals.may_show(n, NAMES)
