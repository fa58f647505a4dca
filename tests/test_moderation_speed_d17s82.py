"""Round 82 (d17s82), issue 17's speed on a real chat's traffic (texts seen once, most without a Latin letter or digit):
three pieces of work that were done per message although their answer was known or not needed — with the same answers,
findings and verdicts.

- ``SignalTable.idle`` (which signals the one walk of the word tree rules out) tested every signal's mask and ways
  against the message's lists; its cache hardly ever hits on new texts. It now reads the signals each present list
  wakes from an index (``SignalTable._wake``).
- ``offtopic.unknown_nouns`` read a new word's class with jieba's part-of-speech cut (``new_word_class``, ~0.4 ms) before
  the checks that need no class — a word seen in the chat corpora decides nothing whatever its class.
- ``pipeline._quoted_as_written`` put a quoted item back as written through ``re.sub`` with a pattern compiled per item
  (~1.2 ms); ``pipeline._quote_back`` does the same replacement with a find loop.

The messages are written for these tests: a hanfu (汉服) group's and a gaming group's lines with their own jargon
(宋制, 马面, 开黑), zero-width characters between the words of an ad, a message spaced character by character,
full-width letters and digits, Traditional and Cantonese lines, a Traditional insult quoted back as written, a message
that is an insult and an ad at once (two families), and hard negatives: everyday chat that must stay ok.
"""

from __future__ import annotations

import json
import random
from functools import cache

import pytest
from moderation_say import verdict_lines

from benchmarks.ab_moderation import _old82_quote_back, _old82_unknown_nouns
from copilot.evals.evasions import expand
from copilot.evals.moderation import DATA_DIR, load_set
from copilot.moderation import group_talk, offtopic, pipeline, signals
from copilot.moderation.normalise import normalise
from copilot.profile import load_profile

MESSAGES = [
    "周末汉服雅集，大家记得穿宋制褙子来，拍照好看",
    "我新入的明制马面裙到了，织金的，太好看了",
    "睫角那里再收一点，宋制的领子就正了",
    "晚上开黑上分缺一个辅助，有人吗",
    "加\u200b微\u200b信 hanfu888 领优惠券，汉服批发价",  # zero-width characters between the words
    "私 聊 我 领 取 优 惠 券",  # spaced character by character
    "ｖｘ：ｈａｎｆｕ２０２６ 全场五折包邮",  # full-width
    "這套漢服的形制很正，下次雅集我也想穿",  # Traditional
    "今晚食咗飯未？聽日去睇漢服展啊",  # Cantonese
    "幹你娘，你這個白癡懂什麼形制",  # a Traditional insult, quoted back as written
    "你个白痴，滚出去，要正品加我微信 abc12345",  # an insult and an ad at once
    "好的，收到，周六见",
    "老吐槽这个也没用，跌成这样谁也没办法",
]


def _old_idle(table: signals.SignalTable, present: frozenset[str]) -> frozenset[str]:
    """The definition: a signal of ``needs`` is idle when its mask is not there and none of its ways is all there."""
    return frozenset(name for name, (sets, mask) in table.needs.items()
                     if not (mask and mask in present) and not any(way <= present for way in sets))


def _present(n: signals.Normalised) -> frozenset[str]:
    hits = signals.lexicons().hits
    assert hits is not None
    return hits.present(n.compact)


@pytest.mark.parametrize("text", MESSAGES)
def test_idle_is_the_definition(text: str) -> None:
    table = signals.signal_table()
    present = _present(normalise(text))
    table._idle.pop(present, None)  # computed, not remembered
    assert table.idle(present) == _old_idle(table, present)


def test_the_index_holds_every_way_and_mask() -> None:
    table = signals.signal_table()
    by_list, several, names = table._wake()
    assert names == frozenset(table.needs)
    for name, (sets, mask) in table.needs.items():
        if mask:
            assert name in by_list[mask]
        for way in sets:
            assert (name in by_list[next(iter(way))]) if len(way) == 1 else ((name, way) in several)
    assert several  # some signals need two lists at once (a combo)


