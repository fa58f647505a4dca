"""A member's own dated errand is no group work ("我下周去北京出差"), but going somewhere to buy, book, borrow or sign
something up for the group is a promise ("我明天去买颜料", "我明天去体育馆把三号场订下来"): cue personal.own_errand
stops short of a 买/订/借/领/登记 after the going. Chats written for this test."""

from __future__ import annotations

from copilot.notes.parse import parse_text
from copilot.notes.reading import about_oneself
from copilot.notes.todos import find_actions

SKETCH = """[2026-12-09 20:00] 会长老周: 周日上午去植物园写生，九点南门集合，大家看看各自能帮点什么
[2026-12-09 20:02] 小林: 我明天去买颜料，丙烯的够用吧
[2026-12-09 20:03] 会长老周: 够用，买十二色的就行
[2026-12-09 20:05] 阿梅: 我下周去北京出差，这次就不去了
"""

COURT = """[2026-12-16 20:00] 队长阿峰: 下周日的内部赛在体育馆三号场，上午九点到十二点，报名的在群里接龙
[2026-12-16 20:02] 小胖: 我明天去体育馆把三号场订下来
[2026-12-16 20:04] Echo: 我明天去医院复查，比赛前应该能好
"""


def test_going_to_buy_for_the_outing_is_the_speakers_to_do() -> None:
    actions = find_actions(parse_text(SKETCH, "sketch.txt").messages)[0]
    assert [(a.owner, a.deadline) for a in actions if "颜料" in a.task] == [("小林", "2026-12-10")]
    assert not any("出差" in a.task for a in actions)


def test_going_to_book_the_court_is_a_promise_a_checkup_is_not() -> None:
    actions = find_actions(parse_text(COURT, "court.txt").messages)[0]
    assert [a.owner for a in actions if "三号场订" in a.task] == ["小胖"]
    assert not any("复查" in a.task for a in actions)


def test_an_errand_of_ones_own_still_reads_as_ones_own() -> None:
    assert about_oneself("我明天去北京出差")
    assert about_oneself("我下周回老家")
    assert not about_oneself("我明天去五金行買垃圾袋")
    assert not about_oneself("我周一去居委会登记")
