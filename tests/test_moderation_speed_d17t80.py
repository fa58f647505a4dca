"""Round 80 (d17t80), issue 17's speed: :func:`signals.detect` rules out the six detectors that read only the writer's
own words (disabled_slur, belittle, dismissal, sneer, veiled, sarcasm) with one search for the strings every match of
their patterns contains (``signals._own_words_gate``), and skips its chatter search where the word tree's walk of the
compact text found no chatter word (``Scan.walked_out``) — with the same findings and verdicts as before.

The messages are written for these tests: a hiking club's lines with each of the six put-downs, their hard negatives
(滚 inside a word or told of someone else, a taunt beside warmth), zero-width characters, spaces between the characters,
full-width letters, Traditional and Cantonese, game slang for the chatter list, and an insult and an ad in one message.
"""

from __future__ import annotations

import json

import pytest
from moderation_say import verdict_lines

from copilot.evals.evasions import expand
from copilot.evals.moderation import DATA_DIR, load_set
from copilot.moderation import signals
from copilot.moderation.normalise import normalise
from copilot.profile import load_profile

SIX = {"disabled_slur", "belittle", "dismissal", "sneer", "veiled", "sarcasm"}

# (message, the one of the six it shows, or None)
FORMS = [
    ("瞎子就别出来乱逛，挡着大家的路", "disabled_slur"),
    ("瘸子就该待在家里，还来报名徒步", "disabled_slur"),
    ("瞎\u200b子就别出来乱逛", "disabled_slur"),  # a zero-width character inside the slur
    ("有些人走两步就喘还好意思当领队", "belittle"),
    ("少在这里卖惨，烦死了，滚", "dismissal"),
    ("你这水平也敢带队？", "sneer"),
    ("你以為你是誰，還敢帶隊", "sneer"),  # Traditional
    ("你估你係邊個，仲敢帶隊", "sneer"),  # Cantonese
    ("建议你先去看看医生再来带队", "veiled"),
    ("真专业啊，带了三年还会迷路", "sarcasm"),
    ("你带路真厉害，佩服佩服", "sarcasm"),
]
NEGATIVES = [
    "滚滚滚，周一又要上班了",  # 滚 as a groan, not a clause told to someone
    "他让我滚，我就走了",  # told of someone else
    "今天爬山像滚雪球一样越走越累",  # 滚 inside a word
    "加油，下次我陪你练，你这水平也敢带队哈哈",  # a taunt beside warmth: banter
    "瞎 子 就 别 出 来 乱 逛",  # spaces between the characters: read as an evasion, not as the slur
]
PLAIN = [
    "周日徒步路线定了，早上八点地铁站集合",
    "今晚上分吗，五排来人",  # game slang: the chatter list
    "哈哈哈哈好的",
    "明天下雨的话改去室内攀岩馆，费用AA",
    "ｖｘ：ｈｉｋｅ２０２６，你以為你是誰",  # full-width letters and digits, a contact and a sneer
    "你以为你是谁，户外装备厂家直销，加我微信 hike2026 私聊",  # an insult and an ad in one message
]
MESSAGES = [text for text, _ in FORMS] + NEGATIVES + PLAIN


def _before(monkeypatch: pytest.MonkeyPatch) -> None:
    """detect as before round 80's d17t80 step: the six run on every message, the chatter list searched on every one."""
    monkeypatch.setattr(signals, "_own_words_gate", lambda: None)
    monkeypatch.setattr(signals.Scan, "walked_out", lambda self, key, text: False)


def _reports(n: signals.Normalised) -> list[str]:
    return [repr(signals.detect(n)), repr(signals.detect(n, unnamed=True, ad_prob=0.9)),
            repr(signals.detect(n, shop=True, platform="qq", topic_text="徒步 登山 露营"))]


def _own_words(text: str) -> str:
    n = normalise(text)
    return signals.Scan(n, signals.lexicons(), signals.signal_table().thresholds, (), None, "").own_words()


def test_the_gate_covers_the_six_detectors() -> None:
    assert signals._own_words_gate() is not None
    assert signals.signal_table().own_words_gated == SIX


@pytest.mark.parametrize(("text", "name"), FORMS)
def test_each_form_passes_the_gate_and_is_found(text: str, name: str) -> None:
    gate = signals._own_words_gate()
    assert gate is not None and gate.search(_own_words(text)) is not None
    assert name in {s.name for s in signals.detect(normalise(text)).signals}


@pytest.mark.parametrize("text", ["周日徒步路线定了，早上八点地铁站集合", "今晚上分吗，五排来人", "哈哈哈哈好的"])
def test_plain_chat_is_ruled_out(text: str) -> None:
    gate = signals._own_words_gate()
    assert gate is not None and gate.search(_own_words(text)) is None
    report = signals.detect(normalise(text))
    assert not SIX & {s.name for s in report.signals}


def test_chatter_still_found_and_walked_out_only_without_a_word() -> None:
    n = normalise("今晚上分吗，五排来人")
    assert signals.detect(n).chatter == ["上分", "五排"]
    scan = signals.Scan(n, signals.lexicons(), signals.signal_table().thresholds, (), None, "")
    assert not scan.walked_out("chatter", n.compact)  # no walk made yet: never ruled out
    scan.present(n.compact)
    assert not scan.walked_out("chatter", n.compact)  # the walk found a chatter word
    plain = normalise("周日徒步路线定了，早上八点地铁站集合")
    scan = signals.Scan(plain, signals.lexicons(), signals.signal_table().thresholds, (), None, "")
    scan.present(plain.compact)
    assert scan.walked_out("chatter", plain.compact)
    assert signals.detect(plain).chatter == []


def test_the_negatives_show_none_of_the_six() -> None:
    for text in NEGATIVES:
        assert not SIX & {s.name for s in signals.detect(normalise(text)).signals}, text


@pytest.mark.parametrize("text", MESSAGES)
def test_findings_as_before(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    n = normalise(text)
    kept = _reports(n)
    _before(monkeypatch)
    assert _reports(n) == kept


def _readable() -> list[str]:
    """Every readable moderation row's text, as the hook reads it (never a locked or blind split)."""
    names = ["tuning.jsonl", "messages.jsonl", "evasions.jsonl"] + sorted(p.name for p in DATA_DIR.glob("dev*.jsonl"))
    return [expand(row) for name in names for row in load_set(name)]


def test_findings_as_before_on_every_readable_row(monkeypatch: pytest.MonkeyPatch) -> None:
    ns = [normalise(text) for text in dict.fromkeys(_readable())]
    kept = [repr(signals.detect(n, unnamed=True)) for n in ns]
    gate = signals._own_words_gate()
    assert gate is not None
    table = signals.signal_table()
    ruled_out = sum(gate.search(signals.Scan(n, signals.lexicons(), table.thresholds, (), None, "").own_words()) is None
                    for n in ns[:2000])
    assert ruled_out > 1000  # the gate rules the six out for most messages
    _before(monkeypatch)
    assert [repr(signals.detect(n, unnamed=True)) for n in ns] == kept


LINES = MESSAGES + ["周六露营有人拼车吗", "谁有登山杖可以借我一下，周末还", "护膝在哪买比较好？"]


def test_verdicts_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    prof = load_profile(DATA_DIR / "profiles" / "reading.yaml")
    new = verdict_lines(prof, LINES, "山友", 5)
    _before(monkeypatch)
    assert verdict_lines(prof, LINES, "山友", 5) == new
    labels = [json.loads(v)["label"] for v in new]
    assert "ok" in labels and len(set(labels)) > 1
