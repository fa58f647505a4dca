"""Round 76 (d17a76): seven first looks that only skip searches which cannot find anything — ``_illegal_deal`` looks for
its offer's literals once in the folded text before reading clause by clause, ``_chain_letter_in`` asks the word tree
whether a spread or a doom word is written, ``disabled_slur`` is gated by its literals (it opens with look-behinds),
``_emoji_flood`` counts the emoji before it takes the lone ones out, and detect's plain lists on the compact text
(roster, price_ask, resale.own, rule_notice, jobs.post) are searched only where the word tree found a word of theirs
(``Scan.said``); ``_dismissed`` looks for 滚 before cutting the writer's words into clauses, and normalise's
``_read_spaced_numerals`` counts the spaces before its look-behind search. Each test compares the new path with the old one on realistic lines written for this file
(Traditional, Cantonese, zero-width, spaced and emoji-padded spellings, hard negatives) and, for the gates, on every
readable moderation row: the same findings, the same verdicts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from moderation_say import verdict_lines

from copilot.evals.evasions import expand
from copilot.evals.moderation import DATA_DIR, load_set
from copilot.moderation import normalise as norm
from copilot.moderation import signals
from copilot.moderation.normalise import normalise
from copilot.profile import load_profile

# realistic group lines: offers and chain letters that must still be found, and the look-alikes that must not
LINES = [
    "出一个肾源，配型已做好，有需要的私聊",
    "代開各類正規發票，價格美麗，懂的來",  # Traditional
    "收银行卡 一张300 加我v：kk_2288",
    "肾移植配型要做哪些检查？我爸下个月排队等肾源",  # a patient's question: no offer
    "有人私聊说能买到肾源，都是骗子，别信",  # a warning: no offer
    "转发给10个群，不转就倒霉三年",
    "轉發俾屋企人，唔轉就會有壞事發生",  # Cantonese chain letter, read in its Mandarin form
    "紧急通知：本群明天解散，不回复的自动退群",  # a hoax notice: a doom, no spread word
    "那条是谣言，别转了",  # a debunk
    "瘫子就该待在家里，别出来丢人",
    "坐轮椅的就别出门给别人添麻烦",
    "我们坐轮椅的就是出门不方便，大家多体谅",  # the writer's own kind: none
    "😀😀😀😀😀😀😀😀😀😀😀😀😀😀 早上好",  # a wall of emoji
    "😀加😀我😀微😀信😀领😀资😀料",  # emoji set between characters: separators, not a flood
    "好🌹🌹🌹🌹🌹早",
    "接龙报名周六徒步\n1. 5-302 两份\n2. 王姐 一箱\n3. 李哥 三份",
    "这个拍立得二手价格合理吗？",
    "自己用了两年的佳能相机出掉，搬家带不走",
    "自己用咗十年嘅單車，平放",  # Cantonese own item
    "群规：禁止发广告，违者踢出",
    "招聘 前台文员 月薪5000 双休",
    "周六上午九点东湖绿道集合骑车，记得带水和头盔",
    "加\u200b微\u200b信 领取免费资料，名额有限",  # zero-width between the characters
    "今 天 谁 去 打 球",  # every character apart
    "代\u200b开\u200b发\u200b票 懂的来",
    "轉\u200b發給所有好友，不轉的話全家倒霉",
    "少在这里卖惨，烦死了，滚",  # told to get lost, a clause of its own
    "你們都給我滾出去",  # Traditional
    "滚滚长江东逝水，今晚读三国",  # 滚 inside words: none
    "他让我滚，我就走了",  # told of someone else
    "加 v t a o 一 二 三 四 五 领资料",  # a handle spelled apart with spelled numerals
    "t a o 一 二",  # too few tokens
    "　我　在　图　书　馆　等　你　",  # ideographic spaces between the characters
]


def _readable() -> list[str]:
    """Every readable moderation row's text, as the hook reads it (never a locked or blind split)."""
    names = ["tuning.jsonl", "messages.jsonl", "evasions.jsonl"] + sorted(p.name for p in DATA_DIR.glob("dev*.jsonl"))
    return [expand(row) for name in names for row in load_set(name)]


