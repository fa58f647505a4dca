"""Round 79 (d17s79), issue 17's speed: three paths that do the same work with less of it, every answer unchanged.

* ``offtopic.a_not_a`` (会不会, 有没有 without a question mark) is one regex search, not a Python loop over every character;
* ``evidence._purposes_in`` reads evidence.yaml's cue pattern built once for the rules (``EvidenceRules.notice_cues``), not
  through an ``lru_cache`` keyed by the nested tuple, which was hashed anew at every call;
* ``textnorm._char_forms`` (each character's matching form, for the reason's quotes) maps instead of a generator.

The messages are written for these tests: a hiking club's and a basketball group's lines, asked in the A-not-A form and
not, in Traditional, with zero-width characters and padded with spaces, and lost-and-found notices beside a business that
finds pets for a fee.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import lru_cache

import pytest
from moderation_say import verdict_lines

from copilot import textnorm
from copilot.evals.evasions import expand
from copilot.evals.moderation import DATA_DIR, load_set
from copilot.moderation import evidence, offtopic, pipeline
from copilot.moderation.normalise import normalise
from copilot.profile import load_profile
from copilot.textnorm import fold, written_span

LINES = [
    "周六爬白云山，你们去不去？",
    "明天早上会不会下雨啊，下雨就改期",
    "有沒有人週日一起打球",  # Traditional
    "來不來都說一聲，我好訂場",  # Traditional
    "会\u200b不\u200b会有人顺路带一下我",  # zero-width between the characters
    "去　不　去　都　行",  # full-width spaces between the characters: no A-not-A once they are gone from the compact text
    "是不是要带头灯？夜爬那段路很黑",
    "你们去唔去行山？",  # Cantonese 唔: not one of the negations listed
    "不不不，我是说下周",  # a negation repeated: 不 on both sides of 不 reads as the form, before and after alike
    "我不会去了，膝盖还没好",  # no A-not-A
    "好不容易约齐了人",  # 好不容 — not the same character on both sides
    "a不a，随便",  # Latin letters: no Chinese character
    "跑不跑得动都来，慢慢走",
    "谁丢的钥匙？在篮球场捡到了，失主私聊我",  # a lost-and-found notice
    "寻狗启事：柯基走丢了，如果看到请联系我 13800138000",
    "专业寻狗团队，上门服务，收费合理，加微信 kk_2288",  # a business that finds pets: its words undo the notice
    "周日下午三点体育馆集合，AA场地费每人20",
    "加\u200b微\u200b信 领取免费训练计划，名额有限",
    "這個群裡有人罵人，說幹你娘，管理員管管",  # Traditional insult quoted back as written
]


def _old_a_not_a(folded: str) -> bool:
    """``a_not_a`` before round 79: a loop over every character."""
    neg = offtopic._a_not_a()
    return any(folded[i] in neg and folded[i - 1] == folded[i + 1] and "\u3400" <= folded[i - 1] <= "\u9fff"
               for i in range(1, len(folded) - 1))


@lru_cache(maxsize=64)
def _old_char_forms(text: str) -> tuple[str, ...]:
    return tuple(textnorm._fold_cached(ch) for ch in text)


@contextmanager
def _old_paths(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The three paths as they were before round 79, looked up where the moderator finds them."""
    with monkeypatch.context() as m:
        m.setattr(offtopic, "a_not_a", _old_a_not_a)
        m.setattr(pipeline, "a_not_a", _old_a_not_a)
        # (a data descriptor on the class comes before the pattern cached_property kept on the rules object)
        m.setattr(evidence.EvidenceRules, "notice_cues", property(lambda rules: evidence._notice_cues(rules.notices)))
        m.setattr(textnorm, "_char_forms", _old_char_forms)
        yield


def _forms(text: str) -> list[str]:
    n = normalise(text)
    return [text, n.folded, n.compact, fold(text)]


@pytest.fixture(scope="module")
def readable() -> list[str]:
    """Every readable moderation row's text, as the hook reads it (never a locked or blind split)."""
    names = ["tuning.jsonl", "messages.jsonl", "evasions.jsonl"] + sorted(p.name for p in DATA_DIR.glob("dev*.jsonl"))
    return [expand(row) for name in names for row in load_set(name)]


# --- a_not_a: one regex search --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", LINES)
def test_a_not_a_same_as_the_loop(text: str) -> None:
    for form in _forms(text):
        assert offtopic.a_not_a(form) == _old_a_not_a(form), form


def test_a_not_a_same_as_the_loop_on_every_readable_row(readable: list[str]) -> None:
    forms = [f for text in readable for f in _forms(text)]
    assert [offtopic.a_not_a(f) for f in forms] == [_old_a_not_a(f) for f in forms]
    assert sum(map(offtopic.a_not_a, forms)) > 100  # the form is common enough to be tested both ways


