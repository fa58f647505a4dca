"""Round 81 (d17s81), issue 17's speed: a pattern every match of which holds several decimal digits (a landline, a Hong
Kong or Taiwan mobile, a QQ number) is searched only in a text with that many digits (:func:`literals.fewest_digits`,
:class:`literals.DigitGated`: one possessive count from the text's start, before the literal gate and the pattern's own
search, which opens with look-behinds the engine tries at every place) — with the same matches, findings and verdicts.

The messages are written for these tests: a hiking club's and a tutoring group's lines with a Shanghai landline, a
400 service line, a Taipei and a Hong Kong mobile, a QQ number, written plainly, in full-width digits, with zero-width
characters and spaces between the digits, in Traditional characters, a message that gives a landline and a WeChat id
(two families), and hard negatives: times, prices, dates and order numbers with a few digits.
"""

from __future__ import annotations

import json
import re
from dataclasses import fields
from functools import cache

import pytest
from moderation_say import verdict_lines

from copilot.evals.evasions import expand
from copilot.evals.moderation import DATA_DIR, load_set
from copilot.moderation import literals, signals
from copilot.moderation.literals import DigitGated, fewest_digits
from copilot.moderation.normalise import normalise
from copilot.profile import load_profile

# (message, a signal it shows or None)
MESSAGES = [
    ("周六徒步改期了，有问题打俱乐部座机 021-6234 5678 问前台", "landline"),
    ("报名咨询请致电 400-820-8820，工作日九点到六点", "landline"),
    ("報名請打 02-2345-6789 找林老師，名額有限", "business"),  # Traditional; a two-digit area code is read as no landline
    ("台灣的朋友可以直接打 0912-345-678 問我行程", "landline"),  # Taiwan mobile (a foreign number)
    ("香港團友聯絡 +852 6123 4567 報名，收費每位 300 蚊", "landline"),  # Hong Kong mobile with a fee
    ("座机：０２１－６２３４５６７８，随时来电咨询课程", "evasion"),  # full-width digits: a hiding spelling
    ("座机 0\u200b2\u200b1-6\u200b2\u200b3\u200b4 5\u200b6\u200b7\u200b8 有事打", "landline"),  # zero-width characters
    ("补课咨询 0 2 1 6 2 3 4 5 6 7 8，一对一辅导", "evasion"),  # spaced digits
    ("数学一对一辅导，座机 021-6234 5678，微信 tutor_zhang88，包提分", "landline"),  # two families
    ("要资料的加 QQ 123456789，免费送", "contact"),
    ("周六早上 8 点在地铁站 2 号口集合，带 2 瓶水", None),  # a few digits: a time and a count
    ("这次活动每人 AA 35 元，12 号前交给我", None),
    ("订单号 20261207 已经发货了，大家注意查收", None),  # eight digits, no landline
    ("今天天气不错，大家周末愉快", None),
]
DIGIT_PATTERNS = ("landline", "foreign_mobile", "qq_num")


def _forms(n: signals.Normalised) -> list[str]:
    return [n.raw, n.folded, n.compact, n.digits]


@pytest.mark.parametrize(("pattern", "fewest"), [
    (r"\d{3}-\d{4}", 7),
    (r"a|\d\d", 0),  # one branch needs none
    (r"(?:\d){2,5}x", 2),
    (r"[0-9０-９]{4}", 4),  # full-width digits are digits too
    (r"[\da]{5}", 0),  # a class with a letter in it
    (r"(?<=\d{3})x", 0),  # a look-behind consumes nothing
    (r"(?:0\d{2,3}-)?[2-9]\d{6}", 7),  # an optional area code
    (r"[^0-9]\d", 1),
])
def test_fewest_digits_reads_the_pattern(pattern: str, fewest: int) -> None:
    assert fewest_digits(re.compile(pattern)) == fewest


