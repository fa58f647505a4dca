"""Round 71 (d13d71): a line that closes what the members just agreed to and then gives work is a decision AND a
to-do — also where the settling or still-to-settle word ("定下来") is only in the work it gives ("…，民宿我来订，
周三前把房间定下来": the booking), not in what it settles.

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import exported_notes

START = datetime(2027, 5, 10, 20, 0)  # a Monday evening

# a hiking group: the members agree to stay overnight; the leader closes it and takes the booking on
OVERNIGHT = (
    "领队阿强|端午去武功山的事，今晚大家商量一下",
    "小敏|当天上下山太赶了，要不要在山上住一晚？",
    "大刘|我觉得住一晚好，还能看日出",
    "小敏|住一晚我同意",
    "领队阿强|行，那就住一晚，第二天看完日出下山，民宿我来订，周三前把房间定下来",
    "大刘|好的",
)

# the same words as a question still put to the group: nothing is settled yet
ASKED = (
    "领队阿强|端午去武功山的事，今晚大家商量一下",
    "小敏|当天上下山太赶了，要不要在山上住一晚？",
    "大刘|我觉得住一晚好，还能看日出",
    "小敏|住一晚我同意",
    "领队阿强|住不住一晚，我们明天把这事定下来",
)

# the leader's line settles by its own word before the work: read as before (a settling line, one decision)
SETTLED = (
    "领队阿强|端午去武功山的事，今晚大家商量一下",
    "小敏|当天上下山太赶了，要不要在山上住一晚？",
    "大刘|我觉得住一晚好，还能看日出",
    "小敏|住一晚我同意",
    "领队阿强|那就定了，住一晚，民宿我来订",
)


def test_a_close_of_what_was_agreed_is_a_decision_and_its_work_a_todo():
    notes = exported_notes(*OVERNIGHT, start=START)
    decided = [d for d in notes.decisions if "住一晚" in d.text]
    assert decided, [d.text for d in notes.decisions]
    assert "定下来" not in decided[0].text  # the booking is the to-do, not the decision
    assert any("民宿" in a.task or "房间" in a.task for a in notes.actions if a.owner == "领队阿强"), \
        [(a.owner, a.task) for a in notes.actions]


def test_a_matter_left_to_settle_tomorrow_is_no_decision():
    notes = exported_notes(*ASKED, start=START)
    assert not any("住一晚" in d.text for d in notes.decisions), [d.text for d in notes.decisions]


def test_a_line_settling_by_its_own_word_is_still_one_decision():
    notes = exported_notes(*SETTLED, start=START)
    assert len([d for d in notes.decisions if "住一晚" in d.text]) == 1, [d.text for d in notes.decisions]


# the settling word opens the clause that already names who does what: the whole settled plan stays the decision
ROTA = (
    "组长-小芸|爱心冰箱的面包晚上谁去面包店取，大家报一下",
    "老马|我周一周三可以，我就住楼上",
    "阿杰|周五我也行",
    "组长-小芸|好，那就这么定：面包每周一、周三老马去取，周五阿杰，其他晚上轮流，值班表我明天发群里",
    "老马|好",
)


def test_a_settling_word_before_the_first_name_keeps_the_whole_plan():
    notes = exported_notes(*ROTA, start=START)
    assert any("老马去取" in d.text for d in notes.decisions), [d.text for d in notes.decisions]
