"""Round 58 (d00b58): the to-do step asks the cheap "can this line be it at all" first, before reading a line's times,
asking the sentence classifier or whether it is a question.

- ``_dates_given_work`` / ``_due_answer`` (a later line dating work given out) read the line's times only when some
  to-do could take them: one given out by someone else lately, one with an owner;
- ``_dated_later`` reads a line only when its speaker owns a to-do (each way it has dates one of theirs);
- ``_action_from`` reads the sentence classifier only in the branches that ask it (a clause with no owner and no time
  leaves before any does), and a clause's time only when it has a doer or something to do;
- the speaker's own-life / own-errand readings of a line and its call for a volunteer are made at its first to-do;
- ``event_notice`` reads a line's times only when it has an event word or a place; ``_decides`` asks whether a line is
  a question only when something in it settles.

Each test counts the reads on a line the old order read in full (they fail on the code before this round), and checks
the same lines still give the to-do, the due date, the notice or the decision they gave.

Every chat line below was written for these tests; none is an eval line.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

import pytest
from chat_lines import chat_lines, chat_structure

from copilot.devtools.patching import original, patch_everywhere
from copilot.notes import deciding, handovers, pairing, reading, todos

START = datetime(2029, 11, 12, 20, 0)


def _counting(monkeypatch: pytest.MonkeyPatch, name: str) -> Counter:
    """Count the calls of ``structure.<name>`` by their first argument (the text read)."""
    read: Counter = Counter()
    real = original(name)

    def counting(text, *args, **kwargs):
        read[text] += 1
        return real(text, *args, **kwargs)

    patch_everywhere(monkeypatch, name, counting)
    return read


def test_a_line_is_not_read_for_the_time_of_work_when_no_work_was_given(monkeypatch: pytest.MonkeyPatch) -> None:
    messages = chat_lines("老周|上次的读书会大家反馈都不错", "老周|海报这周内贴到各栋楼下", start=START)
    people = reading.People.of(messages)
    at_msg = {m.id: i for i, m in enumerate(messages)}
    read = _counting(monkeypatch, "time_expressions")
    assert not handovers._dates_given_work([], messages, 1, people, None, at_msg)
    assert not handovers._due_answer([], messages, 1, None, None, at_msg)
    assert not read, read  # (the old order read "海报这周内贴到各栋楼下" for its times in both)


def test_the_time_of_work_given_is_still_read_from_the_later_line() -> None:
    given = chat_structure("老周|@大吴 宣传海报你来做吧", "大吴|好", "老周|海报这周内贴到各栋楼下", start=START)
    assert [(a.owner, a.deadline, a.sources) for a in given.actions] == [("大吴", "2029-11-18", [0, 2])]
    asked = chat_structure("老周|@阿芬 报名名单你来统计一下", "阿芬|几号要？", "老周|15号前", start=START)
    assert [(a.owner, a.deadline, a.sources) for a in asked.actions] == [("阿芬", "2029-11-15", [0, 1, 2])]


def test_a_clause_with_no_owner_and_no_time_is_not_classified(monkeypatch: pytest.MonkeyPatch) -> None:
    messages = chat_lines("陈老师|这个方法我们群也试过，效果一直不错", start=START)
    people = reading.People.of(messages)
    read = _counting(monkeypatch, "sentence_kind")
    clause = handovers._Clause("这个方法我们群也试过，效果一直不错")
    assert todos._action_from(clause, messages[0], people, {}, homework=False) is None
    assert not read, read  # (the old order asked the classifier before any branch needed it)


def test_promises_and_group_work_are_still_to_dos() -> None:
    found = chat_structure("阿梅|大家义卖的东西周五晚上之前交到我家", "小陈|收到，价目牌我周四前写好发群里", start=START)
    assert {a.owner for a in found.actions} == {"大家", "小陈"}, [(a.owner, a.task) for a in found.actions]


def test_a_line_with_no_event_and_no_place_is_not_read_for_times(monkeypatch: pytest.MonkeyPatch) -> None:
    read = _counting(monkeypatch, "time_expressions")
    pairing.event_notice.cache_clear()
    try:
        assert not pairing.event_notice("我们群每周三晚上八点固定做一次分享，坚持了半年")
    finally:
        pairing.event_notice.cache_clear()
    assert not read, read
    assert pairing.event_notice("顺便说下周六11月28号早上7点半的湿地活动，集合点在公园东门")


def test_a_line_that_settles_nothing_is_not_asked_whether_it_asks(monkeypatch: pytest.MonkeyPatch) -> None:
    read = _counting(monkeypatch, "is_question")
    deciding._decides.cache_clear()  # (remembered since round 77: read afresh here, or nothing is asked at all)
    assert not deciding._decides("活动结束当晚就要出文字版整理稿，第二天再发就没人看了")
    assert not read, read
    assert deciding._decides("那队服做新的，深蓝色，大刘阿杰都同意")
    assert deciding._decides("也是，算了还是按原来的纸质登记")
    assert not deciding._decides("队服是不是就定深蓝色了？")


def test_a_clause_with_no_doer_and_nothing_to_do_is_not_read_for_its_time(monkeypatch: pytest.MonkeyPatch) -> None:
    messages = chat_lines("陈老师|上周六下午的活动气氛真好", start=START)
    people = reading.People.of(messages)
    read = _counting(monkeypatch, "_clause_deadline")
    assert todos._action_from(handovers._Clause("上周六下午的活动气氛真好"), messages[0], people, {},
                                  homework=False) is None
    assert not read, read  # (the old order read its time before asking whether there was anything to do)