def test_the_number_patterns_are_counted_first() -> None:
    pats = signals.patterns()
    counted = {f.name: getattr(pats, f.name).digits for f in fields(pats) if isinstance(getattr(pats, f.name), DigitGated)}
    assert set(counted) == set(DIGIT_PATTERNS)
    assert counted["landline"] == 10 and counted["foreign_mobile"] == 8 and counted["qq_num"] == 5
    # a mobile's literals (13…19) are a good first look already: no count (it would only add a search)
    assert not isinstance(pats.phone, DigitGated)


@pytest.mark.parametrize(("text", "shows"), MESSAGES)
def test_every_match_holds_its_digits_and_the_gate_answers_as_the_pattern(text: str, shows: str | None) -> None:
    pats, n = signals.patterns(), normalise(text)
    for name in DIGIT_PATTERNS:
        g = getattr(pats, name)
        for form in _forms(n):
            found = [(m.span(), m.groups()) for m in g.finditer(form)]
            assert found == [(m.span(), m.groups()) for m in g.rx.finditer(form)]
            assert g.findall(form) == g.rx.findall(form)
            assert g.sub("#", form) == g.rx.sub("#", form)
            assert bool(g.search(form)) == bool(g.rx.search(form))
            for m in g.rx.finditer(form):
                assert len(re.findall(r"\d", m.group(0))) >= g.digits


