"""Round 57 (d13d57): a pasted chat without message times takes its day from its own dated words; a weekday said on
that same weekday is next week's unless an hour still to come that day is named; a change passed on by another member
in the name of the one who gave the work re-times the to-do."""

from __future__ import annotations

from datetime import date, datetime

from copilot.notes.dates import assumed_days, find_deadline, with_assumed_days
from copilot.notes.model import Message
from copilot.notes.parse import parse_text
from copilot.notes.structure import analyze
from copilot.notes.todos import find_actions

PASTED = """跳蚤市场-刘姐：各位街坊，第二届跳蚤市场定在7月14日周六上午9点，在小区中心花园。
跳蚤市场-刘姐：@阿杰 摊位登记表下周一前收齐发给我
阿杰：好的，收到
跳蚤市场-刘姐：@小吴 横幅这周五前做好
小吴：没问题
"""


def test_a_date_told_with_its_weekday_fixes_the_week_of_a_pasted_chat() -> None:
    days = assumed_days([("各位街坊，第二届跳蚤市场定在7月14日周六上午9点", None), ("@阿杰 登记表下周一前收齐", None)],
                        near=2026)
    # 7月14日 is a Saturday in 2029 (the nearest such year): the chat is taken as written the week before
    assert days[0] is not None and days[0].today == date(2029, 7, 2) and not days[0].header
    assert days[1] == days[0]


def test_its_week_word_puts_the_chat_that_many_weeks_before() -> None:
    (day,) = assumed_days([("下下个礼拜六(6月23号)行梧桐山", None)], near=2026)
    assert day is not None and day.today == date(2029, 6, 4)
    (day,) = assumed_days([("这周六(6月23号)行梧桐山", None)], near=2026)
    assert day is not None and day.today == date(2029, 6, 18)


def test_a_line_that_is_only_a_date_dates_the_lines_under_it() -> None:
    days = assumed_days([("六月读书会大家准备好书", None), ("2029年6月5日 星期二", None), ("简报周五前寄给我", None)],
                        near=2026)
    assert days[0] is None and days[2] is not None and days[2].today == date(2029, 6, 5) and days[2].header


def test_a_chat_with_dated_messages_or_no_weekday_is_left_alone() -> None:
    dated = [("跳蚤市场定在7月14日周六", datetime(2029, 7, 3, 20, 0)), ("登记表下周一前收齐", None)]
    assert with_assumed_days(dated) == [t for _, t in dated]
    assert assumed_days([("跳蚤市场定在7月14日上午9点", None)]) == [None]  # no weekday: the year is unknown


def test_a_pasted_chat_gets_its_deadlines_and_the_notes_say_so() -> None:
    transcript = parse_text(PASTED, "paste.txt")
    assert all(m.time is None for m in transcript.messages)
    due = {a.owner: a.deadline for a in analyze(transcript).actions}
    assert due.get("阿杰") is not None and due["阿杰"].startswith("2029-07-09")  # 下周一: the market's week
    assert due.get("小吴") is not None and due["小吴"].startswith("2029-07-06")  # 这周五


def test_a_weekday_said_on_that_weekday_is_next_weeks_even_with_an_event_between() -> None:
    friday_evening = datetime(2029, 6, 8, 21, 2)
    due = find_deadline("@小雨 下个月的值日表周五前排好发群里", friday_evening, event=date(2029, 6, 10))
    assert due is not None and due.day == date(2029, 6, 15)
    due = find_deadline("@大鹏 垃圾袋的钱周五晚上11点前报给我", friday_evening, event=date(2029, 6, 10))
    assert due is not None and (due.day, due.clock) == (date(2029, 6, 8), "23:00")


def test_a_change_passed_on_in_the_givers_name_retimes_the_todo() -> None:
    day = datetime(2029, 6, 4, 19, 0)
    messages = [
        Message(1, day, "校友会-周老师", "各位校友，校庆晚会定在6月30日周六晚上7点，在学校大礼堂"),
        Message(2, day.replace(minute=1), "校友会-周老师", "@阿豪 这周四前把横幅订好"),
        Message(3, day.replace(minute=2), "阿豪", "好的"),
        Message(4, datetime(2029, 6, 5, 20, 10), "班长小敏", "刚周老师说横幅改到下周一前订好就行，印刷厂那边排不过来"),
    ]
    actions = find_actions(messages)[0]
    banner = [a for a in actions if "横幅" in a.task]
    assert len(banner) == 1 and banner[0].owner == "阿豪" and banner[0].deadline == "2029-06-11"
    # the member's own say-so, with nobody's word passed on, moves nothing
    messages[3] = Message(4, datetime(2029, 6, 5, 20, 10), "班长小敏", "我觉得横幅改到下周一前订好也行")
    banner = [a for a in find_actions(messages)[0] if "横幅" in a.task]
    assert banner and banner[0].deadline == "2029-06-07"


def test_the_notes_say_which_words_fixed_the_day() -> None:
    from copilot.notes.dates import assumed_day_note

    texts = [("六月讀書會定在6月24日（日）下午兩點，在城南圖書館三樓。", None), ("導讀簡報阿德負責，下週三前寄給我", None)]
    note = assumed_day_note(texts, near=2026)
    assert note is not None and "6月24日（日）" in note and "6月11日" in note
    assert assumed_day_note([("讀書會6月24日下午兩點", datetime(2029, 6, 12, 20, 0))]) is None