@pytest.fixture(scope="module")
def readable() -> list[str]:
    return _readable()


def _scan(text: str) -> signals.Scan:
    table = signals.signal_table()
    scan = signals.Scan(normalise(text), signals.lexicons(), table.thresholds, (), None, "")
    scan.present(scan.n.compact)  # detect walks the word tree first
    return scan


def _spec(name: str) -> signals.SignalSpec:
    return next(s for s in signals.signal_table().specs if s.name == name)


def _finding(f: signals.Finding | None) -> Any:
    return None if f is None else (f.items, f.variant, f.suffix, f.count)


def _old_emoji_flood(scan: signals.Scan, spec: signals.SignalSpec) -> signals.Finding | None:
    count = len(signals._EMOJI.findall(signals._lone_emoji().sub("", scan.n.decorated or scan.n.raw)))
    return signals.Finding([], count=count) if count >= scan.thresholds["emoji_flood"] else None


def _old_said(self: signals.Scan, key: str, text: str) -> bool:
    return self.lex.words[key].search(text) is not None


def _old_read_spaced_numerals(folded: str) -> str:
    table = norm.spellings().digits

    def read(m: re.Match[str]) -> str:
        run = m.group(0)
        if not re.search(r"[a-z]", run) or run.isascii():
            return run
        return " ".join(" ".join(tok.translate(table)) if not tok.isascii() else tok for tok in run.split())
    return norm._spaced_numeral_handle().sub(read, folded)


