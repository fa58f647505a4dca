"""Round 76 (d13c76, issue 13: deadlines resolved to a date).

- A part of the day with an hour of its own and a "before", alone ("我中午前把投保链接发出来"), is that hour of the
  message's day (or of the next day once it has passed); "中午前后", "下午前" and "中午吃什么" name no deadline.
- "今天下午白班把治疗室整理一下" — "治疗室我来弄": a member's line that names the work and then takes it on, with no time
  of its own, is due when the line just before it (another member's) says in the clause naming that work — not a
  day of another clause, nor a time already gone by ("今天中午物业说幕布有个洞" said in the evening).
"""

from __future__ import annotations

from datetime import date, datetime

from copilot.notes.dates import find_deadline, time_expressions
from copilot.notes.offline import summarize_offline
from copilot.notes.parse import parse_text

MORNING = datetime(2031, 10, 14, 10, 5)  # a Tuesday morning
EVENING = datetime(2031, 10, 14, 20, 0)


def _due(text: str, when: datetime) -> tuple[date | None, str | None] | None:
    d = find_deadline(text, when)
    return None if d is None else (d.day, d.clock)


def test_noon_before_alone_is_noon_of_the_messages_day() -> None:
    assert _due("保险还是我来买，我中午前把投保链接发出来", MORNING) == (date(2031, 10, 14), "12:00")
    assert _due("中午之前回复我", MORNING) == (date(2031, 10, 14), "12:00")


def test_noon_before_said_after_noon_is_the_next_days_noon() -> None:
    assert _due("中午前把照片发群里", EVENING) == (date(2031, 10, 15), "12:00")


def test_noon_with_a_day_word_is_unchanged() -> None:
    assert _due("明天中午前发群里", MORNING) == (date(2031, 10, 15), "12:00")


def test_a_part_of_the_day_that_is_no_deadline_names_none() -> None:
    # (after an hour of the same sentence it ends that day's plan: "早上7点集合，中午前做完")
    for text in ("中午前后到就行", "下午前交", "中午吃什么", "中午我在家", "早上7点在菜园门口集合，中午前做完"):
        assert not [d for d in time_expressions(text, MORNING) if d.day is not None and "午" in d.text], text


NURSES = """[2031-11-03 12:40] 护士长-郑: 还有，院感科这周五上午来检查，重点是手卫生和治疗室物品摆放，今天下午白班把治疗室整理一下，过期的无菌包清掉
[2031-11-03 12:41] 阿琳: 治疗室我来弄
"""

CINEMA = """[2031-12-01 18:30] 放映队-阿杰: 各位志愿者，2031年12月13日（周六）晚上七点在小区广场放露天电影
[2031-12-01 18:31] 小麦: 收到
[2031-12-01 18:45] 放映队-阿杰: 还有，后天下午把广场的椅子摆好，物业说周三晚上广场有人跳舞，别占了他们的地方
[2031-12-01 18:46] 小冯: 椅子我来摆
"""

OTHER_CLAUSE = """[2031-11-03 12:40] 护士长-郑: 院感科这周五上午来检查，重点是手卫生和治疗室物品摆放
[2031-11-03 12:41] 阿琳: 治疗室我来弄
"""

PAST = """[2031-11-03 19:09] 豆豆爸: 上周三交的作品我都拷到U盘里了
[2031-11-03 19:10] 果果妈: 作品我来整理
"""


def _todos(chat: str) -> list[tuple[str | None, str, str | None]]:
    return [(a.owner, a.task, a.deadline) for a in summarize_offline(parse_text(chat, "chat.txt")).actions]


def test_work_taken_on_is_due_when_the_line_before_told_it() -> None:
    todos = _todos(NURSES)
    assert any(owner == "阿琳" and "治疗室" in task and (deadline or "").startswith("2031-11-03")
               for owner, task, deadline in todos), todos


def test_the_clause_naming_the_work_gives_the_day_not_another_clause() -> None:
    todos = _todos(CINEMA)
    # 后天下午 (12-03), not 周三晚上 someone else dances there (also 12-03 here, so check the words) nor the film's day
    got = [a for a in summarize_offline(parse_text(CINEMA, "chat.txt")).actions if a.owner == "小冯"]
    assert got and got[0].deadline == "2031-12-03" and got[0].deadline_text == "后天下午", todos


def test_a_day_of_another_clause_dates_no_work_taken_on() -> None:
    todos = _todos(OTHER_CLAUSE)
    assert not any(owner == "阿琳" and deadline for owner, _, deadline in todos), todos


def test_a_day_gone_by_dates_no_work_taken_on() -> None:
    todos = _todos(PAST)
    assert not any(owner == "果果妈" and deadline for owner, _, deadline in todos), todos


ACKED = """[2031-11-17 20:14] 阿芳: 量杯我来买
[2031-11-17 20:14] 团长-小叶: 好嘞
[2031-11-17 20:15] 阿芳: 周三之前买好
"""

NOT_ACK = """[2031-11-17 20:14] 阿芳: 量杯我来买
[2031-11-17 20:14] 小蒋: 黄油我也要两块
[2031-11-17 20:15] 阿芳: 周三之前买好
"""


def test_a_bare_yes_between_does_not_part_the_time_from_the_work_taken_on() -> None:
    got = [a for a in summarize_offline(parse_text(ACKED, "chat.txt")).actions if a.owner == "阿芳"]
    assert len(got) == 1 and "量杯" in got[0].task and got[0].deadline == "2031-11-19", got


def test_a_line_of_its_own_between_keeps_them_apart() -> None:
    todos = _todos(NOT_ACK)
    assert not any(owner == "阿芳" and "量杯" in task and deadline == "2031-11-19" for owner, task, deadline in todos), todos


def test_a_dated_day_with_its_year_and_dashes_is_read() -> None:
    assert _due("场地申请表截止日期：2031-12-08，阿珍你去居委会交一下", MORNING) == (date(2031, 12, 8), None)
    assert _due("2031/10/20前交", MORNING) == (date(2031, 10, 20), None)
    assert _due("10-20前交", MORNING) == (date(2031, 10, 20), None)


def test_a_timestamp_a_score_or_a_range_is_no_dated_day() -> None:
    for text in ("2031-10-06 10:00 转发的消息", "比分3-1", "10-12人参加", "电话0755-1234"):
        assert not [d for d in time_expressions(text, MORNING) if d.spelled and d.day is not None], text
