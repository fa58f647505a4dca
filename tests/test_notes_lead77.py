"""Round 77 (lead), from a fresh tester's astronomy-club talk: a Latin word with a number after it is a grade,
model or version, not a member who owns a to-do ("光污染 Bortle 4 级以下" made a to-do owned by "Bortle")."""

from __future__ import annotations

import re

import pytest

from copilot.notes.offline import summarize_offline
from copilot.notes.parse import parse_text
from copilot.notes.todos import _latin_name

TALK = """2026-11-14 20:05:30 老周(10004)
第三，时间和地点。新月前后三天最好，月亮一出来银河就淡了。

2026-11-14 20:06:10 老周(10004)
地点要找光污染 Bortle 4 级以下的地方，北京周边可以看光污染地图，云蒙山、白河峡谷都不错。

2026-11-14 20:07:02 老周(10004)
装 Python 3 的同学可以用我那个脚本算曝光时间。

2026-11-14 20:08:40 小北(10001)
今晚的文字版我来整理，今晚发群里。

2026-11-14 20:09:15 老周(10004)
让Lisa 3点前把报名表交上来，明天我统一报给景区。
"""


@pytest.mark.parametrize(("line", "word", "named"), [
    ("地点要找光污染 Bortle 4 级以下的地方", "Bortle", False),   # a grade with its number
    ("装 Python 3 就行", "Python", False),                      # a version
    ("买 iPhone 15 的话要看镜头", "Phone", False),              # (lower-case i: the capitalised rest is no name)
    ("让Lisa 3点前把表交上来", "Lisa", True),                   # the number is a time: Lisa's work
    ("请Vivian 12月5日前交", "Vivian", True),                   # a date
    ("Lisa 明天交表", "Lisa", True),
])
def test_a_latin_word_with_a_number_after_it(line: str, word: str, named: bool) -> None:
    m = re.search(word, line)
    assert m is not None
    assert _latin_name(line, m.start(), m.end()) is named


def test_a_grade_in_a_talk_is_no_owner_and_a_named_member_with_a_time_is() -> None:
    notes = summarize_offline(parse_text(TALK, "星空摄影群"))
    owners = {a.owner for a in notes.actions}
    assert "Bortle" not in owners and "Python" not in owners
    assert "小北" in owners
    assert any(a.owner == "Lisa" and "报名表" in a.task for a in notes.actions), [(a.owner, a.task) for a in notes.actions]


BOAT = """2026-11-20 20:00:00 教練阿強(20001)
各位，下個月比賽前要加操，今晚定埋加操日子同地點。

2026-11-20 20:01:10 阿峰(20002)
星期四得唔得？

2026-11-20 20:02:00 阿詩(20003)
星期四會所冇船喎

2026-11-20 20:03:30 教練阿強(20001)
咁就決定加操逢星期三晚上7點，沙田城門河，下個星期三開始。

2026-11-20 20:04:00 阿峰(20002)
OK 收到

2026-11-20 20:04:30 阿詩(20003)
好
"""


def test_a_decision_appended_to_another_members_answer_says_whose_it_is() -> None:
    notes = summarize_offline(parse_text(BOAT, "龍舟隊"))
    pair = next(q for q in notes.qa if "星期四" in q.question)
    assert pair.answerer == "阿詩"
    # the coach's decision follows 阿詩's reply under the coach's own name, not as 阿詩's words
    assert pair.answer.startswith("星期四會所冇船喎")
    assert "（教練阿強：" in pair.answer and "城門河" in pair.answer.split("（教練阿強：")[1]
