"""Round 65 speed work (issue 17), counted, not timed: a detector's word list is searched only where one of its words
(or the strings every match of it contains) is written in the text it reads, or where that text has a word read in its
mainland Mandarin form. Answers unchanged."""

from __future__ import annotations

from typing import Any

import pytest

from copilot.moderation import signals
from copilot.moderation.normalise import normalise


def _searched(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The word-list patterns :func:`signals.cue_words` is asked to search, in order."""
    asked: list[Any] = []
    real = signals.cue_words

    def counting(rx: Any, text: str, **kw: Any) -> list[str]:
        asked.append(rx)
        return real(rx, text, **kw)

    monkeypatch.setattr(signals, "cue_words", counting)
    return asked


def _names(text: str) -> list[str]:
    return [s.name for s in signals.detect(normalise(text)).signals]


def test_a_list_with_no_word_written_is_not_searched(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _searched(monkeypatch)
    words = signals.lexicons().words
    assert _names("周六下午三点在图书馆三楼读《围城》第二章，记得带书") == []
    # the ad and seller lists of detectors of their own (a mask, a second reading) are no longer tried on this message
    for key in ("ad.strong", "ad.business", "resale.seller_form", "qr"):
        assert words[key] not in asked, key


def test_a_list_with_a_word_written_is_searched_and_found(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _searched(monkeypatch)
    names = _names("招代理，日赚三百，兼职宝妈看过来")
    assert signals.lexicons().words["ad.strong"] in asked
    assert "ad_words" in names and "income" in names


@pytest.mark.parametrize("text", ["新款到了，都发在我的动态，想要的去看", "面膜新款都在我的动态，需要的去看看哦"])
def test_a_word_read_in_mandarin_is_still_found(text: str) -> None:
    # 我的动态 (Taiwan Mandarin) is 我的朋友圈 in the mainland form: no word of the invite list is written, it is still read
    report = signals.detect(normalise(text))
    assert [(s.name, s.items) for s in report.signals] == [("invite", ("我的动态",))]


def test_the_dialect_look_is_searched_once_per_text(monkeypatch: pytest.MonkeyPatch) -> None:
    scan = signals.Scan(normalise("转发俾屋企人，唔转会倒霉"), signals.lexicons(), {}, (), None, "")
    text = scan.n.compact
    assert scan.dialect(text) is True and scan.dialect(text) is True
    assert list(scan._dialect) == [text]
    assert scan.dialect("今晚七点读书会") is False
