"""Round 53 (d13a53): short hand-offs, "我来看看…" that takes nothing on, a changed "…前" time and the eve of an
outing with its hour.

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import date, datetime

from chat_lines import chat_notes

from copilot.notes.dates import find_deadline
from copilot.notes.reading import is_question

START = datetime(2028, 9, 4, 20, 0)  # a Monday evening


def test_a_changed_deadline_wins_over_the_one_it_replaces():
    said = datetime(2028, 10, 16, 20, 0)  # a Monday
    found = find_deadline("节目单原本周三前定稿，改成周二前定稿，阿伟你顺便负责", said)
    assert found is not None and found.day == date(2028, 10, 17)
    found = find_deadline("报名原来是周五截止，改成下周一前报名", said)
    assert found is not None and found.day == date(2028, 10, 23)
    # with no change, the first "…前" stays the one due
    found = find_deadline("海报周三前出初稿，周五前定稿", said)
    assert found is not None and found.day == date(2028, 10, 18)


def test_the_eve_of_an_outing_keeps_its_hour():
    said = datetime(2028, 12, 4, 21, 0)
    found = find_deadline("爬山前一晚9点前大家在群里报一下人数", said, event=date(2028, 12, 10))
    assert found is not None and found.day == date(2028, 12, 9) and found.clock == "21:00"
    # with no event day known it stays words only, never the message's day
    found = find_deadline("出发前一晚9点前大家在群里报一下人数", said)
    assert found is None or found.day is None


def test_going_to_check_is_no_question_and_no_offer():
    assert not is_question("我来看看仓库里还有没有")
    assert not is_question("我来看看那天有没有空")
    assert is_question("你看看那天有没有空？")
    notes = chat_notes(
        "会长阿伟|周六下午俱乐部内部赛，比赛用球谁来管？要买两筒",
        "阿杰|我来看看仓库里还有没有",
        "小鹿|交给我了，周五前买好",
        start=START,
    )
    owners = {a.owner for a in notes.actions}
    assert "阿杰" not in owners and "大家" not in owners
    ball = [a for a in notes.actions if a.owner == "小鹿"]
    assert ball and ball[0].deadline == "2028-09-08"


def test_short_offers_take_the_call():
    notes = chat_notes(
        "组长小唐|教资面试模拟定在10月21日周六晚上7点，模拟题谁整理一下？每人两道",
        "阿蓝|我这边可以，下周三之前发群里",
        start=datetime(2028, 10, 9, 21, 0),
    )
    mine = [a for a in notes.actions if a.owner == "阿蓝"]
    assert mine and mine[0].deadline == "2028-10-18"
    notes = chat_notes(
        "晓琳|有人能带个小音箱吗？想放点音乐",
        "大壮|算我一个，我带音箱",
        start=START,
    )
    assert any(a.owner == "大壮" and "音箱" in a.task for a in notes.actions)


def test_this_one_after_a_check_takes_the_call_before_it():
    notes = chat_notes(
        "家委会王姐|11月11日周六上午学校运动会，加油横幅谁能去印一下？",
        "乐乐妈|我来看看打印店周末开不开",
        "朵朵爸|这个我包了，周四前拿到学校",
        start=datetime(2028, 11, 6, 20, 0),
    )
    assert [a.owner for a in notes.actions] == ["朵朵爸"]
    assert notes.actions[0].deadline == "2028-11-09"
