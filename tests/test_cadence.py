"""Cadences as operators write them, expanded to the dates a calendar shows (month ends included)."""

from __future__ import annotations

import datetime as dt

import pytest

from copilot.cadence import CadenceError, parse_cadence
from copilot.profile import parse_profile_text

D = dt.date


@pytest.mark.parametrize(
    ("raw", "label"),
    [("每天", "每天"), ("每日", "每天"), ("工作日", "工作日"), ("周一至周五", "工作日"), ("每周六", "每周六"),
     ("每週二、四", "每周二、四"), ("每周一和三", "每周一、三"), ("周日", "每周日"), ("每星期天", "每周日"),
     ("每月15號", "每月15号"), ("每月1日", "每月1号"), ("每月最後一個週五", "每月最后一个周五"),
     ("每月第一个周六", "每月第一个周六"), ("每月第二個週四", "每月第二个周四"), ("２０２６－１２－２０", "2026年12月20日"),
     ("2027年1月8日", "2027年1月8日"), (D(2026, 12, 31), "2026年12月31日")],
)
def test_operator_wordings_parse(raw, label):
    assert parse_cadence(raw).label == label


def test_weekly_and_workdays_land_on_their_weekdays():
    start = D(2026, 12, 28)  # a Monday; the week crosses New Year
    assert parse_cadence("每周二、四").dates(start, 7) == [D(2026, 12, 29), D(2026, 12, 31)]
    # 1 January (元旦) is a public holiday: no 工作日 post that day
    assert parse_cadence("工作日").dates(start, 7) == [D(2026, 12, 28) + dt.timedelta(days=i) for i in range(4)]
    assert parse_cadence("每周日").dates(start, 7) == [D(2027, 1, 3)]


def test_monthly_events_only_on_their_day_across_month_ends():
    start = D(2026, 11, 16)
    assert parse_cadence("每月最后一个周五").dates(start, 80) == [D(2026, 11, 27), D(2026, 12, 25), D(2027, 1, 29)]
    assert parse_cadence("每月第一个周六").dates(start, 80) == [D(2026, 12, 5), D(2027, 1, 2)]
    assert parse_cadence("每月18号").dates(start, 80) == [D(2026, 11, 18), D(2026, 12, 18), D(2027, 1, 18)]
    # a day a month does not have falls on its last day, never skipped
    c = parse_cadence("每月31号")
    assert c.dates(D(2027, 1, 20), 60) == [D(2027, 1, 31), D(2027, 2, 28)]
    assert c.dates(D(2028, 2, 1), 29) == [D(2028, 2, 29)]  # leap year
    assert "2月没有31号" in c.shifted_note(D(2027, 2, 28)) and c.shifted_note(D(2027, 1, 31)) == ""


def test_one_off_dates_only_inside_the_window():
    c = parse_cadence("2027-01-16")
    assert c.dates(D(2027, 1, 11), 7) == [D(2027, 1, 16)]
    assert c.dates(D(2027, 1, 18), 7) == [] and not c.recurring


@pytest.mark.parametrize(
    ("raw", "part"),
    [("每两周三", "看不懂的周期"), ("隔天", "看不懂的周期"), ("每月0号", "没有 0 号"), ("每月第三个", "星期几"),
     ("2026-13-01", "不存在"), ("   ", "不能为空"), (None, "不能为空"), ("每周八", "看不懂"), ("周" * 500, "看不懂")],
)
def test_bad_cadences_raise_chinese_errors_with_examples(raw, part):
    with pytest.raises(CadenceError) as info:
        parse_cadence(raw)
    assert part in str(info.value) and "每月最后一个周五" in str(info.value)


def test_workdays_follow_china_public_holidays_and_weekend_days_worked():
    c = parse_cadence("工作日")
    # National Day week 2026: 1–7 October off, Saturday 10 October worked instead (chinese-calendar data)
    got = c.dates(D(2026, 9, 28), 14)
    assert D(2026, 10, 1) not in got and D(2026, 10, 7) not in got
    assert D(2026, 10, 10) in got and "调休上班" in c.shifted_note(D(2026, 10, 10))
    notes = c.holiday_notes(D(2026, 9, 28), 14)
    assert any("10月1日" in n and "放假" in n for n in notes)
    # a year the package has no data for: fixed-date holidays skipped, and the operator is told to check
    later = c.holiday_notes(D(2027, 4, 26), 14)
    assert D(2027, 5, 3) in c.dates(D(2027, 4, 26), 14) and D(2027, 5, 1) not in c.dates(D(2027, 4, 26), 14)
    assert any("2027年" in n and "核对" in n for n in later)
    assert parse_cadence("每周一至周五").holiday_notes(D(2026, 12, 28), 7)  # the same cadence, other wording
    assert parse_cadence("每周一").holiday_notes(D(2026, 12, 28), 7) == []  # only 工作日 skips holidays


@pytest.mark.parametrize(("raw", "label"), [
    ("隔周六（2026-12-05起）", "隔周六（12月5日起）"), ("双周六 从2026年12月5日开始", "隔周六（12月5日起）"),
    ("每两周的周日，2026/12/6起", "隔周日（12月6日起）"), ("每个礼拜天", "每周日"), ("每个礼拜三", "每周三"),
    ("每月最后一天", "每月最后一天"), ("每月月底", "每月最后一天"), ("每月第一天", "每月1号"), ("每周六上午", "每周六"),
])
def test_sloppy_wordings_operators_use(raw, label):
    assert parse_cadence(raw).label == label


