"""Round 64 speed work (issue 17), counted, not timed: the veiled-abuse and sneer forms that open with a gap or a class
are searched only where one of the strings every match contains is written, and :func:`classifier.telling_grams` cuts
a message into words only when one of its top grams is a Chinese content word written in it. Answers unchanged."""

from __future__ import annotations

from typing import Any

import pytest

from copilot.moderation import classifier, signals, veiled
from copilot.moderation.literals import Gated


class _Counting:
    """A stand-in for a compiled pattern that counts the searches run on it."""

    def __init__(self, rx: Any) -> None:
        self.rx, self.calls = rx, 0

    def search(self, *a: Any) -> Any:
        self.calls += 1
        return self.rx.search(*a)

    def finditer(self, *a: Any) -> Any:
        self.calls += 1
        return self.rx.finditer(*a)


def _counted(monkeypatch: pytest.MonkeyPatch, gated: Any) -> _Counting:
    assert isinstance(gated, Gated)
    counting = _Counting(gated.rx)
    monkeypatch.setattr(gated, "rx", counting)
    return counting


def test_second_thought_runs_only_where_its_words_are(monkeypatch: pytest.MonkeyPatch) -> None:
    counting = _counted(monkeypatch, veiled._compiled()["second_thought"])
    assert veiled.veiled_forms("周六的读书会改到三楼活动室了，我还没看到通知") == []
    assert counting.calls == 0  # no question mark in the message: the pattern itself is never tried
    found = veiled.veiled_forms("你这么会做菜，怎么不去开饭店呀？哦对，连蛋都煎糊了")
    assert counting.calls == 1 and any("哦对" in w for w in found)


@pytest.mark.parametrize("key", ["reminder", "sanction", "civil_ask", "duty"])
def test_either_order_pairs_are_gated(monkeypatch: pytest.MonkeyPatch, key: str) -> None:
    counting = _counted(monkeypatch, veiled._compiled()[key])
    check = {"reminder": veiled.reminder, "sanction": veiled.sanction, "civil_ask": veiled.civil_ask,
             "duty": veiled.duty_reminder}[key]
    assert check("今天的领读是小王，大家准备好第五章的问题") is False
    assert counting.calls == 0


def test_rhetorical_sneer_is_gated_and_still_found(monkeypatch: pytest.MonkeyPatch) -> None:
    signals._sneer_gate()  # the forms' one first look (round 73) is built from the plain patterns before they are counted
    form = signals.sneer_forms()[1][0]
    counting = _counted(monkeypatch, form)
    assert signals._sneers("这周的书我读完了，第三章最有意思") == []
    assert counting.calls == 0
    assert signals._sneers("你以为你是谁啊，还来教我读书") != []
    assert counting.calls == 1


class _Model:
    """A classifier stand-in whose top grams are given."""

    def __init__(self, grams: list[str]) -> None:
        self.grams = grams

    def top_grams(self, text: str, n: int = 3) -> list[str]:
        return self.grams[:n]


def test_telling_grams_cuts_only_with_a_content_gram(monkeypatch: pytest.MonkeyPatch) -> None:
    cuts: list[str] = []
    real = classifier.word_spans

    def counting(text: str) -> Any:
        cuts.append(text)
        return real(text)

    monkeypatch.setattr(classifier, "word_spans", counting)
    text = "收到了，谢谢群主 123"
    # digits, a particle and a gram not written in the message: nothing to name, and the message is not cut
    assert classifier.telling_grams(_Model(["000", "了", "点击"]), text) == []
    assert cuts == []
    # a content word of the message: cut once, named
    assert classifier.telling_grams(_Model(["000", "群主", "谢谢"]), text) == ["群主", "谢谢"]
    assert len(cuts) == 1
