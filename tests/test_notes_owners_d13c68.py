"""Round 68 (d13c68): a to-do keeps its owner through a later change of time, and a hand-over gives it a new one.

- "那改成12/17前吧", said by the one who gave the work right after its owner reports a holdup, re-times that
  owner's to-do — it is not a to-do of its own for 大家.
- "那订酒楼的事改成孙悦来" by the one who gave the work hands it to 孙悦: the to-do keeps its own deadline.

Every chat below was written for these tests (a class reunion, a wedding helpers' group); none is a dev or eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_notes

START = datetime(2031, 12, 1, 20, 0)


def _by_owner(notes) -> dict[str, list[tuple[str, str | None]]]:
    out: dict[str, list[tuple[str, str | None]]] = {}
    for a in notes.actions:
        out.setdefault(a.owner or "", []).append((a.task, a.deadline))
    return out


def test_a_bare_retiming_after_the_owners_report_moves_their_to_do() -> None:
    notes = chat_notes("班长老周|场地陈刚去订，12月12日前定下来",
                       "班长老周|通讯录刘芳整理，12月14日前发群里",
                       "刘芳|好的",
                       "陈刚|收到",
                       "陈刚|场地那边老板说周末才给准信",
                       "班长老周|那改成12/17前吧",
                       start=START)
    owners = _by_owner(notes)
    assert "大家" not in owners  # the change line is no to-do of the group's
    assert [d for t, d in owners["陈刚"] if "场地" in t] == ["2031-12-17"]
    assert [d for t, d in owners["刘芳"] if "通讯录" in t] == ["2031-12-14"]  # the other to-do keeps its time


def test_a_bare_retiming_after_a_remark_of_another_member_moves_nothing() -> None:
    notes = chat_notes("班长老周|场地陈刚去订，12月12日前定下来",
                       "陈刚|收到",
                       "阿梅|我那天可能要加班",
                       "班长老周|那改成12/17前吧",
                       start=START)
    assert [a.deadline for a in notes.actions if a.owner == "陈刚"] == ["2031-12-12"]


def test_a_hand_over_gives_the_to_do_its_new_owner_and_keeps_its_deadline() -> None:
    notes = chat_notes("新娘小雯|订酒楼的事王磊负责，12月10日前订好",
                       "新娘小雯|请柬李娜来做，12月15日前发出去",
                       "王磊|好的",
                       "李娜|收到",
                       "孙悦|我这两周都有空，有事叫我",
                       "王磊|这周我要出差，酒楼可能来不及跑了",
                       "新娘小雯|那订酒楼的事改成孙悦来",
                       start=START)
    owners = _by_owner(notes)
    assert [d for t, d in owners["孙悦"] if "酒楼" in t] == ["2031-12-10"]
    assert not [t for t, _ in owners.get("王磊", []) if "酒楼" in t]
    assert [d for t, d in owners["李娜"] if "请柬" in t] == ["2031-12-15"]


def test_a_hand_over_to_a_member_moves_a_to_do_the_notes_gave_the_group() -> None:
    # the banner was first read as the group's; the organiser then hands it to 小美 (阿杰's later version is a remark)
    notes = chat_notes("社区-王姐|周六的义卖定在社区广场，横幅由宣传组阿杰做，周四前挂好",
                       "小美|收到",
                       "宣传组-阿杰|王姐，我这周在外地培训，周五晚上才回来",
                       "社区-王姐|那横幅改成小美先做个简易的，周四前挂好，阿杰的正式版下周再换",
                       start=START)
    banner = [a for a in notes.actions if "横幅" in a.task]
    assert [(a.owner, a.deadline) for a in banner] == [("小美", "2031-12-04")]


def test_a_hand_over_to_two_members_is_not_taken_by_the_first_named() -> None:
    notes = chat_notes("协会-老周|主持人还是让小谭来，1月20日前把串词写好",
                       "小谭|好的",
                       "阿琳|我也可以帮忙",
                       "小谭|那天我要值班，来不了",
                       "协会-老周|那主持人换成阿琳和Cindy",
                       "Cindy|没问题",
                       start=datetime(2031, 1, 10, 20, 0))
    hosts = [(a.owner, a.deadline) for a in notes.actions if "串词" in a.task]
    assert hosts == [("阿琳和Cindy", "2031-01-20")]  # both new hosts, never 阿琳 alone nor 小谭


def test_the_speakers_own_week_said_to_someone_by_name_is_no_to_do() -> None:
    notes = chat_notes("社区-王姐|周六的义卖定在社区广场，横幅由宣传组阿杰做，周四前挂好",
                       "小美|收到",
                       "宣传组-阿杰|王姐，我这周在外地培训，周五晚上才回来",
                       start=START)
    assert not [a for a in notes.actions if "培训" in a.task]  # a plan of one's own, not the group's work


def test_a_promise_said_to_someone_by_name_stays_a_to_do() -> None:
    notes = chat_notes("社区-王姐|周六义卖，谁能帮忙借几张桌子？",
                       "宣传组-阿杰|王姐，我周五晚上把桌子借回来",
                       start=START)
    assert [a.owner for a in notes.actions if "桌子" in a.task] == ["宣传组-阿杰"]