def test_fortnightly_dates_count_from_the_start_date():
    c = parse_cadence("隔周六（2026-12-05起）")
    assert c.dates(D(2026, 11, 30), 35) == [D(2026, 12, 5), D(2026, 12, 19), D(2027, 1, 2)]
    assert c.dates(D(2026, 12, 7), 7) == []  # the week off
    assert parse_cadence("每月最后一天").dates(D(2027, 1, 20), 45) == [D(2027, 1, 31), D(2027, 2, 28)]


@pytest.mark.parametrize(("raw", "says"), [
    ("隔周日", "从哪一天开始算"), ("双周六", "隔周六（"), ("隔周六（2026-12-06起）", "不是周六"),
    ("每月最后一天的", "可以这样写"), ("每月倒数第二天", "几号"), ("隔周", "星期几"),
])
def test_fortnight_and_month_end_errors_say_how_to_write_it(raw, says):
    with pytest.raises(CadenceError) as exc:
        parse_cadence(raw)
    assert says in str(exc.value)


@pytest.mark.parametrize(
    ("raw", "label", "rest"),
    [("每月1号出题、月底截止", "每月1号", "出题、月底截止"), ("每周六（雨天取消）", "每周六", "雨天取消"),
     ("每周二、四晚上集合", "每周二、四", "晚上集合"), ("每月第一个周六下午出发", "每月第一个周六", "下午出发")],
)
def test_a_readable_head_is_placed_and_the_rest_is_told_to_the_operator(raw, label, rest):
    c = parse_cadence(raw)
    assert c.label == label and c.rest == rest
    assert f"“{rest}”没有排进日历" in c.irregular_note()


@pytest.mark.parametrize("raw", ["每月最后一天的", "每月32号，月底截止", "每两周六出发", "隔天"])
def test_a_head_is_never_cut_inside_a_number_or_a_word(raw):
    # 每月最后一 would read as 每月最后一个周一; 每月3 would be the 3rd — both must stay errors
    with pytest.raises(CadenceError):
        parse_cadence(raw)


def test_undated_cadences_are_kept_but_placed_nowhere():
    for raw in ("每月一次", "不定期", "每学期一次", "每年5月上旬", "每周两次"):
        c = parse_cadence(raw)
        assert c.kind == "undated" and c.label == raw and c.recurring
        assert c.dates(D(2027, 1, 1), 366) == [] and "没有固定日期" in c.irregular_note()


@pytest.mark.parametrize("raw", ["国庆长假前一周", "开学第一周", "節前兩天", "比赛前一天晚上"])
def test_a_time_relative_to_something_else_is_kept_undated(raw):
    # names no weekday, no day number and does not start like a rhythm: a profile with it still loads
    c = parse_cadence(raw)
    assert c.kind == "undated" and c.dates(D(2026, 12, 1), 400) == [] and "没有固定日期" in c.irregular_note()
    p = parse_profile_text(f"positioning: 两地通勤拼车\ntopics: [拼车]\nevents:\n  - {{title: 假期拼车登记, kind: 接龙, cadence: {raw}}}\n")
    assert [e.cadence.kind for e in p.all_events()] == ["undated"]


@pytest.mark.parametrize(("raw", "weekday", "condition"), [
    ("風啱嘅週六", 5, "風啱"), ("天气好的周六", 5, "天气好"), ("人够的周日", 6, "人够")])
def test_a_weekday_behind_a_condition_is_placed_on_that_weekday_and_the_condition_kept(raw, weekday, condition):
    """Round 57's blind writer gave a Cheung Chau windsurfing club's Saturday outing the cadence 風啱嘅週六 (the Saturdays
    the wind is right) and the whole profile was refused: the day is readable after the condition; the condition goes to
    ``rest`` for the operator, as with a readable head."""
    c = parse_cadence(raw)
    assert (c.kind, c.weekdays, c.rest) == ("weekly", (weekday,), condition)
    p = parse_profile_text(f"positioning: 长洲风帆同好\ntopics: [风帆]\nevents:\n  - {{title: 出海练习, kind: 线下活动, cadence: {raw}}}\n")
    assert [e.cadence.weekdays for e in p.all_events()] == [(weekday,)]


@pytest.mark.parametrize("raw", ["每周八", "隔天", "每月第三个", "每两天", "每周的周八"])
def test_a_cadence_that_starts_like_a_rhythm_but_does_not_parse_stays_an_error(raw):
    with pytest.raises(CadenceError):
        parse_cadence(raw)


def test_an_old_schedule_line_without_a_cadence_is_reported_not_kept():
    p = parse_profile_text("positioning: 一起读书、每月线下聚一次\ntopics: [读书]\nschedule: [\"有空就聊\", \"开学第一周 见面会\"]\n")
    assert p.all_events() == [] and p.unparsed_schedule() == ["有空就聊", "开学第一周 见面会"]


def test_an_event_without_a_cadence_loads_undated_and_asks_for_a_day():
    """Round 57's fresh QA wrote a dental clinic's one-off talk without a cadence and the whole profile was refused
    (events.0.cadence：必填项缺失): a day not fixed yet is kept 日期待定, placed on no calendar day, and the operator is told."""
    p = parse_profile_text("positioning: 牙科诊所患者群\ntopics: [护牙]\nevents:\n  - {title: 口腔健康讲座, kind: 线下活动, time: \"14:00\"}\n")
    (event,) = p.all_events()
    assert event.cadence.kind == "undated" and event.cadence.dates(D(2026, 12, 1), 400) == []
    assert any(n.startswith("口腔健康讲座：日期待定") for n in p.cadence_notes())

