"""Round 63 (issue 13, speed, d00b63): three first looks that must answer exactly as the searches they stand in for.

- :func:`copilot.notes.cues.screens` of ``noise.yaml``'s system and platform lines (asked yes/no by
  ``_platform_reason``): the plain phrases in one regex, the ``^``-anchored entries in one alternation, every other
  ``/regex/`` alone.
- ``dates``'s extra time forms (七夕前, 月底前, 下次活动前) are searched only in a text that holds one of their required
  words (:func:`copilot.moderation.literals.gated`).

The group-chat lines below were written for this test; the checks count calls, never time."""

from __future__ import annotations

from typing import Any

import pytest

from copilot.moderation.literals import Gated
from copilot.notes import dates, noise
from copilot.notes.cues import phrases_regex, screens, search_any
from copilot.paths import load_resource
from copilot.textnorm import fold

_LINES = (
    "王小明 撤回了一条消息",
    "\"阿静\"邀请\"老陶\"加入了群聊",
    "你拍了拍\"李老师\"",
    "[语音]12\"",
    "当前版本不支持展示该内容，请使用新版手机QQ查看",
    "<Media omitted>",
    "this message was deleted",
    "以下是新消息",
    "大家好，周六的读书会改到下午三点",
    "场地费大家周五前转给阿静，我来统计",
    "我刚才撤回的那条是发错群了",
    "收到，谢谢老师",
)


@pytest.mark.parametrize("section", ["system_lines", "platform_lines"])
def test_noise_screens_answer_as_the_whole_alternation(section: str) -> None:
    entries = load_resource(noise.NOISE_RESOURCE)[section]["phrases"]
    whole, parts = phrases_regex(entries), screens(entries)
    folded = [fold(line) for line in _LINES]
    assert [search_any(f, parts) for f in folded] == [bool(whole.search(f)) for f in folded]
    assert sum(bool(whole.search(f)) for f in folded) >= 2  # the lines hold real system/platform lines


def test_anchored_entries_share_one_regex_and_others_stand_alone() -> None:
    entries = ["拍了拍", "戳了戳", "/^已撤回$/", "/^(你|您)删除了消息$/", "/邀请.{1,40}加入了?群/"]
    got = screens(entries)
    assert len(got) == 3  # the phrases, the two ^ entries together, the one other regex
    assert got[0].pattern == "拍了拍|戳了戳" and got[1].pattern.count("^") == 2
    assert search_any("已撤回", got) and search_any("阿静邀请老陶加入了群", got)
    assert not search_any("我已撤回", got)  # ^ still anchors inside the shared alternation


def test_platform_reason_reads_system_and_platform_lines() -> None:
    reasons = noise.rules().reasons
    assert noise.platform_line("王小明 撤回了一条消息")
    assert noise._platform_reason(6, fold("[语音]12\"")) == reasons["platform_lines"]
    assert noise._platform_reason(10, fold("你拍了拍\"李老师\"")) == reasons["system_lines"]
    assert not noise.platform_line("场地费大家周五前转给阿静，我来统计")


class _CountingRx:
    def __init__(self, rx: Any) -> None:
        self.rx, self.runs = rx, 0

    def finditer(self, text: str, *pos: int) -> Any:
        self.runs += 1
        return self.rx.finditer(text, *pos)


def test_extra_time_forms_run_only_where_a_required_word_is(monkeypatch: pytest.MonkeyPatch) -> None:
    extra = dates._lexicon().extra
    assert isinstance(extra, Gated)
    counting = _CountingRx(extra.rx)
    monkeypatch.setattr(extra, "rx", counting)
    assert list(extra.finditer(fold("哈哈哈 这个真的笑死"))) == []
    assert list(extra.finditer(fold("收到，谢谢老师"))) == []
    assert counting.runs == 0
    assert [m.group("hol") for m in extra.finditer(fold("七夕前把报名表交给阿静"))] == ["七夕"]
    assert [m.group("mm") for m in extra.finditer(fold("会费请在3月底前转给我"))] == ["3"]
    assert counting.runs == 2
