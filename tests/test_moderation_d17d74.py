"""Round 74 (d17d74): detect() walks only the signals that can find something (SignalTable.to_run) — the table's rows
minus the idle ones, in table order, remembered per idle set — with the same findings as walking every row."""

from __future__ import annotations

import pytest

from copilot.moderation import signals
from copilot.moderation.normalise import normalise

MESSAGES = [
    "今天天气不错，大家周末愉快",
    "这本书第三章写得真好，推荐给大家",
    "加我微信 abc12345 领取免费试听课，名额有限",
    "你算什么东西，也配在群里说话？",
    "周六上午十点读书会，在图书馆二楼，想来的接龙报名",
    "佢哋啲嘢好平，私我攞价",  # Cantonese: no signal is idle
    "全场八折，进店有礼，详情看我朋友圈",
]


def _present(text: str) -> frozenset[str]:
    hits = signals.lexicons().hits
    assert hits is not None
    return hits.present(normalise(text).compact)


def test_to_run_is_the_table_less_the_idle_in_table_order() -> None:
    table = signals.signal_table()
    idle = table.idle(_present("今天天气不错，大家周末愉快"))
    assert {"insult", "threat", "vote"} <= idle  # a plain greeting has none of their words
    run = table.to_run(idle)
    assert [s.name for s in run] == [s.name for s in table.specs if s.name not in idle]
    assert len(run) < len(table.specs)
    assert table.to_run(idle) is run  # remembered: the next message with the same idle set reuses the walk


def test_nothing_idle_runs_every_row() -> None:
    table = signals.signal_table()
    assert table.to_run(frozenset()) == table.specs


def test_a_cue_wakes_its_signal() -> None:
    table = signals.signal_table()
    quiet = {s.name for s in table.to_run(table.idle(_present("今天天气不错，大家周末愉快")))}
    rude = {s.name for s in table.to_run(table.idle(_present("你个废物，滚出去")))}
    assert "insult" in rude and "insult" not in quiet


@pytest.mark.parametrize("text", MESSAGES)
def test_findings_as_walking_every_row(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    table = signals.signal_table()
    n = normalise(text)
    kept = [repr(signals.detect(n, topic_text="读书 分享")), repr(signals.detect(n, shop=True, ad_prob=0.9))]
    monkeypatch.setitem(table.__dict__, "needs", {})  # no signal idle: every row walked
    monkeypatch.setitem(table.__dict__, "_idle", {})
    monkeypatch.setitem(table.__dict__, "_to_run", {})
    monkeypatch.setattr(signals, "_own_words_gate", lambda: None)  # (round 80, d17t80: the own-words first look, off too)
    calls: list[frozenset[str]] = []

    def every_row(idle: frozenset[str]) -> tuple[signals.SignalSpec, ...]:
        calls.append(idle)
        return table.specs  # the walk before round 74: each row of the table

    monkeypatch.setitem(table.__dict__, "to_run", every_row)  # (a frozen dataclass: set in its dict)
    assert [repr(signals.detect(n, topic_text="读书 分享")), repr(signals.detect(n, shop=True, ad_prob=0.9))] == kept
    assert calls == [frozenset(), frozenset()]  # the un-skipped walk did run
