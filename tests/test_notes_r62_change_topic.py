"""Round 62 (d13e62): a later change moves the to-do its topic word names ("报曲目的时间提前到…" moves the 曲目 to-do,
not the 海报 one whose owner asked the line before), a word every to-do shares (时间) names none, and "提前一点" takes
the time the next clause gives ("文案提前一点，12月1日前给我").

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_structure

START = datetime(2027, 3, 10, 20, 0)


def test_change_moves_the_todo_its_topic_names():
    notes = chat_structure(
        "团长阿青|分工一下：\n1. 小蔡做宣传海报，3月25日前发群里\n2. 大家3月20日前在群里报节目",
        "小蔡|收到，海报3月25日前给大家",
        "小蔡|团长，我月底要出差，海报可能来不及，能不能换人？",
        "团长阿青|没事，海报改由我来做，时间还是3月25日前",
        "团长阿青|还有，报节目的时间提前到3月18日前，我要早点排顺序",
        start=START,
    )
    dues = {a.deadline for a in notes.actions if "海报" in a.task}
    assert dues == {"2027-03-25"}, [(a.owner, a.task, a.deadline) for a in notes.actions]
    shows = [a for a in notes.actions if "报节目" in a.task]
    assert shows and all(a.deadline == "2027-03-18" for a in shows), [(a.task, a.deadline) for a in shows]


def test_a_little_earlier_takes_the_time_of_the_next_clause():
    notes = chat_structure(
        "主理人老唐|分工：\n1. 小林写活动文案，3月20日前给我\n2. 阿May负责现场拍照",
        "小林|收到，文案3月20日前给你",
        "主理人老唐|另外文案提前一点，3月17日前给我，我要留时间改",
        "小林|行，3月17日前交文案",
        start=START,
    )
    copy = [a for a in notes.actions if "文案" in a.task]
    assert [a.deadline for a in copy] == ["2027-03-17"], [(a.owner, a.task, a.deadline) for a in notes.actions]
    assert copy[0].owner == "小林"
