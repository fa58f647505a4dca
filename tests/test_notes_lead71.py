"""Round 71, lead (issue 13): a month-day header of 29 February ("林指挥 02-29 09:00") was read as 1900-02-29, a day
that does not exist, and its message was dropped as 「时间无效」 with everything the member said in it. The day is in a
leap year only: such a chat is dated in the latest one, every message in the same year. Chats written for these tests."""

from __future__ import annotations

from calendar import isleap
from datetime import date, timedelta

from copilot.config import get_settings
from copilot.llm import get_engine
from copilot.notes import summarize_transcript
from copilot.notes.parse import parse_text

REHEARSAL = """林指挥 02-28 20:00
明天的排练改到晚上七点，地点还是社区活动室

林指挥 02-29 09:00
大家记得带上周发的新谱子，没打印的说一声

小王 02-29 09:05
收到，我周日前把没打印的几份打好带过去

阿芳 03-01 21:30
我请假一次，周二那场再来
"""


def test_a_29_february_header_keeps_its_message_and_dates_the_chat_in_a_leap_year() -> None:
    t = parse_text(REHEARSAL, "合唱排练.txt")
    assert [m.speaker for m in t.messages] == ["林指挥", "林指挥", "小王", "阿芳"]
    assert not any("时间无效" in w for w in t.warnings)
    years = {m.time.year for m in t.messages}
    assert len(years) == 1
    year = years.pop()
    assert isleap(year) and date(year, 2, 29) <= date.today() + timedelta(days=31)
    assert not any(isleap(y) and date(y, 2, 29) <= date.today() + timedelta(days=31) for y in range(year + 1, date.today().year + 1))
    assert [m.time.date() for m in t.messages] == [date(year, 2, 28), date(year, 2, 29), date(year, 2, 29), date(year, 3, 1)]
    assert any("没有年份" in w and "2 月 29 日" in w and str(year) in w for w in t.warnings)


def test_the_members_promise_on_29_february_is_a_to_do_due_that_sunday() -> None:
    t = parse_text(REHEARSAL, "合唱排练.txt")
    year = t.messages[0].time.year
    settings = get_settings()
    notes = summarize_transcript(t, settings, get_engine(settings, prefer="offline")).notes
    due = {a.owner: a.deadline for a in notes.actions}
    sunday = date(year, 2, 29) + timedelta(days=(6 - date(year, 2, 29).weekday()) % 7 or 7)
    assert due["小王"].startswith(sunday.isoformat())



# Round 71, lead, from a fresh tester's band and carpool chats: work called off with any verb after 不用/不需要
# (「音响不用租了」「水泵的事不用问了」) closes that work's to-do, and a member asking or answering how to pay by transfer
# (「油钱大家是转账还是现金」「都可以，转账的话账号我私信给大家」) is a question and its answer, not red-packet chatter.
GIG = """老周 2026-12-01 20:00
这周六婚礼演出，大家确认一下分工
老周 2026-12-01 20:01
胖虎你周四前把音响租好，阿May负责借两个话筒
胖虎 2026-12-01 20:03
好的，音响我周四前搞定
阿May 2026-12-01 20:05
话筒我来借
小林 2026-12-01 20:10
我负责打印歌单，周五前发群里
老周 2026-12-01 21:30
刚问了场地，他们有音响，音响不用租了
小林 2026-12-01 21:31
那挺好
老周 2026-12-01 21:40
油钱大家是转账还是现金
阿May 2026-12-01 21:41
都可以，转账的话账号我私信给大家
小林 2026-12-01 21:42
谢谢老板的红包
"""


def _gig_notes():  # type: ignore[no-untyped-def]
    settings = get_settings()
    return summarize_transcript(parse_text(GIG, "婚礼乐队.txt"), settings, get_engine(settings, prefer="offline"))


def test_work_called_off_with_any_verb_after_buyong_leaves_the_to_dos() -> None:
    notes = _gig_notes().notes
    owners = {a.owner for a in notes.actions}
    assert "胖虎" not in owners  # 音响不用租了
    assert {"阿May", "小林"} <= owners  # the rest of the work stands
    assert any("周五前" in a.task for a in notes.actions if a.owner == "小林")


def test_a_question_and_answer_about_paying_by_transfer_are_kept() -> None:
    result = _gig_notes()
    pairs = [(q.question, q.answer) for q in result.notes.qa]
    assert any("转账还是现金" in q and "账号我私信" in a for q, a in pairs), pairs
    dropped = {d.text: d.reason for d in result.dropped}
    assert "谢谢老板的红包" in dropped  # thanks for a packet is still chatter
    assert not any("转账" in t for t in dropped), dropped


# … and a hand-over whose decline ends its clause on 「V不了」 (「电子鼓我周五拿不了，交给阿May吧」), not only 「V不了了」:
# the old owner no longer keeps the work beside the new one.
DRUMS = """小何 2026-12-01 20:00
周六婚礼演出分工：老周周五前把电子鼓搬到场地，小林负责打印歌单
老周 2026-12-01 20:02
收到，电子鼓我周五前搬
小林 2026-12-01 20:03
歌单我周五前发群里
老周 2026-12-02 19:00
电子鼓我周五拿不了，交给阿May吧
阿May 2026-12-02 19:05
好，电子鼓我周五前搬过去
"""


def test_a_decline_ending_its_clause_hands_the_work_over() -> None:
    settings = get_settings()
    notes = summarize_transcript(parse_text(DRUMS, "婚礼乐队.txt"), settings, get_engine(settings, prefer="offline")).notes
    drums = [a for a in notes.actions if "电子鼓" in a.task]
    assert [a.owner for a in drums] == ["阿May"], [(a.owner, a.task) for a in notes.actions]
    assert drums[0].deadline.startswith("2026-12-04")
    assert any(a.owner == "小林" for a in notes.actions)
