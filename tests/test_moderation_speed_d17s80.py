"""Round 80 (d17s80), issue 17's speed: the one walk of the word tree (``LexiconHits``) now also rules out the signal rows
that have a ``mask`` and a few detectors of their own shape, so :func:`signals.detect` skips them on a message where
they cannot find anything — with the same findings as walking every row.

* A row with a ``mask`` (ad_words, rude, qr, lure_reply, profile_pointer, promo_words, business, seller_form,
  counterfeit_deal) was never idle: cutting a mask phrase out could join two halves of a word. The walk now also answers
  for the mask (a word list's own key, or a pattern of patterns.yaml under ``patterns.``): with no match of the mask the
  row reads the compact text as it is, and its lists answer for it as for any row.
* ``signals._OWN_NEEDS``: pointer, business, seller_form, counterfeit_deal, fee_scam, kin_business find nothing unless
  one of a few sets of lists and patterns (``WALKED_PATTERNS``: buy_get, profile_look, kin_venture, like_genuine) all
  match the compact text.

The messages are written for these tests: a photography club's and a renting group's lines, with disclaimers and payment
notes (the masks), zero-width characters, spaces between the characters, full-width letters, Traditional and Cantonese,
and messages that hit two families at once (an insult and an ad).
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

NEW_ROWS = {"ad_words", "rude", "qr", "lure_reply", "profile_pointer", "promo_words", "business", "seller_form",
            "counterfeit_deal", "pointer", "fee_scam", "kin_business"}

MESSAGES = [
    "周六早上七点湿地公园拍鸟，想去的接龙",
    "不收中介费，房东直租，两室一厅 2800 一个月",  # a disclaimer (the mask of ad_words, business…) and no ad word
    "兼职日结，不收中介费，有意私聊",  # an ad word beside the disclaimer
    "扫码付款，备注姓名，外拍活动费每人 30",  # a payment note: the mask of lure_reply and profile_pointer
    "群公告里有报名二维码，扫码就行",  # a QR code in the group's own place: the mask of qr and promo_words
    "高仿单反镜头，与正品看不出区别，有需要的私我",
    "預付鑑定費，百分百上拍，有意私聊",  # Traditional: a fee before a sure result
    "我表姐在万达三楼开了家琴行，报我名字打八折，私聊",
    "买二送一，厂家直销，详情看我朋友圈",
    "加\u200b微\u200b信 领\u200b取免费教程，我统一发给你们，回复1",  # zero-width characters inside the words
    "ｖｘ：ｐｈｏｔｏ２０２６　私我，看我头像",  # full-width letters and digits
    "新 到 一 批 镜 头 ， 厂 家 直 销 ， 私 聊",  # spaces between the characters
    "你 个 菜 鸡，拍 成 这 样 还 好 意 思 发",  # an insult padded with spaces
    "佢哋啲相機好平，睇我主頁，私我攞價",  # Cantonese: nothing is idle
    "你个菜鸡，拍成这样还好意思发，兼职日结加我微信 photo2026",  # two families: an insult and an ad
    "今天的片子好看，不是广告，就是分享一下我拍的鸟",
]


def _present(text: str) -> frozenset[str]:
    hits = signals.lexicons().hits
    assert hits is not None
    return hits.present(normalise(text).compact)


def _every_row(monkeypatch: pytest.MonkeyPatch) -> None:
    """Walk every row of the table (no signal idle): what detect did before any row could be ruled out."""
    table = signals.signal_table()
    monkeypatch.setitem(table.__dict__, "needs", {})
    monkeypatch.setitem(table.__dict__, "_idle", {})
    monkeypatch.setitem(table.__dict__, "_to_run", {})


def _reports(n: signals.Normalised) -> list[str]:
    return [repr(signals.detect(n)), repr(signals.detect(n, unnamed=True, ad_prob=0.9)),
            repr(signals.detect(n, shop=True, platform="qq", topic_text="摄影 外拍 镜头"))]


def test_the_new_rows_are_answered_by_the_walk() -> None:
    table, lex = signals.signal_table(), signals.lexicons()
    assert lex.hits is not None
    assert set(table.needs) >= NEW_ROWS
    masks = {name: mask for name, (_, mask) in table.needs.items()}
    assert masks["ad_words"] == "ad.disclaimed" and masks["rude"] == "abuse.literal"
    assert masks["qr"] == masks["promo_words"] == signals.PATTERN_MASK + "group_qr"
    assert masks["lure_reply"] == masks["profile_pointer"] == signals.PATTERN_MASK + "reach_note"
    assert masks["pointer"] == masks["kin_business"] == ""
    for name in signals.WALKED_PATTERNS:  # every pattern a detector's needs name is in the walk
        assert signals.PATTERN_MASK + name in lex.hits.gated
    for sets, mask in table.needs.values():
        assert sets and all(sets)  # each way has a list the walk answers for
        assert not mask or mask in lex.hits.gated


def test_pattern_masks_are_the_rows_masks_that_are_no_word_list() -> None:
    lists = signals._word_lists(signals.lexicon_data())
    assert set(signals._pattern_masks(lists)) == {"reach_note", "group_qr"}
    lex = signals.lexicons()
    assert signals.mask_key("ad.disclaimed", lex) == "ad.disclaimed"
    assert signals.mask_key("reach_note", lex) == "patterns.reach_note"


def test_a_plain_message_idles_the_new_rows() -> None:
    idle = signals.signal_table().idle(_present("周六早上七点湿地公园拍鸟，想去的接龙"))
    assert idle >= NEW_ROWS  # no word of their lists, no mask phrase, no 买 (buy_get's literal)


@pytest.mark.parametrize(("text", "woken"), [
    ("不收中介费，房东直租，两室一厅", {"ad_words", "business", "seller_form", "counterfeit_deal"}),  # ad.disclaimed
    ("扫码付款，备注姓名，外拍活动费每人三十", {"lure_reply", "profile_pointer"}),  # reach_note
    ("报名表在群公告里，大家去填", {"qr", "promo_words"}),  # group_qr
    ("我表姐开了家照相馆", {"kin_business"}),  # kin_venture
    ("买两个镜头盖", {"business", "seller_form"}),  # buy_get's 买
    ("这支镜头与正品有什么区别", {"counterfeit_deal"}),  # like_genuine
])
def test_a_mask_or_a_walked_pattern_wakes_its_rows(text: str, woken: set[str]) -> None:
    idle = signals.signal_table().idle(_present(text))
    assert not woken & idle


@pytest.mark.parametrize("text", MESSAGES)
def test_findings_as_walking_every_row(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    n = normalise(text)
    kept = _reports(n)
    _every_row(monkeypatch)
    assert _reports(n) == kept


def test_the_messages_still_find_what_they_say() -> None:
    names = {text: {s.name for s in signals.detect(normalise(text)).signals} for text in MESSAGES}
    assert "counterfeit_deal" in names["高仿单反镜头，与正品看不出区别，有需要的私我"]
    assert "fee_scam" in names["預付鑑定費，百分百上拍，有意私聊"]
    assert "kin_business" in names["我表姐在万达三楼开了家琴行，报我名字打八折，私聊"]
    both = names["你个菜鸡，拍成这样还好意思发，兼职日结加我微信 photo2026"]
    assert "ad_words" in both and both & {"insult", "rude"}
    assert not names["周六早上七点湿地公园拍鸟，想去的接龙"]


def _readable() -> list[str]:
    """Every readable moderation row's text, as the hook reads it (never a locked or blind split)."""
    names = ["tuning.jsonl", "messages.jsonl", "evasions.jsonl"] + sorted(p.name for p in DATA_DIR.glob("dev*.jsonl"))
    return [expand(row) for name in names for row in load_set(name)]


