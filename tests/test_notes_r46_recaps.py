"""Round 46 (d13d46): a request to everyone to report by a deadline is the group's to-do, not a question.

"每家几个人、哪天到，明晚8点前在群里报一下" names what to report (its 几/哪 ask nobody in the chat) and gives
the group a deadline: a to-do for 大家 with that deadline. A household subject (每家/每户) is the whole group.
Every chat below was written for these tests (a family reunion dinner, a school garden rota); none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines

from copilot.notes.reading import is_question
from copilot.notes.todos import find_actions

START = datetime(2027, 3, 2, 20, 0)  # a Tuesday evening

_msgs = partial(chat_lines, start=START)


def test_what_to_report_by_a_deadline_is_not_a_question():
    assert not is_question("每家来几个人、住几晚，周四晚上9点前在群里报一下，我好订房")
    assert not is_question("每户认领哪几天，这周五前在群里说一声")


def test_a_real_question_with_a_deadline_still_asks():
    # bad inputs for the rule: a question mark, or no report asked of the group
    assert is_question("每家来几个人，周四前能报齐吗？")
    assert is_question("你们几点到")
    assert is_question("明天几点集合，我晚点在群里说一下")


def test_report_request_to_every_household_is_the_groups_todo():
    actions, _, _ = find_actions(_msgs(
        "二姑|清明回老家吃饭的事，今晚排一下",
        "二姑|每家来几个人、住几晚，周四晚上9点前在群里报一下，我好订房",
        "小舅|我家三个人",
    ))
    due = [a for a in actions if a.owner == "大家" and "报一下" in a.task]
    assert due and due[0].deadline == "2027-03-04 21:00"


def test_each_household_with_a_deadline_is_everyone():
    actions, _, _ = find_actions(_msgs(
        "园艺老师|学校菜园下个月开始轮流浇水",
        "园艺老师|每户认领哪几天，这周五前在群里说一声",
    ))
    assert any(a.owner == "大家" and a.deadline == "2027-03-05" for a in actions)


def test_a_question_to_the_chat_gives_no_group_todo():
    # bad input: the same words asked with no deadline and no report request
    actions, _, _ = find_actions(_msgs(
        "二姑|清明回老家吃饭的事，今晚排一下",
        "二姑|每家来几个人、住几晚",
    ))
    assert not any(a.owner == "大家" for a in actions)
