"""Round 64 (issue 13, speed, d00a64): first looks that must answer exactly as the reads they stand in for.

- ``dates._matches`` keeps only the plain time pattern's matches that can be times by the text alone (not empty,
  naming a day or an hour, not "今天的PPT", not a ratio's digits): read once per text, whatever the message's time; a
  sentence with no time then leaves ``_located`` at once.
- ``pairing._own_remark`` is cached by text; ``reading.asks`` reads each clause once (``_clause_asks``).

The group-chat lines below were written for this test; the checks count calls, never time."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from copilot.notes import dates, pairing, reading
from copilot.notes.cues import screens, search_any
from copilot.textnorm import fold

_WHEN = datetime(2026, 11, 18, 20, 30)  # a Wednesday evening


def test_plain_matches_hold_only_possible_times() -> None:
    # the plain pattern matches nothing at many places of a sentence with no time: none of those is kept
    f = fold("社群分享要提前一周定好主题，主讲人和主持人一起过一遍提纲。")
    assert any(not m.group(0).strip() for m in dates._lexicon().pattern.finditer(f))
    assert dates._matches(f)[2] == ()
    # a day, an hour, "今天的PPT" (which one, not when) and a ratio (比例是1:16)
    kept = [m.group(0).strip() for m in dates._matches(fold("周五晚上8点前把报名表交给我，今天的PPT我来改，调料比例是1:16"))[2]]
    assert kept and kept[0].startswith("周五") and all("今天" not in k and "16" not in k for k in kept)


def test_a_sentence_with_no_time_is_not_read_again_for_each_message_time(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = dates._plain_expressions

    def counted(folded: str, *args: Any) -> Any:
        calls.append(folded)
        return real(folded, *args)

    monkeypatch.setattr(dates, "_plain_expressions", counted)
    quiet = "群里的广告一定要及时处理，管理员私聊提醒，屡次违规再移出。"
    for hour in (9, 10, 11):  # the same line said at three times of day
        assert dates.time_expressions(quiet, datetime(2026, 11, 18, hour, 5)) == []
    assert calls == []
    timed = "周六下午2点在社区活动室集合，大家周五前在群里接龙"
    got = dates.time_expressions(timed, _WHEN)
    assert calls == [fold(timed)]
    assert [d.text for d in got][:1] == ["周六下午2点"] and any(d.marked for d in got)


def test_plain_time_checks_keep_what_the_reading_keeps() -> None:
    assert [d.clock for d in dates.time_expressions("今晚7点半在文化馆二楼彩排", _WHEN)] == ["19:30"]
    assert dates.time_expressions("今天的PPT谁来改一下", _WHEN) == []
    assert all(d.clock is None for d in dates.time_expressions("奶茶粉和水的比例是1:16，别弄错", _WHEN))


def test_own_remark_is_read_once_per_text() -> None:
    pairing._own_remark.cache_clear()
    story = "@小周 我家上次捏的放了三天就裂了"
    answers = [pairing._own_remark(story) for _ in range(5)]
    assert answers == [pairing._own_remark("我家上次捏的放了三天就裂了")] * 5
    assert pairing._own_remark.cache_info().misses == 2


def test_asks_reads_each_clause_once() -> None:
    reading._clause_asks.cache_clear()
    lines = ["第一条：周六早上8点在东门集合，带好水杯", "第二条：周日早上9点出发，带好水杯",
             "第三条：周六去还是周日去", "第四条：这周末大家有空吗"]
    assert [reading.asks(x) for x in lines] == [False, False, True, True]
    assert reading._clause_asks.cache_info().hits == 1  # "带好水杯" of the second line was read with the first
    assert reading.asks("资料我发你了，你看看我这张画得对不对") and not reading.asks("收到，谢谢老师")


def test_search_any_answers_as_any() -> None:
    entries = ["怎么办", "多少", "/(?<![的这那好十有没])几[点个天号]/", "/(?<!没)有没有/"]
    parts = screens(entries)
    for line in ("明天几点集合", "这个几点的车", "报名费多少", "没有没有，我不去", "收到"):
        f = fold(line)
        assert search_any(f, parts) == any(rx.search(f) for rx in parts)
