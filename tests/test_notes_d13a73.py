"""Round 73 (d13a73): the former owner hands their work on in one line with their reason, saying the work was theirs
to begin with ("春联我本来要写的，下周要去外地，交给老马吧", "訂位本來我負責的…交給阿芬吧"): the work moves whole, with its
date, to the member named after the handing word. 本来 of someone else's plan, a hand-over only wished for, and a form
handed in once filled move nothing.

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_lines, owned_by

from copilot.notes.handovers import _passed_on_declining, _withdraws
from copilot.notes.reading import People
from copilot.notes.todos import find_actions

START = datetime(2029, 1, 15, 20, 0)  # a Monday evening

# Simplified: the owner's reason and the hand-over in one line
SAME_LINE = (
    "会长老邓|周六写春联送邻居，今晚分个工",
    "阿珍|春联我来写，周五前写好30副",
    "小冯|红纸我去买",
    "阿珍|春联我本来要写的，下周要去外地，交给老马吧",
    "老马|行，我来写",
)

# Traditional: 本來 with 我 after it
TRAD = (
    "團長阿梁|下週聚餐，大家分一下工",
    "阿欣|訂位我來負責，週三前訂好",
    "大偉|飲料我帶",
    "阿欣|訂位本來我負責的，公司臨時要我加班，交給阿芬吧",
    "阿芬|好，我來訂",
)

# the organiser hands it on naming the former owner after 原来
THIRD_PERSON = (
    "会长老邓|周六写春联送邻居，今晚分个工",
    "阿珍|春联我来写，周五前写好30副",
    "小冯|红纸我去买",
    "阿珍|下周我可能要去外地",
    "会长老邓|春联原来阿珍写，她要出门，交给老马吧",
    "老马|好的",
)

# 本来 of someone else's plan: no 我 beside it, nobody hands anything on
OTHERS_PLAN = (
    "会长老邓|周六写春联送邻居，今晚分个工",
    "阿珍|春联我来写，周五前写好30副",
    "小冯|本来老马说要来帮忙，后来他回老家了",
    "阿珍|没事，我一个人写得完",
)

# a form handed in once filled: the work stays with who fills it
HANDED_IN = (
    "会长老邓|周六写春联送邻居，今晚分个工",
    "阿珍|登记表我来填，周四前填好",
    "阿珍|我本来就填过一次，填完交给老马",
)


def _actions(lines: tuple[str, ...]):
    return find_actions(chat_lines(*lines, start=START))[0]


def _where(actions):
    return [(a.owner, a.task, a.deadline) for a in actions]


def test_own_work_handed_on_in_the_line_giving_the_reason_is_the_named_members():
    actions = _actions(SAME_LINE)
    assert not owned_by(actions, "阿珍"), _where(actions)
    assert any("春联" in a.task and a.deadline == "2029-01-19" for a in owned_by(actions, "老马")), _where(actions)
    assert any("红纸" in a.task for a in owned_by(actions, "小冯"))


def test_traditional_once_mine_hand_over_moves_the_work_with_its_date():
    actions = _actions(TRAD)
    assert not owned_by(actions, "阿欣"), _where(actions)
    assert any("訂位" in a.task and a.deadline == "2029-01-17" for a in owned_by(actions, "阿芬")), _where(actions)


def test_a_hand_over_naming_the_former_owner_after_yuanlai_moves_their_work():
    actions = _actions(THIRD_PERSON)
    assert not any("春联" in a.task for a in owned_by(actions, "阿珍")), _where(actions)
    assert any("春联" in a.task and a.deadline == "2029-01-19" for a in owned_by(actions, "老马")), _where(actions)
    assert any("红纸" in a.task for a in owned_by(actions, "小冯")), _where(actions)
    # naming another member after 原来 moves nothing of 阿珍's
    other = _actions((*THIRD_PERSON[:4], "会长老邓|红纸原来小冯买，交给老马吧"))
    assert any("春联" in a.task for a in owned_by(other, "阿珍")), _where(other)


def test_someone_elses_plan_moves_nothing():
    actions = _actions(OTHERS_PLAN)
    assert any("春联" in a.task and a.deadline == "2029-01-19" for a in owned_by(actions, "阿珍")), _where(actions)
    assert not owned_by(actions, "老马"), _where(actions)


def test_a_form_handed_in_once_filled_keeps_its_filler():
    actions = _actions(HANDED_IN)
    assert any("登记表" in a.task for a in owned_by(actions, "阿珍")), _where(actions)
    assert not owned_by(actions, "老马"), _where(actions)


def test_only_the_once_mine_form_with_a_name_closing_the_clause_hands_on():
    people = People.of(chat_lines(*SAME_LINE, start=START))
    line = "春联我本来要写的，下周要去外地，交给老马吧"
    assert _passed_on_declining(line, people, "阿珍") == "老马"
    assert _withdraws(line, people, "阿珍")
    assert _passed_on_declining("本来说好老马写的，交给老马吧", people, "阿珍") is None  # no 我 beside 本来
    assert _passed_on_declining("我本来想交给老马的", people, "阿珍") is None  # only wished for
    assert _passed_on_declining("我本来要写的，要不交给老马？", people, "阿珍") is None  # asked
    assert not _withdraws("我本来就想写春联，正好", people, "阿珍")  # no hand-over at all
    assert _passed_on_declining("我本来要写春联，手受伤了，让老马来吧", people, "阿珍") == "老马"
    assert _passed_on_declining("我本来要写春联，让老马帮我裁纸", people, "阿珍") is None  # 让 asks a help, no hand-over
    assert _passed_on_declining("本来我写的，给老马打个电话问问", people, "阿珍") is None