@pytest.mark.parametrize(("text", "shows"), MESSAGES)
def test_findings_as_with_the_literal_gate_only(text: str, shows: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    n = normalise(text)
    new = signals.detect(n, topic_text="徒步 补课", ad_prob=0.6)
    if shows is not None:
        assert shows in new.names()
    _before(monkeypatch)
    assert repr(signals.detect(n, topic_text="徒步 补课", ad_prob=0.6)) == repr(new)


def test_two_families_in_one_message() -> None:
    report = signals.detect(normalise("数学一对一辅导，座机 021-6234 5678，微信 tutor_zhang88，包提分"), ad_prob=0.6)
    assert {"landline", "contact"} <= set(report.names())
    assert any("tutor_zhang88" in c for c in report.contacts)


class _Counting:
    def __init__(self, rx: re.Pattern[str], calls: list[str], name: str) -> None:
        self.rx, self.calls, self.name = rx, calls, name

    def __getattr__(self, attr: str) -> object:
        self.calls.append(self.name)
        return getattr(self.rx, attr)


@pytest.mark.parametrize("text", ["周六早上 8 点在地铁站 2 号口集合，带 2 瓶水", "这次活动每人 AA 35 元，12 号前交给我",
                                  "台风天取消，0 点前通知大家"])
def test_few_digits_run_no_number_pattern(text: str) -> None:
    pats, calls = signals.patterns(), []
    counted = [getattr(pats, name) for name in DIGIT_PATTERNS]
    assert any(g.gate.search(signals.normalise(text).folded) for g in counted)  # the literal gate alone would let it in
    for g in counted:
        g.rx = _Counting(g.rx, calls, g.pattern[:20])
    try:
        report = signals.detect(normalise(text))
    finally:
        for g in counted:
            g.rx = g.rx.rx
    assert calls == []
    assert "landline" not in report.names() and not report.contacts


def _before(monkeypatch: pytest.MonkeyPatch) -> None:
    """The patterns as before round 81: behind their literal gate only (a count that lets every text through)."""
    pats = signals.patterns()
    for name in DIGIT_PATTERNS:
        monkeypatch.setattr(getattr(pats, name), "enough", re.compile(""))


@cache
def _readable() -> list[signals.Normalised]:
    """Every readable moderation row (never a locked or blind split), as the hook reads it, normalised; each text once."""
    names = ["tuning.jsonl", "messages.jsonl", "evasions.jsonl"] + sorted(p.name for p in DATA_DIR.glob("dev*.jsonl"))
    return [normalise(text) for text in dict.fromkeys(expand(row) for name in names for row in load_set(name))]


def test_the_count_never_hides_a_match_on_a_readable_row() -> None:
    pats = signals.patterns()
    counted = [getattr(pats, name) for name in DIGIT_PATTERNS]
    shut = 0
    for n in _readable():
        for form in (n.folded, n.digits):
            for g in counted:
                if g.enough.match(form) is None:
                    shut += 1
                    assert g.rx.search(form) is None
    assert shut > 10_000  # most rows hold too few digits for any of them


def test_verdicts_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    prof = load_profile(DATA_DIR / "profiles" / "reading.yaml")
    lines = [text for text, _ in MESSAGES]
    new = verdict_lines(prof, lines, "书友", 4)
    _before(monkeypatch)
    assert verdict_lines(prof, lines, "书友", 4) == new
    labels = [json.loads(v)["label"] for v in new]
    assert "ok" in labels and "ad" in labels


def test_a_pattern_without_literals_is_gated_on_its_digits_alone() -> None:
    rx = re.compile(r"(?<![0-9])\d{4}[-\s]?\d{4}(?![0-9])")
    g = literals.gated(rx)
    assert isinstance(g, DigitGated) and g.digits == 8
    for text in ("电话 1234 5678 找我", "12 点见", "１２３４５６７８", "无数字"):
        assert [m.span() for m in g.finditer(text)] == [m.span() for m in rx.finditer(text)]


# --- the word tree walked with one look-up a step (LexiconHits.steps) -----------------------------------------------

WALKED = [
    "周六徒步改期了，有问题打俱乐部座机 021-6234 5678 问前台",
    "加我微信领资料，私聊我发你",
    "加\u200b我\u200b微\u200b信领资料",  # zero-width characters between the characters
    "加 我 微 信 领 资 料",  # padded with spaces
    "ＶＸ：ｔｕｔｏｒ８８，私我",  # full-width letters and digits
    "報名請私訊我，名額有限，轉發給你的朋友",  # Traditional
    "你算老几，滚出去，加我微信买高仿包",  # an insult and an ad: two families
    "今天天气不错，大家周末愉快",
]


def _tree_words(hits: signals.LexiconHits) -> dict[str, frozenset[str]]:
    """Every word of the tree with the lists it belongs to, read off ``root`` (not the walk)."""
    out: dict[str, frozenset[str]] = {}

    def visit(node: dict[str, object], word: str) -> None:
        for ch, sub in node.items():
            if ch == hits.END:
                out[word] = sub  # type: ignore[assignment]
            else:
                visit(sub, word + ch)  # type: ignore[arg-type]
    visit(hits.root, "")
    return out


def _walk_root(hits: signals.LexiconHits, text: str) -> frozenset[str]:
    """The walk before round 81: two look-ups a step in ``root``."""
    out: set[str] = set()
    for i, ch in enumerate(text):
        node = hits.root.get(ch)
        j = i + 1
        while node is not None:
            out |= node.get(hits.END, frozenset())
            if j == len(text):
                break
            node = node.get(text[j])
            j += 1
    return frozenset(out)


@pytest.mark.parametrize("text", WALKED)
def test_the_walk_finds_every_list_with_a_word_written(text: str) -> None:
    hits = signals.lexicons().hits
    assert hits is not None
    words = _tree_words(hits)
    for form in {normalise(text).compact, normalise(text).folded, text}:
        expected = frozenset(k for w, keys in words.items() if w in form for k in keys)
        assert hits.present(form) == expected == _walk_root(hits, form)


def test_two_families_wake_both_kinds_of_list() -> None:
    hits = signals.lexicons().hits
    present = hits.present(normalise("你算老几，滚出去，加我微信买高仿包").compact)
    assert {"abuse.attack", "abuse.strong", "ad.invite", "ad.counterfeit"} <= present
    assert not {"abuse.attack", "abuse.strong", "ad.invite"} & hits.present(normalise("今天天气不错，大家周末愉快").compact)


def test_the_steps_are_the_root_tree() -> None:
    hits = signals.lexicons().hits
    assert hits.steps == signals.LexiconHits.steps_of(hits.root)
    node, keys = hits.steps["私"]
    assert keys is None or isinstance(keys, frozenset)
    assert set(node) == {ch for ch in hits.root["私"] if ch != hits.END}


def test_the_walk_as_before_on_every_readable_row() -> None:
    hits = signals.lexicons().hits
    for n in _readable():
        assert hits.present(n.compact) == _walk_root(hits, n.compact)
