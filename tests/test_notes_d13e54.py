"""Round 54 (d13e54, issue 13): a correction that names its wrong value marks only the clause holding it — a
notice's other clauses (its day, its first line) stay — and a changed place or count gets （已改：…） too, while an
unrelated earlier mention of the same word is left as it is."""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_notes, chat_structure

from copilot.notes import render_markdown

START = datetime(2026, 12, 7, 18, 0)

# a class group: one notice holds a check-up day and a bus fee; the fee is corrected later
CLASS = (
    "李老师|【通知】各位家长好：本周四（12月10日）上午学校统一体检，请孩子早上空腹到校。另外春游车费每人45元，周五前交给班长妈妈",
    "小宝妈妈|收到",
    "天天爸爸|收到",
    "李老师|【更正】春游车费是每人40元，不是45元，之前算错了。截止时间不变",
    "小宝妈妈|好的",
)

# a hiking group: the meeting gate is corrected; a reply about parking also names the old gate
HIKE = (
    "林姐|【通知】本周六（12月5日）上午9点徒步活动，在公园南门集合，请大家带两瓶水，穿运动鞋",
    "阿伟|收到",
    "小美|收到，南门那边停车方便吗",
    "林姐|停车场在南门对面，五块一小时",
    "林姐|【更正】周六集合不是南门，是北门，南门在修路",
    "阿伟|好的",
)

# a book club: the number of tables is corrected
BOOKS = (
    "阿琳|周日读书会定在图书馆三楼，我去借两张桌子，大家下午两点到",
    "子墨|好的",
    "小周|我带茶叶",
    "阿琳|更正一下：桌子不是两张，是一张，三楼人不多",
    "子墨|收到",
)


def test_a_corrected_fee_keeps_the_notices_other_clauses():
    found = chat_structure(*CLASS, start=START)
    notice = next(n for n in found.announcements if "体检" in n.text)
    assert "本周四（12月10日）上午学校统一体检" in notice.text, found.announcements
    fee = [a for a in found.actions if "车费" in a.task]
    assert fee and "45元（已改：40元）" in fee[0].task, found.actions


def test_a_corrected_meeting_place_is_marked_and_a_parking_remark_is_not():
    found = chat_structure(*HIKE, start=START)
    notice = next(n for n in found.announcements if "徒步" in n.text)
    assert "南门集合（已改：北门）" in notice.text
    assert "12月5日" in notice.text  # the day the correction repeats ("周六") is no wrong value
    notes = render_markdown(chat_notes(*HIKE, start=START))
    assert "停车场在南门对面（已改" not in notes


def test_a_corrected_count_is_marked():
    notes = render_markdown(chat_notes(*BOOKS, start=START))
    assert "两张桌子（已改：一张）" in notes
