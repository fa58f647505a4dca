"""Round 41: what a reader of the notes noticed — a time range is an activity's slot, not a due time;
one person under two names is one owner. Sentences written for these tests."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from chat_lines import chat_notes

from copilot.notes.dates import find_deadline, time_expressions
from copilot.notes.model import Message
from copilot.notes.reading import People, aliases

WED_EVENING = datetime(2026, 12, 16, 21, 0)


@pytest.mark.parametrize(("text", "day", "clock"), [
    ("周六晚上8点到11点在活动室下棋，大家带上自己的棋钟", date(2026, 12, 19), "20:00"),
    ("周五晚上7点至9点排练，小王把谱架搬过去", date(2026, 12, 18), "19:00"),
    ("这周六上午9点到11点换盆，阿梅你把土备好", date(2026, 12, 19), "09:00"),
])
def test_a_range_is_due_at_its_start_never_at_its_end(text: str, day: date, clock: str) -> None:
    found = find_deadline(text, WED_EVENING)
    assert found is not None
    assert (found.day, found.clock) == (day, clock)


def test_the_end_of_an_evening_range_is_still_read_as_evening() -> None:
    ends = [d for d in time_expressions("周六晚上8点到11点在活动室下棋", WED_EVENING) if d.range_end]
    assert [(d.day, d.clock) for d in ends] == [(date(2026, 12, 19), "23:00")]


@pytest.mark.parametrize(("text", "ends"), [
    ("明晚八点到十点在琴房合练", [("20:00", False), ("22:00", True)]),
    ("周六晚上八点至十一点线上快棋赛", [("20:00", False), ("23:00", True)]),
])
def test_a_range_in_chinese_numerals_is_read_as_one(text: str, ends: list[tuple[str, bool]]) -> None:
    assert [(d.clock, d.range_end) for d in time_expressions(text, WED_EVENING)] == ends


@pytest.mark.parametrize("text", ["这样改有一点到位了", "差一点到了，堵在桥上"])
def test_a_little_before_a_joint_is_no_hour(text: str) -> None:
    assert not [d for d in time_expressions(text, WED_EVENING) if d.clock]


def test_a_day_with_the_task_wins_over_the_range_of_the_activity() -> None:
    found = find_deadline("小杨你周六下午把奖杯搬到活动室，比赛8点到11点，中间你负责计时", WED_EVENING)
    assert found is not None
    assert found.day == date(2026, 12, 19) and found.clock != "11:00" and found.clock != "23:00"


def test_a_marked_end_of_a_range_is_a_deadline() -> None:
    found = find_deadline("报名周四晚上8点到10点前在群里接龙", WED_EVENING)
    assert found is not None
    assert (found.day, found.clock) == (date(2026, 12, 17), "22:00")


# -- one person under two names ------------------------------------------------------------------

def test_a_member_called_by_the_surname_is_one_owner() -> None:
    notes = chat_notes(
        "社长阿梅|下周日的桥牌友谊赛，比赛用牌我来买",
        "大刘|记分表谁来做",
        "社长阿梅|刘哥，记分表你来做，周五前发群里",
        "大刘|行",
        "社长阿梅|场地押金200，周四前交给刘老师",
        start=WED_EVENING)
    owners = {a.owner for a in notes.actions if "记分表" in a.task}
    assert owners == {"大刘"}


def test_the_full_name_answers_to_old_and_brother_forms() -> None:
    notes = chat_notes(
        "合唱团孟老师|新年音乐会的节目单，老孙你周六前打印五十份",
        "孙志强|好的",
        start=WED_EVENING)
    assert [a.owner for a in notes.actions if "节目单" in a.task] == ["孙志强"]


def _people(*speakers: str) -> People:
    return People.of([Message(id=i, time=None, speaker=sp, text="我来") for i, sp in enumerate(speakers)])


def test_a_form_two_members_share_names_neither() -> None:
    people = _people("大刘", "刘姐")
    assert people.resolve("刘老师") is None
    assert people.resolve("大刘") == "大刘"
    assert _people("王一鸣", "王芳").resolve("王老师") is None  # the surname shared, even by a plain name


def test_a_common_word_is_no_call_of_a_surname() -> None:
    people = _people("方姐", "阿凯")
    assert people.resolve("老方") == "方姐"
    assert people.resolve("大方") is None
    assert _people("小刘", "阿凯").resolve("老刘") is None  # someone younger is not 老刘
    assert "老刘" not in aliases("大刘")  # the calls depend on the chat's members, not on the name alone


# -- a decision settled by someone else than the one who proposed it -----------------------------

def test_a_matter_set_to_a_named_piece_is_decided_by_who_set_it() -> None:
    notes = chat_notes(
        "合唱团孟老师|年会合唱在《茉莉花》和《送别》里挑一首",
        "阿珍|《送别》吧，好记",
        "老吴|我也觉得《送别》",
        "合唱团孟老师|好，合唱定《送别》，下周开始练",
        start=WED_EVENING)
    found = [d for d in notes.decisions if "送别" in d.text]
    assert found and found[0].decider == "合唱团孟老师"


def test_assent_then_a_matter_and_its_value_settles_it() -> None:
    notes = chat_notes(
        "队长阿斌|周末夜骑定个时间",
        "小鹿|要不周六晚上7点，人多",
        "队长阿斌|行，夜骑就周六晚上7点，江边码头集合",
        "小鹿|好",
        start=WED_EVENING)
    found = [d for d in notes.decisions if "江边码头" in d.text or "7点" in d.text]
    assert found and found[0].decider == "队长阿斌"


def test_a_question_about_a_piece_decides_nothing() -> None:
    notes = chat_notes(
        "阿珍|年会合唱是定《送别》了吗",
        "合唱团孟老师|还没，周五再说",
        start=WED_EVENING)
    assert not [d for d in notes.decisions if "送别" in d.text]


# -- the one who asked about paying is the one who pays -------------------------------------------

def test_the_asker_about_a_deposit_pays_it() -> None:
    notes = chat_notes(
        "阿坤|年夜饭的包间我订一个大桌，押金什么时候交",
        "饭店经理老冯|押金300，周五前转我就行",
        start=WED_EVENING)
    assert [(a.owner, a.deadline) for a in notes.actions] == [("阿坤", "2026-12-18")]


def test_a_deposit_told_to_everyone_is_everyones() -> None:
    notes = chat_notes(
        "饭店经理老冯|年夜饭包间的押金每桌300，周五前转我就行",
        "阿坤|好的",
        start=WED_EVENING)
    assert [a.owner for a in notes.actions] == ["大家"]