def test_a_combo_needs_all_its_lists() -> None:
    table = signals.signal_table()
    name, way = table._wake()[1][0]
    one = frozenset(list(way)[:1])
    assert name not in table.idle(way) or table.needs[name][1] in way  # all its lists: awake
    assert table.idle(one) == _old_idle(table, one)
    assert table.idle(frozenset()) == frozenset(table.needs)  # no list at all: every signal of needs is idle


def test_an_insult_and_an_ad_wake_both_families() -> None:
    table = signals.signal_table()
    present = _present(normalise("你个白痴，滚出去，要正品加我微信 abc12345"))
    idle = table.idle(present)
    awake = frozenset(table.needs) - idle
    labels = {spec.label for spec in table.specs if spec.name in awake}
    assert {"ad", "abuse"} <= labels


def test_the_index_follows_the_needs_put_in(monkeypatch: pytest.MonkeyPatch) -> None:
    table = signals.signal_table()
    present = _present(normalise("你个白痴，滚出去，要正品加我微信 abc12345"))
    assert table.idle(frozenset())  # the index built for the table's own needs
    with monkeypatch.context() as m:  # another needs (as a test or the A/B harness puts in): no signal skipped
        m.setitem(table.__dict__, "needs", {})
        m.setitem(table.__dict__, "_idle", {})
        assert table.idle(present) == frozenset() and table.idle(frozenset()) == frozenset()
    table._idle.pop(present, None)
    assert table.idle(present) == _old_idle(table, present)  # … and its own again once it is back


@cache
def _readable() -> list[frozenset[str]]:
    """The lists present in every third readable moderation row (never a locked or blind split; a third keeps it cheap),
    each text once."""
    names = ["tuning.jsonl", "messages.jsonl", "evasions.jsonl"] + sorted(p.name for p in DATA_DIR.glob("dev*.jsonl"))
    texts = list(dict.fromkeys(expand(row) for name in names for row in load_set(name)))[::3]
    return list(dict.fromkeys(_present(normalise(t)) for t in texts))


def test_idle_as_the_definition_on_a_third_of_the_readable_rows() -> None:
    table = signals.signal_table()
    sets = _readable()
    assert len(sets) > 2_000  # nearly every text has its own set of lists: why idle is mostly computed
    for present in sets:
        table._idle.pop(present, None)
        assert table.idle(present) == _old_idle(table, present)


# the loop before round 82 (a new word's class read first) and the quoting before it, as the reference: the same old
# paths the A/B harness times (one copy of each)
_old_unknown_nouns = _old82_unknown_nouns
_old_quote_back = _old82_quote_back


@pytest.mark.parametrize("text", MESSAGES)
@pytest.mark.parametrize("known", [frozenset(), frozenset({"宋制", "开黑"})])
def test_unknown_nouns_as_before(text: str, known: frozenset[str]) -> None:
    odd: list[str] = []
    old_odd: list[str] = []
    assert offtopic.unknown_nouns(text, known, odd) == _old_unknown_nouns(text, known, old_odd)
    assert odd == old_odd


def test_jargon_and_pieces() -> None:
    odd: list[str] = []
    assert offtopic.unknown_nouns("睫角那里再收一点，宋制的领子就正了", odd=odd) == ["睫角", "宋制", "领子"]
    assert odd == ["再收"]  # a piece of a phrase: something we cannot read, no jargon
    odd = []
    assert offtopic.unknown_nouns("老吐槽这个也没用，跌成这样谁也没办法", odd=odd) == []
    assert odd == ["老吐槽", "跌成"]


def _classes_asked(monkeypatch: pytest.MonkeyPatch, text: str) -> list[str]:
    asked: list[str] = []
    real = offtopic.new_word_class

    def spy(word: str) -> str | None:
        asked.append(word)
        return real(word)
    monkeypatch.setattr(offtopic, "new_word_class", spy)
    offtopic.unknown_nouns(text, odd=[])
    return asked


