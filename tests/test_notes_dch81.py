"""Round 81 (dch81): code health — one definition per fact, outputs identical.

- ``dates.minutes_of`` is the one place the notes turn a clock into minutes after midnight (the event's hour, the
  bare hour's other half of the day in the grounding, "10点前" today or tomorrow), on the clocks chats write
  ("8:30", "八点半", "20:00", "晚上8点", "下午两点半", "12点前"); ``clock_of`` writes it back;
- ``model.positions`` is the one id → index map the notes passes build.
"""

from datetime import datetime

import pytest

from copilot.notes.dates import clock_of, grounded_dates, minutes_of, time_expressions
from copilot.notes.model import Message, positions


@pytest.mark.parametrize(("said", "minutes"), [
    ("8:30", 8 * 60 + 30),
    ("八点半", 8 * 60 + 30),
    ("20:00", 20 * 60),
    ("晚上8点", 20 * 60),
    ("下午两点半", 14 * 60 + 30),
    ("12点前", 12 * 60),
    ("中午12点", 12 * 60),
    ("早上7点", 7 * 60),
    ("晚上12点前", 23 * 60 + 59),  # the end of that day, as the deadlines read it
    ("14：30", 14 * 60 + 30),  # a full-width colon folds to the same clock
])
def test_minutes_of_reads_the_clocks_chats_write(said: str, minutes: int) -> None:
    assert minutes_of(said) == minutes


@pytest.mark.parametrize("said", ["大家好", "", "明天见", "下周六"])
def test_minutes_of_is_none_without_an_hour(said: str) -> None:
    # hard negatives: a greeting, nothing, a day with no hour
    assert minutes_of(said) is None


def test_minutes_of_reads_a_time_expressions_clock_as_written() -> None:
    # the HH:MM a time expression carries (the event's "下午2点" → 14:00) is read as it stands
    found = [d for d in time_expressions("年终联欢会定在12月5日（周六）下午2点", datetime(2026, 12, 1, 20, 0)) if d.clock]
    assert found and minutes_of(found[0].clock) == 14 * 60


@pytest.mark.parametrize("clock", ["00:00", "08:30", "13:05", "23:59"])
def test_clock_of_writes_back_what_minutes_of_reads(clock: str) -> None:
    minutes = minutes_of(clock)
    assert minutes is not None and clock_of(minutes) == clock


def test_grounding_accepts_either_half_of_a_bare_hour_but_not_of_a_said_one() -> None:
    when = datetime(2026, 12, 3, 10, 0)
    bare = grounded_dates([("布置的事8点半前弄好就行", when)])
    assert {"08:30", "20:30"} <= bare
    # hard negative: 下午 says which half — no morning reading is grounded
    said = grounded_dates([("场地下午两点半前布置好", when)])
    assert "14:30" in said and "02:30" not in said



def test_positions_maps_each_message_id_to_where_it_stands() -> None:
    when = datetime(2026, 12, 1, 19, 30)
    messages = [Message(id=i, time=when, speaker=s, text=t)
                for i, s, t in [(3, "社工-小林", "那就定下周二上午"), (7, "阿蕾", "收到"), (12, "小蒋", "好的")]]
    assert positions(messages) == {3: 0, 7: 1, 12: 2}
    assert positions([]) == {}
