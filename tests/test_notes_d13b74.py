"""Round 74 (d13b74): a call-off one member puts up and another agrees to ("舞台烟雾那个取消吧" — "同意，取消") is a
decision of both; one refused ("不行，…") or only taken in ("收到") is not. A group rule from a day on ("从下周一开始，
没打卡的一律算缺勤") that a member says yes to is a decision; a member's own plan from a day on is not. A call-off that
names nothing ("那就不去了") takes its matter from the question its speaker put before it.

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import decisions_with, exported_notes

START = datetime(2029, 5, 14, 20, 0)  # a Monday evening

# a choir's concert: a member puts up cancelling the stage smoke, the conductor says yes to it
AGREED_OFF = (
    "指挥-林老师|演出的细节大家再过一遍，有想法今晚说",
    "小周|舞台烟雾那个租金要八百，而且呛嗓子",
    "阿琳|舞台烟雾那个取消吧，省下的钱买矿泉水",
    "指挥-林老师|同意，取消",
    "小周|那矿泉水我来买，周五前搬到后台",
)

# the same call-off refused by the conductor: nothing settled
REFUSED_OFF = (
    "指挥-林老师|演出的细节大家再过一遍，有想法今晚说",
    "小周|舞台烟雾那个租金要八百，而且呛嗓子",
    "阿琳|舞台烟雾那个取消吧，省下的钱买矿泉水",
    "指挥-林老师|不行，烟雾是开场效果，要留着",
    "小周|好吧",
)

# a call-off only taken in with a bare acknowledgement: no agreement to it
NOTED_OFF = (
    "指挥-林老师|演出的细节大家再过一遍，有想法今晚说",
    "小周|舞台烟雾那个租金要八百，而且呛嗓子",
    "阿琳|舞台烟雾那个取消吧，省下的钱买矿泉水",
    "小周|收到",
)

# a running club: the captain states a rule from a day on, a member says yes; another member's own plan from a day on
DATED_RULE = (
    "队长-阿峰|这个月晨跑打卡的人越来越少了",
    "小敏|确实，上周只有五个人",
    "队长-阿峰|从下周一开始，没打卡的一律算缺勤",
    "大伟|支持",
    "小敏|从下周开始我要早点睡了，争取每天都来",
)

# the same rule asked as a question: nothing settled
DATED_ASKED = (
    "队长-阿峰|这个月晨跑打卡的人越来越少了",
    "小敏|从下周一开始，没打卡的一律算缺勤？",
    "大伟|支持",
)

# a book club: the host asks whether the outing still goes ahead, the members answer, the host calls it off
ASKED_OFF = (
    "群主-老宋|周六的植物园还去不去？降温了",
    "阿琪|风挺大的，怕冷",
    "小白|我也不太想出门",
    "群主-老宋|那就不去了",
    "阿琪|行",
)



def test_a_call_off_another_member_agrees_to_is_a_decision_of_both():
    notes = exported_notes(*AGREED_OFF, start=START)
    found = decisions_with(notes, "舞台烟雾")
    assert found, [d.text for d in notes.decisions]
    assert {"阿琳", "指挥-林老师"} <= set(found[0].by), found[0].by


def test_a_refused_call_off_is_no_decision():
    notes = exported_notes(*REFUSED_OFF, start=START)
    assert not [d for d in decisions_with(notes, "舞台烟雾") if "取消" in d.text], [d.text for d in notes.decisions]


def test_a_call_off_only_taken_in_is_no_decision():
    notes = exported_notes(*NOTED_OFF, start=START)
    assert not decisions_with(notes, "舞台烟雾"), [d.text for d in notes.decisions]


def test_a_rule_from_a_day_on_said_yes_to_is_a_decision():
    notes = exported_notes(*DATED_RULE, start=START)
    found = decisions_with(notes, "缺勤")
    assert found, [d.text for d in notes.decisions]
    assert found[0].by[0] == "队长-阿峰", found[0].by


def test_a_members_own_plan_from_a_day_on_is_no_decision():
    notes = exported_notes(*DATED_RULE, start=START)
    assert not decisions_with(notes, "早点睡"), [d.text for d in notes.decisions]


def test_a_rule_from_a_day_on_asked_is_no_decision():
    notes = exported_notes(*DATED_ASKED, start=START)
    assert not decisions_with(notes, "缺勤"), [d.text for d in notes.decisions]


def test_a_call_off_naming_nothing_takes_the_matter_its_speaker_asked():
    notes = exported_notes(*ASKED_OFF, start=START)
    found = decisions_with(notes, "不去了")
    assert found, [d.text for d in notes.decisions]
    assert "植物园" in found[0].text, found[0].text


# a member passes on hearsay of a call-off and another says "行": a report, nothing put up or settled
HEARD_OFF = (
    "班长-小郑|周四的实验课记得带护目镜",
    "阿豪|听说周四的实验课取消了，老师去开会",
    "小雯|行，那我不带护目镜了",
)

# a member puts a call-off up, another says yes, then the organiser refuses it: still open
LATE_NO = (
    "群主-老韩|周日的露营大家把帐篷检查一下",
    "阿豪|露营的大巴取消吧，自己开车更方便",
    "小雯|可以",
    "群主-老韩|不行，大巴已经付了定金",
)


def test_a_call_off_only_heard_of_is_no_decision():
    notes = exported_notes(*HEARD_OFF, start=START)
    assert not decisions_with(notes, "实验课"), [d.text for d in notes.decisions]


def test_a_call_off_the_organiser_refuses_after_a_yes_is_no_decision():
    notes = exported_notes(*LATE_NO, start=START)
    assert not [d for d in decisions_with(notes, "大巴") if "取消" in d.text], [d.text for d in notes.decisions]