def test_a_word_seen_in_the_corpora_is_not_tagged(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = offtopic._unknown_noun_rule()[3]
    assert "开黑" in seen and offtopic.word_class("开黑") is None  # a new word to jieba, said in the chat corpora
    assert "开黑" not in _classes_asked(monkeypatch, "晚上开黑上分缺一个辅助，有人吗")


def test_an_unseen_new_word_is_still_tagged(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _classes_asked(monkeypatch, "周末汉服雅集，大家记得穿宋制褙子来，拍照好看") == ["宋制"]


def test_jargon_of_the_group_talk_as_before() -> None:
    text = "我新入的明制马面裙到了，织金的，太好看了"
    assert "马面" in group_talk.jargon(text)


@pytest.mark.parametrize(("reason", "shown", "own"), [
    ("辱骂（0.95）：含辱骂用语：干你娘、白痴", "干你娘", "幹你娘"),
    ("辱骂（0.95）：含辱骂用语：白痴", "白痴", "白癡"),
    ("转发链（0.80）：含“转发”", "转发", "轉發"),  # inside a Chinese word of the reason's own: stays
    ("含：转发、转发", "转发", "轉發"),
    ("广告：ｖｘ vx、vx", "vx", "ｖｘ"),
    ("白痴白痴", "白痴", "白癡"),  # touching each other: neither is quoted alone
    ("", "白痴", "白癡"),
    ("a\\1b", "a", "\\1"),  # a replacement with a backslash is put as it is
])
def test_quote_back_as_the_pattern(reason: str, shown: str, own: str) -> None:
    assert pipeline._quote_back(reason, shown, own) == _old_quote_back(reason, shown, own)


def test_quote_back_on_random_texts() -> None:
    rng = random.Random(82)
    alphabet = ["干", "你", "娘", "a", "：", "（", "、", " ", "\u4dff", "\u4e00", "\u9fff", "\ua000", "幹"]
    quoted = ["干你", "你", "a", "娘娘", "干", "\u4dff", "\ua000a", "：干"]  # a few patterns (each compiled once)
    for _ in range(3000):
        reason = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        shown = rng.choice(quoted)
        assert pipeline._quote_back(reason, shown, "X") == _old_quote_back(reason, shown, "X")


def _old_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    table = signals.signal_table()

    def idle(self: signals.SignalTable, present: frozenset[str]) -> frozenset[str]:
        return _old_idle(self, present)
    monkeypatch.setattr(signals.SignalTable, "idle", idle)
    monkeypatch.setattr(offtopic, "unknown_nouns", _old_unknown_nouns)
    monkeypatch.setattr(group_talk, "unknown_nouns", _old_unknown_nouns)
    monkeypatch.setattr(pipeline, "_quote_back", _old_quote_back)
    table._idle.clear()


def test_verdicts_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    prof = load_profile(DATA_DIR / "profiles" / "reading.yaml")
    new = verdict_lines(prof, MESSAGES, "书友", 4)
    _old_paths(monkeypatch)
    assert verdict_lines(prof, MESSAGES, "书友", 4) == new
    verdicts = [json.loads(v) for v in new]
    labels = [v["label"] for v in verdicts]
    assert "ok" in labels and "ad" in labels and "abuse" in labels
    assert any("幹你娘" in v["reason"] for v in verdicts)  # the Traditional insult quoted back as written
    assert verdicts[MESSAGES.index("好的，收到，周六见")]["label"] == "ok"


def test_quote_back_of_an_empty_item_leaves_the_reason_and_returns() -> None:
    # (an empty item would make str.find stand still at every place: the loop must not spin in a live hook)
    assert pipeline._quote_back("辱骂（0.95）：含辱骂用语：白痴", "", "X") == "辱骂（0.95）：含辱骂用语：白痴"
    assert pipeline._quote_back("", "", "X") == ""