def test_a_not_a_reads_the_forms_it_should() -> None:
    asked = ["周六爬白云山，你们去不去？", "明天早上会不会下雨啊", "有沒有人週日一起打球", "來不來都說一聲",
             "是不是要带头灯", "跑不跑得动都来"]
    for text in asked:
        assert offtopic.a_not_a(normalise(text).folded), text
    # zero-width characters are gone from the folded text: 会不会 is read whole
    assert offtopic.a_not_a(normalise("会\u200b不\u200b会有人顺路带一下我").folded)
    for text in ["你们去唔去行山？", "我不会去了，膝盖还没好", "好不容易约齐了人", "a不a，随便", "1不1", "去 不 去"]:
        assert not offtopic.a_not_a(normalise(text).folded), text


def test_a_not_a_without_negations_never_matches(monkeypatch: pytest.MonkeyPatch) -> None:
    offtopic._a_not_a_form.cache_clear()
    monkeypatch.setattr(offtopic, "_a_not_a", lambda: frozenset({"不是"}))  # only a longer entry: the loop never matched
    try:
        assert not offtopic.a_not_a("去不去")
        assert not _old_a_not_a("去不去")
    finally:
        offtopic._a_not_a_form.cache_clear()


# --- _purposes_in: the cue pattern found by the notices object ----------------------------------------------------------
def _purposes_by_definition(text: str) -> list[int]:
    rules = evidence.evidence_rules()
    cues = evidence._notice_cues(rules.notices)
    if cues is None or cues.search(text) is None:
        return []
    return [i for i, (words, not_with) in enumerate(rules.notices)
            if any(w in text for w in words) and not any(b in text for b in not_with)]


@pytest.mark.parametrize("text", LINES)
def test_purposes_same_as_by_definition(text: str) -> None:
    for form in _forms(text):
        assert evidence._purposes_in(form) == _purposes_by_definition(form), form


def test_purposes_still_read() -> None:
    lost = normalise("谁丢的钥匙？在篮球场捡到了，失主私聊我").folded
    assert evidence._purposes_in(lost)
    assert evidence._purposes_in(normalise("寻狗启事：柯基走丢了，如果看到请联系我 13800138000").folded)
    assert not evidence._purposes_in(normalise("专业寻狗团队，上门服务，收费合理，加微信 kk_2288").folded)
    assert not evidence._purposes_in(normalise("周日下午三点体育馆集合，AA场地费每人20").folded)


def test_cue_pattern_built_once_for_many_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    real = evidence._notice_cues

    def counted(notices: object) -> object:
        calls.append(notices)
        return real(notices)  # type: ignore[arg-type]

    monkeypatch.setattr(evidence, "_notice_cues", counted)
    rules = replace(evidence.evidence_rules())  # a fresh copy: its pattern not built yet
    monkeypatch.setattr(evidence, "evidence_rules", lambda: rules)
    for text in LINES * 3:
        evidence._purposes_in(normalise(text).folded)
    assert len(calls) == 1  # before round 79: once per call, each hashing the nested tuple


def test_cues_follow_the_rules_notices() -> None:
    rules = evidence.evidence_rules()
    mine = replace(rules, notices=((("捡到",), ("收费",)),))
    other = replace(rules, notices=((("走丢",), ()),))
    assert mine.notice_cues.search("在球场捡到了")
    assert other.notice_cues.search("柯基走丢了")
    assert not other.notice_cues.search("在球场捡到了")
    assert replace(rules, notices=()).notice_cues is None


# --- _char_forms and the quotes put back as written --------------------------------------------------------------------
@pytest.mark.parametrize("text", LINES)
def test_char_forms_same_as_before(text: str) -> None:
    assert textnorm._char_forms(text) == _old_char_forms(text) == tuple(fold(ch) for ch in text)


def test_written_span_quotes_as_written() -> None:
    text = "這個群裡有人罵人，說幹你娘，管理員管管"
    assert written_span(text, fold("干你娘")) == "幹你娘"
    assert written_span(text, fold("管理员")) == "管理員"
    assert written_span("加\u200b微\u200b信 领取", "加微信") == "加\u200b微\u200b信"  # zero-width kept inside the span
    assert written_span(text, "篮球") is None


# --- the whole verdict ---------------------------------------------------------------------------------------------
def test_verdicts_same_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    prof = load_profile(DATA_DIR / "profiles" / "reading.yaml")

    new = verdict_lines(prof, LINES, "山友", 4)
    with _old_paths(monkeypatch):
        assert verdict_lines(prof, LINES, "山友", 4) == new
    labels = [json.loads(v)["label"] for v in new]
    assert "ad" in labels and "ok" in labels
