"""Round 75 (d17d75): Scan.words reads the message's remembered answers (which plain lists have a word in the text, whether
the text has a Cantonese word) before asking for them — the same hits as asking each time, on realistic lines written
for this file (full-width and zero-width spellings, Traditional characters, Cantonese, a disclaimer the mask cuts)."""

from __future__ import annotations

import pytest

from copilot.moderation import signals
from copilot.moderation.normalise import normalise

LINES = [
    "新到一批進口奶粉，需要的私我，加VX：abc12345，量大從優",
    "加\u200b微\u200b信 ｖｘ１２３４５６７８ 领取免费资料，名额有限先到先得",
    "本群不接受广告，谁私聊你推销代购的都别信，直接举报",
    "你條友冇脑㗎，收声啦，唔好喺度嘈",
    "周六上午九点东湖绿道集合骑车，记得带水和头盔",
    "全场八折，进店有礼，团购价更低，详情看我朋友圈",
]


def _scan(text: str) -> signals.Scan:
    table = signals.signal_table()
    return signals.Scan(normalise(text), signals.lexicons(), table.thresholds, (), None, "", platform="qq")


def _asked_each_time(scan: signals.Scan, spec: signals.SignalSpec) -> list[str]:
    """Scan.words as it read before round 75: may() and dialect() asked on every call."""
    if not spec.words:
        return []
    text = scan.text(spec) if spec.mask else scan.n.compact
    if not scan.may(spec.words, text) and not scan.dialect(text):
        return []
    saved = scan._present, scan._dialect
    scan._present, scan._dialect = {}, {}  # nothing remembered: the hits are read afresh
    try:
        return signals.Scan.words(scan, spec)
    finally:
        scan._present, scan._dialect = saved


@pytest.mark.parametrize("text", LINES)
def test_words_same_hits_as_asking_each_time(text: str) -> None:
    specs = [s for s in signals.signal_table().specs if s.words]
    fast, slow = _scan(text), _scan(text)
    assert [fast.words(s) for s in specs] == [_asked_each_time(slow, s) for s in specs]


def test_words_walks_the_lists_once_per_text(monkeypatch: pytest.MonkeyPatch) -> None:
    scan = _scan(LINES[0])
    hits = scan.lex.hits
    assert hits is not None
    walks: list[str] = []
    walk = hits.present
    monkeypatch.setattr(hits, "present", lambda text: walks.append(text) or walk(text))
    specs = [s for s in signals.signal_table().specs if s.words]
    assert {scan.text(s) for s in specs} == {scan.n.compact}  # no mask phrase here: every list reads the compact text
    found = [scan.words(s) for s in specs]
    assert any(found)  # 私我 / 加VX: some lists have words here
    assert walks == [scan.n.compact]  # one walk of the text serves every list


def test_an_absent_list_finds_nothing_and_a_present_one_finds_its_cue() -> None:
    table = signals.signal_table()
    insult = next(s for s in table.specs if s.name == "insult")
    assert _scan(LINES[4]).words(insult) == []  # a ride plan has no insult
    assert _scan("你个废物，滚出去，别在群里丢人").words(insult)  # … an insult line has one


def test_full_width_and_zero_width_read_as_plain() -> None:
    invite = next(s for s in signals.signal_table().specs if s.name == "invite")
    hidden, plain = _scan(LINES[1]), _scan("加微信 vx12345678 领取免费资料，名额有限先到先得")
    assert hidden.words(invite) == plain.words(invite) != []


# --- offtopic.unknown_nouns: a word that cannot be jargon is passed over before jieba's tagger is asked about it ---------
JARGON_LINES = [
    ("今年的幼鸽换羽换到第几根了 13800138000", ["幼鸽", "换羽"]),
    ("我家宋制汉服的睫角绣坏了 abc_88 看看", ["宋制", "汉服", "睫角"]),
    ("周六上午九点东湖绿道集合 9点整", ["绿道"]),
]


@pytest.mark.parametrize(("text", "jargon"), JARGON_LINES)
def test_unknown_nouns_found_and_no_digit_run_tagged(monkeypatch: pytest.MonkeyPatch, text: str, jargon: list[str]) -> None:
    from copilot.moderation import offtopic

    asked: list[str] = []
    tag = offtopic.new_word_class
    monkeypatch.setattr(offtopic, "new_word_class", lambda w: asked.append(w) or tag(w))
    odd: list[str] = []
    assert offtopic.unknown_nouns(text, set(), odd) == jargon
    assert odd == []
    assert all(offtopic._HAN_WORD.fullmatch(w) for w in asked)  # 13800138000, abc_88: never a jargon word, never tagged


