"""Round 78 (d13a78, issue 13): the week of a chat without dated messages, told by its own week words.

- a weekday with a week word told to be what a dated line plans ("下下週六就是尾牙了" beside "尾牙訂在12月19日（六）",
  or "尾牙就系下下个礼拜六") puts the chat in that many weeks before it;
- a second date told with its week word ("下個禮拜六（12月26號）先綵排") does too, though the first dated line (the
  planned event, "盆菜宴1月9號（六）") names no week;
- when the words disagree the week most of them tell wins; with none, the week before the event stays (today's
  behaviour), and a weekday naming another matter ("这周六先去书店踩个点"), a past line ("上週六就是…") tells nothing;
- "禮拜六前同我數清楚有幾多人出席" is a count to report by a deadline, not a question.
"""

from datetime import date
from pathlib import Path

from copilot.config import get_settings
from copilot.llm import get_engine
from copilot.notes.dates import assumed_days
from copilot.notes.reading import asks
from copilot.notes.summarize import summarize_file

DEV = Path(__file__).resolve().parent.parent / "evals" / "notes" / "dev"


def _day(lines: list[str]) -> date | None:
    first = next((d for d in assumed_days([(t, None) for t in lines], near=2026) if d is not None), None)
    return None if first is None else first.today


DINNER = "今年尾牙訂在12月19日（六）晚上，地點是員林的海鮮餐廳"


# -- a weekday told to be the planned event --------------------------------------------------------------------------

def test_after_next_saturday_is_the_dinner_puts_the_chat_two_weeks_before() -> None:
    lines = [DINNER, "今天禮拜二，先把分工排一下", "下下週六就是尾牙了，時間好趕", "阿凱這週五前把出席人數統計好給我"]
    assert _day(lines) == date(2026, 12, 1)


def test_the_event_named_before_its_weekday_tells_the_week_too() -> None:
    lines = [DINNER, "今日禮拜三", "尾牙就係下下個禮拜六，大家記得留時間"]
    assert _day(lines) == date(2026, 12, 2)


def test_without_week_words_the_week_before_the_event_stays() -> None:
    lines = [DINNER, "今天禮拜二，先把分工排一下", "阿凱這週五前把出席人數統計好給我"]
    assert _day(lines) == date(2026, 12, 8)


def test_a_weekday_naming_another_matter_moves_nothing() -> None:
    # hard negative: "这周六先去书店踩个点" is a visit of its own, not the 分享会 — no joint word ties it to the event
    lines = ["年终分享会定在12月19日（周六）下午，在新华书店三楼", "今天礼拜三，几件事说一下",
             "我这周六先去书店踩个点，看看场地多大", "小吴周五前把每人发言的顺序排出来"]
    assert _day(lines) == date(2026, 12, 9)


def test_a_past_line_tells_no_week() -> None:
    # hard negative: "上週六就是去年尾牙的場地" looks back; it puts the chat in no week
    lines = [DINNER, "今天禮拜二", "我上週已經問過，下週六就是尾牙那間餐廳的公休日"]
    assert _day(lines) == date(2026, 12, 8)


# -- a second date told with its week word --------------------------------------------------------------------------

def test_next_saturday_in_brackets_dates_the_chat_before_the_banquet() -> None:
    lines = ["各位師兄弟，新年盆菜宴定咗1月9號（六）喺村公所", "收到",
             "今日禮拜四，我哋下個禮拜六（12月26號）先喺球場綵排一次", "Ken下禮拜三前訂好獅頭嘅新鬚"]
    assert _day(lines) == date(2026, 12, 17)


def test_the_week_most_words_tell_wins() -> None:
    # two lines put the chat in the week of 11月30日 (下下週六 is the dinner; 下週六 is 12月12日), one in the week after
    # ("尾牙就是下週六", a slip): the two agreeing win
    lines = [DINNER, "下下週六就是尾牙了", "下週六（12月12日）先去試菜", "尾牙就是下週六吧"]
    assert _day(lines) == date(2026, 11, 30)


# -- a count to report by a deadline is told, not asked -------------------------------------------------------------

def test_count_to_report_by_a_deadline_is_no_question() -> None:
    assert not asks("阿明禮拜六前同我數清楚有幾多人出席")
    assert not asks("下周三前清点一下仓库还有多少箱水")


