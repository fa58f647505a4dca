"""Round 53 (d13b53): a talk's host holds the questions for the speaker ("大家有问题先攒着，X讲完统一回答"), and a
round clause that names its asker ("朵朵妈问的，…") takes that asker's question and no one else's.

Every chat below was written for these tests (a paediatric talk for parents); none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_structure

START = datetime(2027, 5, 19, 20, 0)  # a Wednesday evening

_structure = partial(chat_structure, start=START)

_SLEEP_TALK = (
    "班主任孙老师|今晚请儿科的赵医生讲讲「孩子晚上睡不好怎么办」，大家有问题先攒着，赵医生讲完统一回答",
    "班主任孙老师|有请赵医生",
    "赵医生|大家好，我讲三点。第一，3到6岁每天要睡10到13个小时，包括午睡",
    "豆豆妈|孩子半夜总是醒 是不是缺钙",
    "赵医生|第二，睡前一小时不看屏幕，房间温度保持在20度左右",
    "小米爸|午睡睡太久晚上睡不着 要不要叫醒",
    "赵医生|第三，固定作息，周末起床时间也不要比平时晚一小时以上",
    "赵医生|讲完了，统一回答一下：\n1. 豆豆妈问的，半夜醒大多和缺钙无关，先看睡前有没有吃太饱、房间是不是太热\n"
    "2. 小米爸问的，午睡超过两小时可以轻轻叫醒，下午3点以后尽量不睡",
    "豆豆妈|明白了 谢谢赵医生",
)


def test_the_hosts_holding_line_holds_the_questions_for_the_speaker() -> None:
    s = _structure(*_SLEEP_TALK)
    by_asker = {q.asker: q for q in s.qa}
    # the talk's next point ("第二，…") is no answer to the question asked just before it
    assert "第二" not in by_asker["豆豆妈"].answer and "第三" not in by_asker["小米爸"].answer
    assert "缺钙无关" in by_asker["豆豆妈"].answer
    assert "两小时" in by_asker["小米爸"].answer
    assert all(q.answerer == "赵医生" for q in s.qa)


def test_a_clause_naming_its_asker_goes_to_that_asker_only() -> None:
    s = _structure(*_SLEEP_TALK)
    by_asker = {q.asker: q for q in s.qa}
    assert "缺钙" not in by_asker["小米爸"].answer
    assert "午睡超过" not in by_asker["豆豆妈"].answer
