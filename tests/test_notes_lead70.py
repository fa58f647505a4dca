"""Round 70, lead (issue 13): a copy whose headers carry a month and day but no year ("林指挥 12-03 20:00",
"林指挥 12月3日 20:00") is dated: the year is the one the chat's own weekday-dated words fix (12月19日（周六）), each
message the year nearest that day (a chat from December into January), else this year — and the notes say so. A
fresh tester's choir chat had every deadline a week late (the headers' dates were dropped and the week guessed).
Chats written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from copilot.config import get_settings
from copilot.llm import get_engine
from copilot.notes import summarize_transcript
from copilot.notes.parse import parse_text

CHOIR = """林指挥 {d1} 20:00
各位，区里合唱比赛定在12月19日（周六）下午，我们报了两首：《送别》和《茉莉花》

小敏 {d1} 20:02
比赛服装怎么办 去年那套白裙子还能穿吗

团长秀芬 {d1} 20:05
服装的事我去跟租衣店谈，下周一前给大家定下来尺码表

阿珍 {d2} 09:10
钢琴谱我来复印，周日前印好带过去
"""


@pytest.mark.parametrize("d1,d2", [("12-03", "12-04"), ("12月3日", "12月4日"), ("12/3", "12/4")])
def test_month_day_headers_take_the_year_the_chats_weekday_fixes(d1: str, d2: str) -> None:
    t = parse_text(CHOIR.format(d1=d1, d2=d2), "合唱团.txt")
    assert [m.speaker for m in t.messages] == ["林指挥", "小敏", "团长秀芬", "阿珍"]
    assert [m.time.date() for m in t.messages] == [date(2026, 12, 3)] * 3 + [date(2026, 12, 4)]
    assert any("没有年份" in w and "12月19日（周六）" in w and "2026" in w for w in t.warnings)


def test_deadlines_count_from_the_headers_days() -> None:
    t = parse_text(CHOIR.format(d1="12-03", d2="12-04"), "合唱团.txt")
    settings = get_settings()
    notes = summarize_transcript(t, settings, get_engine(settings, prefer="offline")).notes
    due = {a.owner: a.deadline for a in notes.actions}
    assert due["团长秀芬"].startswith("2026-12-07")  # 下周一 from Thursday 3 December
    assert due["阿珍"].startswith("2026-12-06")  # 周日 from Friday 4 December


def test_a_chat_from_december_into_january_changes_year_at_the_turn() -> None:
    chat = ("老周 12-30 21:00\n年会定在1月9日（周五）晚上，地点还在挑\n\n"
            "小温 12-31 10:00\n场地我来问，元旦后给大家消息\n\n"
            "老周 01-02 09:30\n小温问到了吗\n")
    t = parse_text(chat, "年会.txt")
    assert [m.time.date() for m in t.messages] == [date(2025, 12, 30), date(2025, 12, 31), date(2026, 1, 2)]


def test_without_a_weekday_dated_word_the_year_is_this_one_and_said() -> None:
    chat = "阿强 3-14 19:00\n周末去南山徒步的报名了吗\n\n小雅 3-14 19:05\n报了，我带水\n"
    t = parse_text(chat, "徒步.txt")
    years = {m.time.year for m in t.messages}
    assert years <= {date.today().year, date.today().year - 1} and len(years) == 1
    assert any("没有年份" in w and "今天的日期" in w for w in t.warnings)


def test_full_dates_are_left_as_they_are() -> None:
    chat = "阿强 2025-03-14 19:00\n周末去南山徒步的报名了吗\n\n小雅 2025-03-14 19:05\n报了，我带水\n"
    t = parse_text(chat, "徒步.txt")
    assert {m.time.date() for m in t.messages} == {date(2025, 3, 14)}
    assert not any("没有年份" in w for w in t.warnings)