def test_a_count_asked_is_still_a_question() -> None:
    assert asks("数清楚有几多人？")
    assert asks("你点算有几多人去啊")


# -- the notes of the dev chats -------------------------------------------------------------------------------------

def _deadlines(name: str) -> dict[str | None, str | None]:
    settings = get_settings()
    notes = summarize_file(DEV / name, settings, get_engine(settings, prefer="offline")).notes
    return {a.owner: a.deadline for a in notes.actions}


def test_dev78a_deadlines_count_from_the_told_week() -> None:
    got = _deadlines("dev78a_pasted_trad_tw_year_end_dinner_weeks.txt")
    assert got["阿凱"] == "2026-12-04"
    assert got["美玲"] == "2026-12-09"
    assert got["志明"] is not None and got["志明"].startswith("2026-12-02")


def test_dev78b_deadlines_count_from_the_rehearsal_week() -> None:
    got = _deadlines("dev78b_stamptime_canto_lion_dance_rehearsal.txt")
    assert got["Ken"] == "2026-12-23"
    assert got["肥仔"] is not None and got["肥仔"].startswith("2026-12-18")


def test_dev78e_unbounded_chat_keeps_the_week_before() -> None:
    got = _deadlines("dev78e_pasted_book_club_unbounded.txt")
    assert got["小吴"] == "2026-12-11"
    assert got["阿梅"] == "2026-12-10 20:00"


# -- more ways a chat tells its week ----------------------------------------------------------------------------------

def test_the_weekday_of_the_event_with_de_tells_the_week() -> None:
    lines = [DINNER, "今天禮拜二", "下下週六的尾牙大家記得穿正式一點"]
    assert _day(lines) == date(2026, 12, 1)


def test_weeks_left_before_the_event_tell_the_week() -> None:
    lines = ["新年盆菜宴定咗1月9號（六）喺村公所", "今日禮拜四", "仲有三個禮拜就盆菜宴喇，大家加把勁"]
    assert _day(lines) == date(2026, 12, 17)


def test_weeks_left_for_another_matter_move_nothing() -> None:
    # hard negative: two weeks left of a course, not of the banquet: no word of the banquet's line
    lines = ["新年盆菜宴定咗1月9號（六）喺村公所", "今日禮拜四", "我個課程仲有兩個禮拜就完"]
    assert _day(lines) == date(2026, 12, 31)


def test_a_weekday_beside_the_evening_of_the_event_tells_nothing() -> None:
    # hard negative: "下週六晚上" shares 晚上 with the dinner's line, but only after its date: not what it plans
    lines = [DINNER, "今天禮拜二", "下週六晚上我要加班"]
    assert _day(lines) == date(2026, 12, 8)


# -- the time of work told in another line ---------------------------------------------------------------------------

def _todos(name: str) -> list[tuple[str | None, str | None]]:
    settings = get_settings()
    notes = summarize_file(DEV / name, settings, get_engine(settings, prefer="offline")).notes
    return [(a.owner, a.deadline) for a in notes.actions]


def test_dev78f_times_told_after_the_work_date_it() -> None:
    got = dict(_todos("dev78f_wechat_trad_tw_alumni_dinner_given_work.txt"))
    assert got["小芳"] == "2026-12-13 12:00"  # 小芳你把節目單整理一下 — 好的 — 時間定了：週日中午前
    assert got["阿偉"] == "2026-12-10"  # 海報我來做 — 好，那就禮拜四之前吧
    assert got["阿梅"] == "2026-12-11"  # 抽獎禮品交給阿梅 — OK — 週五前買齊


def test_dev78f_the_speakers_own_other_work_keeps_its_time() -> None:
    # hard negative: "名單下週一前我自己整理好" after "場地的事大劉負責" — "收到" is the chair's own work, not 大劉's time
    got = _todos("dev78f_wechat_trad_tw_alumni_dinner_given_work.txt")
    assert ("大劉", None) in got
    assert ("會長-老周", "2026-12-14") in got
    assert "大家" not in dict(got)


def test_a_named_time_after_an_offer_stays_that_members_line() -> None:
    # hard negative (dev43b): "催还的电话我来打" — "好，阿光下周二前打完" keeps 阿光's to-do, due 下周二前
    assert ("阿光", "2026-12-22") in _todos("dev43b_csv_tool_library.csv")
