"""Round 77 (d13a77, issue 13): deadlines on chats whose day the chat itself has to tell.

- a pasted copy without dates says which day it is by a holiday ("明天就是元旦了"): the day before New Year's Day;
- a spelled date due "…前" ("报名表6月11日前交") bounds the assumed week: the chat is written no later than it;
- Cantonese 禮拜尾/星期尾 is the weekend (禮拜尾前 → its Sunday, as 周末前);
- a WhatsApp export of one day only ("10/11/2027, 9:02 am") with the year in full is day first (Hong Kong, British
  order); the US order writes the year in two figures and stays month first.
"""

from datetime import date, datetime

from copilot.notes.dates import assumed_days, find_deadline, time_expressions
from copilot.notes.parse import parse_text


def _day(lines: list[str]) -> date | None:
    first = next((d for d in assumed_days([(t, None) for t in lines], near=2027) if d is not None), None)
    return None if first is None else first.today


# -- a holiday tells the chat's day ---------------------------------------------------------------------------------

def test_tomorrow_is_new_years_day_puts_a_pasted_chat_on_new_years_eve() -> None:
    lines = ["乐团-周老师：新年音乐会定在1月2日（周六）晚上7点，在文化馆小剧场",
             "乐团-周老师：明天就是元旦了，放假前最后一次合排大家辛苦",
             "乐团-周老师：节目单还差两个曲目介绍，小芳你今晚十点前发我"]
    assert _day(lines) == date(2026, 12, 31)


def test_today_is_a_lunar_holiday_uses_that_years_date() -> None:
    lines = ["社区-李姐：中秋游园会9月15日（周三）晚上在广场", "社区-李姐：今天就是中秋，大家早点来"]
    assert _day(lines) == date(2027, 9, 15)


def test_a_holiday_as_a_deadline_does_not_tell_the_chats_day() -> None:
    # hard negative: "元旦前交" is a due day, not the chat's day — the week before the concert stays assumed
    lines = ["乐团-周老师：新年音乐会定在1月2日（周六）晚上7点", "乐团-周老师：节目单元旦前交给我"]
    assert _day(lines) == date(2026, 12, 21)


# -- a spelled due date bounds the assumed week -----------------------------------------------------------------------

def test_a_due_date_before_the_assumed_week_moves_the_chat_back() -> None:
    lines = ["合唱团-韩老师：区里的合唱比赛定在6月26日（周六）上午，在区文化宫",
             "合唱团-韩老师：今天周二，先把报名的事说一下",
             "合唱团-韩老师：报名表6月11日前交到居委会，王阿姨你统一收一下"]
    assert _day(lines) == date(2027, 6, 8)


def test_a_due_date_said_as_done_or_past_bounds_nothing() -> None:
    # hard negatives: the form was handed in already / last week: the chat may well be after that date
    for said in ("报名表6月11日前已经交了", "上周报名表6月11日前就交了"):
        lines = ["合唱团-韩老师：区里的合唱比赛定在6月26日（周六）上午", f"王阿姨：{said}"]
        assert _day(lines) == date(2027, 6, 14), said


def test_a_due_date_in_the_assumed_week_or_later_keeps_it() -> None:
    lines = ["合唱团-韩老师：区里的合唱比赛定在6月26日（周六）上午", "合唱团-韩老师：节目单6月18日前定下来"]
    assert _day(lines) == date(2027, 6, 14)


# -- Cantonese 禮拜尾 -------------------------------------------------------------------------------------------------

def test_cantonese_weekend_before_is_its_sunday() -> None:
    said = datetime(2027, 11, 10, 9, 12)  # a Wednesday
    found = find_deadline("六桶，肥仔你禮拜尾前買齊放貨倉", said)
    assert found is not None and found.day == date(2027, 11, 14)
    found = find_deadline("啲相星期尾之前交俾我", said)
    assert found is not None and found.day == date(2027, 11, 14)


def test_cantonese_weekend_as_a_time_is_no_deadline() -> None:
    said = datetime(2027, 11, 10, 9, 12)
    assert find_deadline("禮拜尾一齊去行山", said) is None
    assert [d.day for d in time_expressions("禮拜尾一齊去行山", said)] == [date(2027, 11, 13)]
    assert time_expressions("尾數係三", said) == []


# -- WhatsApp slash dates of one day -------------------------------------------------------------------------------------

def test_one_day_whatsapp_export_with_a_full_year_is_day_first() -> None:
    chat = ("10/11/2027, 9:02 am - 判頭-發叔: 各位師傅，村屋天台嗰單下個禮拜一開工\n"
            "10/11/2027, 9:05 am - 水喉-阿強: 收到，去水管嘅料聽日收工前落單\n")
    assert [m.time for m in parse_text(chat, "whatsapp.txt").messages] == [datetime(2027, 11, 10, 9, 2),
                                                                           datetime(2027, 11, 10, 9, 5)]


def test_one_day_us_export_with_a_two_figure_year_stays_month_first() -> None:
    chat = ("10/11/27, 9:02 PM - Amy: 陶藝班週六照常嗎\n"
            "10/11/27, 9:05 PM - 老師: 照常，十點開始\n")
    assert [m.time for m in parse_text(chat, "whatsapp.txt").messages] == [datetime(2027, 10, 11, 21, 2),
                                                                           datetime(2027, 10, 11, 21, 5)]


def test_one_day_export_follows_the_dates_its_lines_spell() -> None:
    # an Android US phone writes the year in full too ("月/日/年"): the chat's own "本周六（12月12日）" says December
    chat = ("12/05/2026, 20:01 - 中文学校-王老师: 各位家长好，本周六（12月12日）上午10点期末汇报演出，在社区中心大礼堂\n"
            "12/05/2026, 20:03 - Tony爸爸: 孩子要穿什么衣服\n")
    assert [m.time for m in parse_text(chat, "whatsapp.txt").messages][0] == datetime(2026, 12, 5, 20, 1)
    # …and a Hong Kong one's "12月8號到期" says 10 November, not 11 October
    chat = ("10/11/2027, 9:02 am - 判頭-發叔: 保險單 12月8號到期，我月尾前會續\n"
            "10/11/2027, 9:05 am - 水喉-阿強: 收到\n")
    assert [m.time for m in parse_text(chat, "whatsapp.txt").messages][0] == datetime(2027, 11, 10, 9, 2)
