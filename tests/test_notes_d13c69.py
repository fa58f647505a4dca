"""Round 69 (d13c69): a week named alone in a message (「下周的安排：」) dates the bare weekdays after it."""

from datetime import date, datetime

from copilot.notes.dates import find_deadline, time_expressions

MONDAY = datetime(2026, 12, 7, 20, 0)  # a Monday evening: a bare 周四 alone is this week's (12-10)
FRIDAY = datetime(2026, 12, 4, 20, 0)


def _days(text: str, when: datetime) -> dict[str, date | None]:
    return {d.text: d.day for d in time_expressions(text, when)}


def test_roster_under_next_week_heading_is_next_week():
    got = _days("下周的值班安排：\n周二晚上 老刘\n周四下午 阿芳", MONDAY)
    assert got["周二晚上"] == date(2026, 12, 15)
    assert got["周四下午"] == date(2026, 12, 17)


def test_frame_in_one_sentence():
    got = _days("下周的读书分享会，周四晚上7点在社区图书馆", MONDAY)
    assert got["周四晚上7点"] == date(2026, 12, 17)


def test_week_after_next_frame():
    got = _days("下下周的周六早上6点半集合，大家都到", MONDAY)
    assert got["周六早上6点半"] == date(2026, 12, 26)


def test_bare_weekday_alone_stays_this_week():
    assert _days("周四下午阿芳去拿钥匙", MONDAY)["周四下午"] == date(2026, 12, 10)


def test_weekday_with_own_week_word_is_no_frame():
    # 「下周三前」 names only itself: the 周六 of the next clause is this week's
    got = _days("表格下周三前交给我，周六上午我去取快递", MONDAY)
    assert got["下周三前"] == date(2026, 12, 16)
    assert got["周六上午"] == date(2026, 12, 12)


def test_semicolon_and_list_number_end_the_frame():
    got = _days("这周的事：1. 下周起每次收5元茶水费；2. 周三下午大家来活动室包书皮", MONDAY)
    assert got["周三下午"] == date(2026, 12, 9)
    got = _days("汇总：1. 下周开始换新场地 2. 周五上午小王把钥匙还回去", MONDAY)
    assert got["周五上午"] == date(2026, 12, 11)


def test_due_time_under_the_frame_keeps_its_own_week():
    # work leading up to next week's fair: 「周四前」 is this Thursday; the fair's own 周六上午 is next week's
    got = _days("下周的义卖集市，老刘你周四前把价签打印好，周六上午8点在广场摆摊", MONDAY)
    assert got["周四前"] == date(2026, 12, 10)
    assert got["周六上午8点"] == date(2026, 12, 19)


def test_this_week_frame_moves_nothing():
    assert _days("这周的安排：周四下午打扫活动室", MONDAY)["周四下午"] == date(2026, 12, 10)


def test_said_on_friday_already_ahead():
    # a bare weekday said on a Friday already runs into next week: the frame changes nothing
    assert _days("下周的安排：周四下午开会", FRIDAY)["周四下午"] == date(2026, 12, 10)


def test_find_deadline_reads_the_clause_in_its_message():
    msg = "说一下下周的安排：\n周二晚上小周把投票链接发群里\n周四下午阿敏去图书馆拿钥匙"
    due = find_deadline("周二晚上小周把投票链接发群里", MONDAY, msg)
    assert due is not None and due.day == date(2026, 12, 15)
    alone = find_deadline("周二晚上小周把投票链接发群里", MONDAY)
    assert alone is not None and alone.day == date(2026, 12, 8)