def test_findings_as_walking_every_row_on_every_readable_row(monkeypatch: pytest.MonkeyPatch) -> None:
    ns = [normalise(text) for text in dict.fromkeys(_readable())]
    kept = [repr(signals.detect(n, unnamed=True)) for n in ns]
    table = signals.signal_table()
    ruled_out = sum(bool(NEW_ROWS & table.idle(_present(n.raw))) for n in ns[:2000])
    assert ruled_out > 1000  # the walk rules some of the new rows out for most messages
    _every_row(monkeypatch)
    assert [repr(signals.detect(n, unnamed=True)) for n in ns] == kept


LINES = MESSAGES + [
    "周日去植物园拍荷花，有拼车的吗",
    "谁有 50mm 定焦可以借我试一下，周末还",
    "房子不收中介费，押一付三，想看房的私聊我",
]


def test_verdicts_same_as_walking_every_row(monkeypatch: pytest.MonkeyPatch) -> None:
    prof = load_profile(DATA_DIR / "profiles" / "reading.yaml")
    new = verdict_lines(prof, LINES, "影友", 5)
    _every_row(monkeypatch)
    assert verdict_lines(prof, LINES, "影友", 5) == new
    labels = [json.loads(v)["label"] for v in new]
    assert "ad" in labels and "ok" in labels