# --- classifier.telling_grams: a gram jieba's dictionary lacks is never a word of the cut; none left, no cut -----------
class _Grams:
    """A stand-in model whose top grams are given."""

    def __init__(self, grams: list[str]) -> None:
        self.grams = grams

    def top_grams(self, text: str, n: int = 3) -> list[str]:
        return self.grams[:n]


TELLING = [
    ("周末带孩子去东湖绿道骑车，要报名的私聊我", ["末带孩", "带孩", "东湖", "骑车", "私聊", "子去东"]),
    ("新到一批進口奶粉，量大從優，加微信咨询", ["到一批", "奶粉", "量大从优", "加微", "微信"]),
]


@pytest.mark.parametrize(("text", "grams"), TELLING)
def test_telling_grams_as_with_every_gram_cut(monkeypatch: pytest.MonkeyPatch, text: str, grams: list[str]) -> None:
    from copilot.moderation import classifier

    got = classifier.telling_grams(_Grams(grams), text, 3)
    assert got  # the reason names words of the message
    monkeypatch.setattr(classifier, "word_frequency", lambda w: 1)  # every gram kept for the cut to judge
    assert classifier.telling_grams(_Grams(grams), text, 3) == got


def test_telling_grams_does_not_cut_for_grams_no_dictionary_has(monkeypatch: pytest.MonkeyPatch) -> None:
    from copilot.moderation import classifier

    cut: list[str] = []
    spans = classifier.word_spans
    monkeypatch.setattr(classifier, "word_spans", lambda t: cut.append(t) or spans(t))
    assert classifier.telling_grams(_Grams(["末带孩", "子去东", "湖绿道骑"]), "周末带孩子去东湖绿道骑车", 3) == []
    assert cut == []  # none is a dictionary word: the message is not cut
    assert classifier.telling_grams(_Grams(["末带孩", "骑车"]), "周末带孩子去东湖绿道骑车", 3) == ["骑车"]
    assert cut  # … one is: the cut decides


# --- textnorm.may_hold: no dictionary word around a cue can hold it, so in_word is False without cutting the message ---
HOLD_LINES = [
    ("小区垃圾回收站几点开门", "回收", True),  # 回收站
    ("高价回收旧手机上门取货", "回收", False),
    ("出售者请注意，别被骗了", "出售", True),  # 出售者
    ("本人出售二手自行车，九成新", "出售", False),
]


@pytest.mark.parametrize(("text", "cue", "held"), HOLD_LINES)
def test_may_hold_agrees_with_in_word(text: str, cue: str, held: bool) -> None:
    from copilot.textnorm import in_word, may_hold

    s = text.index(cue)
    assert may_hold(text, s, s + len(cue)) is held
    assert in_word(text, s, s + len(cue)) is held


def test_may_hold_false_only_where_no_word_holds_the_span() -> None:
    from copilot.textnorm import in_word, may_hold

    lines = [normalise(t).compact for t, _, _ in HOLD_LINES] + [normalise(t).compact for t in LINES]
    spans = [(c, s, s + k) for c in lines for s in range(len(c)) for k in (1, 2, 3) if s + k <= len(c)
             and not c[s:s + k].isascii()]
    assert sum(not may_hold(*x) for x in spans) > len(spans) // 2  # most spans: nothing to cut for
    assert not [x for x in spans if not may_hold(*x) and in_word(*x)]


def test_whole_cue_not_cut_for_when_no_word_can_hold_it(monkeypatch: pytest.MonkeyPatch) -> None:
    rx = signals.alternation(["回收", "出售"])
    asked: list[str] = []
    held = signals.in_word
    monkeypatch.setattr(signals, "in_word", lambda t, a, b: asked.append(t[a:b]) or held(t, a, b))
    assert signals.cue_words(rx, "高价回收旧手机上门取货", whole=True) == ["回收"]
    assert asked == []  # no dictionary word around 回收: the message is not cut
    assert signals.cue_words(rx, "小区垃圾回收站几点开门", whole=True) == []  # 回收站 holds it
    assert asked == ["回收"]
