"""Round 43 (d13c43): rosters and shared work, from qa13r27's failure classes (2) and (3).

(2) a roster — a heading and lines that give only a slot and the member on it, with no verb — is one to-do per
line, with the heading's task and the line's time; a later line of its author that gives a slot to someone else,
or moves a member to another slot, replaces that entry. (3) work given to two members with a share each is one
to-do per member, and a later change of the shares by the one who gave it replaces them.

Every chat below was written for these tests (a rowing club, a community fridge, a toy library, a school
choir's parents); none is a QA chat or an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines, chat_notes

from copilot.notes.model import ActionItem
from copilot.notes.todos import find_actions

START = datetime(2026, 3, 5, 20, 0)  # a Thursday evening

_msgs = partial(chat_lines, start=START)


def _by_owner(actions: list[ActionItem]) -> dict[str, list[ActionItem]]:
    out: dict[str, list[ActionItem]] = {}
    for a in actions:
        out.setdefault(a.owner or "", []).append(a)
    return out


def test_a_roster_under_a_heading_gives_each_line_its_own_to_do_with_the_heading_task_and_time() -> None:
    actions, _, _ = find_actions(_msgs(
        "教练老魏|下个月的船库钥匙轮流拿一下",
        "教练老魏|每周日早上6点开船库，值日表：\n①3月8日 阿飞\n②3月15日 春生\n③3月22日 老魏",
        "阿飞|好的",
        "春生|收到",
    ))
    by = _by_owner(actions)
    assert [a.deadline for a in by["阿飞"]] == ["2026-03-08 06:00"]
    assert [a.deadline for a in by["春生"]] == ["2026-03-15 06:00"]
    assert [a.deadline for a in by["教练老魏"]] == ["2026-03-22 06:00"]
    assert all("开船库" in a.task for a in actions if a.owner in ("阿飞", "春生", "教练老魏"))


def test_a_heading_then_one_line_per_message_is_a_roster_that_runs_forward() -> None:
    # written on a Thursday: the roster's 周五 comes after its 周三, so it is next week's Friday
    actions, _, _ = find_actions(_msgs(
        "冰箱管理员阿梅|下周起社区冰箱每周清理三次",
        "冰箱管理员阿梅|清理排班：",
        "冰箱管理员阿梅|周一 小石",
        "冰箱管理员阿梅|周三 丽丽",
        "冰箱管理员阿梅|周五 小石",
        "丽丽|好",
    ))
    got = sorted((a.owner, a.deadline) for a in actions if "清理" in a.task)
    assert got == [("丽丽", "2026-03-11"), ("小石", "2026-03-09"), ("小石", "2026-03-13")]


def test_a_slot_given_to_someone_else_later_replaces_the_member() -> None:
    actions, _, _ = find_actions(_msgs(
        "馆长Joyce|周六玩具馆开放日的岗位：\n09:00-11:00 小栗\n11:00-13:00 阿木",
        "小栗|不好意思周六我要陪老人看病",
        "馆长Joyce|那09:00-11:00换成阿桑吧",
        "阿桑|可以",
    ))
    owners = {a.owner for a in actions if "岗位" in a.task}
    assert owners == {"阿桑", "阿木"}


def test_lines_with_a_verb_are_no_roster() -> None:
    actions, _, _ = find_actions(_msgs(
        "教练老魏|这周的安排：",
        "教练老魏|周六 大家一起去湖边跑步热身",
        "教练老魏|周日 休息",
    ))
    assert not any(a.task.endswith("（周日）") for a in actions)


def test_work_shared_with_a_share_each_is_one_to_do_per_member_and_a_later_change_replaces_the_shares() -> None:
    actions, _, _ = find_actions(_msgs(
        "合唱团家委小韩|演出用的小彩旗 朵爸和乐乐妈，每人做20面，3月20日前",
        "乐乐妈|我那两周加班，做不了那么多",
        "合唱团家委小韩|那改成朵爸 30面，乐乐妈 10面",
        "朵爸|没问题",
    ))
    by = _by_owner(actions)
    assert [("30面" in a.task, a.deadline) for a in by["朵爸"]] == [(True, "2026-03-20")]
    assert [("10面" in a.task, a.deadline) for a in by["乐乐妈"]] == [(True, "2026-03-20")]
    assert "朵爸和乐乐妈" not in by


def test_a_share_stays_as_given_when_no_one_changes_it() -> None:
    actions, _, _ = find_actions(_msgs(
        "合唱团家委小韩|谢幕的花束 朵爸、乐乐妈，各买两束，下周五前",
        "朵爸|好",
        "乐乐妈|收到",
    ))
    by = _by_owner(actions)
    assert {o: ["两束" in a.task for a in by[o]] for o in ("朵爸", "乐乐妈")} == {"朵爸": [True], "乐乐妈": [True]}


def test_a_roster_in_one_message_is_one_key_point_with_its_heading_and_lines_in_order() -> None:
    notes = chat_notes(
        "教练老魏|下个月的船库钥匙轮流拿一下，大家看看自己哪天",
        "教练老魏|船库在码头东边，钥匙放在门卫室，记得登记",
        "教练老魏|每周日早上6点开船库，值日表：\n①3月8日 阿飞\n②3月15日 春生\n③3月22日 老魏",
        "阿飞|好的",
        "春生|收到",
        start=START)
    points = [k.text for k in notes.key_points if "3月15日" in k.text]
    assert len(points) == 1
    p = points[0]
    assert "开船库" in p and p.index("3月8日") < p.index("3月15日") < p.index("3月22日")


def test_a_heading_message_then_one_message_of_marked_entries_is_a_roster() -> None:
    actions, _, _ = find_actions(_msgs(
        "社区菜园老包|浇水轮班：",
        "社区菜园老包|① 3月9日 阿霞 ② 3月10日 大刘 ③ 3月11日 阿霞",
        "阿霞|好",
        "大刘|收到",
    ))
    got = sorted((a.owner, a.deadline) for a in actions if "浇水" in a.task)
    assert got == [("大刘", "2026-03-10"), ("阿霞", "2026-03-09"), ("阿霞", "2026-03-11")]


def test_the_giver_naming_every_member_again_with_a_share_changes_the_shares() -> None:
    actions, _, _ = find_actions(_msgs(
        "合唱团家委小韩|节目单 朵爸和乐乐妈，每人折100份，3月20日前",
        "朵爸|我那边人手多，我折150吧",
        "合唱团家委小韩|好 那朵爸 150 乐乐妈 50",
        "乐乐妈|谢谢朵爸",
    ))
    by = _by_owner(actions)
    assert ["150" in a.task for a in by["朵爸"]] == [True]
    assert ["50" in a.task and "100" not in a.task for a in by["乐乐妈"]] == [True]
