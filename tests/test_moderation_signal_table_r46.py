"""Round 46 (code health): the signal table says which detector runs a row and what the pipeline weighs it as.

- A row with a detector of its own runs it; any other row runs what its shape says: all of a ``combo``'s lexicons
  present, or a ``words`` lexicon's hits. A row with none of these, or ``roles`` naming no signal, is refused.
- ``roles.seller``: a member's own post with any of them is not cleared as sharing; ``roles.not_asked``: a question
  with one of them is not discounted as asking.

Messages written for these tests; none is an eval message.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from copilot.moderation import signals
from copilot.moderation.normalise import normalise


@pytest.fixture
def fresh_table() -> Iterator[None]:
    """The signal table is read again in the test, and again from the real file after it."""
    signals.signal_table.cache_clear()
    yield
    signals.signal_table.cache_clear()


def _table_with(monkeypatch: pytest.MonkeyPatch, change: Callable[[dict[str, Any]], dict[str, Any]]) -> signals.SignalTable:
    """The signal table read from ``signals.yaml`` as ``change`` leaves a copy of it (the loaded file is shared)."""
    real = signals.load_resource
    monkeypatch.setattr(signals, "load_resource",
                        lambda relpath: change(copy.deepcopy(real(relpath))) if relpath == signals.SIGNALS else real(relpath))
    return signals.signal_table()


def _names(text: str) -> list[str]:
    return [s.name for s in signals.detect(normalise(text)).signals]


def test_a_combo_row_fires_only_with_every_lexicon_present() -> None:
    # referral_deal: a name or code to quote and a reward for quoting it
    assert "referral_deal" in _names("我表哥开的修车铺，去了报我名字，首单立减30")
    assert "referral_deal" not in _names("我表哥开的修车铺，手艺不错")


def test_a_words_row_fires_on_its_lexicon() -> None:
    assert "chain" in _names("看到请转发，转给五个群好运连连")
    assert "chain" not in _names("周六的骑行路线我转发到群公告了")


def test_each_row_runs_its_own_detector_or_its_shapes() -> None:
    table = signals.signal_table()
    assert table.detectors["contact"] is signals._contact
    assert table.detectors["chain_letter"] is signals._chain_letter  # a combo row with a detector of its own
    assert table.detectors["referral_deal"] is signals._combo
    assert table.detectors["chain"] is signals._words
    assert set(table.detectors) == {s.name for s in table.specs}


@pytest.mark.usefixtures("fresh_table")
def test_a_row_with_no_detector_and_no_shape_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def add_bare_row(data: dict[str, Any]) -> dict[str, Any]:
        data["signals"].append({"name": "no_such_check", "label": "ad", "weight": 0.3, "detail": "无"})
        return data

    with pytest.raises(ValueError, match="no detector for \\['no_such_check'\\]"):
        _table_with(monkeypatch, add_bare_row)


@pytest.mark.usefixtures("fresh_table")
def test_roles_naming_no_signal_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def misspell(data: dict[str, Any]) -> dict[str, Any]:
        data["roles"]["seller"] = [*data["roles"]["seller"], "contacts"]
        return data

    with pytest.raises(ValueError, match="roles name no signal: \\['contacts'\\]"):
        _table_with(monkeypatch, misspell)


def test_the_roles_the_pipeline_reads_are_in_the_table() -> None:
    roles = signals.signal_table().roles
    assert {"contact", "invite", "qr", "bait_reply"} <= roles["seller"]
    assert "promo_words" not in roles["seller"]  # one promo word is how members share too
    # (round 82, d17b82: a guaranteed-return stake offered as a question — 有没有人想入股…保本 — is still the pitch)
    assert roles["not_asked"] == {"banned_deal", "counterfeit_deal", "lure_reply", "bait_reply", "earn_pitch",
                                  "invest_pitch"}
    assert roles["not_asked"] <= roles["seller"]


def test_either_is_the_same_pattern_whatever_the_order_given() -> None:
    words = ["群", "群号", "拉群", "进群", "加群链接", "入群"]
    assert signals._either(words) == signals._either(list(reversed(words)))
    assert signals._either(words).split("|")[:2] == ["加群链接", "入群"]  # longest first, then by code point


def test_a_shared_set_counts_in_every_list_that_names_it() -> None:
    assert signals._words_of(["可私", ["私我", "找我"], "私戳"]) == ["可私", "私我", "找我", "私戳"]
    words = signals.lexicons().words
    for key in ("ad.invite", "ad.earn_reach", "ad.bait_reach"):
        assert words[key].fullmatch("滴滴我") and words[key].fullmatch("私聊我"), key
    assert not words["ad.bare_contact"].fullmatch("加我")  # a list that does not name the set keeps its own words
    # a bait, what is taken for it and the way to the writer, this one from the shared set
    assert "resource_bait" in _names("考级全套视频资料整理好了，需要的私聊我，给个红包就行")
    assert "resource_bait" not in _names("考级全套视频资料整理好了，放群文件了，需要的自取")