@contextmanager
def _old_paths(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The seven paths as they were before round 76 (looked up where detect, normalise and the moderator find them);
    normalise's memory is emptied on the way in and out, so every text is read afresh by the old path."""
    slur = signals.disabled_slur()
    detectors = signals.signal_table().detectors
    with monkeypatch.context() as m:
        m.setattr(signals, "_illegal_offer_gate", lambda: None)
        m.setattr(signals, "_chain_may", lambda scan, c: True)
        m.setattr(signals, "disabled_slur", lambda: slur.rx)
        m.setitem(detectors, "emoji_flood", _old_emoji_flood)
        m.setattr(signals.Scan, "said", _old_said)
        m.setattr(signals, "_dismissal_gate", lambda: None)
        m.setattr(norm, "_read_spaced_numerals", _old_read_spaced_numerals)
        norm.normalise.cache_clear()
        try:
            yield
        finally:
            norm.normalise.cache_clear()


# --- _illegal_deal: one first look on the folded text ------------------------------------------------------------
def test_illegal_gate_is_built_and_finds_the_offers() -> None:
    gate = signals._illegal_offer_gate()
    assert gate is not None
    for text in ("出一个肾源，配型已做好，有需要的私聊", "代開各類正規發票，價格美麗，懂的來", "代\u200b开\u200b发\u200b票 懂的来"):
        assert gate.search(normalise(text).folded) is not None, text
    for text in ("周六上午九点东湖绿道集合骑车，记得带水和头盔", "今 天 谁 去 打 球"):
        assert gate.search(normalise(text).folded) is None, text


def test_illegal_gate_never_hides_an_offer_in_a_clause(readable: list[str]) -> None:
    gate, rx = signals._illegal_offer_gate(), signals._illegal_offer()
    assert gate is not None
    shut = 0
    for text in [*LINES, *readable]:
        scan = _scan(text)
        if gate.search(scan.n.folded) is None:
            shut += 1
            assert not any(rx.search(x) for x in scan.clauses()), text
    assert shut > len(readable) // 2  # most messages name no illegal goods: the clauses are not read


@pytest.mark.parametrize("text", LINES)
def test_illegal_deal_same_with_and_without_gate(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = _spec("illegal_deal")
    new = _finding(signals._illegal_deal(_scan(text), spec))
    monkeypatch.setattr(signals, "_illegal_offer_gate", lambda: None)
    assert new == _finding(signals._illegal_deal(_scan(text), spec))


def test_illegal_deal_still_cites_the_offers() -> None:
    spec = _spec("illegal_deal")
    for text in ("出一个肾源，配型已做好，有需要的私聊", "代開各類正規發票，價格美麗，懂的來"):
        assert signals._illegal_deal(_scan(text), spec) is not None, text
    for text in ("肾移植配型要做哪些检查？我爸下个月排队等肾源", "有人私聊说能买到肾源，都是骗子，别信"):
        assert signals._illegal_deal(_scan(text), spec) is None, text


# --- _chain_letter_in: the word tree answers first -----------------------------------------------------------------
def test_chain_may_never_hides_a_chain_letter(readable: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    shut = []
    for text in [*LINES, *readable]:
        scan = _scan(text)
        for form in dict.fromkeys((scan.n.compact, signals.in_mandarin(scan.n.compact))):
            if not signals._chain_may(scan, form):
                shut.append((text, form))
    assert len(shut) > len(readable) // 2
    monkeypatch.setattr(signals, "_chain_may", lambda scan, c: True)
    for text, form in shut:
        assert signals._chain_letter_in(_scan(text), form) is None, text


@pytest.mark.parametrize("text", LINES)
def test_chain_letter_same_with_and_without_the_look(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = _spec("chain_letter")
    new = _finding(signals._chain_letter(_scan(text), spec))
    monkeypatch.setattr(signals, "_chain_may", lambda scan, c: True)
    assert new == _finding(signals._chain_letter(_scan(text), spec))


def test_chain_letters_still_found() -> None:
    spec = _spec("chain_letter")
    for text in ("转发给10个群，不转就倒霉三年", "轉發俾屋企人，唔轉就會有壞事發生", "紧急通知：本群明天解散，不回复的自动退群"):
        assert signals._chain_letter(_scan(text), spec) is not None, text
    assert signals._chain_letter(_scan("那条是谣言，别转了"), spec) is None


# --- disabled_slur behind its literals -----------------------------------------------------------------------------
def test_disabled_slur_gated_finds_what_the_pattern_finds(readable: list[str]) -> None:
    gated = signals.disabled_slur()
    assert hasattr(gated, "rx")  # behind a first look
    for text in [*LINES, *readable]:
        own = _scan(text).own_words()
        assert [m.span() for m in gated.finditer(own)] == [m.span() for m in gated.rx.finditer(own)], text
    assert gated.search("瘫子就该待在家里，别出来丢人") and gated.search("坐轮椅的就别出门给别人添麻烦")
    assert gated.search("我们坐轮椅的就是出门不方便，大家多体谅") is None


# --- emoji flood: too few emoji before the lone ones are taken out ------------------------------------------------
@pytest.mark.parametrize("text", LINES)
def test_emoji_flood_same_as_before(text: str) -> None:
    spec = _spec("emoji_flood")
    assert _finding(signals._emoji_flood(_scan(text), spec)) == _finding(_old_emoji_flood(_scan(text), spec))


def test_emoji_flood_counts_a_wall_not_separators() -> None:
    spec = _spec("emoji_flood")
    assert signals._emoji_flood(_scan("😀😀😀😀😀😀😀😀😀😀😀😀😀😀 早上好"), spec) is not None
    assert signals._emoji_flood(_scan("😀加😀我😀微😀信😀领😀资😀料"), spec) is None
    assert signals._emoji_flood(_scan("好🌹🌹🌹🌹🌹早"), spec) is None


# --- dismissal: a first look for 滚 ----------------------------------------------------------------------------------
def test_dismissal_gate_never_hides_a_clause(readable: list[str]) -> None:
    gate, rx = signals._dismissal_gate(), signals.dismissal_clause()
    assert gate is not None
    shut = 0
    for text in [*LINES, *readable]:
        own = _scan(text).own_words()
        if gate.search(own) is None:
            shut += 1
            assert not any(rx.fullmatch(signals._squeezed(p)) for p in signals._CLAUSES.split(own)), text
    assert shut > len(readable) // 2


@pytest.mark.parametrize("text", LINES)
def test_dismissal_same_with_and_without_gate(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = _spec("dismissal")
    new = _finding(signals._dismissed(_scan(text), spec))
    monkeypatch.setattr(signals, "_dismissal_gate", lambda: None)
    assert new == _finding(signals._dismissed(_scan(text), spec))


def test_dismissal_still_found() -> None:
    spec = _spec("dismissal")
    assert signals._dismissed(_scan("少在这里卖惨，烦死了，滚"), spec) is not None
    assert signals._dismissed(_scan("你們都給我滾出去"), spec) is not None
    assert signals._dismissed(_scan("滚滚长江东逝水，今晚读三国"), spec) is None


# --- normalise: spelled numerals in a handle spelled apart --------------------------------------------------------
def test_spaced_numerals_same_as_before(readable: list[str]) -> None:
    for text in [*LINES, *readable]:
        folded = normalise(text).decorated  # the folded text as normalise reads it at that step (pictographs kept)
        assert norm._read_spaced_numerals(folded) == _old_read_spaced_numerals(folded), text
    assert norm._read_spaced_numerals("加 v t a o 一 二 三 四 五 领资料") == "加 v t a o 1 2 3 4 5 领资料"
    assert norm._read_spaced_numerals("t a o 一 二") == "t a o 一 二"


@pytest.mark.parametrize("text", LINES)
def test_normalise_same_as_before(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    new = norm.normalise.__wrapped__(text)
    with _old_paths(monkeypatch):
        assert norm.normalise.__wrapped__(text) == new


# --- detect's plain lists on the compact text ------------------------------------------------------------------
def _report_fields(text: str) -> tuple[Any, ...]:
    r = signals.detect(normalise(text))
    return ([s.as_dict() for s in r.signals], r.sign_up, r.roster, r.price_ask, r.own_item, r.used_item, r.rule_notice,
            r.job_post, r.attacks, r.chatter, r.substantive, r.social)


def test_scan_said_searches_only_where_the_tree_found_a_word(monkeypatch: pytest.MonkeyPatch) -> None:
    scan = _scan("周六上午九点东湖绿道集合骑车，记得带水和头盔")
    searched: list[str] = []
    rx = scan.lex.words["rule_notice"]

    class Counting:
        def search(self, text: str) -> Any:
            searched.append(text)
            return rx.search(text)

    monkeypatch.setitem(scan.lex.words, "rule_notice", Counting())
    assert scan.said("rule_notice", scan.n.compact) is False
    assert searched == []  # no rule word in the compact text: not searched
    assert scan.said("rule_notice", "群规：禁止发广告") is True  # a text not walked: searched as before
    assert searched == ["群规：禁止发广告"]
    walked = []
    hits = scan.lex.hits
    assert hits is not None
    walk = hits.present
    monkeypatch.setattr(hits, "present", lambda text: walked.append(text) or walk(text))
    assert scan.said("rule_notice", "那本书的规则") is False
    assert walked == []  # no walk is made for it


@pytest.mark.parametrize("text", LINES)
def test_detect_report_same_as_before(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    new = _report_fields(text)
    with _old_paths(monkeypatch):
        assert new == _report_fields(text)


def test_detect_fields_still_read() -> None:
    r = {t: signals.detect(normalise(t)) for t in LINES}
    assert r["接龙报名周六徒步\n1. 5-302 两份\n2. 王姐 一箱\n3. 李哥 三份"].roster
    assert r["这个拍立得二手价格合理吗？"].price_ask
    assert r["自己用了两年的佳能相机出掉，搬家带不走"].used_item
    assert r["自己用咗十年嘅單車，平放"].own_item  # Cantonese, read in its Mandarin form
    assert r["群规：禁止发广告，违者踢出"].rule_notice
    assert r["招聘 前台文员 月薪5000 双休"].job_post
    assert not any(r["周六上午九点东湖绿道集合骑车，记得带水和头盔"].__getattribute__(f)
                   for f in ("sign_up", "price_ask", "own_item", "rule_notice", "job_post"))


# --- the whole verdict ---------------------------------------------------------------------------------------------
def test_verdicts_same_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    prof = load_profile(DATA_DIR / "profiles" / "reading.yaml")

    new = verdict_lines(prof, LINES, "书友", 3)
    with _old_paths(monkeypatch):
        assert verdict_lines(prof, LINES, "书友", 3) == new
    assert any('"label": "ad"' in v for v in new) and any('"label": "spam"' in v for v in new)
