"""Issue 13, round 21: deadlines and owners that depend on the chat around a to-do — a span counted from
the event under discussion ("比赛结束后三天内", "出发前两天"), a bare hour said the evening before that
event, and money handed to a treasurer (the payers owe it, not the one who receives it). Every chat here
is written for these tests."""

from __future__ import annotations

from datetime import date, datetime

from copilot.notes.dates import event_days, find_deadline, grounded_dates
from copilot.notes.parse import parse_text
from copilot.notes.todos import find_actions

EVENT = date(2026, 12, 13)  # a Sunday


def test_span_after_the_event_counts_from_the_event_day() -> None:
    d = find_deadline("照片我来修，比赛结束后三天内传相册", datetime(2026, 12, 9, 20, 15), event=EVENT)
    assert d is not None and d.marked and d.day == date(2026, 12, 16)


def test_span_before_the_event_and_traditional_script() -> None:
    assert find_deadline("橫幅我來印，出發前兩天拿到", datetime(2026, 12, 9, 20, 15), event=EVENT).day == date(2026, 12, 11)
    assert find_deadline("活動後一星期內交收據", datetime(2026, 12, 9, 9, 0), event=EVENT).day == date(2026, 12, 20)


def test_span_after_an_unknown_event_stays_words_only() -> None:
    """Without an event day the span is not counted from the message (that date would be wrong)."""
    d = find_deadline("比赛结束后三天内传相册", datetime(2026, 12, 9, 20, 15))
    assert d is not None and d.text.startswith("比赛") and d.day is None


def test_plain_span_still_counts_from_the_message() -> None:
    assert find_deadline("两天内把名单发我", datetime(2026, 12, 9, 20, 15), event=EVENT).day == date(2026, 12, 11)


def test_bare_hour_in_the_evening_before_the_event_is_that_morning() -> None:
    d = find_deadline("那你8点半直接到地铁口等我们", datetime(2026, 12, 12, 21, 40), event=EVENT)
    assert d is not None and (d.day, d.clock) == (EVENT, "08:30")
    # the same words at noon with no event ahead: this evening, as before
    noon = find_deadline("那你8点半直接到地铁口等我们", datetime(2026, 12, 12, 12, 5))
    assert (noon.day, noon.clock) == (date(2026, 12, 12), "20:30")
    # a "…前" deadline said in the evening is still tonight's
    tonight = find_deadline("11点前把车牌号报给我", datetime(2026, 12, 12, 21, 40), event=EVENT)
    assert (tonight.day, tonight.clock) == (date(2026, 12, 12), "23:00")


def test_event_day_is_the_day_named_most_as_when_something_happens() -> None:
    when = datetime(2026, 12, 9, 19, 0)
    days = event_days([("本周日早上去爬白云山", when), ("周五前报名", when), ("周日我可以去", when),
                       ("周五晚上我有空", when), ("", None), ("周日几点集合", when)])
    assert days[0] == EVENT and days[-1] == EVENT and days[4] == EVENT
    assert event_days([]) == [] and event_days([("随便聊聊", when)]) == [None]


CHAT = """2026-12-09 19:02:11 领队阿峰
本周日上午爬白云山，南门集合，AA制
2026-12-09 19:05:40 小葵
我周日可以去！
2026-12-09 19:08:02 领队阿峰
车费和门票的钱交给财务阿玲，一人65，周五之前
2026-12-09 19:10:30 阿玲
好的，收到
2026-12-09 19:12:45 领队阿峰
照片我来整理，活动结束后两天内发群里
"""


def test_chat_money_to_treasurer_and_event_relative_deadline() -> None:
    t = parse_text(CHAT, "hike.txt")
    actions, _, _ = find_actions(t.messages)
    paying = [a for a in actions if "65" in a.task or "钱" in a.task]
    assert paying and paying[0].owner != "阿玲" and paying[0].deadline == "2026-12-11"
    photos = [a for a in actions if "照片" in a.task]
    assert photos and photos[0].owner == "领队阿峰" and photos[0].deadline == "2026-12-15"
    # the faithfulness check accepts the date the event-relative span resolves to
    assert "2026-12-15" in grounded_dates([(m.text, m.time) for m in t.messages])


def test_money_given_to_someone_to_spend_is_still_theirs() -> None:
    """Only money handed *to* someone makes them a receiver; a named doer stays the owner."""
    t = parse_text("2026-12-09 19:02:11 领队阿峰\n阿玲你周五前把保险买好\n", "x.txt")
    actions, _, _ = find_actions(t.messages)
    assert actions and actions[0].owner == "阿玲"


def test_empty_and_garbage_texts_have_no_deadline() -> None:
    assert find_deadline("", datetime(2026, 12, 9, 20, 0), event=EVENT) is None
    huge = find_deadline("活动后" + "哈" * 20000, datetime(2026, 12, 9, 20, 0), event=EVENT)
    assert huge is None


GROUPBUY = """2026-12-09 19:02:11 团长阿芬
今天的脐橙10斤一箱，要的接龙
2026-12-09 19:05:40 小葵
我要两箱
2026-12-09 19:08:02 团长阿芬
小葵两箱记下了，周四中午前转账给我
2026-12-09 19:09:30 小葵
谢谢团长发的红包
2026-12-09 19:10:05 大熊
[转账]
"""


def test_confirmed_order_with_a_transfer_deadline_is_a_todo_not_noise() -> None:
    """A short line naming a transfer and a "…前" deadline asks for money; it is not red-packet chatter."""
    t = parse_text(GROUPBUY, "groupbuy.txt")
    kept = [m.text for m in t.messages]
    assert any("周四中午前转账给我" in k for k in kept)
    assert not any("红包" in k or k == "[转账]" for k in kept)  # the chatter and the platform line still go
    actions, _, _ = find_actions(t.messages)
    assert [(a.owner, a.deadline) for a in actions] == [("小葵", "2026-12-10 12:00")]
