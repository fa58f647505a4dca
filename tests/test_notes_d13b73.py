"""Round 73 (d13b73): a rule for the future said by the one who runs the discussion ("那以后…统一/都/一律…"),
closing what the members said on it, is a decision without any settling word; a member's question or wish about
the future is not. A yes that takes note of work the organiser just gave out ("…周五前交给小周" — "好") agrees to
no proposal made before that work.

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import decisions_with, exported_notes

START = datetime(2029, 4, 9, 20, 0)  # a Monday evening

# a parents' carpool group: after the members talk about who drives, the organiser states the rule for the future
CARPOOL = (
    "群主-周妈妈|接送孩子拼车的事，大家说说怎么安排",
    "乐乐爸|每次临时问谁有空太乱了，经常没人开车",
    "朵朵妈|轮流开车我没问题，一家一周",
    "小宇爸爸|一家一周挺好，我下周可以先开",
    "群主-周妈妈|以后拼车一律按一家一周轮流，接龙排好顺序",
    "乐乐爸|好的",
)

# the same rule asked by a member as a question, and a wish nobody takes up: nothing settled
ASKED = (
    "群主-周妈妈|接送孩子拼车的事，大家说说怎么安排",
    "乐乐爸|每次临时问谁有空太乱了，经常没人开车",
    "朵朵妈|以后能不能都按一家一周轮流？",
    "小宇爸爸|我想以后周末也都拼车，省油钱",
    "群主-周妈妈|这周五下午四点放学，别迟到",
)

# a member's remark about the future with no discussion on its subject before it: no decision either
REMARK = (
    "群主-周妈妈|明天学校开运动会，记得穿校服",
    "朵朵妈|收到",
    "乐乐爸|以后开会都别放在周一了，太赶",
)

# a member's proposal, then the organiser gives other work out and the yeses take note of that work; the organiser
# later settles the proposal: those yeses agreed to nothing of it
NOTED = (
    "小宇爸爸|我提议下个月组织一次去植物园的亲子活动",
    "群主-周妈妈|这周的班费每人50元，周五前交给小周",
    "乐乐爸|好",
    "朵朵妈|可以",
    "群主-周妈妈|植物园亲子活动就按小宇爸爸说的办，下个月第二个周六",
)

# the same yeses given to a proposal put to the group: the organiser's close is a decision they agreed to
PROPOSED = (
    "小宇爸爸|我提议下个月组织一次去植物园的亲子活动",
    "乐乐爸|好",
    "朵朵妈|可以",
    "群主-周妈妈|行，下个月去植物园亲子活动，小周你统计一下人数",
)



def test_a_rule_for_the_future_closing_the_talk_is_a_decision():
    notes = exported_notes(*CARPOOL, start=START)
    found = decisions_with(notes, "一家一周")
    assert found, [d.text for d in notes.decisions]
    assert found[0].by[0] == "群主-周妈妈"


def test_a_question_or_wish_about_the_future_is_no_decision():
    notes = exported_notes(*ASKED, start=START)
    assert not decisions_with(notes, "一家一周"), [d.text for d in notes.decisions]
    assert not decisions_with(notes, "拼车"), [d.text for d in notes.decisions]


def test_a_remark_on_no_subject_talked_about_is_no_decision():
    notes = exported_notes(*REMARK, start=START)
    assert not decisions_with(notes, "周一"), [d.text for d in notes.decisions]


def test_yeses_to_work_given_out_agree_to_no_proposal_before_it():
    notes = exported_notes(*NOTED, start=START)
    found = decisions_with(notes, "植物园")
    assert found, [d.text for d in notes.decisions]
    assert not {"乐乐爸", "朵朵妈"} & set(found[0].by), found[0].by


def test_yeses_to_a_proposal_still_close_it():
    notes = exported_notes(*PROPOSED, start=START)
    found = decisions_with(notes, "植物园")
    assert found, [d.text for d in notes.decisions]
    assert {"乐乐爸", "朵朵妈"} <= set(found[0].by), found[0].by
