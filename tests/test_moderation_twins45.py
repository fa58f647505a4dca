"""Round 45, twins45 (code health): lexicon entries that can never decide. A ``ad.genuine_ref`` word (the original a
copy is said to copy) that is also an ``ad.counterfeit`` word already makes the counterfeit hit by itself, so the copy
word beside it counts either way. Messages written for these tests."""

from __future__ import annotations

from copilot.moderation.normalise import normalise
from copilot.moderation.signals import cue_words, detect, lexicon_data, lexicons


def test_no_genuine_ref_word_is_itself_a_counterfeit_word() -> None:
    counterfeit = lexicons().words["ad.counterfeit"]
    both = [w for w in lexicon_data()["ad"]["genuine_ref"] if cue_words(counterfeit, str(w).lower())]
    assert both == []


def test_a_copy_beside_a_one_to_one_claim_is_still_counterfeit() -> None:
    details = {s.name: s.detail for s in detect(normalise("复刻款的帆布包，1比1做工，五金都一样，有需要的私聊")).signals}
    assert "1比1" in details["counterfeit_deal"] and "复刻" in details["counterfeit_deal"]
