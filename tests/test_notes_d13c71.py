"""Round 71 (d13c71): an owner who gives their work up and hands it to a member by name in the same line ("横幅我忙不
过来，交给小吴吧") passes it on: the new member owns it everywhere, the old owner no longer does. A line that only hands
a thing over ("填完交给小吴") moves no work. A list of details to send by a day is told, not asked, though one
item is an A-not-A ("有没有热泵"): the group's to-do beside the speaker's own in the same line.

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_lines, owned_by

from copilot.notes.handovers import _passed_on_declining
from copilot.notes.reading import People, is_question
from copilot.notes.todos import find_actions

START = datetime(2027, 3, 1, 19, 30)  # a Monday evening

# a given task handed on by its owner, who names the work
GIVEN = (
    "老周|下周六社区义卖，大家看看怎么分工",
    "老周|阿芳你周四前把横幅做好",
    "阿芳|好的",
    "小林|我周五前把宣传单印出来",
    "阿芳|横幅我忙不过来，交给小吴吧",
    "小吴|好我接了",
)

# work the speaker took on, handed on without naming it
OWN = (
    "老周|下周六社区义卖，大家看看怎么分工",
    "阿芳|横幅我来做，周四前弄好",
    "小林|我周五前把宣传单印出来",
    "阿芳|这个我忙不过来，交给小吴吧",
    "小吴|好我接了",
)

# the form handed to a member once filled in: a thing handed over, no work given up
THING = (
    "老周|下周六社区义卖，大家看看怎么分工",
    "阿芳|报名表我来填，周四前填好",
    "小林|我周五前把宣传单印出来",
    "阿芳|填完交给小吴",
)


def _actions(lines: tuple[str, ...]):
    return find_actions(chat_lines(*lines, start=START))[0]


def test_a_given_task_handed_on_by_name_is_the_new_members():
    actions = _actions(GIVEN)
    banner = [a for a in actions if "横幅" in a.task]
    assert [a.owner for a in banner] == ["小吴"], [(a.owner, a.task) for a in actions]
    assert banner[0].deadline == "2027-03-04"
    assert not owned_by(actions, "阿芳")
    assert any("宣传单" in a.task for a in owned_by(actions, "小林"))


def test_own_work_handed_on_without_naming_it_leaves_its_old_owner():
    actions = _actions(OWN)
    assert not owned_by(actions, "阿芳"), [(a.owner, a.task) for a in actions]
    assert any("横幅" in a.task and a.deadline == "2027-03-04" for a in owned_by(actions, "小吴"))


def test_a_thing_handed_over_moves_no_work():
    actions = _actions(THING)
    assert any("报名表" in a.task for a in owned_by(actions, "阿芳")), [(a.owner, a.task) for a in actions]


def test_only_a_line_giving_the_work_up_passes_it_by_name():
    people = People.of(chat_lines(*GIVEN, start=START))
    assert _passed_on_declining("横幅我忙不过来，交给小吴吧", people, "阿芳") == "小吴"
    assert _passed_on_declining("周六我去不了，转给小林吧", people, "阿芳") == "小林"
    assert _passed_on_declining("填完交给小吴", people, "阿芳") is None
    assert _passed_on_declining("我忙不过来，要不交给小吴？", people, "阿芳") is None


# a host asks everyone to send a list of details, one of them an A-not-A ("有没有热泵"), by a day
REPORT = (
    "群主老韩|今晚聊聊冬天续航，大家把实测数据贴出来，我整理一个表",
    "小赵|老韩你那个表格什么时候出",
    "群主老韩|大家把车型、标称续航、实测续航、温度、有没有热泵，这周五之前私发我，周日晚上我发群里",
    "小赵|好",
)


def test_an_a_not_a_item_of_what_to_send_by_a_day_asks_nothing():
    assert not is_question("大家把车型、温度、有没有热泵，这周五之前私发我")
    assert is_question("你们有没有热泵，周五前发我？")
    assert is_question("有没有人周五前发我")
    actions = _actions(REPORT)
    assert any("车型" in a.task and a.deadline == "2027-03-05" for a in owned_by(actions, "大家")), \
        [(a.owner, a.task) for a in actions]
    assert any("发群里" in a.task for a in owned_by(actions, "群主老韩"))
