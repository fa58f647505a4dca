"""Round 60 speed work, second step (issue 17): the off-topic layer's patterns the engine cannot skip through run behind
``literals.gated``, and ``signals._contact`` first looks once on each text form it reads (``_contact_gates``) for a
literal one of its ten patterns needs — a message with none offers no contact and its searches are not run. Both only
skip work: these tests pin every answer to the plain patterns' on realistic messages, hostile spellings included, and
count the searches a plain chat message no longer pays for."""

from __future__ import annotations

import re
from dataclasses import fields
from typing import Any

import pytest

from copilot.moderation import literals, offtopic, signals
from copilot.moderation.literals import Gated
from copilot.moderation.normalise import SPACED_HANDLE, normalise
from tests.test_moderation_speed_d00a60 import MESSAGES, _forms, _raw

CHAT = ["今天天气不错，大家周末愉快", "这本书第三章写得真好，推荐给大家", "考研压力好大，最近好焦虑",
        "老板今天不在店里，吧台小妹说明天再来", "周六有人一起去爬山吗", "LOL今晚五排差一个，来不来"]


def _offtopic_patterns() -> dict[str, Any]:
    return {"invite": offtopic._invitation_rule()[0], "strain": offtopic._worry_rule()[1],
            "shop_people": offtopic._shop_people_rule(), "topic_words": offtopic._alternation(frozenset({"lol", "3060", "桌游"}))}


def test_offtopic_patterns_the_engine_cannot_skip_are_gated() -> None:
    pats = _offtopic_patterns()
    assert all(isinstance(rx, Gated) for rx in pats.values())  # plain re.Pattern before this change
    assert not isinstance(offtopic._alternation(frozenset({"桌游", "剧本杀"})), Gated)  # opens with a literal: engine skips
    for text in MESSAGES + CHAT:
        for form in _forms(text):
            for name, rx in pats.items():
                assert [m.span() for m in rx.finditer(form)] == [m.span() for m in rx.rx.finditer(form)], (name, text)
                assert rx.findall(form) == rx.rx.findall(form), (name, text)


def test_any_of_finds_a_literal_of_every_pattern() -> None:
    gate = literals.any_of([re.compile(r"(?<![a-z])q(\d{5,11})"), re.compile("(?<!不)(?:打折|包邮)")])
    assert gate is not None
    assert gate.search("q12345678") and gate.search("全场包邮") and not gate.search("今天天气不错")
    assert literals.any_of([re.compile(r"\d{6,}"), re.compile("加微")]) is None  # a digits run needs no literal: nothing gated


def _contacts(text: str) -> list[str]:
    return list(signals.detect(normalise(text), topic_text="读书 分享").contacts)


@pytest.mark.parametrize("text", MESSAGES + CHAT)
def test_contacts_as_without_the_gate(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    n = normalise(text)
    kept = [repr(signals.detect(n, topic_text="读书 分享")), repr(signals.detect(n, shop=True, platform="qq"))]
    monkeypatch.setattr(signals, "_contact_gates", lambda: (None, None))  # every search run, as before
    assert [repr(signals.detect(n, topic_text="读书 分享")), repr(signals.detect(n, shop=True, platform="qq"))] == kept


def test_contacts_still_read() -> None:
    assert _contacts("加微信 kite2024 私聊") and _contacts("v：al 2 0 2 4 5 6")
    assert _contacts("有需要联系 13812345678") and _contacts("k i t e 2 0 2 4 加我")


class _CountingFinditer:
    """A pattern that counts its ``finditer`` calls."""

    def __init__(self, rx: Any, calls: list[str]) -> None:
        self.rx, self.calls = rx, calls

    def finditer(self, *a: Any) -> Any:
        self.calls.append(self.rx.pattern[:20])
        return self.rx.finditer(*a)

    def __getattr__(self, attr: str) -> Any:
        return getattr(self.rx, attr)


@pytest.mark.parametrize("text", ["今天天气不错，大家周末愉快", "这本书第三章写得真好，推荐给大家"])
def test_plain_chat_runs_no_contact_search(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    getattr(signals, "_contact_gates", lambda: None)()  # built from the plain patterns before they are counted
    pats, calls = signals.patterns(), []
    names = ("wechat_id", "qq_num", "qq_short", "labelled_handle", "short_label_run", "app_handle", "phone", "contact_num")
    counted = signals.Patterns(**{f.name: _CountingFinditer(getattr(pats, f.name), calls) if f.name in names
                                  else getattr(pats, f.name) for f in fields(pats)})
    monkeypatch.setattr(signals, "patterns", lambda: counted)
    monkeypatch.setattr(signals, "_WXID", _CountingFinditer(signals._WXID, calls))
    monkeypatch.setattr(signals, "SPACED_HANDLE", _CountingFinditer(SPACED_HANDLE, calls))
    report = signals.detect(normalise(text), topic_text="读书 分享")
    assert calls == []  # before: ten finditer calls on every message
    assert report.contacts == [] and report.signals == []
    assert _raw(pats.phone).search("13812345678")
